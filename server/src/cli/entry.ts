// The `shipcheck` process entry (bundled alone to server/out/cli.js, with nothing but Node built-ins). It loads the
// CLI proper (server/out/cli-main.js) through V8's code cache and runs it.
//
// Why: a CLI run is short, and a good part of it went to compiling JavaScript: the 1 MB bundle's top level, then
// every function the first time it runs. V8 can save the bytecode it compiled and reuse it in the next process
// (what Node 22's module.enableCompileCache does; Node 20 has only vm.Script's cachedData). Measured on the
// benchmark corpus, 1,144 files: about 60-70 ms less per run (of about 1.5 s).
//
// Safety: V8 checks the cache against its own version, its flags and the source, and rejects a cache that does
// not match (we then compile as usual); the file name also carries a hash of the source and the Node version.
// The cache holds compiled code of our bundle only, never anything from the files checked. It is written after
// a run that had no usable cache, or that checked more than twice as many files as the run that wrote it, to a
// temporary file renamed into place; any failure to read or write it is ignored. SHIPCHECK_NO_COMPILE_CACHE=1
// (or Node's NODE_DISABLE_COMPILE_CACHE=1) turns it off. Node 22.1 and later cache compiled code themselves.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';
import { preferBaselineWasmCompiler } from '../node/wasm-tier';
import { exitWith } from './exit-status';

interface CliMain {
	run(argv: readonly string[]): Promise<number>;
	/** How many files the runs of this process checked (0 for other commands). */
	filesChecked(): number;
}

const MAIN_BUNDLE = join(__dirname, 'cli-main.js');

/** Runs the CLI with `argv` (the arguments after `shipcheck`); resolves to the exit status. */
export async function start(argv: readonly string[]): Promise<number> {
	// Before anything is compiled: V8 keys its code cache by its flags.
	preferBaselineWasmCompiler();
	optimiseLater();
	// Only a check compiles enough of the analysis to be worth caching (a first `--version` would cache little).
	return loadMain(argv[0] === 'check').run(argv);
}

/**
 * V8 optimises a function with TurboFan once it has run for a budget of bytecode (the interrupt budget, 66 KB by
 * default). In a run of a few seconds many functions reach that budget only to be compiled on a background thread
 * for the little work left, and on a two-core machine that thread competes with the analysis. Four times the
 * budget keeps TurboFan for the functions that are really hot: measured on the benchmark corpus (1,144 files, 7
 * runs each, code cache in place), median wall time 1.22 s → 1.14 s and CPU time (user) 1.75 s → 1.32 s; 3× and 6×
 * gave the same within noise, 16× and no TurboFan at all were slower. The language server keeps the default.
 */
function optimiseLater(): void {
	setFlagsFromString('--interrupt-budget=262144');
}

function loadMain(writeCache: boolean): CliMain {
	const enable = (Module as unknown as { enableCompileCache?: (dir?: string) => unknown }).enableCompileCache;
	// Loaded at run time from beside this file, never bundled into it.
	const requireBeside = Module.createRequire(__filename);
	if (cacheDisabled()) return requireBeside(MAIN_BUNDLE) as CliMain;
	if (typeof enable === 'function') {
		// Node 22.1 and later do the same natively.
		enable();
		return requireBeside(MAIN_BUNDLE) as CliMain;
	}
	return loadThroughCodeCache(MAIN_BUNDLE, writeCache);
}

function cacheDisabled(): boolean {
	return process.env.SHIPCHECK_NO_COMPILE_CACHE === '1' || process.env.NODE_DISABLE_COMPILE_CACHE === '1';
}

/** Compiles and runs a CommonJS bundle as `require` would, with V8's code cache from the previous run. */
function loadThroughCodeCache(file: string, writeCache: boolean): CliMain {
	const source = readFileSync(file, 'utf8');
	const cacheFile = join(tmpdir(), 'go-shipcheck-compile-cache', `${createHash('sha256').update(process.version).update(process.arch).update(source).digest('hex').slice(0, 32)}.bin`);
	const cached = readCache(cacheFile);
	const script = new Script(Module.wrap(source), { filename: file, cachedData: cached?.data });
	const usable = cached !== undefined && !script.cachedDataRejected;
	const wrapper = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
	const loaded = new Module(file, module);
	loaded.filename = file;
	// The bundle requires Node built-ins only; createRequire resolves anything else from the bundle's folder.
	wrapper.call(loaded.exports, loaded.exports, Module.createRequire(file), loaded, file, dirname(file));
	loaded.loaded = true;
	const main = loaded.exports as CliMain;
	if (writeCache) {
		// After the run, so that the functions it compiled on the way are in the cache too.
		process.once('exit', () => {
			const files = main.filesChecked();
			if (!usable || files > 2 * cached.files) writeAtomically(cacheFile, withHeader(files, script.createCachedData()));
		});
	}
	return main;
}

/**
 * A cache holds the functions compiled by the run that wrote it, and no more: one written by a check of a single
 * project leaves a check of a thousand files to compile most of the analysis again (measured: 80 ms of 1.25 s). So
 * the cache records how many files that run checked, and a run that checks more than twice as many writes it again
 * (the new one keeps everything the old one had: V8 counts the functions it loaded from it as compiled). Writing
 * costs about 11 ms, so it is not done on every run.
 */
const HEADER_BYTES = 4;

function readCache(file: string): { files: number; data: Buffer } | undefined {
	const bytes = readOptional(file);
	if (!bytes || bytes.length <= HEADER_BYTES) return undefined;
	return { files: bytes.readUInt32LE(0), data: bytes.subarray(HEADER_BYTES) };
}

function withHeader(files: number, data: Buffer): Buffer {
	const header = Buffer.alloc(HEADER_BYTES);
	header.writeUInt32LE(Math.min(files, 0xffffffff), 0);
	return Buffer.concat([header, data]);
}

function readOptional(file: string): Buffer | undefined {
	try {
		return readFileSync(file);
	} catch {
		return undefined;
	}
}

function writeAtomically(file: string, data: Buffer): void {
	const temporary = `${file}.${process.pid}.tmp`;
	try {
		mkdirSync(dirname(file), { recursive: true });
		writeFileSync(temporary, data);
		renameSync(temporary, file);
		pruneOldCaches(dirname(file), file);
	} catch {
		// A read-only or full temporary folder only costs the next run its head start.
		try {
			rmSync(temporary, { force: true });
		} catch {
			// Nothing was written, or it cannot be removed either.
		}
	}
}

/** Each build (and Node release) gets its own cache file: keep the newest few, not one per build ever made. */
const CACHES_KEPT = 4;

function pruneOldCaches(dir: string, current: string): void {
	const others = readdirSync(dir)
		.filter((name) => name.endsWith('.bin'))
		.map((name) => join(dir, name))
		.filter((path) => path !== current)
		.map((path) => ({ path, mtime: statSync(path).mtimeMs }))
		.sort((a, b) => b.mtime - a.mtime);
	for (const old of others.slice(CACHES_KEPT - 1)) rmSync(old.path, { force: true });
}

if (require.main === module) {
	exitWith(start(process.argv.slice(2)));
}
