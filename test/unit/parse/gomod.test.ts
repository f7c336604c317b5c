// go.mod / go.work parser: every directive in single-line and block form, comments, spans.
// Spans are checked by slicing the source text, so an off-by-one anywhere fails here.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { goVersionOf, parseGoMod, requiredModules, toolchainOf, type GoModFile } from '../../../server/src/parse/gomod';
import type { Span } from '../../../server/src/parse/span';

function at(text: string, span: Span | undefined): string {
	assert.ok(span, 'expected a span');
	return text.slice(span.start, span.end);
}

function clean(text: string, kind: 'go.mod' | 'go.work' = 'go.mod'): GoModFile {
	const f = parseGoMod(text, kind);
	assert.deepEqual(f.errors, [], `unexpected errors: ${JSON.stringify(f.errors)}`);
	return f;
}

describe('parseGoMod: module', () => {
	it('reads the module path with exact spans', () => {
		const text = 'module example.com/hello\n';
		const f = clean(text);
		assert.equal(f.kind, 'go.mod');
		assert.equal(f.module?.path.value, 'example.com/hello');
		assert.equal(at(text, f.module?.path.span), 'example.com/hello');
		assert.equal(at(text, f.module?.span), 'module example.com/hello');
		assert.equal(at(text, f.module?.lineSpan), 'module example.com/hello\n');
		assert.equal(at(text, f.module?.verbSpan), 'module');
		assert.equal(f.module?.inBlock, false);
		assert.equal(f.module?.deprecated, undefined);
	});

	it('unquotes a quoted path but keeps the quotes in the span', () => {
		const text = 'module "example.com/with space"\n';
		const f = clean(text);
		assert.equal(f.module?.path.value, 'example.com/with space');
		assert.equal(f.module?.path.quoted, true);
		assert.equal(at(text, f.module?.path.span), '"example.com/with space"');
	});

	it('decodes escapes in quoted strings', () => {
		const f = clean('module "ex\\x61mple.com/\\u00e9\\"q\\\\"\n');
		assert.equal(f.module?.path.value, 'example.com/é"q\\');
	});

	it('reads the block form', () => {
		const text = 'module (\n\texample.com/blocky\n)\n';
		const f = clean(text);
		assert.equal(f.module?.path.value, 'example.com/blocky');
		assert.equal(f.module?.inBlock, true);
		assert.equal(at(text, f.module?.verbSpan), 'module');
		assert.equal(at(text, f.module?.span), 'example.com/blocky');
		assert.equal(at(text, f.module?.lineSpan), '\texample.com/blocky\n');
	});

	it('notes a Deprecated: paragraph in the comment above', () => {
		const text = '// Deprecated: use example.com/mod/v2 instead.\nmodule example.com/mod\n';
		const f = clean(text);
		assert.equal(f.module?.deprecated, 'use example.com/mod/v2 instead.');
		assert.equal(at(text, f.module?.deprecatedSpan), '// Deprecated: use example.com/mod/v2 instead.');
	});

	it('takes the deprecation paragraph only, across comment lines, as modfile parseDeprecation', () => {
		const text = ['// Package m does things.', '//', '// Deprecated: moved to', '// example.com/n.', '//', '// More text.', 'module example.com/m', ''].join('\n');
		const f = clean(text);
		assert.equal(f.module?.deprecated, 'moved to\nexample.com/n.');
		assert.equal(at(text, f.module?.deprecatedSpan), '// Deprecated: moved to\n// example.com/n.');
	});

	it('reads a deprecation from a suffix comment, and ignores one in the middle of a paragraph', () => {
		const text = 'module example.com/m // Deprecated: gone\n';
		assert.equal(clean(text).module?.deprecated, 'gone');
		assert.equal(clean('// See notes. Deprecated: no\nmodule example.com/m\n').module?.deprecated, undefined);
		// "Deprecated:" is case sensitive.
		assert.equal(clean('// deprecated: no\nmodule example.com/m\n').module?.deprecated, undefined);
	});

	it('does not attach a comment separated by a blank line', () => {
		const f = clean('// Deprecated: not attached\n\nmodule example.com/m\n');
		assert.equal(f.module?.deprecated, undefined);
		assert.deepEqual(f.module?.before, []);
	});
});

describe('parseGoMod: go and toolchain', () => {
	it('reads go and toolchain lines', () => {
		const text = 'module m\n\ngo 1.23.0\n\ntoolchain go1.23.4\n';
		const f = clean(text);
		assert.equal(goVersionOf(f), '1.23.0');
		assert.equal(at(text, f.go?.version.span), '1.23.0');
		assert.equal(at(text, f.go?.span), 'go 1.23.0');
		assert.equal(at(text, f.go?.lineSpan), 'go 1.23.0\n');
		assert.equal(toolchainOf(f), 'go1.23.4');
		assert.equal(at(text, f.toolchain?.name.span), 'go1.23.4');
	});

	it('accepts every go version form modfile accepts', () => {
		for (const v of ['1.21', '1.21.0', '1.21rc1', '1.9beta2', '1.12', '1.0', '1.21.0rc1', '2.0']) {
			assert.equal(goVersionOf(clean(`go ${v}\n`)), v, v);
		}
	});

	it('accepts toolchain default and names starting go1', () => {
		for (const v of ['default', 'go1.21.0', 'go1', 'go1.22rc1', 'go1.21.0-custom']) {
			assert.equal(toolchainOf(clean(`toolchain ${v}\n`)), v, v);
		}
	});

	it('returns undefined when there is no go or toolchain line', () => {
		const f = clean('module m\n');
		assert.equal(goVersionOf(f), undefined);
		assert.equal(toolchainOf(f), undefined);
	});
});

describe('parseGoMod: godebug', () => {
	it('reads single-line godebug with key and value spans inside one token', () => {
		const text = 'godebug default=go1.21\n';
		const f = clean(text);
		assert.equal(f.godebug.length, 1);
		assert.equal(f.godebug[0]?.key.value, 'default');
		assert.equal(f.godebug[0]?.value.value, 'go1.21');
		assert.equal(at(text, f.godebug[0]?.key.span), 'default');
		assert.equal(at(text, f.godebug[0]?.value.span), 'go1.21');
	});

	it('reads the block form (FACTS §1.5 example)', () => {
		const text = 'godebug (\n\tdefault=go1.21\n\tpanicnil=1\n\tempty=\n)\n';
		const f = clean(text);
		assert.deepEqual(
			f.godebug.map((g) => [g.key.value, g.value.value, g.inBlock, at(text, g.verbSpan)]),
			[
				['default', 'go1.21', true, 'godebug'],
				['panicnil', '1', true, 'godebug'],
				['empty', '', true, 'godebug'],
			],
		);
		assert.equal(at(text, f.godebug[1]?.value.span), '1');
		assert.deepEqual(f.godebug[2]?.value.span, { start: text.indexOf('empty=') + 6, end: text.indexOf('empty=') + 6 });
	});
});

describe('parseGoMod: require', () => {
	const text = [
		'module example.com/app',
		'',
		'require github.com/mattn/go-sqlite3 v1.14.22',
		'',
		'require (',
		'\tgolang.org/x/sys v0.20.0 // indirect',
		'\tgithub.com/foo/bar/v2 v2.1.0',
		'\tgithub.com/old/lib v3.0.0+incompatible // indirect; keep for now',
		'\tgopkg.in/yaml.v3 v3.0.1',
		'\texample.com/pseudo v0.0.0-20230102150405-abcdef123456 //indirect',
		'\texample.com/notindirect v1.0.0 // indirect dependency',
		'\t"example.com/quoted" v1.2',
		')',
		'',
	].join('\n');
	const f = clean(text);

	it('reads single-line and block requires in order', () => {
		assert.deepEqual(
			f.require.map((r) => [r.path.value, r.version.value, r.indirect, r.inBlock]),
			[
				['github.com/mattn/go-sqlite3', 'v1.14.22', false, false],
				['golang.org/x/sys', 'v0.20.0', true, true],
				['github.com/foo/bar/v2', 'v2.1.0', false, true],
				['github.com/old/lib', 'v3.0.0+incompatible', true, true],
				['gopkg.in/yaml.v3', 'v3.0.1', false, true],
				['example.com/pseudo', 'v0.0.0-20230102150405-abcdef123456', true, true],
				['example.com/notindirect', 'v1.0.0', false, true],
				['example.com/quoted', 'v1.2', false, true],
			],
		);
	});

	it('gives exact spans for path, version, line and the indirect comment', () => {
		const sys = f.require[1];
		assert.equal(at(text, sys.path.span), 'golang.org/x/sys');
		assert.equal(at(text, sys.version.span), 'v0.20.0');
		assert.equal(at(text, sys.span), 'golang.org/x/sys v0.20.0');
		assert.equal(at(text, sys.lineSpan), '\tgolang.org/x/sys v0.20.0 // indirect\n');
		assert.equal(at(text, sys.verbSpan), 'require');
		assert.equal(at(text, sys.indirectSpan), '// indirect');
		assert.equal(sys.suffix?.text, '// indirect');
		assert.equal(sys.suffix?.suffix, true);
		const single = f.require[0];
		assert.equal(at(text, single.span), 'require github.com/mattn/go-sqlite3 v1.14.22');
		assert.equal(single.indirectSpan, undefined);
		assert.equal(at(text, f.require[7].path.span), '"example.com/quoted"');
	});

	it('flattens through requiredModules', () => {
		const mods = requiredModules(f);
		assert.equal(mods.length, 8);
		assert.deepEqual(mods[1], {
			path: 'golang.org/x/sys',
			version: 'v0.20.0',
			indirect: true,
			span: f.require[1].span,
			pathSpan: f.require[1].path.span,
			versionSpan: f.require[1].version.span,
		});
		assert.equal(at(text, mods[0].versionSpan), 'v1.14.22');
	});

	it('keeps the whole-line comments above a block line', () => {
		const t = 'require (\n\t// why we need it\n\n\t// and more\n\texample.com/a v1.0.0\n)\n';
		const r = clean(t).require[0];
		assert.deepEqual(
			r.before.map((c) => [c.text, c.suffix, at(t, c.span)]),
			[
				['// why we need it', false, '// why we need it'],
				['// and more', false, '// and more'],
			],
		);
	});
});

describe('parseGoMod: exclude', () => {
	it('reads single-line and block excludes', () => {
		const text = 'exclude example.com/a v1.0.0\nexclude (\n\texample.com/b v1.1.0\n\texample.com/c v2.0.0+incompatible\n)\n';
		const f = clean(text);
		assert.deepEqual(
			f.exclude.map((x) => [x.path.value, x.version.value, x.inBlock, at(text, x.version.span)]),
			[
				['example.com/a', 'v1.0.0', false, 'v1.0.0'],
				['example.com/b', 'v1.1.0', true, 'v1.1.0'],
				['example.com/c', 'v2.0.0+incompatible', true, 'v2.0.0+incompatible'],
			],
		);
	});
});

describe('parseGoMod: replace', () => {
	const text = [
		'replace example.com/a v1.0.0 => example.com/b v1.2.0',
		'replace example.com/c => ../c',
		'replace example.com/d v1.0.0 => ./local/d',
		'replace (',
		'\texample.com/e => /abs/path/e',
		'\texample.com/f => "../with space"',
		'\texample.com/g v1.0.0 => example.com/h v0.0.0-20240101000000-abcdef123456',
		'\texample.com/i => C:\\work\\i',
		')',
		'',
	].join('\n');
	const f = clean(text);

	it('reads old and new modules with and without versions', () => {
		assert.deepEqual(
			f.replace.map((r) => [r.old.path.value, r.old.version?.value, r.new.path.value, r.new.version?.value, r.local, r.inBlock]),
			[
				['example.com/a', 'v1.0.0', 'example.com/b', 'v1.2.0', false, false],
				['example.com/c', undefined, '../c', undefined, true, false],
				['example.com/d', 'v1.0.0', './local/d', undefined, true, false],
				['example.com/e', undefined, '/abs/path/e', undefined, true, true],
				['example.com/f', undefined, '../with space', undefined, true, true],
				['example.com/g', 'v1.0.0', 'example.com/h', 'v0.0.0-20240101000000-abcdef123456', false, true],
				['example.com/i', undefined, 'C:\\work\\i', undefined, true, true],
			],
		);
	});

	it('gives exact spans for each part', () => {
		const r = f.replace[0];
		assert.equal(at(text, r.old.path.span), 'example.com/a');
		assert.equal(at(text, r.old.version?.span), 'v1.0.0');
		assert.equal(at(text, r.arrowSpan), '=>');
		assert.equal(at(text, r.new.path.span), 'example.com/b');
		assert.equal(at(text, r.new.version?.span), 'v1.2.0');
		assert.equal(at(text, r.span), 'replace example.com/a v1.0.0 => example.com/b v1.2.0');
		assert.equal(at(text, f.replace[4].new.path.span), '"../with space"');
	});
});

describe('parseGoMod: retract', () => {
	it('reads a single version and an interval, with the rationale', () => {
		const text = 'module example.com/m\n\n// Published too early.\nretract v1.0.0\nretract [v1.1.0, v1.2.5] // data race\n';
		const f = clean(text);
		assert.equal(f.retract.length, 2);
		const [one, range] = f.retract;
		assert.equal(one?.low.value, 'v1.0.0');
		assert.equal(one?.high.value, 'v1.0.0');
		assert.equal(one?.interval, false);
		assert.equal(one?.rationale, 'Published too early.');
		assert.equal(at(text, one?.versionSpan), 'v1.0.0');
		assert.equal(range?.low.value, 'v1.1.0');
		assert.equal(range?.high.value, 'v1.2.5');
		assert.equal(range?.interval, true);
		assert.equal(range?.rationale, 'data race');
		assert.equal(at(text, range?.versionSpan), '[v1.1.0, v1.2.5]');
		assert.equal(at(text, range?.high.span), 'v1.2.5');
	});

	it('reads the block form; a line without comments takes the block rationale', () => {
		const text = 'module example.com/m\n// Bad releases.\nretract (\n\tv1.0.1\n\t// Broken build.\n\t[v1.0.3, v1.0.4]\n)\n';
		const f = clean(text);
		assert.deepEqual(
			f.retract.map((r) => [r.low.value, r.high.value, r.rationale, r.inBlock]),
			[
				['v1.0.1', 'v1.0.1', 'Bad releases.', true],
				['v1.0.3', 'v1.0.4', 'Broken build.', true],
			],
		);
	});
});

describe('parseGoMod: tool and ignore', () => {
	it('reads tool (Go 1.24) in both forms', () => {
		const text = 'tool golang.org/x/tools/cmd/stringer\ntool (\n\tgithub.com/a/b/cmd/c\n\t"example.com/q"\n)\n';
		const f = clean(text);
		assert.deepEqual(
			f.tool.map((t) => [t.path.value, t.inBlock, at(text, t.path.span)]),
			[
				['golang.org/x/tools/cmd/stringer', false, 'golang.org/x/tools/cmd/stringer'],
				['github.com/a/b/cmd/c', true, 'github.com/a/b/cmd/c'],
				['example.com/q', true, '"example.com/q"'],
			],
		);
	});

	it('reads ignore (Go 1.25) in both forms', () => {
		const text = 'ignore ./node_modules\nignore (\n\tstatic\n\t./third_party/js\n)\n';
		const f = clean(text);
		assert.deepEqual(
			f.ignore.map((t) => [t.path.value, t.inBlock]),
			[
				['./node_modules', false],
				['static', true],
				['./third_party/js', true],
			],
		);
	});
});

describe('parseGoMod: go.work', () => {
	const text = [
		'go 1.23.0',
		'',
		'toolchain go1.23.2',
		'',
		'godebug asynctimerchan=1',
		'',
		'use ./app',
		'use (',
		'\t./lib // the library',
		'\t"./with space"',
		'\t.',
		')',
		'',
		'replace example.com/x v1.0.0 => ../x',
		'',
	].join('\n');
	const f = clean(text, 'go.work');

	it('reads go, toolchain, godebug, use and replace', () => {
		assert.equal(f.kind, 'go.work');
		assert.equal(goVersionOf(f), '1.23.0');
		assert.equal(toolchainOf(f), 'go1.23.2');
		assert.deepEqual(
			f.godebug.map((g) => [g.key.value, g.value.value]),
			[['asynctimerchan', '1']],
		);
		assert.deepEqual(
			f.use.map((u) => [u.path.value, u.inBlock, at(text, u.path.span)]),
			[
				['./app', false, './app'],
				['./lib', true, './lib'],
				['./with space', true, '"./with space"'],
				['.', true, '.'],
			],
		);
		assert.equal(f.use[1]?.suffix?.text, '// the library');
		assert.equal(f.replace[0]?.new.path.value, '../x');
		assert.equal(f.module, undefined);
		assert.deepEqual(f.require, []);
	});

	it('reads a use block and a godebug block in go.work', () => {
		const g = clean('godebug (\n\tpanicnil=1\n)\nuse (\n)\n', 'go.work');
		assert.equal(g.godebug[0]?.key.value, 'panicnil');
		assert.deepEqual(g.use, []);
	});
});

describe('parseGoMod: comments', () => {
	it('lists every comment in order, telling line comments from suffix comments', () => {
		const text = '// head\nmodule m // tail\n\nrequire (\n\t// inside\n\tx.com/y v1.0.0 // indirect\n) // after\n';
		const f = clean(text);
		assert.deepEqual(
			f.comments.map((c) => [c.text, c.suffix, at(text, c.span)]),
			[
				['// head', false, '// head'],
				['// tail', true, '// tail'],
				['// inside', false, '// inside'],
				['// indirect', true, '// indirect'],
				['// after', true, '// after'],
			],
		);
		assert.equal(f.module?.before[0]?.text, '// head');
		assert.equal(f.module?.suffix?.text, '// tail');
	});

	it('ends an identifier in front of //, as modfile does', () => {
		const text = 'module example.com/m//comment\n';
		const f = clean(text);
		assert.equal(f.module?.path.value, 'example.com/m');
		assert.equal(f.comments[0]?.text, '//comment');
		assert.equal(f.comments[0]?.suffix, true);
	});

	it('keeps non-ASCII comments and counts offsets in UTF-16 units', () => {
		const text = '// Zoë 🐳 — ünïcödé\nmodule example.com/zoë // 🐳🐳\nrequire example.com/dep v1.0.0\n';
		const f = clean(text);
		assert.equal(f.comments[0]?.text, '// Zoë 🐳 — ünïcödé');
		assert.equal(f.module?.path.value, 'example.com/zoë');
		assert.equal(f.comments[1]?.text, '// 🐳🐳');
		assert.equal(at(text, f.require[0]?.version.span), 'v1.0.0');
		assert.equal(f.require[0]?.version.span.start, text.indexOf('v1.0.0'));
	});
});

describe('parseGoMod: line endings and encodings', () => {
	it('handles CRLF line endings: no \\r in tokens or comments, lineSpan includes \\r\\n', () => {
		const text = 'module example.com/m\r\n\r\ngo 1.22\r\n\r\nrequire (\r\n\tx.com/y v1.0.0 // indirect\r\n)\r\n';
		const f = clean(text);
		assert.equal(f.module?.path.value, 'example.com/m');
		assert.equal(goVersionOf(f), '1.22');
		assert.equal(at(text, f.go?.lineSpan), 'go 1.22\r\n');
		const r = f.require[0];
		assert.equal(r.indirect, true);
		assert.equal(r.suffix?.text, '// indirect');
		assert.equal(at(text, r.indirectSpan), '// indirect');
		assert.equal(at(text, r.lineSpan), '\tx.com/y v1.0.0 // indirect\r\n');
	});

	it('handles a file without a final newline', () => {
		const text = 'module m\ngo 1.21';
		const f = clean(text);
		assert.equal(goVersionOf(f), '1.21');
		assert.equal(at(text, f.go?.lineSpan), 'go 1.21');
	});

	it('reports a byte order mark as the go command does, and still reads the line', () => {
		const text = '\uFEFFmodule example.com/bom\ngo 1.22\n';
		const f = parseGoMod(text);
		assert.deepEqual(f.errors, [{ code: 'syntax', message: "unexpected input character '\\ufeff'", span: { start: 0, end: 1 } }]);
		assert.equal(f.module?.path.value, 'example.com/bom');
		assert.equal(f.module?.path.span.start, 8);
		assert.equal(goVersionOf(f), '1.22');
	});

	it('parses an empty file and a comment-only file', () => {
		assert.deepEqual(clean('').syntax, []);
		const f = clean('// only a comment\n\n\n');
		assert.equal(f.comments.length, 1);
		assert.deepEqual(f.syntax, []);
	});
});

describe('parseGoMod: raw syntax', () => {
	it('exposes lines and blocks with paren spans', () => {
		const text = 'module m\nrequire (\n\ta.com/b v1.0.0\n)\nrequire ()\n';
		const f = clean(text);
		assert.deepEqual(
			f.syntax.map((s) => s.kind),
			['line', 'block', 'block'],
		);
		const block = f.syntax[1];
		assert.equal(block.kind, 'block');
		if (block.kind !== 'block') return;
		assert.equal(at(text, block.lparen), '(');
		assert.equal(block.lparen.start, text.indexOf('('));
		assert.equal(at(text, block.rparen), ')');
		assert.equal(at(text, block.span), 'require (\n\ta.com/b v1.0.0\n)');
		assert.deepEqual(
			block.lines[0]?.tokens.map((t) => t.text),
			['a.com/b', 'v1.0.0'],
		);
		const empty = f.syntax[2];
		assert.equal(empty.kind === 'block' && empty.lines.length, 0);
		assert.equal(at(text, empty.span), 'require ()');
	});

	it('keeps retract brackets and commas as separate tokens', () => {
		const f = parseGoMod('retract [v1.0.0,v1.0.1]\n', 'go.mod');
		const line = f.syntax[0];
		assert.equal(line.kind, 'line');
		if (line.kind === 'line') assert.deepEqual(line.tokens.map((t) => t.text), ['retract', '[', 'v1.0.0', ',', 'v1.0.1', ']']);
	});
});

describe('parseGoMod: lax mode (a dependency go.mod)', () => {
	it('ignores unknown directives and reads the lax go version form', () => {
		const text = 'module example.com/dep\ngo 1.21-custom\ncgo 1.0\nfuture (\n\tx\n)\nrequire a.com/b v1.0.0\nreplace a.com/b => ../b\n';
		const f = parseGoMod(text, 'go.mod', { strict: false });
		assert.deepEqual(f.errors, []);
		assert.equal(goVersionOf(f), '1.21');
		assert.equal(at(text, f.go?.version.span), '1.21-custom');
		assert.equal(f.require.length, 1);
		// modfile.ParseLax reads only module, go, require and retract.
		assert.deepEqual(f.replace, []);
	});
});
