import type { RunnerFacts } from '../../knowledge/runners';
import type { Span } from '../../parse/span';
import type { BuildHost, GoBuild, OpaqueStep } from '../project';
import type { MatrixCombination } from './matrix';

/** The CI systems read as build inputs. */
export type CiSystem = 'github-actions' | 'gitlab-ci' | 'goreleaser';

/** One CI file (a workflow, `.gitlab-ci.yml` with its local includes, a GoReleaser config). */
export interface CiFileModel {
	readonly path: string;
	readonly system: CiSystem;
	readonly text: string;
	/** The repository (or project) root the file's paths are relative to. */
	readonly root: string;
	/** One entry per job and matrix combination. */
	readonly jobs: readonly CiJobModel[];
	/** Steps whose effect is not visible (remote includes, unresolvable make targets, …). */
	readonly opaqueSteps: readonly OpaqueStep[];
	/** Other files this one reads (local includes, `.goreleaser.yaml`, Dockerfiles, Makefiles). */
	readonly inputs: readonly string[];
	/** Spans of YAML `NAME: value` pairs that set environment variables (fixes write YAML there, not `NAME=value`). */
	readonly envPairs: readonly { readonly file: string; readonly span: Span; readonly name: string }[];
	/** Text of every file read for this one (itself, GoReleaser configs, included files), for rules that quote it. */
	readonly sources: ReadonlyMap<string, string>;
	/**
	 * Spans that stand for text nobody wrote (the `go build … -o dist/…` GoReleaser runs is mapped onto the
	 * build item's first line): findings may point there, but no fix may edit them.
	 */
	readonly synthetic: readonly { readonly file: string; readonly span: Span }[];
}

/** One job (one matrix combination of it) as a build host. */
export interface CiJobModel {
	readonly file: string;
	readonly id: string;
	/** `job "release"` or `job "build" (goos=linux, goarch=arm64)`: used in every message about it. */
	readonly label: string;
	readonly combination: MatrixCombination | undefined;
	readonly host: BuildHost;
	/** The hosted-runner facts, when `runs-on` names a known label (GitHub Actions). */
	readonly runner: RunnerFacts | undefined;
	/** The job's container image reference (`container:` / GitLab `image:`), when it has one. */
	readonly container: string | undefined;
	/** The Go toolchain the job sets up, when known (`actions/setup-go`). */
	readonly goSetup: GoSetup | undefined;
	readonly builds: readonly GoBuild[];
	/** Every step that leaves files in the workspace or builds an image, in order. */
	readonly timeline: readonly WorkspaceEvent[];
	/** Jobs this one waits for (`needs:`). */
	readonly needs: readonly string[];
	readonly opaqueSteps: readonly OpaqueStep[];
}

export interface GoSetup {
	readonly file: string;
	/** The `uses: actions/setup-go@…` step. */
	readonly span: Span;
	/** `go-version:` when static (`1.22`, `1.22.x`); undefined for `stable`, expressions, or a version file. */
	readonly version: string | undefined;
	/** `go-version-file:` (go.mod, go.work, .go-version, .tool-versions), resolved to a path. */
	readonly versionFile: string | undefined;
	readonly checkLatest: boolean;
}

/** What a step does to the workspace that a later Docker build can see. */
export type WorkspaceEvent =
	| { readonly kind: 'build'; readonly build: GoBuild }
	| { readonly kind: 'upload'; readonly upload: ArtifactUpload }
	| { readonly kind: 'download'; readonly download: ArtifactDownload }
	| { readonly kind: 'docker-build'; readonly invocation: DockerBuildInvocation }
	| { readonly kind: 'files'; readonly files: readonly ProducedFile[] };

/** A file in a job's workspace (repository-absolute path), and the build that produced it. */
export interface ProducedFile {
	readonly path: string;
	readonly build: GoBuild;
	/** GOOS/GOARCH it was built for (`linux/arm64`), when known: matched against Docker platforms. */
	readonly platform: string | undefined;
	/** The links from the build to here (an artifact upload and download, a GoReleaser docker context …). */
	readonly trace: readonly TraceLink[];
	/** False when a link rests on an assumption (a glob, an artifact layout not fully known). */
	readonly certain: boolean;
}

export interface TraceLink {
	readonly file: string;
	readonly span: Span;
	readonly message: string;
}

export interface ArtifactUpload {
	readonly file: string;
	readonly span: Span;
	/** Artifact name; undefined when it is an expression we cannot resolve. */
	readonly name: string | undefined;
	/** Repository-absolute paths or globs. */
	readonly paths: readonly string[];
}

export interface ArtifactDownload {
	readonly file: string;
	readonly span: Span;
	/** `name:`; undefined downloads every artifact (or those matching `pattern`). */
	readonly name: string | undefined;
	readonly pattern: string | undefined;
	/** Repository-absolute destination directory. */
	readonly path: string;
	/** v4 `merge-multiple: true`, or a download by name: files land directly in `path`. */
	readonly flat: boolean;
	/** GitLab: artifacts of earlier stages/needs arrive at the same paths. */
	readonly samePaths?: boolean;
	/** GitLab: the jobs whose artifacts are fetched (`needs:`/`dependencies:`), undefined = all earlier ones. */
	readonly fromJobs?: readonly string[] | undefined;
	/** `name:`/`pattern:` is an expression we cannot resolve: nothing is known to arrive. */
	readonly unresolved?: boolean;
}

/** A `docker build` (run step, `docker/build-push-action`, GoReleaser `dockers:`) of a Dockerfile in the repository. */
export interface DockerBuildInvocation {
	readonly file: string;
	readonly span: Span;
	/** Repository-absolute Dockerfile path. */
	readonly dockerfile: string;
	/** Repository-absolute context directory; undefined for a Git or remote context (workspace files are not in it). */
	readonly contextDir: string | undefined;
	readonly platforms: readonly string[];
	/** `docker/build-push-action` without `context:` builds from the Git context, not the workspace. */
	readonly gitContext: boolean;
	readonly description: string;
	/** Files placed in the context by the tool itself (GoReleaser copies the binaries): context-relative paths. */
	readonly providedFiles?: readonly ProducedFile[];
}
