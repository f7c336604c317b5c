import { findDeliveries } from '../deliveries';
import { basename, dirname } from '../paths';
import type { Delivery, DockerfileModel } from '../project';
import { unknownHost } from './ci-host';
import { buildGithubWorkflow } from './github-actions';
import { buildGitlabCi } from './gitlab';
import { GORELEASER_NAMES, runGoreleaser } from './goreleaser';
import { JobBuilder, type CiBuildContext } from './job-builder';
import type { CiFileModel } from './types';
import { contextSnapshots } from './workspace';

export type { CiFileModel, CiJobModel } from './types';
export type { CiBuildContext } from './job-builder';
export { viaOf, type IndirectVia } from './indirect-build';

/** `.github/workflows/*.yml|yaml`. */
export function isGithubWorkflowPath(path: string): boolean {
	return /(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/.test(path);
}

/** `.gitlab-ci.yml` (the default CI config path of a GitLab project). */
export function isGitlabCiPath(path: string): boolean {
	return /^\.gitlab-ci\.ya?ml$/.test(basename(path));
}

export function isGoreleaserPath(path: string): boolean {
	return GORELEASER_NAMES.includes(basename(path));
}

export function isCiFilePath(path: string): boolean {
	return isGithubWorkflowPath(path) || isGitlabCiPath(path) || isGoreleaserPath(path);
}

/**
 * Models CI files: workflows and GitLab CI first; GoReleaser configs that no job runs are modelled on
 * their own, with an unknown build machine (their explicit settings, like `CGO_ENABLED=0`, still count).
 */
export function buildCiFiles(files: readonly string[], context: CiBuildContext): CiFileModel[] {
	const out: CiFileModel[] = [];
	for (const file of files) {
		const text = context.fs.readFile(file);
		if (text === undefined) continue;
		if (isGithubWorkflowPath(file)) out.push(buildGithubWorkflow(file, text, context));
		else if (isGitlabCiPath(file)) out.push(buildGitlabCi(file, text, context));
	}
	const run = new Set(out.flatMap((c) => c.inputs));
	for (const file of files) {
		if (!isGoreleaserPath(file) || run.has(file)) continue;
		const text = context.fs.readFile(file);
		if (text !== undefined) out.push(standaloneGoreleaser(file, text, context));
	}
	return out;
}

function standaloneGoreleaser(path: string, text: string, context: CiBuildContext): CiFileModel {
	const anchor = { start: 0, end: Math.max(0, text.indexOf('\n')) };
	const label = `GoReleaser config "${basename(path)}"`;
	const ciHost = unknownHost(path, label, anchor, 'the machine that runs GoReleaser is not known (no CI job that runs it was found)');
	const builder = new JobBuilder(context, path, ciHost, dirname(path));
	runGoreleaser({ span: anchor, cwd: dirname(path), config: basename(path), env: new Map(), singleTarget: false }, builder, { stepSpan: anchor, label });
	const job = {
		file: path,
		id: 'goreleaser',
		label,
		combination: undefined,
		host: ciHost.host,
		runner: undefined,
		container: undefined,
		goSetup: undefined,
		builds: builder.builds,
		timeline: builder.timeline,
		needs: [],
		opaqueSteps: builder.opaque,
	};
	const sources = new Map([[path, text], ...builder.sources]);
	return { path, system: 'goreleaser', text, root: dirname(path), jobs: [job], opaqueSteps: [], inputs: [...builder.inputs], envPairs: [], sources, synthetic: builder.synthetic };
}

/** The text of a file a CI model read (a workflow, a GoReleaser config, an included GitLab file). */
export function ciSourceText(ci: readonly CiFileModel[] | undefined, file: string): string | undefined {
	for (const c of ci ?? []) {
		const text = c.sources.get(file);
		if (text !== undefined) return text;
	}
	return undefined;
}

/** Dockerfiles that CI jobs build (to be modelled with the project even when not an entry file). */
export function dockerfilesBuiltBy(ci: readonly CiFileModel[]): string[] {
	const out = new Set<string>();
	for (const file of ci) for (const job of file.jobs) for (const event of job.timeline) if (event.kind === 'docker-build') out.add(event.invocation.dockerfile);
	return [...out];
}

/** Binaries built by CI jobs that land in Dockerfile stages through build-context copies. */
export function ciDeliveries(ci: readonly CiFileModel[], dockerfiles: readonly DockerfileModel[]): Delivery[] {
	const out: Delivery[] = [];
	const seen = new Set<string>();
	for (const file of ci) {
		for (const snapshot of contextSnapshots(file)) {
			if (snapshot.files.length === 0) continue;
			const dockerfile = dockerfiles.find((d) => d.path === snapshot.invocation.dockerfile);
			if (!dockerfile) continue;
			for (const delivery of findDeliveries(dockerfile, snapshot.files)) {
				if (delivery.source !== 'build-context') continue;
				const key = `${delivery.copy.instruction.span.start}:${delivery.stage.syntax.index}:${delivery.path}:${delivery.build.file}:${delivery.build.span.start}:${delivery.build.host.label}`;
				if (seen.has(key)) continue;
				seen.add(key);
				out.push(delivery);
			}
		}
	}
	return out;
}
