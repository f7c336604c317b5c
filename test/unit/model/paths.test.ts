import assert from 'node:assert/strict';
import { posix } from 'node:path';
import { describe, it } from 'node:test';
import { joinPath, normalizePath } from '../../../server/src/model/paths';

/** An independent oracle: Node's POSIX normalisation, without the trailing slash it keeps and the model drops. */
function reference(path: string): string {
	return posix.normalize(path).replace(/(.)\/$/, '$1');
}

describe('normalizePath', () => {
	it('resolves . and .., duplicate and trailing slashes, and keeps a leading /', () => {
		const cases: [string, string][] = [
			['', '.'], ['.', '.'], ['/', '/'], ['a/', 'a'], ['/a/b/', '/a/b'], ['a//b', 'a/b'], ['./a', 'a'], ['a/./b', 'a/b'],
			['a/../b', 'b'], ['../a', '../a'], ['/../a', '/a'], ['a/..', '.'], ['/src/app', '/src/app'], ['.hidden/x', '.hidden/x'], ['a/..b/c', 'a/..b/c'],
		];
		for (const [input, expected] of cases) assert.equal(normalizePath(input), expected, JSON.stringify(input));
		assert.equal(joinPath('/repo', './cmd/../cmd/api', 'Dockerfile'), '/repo/cmd/api/Dockerfile');
	});

	it('agrees with the POSIX normalisation on 20,000 generated paths', () => {
		const pieces = ['', '.', '..', 'a', 'bin', '.git', '..x', 'x..', '...'];
		let seed = 7;
		const next = () => {
			seed = (seed * 1103515245 + 12345) >>> 0;
			return seed >>> 8;
		};
		for (let n = 0; n < 20_000; n++) {
			const parts = Array.from({ length: next() % 6 }, () => pieces[next() % pieces.length]);
			const path = (next() % 2 ? '/' : '') + parts.join('/') + (next() % 4 === 0 ? '/' : '');
			assert.equal(normalizePath(path), reference(path), JSON.stringify(path));
		}
	});
});
