import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';

/**
 * `shipcheck check examples/` must print exactly `examples/expected-findings.txt` (issue 3's "done when").
 * Regenerate after a deliberate change with: node server/out/cli.js check examples/ > examples/expected-findings.txt
 */
const root = resolve(__dirname, '..');

describe('examples/', () => {
	it('the CLI prints exactly the expected findings', () => {
		const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'server/src/cli/main.ts'), 'check', 'examples/'], { cwd: root, encoding: 'utf8' });
		assert.equal(run.stderr, '');
		assert.equal(run.stdout, readFileSync(join(root, 'examples/expected-findings.txt'), 'utf8'));
		const expected = readFileSync(join(root, 'examples/expected-findings.txt'), 'utf8');
		assert.equal(run.status, /: error: /.test(expected) ? 1 : 0);
	});
	it('json output follows the version 1 contract', () => {
		const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'server/src/cli/main.ts'), 'check', 'examples/', '--format', 'json'], { cwd: root, encoding: 'utf8' });
		const json = JSON.parse(run.stdout) as { version: number; findings: Record<string, unknown>[] };
		assert.equal(json.version, 1);
		assert.ok(json.findings.length > 0);
		for (const f of json.findings) {
			assert.deepEqual(Object.keys(f), ['rule', 'severity', 'file', 'line', 'column', 'endLine', 'endColumn', 'message', 'related', 'fixes']);
			assert.match(f.file as string, /^examples\/[^\\]+$/);
		}
	});
});
