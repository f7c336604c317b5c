import type { Span } from '../parse/span';

/** Where a variable's value came from, so hovers can say "explicit", "inherited from stage build", … */
export type EnvOrigin =
	| 'ENV' // Dockerfile ENV
	| 'ARG' // Dockerfile ARG default (ARGs are environment variables for RUN)
	| 'inline' // `CGO_ENABLED=0 go build`
	| 'export' // `export CGO_ENABLED=0` earlier in the same RUN
	| 'image' // set by the base image (knowledge base)
	| 'ci'; // CI file env

export interface EnvVar {
	readonly name: string;
	/** Undefined when the value is not statically known (a build arg without default, `$(cmd)`, …). */
	readonly value: string | undefined;
	readonly origin: EnvOrigin;
	/** Where it was set; undefined for image defaults. */
	readonly file: string | undefined;
	readonly span: Span | undefined;
	/**
	 * For an unknown value: the build-time variables it was made from (`GOARCH=$TARGETARCH` → `TARGETARCH`),
	 * followed through variables that only carry another (`ENV A=$TARGETARCH`, `GOARCH=$A`).
	 */
	readonly unknownFrom?: readonly string[];
}

/** The variables an unknown value made of `names` comes from, following variables of `env` that carry others. */
export function unknownSources(names: readonly string[], env: Env): string[] {
	const sources = new Set<string>();
	for (const name of names) for (const source of env.get(name)?.unknownFrom ?? [name]) sources.add(source);
	return [...sources];
}

export type Env = ReadonlyMap<string, EnvVar>;

export const EMPTY_ENV: Env = new Map();

export function withVar(env: Env, variable: EnvVar): Env {
	const next = new Map(env);
	next.set(variable.name, variable);
	return next;
}

export function withoutVar(env: Env, name: string): Env {
	if (!env.has(name)) return env;
	const next = new Map(env);
	next.delete(name);
	return next;
}

/** The plain name → value view that shell expansion needs; unknown values stay undefined. */
export function envValues(env: Env): Map<string, string | undefined> {
	const values = new Map<string, string | undefined>();
	for (const [name, variable] of env) values.set(name, variable.value);
	return values;
}
