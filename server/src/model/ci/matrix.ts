import type { YamlValue } from '../../parse/yaml';

/**
 * One combination of a job matrix (GitHub `strategy.matrix`, GitLab `parallel: matrix:`): the value of
 * every key, and a label for messages (`goos=linux, goarch=arm64`).
 */
export interface MatrixCombination {
	readonly values: ReadonlyMap<string, YamlValue | undefined>;
	readonly label: string;
}

export interface MatrixExpansion {
	readonly combinations: readonly MatrixCombination[];
	/** False when the matrix (or a key) is an expression such as `${{ fromJSON(needs.x.outputs.m) }}`. */
	readonly known: boolean;
}

/** A job runs at most this many combinations here (GitHub's own limit is 256). */
const MAX_COMBINATIONS = 64;

/**
 * Expands a GitHub Actions matrix as the runner does ("Using a matrix for your jobs"): the cartesian
 * product of the keys, minus `exclude` entries (partial matches), then each `include` entry is merged into
 * every combination whose original keys it matches, or added as a combination of its own.
 */
export function expandGithubMatrix(matrix: YamlValue | undefined): MatrixExpansion {
	if (!matrix) return { combinations: [], known: true };
	if (matrix.kind !== 'map') return { combinations: [labelled(new Map())], known: false };
	const keys = matrix.entries.filter((e) => e.key.value !== 'include' && e.key.value !== 'exclude');
	let known = true;
	let combos: Map<string, YamlValue | undefined>[] = [new Map()];
	for (const entry of keys) {
		if (entry.value?.kind !== 'seq') {
			known = false; // `os: ${{ fromJSON(…) }}`: values only known at run time
			combos = combos.map((c) => new Map(c).set(entry.key.value, undefined));
			continue;
		}
		const next: Map<string, YamlValue | undefined>[] = [];
		for (const combo of combos) for (const item of entry.value.items) next.push(new Map(combo).set(entry.key.value, item));
		combos = next.slice(0, MAX_COMBINATIONS);
	}
	const exclude = entriesOf(matrix.entries.find((e) => e.key.value === 'exclude')?.value);
	combos = combos.filter((combo) => !exclude.some((ex) => [...ex].every(([k, v]) => combo.has(k) && sameValue(combo.get(k), v))));
	if (keys.length === 0) combos = [];
	const originalKeys = new Set(keys.map((k) => k.key.value));
	const base = [...combos];
	for (const inc of entriesOf(matrix.entries.find((e) => e.key.value === 'include')?.value)) {
		const matches = base.filter((combo) => [...inc].every(([k, v]) => !originalKeys.has(k) || sameValue(combo.get(k), v)));
		if (matches.length === 0 || keys.length === 0) {
			combos.push(new Map(inc));
			continue;
		}
		for (const combo of matches) for (const [k, v] of inc) if (!originalKeys.has(k)) combo.set(k, v);
	}
	if (combos.length === 0) combos = [new Map()];
	return { combinations: combos.slice(0, MAX_COMBINATIONS).map(labelled), known };
}

/**
 * GitLab `parallel: matrix:`: a list of maps, each map's keys multiplied out (a scalar value is a list of
 * one); the combinations of all entries together.
 */
export function expandGitlabMatrix(matrix: YamlValue | undefined): MatrixExpansion {
	if (matrix?.kind !== 'seq') return { combinations: [], known: matrix === undefined };
	const combos: Map<string, YamlValue | undefined>[] = [];
	for (const entry of matrix.items) {
		if (entry.kind !== 'map') continue;
		let partial: Map<string, YamlValue | undefined>[] = [new Map()];
		for (const pair of entry.entries) {
			const values = pair.value?.kind === 'seq' ? pair.value.items : [pair.value];
			const next: Map<string, YamlValue | undefined>[] = [];
			for (const combo of partial) for (const value of values) next.push(new Map(combo).set(pair.key.value, value));
			partial = next.slice(0, MAX_COMBINATIONS);
		}
		combos.push(...partial);
	}
	return { combinations: combos.slice(0, MAX_COMBINATIONS).map(labelled), known: true };
}

function entriesOf(value: YamlValue | undefined): Map<string, YamlValue | undefined>[] {
	if (value?.kind !== 'seq') return [];
	return value.items.filter((i) => i.kind === 'map').map((m) => new Map(m.kind === 'map' ? m.entries.map((e) => [e.key.value, e.value] as const) : []));
}

function sameValue(a: YamlValue | undefined, b: YamlValue | undefined): boolean {
	return canonical(a) === canonical(b);
}

function canonical(value: YamlValue | undefined): string {
	if (!value) return '';
	if (value.kind === 'scalar') return `s:${value.value}`;
	if (value.kind === 'seq') return `[${value.items.map(canonical).join(',')}]`;
	return `{${value.entries.map((e) => `${e.key.value}=${canonical(e.value)}`).join(',')}}`;
}

function labelled(values: Map<string, YamlValue | undefined>): MatrixCombination {
	const parts: string[] = [];
	const add = (prefix: string, value: YamlValue | undefined) => {
		if (value?.kind === 'scalar') parts.push(`${prefix}=${value.value}`);
		else if (value?.kind === 'map') for (const e of value.entries) add(`${prefix}.${e.key.value}`, e.value);
	};
	for (const [key, value] of values) add(key, value);
	return { values, label: parts.join(', ') };
}
