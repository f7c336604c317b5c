// The CLI entry loads the CLI proper through V8's code cache (server/src/cli/entry.ts): the cache may only ever
// change how fast a run starts, never what it prints, and a missing, stale or corrupt cache is not an error.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';

const root = resolve(__dirname, '../../..');
const cli = join(root, 'server/out/cli.js');
const usesVmCache = typeof (Module as unknown as { enableCompileCache?: unknown }).enableCompileCache !== 'function';
const temporaries: string[] = [];

function freshTmp(): string {
	const dir = mkdtempSync(join(tmpdir(), 'shipcheck-compile-cache-test-'));
	temporaries.push(dir);
	return dir;
}

function run(tmp: string, args: readonly string[], env: Record<string, string> = {}) {
	const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, TMPDIR: tmp, ...env } });
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function caches(tmp: string): string[] {
	const dir = join(tmp, 'go-shipcheck-compile-cache');
	return existsSync(dir) ? readdirSync(dir).map((name) => join(dir, name)) : [];
}

const CHECK = ['check', 'examples/', '--format', 'json'];

describe('CLI code cache', { skip: (!existsSync(cli) && 'not built') || (!usesVmCache && 'Node caches compiled code itself (module.enableCompileCache)') }, () => {
	after(() => {
		for (const dir of temporaries) rmSync(dir, { recursive: true, force: true });
	});

	it('a check writes the cache once; the next run uses it and prints the same thing', () => {
		const tmp = freshTmp();
		const first = run(tmp, CHECK);
		const [cache] = caches(tmp);
		assert.ok(cache, 'a cache file after the first check');
		const written = readFileSync(cache);
		const second = run(tmp, CHECK);
		assert.deepEqual(second, first);
		assert.deepEqual(readFileSync(cache), written, 'a usable cache is not rewritten');
		assert.deepEqual(caches(tmp), [cache]);
	});

	it('a cache written by a small check is written again by a check of more than twice as many files', () => {
		const tmp = freshTmp();
		const small = ['check', 'examples/sqlite-cgo-off-broken/Dockerfile', '--format', 'json'];
		run(tmp, small);
		const [cache] = caches(tmp);
		const first = readFileSync(cache);
		const smallCount = first.readUInt32LE(0);
		assert.ok(smallCount >= 1 && smallCount <= 3, `the header records the files checked (${smallCount})`);
		run(tmp, small);
		assert.deepEqual(readFileSync(cache), first, 'a run of the same size leaves it');
		const expected = run(freshTmp(), CHECK);
		assert.deepEqual(run(tmp, CHECK), expected, 'the output does not depend on the cache');
		const rewritten = readFileSync(cache);
		assert.ok(rewritten.readUInt32LE(0) > 2 * smallCount, 'rewritten with the larger count');
		assert.ok(rewritten.length > first.length, 'and with the functions the larger check compiled');
	});

	it('a corrupt cache is rejected by V8 and replaced; the output does not change', () => {
		const tmp = freshTmp();
		const expected = run(tmp, CHECK);
		const [cache] = caches(tmp);
		assert.ok(cache);
		writeFileSync(cache, Buffer.from('not a V8 code cache'.repeat(100)));
		assert.deepEqual(run(tmp, CHECK), expected);
		assert.ok(readFileSync(cache).length > 10_000, 'replaced by a real cache');
	});

	it('--version and --help write nothing, and SHIPCHECK_NO_COMPILE_CACHE=1 turns it off', () => {
		const tmp = freshTmp();
		assert.equal(run(tmp, ['--version']).status, 0);
		assert.equal(run(tmp, ['--help']).status, 0);
		const off = run(tmp, CHECK, { SHIPCHECK_NO_COMPILE_CACHE: '1' });
		assert.equal(off.status, 1, 'examples/ has errors');
		assert.deepEqual(caches(tmp), []);
	});

	it('an unwritable cache folder is not an error', () => {
		const tmp = freshTmp();
		writeFileSync(join(tmp, 'go-shipcheck-compile-cache'), 'a file where the folder would be');
		const result = run(tmp, CHECK);
		assert.equal(result.status, 1);
		assert.equal(result.stderr, '');
		assert.equal(JSON.parse(result.stdout).version, 1);
	});
});
