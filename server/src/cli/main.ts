import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { NodeFileSystem } from '../node/fs-view';
import { loadWasmFromDir } from '../node/wasm';
import { initParsers, type Parsers } from '../parse/tree-sitter';
import { DEFAULT_CONFIG, isIgnoredPath, mergeConfigs, type ShipcheckConfig } from '../rules/config';
import { findConfigFile, loadConfigFile } from '../rules/config-file';
import { entryFilesFor, projectFilesUnder } from '../rules/discover';
import type { Finding } from '../rules/types';
import { parseArgs, USAGE, UsageError, type CheckArgs } from './args';
import { exitWith } from './exit-status';
import { runInspect } from './inspect';
import { formatJson, formatSarif, formatText, type PositionedFinding } from './output';
import { balance, inBatchesOf, checkBatch, checkBatchesInParallel, disjointReads, displayPath, independentShares, runAsBatchWorker, threadCount, type BatchResult, type CheckBatch } from './parallel';

const VERSION = '0.1.0';

/**
 * The `shipcheck` command (started by entry.ts, which prepares V8 first): exit 0 clean, 1 findings at or above
 * --fail-on, 2 usage or internal error.
 */
export async function run(argv: readonly string[]): Promise<number> {
	let args;
	try {
		args = parseArgs(argv);
	} catch (error) {
		if (error instanceof UsageError) {
			process.stderr.write(`shipcheck: ${error.message}\n${USAGE}\n`);
			return 2;
		}
		throw error;
	}
	switch (args.command) {
		case 'help':
			process.stdout.write(`${USAGE}\n`);
			return 0;
		case 'version':
			process.stdout.write(`${VERSION}\n`);
			return 0;
		case 'check':
			return runCheck(args, await initParsers(loadWasmFromDir(__dirname)));
		case 'inspect':
			return runInspect(args, (s) => process.stdout.write(s), (s) => process.stderr.write(s));
	}
}

const SEVERITY_RANK: Record<Finding['severity'], number> = { hint: 0, info: 1, warning: 2, error: 3 };

let filesCheckedInProcess = 0;

/** How many files the checks of this process looked at (entry.ts sizes its code cache by it). */
export function filesChecked(): number {
	return filesCheckedInProcess;
}

export async function runCheck(args: CheckArgs, parsers: Parsers): Promise<number> {
	const fs = new NodeFileSystem();
	const cwd = process.cwd();
	const positioned: PositionedFinding[] = [];
	let filesChecked = 0;
	for (const given of args.paths) {
		const root = toPosix(resolve(cwd, given));
		const kind = statKind(root);
		if (!kind) {
			process.stderr.write(`shipcheck: ${given}: no such file or directory\n`);
			return 2;
		}
		const config = configFor(fs, parsers, args, root);
		const files = (kind === 'dir' ? projectFilesUnder(fs, root) : entryFilesFor(fs, root)).filter((f) => !isIgnoredPath(displayPath(cwd, f), config));
		filesChecked += files.length;
		filesCheckedInProcess += files.length;
		const results = kind === 'dir' ? await checkFolder({ root, files, config, cwd }, args.jobs, parsers, fs) : [checkBatch({ files, config, cwd }, parsers, fs)];
		const failures = results.flatMap((r) => r.failures);
		for (const failure of failures) process.stderr.write(`shipcheck: internal error in rule ${failure.ruleId}: ${failure.error}\n`);
		if (failures.length > 0) return 2;
		const shown = results.flatMap((r) => r.findings);
		// A single file: only what is reported on that file and the files checked with it (its go.mod, CI files).
		const checked = new Set([root, ...files].map((f) => displayPath(cwd, f)));
		positioned.push(...(kind === 'dir' ? shown : shown.filter((f) => checked.has(f.file))));
	}
	const sorted = sortFindings(positioned);
	const output = args.format === 'json' ? formatJson(sorted) : args.format === 'sarif' ? formatSarif(sorted, VERSION) : formatText(sorted, filesChecked);
	process.stdout.write(`${output}\n`);
	const threshold = SEVERITY_RANK[args.failOn];
	return sorted.some((f) => SEVERITY_RANK[f.finding.severity] >= threshold) ? 1 : 0;
}

/**
 * A folder: on several threads when it holds enough independent projects (parallel.ts), else on this one, a batch
 * of projects at a time. If the batches' analyses turn out to have read a file in common, their results are dropped
 * and the folder is analysed in one piece, so the output never depends on threads or batches.
 */
async function checkFolder(folder: CheckBatch & { readonly root: string }, jobs: number | undefined, parsers: Parsers, fs: NodeFileSystem): Promise<BatchResult[]> {
	const { root, files, config, cwd } = folder;
	const shares = independentShares(fs, root, files);
	const threads = threadCount(files.length, shares?.length ?? 1, jobs);
	if (shares && threads > 1) {
		const batches = balance(shares, threads).map((batchFiles) => ({ files: batchFiles, config, cwd }));
		const results = await checkBatchesInParallel(batches, parsers, __filename, fs);
		if (disjointReads(results)) return results;
	}
	if (shares && shares.length > 1) {
		const results = inBatchesOf(BATCH_FILES, shares).map((batchFiles) => checkBatch({ files: batchFiles, config, cwd }, parsers, fs));
		if (disjointReads(results)) return results;
	}
	return [checkBatch({ files, config, cwd }, parsers, fs)];
}

/**
 * On one thread, independent projects are still analysed a batch at a time, so that each batch's models are
 * garbage before the next is built instead of all living to the end. About 100 files a batch: measured on the
 * benchmark corpus (1,144 files in 520 projects, 7 interleaved runs each), median wall time 1.15 s for the whole
 * folder at once, 1.11-1.12 s with batches of 50, 100 or 200 files, 1.18 s with one project per batch.
 */
const BATCH_FILES = 100;

/** File, then position, then rule: the same order whichever thread found what. */
function sortFindings(findings: readonly PositionedFinding[]): PositionedFinding[] {
	const key = (f: PositionedFinding) => [f.file, f.line, f.column, f.finding.ruleId, f.finding.message] as const;
	return [...findings].sort((a, b) => {
		const ka = key(a);
		const kb = key(b);
		for (let i = 0; i < ka.length; i++) {
			if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
		}
		return 0;
	});
}

function configFor(fs: NodeFileSystem, parsers: Parsers, args: CheckArgs, root: string): ShipcheckConfig {
	const path = args.config ? toPosix(resolve(args.config)) : findConfigFile(fs, `${root}/.`);
	const loaded = loadConfigFile(fs, parsers, path);
	for (const error of loaded.errors) process.stderr.write(`shipcheck: ${loaded.path}: ${error}\n`);
	if (args.config && fs.readFile(path!) === undefined) throw new UsageError(`cannot read --config ${args.config}`);
	return mergeConfigs(DEFAULT_CONFIG, loaded.config);
}

function statKind(path: string): 'file' | 'dir' | undefined {
	try {
		const stat = statSync(path);
		return stat.isDirectory() ? 'dir' : 'file';
	} catch {
		return undefined;
	}
}

function toPosix(path: string): string {
	return path.replace(/\\/g, '/');
}

if (runAsBatchWorker(__dirname)) {
	// A worker thread of a parallel check loads this bundle by itself: it posts its results and ends.
} else if (require.main === module) {
	// Run directly (`node --import tsx server/src/cli/main.ts` in tests); the shipped CLI starts in entry.ts.
	exitWith(run(process.argv.slice(2)));
}
