// The engine mutation fuzzer (issue 3): seeded mutations of realistic Dockerfiles, go.mod files, Go sources and
// YAML (GitHub workflows, .gitlab-ci.yml, .goreleaser.yaml, .shipcheck.yaml), each run through the real `analyze`
// over an in-memory workspace, the YAML ones also through `parseYaml` and the config parser `parseConfigText`.
// The only allowed outcome is a result: no exception, no rule failure, every span inside its file,
// JSON-serialisable findings, and within a time bound.
// Case `i` of seed `s` is a pure function of (s, i), so any failure is reproduced by its seed and index.
import { memoryFileSystem } from '../../server/src/model/file-system';
import type { Parsers } from '../../server/src/parse/tree-sitter';
import { parseYaml, type YamlValue } from '../../server/src/parse/yaml';
import { analyze } from '../../server/src/rules/analyze';
import { DEFAULT_CONFIG, mergeConfigs } from '../../server/src/rules/config';
import { findConfigFile, loadConfigFile, parseConfigText } from '../../server/src/rules/config-file';
import { entryFilesFor } from '../../server/src/rules/discover';
import { mutate, MUTATIONS, type Mutation } from './mutations';
import { DOCKERFILES, GO_MODS, GO_SOURCES, GORELEASER_CONFIGS, SHIPCHECK_CONFIGS, WORKFLOWS } from './seeds';
import { seededRandom } from '../helpers/seeded-random';

export type Target = 'dockerfile' | 'gomod' | 'gosource' | 'workflow' | 'gitlab' | 'goreleaser' | 'shipcheck';

export interface FuzzCase {
	readonly seed: number;
	readonly index: number;
	readonly target: Target;
	readonly seedName: string;
	readonly mutations: readonly Mutation[];
	/** The mutated file. */
	readonly text: string;
	/** Whether the workspace also has an (unmutated) release workflow, which builds the Dockerfile. */
	readonly withCi: boolean;
}

/** Where each target's file lives in the in-memory workspace. */
const PATHS: Record<Target, string> = {
	dockerfile: '/w/Dockerfile',
	gomod: '/w/go.mod',
	gosource: '/w/main.go',
	workflow: '/w/.github/workflows/release.yml',
	gitlab: '/w/.gitlab-ci.yml',
	goreleaser: '/w/.goreleaser.yaml',
	shipcheck: '/w/.shipcheck.yaml',
};

const SEEDS: Record<Target, Readonly<Record<string, string>>> = {
	dockerfile: DOCKERFILES,
	gomod: GO_MODS,
	gosource: GO_SOURCES,
	workflow: { github: WORKFLOWS.github, 'github-release': WORKFLOWS['github-release'] },
	gitlab: { gitlab: WORKFLOWS.gitlab },
	goreleaser: GORELEASER_CONFIGS,
	shipcheck: SHIPCHECK_CONFIGS,
};

/** How often each file kind is the mutated one: the Dockerfile carries most of the engine. */
const TARGET_WEIGHTS: [Target, number][] = [
	['dockerfile', 42],
	['gomod', 12],
	['gosource', 10],
	['workflow', 12],
	['gitlab', 9],
	['goreleaser', 7],
	['shipcheck', 8],
];

function weighted<T>(random: () => number, items: readonly (readonly [T, number])[]): T {
	const total = items.reduce((sum, [, w]) => sum + w, 0);
	let roll = random() * total;
	for (const [item, weight] of items) {
		roll -= weight;
		if (roll < 0) return item;
	}
	return items[items.length - 1][0];
}

/** Case `index` of `seed`: which file, which realistic seed text, which one to three mutations. */
export function makeCase(seed: number, index: number): FuzzCase {
	const random = seededRandom(Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35));
	const target = weighted(random, TARGET_WEIGHTS);
	const names = Object.keys(SEEDS[target]);
	const seedName = names[Math.floor(random() * names.length)];
	let text = SEEDS[target][seedName];
	const mutations: Mutation[] = [];
	const count = 1 + Math.floor(random() * random() * 3);
	for (let i = 0; i < count; i++) {
		const mutation = weighted(random, MUTATIONS);
		mutations.push(mutation);
		text = mutate(random, mutation, text, target);
	}
	const withCi = (target === 'dockerfile' || target === 'gomod') && random() < 0.2;
	return { seed, index, target, seedName, mutations, text, withCi };
}

/**
 * The time a case may take: a base plus a per-kilobyte allowance, so the bound expects linear work. A 100 KB
 * line gets seconds; a quadratic blow-up (10 KB taking seconds) fails it even on a loaded machine.
 */
export interface TimeBound {
	readonly baseMs: number;
	readonly perKbMs: number;
}

export function timeBoundFor(bound: TimeBound, length: number): number {
	return bound.baseMs + (bound.perKbMs * length) / 1000;
}

export interface CaseResult {
	readonly ms: number;
	readonly findings: number;
	/** Empty when the case passed. */
	readonly problems: readonly string[];
}

/**
 * Runs one case. Exceptions propagate (the caller records them with the stack); broken invariants and a
 * time over the bound come back as problems.
 */
export function runCase(parsers: Parsers, fuzzCase: FuzzCase, bound: TimeBound): CaseResult {
	const started = performance.now();
	const problems: string[] = [];
	const path = PATHS[fuzzCase.target];
	if (fuzzCase.target === 'workflow' || fuzzCase.target === 'gitlab' || fuzzCase.target === 'goreleaser' || fuzzCase.target === 'shipcheck') {
		checkYaml(parsers, fuzzCase.text, problems);
		const parsed = parseConfigText(parsers, fuzzCase.text);
		if (!Array.isArray(parsed.errors) || parsed.errors.some((e) => typeof e !== 'string')) problems.push('parseConfigText: errors is not a list of strings');
	}
	const files: Record<string, string> = {
		[PATHS.dockerfile]: DOCKERFILES['cgo-alpine-broken'],
		[PATHS.gomod]: GO_MODS.simple,
		[PATHS.gosource]: GO_SOURCES['net-http'],
	};
	// A workflow that builds binaries and the Dockerfile (buildx, GoReleaser), next to a mutated Dockerfile or go.mod.
	if (fuzzCase.withCi) files[PATHS.workflow] = WORKFLOWS['github-release']!;
	files[path] = fuzzCase.text;
	const fs = memoryFileSystem(files);
	const config = mergeConfigs(DEFAULT_CONFIG, loadConfigFile(fs, parsers, findConfigFile(fs, PATHS.dockerfile)).config);
	// The mutated file is the document being checked, as in the editor; a Go source or .shipcheck.yaml is read
	// while a Dockerfile is checked.
	const entry = fuzzCase.target === 'shipcheck' || fuzzCase.target === 'gosource' ? PATHS.dockerfile : path;
	const result = analyze({ fs, parsers, config, entryFiles: entryFilesFor(fs, entry) });
	for (const failure of result.failures) problems.push(`rule ${failure.ruleId} threw: ${failure.error instanceof Error ? (failure.error.stack ?? failure.error.message) : String(failure.error)}`);
	const inBounds = (file: string, span: { start: number; end: number }, what: string) => {
		const text = files[file];
		if (text === undefined) problems.push(`${what}: unknown file ${file}`);
		else if (!(Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= text.length)) problems.push(`${what}: span ${span.start}-${span.end} outside ${file} (${text.length})`);
	};
	for (const f of result.findings) {
		if (typeof f.message !== 'string' || f.message === '') problems.push(`${f.ruleId}: empty message`);
		inBounds(f.file, f.span, `${f.ruleId} finding`);
		for (const r of f.related) inBounds(r.file, r.span, `${f.ruleId} related`);
		for (const fix of f.fixes) for (const e of fix.edits) inBounds(e.file, e.span, `${f.ruleId} fix "${fix.title}"`);
	}
	JSON.stringify(result.findings); // what travels in Diagnostic.data must serialise
	const ms = performance.now() - started;
	const limit = timeBoundFor(bound, fuzzCase.text.length);
	if (ms > limit) problems.push(`took ${ms.toFixed(0)} ms (bound ${limit.toFixed(0)} ms) for ${fuzzCase.text.length} characters`);
	return { ms, findings: result.findings.length, problems };
}

/** parseYaml must give spans inside the text for every value, error and comment. */
function checkYaml(parsers: Parsers, text: string, problems: string[]): void {
	const document = parseYaml(parsers, text);
	const bad = (span: { start: number; end: number }) => !(span.start >= 0 && span.start <= span.end && span.end <= text.length);
	for (const e of document.errors) if (bad(e.span)) problems.push(`yaml error span ${e.span.start}-${e.span.end} outside the text`);
	for (const c of document.comments) if (bad(c.span)) problems.push(`yaml comment span ${c.span.start}-${c.span.end} outside the text`);
	// Iteratively: aliases can make the value a DAG, so visit each node once.
	const seen = new Set<YamlValue>();
	const stack: YamlValue[] = document.value ? [document.value] : [];
	while (stack.length > 0) {
		const value = stack.pop()!;
		if (seen.has(value)) continue;
		seen.add(value);
		if (bad(value.span)) problems.push(`yaml ${value.kind} span ${value.span.start}-${value.span.end} outside the text`);
		if (value.kind === 'map') for (const e of value.entries) stack.push(e.key, ...(e.value ? [e.value] : []));
		else if (value.kind === 'seq') stack.push(...value.items);
		else if (typeof value.value !== 'string') problems.push('yaml scalar without a string value');
	}
}

/** A short, printable description of a case for failure reports. */
export function describeCase(fuzzCase: FuzzCase): string {
	const preview = JSON.stringify(fuzzCase.text.length > 300 ? `${fuzzCase.text.slice(0, 300)}…` : fuzzCase.text);
	return `seed ${fuzzCase.seed} case ${fuzzCase.index}: ${fuzzCase.target} "${fuzzCase.seedName}" + [${fuzzCase.mutations.join(', ')}], ${fuzzCase.text.length} chars: ${preview}`;
}
