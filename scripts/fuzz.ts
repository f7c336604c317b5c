// Long-run fuzzing: `npm run fuzz -- [--cases N] [--seed S] [--workers W] [--known-issues]` runs the engine
// mutation fuzzer (test/fuzz) for N cases (default 100,000), then the binary fuzzer when this build has one
// (scripts/fuzz-binary.ts with test/binary/fuzz-core.ts). Prints the cases run and every failure with the
// seed and case index that reproduce it: `npm run fuzz -- --seed S --case I` re-runs one case in-process
// and writes its input to a file. Exit code 1 when anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { testParsers } from '../test/helpers/engine';
import { describeCase, makeCase, runCase, type TimeBound } from '../test/fuzz/fuzz-core';
import { runFuzz } from '../test/fuzz/fuzz-runner';
import { knownIssues } from '../test/fuzz/mutations';

const root = resolve(__dirname, '..');
const TIME_BOUND: TimeBound = { baseMs: 3_000, perKbMs: 100 };

interface Args {
	cases: number;
	seed: number;
	workers: number;
	knownIssues: boolean;
	single: number | undefined;
}

function parseArgs(argv: readonly string[]): Args {
	const args: Args = { cases: 100_000, seed: Date.now() % 2_147_483_647, workers: Math.max(1, availableParallelism()), knownIssues: false, single: undefined };
	for (let i = 0; i < argv.length; i++) {
		const flag = argv[i];
		const number = () => {
			const value = Number(argv[++i]);
			if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${flag} needs a non-negative integer`);
			return value;
		};
		if (flag === '--cases') args.cases = number();
		else if (flag === '--seed') args.seed = number();
		else if (flag === '--workers') args.workers = Math.max(1, number());
		else if (flag === '--case') args.single = number();
		else if (flag === '--known-issues') args.knownIssues = true;
		else throw new Error(`unknown argument ${flag} (usage: fuzz.ts [--cases N] [--seed S] [--workers W] [--known-issues] [--case I])`);
	}
	return args;
}

/** Re-runs one case in this process, with the stack of any exception, and saves its input. */
async function reproduce(args: Args): Promise<number> {
	const fuzzCase = makeCase(args.seed, args.single!);
	const dir = join(tmpdir(), `shipcheck-fuzz-${args.seed}`);
	mkdirSync(dir, { recursive: true });
	const file = join(dir, `case-${args.single}-${fuzzCase.target}.txt`);
	writeFileSync(file, fuzzCase.text);
	console.log(describeCase(fuzzCase));
	console.log(`input written to ${file}`);
	try {
		const result = runCase(await testParsers(), fuzzCase, TIME_BOUND);
		console.log(`${result.findings} findings in ${result.ms.toFixed(1)} ms`);
		for (const problem of result.problems) console.log(`problem: ${problem}`);
		return result.problems.length > 0 ? 1 : 0;
	} catch (error) {
		console.log(`threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
		return 1;
	}
}

async function engine(args: Args): Promise<number> {
	console.log(`engine fuzzer: seed ${args.seed}, ${args.cases} cases on ${args.workers} workers${args.knownIssues ? ', known issues included' : ''}`);
	const started = performance.now();
	const summary = await runFuzz({
		seed: args.seed,
		cases: args.cases,
		workers: args.workers,
		timeBound: TIME_BOUND,
		hangMs: 120_000,
		knownIssues: args.knownIssues ? Object.fromEntries(Object.keys(knownIssues).map((k) => [k, true])) : knownIssues,
		onProgress: (done) => {
			if (done % (args.cases >= 50_000 ? 10_000 : 1_000) === 0) console.log(`  ${done} cases after ${((performance.now() - started) / 1000).toFixed(0)} s`);
		},
	});
	console.log(`engine fuzzer: ${summary.cases} cases run in ${(summary.ms / 1000).toFixed(1)} s (${((summary.cases / summary.ms) * 1000).toFixed(0)} cases/s), ${summary.failures.length} failures`);
	for (const s of summary.slowest) console.log(`  slowest: case ${s.index} ${s.target} [${s.mutations.join(', ')}] ${s.length} chars in ${s.ms.toFixed(0)} ms`);
	for (const f of summary.failures) {
		console.log(`FAIL (${f.kind}) ${f.description}`);
		for (const p of f.problems) console.log(`  ${p.split('\n').slice(0, 12).join('\n  ')}`);
		console.log(`  reproduce: npm run fuzz -- --seed ${f.seed} --case ${f.index}${args.knownIssues ? ' --known-issues' : ''}`);
	}
	return summary.failures.length > 0 ? 1 : 0;
}

/** The binary reader's fuzzer, run as its own process when this build has it (it owns its arguments). */
function binary(args: Args): number {
	const script = join(root, 'scripts/fuzz-binary.ts');
	if (!existsSync(script) || !existsSync(join(root, 'test/binary/fuzz-core.ts'))) {
		console.log('binary fuzzer: not available in this build');
		return 0;
	}
	console.log(`binary fuzzer: node --import tsx scripts/fuzz-binary.ts --cases ${args.cases} --seed ${args.seed}`);
	const run = spawnSync(process.execPath, ['--import', 'tsx', script, '--cases', String(args.cases), '--seed', String(args.seed)], { cwd: root, stdio: 'inherit' });
	if (run.status !== 0) console.log(`binary fuzzer: exit code ${run.status ?? run.signal}`);
	return run.status === 0 ? 0 : 1;
}

async function main(): Promise<number> {
	const args = parseArgs(process.argv.slice(2));
	if (args.knownIssues) for (const key of Object.keys(knownIssues)) knownIssues[key] = true;
	if (args.single !== undefined) return reproduce(args);
	const engineStatus = await engine(args);
	const binaryStatus = binary(args);
	return engineStatus || binaryStatus;
}

main().then(
	(code) => process.exit(code),
	(error: unknown) => {
		console.error(error instanceof Error ? error.message : String(error));
		process.exit(2);
	},
);
