// Mutation fuzzing over every fixture: a fixed, seeded number of cases; the
// only allowed outcomes are a result (binary or not-executable) or a
// BinaryFormatError, with bytes read per case under a fixed bound.
import assert from "node:assert/strict";
import { test } from "node:test";
import { allFixtures } from "./fixtures";
import { runFuzz } from "./fuzz-core";

const CASES = 5000;

test(`fuzz: ${CASES} seeded mutations over all fixtures`, () => {
	const report = runFuzz(allFixtures(), { cases: CASES, seed: 20261123 });
	const shown = report.failures.slice(0, 5).map((f) => `#${f.index} ${f.seed} (${f.mutation}): ${f.error}`);
	assert.deepEqual(shown, [], `${report.failures.length} failing cases`);
	assert.equal(report.cases, CASES);
	// No case may come near a hang (generous: the machine is shared with other test processes).
	assert.ok(report.maxCaseMs < 5000, `slowest case took ${report.maxCaseMs} ms: ${JSON.stringify(report.slowest)}`);
	// Every outcome class occurs, so the mutations do reach the checks.
	assert.ok(report.results > 0 && report.formatErrors > 0 && report.notExecutable > 0, JSON.stringify(report));
	console.log(`fuzz: ${report.cases} cases in ${report.totalMs} ms (results ${report.results}, format errors ${report.formatErrors}, not executable ${report.notExecutable}; max ${report.maxBytesRead} bytes read = ${(report.maxBytesReadRatio * 100).toFixed(1)}% of a seed, max ${report.maxReads} reads, slowest case ${report.maxCaseMs} ms)`);
});
