import { parseYamlCached } from './yaml-cache';
import type { Span } from '../../parse/span';
import { type YamlMap, type YamlValue } from '../../parse/yaml';
import type { Env, EnvVar } from '../env';
import { dirname, resolveContainerPath } from '../paths';
import type { OpaqueStep } from '../project';
import { githubJobHost } from './ci-host';
import { resolveExpressions, substituteExpressions, type ExpressionScope } from './expressions';
import { buildPushOf, downloadOf, GITHUB_ENV_LINE, setupGoOf, uploadOf } from './github-steps';
import { runGoreleaser } from './goreleaser';
import { JobBuilder, type CiBuildContext } from './job-builder';
import { mapRange } from './mapped-text';
import { expandGithubMatrix, type MatrixCombination } from './matrix';
import type { CiFileModel, CiJobModel } from './types';
import { asMap, asScalar, asSeq, get, getMap, getScalar, getString, keyLine, pairOf, scalarList, scalarText } from './yaml-util';

/** Shells whose `run:` text is read with the bash grammar (GitHub's default on Linux is bash). */
const POSIX_SHELLS = /^(bash|sh)\b/;

/**
 * A GitHub Actions workflow as build hosts: one `CiJobModel` per job and matrix combination, with env at
 * workflow/job/step level (step wins), `defaults.run.working-directory`, `runs-on` (hosted runner facts) or
 * `container:` (the container's libc), `actions/setup-go`, `run:` steps parsed as bash, artifacts, image
 * builds and GoReleaser runs. `services:` do not build anything and are ignored.
 */
export function buildGithubWorkflow(path: string, text: string, context: CiBuildContext): CiFileModel {
	const document = parseYamlCached(context.parsers, path, text);
	const root = repositoryRoot(path);
	const workflow = asMap(document.value);
	const envPairs: CiFileModel['envPairs'][number][] = [];
	const opaqueSteps: OpaqueStep[] = [];
	const inputs = new Set<string>();
	const jobs: CiJobModel[] = [];
	const sources = new Map<string, string>([[path, text]]);
	const synthetic: CiFileModel['synthetic'][number][] = [];
	// Not parsed (parse budget, nesting limit): the workflow is not analysed, and the note says so.
	if (document.unparsed) opaqueSteps.push({ file: path, span: document.unparsed.span, description: `${document.unparsed.reason}: this workflow is not analysed` });
	const known = new Map([['github.workspace', root]]);
	// The runner sets GITHUB_WORKSPACE to the checkout: here, the repository root.
	const runnerEnv: Env = new Map([['GITHUB_WORKSPACE', { name: 'GITHUB_WORKSPACE', value: root, origin: 'ci', file: undefined, span: undefined }]]);
	const workflowEnv = envOf(getMap(workflow, 'env'), path, { known }, runnerEnv, envPairs);
	const workflowWd = getString(getMap(getMap(workflow, 'defaults'), 'run'), 'working-directory');
	for (const pair of getMap(workflow, 'jobs')?.entries ?? []) {
		const job = asMap(pair.value);
		if (!job) continue;
		if (getString(job, 'uses')) {
			opaqueSteps.push({ file: path, span: keyLine(text, pair), description: `job "${pair.key.value}" calls the reusable workflow "${getString(job, 'uses')}", which this analysis does not read` });
			continue;
		}
		const expansion = expandGithubMatrix(get(getMap(job, 'strategy'), 'matrix'));
		const combinations: readonly (MatrixCombination | undefined)[] = expansion.combinations.length > 0 ? expansion.combinations : [undefined];
		for (const combination of combinations) {
			const scope: ExpressionScope = { matrix: combination?.values ?? new Map(), matrixKnown: expansion.known, known };
			const model = buildJob({ path, text, context, root, id: pair.key.value, job, jobKey: pair.key.span, combination, scope, workflowEnv, workflowWd, envPairs });
			jobs.push(model.job);
			for (const input of model.builder.inputs) inputs.add(input);
			for (const [file, source] of model.builder.sources) sources.set(file, source);
			synthetic.push(...model.builder.synthetic);
		}
	}
	return { path, system: 'github-actions', text, root, jobs, opaqueSteps, inputs: [...inputs], envPairs: dedupePairs(envPairs), sources, synthetic };
}

/** `.github/workflows/x.yml` → the repository root (the workspace a job checks out). */
export function repositoryRoot(path: string): string {
	const marker = path.lastIndexOf('/.github/workflows/');
	return marker >= 0 ? path.slice(0, marker) || '/' : dirname(path);
}

interface JobInputs {
	readonly path: string;
	readonly text: string;
	readonly context: CiBuildContext;
	readonly root: string;
	readonly id: string;
	readonly job: YamlMap;
	readonly jobKey: Span;
	readonly combination: MatrixCombination | undefined;
	readonly scope: ExpressionScope;
	readonly workflowEnv: Env;
	readonly workflowWd: string | undefined;
	readonly envPairs: CiFileModel['envPairs'][number][];
}

function buildJob(inputs: JobInputs): { job: CiJobModel; builder: JobBuilder } {
	const { path, text, context, root, job, scope } = inputs;
	const label = `job "${inputs.id}"${inputs.combination?.label ? ` (${inputs.combination.label})` : ''}`;
	const jobEnv = envOf(getMap(job, 'env'), path, withEnv(scope, inputs.workflowEnv), inputs.workflowEnv, inputs.envPairs);
	const steps = asSeq(get(job, 'steps'))?.items.map(asMap).filter((s): s is YamlMap => s !== undefined) ?? [];
	const goSetup = setupGoOf(steps, path, root, context, withEnv(scope, jobEnv));
	const runsOnPair = pairOf(job, 'runs-on');
	const runsOn = runsOnLabels(runsOnPair?.value).map((l) => resolveExpressions(l, withEnv(scope, jobEnv)));
	const containerPair = pairOf(job, 'container');
	const containerNode = containerPair?.value;
	const containerValue = asMap(containerNode) ? getScalar(asMap(containerNode), 'image') : asScalar(containerNode);
	const container = containerValue ? (resolveExpressions(containerValue.value, withEnv(scope, jobEnv)) ?? null) : undefined;
	const ciHost = githubJobHost({
		file: path,
		label,
		runsOn,
		runsOnSpan: runsOnPair ? keyLine(text, runsOnPair) : undefined,
		container,
		containerSpan: containerValue?.span,
		lookupImage: context.lookupImage,
		goVersion: goSetup?.version,
		goVersionNote: goSetup?.note,
		fallbackAnchor: inputs.jobKey,
	});
	const builder = new JobBuilder(context, path, ciHost, root);
	const jobWd = getString(getMap(getMap(job, 'defaults'), 'run'), 'working-directory') ?? inputs.workflowWd;
	let dynamicEnv: Env = jobEnv;
	for (const step of steps) {
		const stepEnv = envOf(getMap(step, 'env'), path, withEnv(scope, dynamicEnv), dynamicEnv, inputs.envPairs);
		const stepScope = withEnv(scope, stepEnv);
		const uses = getString(step, 'uses')?.replace(/@.*$/, '').toLowerCase();
		const withMap = getMap(step, 'with');
		if (uses === 'actions/upload-artifact') builder.timeline.push({ kind: 'upload', upload: uploadOf(withMap, path, step.span, root, stepScope) });
		else if (uses === 'actions/download-artifact') builder.timeline.push({ kind: 'download', download: downloadOf(withMap, path, step.span, root, stepScope) });
		else if (uses === 'docker/build-push-action') {
			const invocation = buildPushOf(withMap, path, step.span, root, stepScope);
			if (invocation) builder.addInvocation(invocation);
		} else if (uses === 'goreleaser/goreleaser-action') {
			const args = resolveExpressions(getString(withMap, 'args') ?? '', stepScope) ?? '';
			const config = /(?:--config|-f)[= ]\s*(\S+)/.exec(args)?.[1];
			const workdir = resolveContainerPath(root, resolveExpressions(getString(withMap, 'workdir') ?? '.', stepScope) ?? '.');
			builder.goreleaserCalls.push({ span: step.span, cwd: workdir, config, env: stepEnv, singleTarget: /--single-target\b/.test(args) });
		}
		const run = getScalar(step, 'run');
		if (run && ciHost.linux !== false) {
			const shell = getString(step, 'shell') ?? getString(getMap(getMap(job, 'defaults'), 'run'), 'shell');
			if (shell !== undefined && !POSIX_SHELLS.test(shell)) {
				builder.opaque.push({ file: path, span: run.span, description: `this step runs with shell "${shell}", which is not read` });
			} else {
				const wd = getString(step, 'working-directory') ?? jobWd;
				const cwd = resolveContainerPath(root, resolveExpressions(wd ?? '.', stepScope) ?? '.');
				const mapped = substituteExpressions(scalarText(text, run), stepScope);
				builder.runShell(mapped, { env: stepEnv, cwd, stepSpan: step.span, githubExpressions: true });
				dynamicEnv = withGithubEnvWrites(dynamicEnv, mapped, path);
			}
		}
		for (const call of builder.goreleaserCalls.splice(0)) runGoreleaser(call, builder, { stepSpan: step.span, label });
	}
	const needs = scalarList(get(job, 'needs')).map((n) => n.value);
	return {
		job: {
			file: path,
			id: inputs.id,
			label,
			combination: inputs.combination,
			host: { ...ciHost.host, compiler: builder.compiler },
			runner: ciHost.runner,
			container: container ?? undefined,
			goSetup: goSetup?.setup,
			builds: builder.builds,
			timeline: builder.timeline,
			needs,
			opaqueSteps: builder.opaque,
		},
		builder,
	};
}

/** `runs-on: label`, `[a, b]` or `{ group, labels }`. */
function runsOnLabels(value: YamlValue | undefined): string[] {
	const map = asMap(value);
	if (map) return scalarList(get(map, 'labels')).map((s) => s.value);
	return scalarList(value).map((s) => s.value);
}

/** Env entries of a workflow/job/step `env:` map on top of `base`; values with unknown expressions are unknown. */
function envOf(map: YamlMap | undefined, file: string, scope: ExpressionScope, base: Env, pairs: CiFileModel['envPairs'][number][]): Env {
	if (!map) return base;
	const env = new Map(base);
	for (const pair of map.entries) {
		const value = pair.value?.kind === 'scalar' ? resolveExpressions(pair.value.value, scope) : undefined;
		env.set(pair.key.value, { name: pair.key.value, value, origin: 'ci', file, span: pair.span });
		pairs.push({ file, span: pair.span, name: pair.key.value });
	}
	return env;
}

function withEnv(scope: ExpressionScope, env: Env): ExpressionScope {
	const values = new Map<string, string | undefined>();
	for (const [name, variable] of env) values.set(name, variable.value);
	return { ...scope, env: values };
}

/** `echo "NAME=value" >> "$GITHUB_ENV"`: later steps of the job get NAME. */
function withGithubEnvWrites(env: Env, mapped: ReturnType<typeof scalarText>, file: string): Env {
	let next: Map<string, EnvVar> | undefined;
	for (const m of mapped.text.matchAll(GITHUB_ENV_LINE)) {
		next ??= new Map(env);
		const value = m[2].includes('$') ? undefined : m[2];
		next.set(m[1], { name: m[1], value, origin: 'ci', file, span: mapRange(mapped, m.index, m.index + m[0].length) });
	}
	return next ?? env;
}

function dedupePairs(pairs: CiFileModel['envPairs'][number][]): CiFileModel['envPairs'][number][] {
	const seen = new Set<string>();
	return pairs.filter((p) => {
		const key = `${p.span.start}:${p.span.end}`;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}
