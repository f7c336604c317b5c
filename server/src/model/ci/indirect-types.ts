import type { Span } from '../../parse/span';
import type { Parsers } from '../../parse/tree-sitter';
import type { Env } from '../env';
import type { FileSystemView } from '../file-system';
import type { GoBuildCommand } from '../go-command';
import type { PackageInstall } from '../package-install';
import type { DockerBuildCommand } from './docker-command';

/** A place inside a Makefile or script that a calling line runs (for related information). */
export interface IndirectOrigin {
	readonly file: string;
	readonly span: Span;
	/** `Makefile target "build"`, `scripts/build.sh`. */
	readonly description: string;
}

/** A `go build` found by following `make`/a script, with spans exact in the Makefile/script. */
export interface IndirectGoCommand {
	readonly file: string;
	readonly go: GoBuildCommand;
	readonly env: Env;
	/** Working directory at run time (a container path in a Dockerfile, a repository path in CI). */
	readonly workdir: string | undefined;
	/** From the outermost Makefile/script inwards; the last entry holds the go command. */
	readonly chain: readonly IndirectOrigin[];
}

export interface IndirectDockerBuild {
	readonly build: DockerBuildCommand;
	readonly cwd: string | undefined;
	readonly chain: readonly IndirectOrigin[];
}

export interface IndirectResult {
	readonly goCommands: readonly IndirectGoCommand[];
	readonly installs: readonly PackageInstall[];
	readonly dockerBuilds: readonly IndirectDockerBuild[];
	/** Why part of what the call does stays unknown (`$(shell …)`, a missing include, a function); undefined when fully followed. */
	readonly opaque: string | undefined;
	/** The files read (for the LSP's dependencies and related locations). */
	readonly inputs: readonly string[];
}

/** What following a call needs: files, parsers, and how run-time paths map to workspace files. */
export interface IndirectContext {
	readonly fs: FileSystemView;
	readonly parsers: Pick<Parsers, 'parseBash'>;
	/** A run-time path (container or runner) → the workspace file that is there, when known. */
	readonly toWorkspace: (runtimePath: string) => string | undefined;
	readonly depth: number;
}

/** Following stops here (recursive make, scripts calling scripts). */
export const MAX_INDIRECT_DEPTH = 4;

export function emptyResult(opaque: string | undefined): IndirectResult {
	return { goCommands: [], installs: [], dockerBuilds: [], opaque, inputs: [] };
}
