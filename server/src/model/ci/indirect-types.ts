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
	/** Recipe lines and scripts that may still be followed, shared by everything one calling line leads to. */
	readonly work: IndirectWork;
}

export interface IndirectWork {
	remaining: number;
	/** The make invocations followed so far (Makefile, goals, arguments, environment): a repeat adds nothing. */
	readonly makes: Set<string>;
}

/** Following stops here (recursive make, scripts calling scripts). */
export const MAX_INDIRECT_DEPTH = 4;

/**
 * Recipe lines and scripts followed from one calling line (a RUN, a CI step), at all depths together. Depth
 * alone does not bound the work: each target of a 500-target Makefile whose recipes run `$(MAKE) <next target>`
 * starts another make of the rest of the chain, and those again (found by a stress test: out of memory after
 * 150 s). A make invocation already followed is not followed again, and past this many lines and scripts the
 * rest is opaque. Real builds follow a few dozen.
 */
export const MAX_INDIRECT_WORK = 1_000;

/** The shared budget for following one calling line. */
export function indirectWork(): IndirectWork {
	return { remaining: MAX_INDIRECT_WORK, makes: new Set() };
}

/** Takes one unit of `work`; false when none is left. */
export function spendIndirectWork(work: IndirectWork): boolean {
	if (work.remaining <= 0) return false;
	work.remaining--;
	return true;
}

export function emptyResult(opaque: string | undefined): IndirectResult {
	return { goCommands: [], installs: [], dockerBuilds: [], opaque, inputs: [] };
}
