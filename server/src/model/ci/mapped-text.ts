import type { Span } from '../../parse/span';

/**
 * Text assembled from pieces of a document, with the document range of every character. CI files hand the
 * shell text that does not exist verbatim anywhere: a `run: |` block without its indentation, a script with
 * `${{ matrix.goarch }}` substituted, a Makefile recipe with `$(GOFLAGS)` expanded, a `go build` line put
 * together from a GoReleaser config. Parsing that text and mapping its spans back through `starts`/`ends`
 * keeps every finding on the exact characters the user wrote.
 */
export interface MappedText {
	readonly text: string;
	/** Document offset where character `i` starts. */
	readonly starts: readonly number[];
	/** Document offset where character `i` ends (exclusive). */
	readonly ends: readonly number[];
	/** Document offset for the end of the text (where an empty span at `text.length` lands). */
	readonly endOffset: number;
}

export class MappedTextBuilder {
	private text = '';
	private readonly starts: number[] = [];
	private readonly ends: number[] = [];
	private lastEnd: number;

	constructor(fallback: number) {
		this.lastEnd = fallback;
	}

	get length(): number {
		return this.text.length;
	}

	/** Characters copied verbatim from the document at `[from, to)`. */
	copy(document: string, from: number, to: number): this {
		for (let i = from; i < to; i++) {
			this.text += document[i];
			this.starts.push(i);
			this.ends.push(i + 1);
		}
		if (to > from) this.lastEnd = to;
		return this;
	}

	/** Characters that stand for the document range `span` as a whole (a substituted value, a synthetic word). */
	replace(value: string, span: Span): this {
		for (let i = 0; i < value.length; i++) {
			this.text += value[i];
			this.starts.push(span.start);
			this.ends.push(span.end);
		}
		this.lastEnd = span.end;
		return this;
	}

	/**
	 * A value written in the document at `span`: when the document text there is exactly the value, each
	 * character maps to itself; otherwise (quotes, escapes, folding) every character maps to the whole span.
	 */
	value(document: string, value: string, span: Span): this {
		if (document.slice(span.start, span.end) === value) return this.copy(document, span.start, span.end);
		const inner = innerRange(document, value, span);
		if (inner) return this.copy(document, inner.start, inner.end);
		return this.replace(value, span);
	}

	/** Characters `[from, to)` of another mapped text, keeping their document ranges. */
	copyMapped(source: MappedText, from: number, to: number): this {
		for (let i = from; i < to; i++) {
			this.text += source.text[i];
			this.starts.push(source.starts[i]);
			this.ends.push(source.ends[i]);
		}
		if (to > from) this.lastEnd = source.ends[to - 1]!;
		return this;
	}

	/** Text with no place of its own (separators): mapped to the end of the previous piece. */
	glue(value: string): this {
		return this.replace(value, { start: this.lastEnd, end: this.lastEnd });
	}

	build(): MappedText {
		return { text: this.text, starts: this.starts, ends: this.ends, endOffset: this.lastEnd };
	}
}

/** `"value"` or `'value'` written without escapes: the value's own characters inside the quotes. */
function innerRange(document: string, value: string, span: Span): Span | undefined {
	const raw = document.slice(span.start, span.end);
	if (raw.length === value.length + 2 && (raw[0] === '"' || raw[0] === "'") && raw.endsWith(raw[0]) && raw.slice(1, -1) === value) {
		return { start: span.start + 1, end: span.end - 1 };
	}
	return undefined;
}

/** The document span of `text.slice(start, end)`. */
export function mapRange(mapped: MappedText, start: number, end: number): Span {
	const n = mapped.text.length;
	if (n === 0) return { start: mapped.endOffset, end: mapped.endOffset };
	const s = start < n ? mapped.starts[Math.max(0, start)] : mapped.ends[n - 1];
	if (end <= start) return { start: s, end: s };
	const e = end <= n ? mapped.ends[end - 1] : mapped.ends[n - 1];
	return { start: s, end: Math.max(s, e) };
}

/** Maps a local offset (a start position) to the document. */
export function mapStart(mapped: MappedText, i: number): number {
	const n = mapped.text.length;
	if (n === 0) return mapped.endOffset;
	if (i < 0) return mapped.starts[0];
	return i < n ? mapped.starts[i] : mapped.ends[n - 1];
}

/** Maps a local end offset (exclusive) to the document. */
export function mapEnd(mapped: MappedText, j: number): number {
	const n = mapped.text.length;
	if (n === 0) return mapped.endOffset;
	if (j <= 0) return mapped.starts[0];
	return j <= n ? mapped.ends[j - 1] : mapped.ends[n - 1];
}
