import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import * as esbuild from 'esbuild';
import type { Tree } from 'web-tree-sitter';
import { findWasmPaths, initNodeParsers, loadWasmFromDir, loadWasmFromPaths, WASM_FILE_NAMES } from '../../../server/src/node/wasm';
import { initParsers, isParseStopped, type ParseStopped } from '../../../server/src/parse/tree-sitter';

const root = resolve(__dirname, '../../..');
const npmPaths = {
	runtime: join(root, 'node_modules/web-tree-sitter/web-tree-sitter.wasm'),
	bash: join(root, 'node_modules/tree-sitter-bash/tree-sitter-bash.wasm'),
	yaml: join(root, 'node_modules/@tree-sitter-grammars/tree-sitter-yaml/tree-sitter-yaml.wasm'),
};
/** The tree of a parse that must not have been stopped (these texts take well under a millisecond). */
function treeOf(result: Tree | ParseStopped): Tree {
	assert.ok(!isParseStopped(result), 'parse stopped');
	return result;
}

const scratch = mkdtempSync(join(tmpdir(), 'shipcheck-ts-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

function copyWasmTo(dir: string): void {
	mkdirSync(dir, { recursive: true });
	copyFileSync(npmPaths.runtime, join(dir, WASM_FILE_NAMES.runtime));
	copyFileSync(npmPaths.bash, join(dir, WASM_FILE_NAMES.bash));
	copyFileSync(npmPaths.yaml, join(dir, WASM_FILE_NAMES.yaml));
}

describe('initParsers', () => {
	it('parses bash and YAML from wasm bytes, once per process', async () => {
		const parsers = await initParsers(loadWasmFromPaths(npmPaths));
		const bash = treeOf(parsers.parseBash('CGO_ENABLED=0 go build -o /app .'));
		assert.equal(bash.rootNode.type, 'program');
		assert.equal(bash.rootNode.hasError, false);
		bash.delete();
		const yaml = treeOf(parsers.parseYaml('jobs:\n  build:\n    runs-on: ubuntu-latest\n'));
		assert.equal(yaml.rootNode.type, 'stream');
		assert.equal(yaml.rootNode.hasError, false);
		yaml.delete();
		assert.equal(await initNodeParsers(), parsers, 'a second initialisation returns the first parsers');
	});

	it('uses the runtime bytes it is given (no file read): works from a directory without any wasm', () => {
		const dir = join(scratch, 'renamed');
		mkdirSync(dir, { recursive: true });
		// Renamed copies: if emscripten looked for web-tree-sitter.wasm on disk, it would not find it.
		copyFileSync(npmPaths.runtime, join(dir, 'runtime.bin'));
		copyFileSync(npmPaths.bash, join(dir, 'bash.bin'));
		copyFileSync(npmPaths.yaml, join(dir, 'yaml.bin'));
		const script = `
			const { loadWasmFromPaths } = require(${JSON.stringify(join(root, 'server/src/node/wasm.ts'))});
			const { initParsers } = require(${JSON.stringify(join(root, 'server/src/parse/tree-sitter.ts'))});
			const d = process.cwd();
			initParsers(loadWasmFromPaths({ runtime: d + '/runtime.bin', bash: d + '/bash.bin', yaml: d + '/yaml.bin' }))
				.then((p) => console.log(p.parseBash('go build').rootNode.type), (e) => { console.error(String(e)); process.exit(1); });`;
		const tsx = pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href;
		const run = spawnSync(process.execPath, ['--import', tsx, '-e', script], { cwd: dir, encoding: 'utf8' });
		assert.equal(run.stderr.trim(), '');
		assert.equal(run.stdout.trim(), 'program');
	});
});

describe('node/wasm', () => {
	it('finds the wasm files beside a directory first, else in node_modules', () => {
		const beside = join(scratch, 'out');
		copyWasmTo(beside);
		assert.deepEqual(findWasmPaths(beside), {
			runtime: join(beside, WASM_FILE_NAMES.runtime),
			bash: join(beside, WASM_FILE_NAMES.bash),
			yaml: join(beside, WASM_FILE_NAMES.yaml),
		});
		assert.deepEqual(findWasmPaths(join(root, 'server/src/node')), npmPaths);
		assert.ok(loadWasmFromDir(beside).bash.length > 1000);
	});

	it('fails loudly, naming the places it looked, when the files are nowhere', () => {
		const empty = join(scratch, 'empty');
		mkdirSync(empty, { recursive: true });
		const cwd = process.cwd();
		process.chdir(empty);
		try {
			assert.throws(() => findWasmPaths(empty), /tree-sitter wasm files not found; looked in .*empty/);
		} finally {
			process.chdir(cwd);
		}
		assert.throws(() => loadWasmFromPaths({ ...npmPaths, bash: join(empty, 'nope.wasm') }), /cannot read .*nope\.wasm/);
	});
});

describe('bundling', () => {
	it('a plain `esbuild --bundle --platform=node --format=cjs` bundle runs from another directory with the wasm beside it', async () => {
		const dir = join(scratch, 'bundle');
		mkdirSync(dir, { recursive: true });
		const entry = join(dir, 'entry.ts');
		writeFileSync(
			entry,
			`import { loadWasmFromDir } from ${JSON.stringify(join(root, 'server/src/node/wasm'))};
			import { initParsers } from ${JSON.stringify(join(root, 'server/src/parse/tree-sitter'))};
			import { parseShell } from ${JSON.stringify(join(root, 'server/src/parse/shell'))};
			import { goCommandsIn } from ${JSON.stringify(join(root, 'server/src/model/go-command'))};
			void initParsers(loadWasmFromDir(__dirname)).then((parsers) => {
				const go = goCommandsIn(parseShell(parsers, 'CGO_ENABLED=0 go build -ldflags="-s -w" -o /app .'))[0];
				console.log(JSON.stringify({ output: go?.output?.value, ld: go?.ldflags?.flags.map((f) => f.name), yaml: parsers.parseYaml('a: 1').rootNode.type }));
			}, (error) => { console.error(String(error)); process.exit(1); });`,
		);
		const outfile = join(dir, 'out', 'bundle.js');
		// No alias, no conditions: what anybody bundling the server would write.
		await esbuild.build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'silent' });
		const missing = spawnSync(process.execPath, [outfile], { cwd: tmpdir(), encoding: 'utf8' });
		assert.notEqual(missing.status, 0);
		assert.match(missing.stderr, /tree-sitter wasm files not found/);
		copyWasmTo(join(dir, 'out'));
		const run = spawnSync(process.execPath, [outfile], { cwd: tmpdir(), encoding: 'utf8' });
		assert.equal(run.stderr, '');
		assert.deepEqual(JSON.parse(run.stdout), { output: '/app', ld: ['s', 'w'], yaml: 'stream' });
	});
});
