import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = resolve(__dirname, '../../../server/src/knowledge');

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((n) => {
		const p = join(dir, n);
		return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
	});
}

describe('knowledge is a leaf', () => {
	const all = files(ROOT);

	it('imports only from inside server/src/knowledge, with no Node built-ins or vscode', () => {
		const bad: string[] = [];
		for (const f of all) {
			const text = readFileSync(f, 'utf8');
			for (const m of text.matchAll(/\bfrom\s+'([^']+)'|\bimport\s*\(\s*'([^']+)'\s*\)|\brequire\(\s*'([^']+)'\s*\)/g)) {
				const spec = m[1] ?? m[2] ?? m[3];
				const ok = spec.startsWith('.') && !relative(ROOT, resolve(f, '..', spec)).startsWith('..');
				if (!ok) bad.push(`${relative(ROOT, f)}: ${spec}`);
			}
		}
		assert.deepEqual(bad, []);
	});

	it('keeps files under 400 lines', () => {
		const long = all.filter((f) => readFileSync(f, 'utf8').split('\n').length >= 400).map((f) => relative(ROOT, f));
		assert.deepEqual(long, []);
	});
});
