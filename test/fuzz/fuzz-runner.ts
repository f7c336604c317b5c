// Runs the engine fuzzer on worker threads: the case range is split between workers; each worker reports the
// start of every case, so a case that hangs (no report within `hangMs`), crashes the worker or runs it out of
// memory is recorded with its seed and index, and a fresh worker continues after it.
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { knownIssues as defaultKnownIssues } from './mutations';
import type { TimeBound } from './fuzz-core';
import type { WorkerInput, WorkerMessage } from './fuzz-worker';

export interface FuzzRunOptions {
	readonly seed: number;
	readonly cases: number;
	/** First case index (default 0). */
	readonly from?: number;
	readonly workers: number;
	/** A case that finishes but takes longer than this fails. */
	readonly timeBound: TimeBound;
	/** No progress for this long: the case hangs; its worker is terminated. */
	readonly hangMs: number;
	readonly knownIssues?: typeof defaultKnownIssues;
	/** Heap limit per worker: an input that needs more fails instead of taking the machine down. */
	readonly maxHeapMb?: number;
	readonly onProgress?: (done: number) => void;
}

export interface FuzzFailure {
	readonly seed: number;
	readonly index: number;
	readonly kind: 'problem' | 'hang' | 'crash';
	readonly description: string;
	readonly problems: readonly string[];
}

export interface FuzzSummary {
	readonly seed: number;
	readonly cases: number;
	readonly failures: readonly FuzzFailure[];
	readonly ms: number;
	readonly slowest: readonly { index: number; ms: number; target: string; mutations: readonly string[]; length: number }[];
	readonly perMutation: Readonly<Record<string, number>>;
	readonly perTarget: Readonly<Record<string, number>>;
}

const WORKER_FILE = join(__dirname, 'fuzz-worker.ts');

export async function runFuzz(options: FuzzRunOptions): Promise<FuzzSummary> {
	const started = performance.now();
	const from = options.from ?? 0;
	const failures: FuzzFailure[] = [];
	const timings: { index: number; ms: number; target: string; mutations: readonly string[]; length: number }[] = [];
	const perMutation: Record<string, number> = {};
	const perTarget: Record<string, number> = {};
	let done = 0;
	const chunk = Math.ceil(options.cases / options.workers);
	const lanes: Promise<void>[] = [];
	for (let lane = 0; lane < options.workers; lane++) {
		const start = from + lane * chunk;
		const end = Math.min(from + options.cases, start + chunk);
		if (start >= end) continue;
		lanes.push(
			runLane(options, start, end, {
				failure: (f) => failures.push(f),
				end: (m) => {
					done++;
					timings.push({ index: m.index, ms: m.ms, target: m.target, mutations: m.mutations, length: m.length });
					perTarget[m.target] = (perTarget[m.target] ?? 0) + 1;
					for (const mutation of new Set(m.mutations)) perMutation[mutation] = (perMutation[mutation] ?? 0) + 1;
					if (done % 1000 === 0) options.onProgress?.(done);
				},
			}),
		);
	}
	await Promise.all(lanes);
	timings.sort((a, b) => b.ms - a.ms);
	failures.sort((a, b) => a.index - b.index);
	return { seed: options.seed, cases: done, failures, ms: performance.now() - started, slowest: timings.slice(0, 5), perMutation, perTarget };
}

interface LaneSink {
	failure(f: FuzzFailure): void;
	end(m: Extract<WorkerMessage, { type: 'end' }>): void;
}

/** Cases [from, to) on one worker at a time; after a hang or crash, a fresh worker resumes at the next case. */
async function runLane(options: FuzzRunOptions, from: number, to: number, sink: LaneSink): Promise<void> {
	let next = from;
	while (next < to) next = await runWorker(options, next, to, sink);
}

/** Resolves with the first case index still to run (`to` when the worker finished its range). */
function runWorker(options: FuzzRunOptions, from: number, to: number, sink: LaneSink): Promise<number> {
	const input: WorkerInput = { seed: options.seed, from, to, timeBound: options.timeBound, knownIssues: options.knownIssues ?? defaultKnownIssues };
	// tsx's CommonJS hook inside the worker: `--import tsx` in execArgv does not reach worker threads on Node 20.
	const worker = new Worker(`require('tsx/cjs'); require(${JSON.stringify(WORKER_FILE)});`, {
		eval: true,
		workerData: input,
		resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? 1536 },
	});
	return new Promise((resolve) => {
		let current = from - 1;
		let ended = true;
		let settled = false;
		let watchdog: NodeJS.Timeout | undefined;
		const finish = (resume: number) => {
			if (settled) return;
			settled = true;
			clearTimeout(watchdog);
			void worker.terminate();
			resolve(resume);
		};
		const lost = (kind: 'hang' | 'crash', problem: string) => {
			// Nothing started yet (start-up failed) or between cases: blame the next case so the lane moves on.
			const index = ended ? current + 1 : current;
			sink.failure({ seed: options.seed, index, kind, description: `seed ${options.seed} case ${index}`, problems: [problem] });
			finish(index + 1);
		};
		const arm = () => {
			clearTimeout(watchdog);
			watchdog = setTimeout(() => lost('hang', `no progress for ${options.hangMs} ms: the worker was terminated`), options.hangMs);
		};
		arm();
		worker.on('message', (message: WorkerMessage) => {
			arm();
			if (message.type === 'start') {
				current = message.index;
				ended = false;
			} else if (message.type === 'end') {
				ended = true;
				sink.end(message);
			} else if (message.type === 'failure') {
				sink.failure({ seed: options.seed, index: message.index, kind: 'problem', description: message.description, problems: message.problems });
			} else if (message.type === 'done') {
				finish(to);
			}
		});
		worker.on('error', (error) => lost('crash', `worker died: ${error.stack ?? error.message}`));
		worker.on('exit', (code) => {
			if (settled) return;
			// A worker that stops after reporting broken parsers resumes at the next case; otherwise it crashed.
			if (ended && current >= from) finish(current + 1);
			else lost('crash', `worker exited with code ${code}`);
		});
	});
}
