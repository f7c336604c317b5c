import type { Span } from '../span';
import { nodeText, type ShellNode } from './flat-tree';
import type { OffsetMap } from './offset-map';
import type { ExpansionKind, QuoteKind, ShellWord, WordPart } from './types';
import { MAX_SUBSTITUTED_CHARS } from '../expansion-limit';

/**
 * Turns tree-sitter-bash argument nodes into `ShellWord`s: quote removal ('…', "…", $'…', escapes,
 * concatenation), parameter expansion where the value is known, and a per-character map back to the
 * document. Never throws on odd trees: anything it does not model becomes a dynamic part.
 */

/** What a variable lookup can tell. `set-unknown`: the variable exists but its value is not known. */
export type Lookup =
	| { readonly kind: 'value'; readonly value: string }
	| { readonly kind: 'set-unknown' }
	| { readonly kind: 'unset' }
	| { readonly kind: 'unknown' };

/** A local range whose characters are dynamic whatever the parser makes of them. */
export interface OpaqueRange {
	readonly start: number;
	readonly end: number;
	readonly kind: ExpansionKind;
	readonly variable?: string | undefined;
}

export interface EvalContext {
	/** The text tree-sitter parsed (same-length rewrite of `originalText`). */
	readonly parseText: string;
	/** The text of this level before the rewrite (unresolved expansions are copied from it). */
	readonly originalText: string;
	readonly map: OffsetMap;
	/** Sorted, non-overlapping: GitHub `${{ … }}` and, in `sh -c` scripts, what the outer shell left unresolved. */
	readonly opaque: readonly OpaqueRange[];
	/** The document text of a span (for `ShellWord.raw`). */
	rawOf(span: Span): string;
	lookup(name: string): Lookup;
	/** Called for `$(…)`, `` `…` ``, `<(…)` so the walker can record the commands inside. */
	onSubstitution(node: ShellNode): void;
	/** Characters of known values all words of the script may still substitute (shared by every level). */
	readonly budget: ExpansionBudget;
}

/**
 * Substituting known values is bounded, so that a script costs time and memory in proportion to its text:
 * `A=$A$A` repeated doubles a value per command (40 times: terabytes, found by test/fuzz), and thousands of
 * `$A` of a long value multiply it. Past a bound the expansion stays unresolved (a dynamic part), as if the
 * value were not known. Real values (GOFLAGS, -ldflags, PATH) are a few kilobytes at most.
 */
export interface ExpansionBudget {
	remaining: number;
}

/** Known values substituted into one word, at most (see parse/expansion-limit.ts). */
export const MAX_WORD_EXPANSION = MAX_SUBSTITUTED_CHARS;
/** Known values substituted into all the words of one script (its nested `sh -c` scripts included), at most. */
export const MAX_SCRIPT_EXPANSION = 256 * 1024;

export function expansionBudget(): ExpansionBudget {
	return { remaining: MAX_SCRIPT_EXPANSION };
}

const IFS_WHITESPACE = new Set([' ', '\t', '\n']);
const SPECIAL_PARAMETERS = /^([@*#?$!\-_]|[0-9]+)$/;

class WordBuilder {
	/** The word's text so far (one UTF-16 unit per entry of `starts` and `ends`). */
	text = '';
	readonly starts: number[] = [];
	readonly ends: number[] = [];
	readonly parts: WordPart[] = [];
	/** Text indices of IFS whitespace produced by unquoted resolved expansions: field-splitting points. */
	readonly splitPoints: number[] = [];
	dynamic = false;
	glob = false;
	splittable = false;
	/** Saw quotes or literal characters (so an empty expansion still leaves one, possibly empty, word). */
	solid = false;
	/** Characters of known values substituted so far (see MAX_WORD_EXPANSION). */
	private substituted = 0;
	/** The open run of literal characters: its quoting (undefined: none open) and where it starts in `text`. */
	private literalQuoted: QuoteKind | undefined;
	private literalStart = 0;

	constructor(readonly ctx: EvalContext) {}

	char(ch: string, localStart: number, localEnd: number, quoted: QuoteKind): void {
		if (this.literalQuoted !== quoted) {
			this.closeLiteral();
			this.literalQuoted = quoted;
			this.literalStart = this.text.length;
		}
		this.solid = true;
		this.text += ch;
		this.starts.push(this.ctx.map.start(localStart));
		this.ends.push(this.ctx.map.end(localEnd));
	}

	/** Source characters `localFrom`…`localTo` as they are, one text character each (what `char` does for each). */
	chars(localFrom: number, localTo: number, quoted: QuoteKind): void {
		if (this.literalQuoted !== quoted) {
			this.closeLiteral();
			this.literalQuoted = quoted;
			this.literalStart = this.text.length;
		}
		this.solid = true;
		this.text += this.ctx.parseText.slice(localFrom, localTo);
		const map = this.ctx.map;
		for (let i = localFrom; i < localTo; i++) {
			this.starts.push(map.start(i));
			this.ends.push(map.end(i + 1));
		}
	}

	closeLiteral(): void {
		const quoted = this.literalQuoted;
		this.literalQuoted = undefined;
		const end = this.text.length;
		if (quoted === undefined || end === this.literalStart) return;
		this.parts.push({
			kind: 'literal',
			textStart: this.literalStart,
			textEnd: end,
			span: { start: this.starts[this.literalStart], end: this.ends[end - 1] },
			quoted,
		});
	}

	/** An expansion whose value is known: its characters all map to the `$…` text. */
	resolved(value: string, localStart: number, localEnd: number, quoted: QuoteKind, kind: ExpansionKind, variable: string | undefined, split: boolean): void {
		if (value.length > 0 && (this.substituted + value.length > MAX_WORD_EXPANSION || value.length > this.ctx.budget.remaining)) {
			this.unresolved(localStart, localEnd, quoted, kind, variable);
			return;
		}
		this.substituted += value.length;
		this.ctx.budget.remaining -= value.length;
		this.closeLiteral();
		const span = { start: this.ctx.map.start(localStart), end: this.ctx.map.end(localEnd) };
		const textStart = this.text.length;
		const splitting = split && quoted === 'none';
		for (let k = 0; k < value.length; k++) {
			if (splitting && IFS_WHITESPACE.has(value[k])) this.splitPoints.push(textStart + k);
			this.starts.push(span.start);
			this.ends.push(span.end);
		}
		this.text += value;
		if (quoted !== 'none') this.solid = true;
		this.parts.push({ kind: 'expansion', textStart, textEnd: this.text.length, span, quoted, expansion: kind, ...(variable ? { variable } : {}), resolved: true });
	}

	/** An expansion we cannot resolve: its original text goes into `text`, each character mapped to its place. */
	unresolved(localStart: number, localEnd: number, quoted: QuoteKind, kind: ExpansionKind, variable: string | undefined): void {
		this.closeLiteral();
		const textStart = this.text.length;
		for (let i = localStart; i < localEnd; i++) {
			this.starts.push(this.ctx.map.start(i));
			this.ends.push(this.ctx.map.end(i + 1));
		}
		// The same length as the parsed text, so the range is always there.
		this.text += this.ctx.originalText.slice(localStart, localEnd);
		this.dynamic = true;
		if (quoted === 'none' && kind !== 'tilde' && kind !== 'ci-expression') this.splittable = true;
		if (quoted !== 'none') this.solid = true;
		const span = { start: this.ctx.map.start(localStart), end: this.ctx.map.end(localEnd) };
		this.parts.push({ kind: 'expansion', textStart, textEnd: this.text.length, span, quoted, expansion: kind, ...(variable ? { variable } : {}), resolved: false });
	}
}

/** Evaluates adjacent argument nodes that form one shell word. `split`: apply field splitting. */
export function evalWord(ctx: EvalContext, nodes: readonly ShellNode[], split: boolean): ShellWord[] {
	if (nodes.length === 0) return [];
	const b = new WordBuilder(ctx);
	const from = nodes[0].startIndex;
	const to = nodes[nodes.length - 1].endIndex;
	const first = nodes[0];
	if (first.type === 'word' && ctx.parseText[first.startIndex] === '~' && !opaqueAt(ctx, first.startIndex)) {
		const rest = tilde(b, first);
		if (rest > first.startIndex) {
			literal(b, rest, first.endIndex, 'none');
			evalRange(b, nodes.slice(1), first.endIndex, to, 'none');
		} else {
			evalRange(b, nodes, from, to, 'none');
		}
	} else {
		evalRange(b, nodes, from, to, 'none');
	}
	b.closeLiteral();
	const localSpan = { start: ctx.map.start(from), end: ctx.map.end(to) };
	if (!split || (b.splitPoints.length === 0 && (b.solid || b.text.length > 0))) return [finish(b, localSpan, 0, b.text.length)];
	return splitFields(b, localSpan);
}

/** An empty static word at a local position (the value of `A=`). */
export function emptyWord(ctx: EvalContext, local: number): ShellWord {
	const at = ctx.map.start(local);
	return { span: { start: at, end: at }, raw: '', value: '', dynamic: false, text: '', charStarts: [], charEnds: [], parts: [], glob: false, splittable: false };
}

function finish(b: WordBuilder, span: Span, from: number, to: number): ShellWord {
	// The whole word (the usual case) takes the builder's text, maps and parts as they are, without copies.
	const whole = from === 0 && to === b.text.length;
	const parts = whole ? b.parts : partsWithin(b.parts, from, to, b.text.length);
	const dynamic = parts.some((p) => p.kind === 'expansion' && !p.resolved);
	const text = whole ? b.text : b.text.slice(from, to);
	const wordSpan = whole ? span : { start: b.starts[from], end: b.ends[to - 1] };
	return {
		span: wordSpan,
		raw: b.ctx.rawOf(wordSpan),
		value: dynamic ? undefined : text,
		dynamic,
		text,
		charStarts: whole ? b.starts : b.starts.slice(from, to),
		charEnds: whole ? b.ends : b.ends.slice(from, to),
		parts,
		glob: b.glob,
		splittable: b.splittable,
	};
}

/** The parts over text [from, to), cut to fit and renumbered from `from`; `length`: the builder's text length. */
function partsWithin(all: readonly WordPart[], from: number, to: number, length: number): WordPart[] {
	const parts: WordPart[] = [];
	// Parts are in text order: start at the first that can reach `from` and stop after `to`, so that splitting a
	// word of thousands of expansions into thousands of fields stays linear.
	for (let i = firstPartFrom(all, from); i < all.length; i++) {
		const p = all[i];
		if (p.textStart > to) break;
		if (p.textEnd <= from && !(p.textStart === p.textEnd && p.textStart === from)) continue;
		if (p.textStart >= to && !(p.textStart === p.textEnd && p.textStart === to && to === length)) continue;
		parts.push({ ...p, textStart: Math.max(p.textStart, from) - from, textEnd: Math.min(p.textEnd, to) - from });
	}
	return parts;
}

/** The index of the first part that ends at or after `from` (parts are sorted, and do not overlap). */
function firstPartFrom(parts: readonly WordPart[], from: number): number {
	let low = 0;
	let high = parts.length;
	while (low < high) {
		const mid = (low + high) >>> 1;
		if (parts[mid].textEnd < from) low = mid + 1;
		else high = mid;
	}
	return low;
}

/** Field splitting of unquoted resolved expansions (`$FLAGS` with value `-s -w` gives two words). */
function splitFields(b: WordBuilder, span: Span): ShellWord[] {
	const cuts = new Set(b.splitPoints);
	const words: ShellWord[] = [];
	let fieldStart = 0;
	for (let i = 0; i <= b.text.length; i++) {
		if (i < b.text.length && !cuts.has(i)) continue;
		if (i > fieldStart) words.push(finish(b, span, fieldStart, i));
		fieldStart = i + 1;
	}
	// A word made only of an unquoted expansion that expanded to nothing disappears (POSIX 2.6.5).
	if (words.length === 0 && b.solid) words.push(finish(b, span, 0, 0));
	return words;
}

/**
 * The opaque range around `local`, by binary search: ranges are in text order and do not overlap, and `literal`
 * asks at every character (a folded YAML `run:` of 1,600 `${{ }}` expressions took 9 s with a linear scan,
 * found by test/fuzz).
 */
function opaqueAt(ctx: EvalContext, local: number): OpaqueRange | undefined {
	const ranges = ctx.opaque;
	let lo = 0;
	let hi = ranges.length - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		if (ranges[mid].start <= local) lo = mid + 1;
		else hi = mid - 1;
	}
	const last = hi >= 0 ? ranges[hi] : undefined;
	return last !== undefined && local < last.end ? last : undefined;
}

/** `~` / `~/x`: the home directory, resolved only from a known HOME. Returns where the rest starts. */
function tilde(b: WordBuilder, node: ShellNode): number {
	const text = b.ctx.parseText;
	let end = node.startIndex + 1;
	while (end < node.endIndex && /[A-Za-z0-9._-]/.test(text[end])) end++;
	if (end < node.endIndex && text[end] !== '/') return node.startIndex; // `~x:y`: not a tilde prefix
	const user = text.slice(node.startIndex + 1, end);
	const home = user === '' ? b.ctx.lookup('HOME') : undefined;
	if (home?.kind === 'value') b.resolved(home.value, node.startIndex, end, 'none', 'tilde', 'HOME', false);
	else b.unresolved(node.startIndex, end, 'none', 'tilde', user === '' ? 'HOME' : undefined);
	b.solid = true;
	return end;
}

/** Children inside [from, to) are evaluated; the text between them is literal in the `quoted` context. */
function evalRange(b: WordBuilder, children: readonly ShellNode[], from: number, to: number, quoted: QuoteKind): void {
	let pos = from;
	for (const child of children) {
		if (child.endIndex <= pos || child.startIndex >= to) continue;
		if (!child.isNamed || child.type === 'string_content' || child.type === 'heredoc_content') continue;
		if (child.startIndex > pos) {
			// `$"…"` (locale translation) comes as a `$` token before a string: the `$` is not literal.
			const translated = child.type === 'string' && quoted === 'none' && b.ctx.parseText[child.startIndex - 1] === '$';
			literal(b, pos, translated ? child.startIndex - 1 : child.startIndex, quoted);
		}
		evalNode(b, child, quoted);
		pos = Math.max(pos, child.endIndex);
	}
	if (pos < to) literal(b, pos, to, quoted);
}

function evalNode(b: WordBuilder, node: ShellNode, quoted: QuoteKind): void {
	const ctx = b.ctx;
	const opaque = opaqueAt(ctx, node.startIndex);
	if (opaque && node.endIndex <= opaque.end && node.type !== 'word' && node.type !== 'raw_string') {
		b.unresolved(node.startIndex, node.endIndex, quoted, opaque.kind, opaque.variable);
		return;
	}
	switch (node.type) {
		case 'raw_string': {
			b.solid = true;
			const end = node.endIndex - 1 > node.startIndex && ctx.parseText[node.endIndex - 1] === "'" ? node.endIndex - 1 : node.endIndex;
			literal(b, node.startIndex + 1, end, 'single');
			return;
		}
		case 'string':
		case 'translated_string': {
			b.solid = true;
			const children = node.children;
			const open = children[0] && !children[0].isNamed ? children[0].endIndex : node.startIndex + 1;
			const last = children[children.length - 1];
			const close = last && last !== children[0] && !last.isNamed && !last.isMissing && last.type === '"' ? last.startIndex : node.endIndex;
			evalRange(b, node.namedChildren, open, Math.max(open, close), 'double');
			return;
		}
		case 'ansi_c_string': {
			b.solid = true;
			const end = node.endIndex - 2 > node.startIndex && ctx.parseText[node.endIndex - 1] === "'" ? node.endIndex - 1 : node.endIndex;
			ansiC(b, node.startIndex + 2, end);
			return;
		}
		case 'heredoc_body':
			// An unquoted heredoc delimiter: expansions and escapes as inside double quotes.
			b.solid = true;
			evalRange(b, node.namedChildren, node.startIndex, node.endIndex, 'double');
			return;
		case 'concatenation':
		case 'variable_assignment':
			evalRange(b, node.children, node.startIndex, node.endIndex, quoted);
			return;
		case 'simple_expansion':
		case 'expansion':
			parameter(b, node, quoted);
			return;
		case 'command_substitution':
		case 'process_substitution':
			ctx.onSubstitution(node);
			b.unresolved(node.startIndex, node.endIndex, quoted, node.type === 'command_substitution' ? 'command' : 'process', undefined);
			return;
		case 'arithmetic_expansion':
			b.unresolved(node.startIndex, node.endIndex, quoted, 'arithmetic', undefined);
			return;
		default:
			if (node.namedChildren.length === 0 || node.type === 'word' || node.type === 'number') literal(b, node.startIndex, node.endIndex, quoted);
			else b.unresolved(node.startIndex, node.endIndex, quoted, 'other', undefined);
	}
}

/** Literal text in a quoting context: escapes per bash, `\⏎` dropped, globs noted when unquoted. */
function literal(b: WordBuilder, from: number, to: number, quoted: QuoteKind): void {
	if (b.ctx.opaque.length === 0) {
		literalRuns(b, from, to, quoted);
		return;
	}
	const text = b.ctx.parseText;
	for (let i = from; i < to; ) {
		const opaque = b.ctx.opaque.length > 0 ? opaqueAt(b.ctx, i) : undefined;
		if (opaque) {
			const end = Math.min(opaque.end, to);
			b.unresolved(i, end, quoted, opaque.kind, opaque.variable);
			i = end;
			continue;
		}
		const c = text[i];
		if (quoted === 'single') {
			b.char(c, i, i + 1, quoted);
			i++;
		} else if (c === '\\' && i + 1 < to) {
			i = escaped(b, i, quoted);
		} else {
			if (quoted === 'none' && (c === '*' || c === '?' || c === '[')) b.glob = true;
			b.char(c, i, i + 1, quoted);
			i++;
		}
	}
}

/**
 * `literal` without opaque ranges (every Dockerfile RUN): the characters between escapes go in as one run
 * instead of one call each. Same result, character for character.
 */
function literalRuns(b: WordBuilder, from: number, to: number, quoted: QuoteKind): void {
	const text = b.ctx.parseText;
	let i = from;
	while (i < to) {
		const backslash = quoted === 'single' ? -1 : text.indexOf('\\', i);
		const runEnd = backslash < 0 || backslash >= to ? to : backslash;
		if (runEnd > i) {
			if (quoted === 'none' && !b.glob && /[*?[]/.test(text.slice(i, runEnd))) b.glob = true;
			b.chars(i, runEnd, quoted);
			i = runEnd;
			continue;
		}
		// A backslash at i: the last character of the range is kept as it is.
		if (i + 1 >= to) {
			b.chars(i, i + 1, quoted);
			i++;
		} else {
			i = escaped(b, i, quoted);
		}
	}
}

/** The backslash at `i` (not the range's last character) outside single quotes; returns where the text goes on. */
function escaped(b: WordBuilder, i: number, quoted: QuoteKind): number {
	const next = b.ctx.parseText[i + 1];
	if (next === '\n') return i + 2; // line continuation
	if (quoted === 'double' && !'$`"\\'.includes(next)) {
		b.char('\\', i, i + 1, quoted);
		return i + 1;
	}
	b.char(next, i, i + 2, quoted);
	return i + 2;
}

const SIMPLE_ESCAPES: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' };

/** The body of `$'…'`: C-style escapes (bash manual, "ANSI-C Quoting"). */
function ansiC(b: WordBuilder, from: number, to: number): void {
	const text = b.ctx.parseText;
	for (let i = from; i < to; ) {
		const c = text[i];
		if (c !== '\\' || i + 1 >= to) {
			b.char(c, i, i + 1, 'ansi-c');
			i++;
			continue;
		}
		const e = text[i + 1];
		const simple = SIMPLE_ESCAPES[e];
		if (simple !== undefined) {
			b.char(simple, i, i + 2, 'ansi-c');
			i += 2;
			continue;
		}
		const numeric = readNumericEscape(text, i, to);
		if (numeric) {
			for (let k = 0; k < numeric.value.length; k++) b.char(numeric.value[k], i, numeric.end, 'ansi-c');
			i = numeric.end;
			continue;
		}
		if (e === 'c' && i + 2 < to) {
			b.char(String.fromCharCode(text.charCodeAt(i + 2) & 0x1f), i, i + 3, 'ansi-c');
			i += 3;
			continue;
		}
		b.char('\\', i, i + 1, 'ansi-c');
		i++;
	}
}

function readNumericEscape(text: string, i: number, to: number): { value: string; end: number } | undefined {
	const e = text[i + 1];
	const spec = /[0-7]/.test(e) ? { re: /[0-7]/, max: 3, base: 8, skip: 1 } : e === 'x' ? { re: /[0-9a-fA-F]/, max: 2, base: 16, skip: 2 } : e === 'u' ? { re: /[0-9a-fA-F]/, max: 4, base: 16, skip: 2 } : e === 'U' ? { re: /[0-9a-fA-F]/, max: 8, base: 16, skip: 2 } : undefined;
	if (!spec) return undefined;
	let j = i + spec.skip;
	const digitsStart = j;
	while (j < to && j - digitsStart < spec.max && spec.re.test(text[j])) j++;
	if (j === digitsStart) return undefined;
	const code = parseInt(text.slice(digitsStart, j), spec.base);
	const value = e === 'u' || e === 'U' ? (code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd') : String.fromCharCode(code & 0xff);
	return { value, end: j };
}

/** `$A`, `${A}`, `${A:-x}`, `${A+x}`, `${#A}`; anything else stays unresolved. */
function parameter(b: WordBuilder, node: ShellNode, quoted: QuoteKind): void {
	const ctx = b.ctx;
	if (node.type === 'simple_expansion') {
		const name = ctx.parseText.slice(node.startIndex + 1, node.endIndex);
		resolveSimple(b, node, quoted, name);
		return;
	}
	const children = node.children;
	const close = children[children.length - 1];
	const closeAt = close && close.type === '}' && !close.isMissing ? close.startIndex : node.endIndex;
	let i = 1; // after "${"
	let prefix: string | undefined;
	if (children[i] && !children[i].isNamed && (children[i].type === '#' || children[i].type === '!')) prefix = children[i++].type;
	const nameNode = children[i];
	if (!nameNode || (nameNode.type !== 'variable_name' && nameNode.type !== 'special_variable_name')) {
		b.unresolved(node.startIndex, node.endIndex, quoted, 'parameter', undefined);
		return;
	}
	const name = nodeText(nameNode, ctx.parseText);
	const operator = children[i + 1];
	if (prefix === '!' || (prefix === '#' && operator && operator !== close)) {
		b.unresolved(node.startIndex, node.endIndex, quoted, 'parameter', name);
		return;
	}
	if (prefix === '#') {
		const found = lookupParameter(ctx, name);
		if (found.kind === 'value') b.resolved(String([...found.value].length), node.startIndex, node.endIndex, quoted, 'parameter', name, true);
		else if (found.kind === 'unset') b.resolved('0', node.startIndex, node.endIndex, quoted, 'parameter', name, true);
		else b.unresolved(node.startIndex, node.endIndex, quoted, 'parameter', name);
		return;
	}
	if (!operator || operator === close) {
		resolveSimple(b, node, quoted, name);
		return;
	}
	const op = operator.type;
	if (![':-', '-', ':=', '=', ':+', '+', ':?', '?'].includes(op)) {
		b.unresolved(node.startIndex, node.endIndex, quoted, 'parameter', name);
		return;
	}
	const found = lookupParameter(ctx, name);
	const colon = op.startsWith(':');
	const alternative = op.endsWith('+');
	// `cond`: "set" (or "set and not null" with a colon); undefined when we cannot tell.
	let cond: boolean | undefined;
	if (found.kind === 'value') cond = colon ? found.value !== '' : true;
	else if (found.kind === 'unset') cond = false;
	else if (found.kind === 'set-unknown' && !colon) cond = true;
	if (cond === undefined) {
		b.unresolved(node.startIndex, node.endIndex, quoted, 'parameter', name);
		return;
	}
	const useWord = alternative ? cond : !cond;
	if (!useWord) {
		if (alternative) b.resolved('', node.startIndex, node.endIndex, quoted, 'parameter', name, true);
		else if (found.kind === 'value') b.resolved(found.value, node.startIndex, node.endIndex, quoted, 'parameter', name, true);
		else b.unresolved(node.startIndex, node.endIndex, quoted, 'parameter', name);
		return;
	}
	if (op.endsWith('?')) {
		b.unresolved(node.startIndex, node.endIndex, quoted, 'parameter', name); // the shell would fail here
		return;
	}
	const sub = new WordBuilder(ctx);
	evalRange(sub, children.slice(i + 2), operator.endIndex, Math.max(operator.endIndex, closeAt), quoted);
	if (sub.dynamic) b.unresolved(node.startIndex, node.endIndex, quoted, 'parameter', name);
	else b.resolved(sub.text, node.startIndex, node.endIndex, quoted, 'parameter', name, !sub.solid || quoted !== 'none');
}

function resolveSimple(b: WordBuilder, node: ShellNode, quoted: QuoteKind, name: string): void {
	const found = lookupParameter(b.ctx, name);
	if (found.kind === 'value') b.resolved(found.value, node.startIndex, node.endIndex, quoted, 'parameter', name, true);
	else if (found.kind === 'unset') b.resolved('', node.startIndex, node.endIndex, quoted, 'parameter', name, true);
	else b.unresolved(node.startIndex, node.endIndex, quoted, 'parameter', name || undefined);
}

function lookupParameter(ctx: EvalContext, name: string): Lookup {
	if (name === '' || SPECIAL_PARAMETERS.test(name)) return { kind: 'unknown' };
	return ctx.lookup(name);
}
