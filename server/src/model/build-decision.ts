import type { ImageFacts } from '../knowledge/types';
import type { Span } from '../parse/span';
import { decideCgo, type CompilerPresence } from './cgo';
import type { Env } from './env';
import type { GoBuildCommand } from './go-command';
import { predictLinkage, type BuildFlagsForLinkage, type ProgramCgoUse } from './linkage';
import type { BuildHost, GoBuild, GoModuleModel, StageModel } from './project';

/** A `go` command found in a RUN step (or CI step), before cgo and linkage are decided. */
export interface GoCommandSite {
	readonly file: string;
	readonly span: Span;
	readonly instructionSpan: Span;
	readonly command: GoBuildCommand;
	readonly env: Env;
	readonly workdir: string | undefined;
	readonly outputPath: string | undefined;
}

export interface BuildEnvironment {
	readonly host: BuildHost;
	/** Set for Dockerfile builds. */
	readonly stage: StageModel | undefined;
	readonly image: ImageFacts | undefined;
	readonly compiler: CompilerPresence;
	readonly module: GoModuleModel | undefined;
	/** Architecture the build runs on, when known (`--platform=linux/amd64`). */
	readonly hostArch: string | undefined;
}

/** When no go.mod or Go sources are visible, assume a program that imports net (nearly every server does). */
export const ASSUMED_PROGRAM: ProgramCgoUse = { sourcesVisible: false, ownCgoFiles: [], importsNet: true, importsOsUser: false, thirdPartyImports: [], cgoModules: [] };

/** Decides the effective CGO_ENABLED and the resulting linkage of one build. */
export function decideBuild(site: GoCommandSite, environment: BuildEnvironment): GoBuild {
	const env = site.env;
	const cgo = decideCgo({ env, goVersion: environment.image?.goVersion, compiler: environment.compiler, hostArch: environment.hostArch });
	const remoteInstall = site.command.installsRemoteVersion;
	const program = remoteInstall ? ASSUMED_PROGRAM : (environment.module?.program ?? ASSUMED_PROGRAM);
	const linkage = predictLinkage({ cgo, flags: linkageFlags(site.command), program, builderLibc: builderLibc(site, environment) });
	return {
		file: site.file,
		span: site.span,
		instructionSpan: site.instructionSpan,
		host: environment.host,
		stage: environment.stage,
		command: site.command,
		env,
		workdir: site.workdir,
		outputPath: site.outputPath,
		module: remoteInstall ? undefined : environment.module,
		cgo,
		linkage,
		remoteInstall,
	};
}

export function linkageFlags(command: GoBuildCommand): BuildFlagsForLinkage {
	const ld = command.ldflags;
	return {
		buildmode: command.buildmode?.value,
		linkmodeExternal: ld?.linkmode?.value === 'external',
		extldflagsStatic: ld?.extldflags?.some((f) => f.value === '-static') ?? false,
		extldflagsStaticPie: ld?.extldflags?.some((f) => f.value === '-static-pie') ?? false,
		race: command.race !== undefined,
		tags: command.tags?.values.map((t) => t.value) ?? [],
	};
}

/** The builder's libc, unless CC points at another C library (`CC=musl-gcc` on a glibc builder). */
export function builderLibc(site: Pick<GoCommandSite, 'env'>, environment: Pick<BuildEnvironment, 'image'>) {
	const cc = site.env.get('CC')?.value;
	if (cc && /(^|\/)musl-gcc$|-linux-musl-gcc$/.test(cc)) return { family: 'musl' as const };
	return environment.image?.libc;
}
