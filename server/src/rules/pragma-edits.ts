import type { Span } from '../parse/span';
import { continuesOnNextLine, findPragmas } from './pragmas';

export interface PragmaInsertion {
	readonly span: Span;
	readonly newText: string;
}

const REASON = 'reason: explain why this is safe';

/**
 * The edit that suppresses `id` for the statement at `offset` (`line`) or for the whole file (`file`).
 * Applying it twice changes nothing the second time: an existing pragma gets the id merged in, and an id
 * that is already there yields no edit.
 */
export function findPragmaInsertion(text: string, path: string, offset: number, id: string, scope: 'line' | 'file'): PragmaInsertion | undefined {
	const comment = /(^|\/)go\.(mod|work)$/.test(path) ? '//' : '#';
	const kind = scope === 'line' ? 'ignore' : 'ignore-file';
	const lines = text.split('\n');
	const lineStarts: number[] = [];
	let acc = 0;
	for (const line of lines) {
		lineStarts.push(acc);
		acc += line.length + 1;
	}
	const target = scope === 'line' ? statementStartLine(lines, lineOfOffset(lineStarts, offset)) : firstLineAfterDirectives(lines);
	const existing = existingPragma(text, lineStarts, target, kind, scope);
	if (existing) {
		if (existing.ids.includes(id)) return undefined;
		const idsEnd = existing.idsEnd;
		return { span: { start: idsEnd, end: idsEnd }, newText: `,${id}` };
	}
	const indent = scope === 'line' ? (/^[ \t]*/.exec(lines[target] ?? '')?.[0] ?? '') : '';
	const start = lineStarts[target] ?? text.length;
	const newline = text.includes('\r\n') ? '\r\n' : '\n';
	const pragma = scope === 'line' ? `${indent}${comment} shipcheck ${kind}=${id} ${REASON}` : `${comment} shipcheck ${kind}=${id}`;
	if (start >= text.length && text.length > 0 && !text.endsWith('\n')) return { span: { start, end: start }, newText: `${newline}${pragma}` };
	return { span: { start, end: start }, newText: `${pragma}${newline}` };
}

function lineOfOffset(lineStarts: readonly number[], offset: number): number {
	let line = 0;
	while (line + 1 < lineStarts.length && lineStarts[line + 1] <= offset) line++;
	return line;
}

/** Walks back over continuation lines (ending in `\` or a backtick) to where the instruction starts. */
function statementStartLine(lines: readonly string[], line: number): number {
	let start = line;
	while (start > 0 && continuesOnNextLine(lines[start - 1])) start--;
	return start;
}

/** Parser directives (`# syntax=`, `# escape=`) must stay the first lines of a Dockerfile. */
function firstLineAfterDirectives(lines: readonly string[]): number {
	let line = 0;
	while (line < lines.length && /^\s*#\s*(syntax|escape|check)\s*=/i.test(lines[line])) line++;
	return line;
}

/** A pragma of the same kind in the comment block right above `line` (or anywhere, for file scope). */
function existingPragma(text: string, lineStarts: readonly number[], line: number, kind: string, scope: 'line' | 'file'): { ids: string[]; idsEnd: number } | undefined {
	const blockStart = scope === 'file' ? 0 : commentBlockStart(text, lineStarts, line);
	const blockEnd = scope === 'file' ? text.length : (lineStarts[line] ?? text.length);
	for (const pragma of findPragmas(text)) {
		if (pragma.kind !== kind || pragma.span.start < blockStart || pragma.span.start >= blockEnd) continue;
		const lineText = text.slice(pragma.span.start, pragma.span.end);
		const m = /=\s*[A-Za-z0-9_-]+(?:\s*,\s*[A-Za-z0-9_-]+)*/.exec(lineText);
		if (!m) continue;
		return { ids: [...pragma.ids], idsEnd: pragma.span.start + m.index + m[0].length };
	}
	return undefined;
}

function commentBlockStart(text: string, lineStarts: readonly number[], line: number): number {
	let first = line;
	while (first > 0) {
		const previous = text.slice(lineStarts[first - 1], lineStarts[first] - 1);
		if (!/^\s*(#|\/\/)/.test(previous)) break;
		first--;
	}
	return lineStarts[first] ?? text.length;
}
