import type { Span } from '../parse/span';

/**
 * Inline suppressions, in the style of hadolint's pragmas:
 *   `# shipcheck ignore=libc-mismatch,stripped-binary reason…` on the line(s) before a statement;
 *   `# shipcheck ignore-file=stripped-binary` anywhere in the file.
 * The same comments work in Dockerfiles, YAML and shell scripts (all use `#`), and in go.mod as `//`.
 */
export interface Suppressions {
	/** Rule ids ignored for the whole file. */
	readonly file: ReadonlySet<string>;
	/** Rule ids ignored for findings that start inside a statement's span. */
	readonly statements: readonly { readonly span: Span; readonly ids: ReadonlySet<string> }[];
}

export interface Pragma {
	readonly kind: 'ignore' | 'ignore-file';
	readonly ids: readonly string[];
	readonly span: Span;
}

const PRAGMA = /^\s*(?:#|\/\/)\s*shipcheck\s+(ignore|ignore-file)\s*=\s*([A-Za-z0-9_-]+(?:\s*,\s*[A-Za-z0-9_-]+)*)(?:\s+(.*))?\s*$/;

/** Finds pragma comments line by line. */
export function findPragmas(text: string): Pragma[] {
	const pragmas: Pragma[] = [];
	let offset = 0;
	for (const line of text.split('\n')) {
		const match = PRAGMA.exec(line.replace(/\r$/, ''));
		if (match) {
			const ids = match[2].split(',').map((s) => s.trim()).filter((s) => s.length > 0);
			pragmas.push({ kind: match[1] as Pragma['kind'], ids, span: { start: offset, end: offset + line.length } });
		}
		offset += line.length + 1;
	}
	return pragmas;
}

/**
 * Ties each `ignore` pragma to the statement that follows it: the first statement that starts after the
 * pragma with nothing but comments and blank lines in between.
 */
export function computeSuppressions(text: string, statements: readonly Span[]): Suppressions {
	const file = new Set<string>();
	const result: { span: Span; ids: Set<string> }[] = [];
	const sorted = [...statements].sort((a, b) => a.start - b.start);
	for (const pragma of findPragmas(text)) {
		if (pragma.kind === 'ignore-file') {
			for (const id of pragma.ids) file.add(id);
			continue;
		}
		const next = sorted.find((s) => s.start >= pragma.span.end);
		if (!next || !onlyCommentsBetween(text, pragma.span.end, next.start)) continue;
		result.push({ span: next, ids: new Set(pragma.ids) });
	}
	return { file, statements: result };
}

function onlyCommentsBetween(text: string, from: number, to: number): boolean {
	return text
		.slice(from, to)
		.split('\n')
		.every((line) => /^\s*(?:(?:#|\/\/).*)?\s*$/.test(line));
}

export function isSuppressed(suppressions: Suppressions, ruleId: string, offset: number): boolean {
	if (suppressions.file.has(ruleId)) return true;
	return suppressions.statements.some((s) => s.ids.has(ruleId) && offset >= s.span.start && offset < s.span.end);
}

/**
 * Statement spans for files without a parser of their own (YAML, go.mod): every non-comment line, joined
 * with the lines a trailing `\` (or PowerShell backtick) continues it into, e.g. a `go build \` command spread
 * over a `run: |` block. "Ignore … for this instruction" puts its pragma above the first of those lines
 * (pragma-edits.ts `statementStartLine`), so the pragma must cover a finding on any of them.
 */
export function lineStatements(text: string): Span[] {
	const spans: Span[] = [];
	let offset = 0;
	let continues = false;
	for (const line of text.split('\n')) {
		const comment = /^\s*(?:(?:#|\/\/).*)?$/.test(line);
		const end = offset + line.length;
		if (continues && spans.length > 0) spans[spans.length - 1] = { start: spans[spans.length - 1].start, end };
		else if (!comment) spans.push({ start: offset, end });
		continues = (continues || !comment) && continuesOnNextLine(line);
		offset += line.length + 1;
	}
	return spans;
}

/**
 * A line that is not a `#` comment and ends in `\` or a backtick (the `# escape=` character) carries its statement
 * on to the next line. Pragma placement (pragma-edits.ts) and pragma scope (here) must agree on it.
 */
export function continuesOnNextLine(line: string): boolean {
	return /[\\`]\r?$/.test(line) && !/^\s*#/.test(line);
}
