import type { ImageFacts } from '../knowledge/types';
import type { DfInstruction, DockerfileSyntax } from '../parse/dockerfile';
import type { GoModFile } from '../parse/gomod';
import type { Span } from '../parse/span';
import type { CgoDecision, CompilerPresence } from './cgo';
import type { Env } from './env';
import type { GoSourceFile } from './go-source-facts';
import type { GoPackageGraph } from './package-graph';
import type { GoBuildCommand } from './go-command';
import type { Linkage, ProgramCgoUse } from './linkage';
import type { PackageInstall } from './package-install';
import type { FileLink } from './file-links';
import type { StageSyntax } from './dockerfile/stages';
import type { CiFileModel } from './ci/types';

/**
 * The build model: everything the rules look at, derived from Dockerfiles, go.mod, Go sources and CI
 * files (workflows, GitLab CI, GoReleaser, and the Makefiles/scripts they call). Rules read it; they never parse.
 */
export interface ProjectModel {
	readonly dockerfiles: readonly DockerfileModel[];
	/** CI files (GitHub Actions workflows, GitLab CI, GoReleaser configs) read as build hosts; absent in older callers. */
	readonly ci?: readonly CiFileModel[];
	readonly modules: readonly GoModuleModel[];
	/** Every `go build`/`go install` found, in file order. */
	readonly builds: readonly GoBuild[];
	/** Every place a built binary ends up and may run. */
	readonly deliveries: readonly Delivery[];
}

export interface GoModuleModel {
	readonly path: string; // the go.mod file
	readonly dir: string;
	readonly text: string;
	readonly syntax: GoModFile;
	readonly modulePath: string | undefined;
	readonly goVersion: string | undefined;
	readonly program: ProgramCgoUse;
	/** Requirements of go.mod that wrap C libraries, with their spans for related information. */
	readonly cgoRequirements: readonly CgoRequirement[];
	/** Go files that import a cgo package or carry `//go:debug` lines, with constraints and spans. */
	readonly sourceFiles: readonly GoSourceFile[];
	/** The module's packages and their local imports: which files one build compiles. */
	readonly packageGraph: GoPackageGraph;
}

export interface CgoRequirement {
	readonly module: string;
	readonly version: string;
	readonly span: Span;
	readonly indirect: boolean;
}

export interface DockerfileModel {
	readonly path: string;
	readonly text: string;
	readonly syntax: DockerfileSyntax;
	readonly stages: readonly StageModel[];
	/** Build context directory (where `COPY . .` reads from). */
	readonly contextDir: string;
	readonly module: GoModuleModel | undefined;
}

export interface StageModel {
	readonly file: string;
	readonly syntax: StageSyntax;
	/** The image this stage finally rests on (following `FROM <stage>` chains); undefined for unknown images. */
	readonly image: ImageFacts | undefined;
	/** The expanded image reference of the root image, or undefined when it depends on an unknown build arg. */
	readonly imageRef: string | undefined;
	/** The stage this one starts from, when FROM names an earlier stage. */
	readonly base: StageModel | undefined;
	readonly compiler: CompilerPresence;
	readonly installs: readonly PackageInstall[];
	/** `ln` commands run in the stage (and its base stages). */
	readonly links: readonly FileLink[];
	readonly builds: readonly GoBuild[];
	readonly copies: readonly CopyStep[];
	/** RUN steps whose effect we cannot see (make, scripts): findings that depend on them say so. */
	readonly opaqueSteps: readonly OpaqueStep[];
	readonly entrypoint: DfInstruction | undefined;
	readonly envAtEnd: Env;
	/** WORKDIR after the stage's last instruction (a `FROM <stage>` child starts there). */
	readonly workdirAtEnd: string | undefined;
}

export interface OpaqueStep {
	readonly file: string;
	readonly span: Span;
	readonly description: string;
}

/**
 * Where a build runs: a Dockerfile stage or a CI job (GitHub Actions, GitLab CI, GoReleaser). Rules that
 * only need "the builder" use this; rules about Dockerfile structure use `GoBuild.stage`.
 */
export interface BuildHost {
	readonly kind: 'dockerfile-stage' | 'ci-job';
	readonly file: string;
	/** `stage "build"`, `job "release"`: for messages. */
	readonly label: string;
	/** The image (or hosted-runner image) the build runs in; undefined when not known. */
	readonly image: ImageFacts | undefined;
	/** The expanded reference or runner label, as written. */
	readonly imageRef: string | undefined;
	readonly compiler: CompilerPresence;
	/** The line that decides the environment: the FROM, the `runs-on:`/`container:`/`image:` line. */
	readonly anchor: Span;
}

export interface GoBuild {
	readonly file: string;
	/** The whole `go build …` command. */
	readonly span: Span;
	/** The RUN (or CI step) that holds it: fixes that add ENV/inline settings anchor here. */
	readonly instructionSpan: Span;
	readonly host: BuildHost;
	/** The Dockerfile stage, for builds in a Dockerfile; undefined for CI builds. */
	readonly stage: StageModel | undefined;
	readonly command: GoBuildCommand;
	readonly env: Env;
	readonly workdir: string | undefined;
	/** Absolute path of the output inside the build environment, when known. */
	readonly outputPath: string | undefined;
	readonly module: GoModuleModel | undefined;
	/** What the compiled packages use that can need cgo: the module's, narrowed to the packages built when known. */
	readonly program: ProgramCgoUse;
	readonly cgo: CgoDecision;
	readonly linkage: Linkage;
	/** True for `go install pkg@version`: the workspace module is not what gets compiled. */
	readonly remoteInstall: boolean;
}

export interface CopyStep {
	readonly file: string;
	readonly instruction: DfInstruction;
	readonly stage: StageModel;
	/** The stage named by `--from`, when it names one. */
	readonly fromStage: StageModel | undefined;
	/** An image named by `--from` that is not a stage. */
	readonly fromImage: string | undefined;
	readonly sources: readonly { readonly path: string; readonly span: Span }[];
	readonly destination: { readonly path: string; readonly span: Span } | undefined;
}

/** A binary built by `build` that lands in `stage` through `copy`. */
export interface Delivery {
	readonly build: GoBuild;
	readonly copy: CopyStep;
	readonly stage: StageModel;
	/** Path of the binary in the receiving stage. */
	readonly path: string | undefined;
	/**
	 * How the binary got into the image: from a stage of the same Dockerfile (`COPY --from`, the default),
	 * or from the build context (`COPY dist/app /app`, no `--from`) after a CI job built it there.
	 */
	readonly source?: 'stage' | 'build-context';
	/** For binaries built outside the Dockerfile: each link from the build to the image (artifacts, the image build step). */
	readonly trace?: readonly DeliveryLink[];
	/** False when a link rests on an assumption (a glob or variable in the COPY source, an artifact layout not fully known). */
	readonly certain?: boolean;
}

/** One link of a delivery chain, for related information ("uploaded as artifact \"bin\"", "built by docker/build-push-action"). */
export interface DeliveryLink {
	readonly file: string;
	readonly span: Span;
	readonly message: string;
}
