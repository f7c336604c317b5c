import type { Span } from '../span';
import { wordSubSpan } from './offset-map';
import type { ShellAssignment, ShellWord, WordPart } from './types';

/** `text.slice(start, end)` of a word as a word of its own, with spans, parts and raw text cut to fit. */
export function sliceWord(word: ShellWord, start: number, end: number): ShellWord {
	const n = word.text.length;
	const s = Math.max(0, Math.min(start, n));
	const e = Math.max(s, Math.min(end, n));
	const span = wordSubSpan(word, s, e);
	const parts: WordPart[] = [];
	let dynamic = false;
	for (const p of word.parts) {
		const overlaps = p.textStart < e && p.textEnd > s;
		const emptyInside = p.textStart === p.textEnd && p.textStart >= s && p.textStart <= e && s !== e;
		if (!overlaps && !emptyInside) continue;
		parts.push({ ...p, textStart: Math.max(p.textStart, s) - s, textEnd: Math.min(p.textEnd, e) - s });
		if (p.kind === 'expansion' && !p.resolved) dynamic = true;
	}
	const text = word.text.slice(s, e);
	const rawStart = span.start - word.span.start;
	const inside = rawStart >= 0 && span.end <= word.span.end;
	return {
		span,
		raw: inside ? word.raw.slice(rawStart, rawStart + (span.end - span.start)) : text,
		value: dynamic ? undefined : text,
		dynamic,
		text,
		charStarts: word.charStarts.slice(s, e),
		charEnds: word.charEnds.slice(s, e),
		parts,
		glob: word.glob && /[*?[]/.test(text),
		splittable: word.splittable && parts.some((p) => p.kind === 'expansion' && !p.resolved && p.quoted === 'none'),
	};
}

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=/;

/** Reads `NAME=value` out of a plain word (as `env` and `sudo` take them). Undefined when it is not one. */
export function assignmentFromWord(word: ShellWord): ShellAssignment | undefined {
	const m = ASSIGNMENT.exec(word.text);
	if (!m || m[1] === undefined) return undefined;
	// The name must be literal: `$X=1` is not an assignment.
	const nameEnd = m[1].length;
	if (word.parts.some((p) => p.kind === 'expansion' && p.textStart < m[0].length)) return undefined;
	return {
		name: m[1],
		nameSpan: wordSubSpan(word, 0, nameEnd),
		span: word.span,
		value: sliceWord(word, m[0].length, word.text.length),
		append: m[2] === '+',
	};
}

/** The last path element: `/usr/local/go/bin/go` → `go`. */
export function commandBasename(name: string): string {
	const slash = name.lastIndexOf('/');
	return slash >= 0 ? name.slice(slash + 1) : name;
}

/** Joins and normalises POSIX paths; `dir` relative to `base`. */
export function resolvePath(base: string | undefined, dir: string): string | undefined {
	const joined = dir.startsWith('/') ? dir : base === undefined ? undefined : `${base}/${dir}`;
	if (joined === undefined) return undefined;
	const out: string[] = [];
	for (const part of joined.split('/')) {
		if (part === '' || part === '.') continue;
		if (part === '..') out.pop();
		else out.push(part);
	}
	return `/${out.join('/')}`;
}

export function spanUnion(a: Span, b: Span): Span {
	return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

/** Words joined with single spaces (what `eval a b` evaluates); a space maps to the end of the word before it. */
export function joinWords(words: readonly ShellWord[]): ShellWord | undefined {
	const first = words[0];
	const last = words[words.length - 1];
	if (!first || !last) return undefined;
	let text = '';
	const charStarts: number[] = [];
	const charEnds: number[] = [];
	const parts: WordPart[] = [];
	words.forEach((w, i) => {
		if (i > 0) {
			text += ' ';
			const at = words[i - 1].span.end;
			charStarts.push(at);
			charEnds.push(at);
		}
		const offset = text.length;
		for (const p of w.parts) parts.push({ ...p, textStart: p.textStart + offset, textEnd: p.textEnd + offset });
		text += w.text;
		charStarts.push(...w.charStarts);
		charEnds.push(...w.charEnds);
	});
	const dynamic = words.some((w) => w.dynamic);
	const span = { start: first.span.start, end: last.span.end };
	return {
		span,
		raw: words.map((w) => w.raw).join(' '),
		value: dynamic ? undefined : text,
		dynamic,
		text,
		charStarts,
		charEnds,
		parts,
		glob: words.some((w) => w.glob),
		splittable: words.some((w) => w.splittable),
	};
}
