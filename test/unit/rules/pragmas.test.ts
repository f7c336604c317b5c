import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findPragmaInsertion } from '../../../server/src/rules/pragma-edits';
import { computeSuppressions, findPragmas, isSuppressed } from '../../../server/src/rules/pragmas';

const dockerfile = [
	'FROM golang:1.22 AS build',
	'# shipcheck ignore=libc-mismatch,stripped-binary the runtime installs gcompat',
	'# another comment',
	'COPY --from=build /out/app \\',
	'    /app',
	'RUN true',
	'',
].join('\n');

function statementsOf(text: string) {
	// Instruction spans: line 1, lines 4-5, line 6.
	const lines = text.split('\n');
	const start = (l: number) => lines.slice(0, l).reduce((n, s) => n + s.length + 1, 0);
	return [
		{ start: start(0), end: start(0) + lines[0].length },
		{ start: start(3), end: start(4) + lines[4].length },
		{ start: start(5), end: start(5) + lines[5].length },
	];
}

describe('pragmas', () => {
	it('finds ignore pragmas with several ids and a reason', () => {
		const [pragma] = findPragmas(dockerfile);
		assert.deepEqual(pragma?.ids, ['libc-mismatch', 'stripped-binary']);
		assert.equal(pragma?.kind, 'ignore');
	});
	it('ties a pragma to the next statement across comment lines', () => {
		const s = computeSuppressions(dockerfile, statementsOf(dockerfile));
		const copyOffset = dockerfile.indexOf('COPY');
		assert.equal(isSuppressed(s, 'libc-mismatch', copyOffset), true);
		assert.equal(isSuppressed(s, 'libc-mismatch', dockerfile.indexOf('/app\n')), true, 'continuation lines belong to the statement');
		assert.equal(isSuppressed(s, 'glibc-too-old', copyOffset), false);
		assert.equal(isSuppressed(s, 'libc-mismatch', dockerfile.indexOf('RUN')), false);
	});
	it('ignore-file applies everywhere', () => {
		const text = `# shipcheck ignore-file=libc-mismatch\n${dockerfile}`;
		const s = computeSuppressions(text, []);
		assert.equal(isSuppressed(s, 'libc-mismatch', text.length - 2), true);
	});
	it('a blank line does not break the tie, but code does', () => {
		const text = '# shipcheck ignore=libc-mismatch\nRUN a\nCOPY x y\n';
		const s = computeSuppressions(text, [{ start: 33, end: 38 }, { start: 39, end: 47 }]);
		assert.equal(isSuppressed(s, 'libc-mismatch', 39), false);
		assert.equal(isSuppressed(s, 'libc-mismatch', 33), true);
	});
});

function apply(text: string, edit: { span: { start: number; end: number }; newText: string } | undefined): string {
	assert.ok(edit);
	return text.slice(0, edit.span.start) + edit.newText + text.slice(edit.span.end);
}

describe('pragma insertion', () => {
	const text = 'FROM golang:1.22 AS build\n  COPY --from=build /out/app \\\n    /app\n';
	it('inserts before the statement start with its indentation', () => {
		const out = apply(text, findPragmaInsertion(text, '/w/Dockerfile', text.indexOf('/app\n'), 'libc-mismatch', 'line'));
		assert.equal(out, 'FROM golang:1.22 AS build\n  # shipcheck ignore=libc-mismatch reason: explain why this is safe\n  COPY --from=build /out/app \\\n    /app\n');
	});
	it('is idempotent and merges ids into an existing pragma', () => {
		const once = apply(text, findPragmaInsertion(text, '/w/Dockerfile', text.indexOf('COPY'), 'libc-mismatch', 'line'));
		assert.equal(findPragmaInsertion(once, '/w/Dockerfile', once.indexOf('COPY'), 'libc-mismatch', 'line'), undefined);
		const merged = apply(once, findPragmaInsertion(once, '/w/Dockerfile', once.indexOf('COPY'), 'glibc-too-old', 'line'));
		assert.match(merged, /# shipcheck ignore=libc-mismatch,glibc-too-old reason:/);
	});
	it('puts ignore-file after parser directives', () => {
		const withDirective = '# syntax=docker/dockerfile:1\nFROM alpine\n';
		const out = apply(withDirective, findPragmaInsertion(withDirective, '/w/Dockerfile', 30, 'libc-mismatch', 'file'));
		assert.equal(out, '# syntax=docker/dockerfile:1\n# shipcheck ignore-file=libc-mismatch\nFROM alpine\n');
	});
	it('uses // in go.mod', () => {
		const mod = 'module x\n\ngo 1.22\n';
		assert.equal(apply(mod, findPragmaInsertion(mod, '/w/go.mod', 11, 'go-version-mismatch', 'line')), 'module x\n\n// shipcheck ignore=go-version-mismatch reason: explain why this is safe\ngo 1.22\n');
	});
});
