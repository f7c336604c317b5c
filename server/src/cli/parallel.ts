import { availableParallelism, loadavg } from 'node:os';
import { relative } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { BinaryWindow, FileSystemView } from '../model/file-system';
import { NodeFileSystem } from '../node/fs-view';
import { loadWasmFromDir } from '../node/wasm';
import { initParsers, type Parsers } from '../parse/tree-sitter';
import { findGoMod } from '../model/go-module';
import { analyze } from '../rules/analyze';
import type { ShipcheckConfig } from '../rules/config';
import { positionFindings, type PositionedFinding } from './output';

/**
 * `shipcheck check` over many independent projects (a folder of services, a corpus) on several cores.
 *
 * The engine models files together: a workflow pulls in the Dockerfiles it builds, a Dockerfile its go.mod, and
 * the findings can depend on all of them. So files are only split along lines nothing crosses, and the split is
 * checked afterwards: each share records every file its analysis read, and if two shares read the same file the
 * parallel results are dropped and the whole path is analysed in one piece, exactly as without workers.
 */

/** Below this many files one thread is faster than starting workers (each loads the bundle and the grammars). */
const PARALLEL_MIN_FILES = 200;

export interface CheckBatch {
	readonly files: readonly string[];
	readonly config: ShipcheckConfig;
	/** The working directory the output paths are relative to. */
	readonly cwd: string;
}

export interface BatchResult {
	readonly findings: readonly PositionedFinding[];
	/** Files whose text the analysis read (files that do not exist are not listed). */
	readonly read: readonly string[];
	/** Rules that threw, by id, with the error as text (the caller reports them and exits 2). */
	readonly failures: readonly { readonly ruleId: string; readonly error: string }[];
}

/**
 * How many threads to use for `files` analysed as `shares`; 1 means stay on this thread. Unless `--jobs` says, one
 * per two idle cores: one analysis thread keeps about 1.25 cores busy (V8's garbage collector and optimising
 * compiler run beside it; measured on the benchmark corpus, 2 cores: 1.50 s of CPU in 1.21 s), so on 2 cores a second
 * thread only competes and adds its start-up (measured: 1.26 s against 1.21 s). Idle means cores minus the load
 * average, like `make -l`.
 */
export function threadCount(fileCount: number, shareCount: number, requested: number | undefined, idleCores = idleCoreCount()): number {
	const wanted = requested ?? threadsFor(idleCores);
	if (wanted <= 1 || shareCount < 2 || (requested === undefined && fileCount < PARALLEL_MIN_FILES)) return 1;
	return Math.min(wanted, shareCount);
}

/** Cores minus the 1-minute load average, rounded; at least 1. */
function idleCoreCount(): number {
	return Math.max(1, Math.round(availableParallelism() - loadavg()[0]));
}

/** Analysis threads for that many idle cores (see `threadCount`). */
function threadsFor(idleCores: number): number {
	return Math.max(1, Math.floor(idleCores / 2));
}

/**
 * Groups of `files` (absolute, `/`-separated, all below `root`) that can be analysed apart: one group per top-level
 * folder of `root`. Undefined when `root` itself holds something the engine reads across folders (CI files,
 * `.github/`, `.git/`), or when a go.mod at or above `root` would be shared by every folder (a monorepo's
 * `services/`): the threads would all read it and their results would be dropped anyway.
 */
export function independentShares(fs: FileSystemView, root: string, files: readonly string[]): string[][] | undefined {
	if (fs.listDir(root).some((e) => e === '.git/' || e === '.github/' || e === '.gitlab-ci.yml' || /^\.?goreleaser\.ya?ml$/.test(e))) return undefined;
	if (findGoMod(fs, root) !== undefined) return undefined;
	const prefix = root.endsWith('/') ? root : `${root}/`;
	const groups = new Map<string, string[]>();
	for (const file of files) {
		if (!file.startsWith(prefix)) return undefined;
		const slash = file.indexOf('/', prefix.length);
		if (slash < 0) return undefined; // a file directly in root
		const folder = file.slice(prefix.length, slash);
		const group = groups.get(folder) ?? [];
		group.push(file);
		groups.set(folder, group);
	}
	return [...groups.values()];
}

/** Deals `shares` into `count` batches of about the same number of files (largest first, to the lightest batch). */
export function balance(shares: readonly (readonly string[])[], count: number): string[][] {
	const batches: string[][] = Array.from({ length: count }, () => []);
	for (const share of [...shares].sort((a, b) => b.length - a.length)) {
		let lightest = batches[0];
		for (const batch of batches) if (batch.length < lightest.length) lightest = batch;
		lightest.push(...share);
	}
	return batches.filter((b) => b.length > 0);
}

/** Consecutive shares joined until each batch holds at least `size` files. */
export function inBatchesOf(size: number, shares: readonly (readonly string[])[]): string[][] {
	const batches: string[][] = [];
	let current: string[] = [];
	for (const share of shares) {
		current.push(...share);
		if (current.length >= size) {
			batches.push(current);
			current = [];
		}
	}
	if (current.length > 0) batches.push(current);
	return batches;
}

/** True when no file was read by two batches: their analyses shared nothing, so together they equal one analysis. */
export function disjointReads(results: readonly BatchResult[]): boolean {
	const owner = new Map<string, number>();
	for (let i = 0; i < results.length; i++) {
		for (const file of results[i].read) {
			const seen = owner.get(file);
			if (seen !== undefined && seen !== i) return false;
			owner.set(file, i);
		}
	}
	return true;
}

/** Analyses one batch on this thread. */
export function checkBatch(batch: CheckBatch, parsers: Parsers, fs: FileSystemView = new NodeFileSystem()): BatchResult {
	const recorder = recordingFileSystem(fs);
	const result = analyze({ fs: recorder.fs, parsers, config: batch.config, entryFiles: batch.files });
	const display = (file: string) => displayPath(batch.cwd, file);
	return {
		findings: positionFindings(result.findings, (f) => recorder.fs.readFile(f), display),
		read: [...recorder.read],
		failures: result.failures.map((f) => ({ ruleId: f.ruleId, error: String(f.error) })),
	};
}

/** Runs `batches[0]` here and each other batch in a worker thread running this same bundle. */
export async function checkBatchesInParallel(batches: readonly CheckBatch[], parsers: Parsers, bundle: string, fs: FileSystemView): Promise<BatchResult[]> {
	const workers = batches.slice(1).map((batch) => runWorker(bundle, batch));
	// Attach handlers before blocking this thread, so an early worker failure is not reported as unhandled.
	const settled = workers.map((w) => w.then((r) => ({ ok: true as const, r }), (e: unknown) => ({ ok: false as const, e })));
	const here = checkBatch(batches[0], parsers, fs);
	const results = [here];
	for (const outcome of await Promise.all(settled)) {
		if (!outcome.ok) throw outcome.e;
		results.push(outcome.r);
	}
	return results;
}

const WORKER_TAG = 'shipcheck-check-batch';

function runWorker(bundle: string, batch: CheckBatch): Promise<BatchResult> {
	return new Promise((resolve, reject) => {
		const worker = new Worker(bundle, { workerData: { tag: WORKER_TAG, batch } });
		let result: BatchResult | undefined;
		worker.once('message', (message: BatchResult) => {
			result = message;
		});
		worker.once('error', reject);
		worker.once('exit', (code) => {
			if (result) resolve(result);
			else reject(new Error(`analysis worker exited with code ${code} before sending results`));
		});
	});
}

/** In a worker started by `checkBatchesInParallel`: analyse the batch, post the result. True when this is one. */
export function runAsBatchWorker(bundleDir: string): boolean {
	const data = workerData as { tag?: string; batch?: CheckBatch } | undefined;
	if (isMainThread || data?.tag !== WORKER_TAG || !data.batch || !parentPort) return false;
	const port = parentPort;
	const batch = data.batch;
	void initParsers(loadWasmFromDir(bundleDir)).then((parsers) => port.postMessage(checkBatch(batch, parsers)));
	return true;
}

function recordingFileSystem(fs: FileSystemView): { fs: FileSystemView; read: Set<string> } {
	const read = new Set<string>();
	const view: FileSystemView = {
		readFile(path) {
			const text = fs.readFile(path);
			if (text !== undefined) read.add(path);
			return text;
		},
		listDir: (path) => fs.listDir(path),
	};
	if (fs.readBinary) {
		const readBinary = fs.readBinary.bind(fs);
		view.readBinary = (path: string, offset: number, length: number): BinaryWindow | undefined => {
			const window = readBinary(path, offset, length);
			if (window) read.add(path);
			return window;
		};
	}
	return { fs: view, read };
}

/** `.` or `..` segments, a doubled or trailing slash, or a backslash: left to path.relative. */
const NOT_NORMAL = /\/\.{1,2}(\/|$)|\/\/|\/$|\\/;

/** A path as the CLI prints it: relative to `cwd`, with `/` separators, `.` for `cwd` itself. */
export function displayPath(cwd: string, file: string): string {
	// The common case, a file under the working directory, without path.relative's normalising (called per file).
	if (file.length > cwd.length + 1 && file.startsWith(cwd) && file[cwd.length] === '/' && !cwd.endsWith('/') && !NOT_NORMAL.test(file)) return file.slice(cwd.length + 1);
	return relative(cwd, file).replace(/\\/g, '/') || '.';
}
