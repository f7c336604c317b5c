// Engine mutation fuzzing (issue 3, "done when"): 10,000 seeded mutations of realistic Dockerfiles, go.mod
// files, Go sources and YAML through the real `analyze` and the YAML/config parsers, on two worker threads.
// The only allowed outcome is a result: no exception, no rule failure, spans inside their files, no broken
// parser afterwards, and each case within a linear time bound; a hang is caught by a watchdog.
// Long runs: `npm run fuzz -- --cases 100000 [--seed S]`; one case: `npm run fuzz -- --seed S --case I`.
import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { describe, it } from 'node:test';
import { makeCase } from './fuzz-core';
import { runFuzz } from './fuzz-runner';
import { MUTATIONS } from './mutations';

const SEED = 20_260_301;
const CASES = 10_000;

describe('engine mutation fuzzing', () => {
	it('generates the same cases for the same seed and index', () => {
		assert.deepEqual(makeCase(SEED, 1234), makeCase(SEED, 1234));
		assert.notEqual(makeCase(SEED, 1234).text, makeCase(SEED + 1, 1234).text);
	});

	it(`${CASES.toLocaleString('en')} cases: every outcome is a result, within its time bound`, { timeout: 300_000 }, async (t) => {
		const summary = await runFuzz({
			seed: SEED,
			cases: CASES,
			workers: Math.max(2, Math.min(4, availableParallelism())),
			// Linear-time expectation with room for a loaded CI machine: 100 KB may take 13 s, 1 KB 3 s.
			timeBound: { baseMs: 3_000, perKbMs: 100 },
			hangMs: 60_000,
		});
		const slowest = summary.slowest.map((s) => `#${s.index} ${s.target} [${s.mutations.join(', ')}] ${s.length} chars ${s.ms.toFixed(0)} ms`);
		t.diagnostic(`${summary.cases} cases in ${(summary.ms / 1000).toFixed(1)} s; slowest: ${slowest.join('; ')}`);
		t.diagnostic(`per target: ${JSON.stringify(summary.perTarget)}`);
		assert.deepEqual(
			summary.failures.map((f) => `${f.kind}: ${f.description}\n  ${f.problems.join('\n  ')}`),
			[],
			`reproduce with: npm run fuzz -- --seed ${SEED} --case <index>`,
		);
		assert.equal(summary.cases, CASES);
		for (const [mutation] of MUTATIONS) assert.ok((summary.perMutation[mutation] ?? 0) > 0, `mutation ${mutation} was exercised`);
		for (const target of ['dockerfile', 'gomod', 'gosource', 'workflow', 'gitlab', 'goreleaser', 'shipcheck']) assert.ok((summary.perTarget[target] ?? 0) > 200, `${target} cases`);
	});
});
