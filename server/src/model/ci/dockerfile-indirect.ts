import type { DfInstruction } from '../../parse/dockerfile';
import type { ShellCommand } from '../../parse/shell';
import type { Parsers } from '../../parse/tree-sitter';
import type { GoCommandSite } from '../build-decision';
import type { Env } from '../env';
import type { FileSystemView } from '../file-system';
import type { PackageInstall } from '../package-install';
import { basename, isInside, joinPath, normalizePath, relativePath, resolveContainerPath } from '../paths';
import type { OpaqueStep } from '../project';
import { splitStages } from '../dockerfile/stages';
import { dockerfileSyntax } from '../dockerfile/syntax-cache';
import { indirectWork } from './indirect-types';
import { buildOutputPath } from '../dockerfile/build';
import { followIndirect } from './indirect';
import { withVia } from './indirect-build';

/**
 * Following `RUN make build` / `RUN ./build.sh` in a Dockerfile: the Makefile or script is a file of the
 * build context that an earlier `COPY`/`ADD` put into the image. The Dockerfile model calls
 * `followInRun` while it is built inside `withDockerfileIndirect` (buildProject sets the scope: the
 * Dockerfile model itself has no file system).
 */
export interface DockerfileIndirectScope {
	readonly fs: FileSystemView;
	readonly parsers: Parsers;
	readonly path: string;
	readonly text: string;
	readonly contextDir: string;
}

let active: DockerfileIndirectScope | undefined;

export function withDockerfileIndirect<T>(scope: DockerfileIndirectScope, body: () => T): T {
	const previous = active;
	active = scope;
	try {
		return body();
	} finally {
		active = previous;
	}
}

export interface FollowedRun {
	readonly sites: GoCommandSite[];
	readonly installs: readonly PackageInstall[];
	readonly opaque: OpaqueStep | undefined;
}

/** Follows a make/script command of a RUN; undefined when it is not one (or no scope is set). */
export function followInRun(command: ShellCommand, env: Env, workdir: string | undefined, file: string, instruction: DfInstruction): FollowedRun | undefined {
	const scope = active;
	if (!scope || scope.path !== file) return undefined;
	// The copies before this RUN are only worked out when a Makefile or script is actually looked up.
	let mapper: ((path: string) => string | undefined) | undefined;
	const toWorkspace = (path: string) => (mapper ??= contextMapper(scope, instruction))(path);
	const result = followIndirect(command, env, workdir, { fs: scope.fs, parsers: scope.parsers, toWorkspace, depth: 0, work: indirectWork() }, file);
	if (!result) return undefined;
	const sites: GoCommandSite[] = result.goCommands.map((g) => {
		const go = withVia(g, command.span);
		const dir = g.go.chdir?.value ? resolveContainerPath(g.workdir, g.go.chdir.value) : g.workdir;
		const output = g.go.output?.dynamic ? undefined : buildOutputPath(g.go.output?.value, g.go.packages.map((p) => p.value ?? '.'), dir, g.go.subcommand === 'install', g.env);
		return { file, span: go.span, instructionSpan: instruction.span, command: go, env: g.env, workdir: dir, outputPath: output };
	});
	return { sites, installs: result.installs, opaque: result.opaque ? { file, span: command.span, description: result.opaque } : undefined };
}

interface ContextCopy {
	readonly source: string;
	readonly destination: string;
	readonly directory: boolean;
}

/**
 * Maps a container path to the build-context file that is there: through the `COPY`/`ADD` instructions
 * without `--from` before this RUN, in its stage and the stages it is based on (later copies win).
 */
function contextMapper(scope: DockerfileIndirectScope, run: DfInstruction): (path: string) => string | undefined {
	const copies = contextCopies(scope, run);
	return (path) => {
		for (const copy of [...copies].reverse()) {
			if (copy.directory && isInside(path, copy.destination)) {
				const rest = relativePath(copy.destination, path);
				return normalizePath(joinPath(scope.contextDir, copy.source, rest === '.' ? '' : rest));
			}
			if (!copy.directory && path === copy.destination) return normalizePath(joinPath(scope.contextDir, copy.source));
		}
		return undefined;
	};
}

/** The stages of the Dockerfile in scope, split once per scope. */
const stagesOf = new WeakMap<DockerfileIndirectScope, ReturnType<typeof splitStages>['stages']>();

function contextCopies(scope: DockerfileIndirectScope, run: DfInstruction): ContextCopy[] {
	let stages = stagesOf.get(scope);
	if (!stages) {
		stages = splitStages(dockerfileSyntax(scope.text)).stages;
		stagesOf.set(scope, stages);
	}
	const index = stages.findIndex((s) => s.instructions.some((i) => i.span.start === run.span.start));
	if (index < 0) return [];
	const chain: number[] = [];
	for (let i: number | undefined = index; i !== undefined && !chain.includes(i); i = stages[i].baseStage) chain.unshift(i);
	const copies: ContextCopy[] = [];
	let workdir: string | undefined;
	for (const i of chain) {
		for (const instruction of stages[i].instructions) {
			if (instruction.span.start >= run.span.start && i === index) return copies;
			if (instruction.keyword === 'WORKDIR') {
				const dir = instruction.args.map((a) => a.value).join(' ');
				workdir = dir.includes('$') ? undefined : resolveContainerPath(workdir, dir);
			} else if ((instruction.keyword === 'COPY' || instruction.keyword === 'ADD') && !instruction.flags.some((f) => f.name === 'from')) {
				const words = instruction.args.map((a) => a.value);
				if (words.length < 2 || words.some((w) => w.includes('$'))) continue;
				const destinationWord = words[words.length - 1];
				const destination = resolveContainerPath(workdir, destinationWord);
				for (const source of words.slice(0, -1)) {
					if (/[*?[]/.test(source) || /^[a-z]+:\/\//.test(source)) continue;
					const cleaned = normalizePath(source.replace(/^\/+/, '')) || '.';
					const directory = cleaned === '.' || scope.fs.listDir(joinPath(scope.contextDir, cleaned)).length > 0;
					const target = directory || destinationWord.endsWith('/') || words.length > 2 ? (directory ? destination : joinPath(destination, basename(cleaned))) : destination;
					copies.push({ source: cleaned, destination: target, directory });
				}
			}
		}
	}
	return copies;
}
