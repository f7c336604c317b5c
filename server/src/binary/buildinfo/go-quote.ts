// Go string literal quoting (strconv.Quote / strconv.Unquote) for the
// build-setting values in module info (runtime/debug/mod.go quotes a value
// that contains space, tab, CR, LF, '"' or '`').

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { a: "\x07", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v", "\\": "\\", "'": "'", '"': '"' };

/** strconv.Unquote for "..." and `...` literals; returns null when malformed. */
export function goUnquote(s: string): string | null {
	if (s.length < 2) {
		return null;
	}
	const q = s[0];
	if (q !== s[s.length - 1]) {
		return null;
	}
	const body = s.slice(1, -1);
	if (q === "`") {
		return body.includes("`") ? null : body.replace(/\r/g, "");
	}
	if (q !== '"') {
		return null;
	}
	const bytes: number[] = [];
	const enc = new TextEncoder();
	for (let i = 0; i < body.length; ) {
		const c = body[i];
		if (c === '"' || c === "\n") {
			return null;
		}
		if (c !== "\\") {
			const cp = body.codePointAt(i) ?? 0;
			const ch = String.fromCodePoint(cp);
			bytes.push(...enc.encode(ch));
			i += ch.length;
			continue;
		}
		const r = unescapeAt(body, i + 1);
		if (!r) {
			return null;
		}
		bytes.push(...r.bytes);
		i = r.next;
	}
	return new TextDecoder().decode(new Uint8Array(bytes));
}

function unescapeAt(s: string, i: number): { bytes: number[]; next: number } | null {
	const e = s[i];
	if (e === undefined) {
		return null;
	}
	if (e in SIMPLE_ESCAPES && e !== "'") {
		return { bytes: [SIMPLE_ESCAPES[e].charCodeAt(0)], next: i + 1 };
	}
	const hexLen = e === "x" ? 2 : e === "u" ? 4 : e === "U" ? 8 : 0;
	if (hexLen) {
		const h = s.slice(i + 1, i + 1 + hexLen);
		if (!/^[0-9a-fA-F]+$/.test(h) || h.length !== hexLen) {
			return null;
		}
		const v = parseInt(h, 16);
		if (e === "x") {
			return { bytes: [v], next: i + 1 + hexLen };
		}
		if (v > 0x10ffff || (v >= 0xd800 && v < 0xe000)) {
			return null;
		}
		return { bytes: Array.from(new TextEncoder().encode(String.fromCodePoint(v))), next: i + 1 + hexLen };
	}
	if (e >= "0" && e <= "7") {
		const o = s.slice(i, i + 3);
		if (!/^[0-7]{3}$/.test(o) || parseInt(o, 8) > 255) {
			return null;
		}
		return { bytes: [parseInt(o, 8)], next: i + 3 };
	}
	return null;
}

/** strconv.Quote (ASCII control characters and invalid runes escaped). */
export function goQuote(s: string): string {
	let out = '"';
	for (const ch of s) {
		const cp = ch.codePointAt(0) ?? 0;
		if (ch === '"' || ch === "\\") {
			out += "\\" + ch;
		} else if (cp === 7) out += "\\a";
		else if (cp === 8) out += "\\b";
		else if (cp === 12) out += "\\f";
		else if (cp === 10) out += "\\n";
		else if (cp === 13) out += "\\r";
		else if (cp === 9) out += "\\t";
		else if (cp === 11) out += "\\v";
		else if (cp < 0x20 || cp === 0x7f) out += "\\x" + cp.toString(16).padStart(2, "0");
		else out += ch;
	}
	return out + '"';
}

/** runtime/debug quoteKey: a key needs quoting when empty or containing = space tab CR LF " or `. */
export function needsQuoteKey(key: string): boolean {
	return key.length === 0 || /[= \t\r\n"`]/.test(key);
}

/** runtime/debug quoteValue: a value needs quoting when containing space tab CR LF " or `. */
export function needsQuoteValue(value: string): boolean {
	return /[ \t\r\n"`]/.test(value);
}
