// globToRegExp (artifact paths, GitLab include paths, COPY sources): Go filepath.Match semantics, and no pattern
// can make it throw.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { globToRegExp } from '../../../../server/src/model/ci/glob';
import { seededRandom } from '../../../helpers/seeded-random';

const matches = (glob: string, path: string, options?: Parameters<typeof globToRegExp>[1]) => globToRegExp(glob, options).test(path);

describe('globToRegExp', () => {
	it('*, ? and ** as in Go and GitLab: * and ? within a segment, ** across', () => {
		assert.ok(matches('bin/*', 'bin/app'));
		assert.ok(!matches('bin/*', 'bin/sub/app'));
		assert.ok(matches('dist/app-?', 'dist/app-1'));
		assert.ok(matches('dist/**/app', 'dist/a/b/app', { globstar: true }));
		assert.ok(matches('dist/**/app', 'dist/app', { globstar: true }));
		assert.ok(matches('bin', 'bin/app', { prefixOf: true }));
		assert.ok(!matches('a.b', 'axb'), 'a dot is literal');
	});

	it('character classes: ranges, negation, a ] first is a member, an unclosed [ is literal', () => {
		assert.ok(matches('app-[a-c]', 'app-b'));
		assert.ok(!matches('app-[a-c]', 'app-d'));
		assert.ok(matches('app-[!a-c]', 'app-d'));
		assert.ok(!matches('app-[^a-c]', 'app-a'));
		assert.ok(matches('[]a]', ']'));
		assert.ok(matches('x[-]', 'x-'), 'a - with nothing after it is literal');
		assert.ok(matches('dist/[', 'dist/['));
	});

	it('a range that runs backwards matches nothing (Go: ErrBadPattern) instead of throwing', () => {
		assert.ok(!matches('app-[z-a]', 'app-m'));
		assert.ok(!matches('app-[!z-a]', 'app-m'));
		// What the fuzzer found: an emoji before a `-` (two UTF-16 units, the second above `}`).
		assert.doesNotThrow(() => globToRegExp(';&餉 [FROM🐳-}[bin/', { globstar: true, prefixOf: true }));
	});

	it('characters are code points: ? matches one emoji, a class holds one, a range spans them', () => {
		assert.ok(matches('a?b', 'a🐳b'));
		assert.ok(matches('[🐳x]', '🐳'));
		assert.ok(matches('[😀-🙏]', '😃'));
		assert.ok(!matches('[😀-🙏]', '🐳'));
		assert.doesNotThrow(() => globToRegExp('lone \uD83D surrogate [\uDC33-\uD83D]'));
	});

	it('20,000 random patterns of the characters that matter never throw', () => {
		const random = seededRandom(12);
		const alphabet = ['[', ']', '!', '^', '-', '*', '?', '\\', '/', '.', '(', ')', '{', '}', '|', '$', '+', 'a', 'z', '🐳', '\uD83D', '\uDC33', '餉'];
		for (let n = 0; n < 20_000; n++) {
			let glob = '';
			for (let k = 1 + Math.floor(random() * 12); k > 0; k--) glob += alphabet[Math.floor(random() * alphabet.length)];
			for (const options of [{}, { globstar: true, prefixOf: true }]) {
				try {
					globToRegExp(glob, options).test('a/z🐳');
				} catch (error) {
					assert.fail(`${JSON.stringify(glob)}: ${String(error)}`);
				}
			}
		}
	});
});
