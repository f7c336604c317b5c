import { MAX_SUBSTITUTED_CHARS } from '../../parse/expansion-limit';
import type { Span } from '../../parse/span';
import type { YamlMap, YamlPair, YamlScalar, YamlValue } from '../../parse/yaml';
import type { Env, EnvVar } from '../env';
import { dirname, resolveContainerPath } from '../paths';
import type { OpaqueStep } from '../project';
import { imageCompiler, type CiHost } from './ci-host';
import { loadGitlabConfig, type GitlabConfig } from './gitlab-config';
import { runGoreleaser } from './goreleaser';
import { JobBuilder, type CiBuildContext } from './job-builder';
import type { MappedText } from './mapped-text';
import { expandGitlabMatrix, type MatrixCombination } from './matrix';
import type { CiFileModel, CiJobModel } from './types';
import { asMap, asScalar, get, getMap, getScalar, getString, joinLines, keyLine, pairOf, scalarList, scalarText } from './yaml-util';

/** Top-level keys of `.gitlab-ci.yml` that are not jobs. */
const RESERVED = new Set(['default', 'include', 'stages', 'variables', 'workflow', 'image', 'services', 'cache', 'before_script', 'after_script', 'spec', 'types', 'pages:deploy']);
const DEFAULT_STAGES = ['.pre', 'build', 'test', 'deploy', '.post'];

/**
 * GitLab CI as build hosts: each job (and `parallel: matrix:` combination) runs `before_script` + `script`
 * in one shell inside its `image:` (job, `default:`, or global), with global then job `variables:`.
 * `extends:`, `!reference` and local `include:` files are resolved; `artifacts:paths` of a job reach jobs
 * of later stages (or those that `needs:` it) at the same paths.
 */
export function buildGitlabCi(path: string, text: string, context: CiBuildContext): CiFileModel {
	const root = dirname(path);
	const config = loadGitlabConfig(path, text, root, context.fs, context.parsers);
	const top = config.root;
	const envPairs: CiFileModel['envPairs'][number][] = [];
	const opaqueSteps: OpaqueStep[] = config.unresolved.map((u) => ({ file: u.file, span: u.span, description: `${u.description}: jobs and variables from it are not known` }));
	const globalEnv = variablesOf(get(top, 'variables'), config, new Map([['CI_PROJECT_DIR', { name: 'CI_PROJECT_DIR', value: root, origin: 'ci', file: undefined, span: undefined }]]), envPairs);
	const defaults = getMap(top, 'default');
	const stages = scalarList(get(top, 'stages')).map((s) => s.value);
	const stageOrder = stages.length > 0 ? ['.pre', ...stages, '.post'] : DEFAULT_STAGES;
	const jobs: CiJobModel[] = [];
	const inputs = new Set<string>(config.files.filter((f) => f !== path));
	const sources = new Map<string, string>(config.files.map((f) => [f, config.textOf(f)]));
	const synthetic: CiFileModel['synthetic'][number][] = [];
	const entries = (top?.entries ?? []).filter((e) => !RESERVED.has(e.key.value) && !e.key.value.startsWith('.') && asMap(e.value));
	const stageOf = (job: YamlMap) => getString(job, 'stage') ?? 'test';
	const resolvedJobs = entries.map((e) => ({ pair: e, job: config.extend(asMap(e.value)!) }));
	if (config.overflow) {
		// Resolving `extends:`/`!reference` went over its bound: nothing of the file is analysed.
		const { file, span, description } = config.overflow;
		opaqueSteps.push({ file, span, description: `${description}: this file is not analysed` });
		return { path, system: 'gitlab-ci', text, root, jobs: [], opaqueSteps, inputs: [...inputs], envPairs: [], sources, synthetic: [] };
	}
	// Each job's stage once (comparing every pair of jobs afresh was quadratic in lookups: seconds for 2,000 jobs).
	const stageIndexes = resolvedJobs.map((o) => stageOrder.indexOf(stageOf(o.job)));
	for (const [index, { pair, job }] of resolvedJobs.entries()) {
		const stageIndex = stageIndexes[index];
		const earlier = resolvedJobs.filter((_, i) => stageIndexes[i] < stageIndex).map((o) => o.pair.key.value);
		const needs = (get(job, 'needs')?.kind === 'seq' ? scalarList(get(job, 'needs')).map((n) => n.value).concat(needsObjects(get(job, 'needs'))) : undefined);
		const dependencies = get(job, 'dependencies') ? scalarList(get(job, 'dependencies')).map((d) => d.value) : undefined;
		const fromJobs = dependencies ?? needs ?? earlier;
		const matrix = expandGitlabMatrix(get(getMap(job, 'parallel'), 'matrix'));
		const combinations: readonly (MatrixCombination | undefined)[] = matrix.combinations.length > 0 ? matrix.combinations : [undefined];
		for (const combination of combinations) {
			const model = buildJob({ path, config, context, root, pair, job, defaults, top, globalEnv, combination, fromJobs, needs: needs ?? [], envPairs });
			jobs.push(model.job);
			for (const input of model.builder.inputs) inputs.add(input);
			for (const [file, source] of model.builder.sources) sources.set(file, source);
			synthetic.push(...model.builder.synthetic);
		}
	}
	return { path, system: 'gitlab-ci', text, root, jobs, opaqueSteps, inputs: [...inputs], envPairs, sources, synthetic };
}

interface JobInputs {
	readonly path: string;
	readonly config: GitlabConfig;
	readonly context: CiBuildContext;
	readonly root: string;
	readonly pair: YamlPair;
	readonly job: YamlMap;
	readonly defaults: YamlMap | undefined;
	readonly top: YamlMap | undefined;
	readonly globalEnv: Env;
	readonly combination: MatrixCombination | undefined;
	readonly fromJobs: readonly string[];
	readonly needs: readonly string[];
	readonly envPairs: CiFileModel['envPairs'][number][];
}

function buildJob(inputs: JobInputs): { job: CiJobModel; builder: JobBuilder } {
	const { config, context, job, root } = inputs;
	const id = inputs.pair.key.value;
	const label = `job "${id}"${inputs.combination?.label ? ` (${inputs.combination.label})` : ''}`;
	let env = variablesOf(get(job, 'variables'), config, inputs.globalEnv, inputs.envPairs);
	if (inputs.combination) env = matrixVariables(inputs.combination, config, env);
	const imagePair = pairOf(job, 'image') ?? pairOf(inputs.defaults, 'image') ?? pairOf(inputs.top, 'image');
	const imageNode = asMap(imagePair?.value) ? getScalar(asMap(imagePair?.value), 'name') : asScalar(imagePair?.value);
	const imageRef = imageNode ? expandVariables(imageNode.value, env) : undefined;
	const jobFile = config.fileOf(inputs.pair);
	const anchorFile = imagePair ? config.fileOf(imagePair) : jobFile;
	const anchor = imagePair ? keyLine(config.textOf(anchorFile), imagePair) : keyLine(config.textOf(jobFile), inputs.pair);
	const ciHost = gitlabHost(anchorFile, label, imageNode ? (imageRef ?? null) : undefined, anchor, context, get(job, 'tags') !== undefined);
	const builder = new JobBuilder(context, jobFile, ciHost, root);
	builder.timeline.push({ kind: 'download', download: { file: jobFile, span: anchor, name: undefined, pattern: undefined, path: root, flat: true, samePaths: true, fromJobs: inputs.fromJobs } });
	const scripts = [get(job, 'before_script') ?? get(inputs.defaults, 'before_script') ?? get(inputs.top, 'before_script'), get(job, 'script')];
	const scriptSpan = get(job, 'script')?.span ?? anchor;
	// One shell runs before_script and script; lines from another file (an included template) run as their own group.
	const groups: { file: string; lines: MappedText[] }[] = [];
	for (const value of scripts) {
		for (const item of scriptItems(value)) {
			const itemFile = config.fileOf(item);
			if (groups[groups.length - 1]?.file !== itemFile) groups.push({ file: itemFile, lines: [] });
			groups[groups.length - 1].lines.push(scalarText(config.textOf(itemFile), item));
		}
	}
	for (const group of groups) builder.runShell(joinLines(group.lines, scriptSpan.start), { env, cwd: root, stepSpan: scriptSpan, githubExpressions: false, file: group.file });
	for (const call of builder.goreleaserCalls.splice(0)) runGoreleaser(call, builder, { stepSpan: scriptSpan, label });
	const artifacts = scalarList(get(getMap(job, 'artifacts'), 'paths')).map((p) => resolveContainerPath(root, expandVariables(p.value, env) ?? p.value));
	if (artifacts.length > 0) {
		const artifactsPair = pairOf(job, 'artifacts');
		const span = artifactsPair ? keyLine(config.textOf(config.fileOf(artifactsPair)), artifactsPair) : anchor;
		builder.timeline.push({ kind: 'upload', upload: { file: artifactsPair ? config.fileOf(artifactsPair) : jobFile, span, name: id, paths: artifacts } });
	}
	return {
		job: {
			file: jobFile,
			id,
			label,
			combination: inputs.combination,
			host: { ...ciHost.host, compiler: builder.compiler },
			runner: undefined,
			container: imageRef,
			goSetup: undefined,
			builds: builder.builds,
			timeline: builder.timeline,
			needs: inputs.needs,
			opaqueSteps: builder.opaque,
		},
		builder,
	};
}

function gitlabHost(file: string, label: string, image: string | undefined | null, anchor: Span, context: CiBuildContext, tagged: boolean): CiHost {
	const reference = image ?? undefined;
	const facts = reference === undefined ? undefined : context.lookupImage(reference, undefined);
	const reason = image === undefined ? `the job has no image: the runner's default image${tagged ? ' (tagged runner)' : ''} is not known` : undefined;
	return {
		host: { kind: 'ci-job', file, label, image: facts, imageRef: reference, compiler: reason ? { present: undefined, reason } : imageCompiler(reference, facts), anchor },
		runner: undefined,
		hostArch: undefined,
		linux: true,
	};
}

/** `needs: [{ job: build, artifacts: true }]`. */
function needsObjects(value: YamlValue | undefined): string[] {
	if (value?.kind !== 'seq') return [];
	return value.items.flatMap((item) => {
		const map = asMap(item);
		const name = getString(map, 'job');
		return name && getString(map, 'artifacts') !== 'false' ? [name] : [];
	});
}

/** Script lines: a string or a list of strings (nested lists come from `!reference`). */
function scriptItems(value: YamlValue | undefined): YamlScalar[] {
	if (!value) return [];
	if (value.kind === 'scalar') return [value];
	if (value.kind === 'seq') return value.items.flatMap((i) => scriptItems(i));
	return [];
}

/** `variables:` entries (`NAME: value` or `NAME: { value: … }`); `$OTHER` references are expanded like GitLab does. */
function variablesOf(value: YamlValue | undefined, config: GitlabConfig, base: Env, pairs: CiFileModel['envPairs'][number][]): Env {
	const map = asMap(value);
	if (!map) return base;
	const env = new Map(base);
	for (const pair of map.entries) {
		const node = asMap(pair.value) ? getScalar(asMap(pair.value), 'value') : asScalar(pair.value);
		const file = config.fileOf(pair);
		const raw = node?.value;
		env.set(pair.key.value, { name: pair.key.value, value: raw === undefined ? undefined : expandVariables(raw, env), origin: 'ci', file, span: pair.span });
		pairs.push({ file, span: pair.span, name: pair.key.value });
	}
	return env;
}

function matrixVariables(combination: MatrixCombination, config: GitlabConfig, base: Env): Env {
	const env = new Map(base);
	for (const [name, value] of combination.values) {
		if (value?.kind !== 'scalar') continue;
		const variable: EnvVar = { name, value: value.value, origin: 'ci', file: config.fileOf(value), span: value.span };
		env.set(name, variable);
	}
	return env;
}


/** `$NAME` / `${NAME}` with known variables; undefined when one is unknown (or the result too long). */
function expandVariables(text: string, env: Env): string | undefined {
	let unknown = false;
	let substituted = 0;
	const out = text.replace(/\$\$|\$\{(\w+)\}|\$(\w+)/g, (m, a?: string, b?: string) => {
		if (m === '$$') return '$';
		const value = env.get((a ?? b)!)?.value;
		substituted += value?.length ?? 0;
		if (value === undefined || substituted > MAX_SUBSTITUTED_CHARS) unknown = true;
		return unknown ? '' : value!;
	});
	return unknown ? undefined : out;
}
