import type { Node } from 'web-tree-sitter';
import type { Span } from './span';
import { isParseStopped, type Parsers } from './tree-sitter';

/**
 * YAML documents as plain values with spans, from tree-sitter-yaml. Only what configuration and CI files
 * use: mappings, sequences, scalars (plain, quoted, block), anchors/aliases and `<<` merge keys.
 */
export type YamlValue = YamlScalar | YamlMap | YamlSeq;

export interface YamlScalar {
	readonly kind: 'scalar';
	/** A tag written before the node (`!reference`), when there is one. */
	readonly tag?: string;
	/** The scalar's string value (quotes and escapes removed, block scalars dedented). */
	readonly value: string;
	/** The whole node, quotes included. */
	readonly span: Span;
	readonly style: 'plain' | 'single' | 'double' | 'block';
}

export interface YamlPair {
	readonly key: YamlScalar;
	readonly value: YamlValue | undefined;
	readonly span: Span;
}

export interface YamlMap {
	readonly kind: 'map';
	readonly tag?: string;
	readonly entries: readonly YamlPair[];
	readonly span: Span;
}

export interface YamlSeq {
	readonly kind: 'seq';
	/** GitLab's `!reference [.job, script]` keeps its tag so the reference can be resolved. */
	readonly tag?: string;
	readonly items: readonly YamlValue[];
	readonly span: Span;
}

export interface YamlDocument {
	readonly value: YamlValue | undefined;
	readonly errors: readonly { readonly span: Span; readonly message: string }[];
	readonly comments: readonly { readonly text: string; readonly span: Span }[];
	/**
	 * Set when the text was not parsed at all (its parse ran past its budget, or it nests too deeply):
	 * `value` is undefined and the file is not analysed. `reason` is for messages (`YAML parse stopped at its work limit`).
	 */
	/**
	 * `parseStopped`: tree-sitter was stopped by a parse budget, which a caller may set (tests use 0) or which
	 * may be the time backstop: a later parse of the same text may succeed, so it is not cached.
	 */
	readonly unparsed?: { readonly span: Span; readonly reason: string; readonly parseStopped?: boolean };
}

/** Nesting deeper than this is not converted (hostile input must not exhaust the stack). */
const MAX_DEPTH = 200;

/**
 * tree-sitter-yaml 0.7.1's scanner serialises its indentation stack (10 bytes, then 4 per level) into tree-sitter's
 * 1,024-byte buffer. Unfixed, it wrote past the buffer at 254 nested block levels and corrupted the runtime's
 * memory (yaml-scanner-patch.ts bounds it now, for every input: this estimate missed `key: - - - …` on one line,
 * found by test/fuzz). Bounded, a deeper stack is truncated and the tree of such a text would be wrong, so a text
 * whose estimated nesting (below) goes past this limit is not analysed, and the finding says why. The stack holds
 * at most a mapping, a sequence and a block scalar per indentation column, so within the limit it stays under
 * 3 × 80 + 1 levels.
 */
const MAX_BLOCK_NESTING = 80;

/**
 * Aliases share nodes, so the value is a DAG the size of the text; but anything that walks it as a tree (a
 * GitLab `!reference` resolution, a matrix comparison, a script list) does the work of the expanded tree, and
 * aliases of aliases ("billion laughs": 30 levels of 11 aliases each in 2 KB) expand to 11^30 nodes (found by
 * test/fuzz: a GitLab file ran for minutes). A document whose aliases expand to more than this many nodes, plus
 * ALIAS_NODES_PER_CHARACTER for each character of its text, is not analysed: the work stays proportional to the
 * file, and a big real pipeline (2,000 jobs, each `<<: *defaults`) stays within it.
 */
export const MAX_ALIAS_EXPANSION = 100_000;
const ALIAS_NODES_PER_CHARACTER = 10;

/** The number of alias-expanded nodes a document of `textLength` characters may have. */
export function aliasExpansionLimit(textLength: number): number {
	return MAX_ALIAS_EXPANSION + ALIAS_NODES_PER_CHARACTER * textLength;
}

export function parseYaml(parsers: Pick<Parsers, 'parseYaml'>, text: string): YamlDocument {
	const tooDeep = blockNestingOverLimit(text);
	if (tooDeep) return unparsed(tooDeep, `YAML nested more than ${MAX_BLOCK_NESTING} levels deep`);
	const tree = parsers.parseYaml(text);
	if (isParseStopped(tree)) return unparsed({ start: 0, end: text.length }, `YAML parse stopped at ${tree.limit}`, { parseStopped: true });
	try {
		const converter = new Converter(text);
		const root = tree.rootNode;
		const document = root.namedChildren.find((c) => c?.type === 'document') ?? undefined;
		const value = document ? converter.firstValue(document, 0) : undefined;
		if (converter.aliasOverflow) return unparsed(converter.aliasOverflow, `YAML aliases expand to more than ${aliasExpansionLimit(text.length)} nodes`);
		converter.collect(root, 0);
		return { value, errors: converter.errors, comments: converter.comments };
	} finally {
		tree.delete();
	}
}

function unparsed(span: Span, reason: string, how: { parseStopped?: boolean } = {}): YamlDocument {
	return { value: undefined, errors: [{ span, message: `${reason}: not parsed` }], comments: [], unparsed: { span, reason, ...how } };
}

class Converter {
	readonly errors: { span: Span; message: string }[] = [];
	readonly comments: { text: string; span: Span }[] = [];
	private readonly anchors = new Map<string, YamlValue | undefined>();
	/** The size of each collection as a tree (aliases expanded); scalars count 1. */
	private readonly sizes = new Map<YamlValue, number>();
	/** Nodes added by aliases so far (each use counts the expanded size of its target). */
	private aliasNodes = 0;
	/** The alias at which the expansion went over `aliasExpansionLimit`. */
	aliasOverflow: Span | undefined;

	private readonly aliasLimit: number;

	constructor(private readonly text: string) {
		this.aliasLimit = aliasExpansionLimit(text.length);
	}

	/**
	 * Records comments and syntax errors anywhere in the tree, with a cursor: iterative (the tree may be deep)
	 * and linear. `node.child(i)` walks the hidden nodes before child i on each call, which is quadratic on an
	 * error node over a long run (64,000 `{` took 70 s); the cursor makes a Node object only for a comment.
	 */
	collect(root: Node, _depth: number): void {
		const cursor = root.walk();
		try {
			for (;;) {
				const type = cursor.nodeType;
				const span = { start: cursor.startIndex, end: cursor.endIndex };
				if (type === 'comment') this.comments.push({ text: cursor.currentNode.text, span });
				else if (cursor.nodeIsMissing) this.errors.push({ span, message: `missing ${type}` });
				else if (type === 'ERROR') this.errors.push({ span, message: 'YAML syntax error' });
				if (cursor.gotoFirstChild()) continue;
				while (!cursor.gotoNextSibling()) if (!cursor.gotoParent()) return;
			}
		} finally {
			cursor.delete();
		}
	}

	firstValue(node: Node, depth: number): YamlValue | undefined {
		for (const child of node.namedChildren) {
			if (!child || child.type === 'comment') continue;
			const value = this.convert(child, depth + 1);
			if (value) return value;
		}
		return undefined;
	}

	convert(node: Node, depth: number): YamlValue | undefined {
		if (depth > MAX_DEPTH) return undefined;
		switch (node.type) {
			case 'block_node':
			case 'flow_node':
				return this.node(node, depth);
			case 'block_mapping':
			case 'flow_mapping':
				return this.mapping(node, depth);
			case 'block_sequence':
			case 'flow_sequence':
				return this.sequence(node, depth);
			case 'plain_scalar':
			case 'double_quote_scalar':
			case 'single_quote_scalar':
			case 'block_scalar':
				return this.scalar(node);
			case 'alias': {
				const target = this.anchors.get(node.text.slice(1));
				if (target) this.aliasNodes += this.sizeOf(target);
				if (this.aliasNodes > this.aliasLimit) this.aliasOverflow ??= spanOf(node);
				return target;
			}
			default:
				return undefined;
		}
	}

	/** A block/flow node may carry an anchor (`&name`) or a tag before its content. */
	private node(node: Node, depth: number): YamlValue | undefined {
		let anchor: string | undefined;
		let tag: string | undefined;
		let value: YamlValue | undefined;
		for (const child of node.namedChildren) {
			if (!child) continue;
			if (child.type === 'anchor') anchor = child.text.slice(1);
			else if (child.type === 'tag') tag = child.text;
			else if (child.type !== 'comment') value ??= this.convert(child, depth + 1);
		}
		if (tag !== undefined && value) value = this.sized({ ...value, tag }, this.sizeOf(value));
		if (anchor !== undefined) this.anchors.set(anchor, value);
		return value;
	}

	private mapping(node: Node, depth: number): YamlMap {
		const entries: YamlPair[] = [];
		for (const pair of node.namedChildren) {
			if (!pair || (pair.type !== 'block_mapping_pair' && pair.type !== 'flow_pair')) continue;
			const keyNode = pair.childForFieldName('key');
			const valueNode = pair.childForFieldName('value');
			const key = keyNode ? this.convert(keyNode, depth + 1) : undefined;
			const value = valueNode ? this.convert(valueNode, depth + 1) : undefined;
			if (key?.kind === 'scalar' && key.value === '<<' && keyNode?.type !== 'double_quote_scalar') {
				entries.push(...mergeEntries(value));
				continue;
			}
			if (key?.kind !== 'scalar') continue;
			entries.push({ key, value, span: spanOf(pair) });
		}
		const deduped = dedupeKeys(entries);
		return this.sized({ kind: 'map', entries: deduped, span: spanOf(node) }, deduped.reduce((n, e) => n + 1 + (e.value ? this.sizeOf(e.value) : 0), 1));
	}

	private sequence(node: Node, depth: number): YamlSeq {
		const items: YamlValue[] = [];
		for (const child of node.namedChildren) {
			if (!child || child.type === 'comment') continue;
			const target = child.type === 'block_sequence_item' ? child.namedChildren.find((c) => c && c.type !== 'comment') : child;
			const value = target ? this.convert(target, depth + 1) : undefined;
			if (value) items.push(value);
		}
		return this.sized({ kind: 'seq', items, span: spanOf(node) }, items.reduce((n, item) => n + this.sizeOf(item), 1));
	}

	private sizeOf(value: YamlValue): number {
		return this.sizes.get(value) ?? 1;
	}

	private sized<T extends YamlValue>(value: T, size: number): T {
		if (size > 1) this.sizes.set(value, size);
		return value;
	}

	private scalar(node: Node): YamlScalar {
		const raw = this.text.slice(node.startIndex, node.endIndex);
		switch (node.type) {
			case 'double_quote_scalar':
				return { kind: 'scalar', value: unescapeDouble(raw.slice(1, -1)), span: spanOf(node), style: 'double' };
			case 'single_quote_scalar':
				return { kind: 'scalar', value: raw.slice(1, -1).replace(/''/g, "'"), span: spanOf(node), style: 'single' };
			case 'block_scalar':
				return { kind: 'scalar', value: blockScalarValue(raw), span: spanOf(node), style: 'block' };
			default:
				return { kind: 'scalar', value: foldPlain(raw), span: spanOf(node), style: 'plain' };
		}
	}
}

/** Later keys win over earlier ones (and over merged ones), as YAML loaders do. */
function dedupeKeys(entries: YamlPair[]): YamlPair[] {
	const last = new Map<string, number>();
	entries.forEach((e, i) => last.set(e.key.value, i));
	return entries.filter((e, i) => last.get(e.key.value) === i);
}

function mergeEntries(value: YamlValue | undefined): YamlPair[] {
	if (value?.kind === 'map') return [...value.entries];
	if (value?.kind === 'seq') return value.items.flatMap((v) => (v.kind === 'map' ? v.entries : []));
	return [];
}

function spanOf(node: Node): Span {
	return { start: node.startIndex, end: node.endIndex };
}

/** Multi-line plain scalars fold line breaks into spaces. */
function foldPlain(raw: string): string {
	return raw.includes('\n') ? raw.split(/\r?\n/).map((l) => l.trim()).join(' ') : raw;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', '"': '"', '\\': '\\', '/': '/', ' ': ' ', e: '\x1b', a: '\x07', b: '\b', f: '\f', v: '\v' };

function unescapeDouble(body: string): string {
	return body
		.replace(/\\\r?\n\s*/g, '')
		.replace(/\r?\n\s*/g, ' ')
		.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_, e: string) => {
			if (e.length > 1) return String.fromCodePoint(Number.parseInt(e.slice(1), 16));
			return ESCAPES[e] ?? e;
		});
}

/** `|` keeps line breaks, `>` folds them; the indentation of the first content line is removed. */
function blockScalarValue(raw: string): string {
	const newline = raw.indexOf('\n');
	if (newline < 0) return '';
	const header = raw.slice(0, newline);
	const lines = raw.slice(newline + 1).split(/\r?\n/);
	const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length));
	const body = lines.map((l) => l.slice(Number.isFinite(indent) ? indent : 0));
	const text = header.startsWith('>') ? body.join('\n').replace(/([^\n])\n(?=[^\n ])/g, '$1 ') : body.join('\n');
	return header.includes('-') ? text.replace(/\n+$/, '') : text.replace(/\n*$/, '\n');
}

/**
 * Over-estimates the nesting of block collections: a stack of the columns where lines (and compact `- `, `? `,
 * `: `, anchors and tags within a line) start nodes, popped on dedent. Block-scalar and flow lines count too,
 * which only over-counts. Returns the span of the first line that goes deeper than the limit.
 */
function blockNestingOverLimit(text: string): Span | undefined {
	const stack: number[] = [];
	let lineStart = 0;
	while (lineStart <= text.length) {
		let lineEnd = lineStart;
		while (lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
		let i = lineStart;
		while (i < lineEnd && text[i] === ' ') i++;
		if (i < lineEnd && text[i] !== '#') {
			const indent = i - lineStart;
			while (stack.length > 0 && stack[stack.length - 1] > indent) stack.pop();
			if (stack.length === 0 || stack[stack.length - 1] < indent) stack.push(indent);
			for (;;) {
				const c = text[i];
				const indicator = (c === '-' || c === '?' || c === ':') && (i + 1 >= lineEnd || text[i + 1] === ' ' || text[i + 1] === '\t');
				if (indicator) i++;
				else if (c === '&' || c === '!') while (i < lineEnd && text[i] !== ' ' && text[i] !== '\t') i++;
				else break;
				while (i < lineEnd && (text[i] === ' ' || text[i] === '\t')) i++;
				if (i >= lineEnd) break;
				const column = i - lineStart;
				if (stack[stack.length - 1] < column) stack.push(column);
			}
			if (stack.length > MAX_BLOCK_NESTING) return { start: lineStart, end: lineEnd };
		}
		lineStart = lineEnd + (text[lineEnd] === '\r' && text[lineEnd + 1] === '\n' ? 2 : 1);
	}
	return undefined;
}
