import type { InitialVariable, ShellEnvironment } from '../parse/shell';
import { unknownSources, type Env, type EnvVar } from './env';

/**
 * The meeting point of the model's `Env` (with provenance: Dockerfile ENV/ARG, CI env, Makefile exports) and the
 * shell layer's environment, shared by Dockerfile RUN steps, CI scripts, Makefile recipes and build scripts so
 * that one command means the same thing wherever it is written.
 */

/** Every variable the caller knows is in the environment the script starts with (ENV and ARG values included: BuildKit docs). */
export function initialEnvOf(env: Env): Map<string, InitialVariable> {
	const initial = new Map<string, InitialVariable>();
	for (const [name, variable] of env) initial.set(name, { value: variable.value, span: variable.span, exported: true });
	return initial;
}

/** A command's process environment in the model's terms: what came from `baseEnv` unchanged keeps its provenance. */
export function envOf(environment: ShellEnvironment, baseEnv: Env, file: string): Env {
	const env = new Map<string, EnvVar>();
	for (const [name, variable] of environment.env) {
		const original = baseEnv.get(name);
		if (variable.origin === 'initial' && original) {
			env.set(name, original);
			continue;
		}
		const origin = variable.origin === 'inline' || variable.origin === 'env-command' ? 'inline' : 'export';
		const unknownFrom = variable.value === undefined && variable.word ? unknownSources(referencedNames(variable.word.raw), baseEnv) : undefined;
		env.set(name, { name, value: variable.value, origin, file, span: variable.span, ...(unknownFrom && { unknownFrom }) });
	}
	return env;
}

/**
 * `$NAME` and `${NAME…}` references in a word as written. A word with a command substitution names none: its
 * value is the command's output, which may be anything (`$(uname -m)`).
 */
function referencedNames(raw: string): string[] {
	const names: string[] = [];
	if (raw.includes('$(') || raw.includes('`')) return names;
	for (const m of raw.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) names.push(m[1]);
	return names;
}

/**
 * Build tools whose steps are not followed (make and build scripts are, when their files are found; GoReleaser
 * has its own model): a finding that depends on what they build says the result is unknown.
 */
export const OPAQUE_BUILD_TOOLS: ReadonlySet<string> = new Set(['task', 'mage', 'just', 'bazel', 'bazelisk', 'ko', 'earthly', 'nix']);
