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
}

const MAX_INCLUDES = 50;

export function loadGitlabConfig(path: string, text: string, root: string, fs: FileSystemView, parsers: Parsers): GitlabConfig {
	const owners = new WeakMap<object, string>();
	const texts = new Map<string, string>([[path, text]]);
	const unresolved: { file: string; span: Span; description: string }[] = [];
	const load = (file: string, source: string): YamlMap | undefined => {
		const document = parseYamlCached(parsers, file, source);
		// Not parsed (time budget, nesting limit): nothing from it is known, noted like an include that is not read.
		if (document.unparsed) unresolved.push({ file, span: document.unparsed.span, description: document.unparsed.reason });
		const value = asMap(document.value);
		if (value) register(value, file, owners);
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
	// Later includes override earlier ones; the including file overrides them all.
	let merged: YamlMap | undefined;
	for (const map of [...included, ...(main ? [main] : [])]) merged = merged ? deepMerge(merged, map, owners) : map;
	const resolved = merged ? (resolveReferences(merged, merged, 0, owners) as YamlMap) : undefined;
	return {
		root: resolved,
		fileOf: (node) => owners.get(node) ?? path,
		textOf: (file) => texts.get(file) ?? '',
		unresolved,
		files: [...texts.keys()],
		extend: (job) => (resolved ? withExtends(job, resolved, owners, 0) : job),
	};
}

type Owners = WeakMap<object, string>;

/** A node made from `from` belongs to `from`'s file. */
function owned<T extends object>(node: T, from: object, owners: Owners): T {
	const file = owners.get(from);
	if (file !== undefined) owners.set(node, file);
	return node;
}

function register(value: YamlValue | undefined, file: string, owners: WeakMap<object, string>): void {
	if (!value) return;
	owners.set(value, file);
	if (value.kind === 'map') {
		for (const pair of value.entries) {
			owners.set(pair, file);
			owners.set(pair.key, file);
			register(pair.value, file, owners);
		}
	} else if (value.kind === 'seq') for (const item of value.items) register(item, file, owners);
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
function deepMerge(base: YamlMap, over: YamlMap, owners: Owners): YamlMap {
	const entries: YamlPair[] = [];
	const keys = new Set([...base.entries.map((e) => e.key.value), ...over.entries.map((e) => e.key.value)]);
	for (const key of keys) {
		const a = base.entries.find((e) => e.key.value === key);
		const b = over.entries.find((e) => e.key.value === key);
		if (a && b && a.value?.kind === 'map' && b.value?.kind === 'map') entries.push(owned({ key: b.key, value: deepMerge(a.value, b.value, owners), span: b.span }, b, owners));
		else entries.push((b ?? a)!);
	}
	return owned({ kind: 'map', entries, span: over.span }, over, owners);
}

/** A job with its `extends:` chain merged in (at most 11 levels, as GitLab allows). */
function withExtends(job: YamlMap, root: YamlMap, owners: Owners, depth: number): YamlMap {
	const parents = scalarList(get(job, 'extends')).map((s) => s.value);
	if (parents.length === 0 || depth > 10) return job;
	let base: YamlMap | undefined;
	for (const name of parents) {
		const parent = asMap(get(root, name));
		if (!parent) continue;
		const full = withExtends(parent, root, owners, depth + 1);
		base = base ? deepMerge(base, full, owners) : full;
	}
	return base ? deepMerge(base, job, owners) : job;
}

/** `!reference [.setup, script]` → the value at that path (lists of lines are spliced into script lists). */
function resolveReferences(value: YamlValue, root: YamlMap, depth: number, owners: Owners): YamlValue {
	if (depth > 40) return value;
	if (value.kind === 'seq' && value.tag === '!reference') return lookupReference(value, root, depth, owners) ?? value;
	if (value.kind === 'map') {
		const entries = value.entries.map((e) => (e.value ? owned({ ...e, value: resolveReferences(e.value, root, depth + 1, owners) }, e, owners) : e));
		return owned({ ...value, entries }, value, owners);
	}
	if (value.kind === 'seq') {
		const items: YamlValue[] = [];
		for (const item of value.items) {
			const resolved = resolveReferences(item, root, depth + 1, owners);
			if (item.kind === 'seq' && item.tag === '!reference' && resolved.kind === 'seq') items.push(...resolved.items);
			else items.push(resolved);
		}
		return owned({ ...value, items }, value, owners);
	}
	return value;
}

function lookupReference(reference: YamlSeq, root: YamlMap, depth: number, owners: Owners): YamlValue | undefined {
	let current: YamlValue | undefined = root;
	for (const key of reference.items) {
		if (key.kind !== 'scalar') return undefined;
		current = get(asMap(current), key.value);
	}
	return current ? resolveReferences(current, root, depth + 1, owners) : undefined;
}
