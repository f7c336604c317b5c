import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateConstraint, fileNameConstraint, parseBuildExpression, parsePlusBuildLines, tagValueFor, type BuildTagContext } from '../../../server/src/model/build-constraints';
import { readGoSourceFile } from '../../../server/src/model/go-source-facts';

const linuxAmd64: BuildTagContext = { goos: 'linux', goarch: 'amd64', cgo: false, goMinor: 22, tags: ['musl'] };

function evaluate(expr: string, context: BuildTagContext = linuxAmd64): boolean | undefined {
	const parsed = parseBuildExpression(expr);
	assert.ok(parsed, `does not parse: ${expr}`);
	return evaluateConstraint(parsed, tagValueFor(context));
}

describe('build constraints', () => {
	it('evaluates //go:build expressions the way go/build matchTag does', () => {
		assert.equal(evaluate('cgo'), false);
		assert.equal(evaluate('!cgo'), true);
		assert.equal(evaluate('linux && amd64 && musl'), true);
		assert.equal(evaluate('unix && !windows'), true);
		assert.equal(evaluate('(darwin || windows) && cgo'), false);
		assert.equal(evaluate('go1.21 && !go1.23'), true);
		assert.equal(evaluate('gc && !gccgo'), true);
		assert.equal(evaluate('sqlite'), false);
	});
	it('is three-valued: unknown tags decide nothing unless the rest does', () => {
		const unknown: BuildTagContext = { goos: 'linux', goarch: undefined, cgo: undefined, goMinor: undefined, tags: undefined };
		assert.equal(evaluate('arm64', unknown), undefined);
		assert.equal(evaluate('windows && arm64', unknown), false);
		assert.equal(evaluate('linux || sqlite', unknown), true);
		assert.equal(evaluate('sqlite', unknown), undefined);
	});
	it('rejects malformed expressions', () => {
		assert.equal(parseBuildExpression('linux &&'), undefined);
		assert.equal(parseBuildExpression('(linux'), undefined);
	});
	it('reads old +build lines: spaces OR, commas AND, lines AND', () => {
		const c = parsePlusBuildLines(['linux,cgo darwin', '!windows']);
		assert.ok(c);
		assert.equal(evaluateConstraint(c, tagValueFor({ ...linuxAmd64, cgo: true })), true);
		assert.equal(evaluateConstraint(c, tagValueFor(linuxAmd64)), false);
	});
	it('reads file-name suffixes, ignoring the part before the first underscore', () => {
		assert.deepEqual(fileNameConstraint('db_linux_arm64.go'), { kind: 'and', x: { kind: 'tag', name: 'linux' }, y: { kind: 'tag', name: 'arm64' } });
		assert.deepEqual(fileNameConstraint('db_windows.go'), { kind: 'tag', name: 'windows' });
		assert.equal(fileNameConstraint('linux.go'), undefined);
		assert.equal(fileNameConstraint('sqlite_cgo.go'), undefined);
	});
});

describe('readGoSourceFile', () => {
	it('finds the constraint, imports with exact spans and //go:debug lines', () => {
		const text = '// Copyright 2024\n//go:build cgo && linux\n//go:debug panicnil=1\n\n/* doc */\npackage main\n\nimport (\n\t"fmt" // "not/this"\n\tsq "github.com/mattn/go-sqlite3"\n)\nimport _ "embed"\n\nfunc main() { fmt.Println(sq.SQLiteTimestampFormats) }\n';
		const file = readGoSourceFile('/m/db_linux.go', text);
		assert.equal(file.packageName, 'main');
		assert.equal(file.constraintText, '//go:build cgo && linux');
		assert.equal(evaluateConstraint(file.constraint!, tagValueFor({ ...linuxAmd64, cgo: true })), true);
		assert.equal(evaluateConstraint(file.constraint!, tagValueFor(linuxAmd64)), false);
		assert.deepEqual(file.imports.map((i) => [i.path, text.slice(i.span.start, i.span.end)]), [
			['fmt', '"fmt"'],
			['github.com/mattn/go-sqlite3', '"github.com/mattn/go-sqlite3"'],
			['embed', '"embed"'],
		]);
		const [debug] = file.debugDirectives;
		assert.ok(debug);
		assert.equal(text.slice(debug.keySpan.start, debug.keySpan.end), 'panicnil');
		assert.equal(text.slice(debug.valueSpan.start, debug.valueSpan.end), '1');
		assert.equal(text.slice(debug.lineSpan.start, debug.lineSpan.end), '//go:debug panicnil=1\n');
	});
	it('ignores //go:debug after the package clause and files without a package clause', () => {
		assert.deepEqual(readGoSourceFile('/m/a.go', 'package main\n//go:debug panicnil=1\n').debugDirectives, []);
		assert.deepEqual(readGoSourceFile('/m/b.go', '// just a comment\n').imports, []);
	});
});
