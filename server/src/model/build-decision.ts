import { BUILDKIT_PLATFORMS } from '../knowledge/buildkit-platforms';
import type { ImageFacts } from '../knowledge/types';
import type { Span } from '../parse/span';
import { decideCgo, type CompilerPresence } from './cgo';
import type { Env } from './env';
import type { GoBuildCommand } from './go-command';
import { predictLinkage, type BuildFlagsForLinkage, type Linkage, type ProgramCgoUse } from './linkage';
import { runsOnBuildPlatform } from './dockerfile/stage-chain';
import { builtPackages, programOfPackages } from './package-graph';
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
	// A stage on $BUILDPLATFORM or a fixed --platform runs where it runs, whatever the image targets.
	const onBuildPlatform = environment.stage !== undefined && runsOnBuildPlatform(environment.stage);
	const targetMayDiffer = environment.stage !== undefined && (onBuildPlatform || environment.hostArch !== undefined);
	const cgo = decideCgo({ env, goVersion: environment.image?.goVersion, compiler: environment.compiler, hostArch: environment.hostArch, targetMayDiffer });
	const remoteInstall = site.command.installsRemoteVersion;
	const program = remoteInstall ? ASSUMED_PROGRAM : programOfBuild(site, environment);
	const predicted = predictLinkage({ cgo, flags: linkageFlags(site.command), program, builderLibc: builderLibc(site, environment) });
	const linkage = cgo.nativeTargetOnly ? forNativeTarget(predicted, onBuildPlatform) : predicted;
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
		program,
		cgo,
		linkage,
		remoteInstall,
	};
}

/** The module's program, narrowed to the packages this build compiles when they can be told. */
function programOfBuild(site: GoCommandSite, environment: BuildEnvironment): ProgramCgoUse {
	const module = environment.module;
	if (!module) return ASSUMED_PROGRAM;
	// Not all sources read: the built packages' facts may be among those missing; the module's are a superset.
	if (!module.program.sourcesVisible || module.program.sourcesTruncated) return module.program;
	const dirs = builtPackages({ file: site.file, workdir: site.workdir, stage: environment.stage, command: site.command }, module);
	return dirs ? programOfPackages(module, dirs) : module.program;
}

/**
 * A dynamic linkage that only a native-target build gets rests on which platforms the image is built for, which
 * the Dockerfile does not say: an assumption, named as one.
 */
function forNativeTarget(linkage: Linkage, onBuildPlatform: boolean): Linkage {
	if (linkage.kind !== 'dynamic' || linkage.certainty !== 'certain') return linkage;
	// A plain `docker build` targets the platform it runs on, $BUILDPLATFORM (BUILDKIT_PLATFORMS), not a fixed --platform.
	const plain = onBuildPlatform && BUILDKIT_PLATFORMS.implicitTargetIsBuildPlatform ? 'as a plain docker build is; ' : '';
	return { ...linkage, certainty: 'assumed', because: `${linkage.because}, if the image is built for the platform the build stage runs on (${plain}for any other target platform it is a cross build, cgo is off and the binary is static)` };
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
