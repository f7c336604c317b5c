/**
 * Dockerfile variable substitution (`$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR:+alt}`, `${VAR-d}`, `${VAR+a}`),
 * as BuildKit's shell lexer does it for FROM, ENV, ARG, COPY, WORKDIR… (not for RUN, where the shell expands).
 * A reference to a variable that is declared without a value, or not declared, makes the result unknown,
 * except where a modifier decides without the value.
 */
import { MAX_SUBSTITUTED_CHARS } from '../parse/expansion-limit';

export interface Expansion {
	/** The expanded text, or undefined when some part depends on a value we do not know. */
	readonly value: string | undefined;
	/** Names whose values were needed but unknown. */
	readonly unknown: readonly string[];
}

/** name → value; `undefined` means declared but unknown, a missing key means not declared (expands to ""). */
export type VarLookup = (name: string) => { value: string | undefined } | undefined;

/**
 * `${A:-${B:-…}}` nested deeper than this is left unknown: each level recurses and rescans the rest of the text,
 * so thousands of levels (hostile input, found by test/fuzz) would exhaust the stack. Real files nest 2 or 3.
 */
const MAX_NESTING = 32;

/** Variable values substituted into one word beyond this many characters make the word unknown (`ENV A=$A$A`). */
export const MAX_EXPANDED_LENGTH = MAX_SUBSTITUTED_CHARS;

export function expandDockerVars(text: string, lookup: VarLookup, escapeChar = '\\'): Expansion {
	return expand(text, lookup, escapeChar, 0);
}

function expand(text: string, lookup: VarLookup, escapeChar: string, depth: number): Expansion {
	let out = '';
	const unknown: string[] = [];
	let known = true;
	let substituted = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (c === escapeChar && text[i + 1] === '$') {
			out += '$';
			i++;
			continue;
		}
		if (c !== '$') {
			out += c;
			continue;
		}
		const ref = readReference(text, i);
		if (!ref) {
			out += c;
			continue;
		}
		i = ref.end - 1;
		const resolved = resolve(ref, lookup, escapeChar, depth);
		if (resolved.value === undefined) {
			known = false;
			unknown.push(...resolved.unknown);
		} else if (substituted + resolved.value.length > MAX_EXPANDED_LENGTH) {
			// Too long to keep: unknown, like a value we cannot know (the model then treats the word as dynamic).
			known = false;
			unknown.push(ref.name);
		} else if (known) {
			substituted += resolved.value.length;
			out += resolved.value;
		}
	}
	return { value: known ? out : undefined, unknown };
}

interface Reference {
	readonly name: string;
	/** `-`, `+`, `:-`, `:+`, or undefined for a plain reference. */
	readonly modifier: string | undefined;
	readonly word: string;
	readonly end: number;
}

function readReference(text: string, dollar: number): Reference | undefined {
	if (text[dollar + 1] === '{') {
		const close = findClosingBrace(text, dollar + 2);
		if (close < 0) return undefined;
		const inner = text.slice(dollar + 2, close);
		const match = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([\s\S]*))?$/.exec(inner);
		if (!match) return undefined;
		return { name: match[1], modifier: match[2], word: match[3] ?? '', end: close + 1 };
	}
	const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(dollar + 1));
	if (!match) return undefined;
	return { name: match[0], modifier: undefined, word: '', end: dollar + 1 + match[0].length };
}

function findClosingBrace(text: string, from: number): number {
	let depth = 1;
	for (let i = from; i < text.length; i++) {
		if (text[i] === '{') depth++;
		else if (text[i] === '}' && --depth === 0) return i;
	}
	return -1;
}

function resolve(ref: Reference, lookup: VarLookup, escapeChar: string, depth: number): Expansion {
	const entry = lookup(ref.name);
	const declared = entry !== undefined;
	const value = entry?.value;
	const word = (): Expansion => (depth >= MAX_NESTING ? { value: undefined, unknown: [] } : expand(ref.word, lookup, escapeChar, depth + 1));
	switch (ref.modifier) {
		case undefined:
			if (!declared) return { value: '', unknown: [] };
			return value === undefined ? { value: undefined, unknown: [ref.name] } : { value, unknown: [] };
		case ':-':
		case '-': {
			if (value !== undefined && (ref.modifier === '-' || value !== '')) return { value, unknown: [] };
			if (!declared) return word();
			// Declared without a known value: the default applies only if it turns out to be unset/empty.
			return value === undefined ? { value: undefined, unknown: [ref.name] } : word();
		}
		case ':+':
		case '+': {
			if (!declared) return { value: '', unknown: [] };
			if (value === undefined) return { value: undefined, unknown: [ref.name] };
			return ref.modifier === ':+' && value === '' ? { value: '', unknown: [] } : word();
		}
		default:
			return { value: undefined, unknown: [ref.name] };
	}
}
