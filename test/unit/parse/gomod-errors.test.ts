// go.mod / go.work parser: syntax and semantic errors, with exact messages and spans, and recovery.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseGoMod, type GoModKind } from '../../../server/src/parse/gomod';

/** [code, message, text under the span] for every error. */
function errs(text: string, kind: GoModKind = 'go.mod'): [string, string, string][] {
	return parseGoMod(text, kind).errors.map((e) => [e.code, e.message, text.slice(e.span.start, e.span.end)]);
}

describe('parseGoMod errors: lexer', () => {
	it('reports an unterminated quote at a newline', () => {
		const text = 'module "example.com/m\ngo 1.21\n';
		assert.deepEqual(errs(text), [['syntax', 'unexpected newline in string', '"example.com/m']]);
		// The next line is still read.
		assert.equal(parseGoMod(text).go?.version.value, '1.21');
	});

	it('reports an unterminated quote at the end of the file', () => {
		assert.deepEqual(errs('module m\nrequire "x.com/y v1.0.0'), [['syntax', 'unexpected EOF in string', '"x.com/y v1.0.0']]);
	});

	it('does not let \\r\\n or an escaped quote end a string', () => {
		assert.deepEqual(errs('module "a\\"\r\n'), [['syntax', 'unexpected newline in string', '"a\\"']]);
	});

	it('rejects /* */ comments', () => {
		assert.deepEqual(errs('module m /* no */\n'), [['syntax', 'mod files must use // comments (not /* */ comments)', '/*']]);
		assert.deepEqual(errs('/* block */\nmodule m\n'), [['syntax', 'mod files must use // comments (not /* */ comments)', '/*']]);
		assert.deepEqual(errs('module m/*x*/\n'), [['syntax', 'mod files must use // comments (not /* */ comments)', '/*']]);
	});

	it('reports control characters as unexpected input, quoting them as Go does', () => {
		assert.deepEqual(errs('module m\x00\n'), [['syntax', "unexpected input character '\\x00'", '\x00']]);
		assert.deepEqual(errs('go\f1.21\n'), [['syntax', "unexpected input character '\\f'", '\f']]);
		assert.deepEqual(errs('module a\u00a0b\n'), [['syntax', "unexpected input character '\\u00a0'", '\u00a0']]);
		assert.deepEqual(errs('module a\u200bb\n'), [['syntax', "unexpected input character '\\u200b'", '\u200b']]);
	});

	it('reports a byte order mark that is not at the start as an error on its line', () => {
		const f = parseGoMod('module m\ngo \uFEFF1.21\n');
		assert.deepEqual(
			f.errors.map((e) => e.message),
			["unexpected input character '\\ufeff'"],
		);
		assert.equal(f.go, undefined);
	});
});

describe('parseGoMod errors: parentheses', () => {
	it('reports an unterminated block at its opener, with modfile position text', () => {
		const text = 'module m\n\nrequire (\n\tx.com/y v1.0.0\n';
		assert.deepEqual(errs(text), [['syntax', 'syntax error (unterminated block started at go.mod:3:1)', 'require (']]);
		// The lines inside are still read.
		assert.equal(parseGoMod(text).require[0]?.path.value, 'x.com/y');
	});

	it('counts the column in runes and names the go.work file', () => {
		assert.deepEqual(errs('go 1.22\n  use (\n', 'go.work'), [['syntax', 'syntax error (unterminated block started at go.work:2:3)', 'use (']]);
	});

	it('reports a closing paren at top level', () => {
		assert.deepEqual(errs('module m\n)\n'), [['syntax', 'syntax error (unexpected closing paren)', ')']]);
		assert.deepEqual(errs('(\n'), [['syntax', 'syntax error (unexpected opening paren)', '(']]);
	});

	it('requires ( to end its line, and still reads the block', () => {
		const text = 'require ( x.com/y v1.0.0\n\tx.com/z v1.1.0\n)\n';
		assert.deepEqual(errs(text), [['syntax', 'syntax error (expected newline after opening paren)', '(']]);
		assert.deepEqual(
			parseGoMod(text).require.map((r) => r.path.value),
			['x.com/y', 'x.com/z'],
		);
	});

	it('requires ) to stand on its own line', () => {
		const text = 'require (\n\tx.com/y v1.0.0 )\ngo 1.21\n';
		assert.deepEqual(errs(text), [['syntax', 'syntax error (expected newline before closing paren)', ')']]);
		const f = parseGoMod(text);
		assert.equal(f.require[0]?.version.value, 'v1.0.0');
		assert.equal(f.go?.version.value, '1.21');
		assert.deepEqual(errs('require (\n\tx.com/y v1.0.0\n) go 1.21\n'), [['syntax', 'syntax error (expected newline after closing paren)', 'go 1.21']]);
	});

	it('ends a block that is never closed when the next block starts', () => {
		const text = 'require (\n\ta.com/b v1.0.0\n\nreplace (\n\ta.com/b => ../b\n)\n';
		assert.deepEqual(errs(text), [['syntax', 'syntax error (unterminated block started at go.mod:1:1)', 'require (']]);
		const f = parseGoMod(text);
		assert.equal(f.require.length, 1);
		assert.equal(f.replace[0]?.new.path.value, '../b');
	});

	it('reports ( in the middle of a block line', () => {
		assert.deepEqual(errs('require (\n\ta.com/b ( v1.0.0\n)\n'), [['syntax', 'syntax error (unexpected opening paren)', '(']]);
	});

	it('accepts an empty block on one line, but not ( ) followed by more', () => {
		assert.deepEqual(errs('require ( )\n'), []);
		assert.deepEqual(errs('require ( ) x\n'), [
			['syntax', 'syntax error (expected newline after opening paren)', '('],
			['syntax', 'syntax error (expected newline after closing paren)', 'x'],
		]);
	});
});

describe('parseGoMod errors: directives', () => {
	it('reports unknown directives in the main module (FACTS §6 claim 4)', () => {
		assert.deepEqual(errs('module m\ncgo 1.0\n'), [['unknown-directive', 'unknown directive: cgo', 'cgo']]);
		assert.deepEqual(errs('"module" m\n'), [['unknown-directive', 'unknown directive: "module"', '"module"']]);
	});

	it('reports unknown block types', () => {
		assert.deepEqual(errs('go (\n\t1.21\n)\n'), [['unknown-block', 'unknown block type: go', 'go']]);
		assert.deepEqual(errs('require foo (\n)\n'), [['unknown-block', 'unknown block type: require foo', 'require foo']]);
		assert.deepEqual(errs('cgo (\n)\n'), [['unknown-block', 'unknown block type: cgo', 'cgo']]);
	});

	it('rejects go.mod-only directives in go.work and go.work-only ones in go.mod', () => {
		assert.deepEqual(errs('require a.com/b v1.0.0\nmodule m\n', 'go.work'), [
			['unknown-directive', 'unknown directive: require', 'require'],
			['unknown-directive', 'unknown directive: module', 'module'],
		]);
		assert.deepEqual(errs('use ./a\n'), [['unknown-directive', 'unknown directive: use', 'use']]);
		assert.deepEqual(errs('require (\n)\n', 'go.work'), [['unknown-block', 'unknown block type: require', 'require']]);
	});

	it('checks the go version format', () => {
		assert.deepEqual(errs('go 1.2.3.4\n'), [['invalid-go-version', "invalid go version '1.2.3.4': must match format 1.23.0", '1.2.3.4']]);
		assert.deepEqual(errs('go 1\n'), [['invalid-go-version', "invalid go version '1': must match format 1.23.0", '1']]);
		assert.deepEqual(errs('go v1.21\n'), [['invalid-go-version', "invalid go version 'v1.21': must match format 1.23.0", 'v1.21']]);
		assert.deepEqual(errs('go 1.21-custom\n'), [['invalid-go-version', "invalid go version '1.21-custom': must match format 1.23.0", '1.21-custom']]);
		assert.deepEqual(errs('go 01.21\n'), [['invalid-go-version', "invalid go version '01.21': must match format 1.23.0", '01.21']]);
		assert.deepEqual(errs('go 1.21rc\n'), [['invalid-go-version', "invalid go version '1.21rc': must match format 1.23.0", '1.21rc']]);
		assert.deepEqual(errs('go 1.21 1.22\n'), [['usage', 'go directive expects exactly one argument', 'go 1.21 1.22']]);
		assert.deepEqual(errs('go\n'), [['usage', 'go directive expects exactly one argument', 'go']]);
		assert.deepEqual(errs('go 1.2.3.4\n', 'go.work'), [['invalid-go-version', "invalid go version '1.2.3.4': must match format 1.23.0", '1.2.3.4']]);
	});

	it('checks the toolchain name', () => {
		assert.deepEqual(errs('toolchain 1.21.0\n'), [['invalid-toolchain', "invalid toolchain version '1.21.0': must match format go1.23.0 or default", '1.21.0']]);
		assert.deepEqual(errs('toolchain go2\n'), [['invalid-toolchain', "invalid toolchain version 'go2': must match format go1.23.0 or default", 'go2']]);
		assert.deepEqual(errs('toolchain local\n'), [['invalid-toolchain', "invalid toolchain version 'local': must match format go1.23.0 or default", 'local']]);
		assert.deepEqual(errs('toolchain\n'), [['usage', 'toolchain directive expects exactly one argument', 'toolchain']]);
	});

	it('reports repeated module, go and toolchain statements on the second one', () => {
		const text = 'module a\nmodule b\ngo 1.21\ngo 1.22\ntoolchain go1.22.0\ntoolchain go1.22.1\n';
		assert.deepEqual(errs(text), [
			['repeated', 'repeated module statement', 'module b'],
			['repeated', 'repeated go statement', 'go 1.22'],
			['repeated', 'repeated toolchain statement', 'toolchain go1.22.1'],
		]);
		const f = parseGoMod(text);
		assert.equal(f.module?.path.value, 'a');
		assert.equal(f.go?.version.value, '1.21');
		assert.equal(f.toolchain?.name.value, 'go1.22.0');
	});

	it('lets a valid go line follow an invalid one, as modfile does', () => {
		const f = parseGoMod('go 1.2.3.4\ngo 1.22\n');
		assert.equal(f.errors.length, 1);
		assert.equal(f.go?.version.value, '1.22');
	});

	it('checks module usage and quoting', () => {
		assert.deepEqual(errs('module\n'), [['usage', 'usage: module module/path', 'module']]);
		assert.deepEqual(errs('module a b\n'), [['usage', 'usage: module module/path', 'module a b']]);
		assert.deepEqual(errs('module `example.com/raw`\n'), [['invalid-quoted-string', 'invalid quoted string: unquoted string cannot contain quote', '`example.com/raw`']]);
		assert.deepEqual(errs("module it's\n"), [['invalid-quoted-string', 'invalid quoted string: unquoted string cannot contain quote', "it's"]]);
		assert.deepEqual(errs('module "bad\\q"\n'), [['invalid-quoted-string', 'invalid quoted string: invalid syntax', '"bad\\q"']]);
		assert.deepEqual(errs('module "\\ud800"\n'), [['invalid-quoted-string', 'invalid quoted string: invalid syntax', '"\\ud800"']]);
	});

	it('checks godebug key=value', () => {
		assert.deepEqual(errs('godebug panicnil\n'), [['usage', 'usage: godebug key=value', 'godebug panicnil']]);
		assert.deepEqual(errs('godebug a=1 b=2\n'), [['usage', 'usage: godebug key=value', 'godebug a=1 b=2']]);
		assert.deepEqual(errs('godebug a=1,b=2\n'), [['usage', 'usage: godebug key=value', 'godebug a=1,b=2']]);
		assert.deepEqual(errs("godebug (\n\ta='1'\n)\n"), [['usage', 'usage: godebug key=value', "a='1'"]]);
	});

	it('checks require and exclude arguments and versions', () => {
		assert.deepEqual(errs('require x.com/y\n'), [['usage', 'usage: require module/path v1.2.3', 'require x.com/y']]);
		assert.deepEqual(errs('exclude (\n\tx.com/y v1 v2\n)\n'), [['usage', 'usage: exclude module/path v1.2.3', 'x.com/y v1 v2']]);
		assert.deepEqual(errs('require x.com/y latest\n'), [['invalid-version', 'require x.com/y: version "latest" invalid: must be of the form v1.2.3', 'latest']]);
		assert.deepEqual(errs('require x.com/y 1.2.3\n'), [['invalid-version', 'require x.com/y: version "1.2.3" invalid: must be of the form v1.2.3', '1.2.3']]);
		assert.deepEqual(errs('require x.com/y v1.02.3\n'), [['invalid-version', 'require x.com/y: version "v1.02.3" invalid: must be of the form v1.2.3', 'v1.02.3']]);
		assert.deepEqual(errs('require x.com/y v1.2.3-01\n'), [['invalid-version', 'require x.com/y: version "v1.2.3-01" invalid: must be of the form v1.2.3', 'v1.2.3-01']]);
	});

	it('checks that the major version fits the module path (module.CheckPathMajor)', () => {
		assert.deepEqual(errs('require github.com/foo/bar v2.0.0\n'), [['invalid-version', 'require github.com/foo/bar: version "v2.0.0" invalid: should be v0 or v1, not v2', 'v2.0.0']]);
		assert.deepEqual(errs('require github.com/foo/bar/v2 v3.1.0\n'), [['invalid-version', 'require github.com/foo/bar/v2: version "v3.1.0" invalid: should be v2, not v3', 'v3.1.0']]);
		assert.deepEqual(errs('require gopkg.in/yaml.v3 v2.4.0\n'), [['invalid-version', 'require gopkg.in/yaml.v3: version "v2.4.0" invalid: should be v3, not v2', 'v2.4.0']]);
		assert.deepEqual(errs('require github.com/foo/bar v2.0.0+incompatible\ngo 1.21\n'), []);
		assert.deepEqual(errs('require gopkg.in/check.v1 v0.0.0-20161208181325-20d25e280405\n'), []);
	});

	it('reports malformed module paths', () => {
		assert.deepEqual(errs('require example.com/m/v1 v1.0.0\n'), [['invalid-module-path', 'require example.com/m/v1: invalid module path', 'example.com/m/v1']]);
		assert.deepEqual(errs('require gopkg.in/yaml v1.0.0\n'), [['invalid-module-path', 'require gopkg.in/yaml: invalid module path', 'gopkg.in/yaml']]);
	});

	it('checks replace forms', () => {
		const usage = 'usage: replace module/path [v1.2.3] => other/module v1.4 or replace module/path [v1.2.3] => ../local/directory';
		assert.deepEqual(errs('replace a.com/b\n'), [['usage', usage, 'replace a.com/b']]);
		assert.deepEqual(errs('replace a.com/b -> ../b\n'), [['usage', usage, 'replace a.com/b -> ../b']]);
		assert.deepEqual(errs('replace a.com/b => c.com/d\n'), [
			['invalid-replacement', 'replacement module without version must be directory path (rooted or starting with . or ..)', 'c.com/d'],
		]);
		assert.deepEqual(errs('replace a.com/b => c.com/d@v1.0.0\n'), [
			['invalid-replacement', "replacement module must match format 'path version', not 'path@version'", 'c.com/d@v1.0.0'],
		]);
		assert.deepEqual(errs('replace a.com/b => ../b v1.0.0\n'), [['invalid-replacement', 'replacement module directory path "../b" cannot have version', 'v1.0.0']]);
		assert.deepEqual(errs('replace a.com/b vX => ../b\n'), [['invalid-version', 'replace a.com/b: version "vX" invalid: must be of the form v1.2.3', 'vX']]);
		assert.deepEqual(errs('replace a.com/b => c.com/d master\n'), [['invalid-version', 'replace c.com/d: version "master" invalid: must be of the form v1.2.3', 'master']]);
		assert.deepEqual(errs('replace a.com/b v2.0.0 => ../b\n'), [['invalid-version', 'replace a.com/b: version "v2.0.0" invalid: should be v0 or v1, not v2', 'v2.0.0']]);
		assert.deepEqual(errs('replace (\n\ta.com/b => c.com/d v1.0.0 extra\n)\n', 'go.work'), [['usage', usage, 'a.com/b => c.com/d v1.0.0 extra']]);
	});

	it('checks retract forms', () => {
		const m = 'module example.com/m\n';
		assert.deepEqual(errs(`${m}retract\n`), [['invalid-retract', "expected '[' or version", '']]);
		assert.deepEqual(errs(`${m}retract [\n`), [['invalid-retract', "expected version after '['", '']]);
		assert.deepEqual(errs(`${m}retract [v1.0.0 v1.0.1]\n`), [['invalid-retract', "expected ',' after version", 'v1.0.1']]);
		assert.deepEqual(errs(`${m}retract [v1.0.0,\n`), [['invalid-retract', "expected version after ','", '']]);
		// As in modfile, the token after ',' is taken as the version whatever it is.
		assert.deepEqual(errs(`${m}retract [v1.0.0,]\n`), [['invalid-version', 'retract: version "]" invalid: must be of the form v1.2.3', ']']]);
		assert.deepEqual(errs(`${m}retract [v1.0.0, v1.0.1\n`), [['invalid-retract', "expected ']' after version", '']]);
		assert.deepEqual(errs(`${m}retract v1.0.0 v1.0.1\n`), [['invalid-retract', 'unexpected token after version: "v1.0.1"', 'v1.0.1']]);
		assert.deepEqual(errs(`${m}retract 1.0.0\n`), [['invalid-version', 'retract: version "1.0.0" invalid: must be of the form v1.2.3', '1.0.0']]);
		assert.deepEqual(errs('retract v1.0.0\nretract v1.0.1\n'), [['invalid-retract', 'no module directive found, so retract cannot be used', 'retract v1.0.0']]);
	});

	it('checks tool, ignore and use arguments', () => {
		assert.deepEqual(errs('tool\n'), [['usage', 'tool directive expects exactly one argument', 'tool']]);
		assert.deepEqual(errs('tool (\n\ta b\n)\n'), [['usage', 'tool directive expects exactly one argument', 'a b']]);
		assert.deepEqual(errs('ignore a b\n'), [['usage', 'ignore directive expects exactly one argument', 'ignore a b']]);
		assert.deepEqual(errs('use\n', 'go.work'), [['usage', 'usage: use local/dir', 'use']]);
		assert.deepEqual(errs("use 'x'\n", 'go.work'), [['invalid-quoted-string', 'invalid quoted string: unquoted string cannot contain quote', "'x'"]]);
	});

	it('keeps the valid lines of a block with one bad line', () => {
		const text = 'require (\n\ta.com/a v1.0.0\n\tb.com/b nope\n\tc.com/c v1.0.0\n)\n';
		const f = parseGoMod(text);
		assert.equal(f.errors.length, 1);
		assert.deepEqual(
			f.require.map((r) => r.path.value),
			['a.com/a', 'c.com/c'],
		);
	});

	it('stops after 100 errors with one final note', () => {
		const f = parseGoMod('cgo 1\n'.repeat(500));
		assert.equal(f.errors.length, 101);
		assert.equal(f.errors[100]?.code, 'too-many-errors');
		assert.equal(f.errors[100]?.message, 'too many errors (stopped after 100)');
	});
});
