import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { initNodeParsers } from '../../../server/src/node/wasm';
import { environmentAt, parseShell, wordSubSpan, type ParseShellOptions, type ShellScript, type ShellWord } from '../../../server/src/parse/shell';
import type { Span } from '../../../server/src/parse/span';
import type { Parsers } from '../../../server/src/parse/tree-sitter';

let parsers: Parsers;
before(async () => {
	parsers = await initNodeParsers();
});

/** Parses `fragment` placed at `prefix.length` inside a document `prefix + fragment + suffix`. */
function parseIn(prefix: string, fragment: string, options: ParseShellOptions = {}, suffix = '\n') {
	const doc = prefix + fragment + suffix;
	const script = parseShell(parsers, fragment, { ...options, baseOffset: prefix.length });
	return { doc, script, at: (span: Span) => doc.slice(span.start, span.end) };
}

function values(script: ShellScript, index: number): (string | undefined)[] {
	return script.commands[index].words.map((w) => w.value);
}

/** Every word's raw text must be exactly the document slice of its span. */
function assertRawMatchesSpans(doc: string, script: ShellScript): void {
	for (const c of script.commands) {
		for (const w of c.words) assert.equal(doc.slice(w.span.start, w.span.end), w.raw, `word ${JSON.stringify(w.text)}`);
		for (const a of c.assignments) assert.equal(doc.slice(a.value.span.start, a.value.span.end), a.value.raw);
	}
}

describe('parseShell: commands and connectors', () => {
	it('a multi-line && chain with backslash continuations, offsets in document coordinates', () => {
		const prefix = 'FROM golang:1.22\nRUN ';
		const body = 'apk add --no-cache git \\\n    && cd /src \\\n    && CGO_ENABLED=0 GOOS=linux go build -o /out/app ./cmd/app';
		const { doc, script, at } = parseIn(prefix, body, { dockerfile: { escapeChar: '\\' } });
		assert.deepEqual(script.syntaxErrors, []);
		assert.equal(script.commands.length, 3);
		assert.deepEqual(values(script, 0), ['apk', 'add', '--no-cache', 'git']);
		assert.deepEqual(values(script, 1), ['cd', '/src']);
		assert.deepEqual(values(script, 2), ['go', 'build', '-o', '/out/app', './cmd/app']);
		assert.deepEqual(script.commands.map((c) => c.connector), [undefined, '&&', '&&']);
		assert.deepEqual(script.commands.map((c) => c.nextConnector), ['&&', '&&', undefined]);
		assert.deepEqual(script.commands.map((c) => c.kind), ['simple', 'cd', 'simple']);
		const go = script.commands[2];
		assert.equal(at(go.span), 'CGO_ENABLED=0 GOOS=linux go build -o /out/app ./cmd/app');
		assert.deepEqual(go.assignments.map((a) => [a.name, a.value.value, at(a.span), at(a.nameSpan), at(a.value.span)]), [
			['CGO_ENABLED', '0', 'CGO_ENABLED=0', 'CGO_ENABLED', '0'],
			['GOOS', 'linux', 'GOOS=linux', 'GOOS', 'linux'],
		]);
		assert.equal(at(go.words[3].span), '/out/app');
		assertRawMatchesSpans(doc, script);
	});

	it('; | & newline || connectors and pipelines', () => {
		const { script } = parseIn('', 'a; b | c & d\ne || f');
		assert.deepEqual(script.commands.map((c) => c.name), ['a', 'b', 'c', 'd', 'e', 'f']);
		assert.deepEqual(script.commands.map((c) => c.connector), [undefined, ';', '|', '&', 'newline', '||']);
		assert.deepEqual(script.commands[1].within, ['pipeline']);
		assert.equal(script.commands[5].conditional, true);
		assert.equal(script.commands[4].conditional, false);
	});

	it('the example RUN line: -ldflags with quotes and a ${VERSION} expansion', () => {
		const body = 'cd /src && CGO_ENABLED=0 GOOS=linux go build -ldflags="-s -w -X main.version=${VERSION}" -o /out/app ./cmd/app';
		const { doc, script, at } = parseIn('RUN ', body);
		const words = script.commands[1].words;
		const ld = words[2];
		assert.equal(ld.dynamic, true);
		assert.equal(ld.value, undefined);
		assert.equal(ld.text, '-ldflags=-s -w -X main.version=${VERSION}');
		assert.equal(at(ld.span), '-ldflags="-s -w -X main.version=${VERSION}"');
		// Characters of the unquoted text map back into the document.
		const s = ld.text.indexOf('-s');
		assert.equal(at(wordSubSpan(ld, s, s + 2)), '-s');
		const v = ld.text.indexOf('${VERSION}');
		assert.equal(at(wordSubSpan(ld, v, v + '${VERSION}'.length)), '${VERSION}');
		const expansion = ld.parts.find((p) => p.kind === 'expansion')!;
		assert.equal(expansion.variable, 'VERSION');
		assert.equal(at(expansion.span), '${VERSION}');
		assertRawMatchesSpans(doc, script);
	});

	it('resolves ${VERSION} from the initial env, mapping its characters to the expansion', () => {
		const body = 'go build -ldflags="-X main.version=${VERSION}" .';
		const { script, at } = parseIn('RUN ', body, { initialEnv: { VERSION: '1.2.3' } });
		const ld = script.commands[0].words[2];
		assert.equal(ld.value, '-ldflags=-X main.version=1.2.3');
		const i = ld.text.indexOf('1.2.3');
		assert.equal(at(wordSubSpan(ld, i, i + 5)), '${VERSION}');
	});

	it('quotes: single, double, $\'…\', concatenation and escapes', () => {
		const body = `echo 'a b' "c \\"d\\" \\$e" $'x\\ty\\n' 'q'"r"s\\ t "a\\b"`;
		const { doc, script, at } = parseIn('', body);
		assert.deepEqual(values(script, 0), ['echo', 'a b', 'c "d" $e', 'x\ty\n', 'qrs t', 'a\\b']);
		const concatenated = script.commands[0].words[4];
		assert.equal(at(concatenated.span), `'q'"r"s\\ t`);
		// "r" is the character at index 1; it comes from the document's `r` between the double quotes.
		assert.equal(at(wordSubSpan(concatenated, 1, 2)), 'r');
		assert.equal(at(wordSubSpan(concatenated, 3, 4)), '\\ ');
		assertRawMatchesSpans(doc, script);
	});

	it('glob and tilde are noted; unknown variables make a word dynamic', () => {
		const { script } = parseIn('', 'ls *.go ~/go "$HOME" $(pwd)');
		const [, glob, tilde, home, sub] = script.commands[1].words;
		assert.equal(glob.glob, true);
		assert.equal(glob.value, '*.go');
		assert.equal(tilde.dynamic, true);
		assert.equal(tilde.parts[0].expansion, 'tilde');
		assert.equal(home.dynamic, true);
		assert.equal(home.splittable, false);
		assert.equal(sub.splittable, true);
		// The command inside $(…) is recorded too, before the command that uses its output.
		assert.equal(script.commands[0].name, 'pwd');
		assert.deepEqual(script.commands[0].within, ['command-substitution']);
	});

	it('field splitting of a resolved unquoted variable, and an empty one vanishing', () => {
		const { script, at } = parseIn('', 'FLAGS="-s -w"; EMPTY=; go build $FLAGS $EMPTY -o x "$EMPTY"');
		const go = script.commands[2];
		assert.deepEqual(go.words.map((w) => w.value), ['go', 'build', '-s', '-w', '-o', 'x', '']);
		assert.equal(at(go.words[2].span), '$FLAGS');
		assert.equal(at(go.words[3].span), '$FLAGS');
	});

	it('sh -c and bash -ec: the inner script is parsed with offsets mapped through the quoting', () => {
		const body = `sh -c "go build -ldflags \\"-s -w\\" -o /app ." && bash -ec 'cd /x; go vet ./...'`;
		const { doc, script, at } = parseIn('RUN ', body);
		assert.deepEqual(script.commands.map((c) => c.name), ['sh', 'go', 'bash', 'cd', 'go']);
		const inner = script.commands[1];
		assert.deepEqual(inner.words.map((w) => w.value), ['go', 'build', '-ldflags', '-s -w', '-o', '/app', '.']);
		assert.deepEqual(inner.within, ['child-shell']);
		assert.equal(inner.parentCommand, 0);
		assert.equal(at(inner.words[3].span), '\\"-s -w\\"');
		assert.equal(at(inner.words[5].span), '/app');
		assert.equal(at(inner.span), 'go build -ldflags \\"-s -w\\" -o /app .');
		assert.equal(script.commands[2].connector, '&&');
		assert.equal(at(script.commands[4].words[2].span), './...');
		assertRawMatchesSpans(doc, script);
	});

	it('su -c and eval: parsed too; eval in the same shell', () => {
		const { script, at } = parseIn('', `su -c 'go build -o /su .' app; eval "export GOOS=\\$T;" 'go build -o /e .'`, { initialEnv: { T: 'linux' } });
		assert.deepEqual(script.commands.map((c) => c.name), ['su', 'go', 'eval', 'export', 'go']);
		assert.deepEqual(script.commands[1].within, ['child-shell']);
		assert.equal(at(script.commands[1].words[3].span), '/su');
		assert.deepEqual(script.commands[3].within, ['eval']);
		assert.equal(script.commands[3].declarations[0].value!.value, 'linux');
		assert.equal(at(script.commands[4].words[3].span), '/e');
		assert.equal(environmentAt(script, 4).env.get('GOOS')!.value, 'linux');
	});

	it('bash <<EOF: a heredoc fed to a shell is parsed as its script', () => {
		const body = 'bash <<EOF\ncd /src\ngo build -o /app .\nEOF';
		const { script, at } = parseIn('RUN ', body);
		assert.deepEqual(script.commands.map((c) => c.name), ['bash', 'cd', 'go']);
		assert.equal(at(script.commands[2].words[3].span), '/app');
	});

	it('a heredoc body (RUN <<EOF) is shell text of its own', () => {
		const doc = 'RUN <<EOF\nset -e\nexport CGO_ENABLED=0\ngo build -o /bin/app ./cmd/app\nEOF\n';
		const start = doc.indexOf('set -e');
		const end = doc.indexOf('EOF\n', start);
		const script = parseShell(parsers, doc.slice(start, end), { baseOffset: start });
		assert.deepEqual(script.commands.map((c) => c.name), ['set', 'export', 'go']);
		assert.deepEqual(script.commands.map((c) => c.connector), [undefined, 'newline', 'newline']);
		const out = script.commands[2].words[3];
		assert.equal(doc.slice(out.span.start, out.span.end), '/bin/app');
	});

	it('redirections: arguments after `2>/dev/null` stay arguments (tree-sitter-bash puts them under the redirect)', () => {
		const { script, at } = parseIn('', 'go build 2>/dev/null -o x . && a && go vet >log ./...');
		assert.deepEqual(values(script, 0), ['go', 'build', '-o', 'x', '.']);
		assert.equal(at(script.commands[0].words[2].span), '-o');
		assert.deepEqual(values(script, 2), ['go', 'vet', './...']);
	});

	it('$"…" and a\\⏎b are one word each (grammar quirks)', () => {
		const { script } = parseIn('', 'echo $"x y" a\\\nb');
		assert.deepEqual(values(script, 0), ['echo', 'x y', 'ab']);
	});

	it('subshells, groups, if, for, case, functions carry their context', () => {
		const body = '(cd /a && go build) ; { go test ./...; } ; if true; then go run .; fi; for a in 1; do go vet; done; f() { go env; }';
		const { script } = parseIn('', body);
		const within = Object.fromEntries(script.commands.map((c) => [c.words.slice(0, 2).map((w) => w.value).join(' '), c.within.join('/')]));
		assert.equal(within['go build'], 'subshell');
		assert.equal(within['go test'], 'group');
		assert.equal(within['go run'], 'if');
		assert.equal(within['go vet'], 'loop');
		assert.equal(within['go env'], 'function/group');
		assert.equal(script.commands.find((c) => c.name === 'go' && c.words[1]?.value === 'run')!.conditional, true);
	});

	it('CRLF text: no stray carriage returns in values, continuation still works', () => {
		const body = 'apk add gcc \\\r\n    musl-dev\r\ngo build -o /app .\r\n';
		const { doc, script, at } = parseIn('RUN ', body, { dockerfile: { escapeChar: '\\' } });
		assert.deepEqual(script.syntaxErrors, []);
		assert.deepEqual(values(script, 0), ['apk', 'add', 'gcc', 'musl-dev']);
		assert.deepEqual(values(script, 1), ['go', 'build', '-o', '/app', '.']);
		assert.equal(at(script.commands[1].words[4].span), '.');
		assertRawMatchesSpans(doc, script);
	});

	it('non-ASCII comment before the command: offsets are UTF-16 code units', () => {
		const prefix = 'LABEL maintainer="Zoë 🐳"\nRUN ';
		const body = '# Zoë 🐳 builds here\ngo build -o "/out/ä🐳" .';
		const { doc, script, at } = parseIn(prefix, body);
		const go = script.commands[0];
		assert.equal(go.words[3].value, '/out/ä🐳');
		assert.equal(at(go.words[3].span), '"/out/ä🐳"');
		assert.equal(at(wordSubSpan(go.words[3], 5, 8)), 'ä🐳');
		assertRawMatchesSpans(doc, script);
	});

	it('Dockerfile continuation: comment and empty lines inside a continued RUN are dropped like Docker does', () => {
		const body = 'apk add \\\n# a comment ü\n\n    gcc \\\n  # indented comment\n    musl-dev';
		const { script, at } = parseIn('RUN ', body, { dockerfile: { escapeChar: '\\' } });
		assert.equal(script.commands.length, 1);
		assert.deepEqual(values(script, 0), ['apk', 'add', 'gcc', 'musl-dev']);
		assert.equal(at(script.commands[0].words[3].span), 'musl-dev');
		// Without the Dockerfile option bash rules apply: the comment ends the command.
		assert.equal(parseIn('RUN ', body).script.commands.length, 3);
	});

	it('Dockerfile continuation: blanks after the backslash still continue the line (BuildKit), not in plain shell', () => {
		const body = 'apk add gcc \\  \n    musl-dev \\\t\r\n    git';
		const { doc, script, at } = parseIn('RUN ', body, { dockerfile: { escapeChar: '\\' } });
		assert.deepEqual(script.syntaxErrors, []);
		assert.deepEqual(values(script, 0), ['apk', 'add', 'gcc', 'musl-dev', 'git']);
		assert.equal(at(script.commands[0].words[4].span), 'git');
		assertRawMatchesSpans(doc, script);
		assert.equal(parseIn('RUN ', body).script.commands.length, 3);
	});

	it('# escape=` : backtick continuations are read as line continuations, offsets unchanged', () => {
		const body = 'apk add gcc `\n    musl-dev `\n && go build -o /app .';
		const { doc, script, at } = parseIn('# escape=`\nFROM alpine\nRUN ', body, { dockerfile: { escapeChar: '`' } });
		assert.deepEqual(script.syntaxErrors, []);
		assert.deepEqual(values(script, 0), ['apk', 'add', 'gcc', 'musl-dev']);
		assert.deepEqual(values(script, 1), ['go', 'build', '-o', '/app', '.']);
		assert.equal(at(script.commands[1].words[3].span), '/app');
		assertRawMatchesSpans(doc, script);
	});

	it('GitHub ${{ }} expressions are dynamic, with their original text', () => {
		const body = 'GOOS=${{ matrix.goos }} go build -o "bin/app-${{ matrix.goos }}" .';
		const { script, at } = parseIn('run: ', body, { githubExpressions: true });
		assert.deepEqual(script.syntaxErrors, []);
		const go = script.commands[0];
		assert.equal(go.assignments[0].value.dynamic, true);
		assert.equal(go.assignments[0].value.text, '${{ matrix.goos }}');
		assert.equal(go.words[3].text, 'bin/app-${{ matrix.goos }}');
		assert.equal(go.words[3].parts[1].expansion, 'ci-expression');
		assert.equal(at(go.words[3].span), '"bin/app-${{ matrix.goos }}"');
	});

	it('declarations: export / declare -x / local / readonly / unset', () => {
		const { script, at } = parseIn('', 'export A=1 B C="x y"; declare -x D=2; readonly E=3; unset A B; unset -f f');
		const [exp, decl, ro, unset, unsetF] = script.commands;
		assert.equal(exp.kind, 'declaration');
		assert.deepEqual(exp.words.map((w) => w.value), ['export', 'A=1', 'B', 'C=x y']);
		assert.deepEqual(exp.declarations.map((d) => [d.name, d.value?.value, d.exported, at(d.span)]), [
			['A', '1', true, 'A=1'],
			['B', undefined, true, 'B'],
			['C', 'x y', true, 'C="x y"'],
		]);
		assert.equal(decl.declarations[0].exported, true);
		assert.equal(ro.declarations[0].exported, undefined);
		assert.equal(unset.kind, 'unset');
		assert.deepEqual(unset.declarations.map((d) => d.name), ['A', 'B']);
		assert.deepEqual(unsetF.declarations, []);
	});
});

describe('parseShell: malformed input', () => {
	it('an unterminated quote: what was recognised, plus a syntax error with a span', () => {
		const body = "go build -o 'x";
		const { script, at } = parseIn('RUN ', body);
		assert.deepEqual(values(script, 0), ['go', 'build', '-o']);
		assert.equal(script.syntaxErrors.length, 1);
		assert.equal(script.syntaxErrors[0].message, 'unterminated quoted string');
		assert.equal(at(script.syntaxErrors[0].span), "'x");
	});

	it('an unterminated double quote swallowing the rest', () => {
		const { script, at } = parseIn('', 'go build -ldflags "-s -w\n  && echo done');
		assert.equal(script.commands[0].words[3].text, '-s -w\n  && echo done');
		assert.equal(script.syntaxErrors[0].message, 'unterminated quoted string');
		assert.equal(at(script.syntaxErrors[0].span), '"-s -w\n  && echo done');
	});

	it('dangling operators and an unterminated heredoc do not throw', () => {
		for (const text of ['a && (', 'cat <<EOF\nno end', '$(', 'if then fi', '"', "'", '${', '`', 'a |', '| b', ')))']) {
			const script = parseShell(parsers, text, { baseOffset: 7 });
			for (const e of script.syntaxErrors) {
				assert.ok(e.span.start >= 7 && e.span.end <= 7 + text.length, `${JSON.stringify(text)}: ${JSON.stringify(e)}`);
				assert.doesNotMatch(e.message, /internal error/);
			}
		}
		assert.ok(parseShell(parsers, 'a && (', {}).syntaxErrors.length > 0);
	});

	it('words keep their exact spans next to errors', () => {
		const body = 'go build -o /app . && ) && apk add gcc';
		const { doc, script } = parseIn('RUN ', body);
		assert.ok(script.syntaxErrors.length > 0);
		assertRawMatchesSpans(doc, script);
	});
});

describe('wordSubSpan', () => {
	it('maps empty ranges to positions and clamps', () => {
		const { script, at } = parseIn('', 'echo "ab"');
		const w: ShellWord = script.commands[0].words[1];
		assert.equal(at(wordSubSpan(w, 0, 2)), 'ab');
		assert.deepEqual(wordSubSpan(w, 2, 2), { start: w.charEnds[1], end: w.charEnds[1] });
		assert.equal(at(wordSubSpan(w, -5, 99)), 'ab');
	});
});
