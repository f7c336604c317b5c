/**
 * A half-open range of UTF-16 code-unit offsets into one document's text: `start` inclusive, `end` exclusive.
 * Everything below `server/src/lsp` speaks offsets; only `lsp/convert.ts` turns them into LSP positions.
 */
export interface Span {
	readonly start: number;
	readonly end: number;
}

export function span(start: number, end: number): Span {
	return { start, end };
}

export function spanText(text: string, s: Span): string {
	return text.slice(s.start, s.end);
}

export function spanContains(outer: Span, offset: number): boolean {
	return offset >= outer.start && offset <= outer.end;
}
