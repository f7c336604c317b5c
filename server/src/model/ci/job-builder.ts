import type { ImageFacts } from '../../knowledge/types';
import type { Span } from '../../parse/span';
import type { Parsers } from '../../parse/tree-sitter';
import { decideBuild, type GoCommandSite } from '../build-decision';
import type { CompilerPresence } from '../cgo';
import { compilerAfterInstalls } from '../compiler';
import type { Env } from '../env';
import type { FileSystemView } from '../file-system';
import type { GoBuildCommand } from '../go-command';
import { basename, dirname, joinPath, resolveContainerPath } from '../paths';
import type { GoBuild, GoModuleModel, OpaqueStep } from '../project';
import type { CiHost } from './ci-host';
import type { DockerBuildCommand } from './docker-command';
import { withVia } from './indirect-build';
import { indirectWork } from './indirect-types';
import { parseMappedShell } from './mapped-shell';
import type { MappedText } from './mapped-text';
import { analyseScript, type ScriptItem } from './shell-analysis';
import { initialEnvOf } from '../shell-env';
import type { DockerBuildInvocation, WorkspaceEvent } from './types';

/** What CI readers need from the project: files, parsers, image facts, and the module of a directory. */
export interface CiBuildContext {
	readonly fs: FileSystemView;
	readonly parsers: Parsers;
	readonly lookupImage: (reference: string, platform: string | undefined) => ImageFacts | undefined;
	/** The Go module governing a directory (nearest go.mod), shared with the rest of the project. */
	readonly moduleFor: (dir: string) => GoModuleModel | undefined;
}

/** A GoReleaser run found in a step (`goreleaser/goreleaser-action` or a `goreleaser` command). */
export interface GoreleaserCall {
	readonly span: Span;
	readonly cwd: string;
	readonly config: string | undefined;
	readonly env: Env;
	readonly singleTarget: boolean;
}

/**
 * Collects one CI job's builds in step order: go commands (direct, or through make and scripts), package
 * installs that change whether gcc is there, image builds, artifacts. Each `go build` becomes a `GoBuild`
 * through the same `decideBuild` as a Dockerfile RUN.
 */
export class JobBuilder {
	readonly builds: GoBuild[] = [];
	readonly timeline: WorkspaceEvent[] = [];
	readonly opaque: OpaqueStep[] = [];
	readonly inputs = new Set<string>();
	readonly goreleaserCalls: GoreleaserCall[] = [];
	/** Texts of files read besides the CI file itself (GoReleaser configs). */
	readonly sources = new Map<string, string>();
	readonly synthetic: { file: string; span: Span }[] = [];
	compiler: CompilerPresence;

	constructor(
		readonly context: CiBuildContext,
		readonly file: string,
		readonly ciHost: CiHost,
		readonly root: string,
	) {
		this.compiler = ciHost.host.compiler;
	}

	/** Parses one shell step (`run:`, a GitLab script) and records what it does; `file` when not the job's own. */
	runShell(mapped: MappedText, options: { env: Env; cwd: string; stepSpan: Span; githubExpressions: boolean; file?: string }): void {
		const file = options.file ?? this.file;
		const script = parseMappedShell(this.context.parsers, mapped, { githubExpressions: options.githubExpressions, initialEnv: initialEnvOf(options.env), cwd: options.cwd });
		const items = analyseScript(script, {
			file,
			baseEnv: options.env,
			indirect: { fs: this.context.fs, parsers: this.context.parsers, toWorkspace: (p) => p, depth: 0, work: indirectWork() },
		});
		for (const item of items) this.apply(item, { ...options, file });
	}

	private apply(item: ScriptItem, options: { env: Env; cwd: string; stepSpan: Span; file: string }): void {
		switch (item.kind) {
			case 'go':
				this.addBuild(item.go, item.env, item.workdir ?? options.cwd, options.stepSpan, item.go, options.file);
				return;
			case 'install':
				this.compiler = compilerAfterInstalls(this.compiler, [item.install]);
				return;
			case 'docker':
				this.addDockerBuild(item.build, item.cwd ?? options.cwd, item.build.span, `"${item.build.text}"`, options.file);
				return;
			case 'goreleaser':
				this.goreleaserCalls.push({ span: item.command.span, cwd: item.cwd ?? options.cwd, config: item.config, env: item.env, singleTarget: item.singleTarget });
				return;
			case 'indirect': {
				const result = item.result;
				for (const input of result.inputs) this.inputs.add(input);
				this.compiler = compilerAfterInstalls(this.compiler, result.installs);
				for (const g of result.goCommands) {
					const go = withVia(g, item.command.span);
					this.addBuild(go, g.env, g.workdir ?? options.cwd, options.stepSpan, g.go, options.file);
				}
				for (const d of result.dockerBuilds) this.addDockerBuild(d.build, d.cwd ?? options.cwd, item.command.span, `"${d.build.text}" (in ${d.chain[0]?.description ?? 'a called file'})`, options.file);
				if (result.opaque) this.opaque.push({ file: options.file, span: item.command.span, description: result.opaque });
				return;
			}
			case 'opaque':
				this.opaque.push({ file: options.file, span: item.span, description: item.description });
				return;
		}
	}

	/** A go build at `span`; `original` is the uncollapsed command (for output paths of make/script builds). */
	addBuild(go: GoBuildCommand, env: Env, cwd: string, stepSpan: Span, original: GoBuildCommand = go, file = this.file): GoBuild {
		const workdir = original.chdir?.value ? resolveContainerPath(cwd, original.chdir.value) : cwd;
		const module = this.context.moduleFor(workdir);
		const site: GoCommandSite = { file, span: go.span, instructionSpan: stepSpan, command: go, env, workdir, outputPath: ciOutputPath(original, workdir, module, env) };
		return this.addSite(site, module);
	}

	addSite(site: GoCommandSite, module: GoModuleModel | undefined, host = this.ciHost.host): GoBuild {
		const build = decideBuild(site, { host: { ...host, compiler: this.compiler }, stage: undefined, image: host.image, compiler: this.compiler, module, hostArch: this.ciHost.hostArch });
		this.builds.push(build);
		this.timeline.push({ kind: 'build', build });
		return build;
	}

	addDockerBuild(build: DockerBuildCommand, cwd: string, span: Span, description: string, file = this.file): void {
		const context = build.context;
		const remote = context === undefined || context === '-' || /^[a-z]+:\/\/|^git@|\.git(#|$)/.test(context);
		const contextDir = remote ? undefined : resolveContainerPath(cwd, context);
		const dockerfile = build.dockerfile !== undefined ? resolveContainerPath(cwd, build.dockerfile) : contextDir ? joinPath(contextDir, 'Dockerfile') : undefined;
		if (!dockerfile) return;
		this.addInvocation({ file, span, dockerfile, contextDir, platforms: build.platforms, gitContext: false, description });
	}

	addInvocation(invocation: DockerBuildInvocation): void {
		this.inputs.add(invocation.dockerfile);
		this.timeline.push({ kind: 'docker-build', invocation });
	}
}

/** Where `go build` writes its binary on the runner: `-o` against the working directory, else the package's name. */
export function ciOutputPath(go: GoBuildCommand, workdir: string, module: GoModuleModel | undefined, env: Env): string | undefined {
	if (go.subcommand !== 'build') return undefined;
	const exe = env.get('GOOS')?.value === 'windows' ? '.exe' : '';
	const pkg = go.packages[0]?.value ?? '.';
	const name = packageBinaryName(pkg, workdir, module) + exe;
	const output = go.output;
	if (output) {
		if (output.value === undefined || output.dynamic) return undefined;
		const resolved = resolveContainerPath(workdir, output.value);
		return output.value.endsWith('/') ? joinPath(resolved, name) : resolved;
	}
	return go.packages.length <= 1 ? joinPath(workdir, name) : undefined;
}

/** cmd/go names the binary after the last element of the import path (a `/vN` suffix dropped). */
function packageBinaryName(pkg: string, workdir: string, module: GoModuleModel | undefined): string {
	const cleaned = pkg.replace(/\/\.\.\.$/, '').replace(/\/+$/, '');
	let path = cleaned;
	if (cleaned === '.' || cleaned === '') {
		path = module && resolveContainerPath(workdir, '.') === module.dir && module.modulePath ? module.modulePath : workdir;
	}
	const last = basename(path);
	return /^v\d+$/.test(last) ? basename(dirname(path)) : last;
}
