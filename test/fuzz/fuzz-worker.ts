// Runs fuzz cases [from, to) of one seed inside a worker thread (started by fuzz-runner.ts) and reports each
// case's start, so the runner can tell which case hangs, crashes the worker or exhausts its memory.
import { parentPort, workerData } from 'node:worker_threads';
import { testParsers } from '../helpers/engine';
import { isParseStopped } from '../../server/src/parse/tree-sitter';
import { describeCase, makeCase, runCase, type TimeBound } from './fuzz-core';
import { knownIssues } from './mutations';

export interface WorkerInput {
	readonly seed: number;
	readonly from: number;
	readonly to: number;
	readonly timeBound: TimeBound;
	readonly knownIssues: typeof knownIssues;
}

export type WorkerMessage =
	| { readonly type: 'start'; readonly index: number }
	| { readonly type: 'end'; readonly index: number; readonly ms: number; readonly target: string; readonly mutations: readonly string[]; readonly length: number }
	| { readonly type: 'failure'; readonly index: number; readonly description: string; readonly problems: readonly string[] }
	| { readonly type: 'done' };

const CANARY_YAML = 'a: [1, {b: c}]\n';
const CANARY_BASH = 'CGO_ENABLED=0 go build -o /app .';

async function main(input: WorkerInput): Promise<void> {
	Object.assign(knownIssues, input.knownIssues);
	const parsers = await testParsers();
	const canary = () => {
		// No time budget: the canary checks that the parsers still work, whatever the machine's load.
		const yaml = parsers.parseYaml(CANARY_YAML, undefined, { workBudget: Infinity });
		const bash = parsers.parseBash(CANARY_BASH, undefined, { workBudget: Infinity });
		if (isParseStopped(yaml) || isParseStopped(bash)) return 'stopped';
		const text = `${yaml.rootNode.toString()}|${bash.rootNode.toString()}`;
		yaml.delete();
		bash.delete();
		return text;
	};
	const expectedCanary = canary();
	const post = (message: WorkerMessage) => parentPort!.postMessage(message);
	for (let index = input.from; index < input.to; index++) {
		post({ type: 'start', index });
		const fuzzCase = makeCase(input.seed, index);
		let problems: string[];
		let ms = 0;
		try {
			const result = runCase(parsers, fuzzCase, input.timeBound);
			problems = [...result.problems];
			ms = result.ms;
		} catch (error) {
			problems = [`threw ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`];
		}
		// A wasm trap can leave a parser broken for every later input: check that one still parses as before.
		let broken = false;
		try {
			broken = canary() !== expectedCanary;
		} catch {
			broken = true;
		}
		if (broken) problems.push('left the tree-sitter parsers broken: a later parse of a small valid input fails');
		if (problems.length > 0) post({ type: 'failure', index, description: describeCase(fuzzCase), problems });
		post({ type: 'end', index, ms, target: fuzzCase.target, mutations: fuzzCase.mutations, length: fuzzCase.text.length });
		if (broken) return; // the runner starts a fresh worker (fresh wasm) for the rest
	}
	post({ type: 'done' });
}

void main(workerData as WorkerInput);
