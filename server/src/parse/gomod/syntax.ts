// Statement structure, following modfile read.go (parseFile, parseStmt, parseLineBlock): a statement is the
// tokens of one line; `verb (` at the end of a line opens a block whose lines run up to a line that starts
// with `)`; `verb ( )` on one line is an empty block. modfile stops at the first syntax error; here every
// error is reported and parsing goes on, with recovery that keeps one typo from swallowing the rest of the file:
// - `(` followed by more tokens still opens the block, and the rest of the line becomes its first line;
// - `x y )` closes the block after the line's tokens;
// - `verb (` inside a block (a forgotten `)`) ends the open block and starts a new one.
// Comments: whole-line comments directly above a statement (top level: up to the previous blank line;
// in a block: since the previous line) become its `before`; an end-of-line comment its `suffix`.
import type { ErrorSink } from './errors';
import type { PhysLine } from './lexer';
import type { GoModComment, GoModKind, GoModStatement, GoModSyntaxBlock, GoModSyntaxLine, GoModToken } from './types';
import type { Span } from '../span';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

interface OpenBlock {
	readonly block: Mutable<GoModSyntaxBlock> & { lines: GoModSyntaxLine[] };
	/** Whole-line comments since the previous line of the block. */
	pending: GoModComment[];
	/** Physical line index of the opener, for the "unterminated block" message. */
	readonly lineIndex: number;
}

function isPunct(t: GoModToken | undefined, p: string): boolean {
	return t !== undefined && !t.quoted && t.text === p;
}

/** Number of code points in text[from, to): modfile reports columns in runes. */
function runeColumn(text: string, from: number, to: number): number {
	let col = 1;
	for (let i = from; i < to; i++) {
		const c = text.charCodeAt(i);
		if (c < 0xd800 || c > 0xdbff || i + 1 >= to) col++;
	}
	return col;
}

/** Groups lexed lines into top-level lines and blocks. */
export class SyntaxBuilder {
	readonly statements: GoModStatement[] = [];
	readonly comments: GoModComment[] = [];
	private pending: GoModComment[] = [];
	private open: OpenBlock | undefined;

	constructor(
		private readonly text: string,
		private readonly kind: GoModKind,
		private readonly errors: ErrorSink,
	) {}

	build(lines: readonly PhysLine[]): void {
		for (let li = 0; li < lines.length; li++) {
			const pl = lines[li];
			if (pl.comment) this.comments.push(pl.comment);
			if (pl.tokens.length === 0) {
				if (pl.comment) {
					if (this.open) this.open.pending.push(pl.comment);
					else this.pending.push(pl.comment);
				} else if (!this.open) {
					this.pending = []; // a blank line detaches the comments above it
				}
				continue;
			}
			if (this.open) this.blockLine(pl, pl.tokens, li, false);
			else this.topLine(pl, pl.tokens, li);
		}
		if (this.open) this.unterminated();
	}

	private topLine(pl: PhysLine, toks: readonly GoModToken[], li: number): void {
		const first = toks[0];
		if (isPunct(first, ')') || isPunct(first, '(')) {
			const which = first.text === ')' ? 'closing' : 'opening';
			this.errors.add('syntax', `syntax error (unexpected ${which} paren)`, first.span);
			this.pending = [];
			return;
		}
		const k = toks.findIndex((t) => isPunct(t, '('));
		if (k < 0) {
			this.statements.push(this.makeLine(pl, toks, false, this.pending, pl.bad));
			this.pending = [];
			return;
		}
		const verb = toks.slice(0, k);
		const lparen = toks[k].span;
		const rest = toks.slice(k + 1);
		const block: OpenBlock['block'] = { kind: 'block', verb, lparen, lines: [], span: { start: first.span.start, end: lparen.end }, before: this.pending };
		this.pending = [];
		this.statements.push(block);
		if (rest.length === 1 && isPunct(rest[0], ')')) {
			// `verb ( )`: an empty block.
			block.rparen = rest[0].span;
			block.span = { start: first.span.start, end: rest[0].span.end };
			if (pl.comment) block.suffix = pl.comment;
			return;
		}
		this.open = { block, pending: [], lineIndex: li };
		if (rest.length === 0) {
			if (pl.comment) block.suffix = pl.comment;
			return;
		}
		this.errors.add('syntax', 'syntax error (expected newline after opening paren)', lparen);
		this.blockLine(pl, rest, li, true);
	}

	/** `rest`: the tokens after a `(` that did not end its line; these never open another block (no recursion). */
	private blockLine(pl: PhysLine, toks: readonly GoModToken[], li: number, rest: boolean): void {
		const open = this.open!;
		const first = toks[0];
		if (isPunct(first, ')')) {
			this.close(first.span, toks, 1);
			return;
		}
		const rp = toks.findIndex((t) => isPunct(t, ')'));
		if (rp > 0) {
			this.pushBlockLine(pl, toks.slice(0, rp), pl.bad);
			this.errors.add('syntax', 'syntax error (expected newline before closing paren)', toks[rp].span);
			this.close(toks[rp].span, toks, rp + 1);
			return;
		}
		if (!rest && toks.length >= 2 && isPunct(toks[toks.length - 1], '(')) {
			// `verb (` inside a block: the previous block was never closed.
			this.unterminated();
			this.pending = open.pending;
			this.topLine(pl, toks, li);
			return;
		}
		const lp = toks.find((t) => isPunct(t, '('));
		if (lp) this.errors.add('syntax', 'syntax error (unexpected opening paren)', lp.span);
		this.pushBlockLine(pl, toks, pl.bad || lp !== undefined);
	}

	private pushBlockLine(pl: PhysLine, toks: readonly GoModToken[], bad: boolean): void {
		const open = this.open!;
		open.block.lines.push(this.makeLine(pl, toks, true, open.pending, bad));
		open.pending = [];
	}

	/** Closes the open block at `)`; tokens after it on the line are an error. */
	private close(rparen: Span, toks: readonly GoModToken[], after: number): void {
		const block = this.open!.block;
		block.rparen = rparen;
		block.span = { start: block.span.start, end: rparen.end };
		this.open = undefined;
		if (after < toks.length) {
			this.errors.add('syntax', 'syntax error (expected newline after closing paren)', { start: toks[after].span.start, end: toks[toks.length - 1].span.end });
		}
	}

	private unterminated(): void {
		const { block, lineIndex } = this.open!;
		this.open = undefined;
		const last = block.lines[block.lines.length - 1];
		if (last) block.span = { start: block.span.start, end: last.span.end };
		if (this.errors.full) return;
		const lineStart = this.text.lastIndexOf('\n', block.span.start - 1) + 1;
		const col = runeColumn(this.text, lineStart, block.span.start);
		this.errors.add('syntax', `syntax error (unterminated block started at ${this.kind}:${lineIndex + 1}:${col})`, { start: block.span.start, end: block.lparen.end });
	}

	private makeLine(pl: PhysLine, toks: readonly GoModToken[], inBlock: boolean, before: GoModComment[], bad: boolean): GoModSyntaxLine {
		const span = { start: toks[0].span.start, end: toks[toks.length - 1].span.end };
		const lineSpan = { start: pl.start, end: pl.next };
		return pl.comment ? { kind: 'line', tokens: toks, inBlock, span, lineSpan, before, suffix: pl.comment, bad } : { kind: 'line', tokens: toks, inBlock, span, lineSpan, before, bad };
	}
}
