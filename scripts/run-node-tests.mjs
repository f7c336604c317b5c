// Runs the node:test unit tests: every *.test.ts under the folders (or the files) given as arguments (missing ones are
// skipped; test/integration is never included, it runs inside VS Code), with tsx for TypeScript and the spec
// reporter, whose closing lines (`ℹ pass N`, `ℹ fail N`) CI reads. Exits with node --test's exit code.
// Usage: node scripts/run-node-tests.mjs test   or   node scripts/run-node-tests.mjs test/unit/x.test.ts ...
// Env: TEST_GREP=<regexp> narrows by test name; TEST_CONCURRENCY=<n> test files at once (default: all cores).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const excluded = [join(root, 'test', 'integration')];
const skippedDirs = new Set(['node_modules', 'workspace', 'out', 'build']);

function find(dir) {
	if (excluded.some((e) => dir === e || dir.startsWith(e + sep))) return [];
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return skippedDirs.has(entry.name) ? [] : find(path);
		return entry.isFile() && entry.name.endsWith('.test.ts') ? [path] : [];
	});
}

const folders = process.argv.slice(2);
if (folders.length === 0) {
	console.error('usage: node scripts/run-node-tests.mjs <folder>...');
	process.exit(2);
}
const files = folders.map((f) => resolve(root, f)).filter((f) => existsSync(f))
	.flatMap((f) => (statSync(f).isDirectory() ? find(f) : [f])).sort();
if (files.length === 0) {
	console.error(`no *.test.ts files under ${folders.join(', ')}`);
	process.exit(1);
}
console.log(`running ${files.length} test files: ${files.map((f) => relative(root, f)).join(' ')}`);
// node --test runs availableParallelism() - 1 files at once: one at a time on our 2-core machines, where the
// per-file tsx start-up then dominates. Test files already run in parallel on bigger machines, so use every core.
const concurrency = Number(process.env.TEST_CONCURRENCY ?? availableParallelism());
const args = ['--import', 'tsx', '--test', '--test-reporter=spec', `--test-concurrency=${concurrency}`];
if (process.env.TEST_GREP) args.push(`--test-name-pattern=${process.env.TEST_GREP}`);
const result = spawnSync(process.execPath, [...args, ...files], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
