import type { LinkerFlag, LinkerFlags } from '../model/go-command/types';
import type { GoBuild, ProjectModel } from '../model/project';
import type { Span } from '../parse/span';
import type { TextEdit } from './types';
import { ciSourceText } from '../model/ci/index';

/**
 * Exact edits on a `go build` command line: removing a flag (with the blank before it), and removing or
 * replacing flags inside -ldflags. Only command-line flags are edited; a value that came from GOFLAGS lives
 * elsewhere and is left alone (callers then offer no fix).
 */

/** The text of the file a build is in (Dockerfile), for whitespace-aware deletions. */
export function buildText(project: ProjectModel, build: GoBuild): string | undefined {
	return project.dockerfiles.find((d) => d.path === build.file)?.text ?? ciSourceText(project.ci, build.file);
}

/**
 * Deletes `span` and the blanks before it (or after it, when nothing precedes on the line). The blanks
 * include line continuations, so a flag on its own line of `go build \` … `-o app .` goes with its line
 * instead of leaving a lone ` \` line behind (blankStartBefore).
 */
export function removalEdit(file: string, text: string, span: Span): TextEdit {
	const start = blankStartBefore(text, span.start);
	let end = span.end;
	if (start === span.start) {
		while (end < text.length && /[ \t]/.test(text[end] ?? '')) end++;
	}
	return { file, span: { start, end }, newText: '' };
}

/**
 * Where the blanks before `offset` start, counting a line continuation (`\` at the end of a line, LF or
 * CRLF) as a blank: in `go build \⏎    -ldflags '-s' \⏎    -o app .` the word `-ldflags` is preceded by
 * ` \⏎    `, so deleting from there to its end leaves `go build \⏎    -o app .`, and deleting the last word
 * of a continued Dockerfile ENV or command leaves no dangling `\` (which would join the next line).
 */
export function blankStartBefore(text: string, offset: number): number {
	let start = offset;
	for (;;) {
		while (start > 0 && /[ \t]/.test(text[start - 1] ?? '')) start--;
		const continuation = /\\[ \t]*\r?\n$/.exec(text.slice(Math.max(0, start - 80), start));
		if (!continuation) return start;
		start -= continuation[0].length;
	}
}

/**
 * Removes `remove` from -ldflags: the value is rewritten from the remaining fields (as written), and the
 * whole -ldflags flag goes when none remain. Undefined when -ldflags came from GOFLAGS.
 */
export function removeLinkerFlags(file: string, text: string, ld: LinkerFlags, remove: readonly LinkerFlag[]): TextEdit | undefined {
	if (ld.flag.source !== 'command-line') return undefined;
	const removed = (s: Span) => remove.some((f) => s.start >= f.span.start && s.end <= f.span.end);
	const kept = ld.args.filter((a) => !removed(a.span));
	if (kept.length === 0) return removalEdit(file, text, ld.flag.span);
	// A value spread over lines without shell continuations (GoReleaser's ldflags list) would lose its layout.
	if (/(^|[^\\])\n/.test(text.slice(ld.valueSpan.start, ld.valueSpan.end))) return undefined;
	return { file, span: ld.valueSpan, newText: kept.map((a) => text.slice(a.span.start, a.span.end)).join(' ') };
}

/** Replaces one flag inside -ldflags (`-w` → `-w=0`). */
export function replaceLinkerFlag(file: string, ld: LinkerFlags, flag: LinkerFlag, newText: string): TextEdit | undefined {
	if (ld.flag.source !== 'command-line') return undefined;
	return { file, span: flag.span, newText };
}
