// Argument strings, following modfile rule.go parseString (which calls strconv.Unquote) and IsDirectoryPath.
import type { GoModToken, GoModValue } from './types';

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"' };

/** strconv.Unquote for a double-quoted Go string literal; undefined on invalid syntax. */
export function unquoteDouble(raw: string): string | undefined {
	if (raw.length < 2 || raw[0] !== '"' || raw[raw.length - 1] !== '"') return undefined;
	let out = '';
	const end = raw.length - 1;
	let i = 1;
	while (i < end) {
		const c = raw[i];
		if (c === '"' || c === '\n') return undefined;
		if (c !== '\\') {
			out += c;
			i++;
			continue;
		}
		const e = raw[i + 1];
		if (e === undefined || i + 1 >= end) return undefined;
		const simple = SIMPLE_ESCAPES[e];
		if (simple !== undefined) {
			out += simple;
			i += 2;
			continue;
		}
		const hexLen = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
		if (hexLen > 0) {
			const hex = raw.slice(i + 2, i + 2 + hexLen);
			if (hex.length !== hexLen || i + 2 + hexLen > end || !/^[0-9a-fA-F]+$/.test(hex)) return undefined;
			const v = parseInt(hex, 16);
			if (e !== 'x' && (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))) return undefined;
			out += String.fromCodePoint(v);
			i += 2 + hexLen;
			continue;
		}
		if (e >= '0' && e <= '7') {
			const oct = raw.slice(i + 1, i + 4);
			if (oct.length !== 3 || i + 4 > end || !/^[0-7]{3}$/.test(oct)) return undefined;
			const v = parseInt(oct, 8);
			if (v > 255) return undefined;
			out += String.fromCharCode(v);
			i += 4;
			continue;
		}
		return undefined;
	}
	return out;
}

/** modfile parseString: the value of an argument token, or the reason it is not a valid one. */
export function parseString(tok: GoModToken): { value: GoModValue } | { error: string } {
	const t = tok.text;
	if (t.startsWith('"')) {
		const v = unquoteDouble(t);
		if (v === undefined) return { error: 'invalid quoted string: invalid syntax' };
		return { value: { value: v, span: tok.span, quoted: true } };
	}
	if (t.includes("'") || t.includes('`') || t.includes('"')) {
		// modfile reserves the other quotes (including `raw` strings) and rejects them here.
		return { error: 'invalid quoted string: unquoted string cannot contain quote' };
	}
	return { value: { value: t, span: tok.span, quoted: false } };
}

/** modfile.IsDirectoryPath: `.`/`..`-relative, rooted, or a Windows drive path (any platform's syntax). */
export function isDirectoryPath(p: string): boolean {
	return (
		p === '.' ||
		p.startsWith('./') ||
		p.startsWith('.\\') ||
		p === '..' ||
		p.startsWith('../') ||
		p.startsWith('..\\') ||
		p.startsWith('/') ||
		p.startsWith('\\') ||
		(p.length >= 2 && /^[A-Za-z]:/.test(p))
	);
}
