import type { Span } from './span';

/** A line/character position as libraries such as dockerfile-ast report it (UTF-16 characters). */
export interface LineCharacter {
	readonly line: number;
	readonly character: number;
}

/**
 * Converts line/character positions reported by parsing libraries into offsets. This is the inverse of
 * what `lsp/convert.ts` does, and it exists only at the parse boundary: everything above it uses offsets.
 */
export class LineIndex {
	private readonly lineStarts: number[];

	constructor(private readonly text: string) {
		this.lineStarts = [0];
		for (let i = 0; i < text.length; i++) {
			const c = text.charCodeAt(i);
			// \r\n, \r and \n all end a line, as in LSP.
			if (c === 13 /* \r */) {
				if (text.charCodeAt(i + 1) === 10) i++;
				this.lineStarts.push(i + 1);
			} else if (c === 10 /* \n */) {
				this.lineStarts.push(i + 1);
			}
		}
	}

	offsetOf(position: LineCharacter): number {
		if (position.line < 0) return 0;
		if (position.line >= this.lineStarts.length) return this.text.length;
		const start = this.lineStarts[position.line];
		return Math.min(start + Math.max(0, position.character), this.text.length);
	}

	spanOf(range: { readonly start: LineCharacter; readonly end: LineCharacter }): Span {
		return { start: this.offsetOf(range.start), end: this.offsetOf(range.end) };
	}

	/** 0-based line of an offset. */
	lineOf(offset: number): number {
		let lo = 0;
		let hi = this.lineStarts.length - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if (this.lineStarts[mid] <= offset) lo = mid;
			else hi = mid - 1;
		}
		return lo;
	}

	lineStart(line: number): number {
		return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))];
	}

	get lineCount(): number {
		return this.lineStarts.length;
	}
}
