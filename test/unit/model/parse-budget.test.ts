// What the model makes of a parse that was stopped by its work budget (parse/tree-sitter.ts): the RUN, CI
// step or file is an opaque step with a note saying why, no go build is guessed from it, and the rest of the
// file is analysed as usual. Bounds are generous (the machine may be loaded); unbounded, these took seconds.
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { describe, it } from 'node:test';
import { memoryFileSystem } from '../../../server/src/model/file-system';
import { analyze, type AnalysisResult } from '../../../server/src/rules/analyze';
import { DEFAULT_CONFIG } from '../../../server/src/rules/config';
import { entryFilesFor } from '../../../server/src/rules/discover';
import type { Parsers } from '../../../server/src/parse/tree-sitter';
import { analyzeWorkspace, testParsers } from '../../helpers/engine';
import { GO_MOD, NET_MAIN, jobNamed, slice, type Files } from './ci/helpers';

const BOUND_MS = 3_000;
const PIPES = '|'.repeat(10_000);

async function timedAnalysis(files: Files, entry: string): Promise<{ result: AnalysisResult; ms: number }> {
	await testParsers(); // start-up is not part of the bound
	const started = performance.now();
	const result = await analyzeWorkspace(files, { entry });
	const ms = performance.now() - started;
	assert.deepEqual(result.failures, []);
	return { result, ms };
}

describe('model: a parse stopped by its work budget', () => {
	it('a RUN of 10,000 "|" is an opaque step of its stage; the go build of the next RUN is still found', async () => {
		const dockerfile = `FROM golang:1.22-alpine AS build\nWORKDIR /src\nCOPY . .\nRUN ${PIPES}\nRUN CGO_ENABLED=0 go build -o /app .\nFROM alpine:3.20\nCOPY --from=build /app /app\n`;
		const files: Files = { Dockerfile: dockerfile, 'go.mod': GO_MOD, 'main.go': NET_MAIN };
		const { result, ms } = await timedAnalysis(files, 'Dockerfile');
		assert.ok(ms < BOUND_MS, `${ms.toFixed(0)} ms`);
		const stage = result.project.dockerfiles[0].stages[0];
		assert.equal(stage.opaqueSteps.length, 1);
		const [step] = stage.opaqueSteps;
		assert.match(step.description, /^shell parse stopped at its work limit: this RUN is treated as opaque$/);
		assert.equal(slice(files, step.file, step.span), PIPES);
		assert.deepEqual(
			stage.builds.map((b) => slice(files, b.file, b.span)),
			['CGO_ENABLED=0 go build -o /app .'],
		);
	});

	it('a GitHub Actions run: step of 10,000 "|" is an opaque step of its job', async () => {
		// A block scalar: a plain `run: |||…` would be a broken block scalar header in YAML.
		const workflow = `on: push\njobs:\n  build:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: |\n          ${PIPES}\n      - run: go build -o app .\n`;
		const files: Files = { '.github/workflows/ci.yml': workflow, 'go.mod': GO_MOD, 'main.go': NET_MAIN };
		const { result, ms } = await timedAnalysis(files, '.github/workflows/ci.yml');
		assert.ok(ms < BOUND_MS, `${ms.toFixed(0)} ms`);
		const job = jobNamed(result.project.ci!.find((c) => c.path === '/w/.github/workflows/ci.yml')!, 'job "build"');
		assert.equal(job.opaqueSteps.length, 1);
		assert.match(job.opaqueSteps[0].description, /^shell parse stopped at its work limit: this script is treated as opaque$/);
		assert.equal(slice(files, job.opaqueSteps[0].file, job.opaqueSteps[0].span).trim(), PIPES);
		assert.equal(job.builds.length, 1);
	});

	it('a workflow whose YAML parse is stopped is not analysed, and its model says so', async () => {
		const real = await testParsers();
		// A zero budget stands for a pathological file (no real YAML input was found that tree-sitter-yaml is slow on).
		const parsers: Parsers = { ...real, parseYaml: (text, previous) => real.parseYaml(text, previous, { workBudget: 0 }) };
		const workflow = 'on: push\njobs:\n  stopped-by-budget:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: CGO_ENABLED=1 go build -o app .\n';
		const fs = memoryFileSystem({ '/w/.github/workflows/ci.yml': workflow, '/w/go.mod': GO_MOD, '/w/main.go': NET_MAIN });
		const result = analyze({ fs, parsers, config: DEFAULT_CONFIG, entryFiles: entryFilesFor(fs, '/w/.github/workflows/ci.yml') });
		assert.deepEqual(result.failures, []);
		const ci = result.project.ci!.find((c) => c.path === '/w/.github/workflows/ci.yml')!;
		assert.deepEqual(ci.jobs, []);
		assert.equal(ci.opaqueSteps.length, 1);
		assert.match(ci.opaqueSteps[0].description, /^YAML parse stopped at its work limit: this workflow is not analysed$/);
		assert.deepEqual(ci.opaqueSteps[0].span, { start: 0, end: workflow.length });
		assert.deepEqual(result.findings, []);
		// A stopped parse is not remembered: the same text, given a budget, is analysed.
		const again = analyze({ fs, parsers: real, config: DEFAULT_CONFIG, entryFiles: entryFilesFor(fs, '/w/.github/workflows/ci.yml') });
		assert.equal(again.project.ci!.find((c) => c.path === '/w/.github/workflows/ci.yml')!.jobs.length, 1);
	});
});
