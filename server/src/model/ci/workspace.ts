import type { ContextFile } from '../deliveries';
import { dirname, isInside, normalizePath, relativePath } from '../paths';
import { globToRegExp } from './glob';
import type { GoBuild } from '../project';
import type { ArtifactDownload, ArtifactUpload, CiFileModel, CiJobModel, DockerBuildInvocation, ProducedFile, TraceLink } from './types';

/** An image build of a CI job with the files its context holds at that point. */
export interface ContextSnapshot {
	readonly invocation: DockerBuildInvocation;
	readonly job: CiJobModel;
	readonly files: readonly ContextFile[];
}

/**
 * Replays each job's workspace: files built by earlier steps, artifacts downloaded from other jobs
 * (GitHub `actions/upload-artifact` → `download-artifact`; GitLab `artifacts:paths` → later stages or
 * `needs:`), and at each image build, which of those files sit inside its context directory.
 */
export function contextSnapshots(ci: CiFileModel): ContextSnapshot[] {
	const uploads = uploadedFiles(ci);
	const snapshots: ContextSnapshot[] = [];
	for (const job of ci.jobs) {
		let files: ProducedFile[] = [];
		for (const event of job.timeline) {
			if (event.kind === 'build') {
				const produced = producedBy(event.build);
				if (produced) files = [...files.filter((f) => f.path !== produced.path), produced];
			} else if (event.kind === 'download') {
				files = [...files, ...downloaded(event.download, uploads, job, ci)];
			} else if (event.kind === 'files') {
				files = [...files, ...event.files];
			} else if (event.kind === 'docker-build') {
				snapshots.push({ invocation: event.invocation, job, files: inContext(event.invocation, files) });
			}
		}
	}
	return snapshots;
}

/** The file a build leaves on the runner, with its target platform. */
export function producedBy(build: GoBuild): ProducedFile | undefined {
	if (!build.outputPath) return undefined;
	const goos = build.env.get('GOOS')?.value ?? 'linux';
	const goarch = build.env.get('GOARCH')?.value;
	return { path: build.outputPath, build, platform: goarch ? `${goos}/${goarch}` : undefined, trace: [], certain: true };
}

interface Uploaded {
	readonly job: CiJobModel;
	readonly upload: ArtifactUpload;
	/** The directory the artifact's paths are relative to. */
	readonly root: string;
	/** Files relative to the artifact root. */
	readonly files: readonly ProducedFile[];
}

/** What each upload step holds: the job's files at that point under the upload paths, relative to their common root. */
function uploadedFiles(ci: CiFileModel): Uploaded[] {
	const out: Uploaded[] = [];
	for (const job of ci.jobs) {
		const files: ProducedFile[] = [];
		for (const event of job.timeline) {
			if (event.kind === 'build') {
				const produced = producedBy(event.build);
				if (produced) files.push(produced);
			} else if (event.kind === 'upload') {
				const root = artifactRoot(event.upload.paths, files);
				const selected = files.filter((f) => event.upload.paths.some((p) => matchesPath(f.path, p)));
				const link: TraceLink = { file: event.upload.file, span: event.upload.span, message: `${event.upload.name === undefined ? 'uploaded as an artifact' : `uploaded as artifact "${event.upload.name}"`} in ${job.label}` };
				out.push({
					job,
					upload: event.upload,
					root,
					files: selected.map((f) => ({ ...f, path: relativePath(root, f.path), trace: [...f.trace, link], certain: f.certain && !event.upload.paths.some((p) => /[*?[]/.test(p)) })),
				});
			}
		}
	}
	return out;
}

/**
 * actions/upload-artifact: one path → its directory (or the file's directory) is the root; several paths →
 * their least common ancestor. Wildcards stop the root at the directory before them.
 */
function artifactRoot(paths: readonly string[], files: readonly ProducedFile[]): string {
	const roots = paths.map((p) => {
		const beforeGlob = p.split('/').findIndex((part) => /[*?[]/.test(part));
		if (beforeGlob >= 0) return p.split('/').slice(0, beforeGlob).join('/') || '/';
		// A path a build wrote to is a file: the artifact holds it under its own name.
		return files.some((f) => f.path === normalizePath(p)) ? dirname(normalizePath(p)) : normalizePath(p);
	});
	if (roots.length === 1) return roots[0];
	let common = roots[0];
	for (const r of roots.slice(1)) while (!isInside(r, common)) common = dirname(common);
	return common;
}

function matchesPath(file: string, pattern: string): boolean {
	const p = normalizePath(pattern);
	if (!/[*?[]/.test(p)) return isInside(file, p);
	// globToRegExp never throws: an unterminated `[` (`path: dist/[`) is a literal character.
	return globToRegExp(p, { globstar: true, prefixOf: true }).test(file);
}

function downloaded(download: ArtifactDownload, uploads: readonly Uploaded[], job: CiJobModel, ci: CiFileModel): ProducedFile[] {
	const out: ProducedFile[] = [];
	if (download.unresolved) return out;
	for (const u of uploads) {
		if (u.job === job) continue;
		if (download.fromJobs && !download.fromJobs.includes(u.job.id)) continue;
		if (ci.system === 'github-actions' && job.needs.length > 0 && !reachable(job, u.job, ci)) continue;
		const name = u.upload.name;
		if (download.name !== undefined && download.name !== name) continue;
		if (download.pattern !== undefined && (name === undefined || !matchesPath(name, download.pattern))) continue;
		const link: TraceLink = { file: download.file, span: download.span, message: `downloaded${name ? ` as artifact "${name}"` : ''} in ${job.label}` };
		for (const f of u.files) {
			const path = download.samePaths ? f.path : normalizePath(download.flat ? `${download.path}/${f.path}` : `${download.path}/${name ?? 'artifact'}/${f.path}`);
			const absolute = download.samePaths ? normalizePath(`${u.root}/${f.path}`) : path;
			out.push({ ...f, path: absolute, trace: [...f.trace, link] });
		}
	}
	return out;
}

/** `needs:` transitively (a job can only download artifacts of jobs that finished before it). */
function reachable(job: CiJobModel, from: CiJobModel, ci: CiFileModel): boolean {
	return ancestorsOf(job, ci).has(from.id);
}

/**
 * The ids of every job `job` needs, directly or through others; computed once per job. Asked for each upload a
 * download could take, it was a walk with a scan of all jobs at every step: a workflow of 800 jobs each
 * uploading an artifact, and one job downloading them all, took 12 s.
 */
function ancestorsOf(job: CiJobModel, ci: CiFileModel): ReadonlySet<string> {
	const known = ancestorsByJob.get(job);
	if (known) return known;
	const byId = new Map<string, CiJobModel[]>();
	for (const j of ci.jobs) byId.set(j.id, [...(byId.get(j.id) ?? []), j]);
	const ancestors = new Set<string>();
	const stack = [...job.needs];
	while (stack.length > 0) {
		const id = stack.pop()!;
		if (ancestors.has(id)) continue;
		ancestors.add(id);
		for (const j of byId.get(id) ?? []) stack.push(...j.needs);
	}
	ancestorsByJob.set(job, ancestors);
	return ancestors;
}

const ancestorsByJob = new WeakMap<CiJobModel, ReadonlySet<string>>();

/** The files inside an image build's context, relative to it; a Git context holds none of the workspace's. */
function inContext(invocation: DockerBuildInvocation, files: readonly ProducedFile[]): ContextFile[] {
	const link: TraceLink = { file: invocation.file, span: invocation.span, message: `the image is built here (${invocation.description}) with ${invocation.contextDir ? `context "${invocation.contextDir}"` : 'its own context'}` };
	const out: ContextFile[] = (invocation.providedFiles ?? []).map((f) => ({ path: f.path, build: f.build, trace: [...f.trace, link], certain: f.certain }));
	if (invocation.contextDir === undefined || invocation.gitContext) return out;
	for (const f of files) {
		if (!isInside(f.path, invocation.contextDir)) continue;
		out.push({ path: relativePath(invocation.contextDir, f.path), build: f.build, trace: [...f.trace, link], certain: f.certain });
	}
	return out;
}
