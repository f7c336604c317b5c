// Runs the binary-reader mutation fuzzer (test/binary/fuzz-core.ts) over every
// committed fixture for N cases and prints the counts.
// Usage: node --import tsx scripts/fuzz-binary.ts [--cases 200000] [--seed 12345] [--only CASE_INDEX]
import { allFixtures } from "../test/binary/fixtures";
import { runFuzz } from "../test/binary/fuzz-core";

function arg(name: string, fallback: number): number {
	const i = process.argv.indexOf(`--${name}`);
	const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
	if (!Number.isSafeInteger(v) || v < 0) {
		throw new Error(`--${name} needs a non-negative integer`);
	}
	return v;
}

const cases = arg("cases", 10_000);
const seed = arg("seed", 20261123);
const seeds = allFixtures();
const onlyAt = process.argv.indexOf("--only");
const report = runFuzz(seeds, { cases, seed, only: onlyAt >= 0 ? arg("only", 0) : undefined });
console.log(`fuzz-binary: ${report.cases} cases over ${seeds.length} fixtures (seed ${seed}) in ${(report.totalMs / 1000).toFixed(1)} s`);
console.log(`  results ${report.results}, BinaryFormatError ${report.formatErrors}, not executable ${report.notExecutable}, failures ${report.failures.length}`);
console.log(`  max bytes read per case ${report.maxBytesRead} (${(report.maxBytesReadRatio * 100).toFixed(1)}% of its seed), max reads ${report.maxReads}, slowest case ${report.maxCaseMs} ms${report.slowest ? ` (#${report.slowest.index} ${report.slowest.seed}: ${report.slowest.mutation})` : ""}`);
for (const f of report.failures.slice(0, 20)) {
	console.log(`  FAIL #${f.index} ${f.seed} (${f.mutation}): ${f.error}`);
}
process.exitCode = report.failures.length > 0 ? 1 : 0;
