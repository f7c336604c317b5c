// Mutations for the engine fuzzer: byte-level damage (truncation, random characters, NUL bytes, lone
// surrogates, CRLF), structure-aware damage (unterminated quotes and heredocs, line continuations, keyword
// soup) and resource attacks (100 KB+ lines, deep nesting, long stage and variable chains, many lines).
import type { Target } from './fuzz-core';

/**
 * Crashes the fuzzer found that are reported but not fixed yet: their inputs stay out of the default run (so
 * the suite stays green) and come back with `scripts/fuzz.ts --known-issues`. None at the moment. (The long
 * runs of `|`, `||`, `<`, `>`, `)` or NUL that tree-sitter-bash recovers from in quadratic time are in the
 * default run since every parse has a time budget.)
 */
export const knownIssues: Record<string, boolean> = {};

export type Mutation =
	| 'truncate'
	| 'insert-random'
	| 'flip-chars'
	| 'delete-range'
	| 'duplicate-range'
	| 'swap-lines'
	| 'line-endings'
	| 'nul-bytes'
	| 'lone-surrogates'
	| 'line-continuation'
	| 'unterminated-quote'
	| 'unterminated-heredoc'
	| 'keyword-soup'
	| 'huge-line'
	| 'pathological-run'
	| 'deep-nesting'
	| 'many-lines'
	| 'stage-chain'
	| 'variable-chain'
	| 'binary-garbage';

/** Relative frequencies: cheap damage is common, the expensive resource attacks are rare but always present. */
export const MUTATIONS: readonly (readonly [Mutation, number])[] = [
	['truncate', 10],
	['insert-random', 12],
	['flip-chars', 8],
	['delete-range', 7],
	['duplicate-range', 6],
	['swap-lines', 5],
	['line-endings', 5],
	['nul-bytes', 4],
	['lone-surrogates', 4],
	['line-continuation', 4],
	['unterminated-quote', 6],
	['unterminated-heredoc', 5],
	['keyword-soup', 8],
	['huge-line', 0.2],
	['pathological-run', 0.2],
	['deep-nesting', 0.6],
	['many-lines', 0.3],
	['stage-chain', 0.3],
	['variable-chain', 0.6],
	['binary-garbage', 0.5],
];

/** Characters and tokens that matter to the parsers involved, plus hostile ones. */
const NASTY = [
	'\\', '`', '"', "'", '$', '${', '}', '$(', ')', '(', '[', ']', '{', '#', '=', ':', '-', '--', '<<', '<<-', '&&', '||', '|', ';', '&', '>', '*', '!',
	'\n', '\r', '\r\n', '\t', ' ', '\x00', '\x7f', '\uFEFF', '\u00a0', '\u2028', '\ud800', '\udfff', '\uFFFD', '🐳', 'é', 'ß',
	'FROM', 'AS', 'RUN', 'COPY', '--from=', 'ARG', 'ENV', 'CGO_ENABLED=', 'go build', 'go', 'require', 'module', 'replace', 'toolchain', '=>', '//',
	'import "C"', 'package', '- ', ': ', '&a', '*a', '<<:', '|', '>-', '${{', '}}',
];

const KEYWORDS: Record<Target, readonly string[]> = {
	dockerfile: ['FROM ', 'FROM --platform=$BUILDPLATFORM ', 'RUN ', 'RUN --mount=type=cache,target=/x ', 'COPY --from=', 'COPY <<EOF ', 'ADD ', 'ARG ', 'ENV ', 'ONBUILD ', 'SHELL [', 'CMD [', 'ENTRYPOINT ', 'WORKDIR ', 'USER ', 'LABEL ', 'HEALTHCHECK CMD ', '# syntax=', '# escape=`', '# escape=\\', '# shipcheck ignore=libc-mismatch', 'AS build', 'CGO_ENABLED=1 ', 'go build -ldflags "-extldflags -static" ', 'apk add gcc ', 'apt-get install -y gcc '],
	gomod: ['module ', 'go ', 'toolchain go', 'godebug ', 'require (', 'require ', 'replace ', ' => ', 'exclude ', 'retract [', 'tool ', 'ignore ', ')', '// indirect', 'v1.2.3', 'v0.0.0-20230102150405-abcdef123456', '"', '`'],
	gosource: ['package ', 'import (', 'import "C"', '//go:build ', '// +build ', '/*', '*/', '"net"', '"os/user"', '"plugin"', '`', '"github.com/mattn/go-sqlite3"', ')', 'func ', '#cgo LDFLAGS: ', '\\'],
	workflow: ['- ', 'run: |', 'run: >-', 'env:', '  CGO_ENABLED: 1', 'runs-on: ', '${{ matrix.os }}', '&anchor ', '*anchor', '<<: *anchor', '? ', '!!str ', '---', '...', '%YAML 1.2', '{', '[', '"', "'", '|+', '>2'],
	gitlab: ['- ', 'script:', 'image: ', 'variables:', '&go-cache', '*go-cache', '<<: *go-cache', '? ', '!reference [', '---', '{', '[', '"', "'", '|-'],
	goreleaser: ['builds:', '- id: ', 'env: [CGO_ENABLED=1]', 'goos: [linux]', 'goarch: [', 'ldflags:', '  - -extldflags "-static"', 'dockers:', 'dockerfile: ', '{{ .Version }}', '&b ', '*b', '- ', '"', '{'],
	shipcheck: ['rules:', 'images:', 'ignore:', 'ignorePaths:', '  libc: ', 'musl', 'glibc', 'none', '  version: ', 'off', 'error', '- ', '&a ', '*a', '<<: *a', '{', '[', '"', "'"],
};

type Random = () => number;

const int = (random: Random, n: number) => Math.floor(random() * n);
const pick = <T>(random: Random, items: readonly T[]): T => items[int(random, items.length)];

function randomString(random: Random, length: number): string {
	let s = '';
	for (let i = 0; i < length; i++) {
		const roll = random();
		if (roll < 0.5) s += pick(random, NASTY);
		else if (roll < 0.8) s += String.fromCharCode(0x20 + int(random, 0x5f));
		else s += String.fromCharCode(int(random, 0x10000));
	}
	return s;
}

function insertAt(text: string, at: number, insert: string): string {
	return text.slice(0, at) + insert + text.slice(at);
}

function lineStarts(text: string): number[] {
	const starts = [0];
	for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
	return starts;
}

/** Applies `mutation` to `text`; every choice comes from `random`. */
export function mutate(random: Random, mutation: Mutation, text: string, target: Target): string {
	const at = int(random, text.length + 1);
	const lines = () => text.split('\n');
	switch (mutation) {
		case 'truncate':
			return text.slice(0, at);
		case 'insert-random':
			return insertAt(text, at, randomString(random, 1 + int(random, 12)));
		case 'flip-chars': {
			const chars = text.split('');
			for (let i = 0, n = 1 + int(random, 8); i < n && chars.length > 0; i++) chars[int(random, chars.length)] = String.fromCharCode(int(random, 0x10000));
			return chars.join('');
		}
		case 'delete-range':
			return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + int(random, 60)));
		case 'duplicate-range': {
			const from = int(random, text.length + 1);
			return insertAt(text, at, text.slice(from, from + 1 + int(random, 200)));
		}
		case 'swap-lines': {
			const all = lines();
			const a = int(random, all.length);
			const b = int(random, all.length);
			[all[a], all[b]] = [all[b], all[a]];
			return all.join('\n');
		}
		case 'line-endings':
			return random() < 0.5 ? text.replace(/\r?\n/g, '\r\n') : text.replace(/\n/g, () => pick(random, ['\n', '\r', '\r\n', '\n\r', '\u2028']));
		case 'nul-bytes':
			return insertAt(text, at, '\0'.repeat(1 + int(random, 4)));
		case 'lone-surrogates':
			return insertAt(text, at, pick(random, ['\ud800', '\udc00', '\udbff\udbff', '\udfff\ud800', '🐳'.slice(0, 1), '🐳'.slice(1)]));
		case 'line-continuation': {
			const all = lines();
			for (let i = 0, n = 1 + int(random, 4); i < n; i++) {
				const line = int(random, all.length);
				all[line] += pick(random, ['\\', '`', ' \\', '\\ ', '\\\r']);
			}
			return all.join('\n');
		}
		case 'unterminated-quote':
			return insertAt(text, at, pick(random, ['"', "'", '`', '"${', "'$(", '"\\', '[ "', '{ "a": "']));
		case 'unterminated-heredoc':
			return unterminatedHeredoc(random, text, target);
		case 'keyword-soup': {
			const starts = lineStarts(text);
			let out = text;
			for (let i = 0, n = 1 + int(random, 4); i < n; i++) {
				const start = pick(random, starts);
				out = insertAt(out, Math.min(start, out.length), `${pick(random, KEYWORDS[target])}${random() < 0.5 ? '\n' : ''}`);
			}
			return out;
		}
		case 'huge-line':
			return insertAt(text, at, hugeLine(random, target));
		case 'pathological-run':
			return pathologicalRun(random, text, target);
		case 'deep-nesting':
			return insertAt(text, pick(random, lineStarts(text)), deepNesting(random, target));
		case 'many-lines': {
			const all = lines();
			const line = all[int(random, all.length)] ?? '';
			const copies = 500 + int(random, 2_500);
			return `${text}\n${Array.from({ length: copies }, () => line).join('\n')}`;
		}
		case 'stage-chain':
			return target === 'dockerfile' ? stageChain(random, text) : insertAt(text, at, randomString(random, 8));
		case 'variable-chain':
			return target === 'dockerfile' ? variableChain(random, text) : insertAt(text, at, '${A:-${B:-${C}}}$'.repeat(1 + int(random, 200)));
		case 'binary-garbage': {
			const bytes = new Uint8Array(1 + int(random, 64 * 1024));
			for (let i = 0; i < bytes.length; i++) bytes[i] = int(random, 256);
			const decoded = random() < 0.5 ? Buffer.from(bytes).toString('utf8') : Buffer.from(bytes).toString('latin1');
			return random() < 0.5 ? decoded : insertAt(text, at, decoded);
		}
	}
}

function unterminatedHeredoc(random: Random, text: string, target: Target): string {
	if (target !== 'dockerfile') return insertAt(text, int(random, text.length + 1), pick(random, ['<<EOF\n', 'run: |\n  x\n y', '|\n', '"""\n', '/* ']));
	// Remove a heredoc terminator, or open one that never closes (in RUN, COPY, with quotes, with <<-).
	const terminator = /^\s*(EOF|EOT|SCRIPT)\s*$/m.exec(text);
	if (terminator && random() < 0.4) return text.slice(0, terminator.index) + text.slice(terminator.index + terminator[0].length);
	const opener = pick(random, ['RUN <<EOF', 'RUN <<-EOF bash', 'RUN <<"EOF"', "RUN <<'EOF' sh -c", 'COPY <<EOF /x', 'RUN <<A <<B', 'RUN cat <<EOF > /x && go build .', 'RUN <<EOF\nEO', 'RUN <<']);
	const body = random() < 0.5 ? '\ngo build -o /app .\nCGO_ENABLED=1' : '';
	const starts = lineStarts(text);
	return insertAt(text, pick(random, starts), `${opener}${body}\n`);
}

const HUGE_UNITS = ['a', 'x ', '\\', '"', "'", '$', '${A}', '$(', '(', '[', '{', '-', ' ', '\t', '#', '🐳', '<<EOF ', '&&', ';', '=', 'CGO_ENABLED=1 ', 'go build ', '-ldflags=-s ', '`', ': ', '- '];
/** tree-sitter-bash's error recovery is quadratic or worse on long runs of these (10 KB: seconds unbounded). */
const PATHOLOGICAL_BASH_UNITS = ['|', '||', '<', '>', ')', '\0'];

/**
 * A line of 100 to 130 KB, of one repeated unit, placed where each format is most sensitive. Half the runs of
 * a pathological shell unit are 2 to 40 KB instead: under the shell size limit (64 KB), so tree-sitter gets
 * them and its time budget has to stop the parse.
 */
function hugeLine(random: Random, target: Target): string {
	const unit = pick(random, [...HUGE_UNITS, ...PATHOLOGICAL_BASH_UNITS]);
	const length = PATHOLOGICAL_BASH_UNITS.includes(unit) && random() < 0.5 ? 2_000 + int(random, 38_000) : 100_000 + int(random, 30_000);
	const body = unit.repeat(Math.ceil(length / unit.length));
	const prefix: Record<Target, readonly string[]> = {
		dockerfile: ['RUN ', 'RUN go build ', 'ENV A=', 'ARG ', 'FROM ', 'COPY ', 'LABEL a=', '# ', ''],
		gomod: ['require ', 'module ', '// ', 'replace a => ', ''],
		gosource: ['import ', '// ', 'var s = "', ''],
		workflow: ['        run: ', '  key: ', '- ', '# ', ''],
		gitlab: ['    - ', '  script: ', '# ', ''],
		goreleaser: ['      - ', '    binary: ', '# ', ''],
		shipcheck: ['  libc-mismatch: ', 'ignore: ', '  "', ''],
	};
	return `\n${pick(random, prefix[target])}${body}\n`;
}

/**
 * 1 to 16 KB of a unit tree-sitter-bash recovers from in quadratic time, where shell is parsed: a new RUN (plain,
 * after a command, in `sh -c`, as a heredoc), or the end of a YAML line holding a command (`run: …`, `- …`).
 * Every parse stops at its time budget (100 ms + 10 ms per KB), so each costs at most about a quarter second.
 */
function pathologicalRun(random: Random, text: string, target: Target): string {
	const unit = pick(random, PATHOLOGICAL_BASH_UNITS);
	const run = unit.repeat(Math.ceil((1_000 + int(random, 15_000)) / unit.length));
	if (target === 'dockerfile') {
		const line = pick(random, [`RUN ${run}`, `RUN CGO_ENABLED=0 go build -o /app . ${run}`, `RUN sh -c '${run}'`, `RUN <<EOF\n${run}\nEOF`]);
		return insertAt(text, pick(random, lineStarts(text)), `${line}\n`);
	}
	const lines = text.split('\n');
	const commands = lines.flatMap((line, i) => (/\b(run|script|before_script|cmd): |^\s*- /.test(line) ? [i] : []));
	if (commands.length === 0) return insertAt(text, int(random, text.length + 1), run);
	lines[pick(random, commands)] += ` ${run}`;
	return lines.join('\n');
}

/**
 * 200 to 5,000 levels of whatever nests in the format: far beyond real files and beyond the stack depth of a
 * naive recursive descent. Shell nesting inside RUN stays under 1,000 levels (each level costs the shell layer
 * a pass over the rest of the line).
 */
function deepNesting(random: Random, target: Target): string {
	const depth = 200 + int(random, 4_800);
	const shellDepth = 100 + int(random, 900);
	const nest = (open: string, close: string, inner = 'x', n = depth) => open.repeat(n) + inner + close.repeat(n);
	switch (target) {
		case 'dockerfile':
			return `${pick(random, [
				`RUN ${nest('(', ')', 'go build .', shellDepth)}`,
				`RUN echo ${nest('$(echo ', ')', 'x', shellDepth)}`,
				`RUN ${nest('{ ', '; }', 'go build .', shellDepth)}`,
				`RUN ${nest('if true; then ', '; fi', 'go build .', shellDepth)}`,
				`RUN ${'go build . | '.repeat(shellDepth)}cat`,
				`FROM ${nest('${A:-', '}', 'alpine')}`,
				`ENV B=${nest('${B:-', '}')}`,
				`COPY ${nest('${C:+', '}', 'app')} /app`,
				`RUN ${nest('[', ']')}`,
			])}\n`;
		case 'gomod':
			return `${pick(random, [nest('require (\n', ')\n'), nest('(', ')'), nest('[', ']'), nest('"', '"')])}\n`;
		case 'gosource':
			return `${pick(random, [nest('import (\n', ')\n'), nest('/*', '*/'), nest('{', '}'), nest('(', ')')])}\n`;
		default: {
			// Block nesting up to 600 levels: parseYaml refuses an estimated 80+ (tree-sitter-yaml 0.7.1 holds 253).
			const levels = Math.min(depth, 600);
			const lines = (line: (i: number) => string) => Array.from({ length: levels }, (_, i) => line(i)).join('\n');
			return `${pick(random, [
				`a: ${nest('[', ']')}`,
				`a: ${nest('{a: ', '}')}`,
				`${'- '.repeat(levels)}x`,
				// After a key on the same line, under a mis-indented key: the shape the estimate in parseYaml missed.
				`jobs:\n  a:\n    steps:\n      - uses: x\n    container: golang\n        run: ${'- '.repeat(levels)}x`,
				`${'- &a '.repeat(levels)}x`,
				`${'? '.repeat(levels)}x`,
				lines((i) => `${' '.repeat(i)}k${i}:`),
				lines((i) => `${' '.repeat(i)}- `),
				lines((i) => `${' '.repeat(i)}k:\n${' '.repeat(i)}- |\n${' '.repeat(i + 1)}text`),
				// "Billion laughs": aliases of aliases (our YAML values share nodes; nothing may expand them).
				['l0: &l0 [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 30 }, (_, i) => `l${i + 1}: &l${i + 1} [${`*l${i}, `.repeat(10)}*l${i}]`), 'rules: *l30', 'images: {<<: *l30}'].join('\n'),
			])}\n`;
		}
	}
}

/** `FROM s0 AS s1`, `FROM s1 AS s2`, …: stage inheritance 200 to 2,000 deep, then a COPY from the last. */
function stageChain(random: Random, text: string): string {
	const n = 200 + int(random, 1_800);
	const chain = ['FROM golang:1.22 AS s0', 'RUN go build -o /app .'];
	for (let i = 1; i <= n; i++) chain.push(`FROM s${i - 1} AS s${i}`);
	chain.push(random() < 0.5 ? `FROM alpine:3.20\nCOPY --from=s${n} /app /app` : `COPY --from=s${n} /app /app`);
	return `${text}\n${chain.join('\n')}\n`;
}

/** ARG/ENV chains: each variable refers to the previous one, or doubles itself (`ENV A=$A$A`, 2^n growth). */
function variableChain(random: Random, text: string): string {
	const n = 20 + int(random, 2_000);
	const lines: string[] = [];
	const kind = int(random, 3);
	for (let i = 0; i < n; i++) {
		if (kind === 0) lines.push(`ARG V${i + 1}=\${V${i}}x`);
		else if (kind === 1) lines.push(`ENV A=$A$A`);
		else lines.push(`ENV GOFLAGS="$GOFLAGS -tags=t${i}" CGO_ENABLED=\${CGO_ENABLED:-${i % 2}}`);
	}
	const where = random() < 0.5 ? 'FROM golang:1.22 AS build\n' : '';
	return `${where}${lines.join('\n')}\n${text}`;
}
