import type { Span } from '../span';
import type { ShellWord } from './types';

/**
 * Maps offsets of the text being parsed (local) to document offsets. The top-level fragment is a plain
 * shift by `baseOffset`; the script of `sh -c '…'` is the unquoted string, so each of its characters maps
 * through the outer word's per-character ranges.
 */
export interface OffsetMap {
	/** Document offset where local character `i` starts (`i` may equal the length: the end). */
	start(i: number): number;
	/** Document offset where the local range ending at `j` (exclusive) ends. */
	end(j: number): number;
}

export function shiftMap(baseOffset: number): OffsetMap {
	return { start: (i) => baseOffset + i, end: (j) => baseOffset + j };
}

/** A map through per-character document ranges (`starts[i]`, `ends[i]` for local character `i`). */
export function charMap(starts: readonly number[], ends: readonly number[], fallback: number): OffsetMap {
	const n = starts.length;
	const endOfText = n > 0 ? ends[n - 1] : fallback;
	return {
		start: (i) => (i < 0 ? (n > 0 ? starts[0] : fallback) : i < n ? starts[i] : endOfText),
		end: (j) => (j <= 0 ? (n > 0 ? starts[0] : fallback) : j <= n ? ends[j - 1] : endOfText),
	};
}

export function mapSpan(map: OffsetMap, start: number, end: number): Span {
	const s = map.start(start);
	if (end <= start) return { start: s, end: s };
	const e = map.end(end);
	return { start: s, end: Math.max(s, e) };
}

/**
 * The document span of `word.text.slice(start, end)`. An empty range gives an empty span where that
 * position is (at the end of the word for `start === text.length`).
 */
export function wordSubSpan(word: ShellWord, start: number, end: number): Span {
	const n = word.text.length;
	const s = Math.max(0, Math.min(start, n));
	const e = Math.max(s, Math.min(end, n));
	if (s === e) {
		const at = s < n ? word.charStarts[s] : n > 0 ? word.charEnds[n - 1] : word.span.end;
		return { start: at, end: at };
	}
	return { start: word.charStarts[s], end: Math.max(word.charStarts[s], word.charEnds[e - 1]) };
}

/** True when any character of `word.text.slice(start, end)` comes from an unresolved expansion. */
export function isRangeDynamic(word: ShellWord, start: number, end: number): boolean {
	for (const part of word.parts) {
		if (part.kind !== 'expansion' || part.resolved) continue;
		if (part.textStart < end && part.textEnd > start) return true;
		if (part.textStart === part.textEnd && part.textStart >= start && part.textStart < end) return true;
	}
	return false;
}
