// Line-oriented lexer following golang.org/x/mod/modfile read.go (readToken, isIdent):
// spaces are ' ', '\t' and '\r'; `//` starts a comment that runs to the end of the line;
// `( ) [ ] { } ,` are one-character tokens; "..." (with backslash escapes) and `...` are strings;
// every other printable, non-space rune belongs to an identifier, which also stops in front of `//`.
// No token spans a line break (modfile rejects a newline in a string), so the file is lexed line by line.
// Unlike modfile, which stops at the first error, this lexer reports and carries on.
import type { ErrorSink } from './errors';
import type { GoModComment, GoModToken } from './types';

/** One physical line and its tokens. */
export interface PhysLine {
	/** Offset of the line's first character. */
	readonly start: number;
	/** Offset of the line break (or the end of the text): the line's content is [start, end). */
	readonly end: number;
	/** Offset of the next line's first character. */
	readonly next: number;
	readonly tokens: GoModToken[];
	readonly comment?: GoModComment;
	/** An error was reported on this line. */
	readonly bad: boolean;
}

/** A run of ASCII identifier characters: 0x21-0x7e except `( ) [ ] { } ,`, and `/` unless it starts `//` or `/*`. */
const IDENT_ASCII = /(?:[!-'*+\-.0-Z\\^-z|~]|\/(?![/*]))+/y;

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

/** Answers for the Basic Multilingual Plane, filled on demand: 0 unknown, 1 identifier rune, 2 not. */
const bmpIdent = new Uint8Array(0x10000);

/** modfile isIdent for a code point: printable (Go's unicode.IsPrint), not a space, not `()[]{},`. */
function isIdentCodePoint(cp: number): boolean {
	if (cp < 0x80) {
		return cp > 0x20 && cp < 0x7f && !isPunct(cp);
	}
	if (cp < 0x10000) {
		let known = bmpIdent[cp];
		if (known === 0) {
			known = PRINTABLE.test(String.fromCharCode(cp)) ? 1 : 2;
			bmpIdent[cp] = known;
		}
		return known === 1;
	}
	return PRINTABLE.test(String.fromCodePoint(cp));
}

function isPunct(c: number): boolean {
	// ( ) [ ] { } ,
	return c === 0x28 || c === 0x29 || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d || c === 0x2c;
}

/** Go's %q of a rune, used by modfile's "unexpected input character" message. */
export function quoteRune(cp: number): string {
	const special: Record<number, string> = { 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r', 0x27: "\\'", 0x5c: '\\\\' };
	if (special[cp] !== undefined) return `'${special[cp]}'`;
	if (cp < 0x20 || cp === 0x7f) return `'\\x${cp.toString(16).padStart(2, '0')}'`;
	if (cp < 0x80 || (cp >= 0xa0 && cp <= 0x10ffff && PRINTABLE.test(String.fromCodePoint(cp)))) return `'${String.fromCodePoint(cp)}'`;
	if (cp < 0x10000) return `'\\u${cp.toString(16).padStart(4, '0')}'`;
	return `'\\U${cp.toString(16).padStart(8, '0')}'`;
}

/** Splits text into physical lines and lexes each one. */
export function lexLines(text: string, errors: ErrorSink): PhysLine[] {
	const lines: PhysLine[] = [];
	let start = 0;
	const n = text.length;
	while (start < n) {
		let end = text.indexOf('\n', start);
		const next = end < 0 ? n : end + 1;
		if (end < 0) end = n;
		lines.push(lexLine(text, start, end, errors));
		start = next;
	}
	return lines;
}

function lexLine(text: string, start: number, end: number, errors: ErrorSink): PhysLine {
	const tokens: GoModToken[] = [];
	let comment: GoModComment | undefined;
	let bad = false;
	let sawCode = false;
	// A '\r' right before '\n' is part of the line break, not of the last token or comment.
	const contentEnd = end < text.length && end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
	let i = start;
	scan: while (i < end) {
		const c = text.charCodeAt(i);
		if (c === 0x20 || c === 0x09 || c === 0x0d) {
			i++;
			continue;
		}
		if (c === 0x2f /* / */ && i + 1 < end) {
			const d = text.charCodeAt(i + 1);
			if (d === 0x2f) {
				comment = { text: text.slice(i, contentEnd), span: { start: i, end: contentEnd }, suffix: sawCode };
				break;
			}
			if (d === 0x2a) {
				errors.add('syntax', 'mod files must use // comments (not /* */ comments)', { start: i, end: i + 2 });
				bad = true;
				break;
			}
		}
		sawCode = true;
		if (isPunct(c)) {
			tokens.push({ text: text[i], span: { start: i, end: i + 1 }, quoted: false });
			i++;
			continue;
		}
		if (c === 0x22 || c === 0x60) {
			const close = scanString(text, i, end, c);
			if (close < 0) {
				const message = end < text.length ? 'unexpected newline in string' : 'unexpected EOF in string';
				errors.add('syntax', message, { start: i, end: Math.max(contentEnd, i + 1) });
				tokens.push({ text: text.slice(i, contentEnd), span: { start: i, end: contentEnd }, quoted: true });
				bad = true;
				break;
			}
			tokens.push({ text: text.slice(i, close), span: { start: i, end: close }, quoted: true });
			i = close;
			continue;
		}
		// Identifier: a regex takes the common all-ASCII run in one step; the loop handles the rest.
		IDENT_ASCII.lastIndex = i;
		let j = IDENT_ASCII.test(text) ? IDENT_ASCII.lastIndex : i;
		while (j < end) {
			const e = text.charCodeAt(j);
			if (e === 0x2f && j + 1 < end) {
				const f = text.charCodeAt(j + 1);
				if (f === 0x2f) break;
				if (f === 0x2a) {
					if (j > i) tokens.push({ text: text.slice(i, j), span: { start: i, end: j }, quoted: false });
					errors.add('syntax', 'mod files must use // comments (not /* */ comments)', { start: j, end: j + 2 });
					bad = true;
					break scan;
				}
			}
			if (e < 0x80) {
				if (e <= 0x20 || e >= 0x7f || isPunct(e)) break;
				j++;
				continue;
			}
			const cp = text.codePointAt(j)!;
			if (!isIdentCodePoint(cp)) break;
			j += cp > 0xffff ? 2 : 1;
		}
		if (j > i) {
			tokens.push({ text: text.slice(i, j), span: { start: i, end: j }, quoted: false });
			i = j;
			continue;
		}
		// Not space, not punctuation, not an identifier rune.
		const cp = text.codePointAt(i)!;
		const width = cp > 0xffff ? 2 : 1;
		if (!errors.full) errors.add('syntax', `unexpected input character ${quoteRune(cp)}`, { start: i, end: i + width });
		// The go command rejects a byte order mark too, but it hides nothing else on the line: keep interpreting it.
		if (i === 0 && cp === 0xfeff) sawCode = false;
		else bad = true;
		i += width;
	}
	const next = end < text.length ? end + 1 : end;
	return comment ? { start, end, next, tokens, comment, bad } : { start, end, next, tokens, bad };
}

/** Returns the offset just past the closing quote, or -1 when the string does not end on this line. */
function scanString(text: string, open: number, end: number, quote: number): number {
	let j = open + 1;
	while (j < end) {
		const c = text.charCodeAt(j);
		if (c === quote) return j + 1;
		if (c === 0x5c /* \ */ && quote === 0x22) {
			j += 2;
			continue;
		}
		j++;
	}
	return -1;
}
