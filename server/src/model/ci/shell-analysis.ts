import { allEnvironments, commandBasename, unwrapCommand, type ShellCommand, type ShellEnvironment, type ShellScript } from '../../parse/shell';
import type { Span } from '../../parse/span';
import type { Env } from '../env';
import { envOf, OPAQUE_BUILD_TOOLS } from '../shell-env';
import { recognizeGoCommand, type GoBuildCommand } from '../go-command';
import { recognizePackageInstall, type PackageInstall } from '../package-install';
import { recognizeDockerBuild, type DockerBuildCommand } from './docker-command';
import { followIndirect } from './indirect';
import type { IndirectContext, IndirectResult } from './indirect-types';

/** What one command of a CI script, Makefile recipe or build script does, as far as the model cares. */
export type ScriptItem =
	| { readonly kind: 'go'; readonly command: ShellCommand; readonly go: GoBuildCommand; readonly env: Env; readonly workdir: string | undefined }
	| { readonly kind: 'install'; readonly install: PackageInstall }
	| { readonly kind: 'docker'; readonly build: DockerBuildCommand; readonly cwd: string | undefined }
	| { readonly kind: 'goreleaser'; readonly command: ShellCommand; readonly cwd: string | undefined; readonly env: Env; readonly config: string | undefined; readonly singleTarget: boolean }
	| { readonly kind: 'indirect'; readonly command: ShellCommand; readonly result: IndirectResult; readonly env: Env; readonly cwd: string | undefined }
	| { readonly kind: 'opaque'; readonly span: Span; readonly description: string };

export interface ScriptAnalysisOptions {
	/** The file the script's spans are in. */
	readonly file: string;
	/** The environment the script starts with, with provenance (CI env, the caller's env, Makefile exports). */
	readonly baseEnv: Env;
	/** Set to follow `make` and scripts; undefined to record them as opaque. */
	readonly indirect: IndirectContext | undefined;
}

/** Walks every command of a parsed script and says what it does. */
export function analyseScript(script: ShellScript, options: ScriptAnalysisOptions): ScriptItem[] {
	const environments = allEnvironments(script);
	// Text tree-sitter did not parse (parse budget, size limit): whatever it builds is unknown.
	const items: ScriptItem[] = script.unparsed.map((u) => ({ kind: 'opaque', span: u.span, description: `${u.reason}: ${u.nested ? 'the script this command runs' : 'this script'} is treated as opaque` }));
	for (const command of script.commands) {
		const environment = environments[command.index];
		if (!environment || command.within.includes('command-substitution')) continue;
		const item = classify(command, environment, options);
		if (item) items.push(item);
	}
	return items;
}

function classify(command: ShellCommand, environment: ShellEnvironment, options: ScriptAnalysisOptions): ScriptItem | undefined {
	const env = envOf(environment, options.baseEnv, options.file);
	const cwd = environment.cwd;
	const install = recognizePackageInstall(command, options.file);
	if (install) return { kind: 'install', install };
	const go = recognizeGoCommand(command, env);
	if (go) {
		if (go.subcommand !== 'build' && go.subcommand !== 'install') return undefined;
		return { kind: 'go', command, go, env, workdir: cwd };
	}
	const docker = recognizeDockerBuild(command);
	if (docker) return { kind: 'docker', build: docker, cwd };
	const argv = command.kind === 'simple' ? unwrapCommand(command.words).argv : [];
	const name = argv[0]?.value === undefined ? undefined : commandBasename(argv[0].value);
	if (name === 'goreleaser') {
		const words = argv.slice(1).map((w) => w.value ?? '');
		const configIndex = words.findIndex((w) => w === '--config' || w === '-f');
		const inline = words.find((w) => /^--config=/.test(w))?.slice('--config='.length);
		return {
			kind: 'goreleaser',
			command,
			cwd,
			env,
			config: inline ?? (configIndex >= 0 ? words[configIndex + 1] : undefined),
			singleTarget: words.includes('--single-target'),
		};
	}
	const indirect = followIndirect(command, env, cwd, options.indirect, options.file);
	if (indirect) return { kind: 'indirect', command, result: indirect, env, cwd };
	if (name && OPAQUE_BUILD_TOOLS.has(name)) return { kind: 'opaque', span: command.span, description: `"${command.words.map((w) => w.raw).join(' ')}" runs steps this analysis does not see into` };
	return undefined;
}
