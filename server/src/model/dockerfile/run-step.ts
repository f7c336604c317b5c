import type { DfInstruction } from '../../parse/dockerfile';
import { allEnvironments, commandBasename, parseShell, type ShellCommand, type ShellEnvironment } from '../../parse/shell';
import type { Parsers } from '../../parse/tree-sitter';
import type { GoCommandSite } from '../build-decision';
import type { Env } from '../env';
import { envOf, initialEnvOf, OPAQUE_BUILD_TOOLS } from '../shell-env';
import { recognizeGoCommand } from '../go-command';
import { recognizePackageInstall, type PackageInstall } from '../package-install';
import { recognizeFileLinks, type FileLink } from '../file-links';
import type { OpaqueStep } from '../project';
import { buildOutputPath } from './build';
import { followInRun } from '../ci/dockerfile-indirect';

export interface RunContext {
	readonly parsers: Parsers;
	readonly env: Env;
	readonly workdir: string | undefined;
	readonly escapeChar: string;
	readonly file: string;
}

export interface RunAnalysis {
	readonly goCommands: GoCommandSite[];
	readonly installs: PackageInstall[];
	readonly opaque: OpaqueStep[];
	/** `ln` commands (glibc loader symlinks in Alpine images). */
	readonly links: FileLink[];
}

/** In a RUN, these are opaque too: `make` whose Makefile is not in the build context, and GoReleaser. */
const OPAQUE_IN_RUN = new Set(['make', 'gmake', 'goreleaser']);

/** Parses the shell of one RUN and finds its go builds, package installs and opaque steps. */
export function analyseRun(instruction: DfInstruction, context: RunContext): RunAnalysis {
	const result: RunAnalysis = { goCommands: [], installs: [], opaque: [], links: [] };
	for (const fragment of instruction.shell) {
		const script = parseShell(context.parsers, fragment.text, {
			baseOffset: fragment.baseOffset,
			dockerfile: fragment.heredoc ? undefined : { escapeChar: context.escapeChar },
			initialEnv: initialEnvOf(context.env),
			cwd: context.workdir,
		});
		// Text tree-sitter did not parse (parse budget, size limit): no go build is known from it, so say less.
		for (const u of script.unparsed) result.opaque.push({ file: context.file, span: u.span, description: `${u.reason}: ${u.nested ? 'the script this command runs' : 'this RUN'} is treated as opaque` });
		const environments = allEnvironments(script);
		for (const command of script.commands) {
			const environment = environments[command.index];
			if (!environment) continue;
			visitCommand(command, environment, instruction, context, result);
		}
	}
	return result;
}

function visitCommand(command: ShellCommand, environment: ShellEnvironment, instruction: DfInstruction, context: RunContext, result: RunAnalysis): void {
	const env = envOf(environment, context.env, context.file);
	const install = recognizePackageInstall(command, context.file);
	if (install) {
		result.installs.push(install);
		return;
	}
	const links = recognizeFileLinks(command, context.file, environment.cwd ?? context.workdir);
	if (links.length > 0) {
		result.links.push(...links);
		return;
	}
	const go = recognizeGoCommand(command, env);
	if (go) {
		if (go.subcommand !== 'build' && go.subcommand !== 'install') return;
		const workdir = environment.cwd ?? context.workdir;
		result.goCommands.push({
			file: context.file,
			span: command.span,
			instructionSpan: instruction.span,
			command: go,
			env,
			workdir,
			outputPath: buildOutputPath(go.output?.value, go.packages.map((p) => p.value ?? '.'), workdir, go.subcommand === 'install', env),
		});
		return;
	}
	// `make build`, `./build.sh`: followed into the Makefile/script copied from the build context (model/ci/make.ts).
	const followed = followInRun(command, env, environment.cwd ?? context.workdir, context.file, instruction);
	if (followed) {
		result.goCommands.push(...followed.sites);
		result.installs.push(...followed.installs);
		if (followed.opaque) result.opaque.push(followed.opaque);
		return;
	}
	const name = command.name === undefined ? undefined : commandBasename(command.name);
	if (name && (OPAQUE_BUILD_TOOLS.has(name) || OPAQUE_IN_RUN.has(name) || /\.sh$/.test(name) || ((name === 'sh' || name === 'bash') && command.words[1]?.value?.endsWith('.sh')))) {
		result.opaque.push({ file: context.file, span: command.span, description: `"${command.words.map((w) => w.raw).join(' ')}" runs steps this analysis does not see into` });
	}
}
