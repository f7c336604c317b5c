import { parseYamlCached } from './yaml-cache';
import type { Span } from '../../parse/span';
import { type YamlMap, type YamlPair, type YamlSeq, type YamlValue } from '../../parse/yaml';
import type { Parsers } from '../../parse/tree-sitter';
import type { FileSystemView } from '../file-system';
import { joinPath, normalizePath } from '../paths';
import { globToRegExp } from './glob';
import { asMap, get, getString, scalarList } from './yaml-util';

/**
 * `.gitlab-ci.yml` with its local `include:` files merged (the including file wins, maps merge deeply),
 * `extends:` resolved (GitLab's reverse deep merge: the job's own keys win, arrays are replaced) and
 * `!reference [.job, key]` tags replaced by what they point to. Every node remembers its file, because a
 * job can come from an included file while its pipeline is `.gitlab-ci.yml`.
 */
export interface GitlabConfig {
	readonly root: YamlMap | undefined;
	/** The file a node (or mapping pair) was read from; the main file for synthesized nodes. */
	fileOf(node: YamlValue | YamlPair): string;
	textOf(file: string): string;
	/** Includes that were not read (remote, project, template, component, missing local files). */
	readonly unresolved: readonly { readonly file: string; readonly span: Span; readonly description: string }[];
	readonly files: readonly string[];
	/** A job with its `extends:` chain merged in. */
	extend(job: YamlMap): YamlMap;
	/**
	 * Set once resolving `!reference` tags or `extends:` chains made more than MAX_RESOLVED_NODES nodes: the
	 * file is then not analysed (`root` is undefined; `extend` returns jobs as written). Read after the last
	 * `extend`.
	 */
	readonly overflow: { readonly file: string; readonly span: Span; readonly description: string } | undefined;
}

const MAX_INCLUDES = 50;

/**
 * `!reference` and `extends:` copy what they point to, so a file can ask for far more than it holds:
 * `.l1: [!reference [.l0], !reference [.l0], …]` ten times per level is 10^n script lines after n levels, and
 * `extends: [.p, .p, …]` (10 levels allowed) as many merges. Resolutions are remembered per node, unchanged
 * subtrees are shared rather than copied, and the nodes made in all (merged pairs, spliced items) are
 * counted: past MAX_RESOLVED_NODES, plus RESOLVED_NODES_PER_INPUT_NODE for each node read from the files, the
 * file is not analysed. The second term keeps big real pipelines (thousands of jobs, each merged with its
 * templates) in; a small file cannot grow past the first.
 */
export const MAX_RESOLVED_NODES = 100_000;
export const RESOLVED_NODES_PER_INPUT_NODE = 10;

/** Thrown when the resolution of one file has made MAX_RESOLVED_NODES nodes (caught in this module). */
class ResolutionLimit extends Error {}

/** The nodes a file's resolution may still make, and where it went over. */
interface Budget {
	readonly limit: number;
	nodes: number;
	overflow: { file: string; span: Span; description: string } | undefined;
}

function spend(budget: Budget, nodes: number, at: YamlValue, owners: Owners): void {
	budget.nodes -= nodes;
	if (budget.nodes >= 0) return;
	budget.overflow ??= { file: owners.get(at) ?? '', span: at.span, description: `\`extends:\` and \`!reference\` expand to more than ${budget.limit} nodes` };
	throw new ResolutionLimit();
}

export function loadGitlabConfig(path: string, text: string, root: string, fs: FileSystemView, parsers: Parsers): GitlabConfig {
	const owners = new WeakMap<object, string>();
	let inputNodes = 0;
	const texts = new Map<string, string>([[path, text]]);
	const unresolved: { file: string; span: Span; description: string }[] = [];
	const load = (file: string, source: string): YamlMap | undefined => {
		const document = parseYamlCached(parsers, file, source);
		// Not parsed (parse budget, nesting limit): nothing from it is known, noted like an include that is not read.
		if (document.unparsed) unresolved.push({ file, span: document.unparsed.span, description: document.unparsed.reason });
		const value = asMap(document.value);
		if (value) inputNodes += register(value, file, owners);
		return value;
	};
	const main = load(path, text);
	const included: YamlMap[] = [];
	const queue: { map: YamlMap | undefined; file: string }[] = [{ map: main, file: path }];
	const seen = new Set([path]);
	while (queue.length > 0 && seen.size < MAX_INCLUDES) {
		const { map, file } = queue.shift()!;
		for (const item of includeItems(get(map, 'include'))) {
			const local = item.local;
			if (local === undefined) {
				unresolved.push({ file, span: item.span, description: `the include ${item.description} is not read (only local includes are)` });
				continue;
			}
			for (const target of expandLocal(local, root, fs)) {
				if (seen.has(target)) continue;
				seen.add(target);
				const source = fs.readFile(target);
				if (source === undefined) {
					unresolved.push({ file, span: item.span, description: `the included file "${local}" is not in the workspace` });
					continue;
				}
				texts.set(target, source);
				const loaded = load(target, source);
				if (loaded) {
					included.push(loaded);
					queue.push({ map: loaded, file: target });
				}
			}
		}
	}
	const limit = MAX_RESOLVED_NODES + RESOLVED_NODES_PER_INPUT_NODE * inputNodes;
	const budget: Budget = { limit, nodes: limit, overflow: undefined };
	const resolver = { owners, budget, references: new Map<YamlValue, YamlValue>(), extended: new Map<YamlMap, YamlMap>() };
	let resolved: YamlMap | undefined;
	try {
		// Later includes override earlier ones; the including file overrides them all.
		let merged: YamlMap | undefined;
		for (const map of [...included, ...(main ? [main] : [])]) merged = merged ? deepMerge(merged, map, resolver) : map;
		resolved = merged ? (resolveReferences(merged, merged, 0, resolver) as YamlMap) : undefined;
	} catch (error) {
		if (!(error instanceof ResolutionLimit)) throw error;
	}
	const extend = (job: YamlMap): YamlMap => {
		if (!resolved || budget.overflow) return job;
		try {
			return withExtends(job, resolved, resolver, 0);
		} catch (error) {
			if (!(error instanceof ResolutionLimit)) throw error;
			return job;
		}
	};
	return {
		root: budget.overflow ? undefined : resolved,
		fileOf: (node) => owners.get(node) ?? path,
		textOf: (file) => texts.get(file) ?? '',
		unresolved,
		files: [...texts.keys()],
		extend,
		get overflow() {
			return budget.overflow;
		},
	};
}

type Owners = WeakMap<object, string>;

/** What resolving one file's `extends:` and `!reference` shares: owners, the budget, resolutions made. */
interface Resolver {
	readonly owners: Owners;
	readonly budget: Budget;
	/** A node → the node with its `!reference` tags resolved (itself when it has none). */
	readonly references: Map<YamlValue, YamlValue>;
	/** A job or template → it with its `extends:` chain merged in. */
	readonly extended: Map<YamlMap, YamlMap>;
}

/** A node made from `from` belongs to `from`'s file. */
function owned<T extends object>(node: T, from: object, owners: Owners): T {
	const file = owners.get(from);
	if (file !== undefined) owners.set(node, file);
	return node;
}

/** Records the file of every node of `value`; returns how many nodes were new. */
function register(value: YamlValue | undefined, file: string, owners: WeakMap<object, string>): number {
	// Aliases make the value a DAG: each node once (a tree walk of "billion laughs" aliases never ends).
	if (!value || owners.has(value)) return 0;
	owners.set(value, file);
	let count = 1;
	if (value.kind === 'map') {
		for (const pair of value.entries) {
			owners.set(pair, file);
			owners.set(pair.key, file);
			count += 1 + register(pair.value, file, owners);
		}
	} else if (value.kind === 'seq') for (const item of value.items) count += register(item, file, owners);
	return count;
}

interface IncludeItem {
	readonly local: string | undefined;
	readonly span: Span;
	readonly description: string;
}

/** `include: path`, `include: [path, {local: …}, {remote: …}, {project: …, file: …}, {template: …}, {component: …}]`. */
function includeItems(value: YamlValue | undefined): IncludeItem[] {
	const items = value?.kind === 'seq' ? value.items : value ? [value] : [];
	return items.flatMap((item): IncludeItem[] => {
		if (item.kind === 'scalar') {
			const remote = /^https?:\/\//.test(item.value);
			return [{ local: remote ? undefined : item.value, span: item.span, description: `"${item.value}"` }];
		}
		if (item.kind !== 'map') return [];
		const local = getString(item, 'local');
		const kind = ['remote', 'project', 'template', 'component'].find((k) => get(item, k) !== undefined);
		return [{ local: kind ? undefined : local, span: item.span, description: kind ? `${kind} "${getString(item, kind) ?? ''}"` : `"${local ?? ''}"` }];
	});
}

/** Local include paths are relative to the project root; `*` and `**` globs are allowed. */
function expandLocal(pattern: string, root: string, fs: FileSystemView): string[] {
	const path = normalizePath(joinPath(root, pattern.replace(/^\/+/, '')));
	if (!/[*?]/.test(path)) return [path];
	const out: string[] = [];
	const regex = globToRegExp(path, { globstar: true });
	const walk = (dir: string, depth: number) => {
		if (depth > 6) return;
		for (const entry of fs.listDir(dir)) {
			const full = joinPath(dir, entry);
			if (entry.endsWith('/')) walk(full, depth + 1);
			else if (regex.test(full)) out.push(full);
		}
	};
	walk(path.slice(0, path.search(/\/[^/]*[*?]/)) || root, 0);
	return out.sort();
}

/** GitLab merges hashes key by key; any other value of `over` replaces `base`'s. */
function deepMerge(base: YamlMap, over: YamlMap, resolver: Resolver): YamlMap {
	const { owners } = resolver;
	spend(resolver.budget, base.entries.length + over.entries.length + 1, over, owners);
	const overByKey = new Map(over.entries.map((e) => [e.key.value, e]));
	const entries: YamlPair[] = [];
	for (const a of base.entries) {
		const b = overByKey.get(a.key.value);
		if (b && a.value?.kind === 'map' && b.value?.kind === 'map') entries.push(owned({ key: b.key, value: deepMerge(a.value, b.value, resolver), span: b.span }, b, owners));
		else entries.push(b ?? a);
		overByKey.delete(a.key.value);
	}
	entries.push(...overByKey.values());
	return owned({ kind: 'map', entries, span: over.span }, over, owners);
}

/** A job with its `extends:` chain merged in (at most 11 levels, as GitLab allows); remembered per job. */
function withExtends(job: YamlMap, root: YamlMap, resolver: Resolver, depth: number): YamlMap {
	const known = resolver.extended.get(job);
	if (known) return known;
	const parents = scalarList(get(job, 'extends')).map((s) => s.value);
	if (parents.length === 0 || depth > 10) return job;
	let base: YamlMap | undefined;
	for (const name of parents) {
		const parent = asMap(get(root, name));
		if (!parent) continue;
		const full = withExtends(parent, root, resolver, depth + 1);
		base = base ? deepMerge(base, full, resolver) : full;
	}
	const result = base ? deepMerge(base, job, resolver) : job;
	resolver.extended.set(job, result);
	return result;
}

/**
 * `!reference [.setup, script]` → the value at that path (lists of lines are spliced into script lists).
 * A node without references is returned as it is; each node is resolved once.
 */
function resolveReferences(value: YamlValue, root: YamlMap, depth: number, resolver: Resolver): YamlValue {
	if (depth > 40 || value.kind === 'scalar') return value;
	const known = resolver.references.get(value);
	if (known) return known;
	const resolved = resolveNode(value, root, depth, resolver);
	resolver.references.set(value, resolved);
	return resolved;
}

function resolveNode(value: YamlMap | YamlSeq, root: YamlMap, depth: number, resolver: Resolver): YamlValue {
	const { owners, budget } = resolver;
	if (value.kind === 'seq' && value.tag === '!reference') return lookupReference(value, root, depth, resolver) ?? value;
	if (value.kind === 'map') {
		let changed = false;
		const entries = value.entries.map((e) => {
			const resolved = e.value ? resolveReferences(e.value, root, depth + 1, resolver) : e.value;
			if (resolved === e.value) return e;
			changed = true;
			return owned({ ...e, value: resolved }, e, owners);
		});
		if (!changed) return value;
		spend(budget, entries.length + 1, value, owners);
		return owned({ ...value, entries }, value, owners);
	}
	let changed = false;
	const items: YamlValue[] = [];
	for (const item of value.items) {
		const resolved = resolveReferences(item, root, depth + 1, resolver);
		if (resolved !== item) changed = true;
		if (item.kind === 'seq' && item.tag === '!reference' && resolved.kind === 'seq') {
			spend(budget, resolved.items.length, item, owners);
			for (const spliced of resolved.items) items.push(spliced);
		} else {
			items.push(resolved);
		}
	}
	if (!changed) return value;
	spend(budget, items.length + 1, value, owners);
	return owned({ ...value, items }, value, owners);
}

function lookupReference(reference: YamlSeq, root: YamlMap, depth: number, resolver: Resolver): YamlValue | undefined {
	let current: YamlValue | undefined = root;
	for (const key of reference.items) {
		if (key.kind !== 'scalar') return undefined;
		current = get(asMap(current), key.value);
	}
	return current ? resolveReferences(current, root, depth + 1, resolver) : undefined;
}
