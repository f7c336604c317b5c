import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ParseCache } from '../../../server/src/parse/parse-cache';

describe('ParseCache', () => {
	it('parses a text once and evicts the least recently used', () => {
		let parses = 0;
		const cache = new ParseCache<string>(2);
		const parse = (t: string) => {
			parses++;
			return t.toUpperCase();
		};
		assert.equal(cache.get('a', parse), 'A');
		assert.equal(cache.get('a', parse), 'A');
		assert.equal(parses, 1);
		cache.get('b', parse);
		cache.get('a', parse); // a is now the most recent
		cache.get('c', parse); // evicts b
		assert.equal(cache.size, 2);
		cache.get('a', parse);
		assert.equal(parses, 3);
		cache.get('b', parse);
		assert.equal(parses, 4);
	});
});
