/**
 * `cmd/internal/quoted.Split`, with positions: fields are separated by spaces, tabs, CR or LF; a field that
 * starts with `'` or `"` runs to the matching quote with no escapes inside, and the next field starts right
 * after it. cmd/go uses it for -ldflags/-gcflags values, old-style `-tags 'a b'`, and GOFLAGS; cmd/link for
 * -extldflags.
 */

export interface QuotedField {
	/** The field without its quotes. */
	readonly value: string;
	/** Range of the whole field in the input (quotes included), end exclusive. */
	readonly start: number;
	readonly end: number;
	/** Range of `value` in the input. */
	readonly contentStart: number;
	readonly contentEnd: number;
	readonly quoted: boolean;
}

export interface SplitResult {
	readonly fields: readonly QuotedField[];
	/** cmd/go's error text (`unterminated ' string`); the unterminated rest is still returned as a field. */
	readonly error: { readonly message: string; readonly at: number } | undefined;
}

const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/** Splits `s.slice(from, to)`; positions are indices into `s`. */
export function splitQuotedFields(s: string, from = 0, to = s.length): SplitResult {
	const fields: QuotedField[] = [];
	let i = from;
	while (i < to) {
		while (i < to && isSpace(s[i])) i++;
		if (i >= to) break;
		const c = s[i];
		if (c === '"' || c === "'") {
			let j = i + 1;
			while (j < to && s[j] !== c) j++;
			if (j >= to) {
				fields.push({ value: s.slice(i + 1, to), start: i, end: to, contentStart: i + 1, contentEnd: to, quoted: true });
				return { fields, error: { message: `unterminated ${c} string`, at: i } };
			}
			fields.push({ value: s.slice(i + 1, j), start: i, end: j + 1, contentStart: i + 1, contentEnd: j, quoted: true });
			i = j + 1;
			continue;
		}
		let j = i;
		while (j < to && !isSpace(s[j])) j++;
		fields.push({ value: s.slice(i, j), start: i, end: j, contentStart: i, contentEnd: j, quoted: false });
		i = j;
	}
	return { fields, error: undefined };
}

/** Go's `strconv.ParseBool`. */
export function parseGoBool(value: string): boolean | undefined {
	if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value)) return true;
	if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value)) return false;
	return undefined;
}
