import type { DfInstruction } from '../../parse/dockerfile';
import { allEnvironments, commandBasename, parseShell, type InitialVariable, type ShellCommand, type ShellEnvironment } from '../../parse/shell';
import type { Parsers } from '../../parse/tree-sitter';
import type { GoCommandSite } from '../build-decision';
import type { Env, EnvVar } from '../env';
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

/** Build tools whose steps are not followed (make and scripts are, when their files are in the build context). */
const OPAQUE_TOOLS = new Set(['make', 'gmake', 'task', 'mage', 'just', 'bazel', 'bazelisk', 'goreleaser', 'ko']);

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
		// Text tree-sitter did not parse (time budget, size limit): no go build is known from it, so say less.
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
	const env = envOf(environment, context);
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
	if (name && (OPAQUE_TOOLS.has(name) || /\.sh$/.test(name) || ((name === 'sh' || name === 'bash') && command.words[1]?.value?.endsWith('.sh')))) {
		result.opaque.push({ file: context.file, span: command.span, description: `"${command.words.map((w) => w.raw).join(' ')}" runs steps this analysis does not see into` });
	}
}

/** Dockerfile ENV/ARG values are the environment RUN's shell starts with (ARGs included, BuildKit docs). */
function initialEnvOf(env: Env): Map<string, InitialVariable> {
	const initial = new Map<string, InitialVariable>();
	for (const [name, variable] of env) initial.set(name, { value: variable.value, span: variable.span, exported: true });
	return initial;
}

/** The command's process environment in the model's terms, keeping Dockerfile provenance for ENV/ARG values. */
function envOf(environment: ShellEnvironment, context: RunContext): Env {
	const env = new Map<string, EnvVar>();
	for (const [name, variable] of environment.env) {
		const original = context.env.get(name);
		if (variable.origin === 'initial' && original) {
			env.set(name, original);
			continue;
		}
		env.set(name, { name, value: variable.value, origin: variable.origin === 'inline' || variable.origin === 'env-command' ? 'inline' : 'export', file: context.file, span: variable.span });
	}
	return env;
}
