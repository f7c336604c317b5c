import { lookupCompilerPackage } from '../knowledge/cross-compilers';
import type { GoBuild } from '../model/project';
import type { TextEdit } from './types';

/**
 * The package-manager line that puts a native C compiler (and the C library headers cgo needs) into a
 * builder stage: `gcc musl-dev` on Alpine (FACTS §6 claim 3, SCENARIOS 7), `gcc libc6-dev` on Debian/Ubuntu.
 */
export interface CompilerInstall {
	/** `gcc musl-dev`: for titles and messages. */
	readonly packages: string;
	readonly line: string;
}

export function compilerInstallFor(build: GoBuild): CompilerInstall | undefined {
	const distro = build.stage?.image?.distro?.name;
	if (distro === 'alpine' && lookupCompilerPackage('apk', 'gcc') && lookupCompilerPackage('apk', 'musl-dev')) {
		return { packages: 'gcc musl-dev', line: 'RUN apk add --no-cache gcc musl-dev' };
	}
	if ((distro === 'debian' || distro === 'ubuntu') && lookupCompilerPackage('apt', 'gcc') && lookupCompilerPackage('apt', 'libc6-dev')) {
		return { packages: 'gcc libc6-dev', line: 'RUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev' };
	}
	return undefined;
}

/**
 * Inserts `line` as a new instruction just before the RUN that holds `build`, with the same indentation,
 * above the comment lines that belong to that RUN: a `# shipcheck ignore=…` pragma there applies to the next
 * instruction, so putting the new line between them would move the pragma onto it.
 */
export function insertBeforeRun(build: GoBuild, text: string, line: string): TextEdit {
	const start = build.instructionSpan.start;
	const lineStart = text.lastIndexOf('\n', start - 1) + 1;
	const indent = /^[ \t]*/.exec(text.slice(lineStart, start))![0];
	const eol = text.includes('\r\n') ? '\r\n' : '\n';
	if (lineStart + indent.length !== start) return { file: build.file, span: { start, end: start }, newText: `${line}${eol}${indent}` };
	const at = commentsAbove(text, lineStart, previousInstructionEnd(build, start));
	return { file: build.file, span: { start: at, end: at }, newText: `${indent}${line}${eol}` };
}

/** Where the instruction before `start` in the stage (or its FROM) ends: comments above it are not the RUN's. */
function previousInstructionEnd(build: GoBuild, start: number): number {
	const syntax = build.stage?.syntax;
	if (!syntax || build.stage?.file !== build.file) return start;
	return [syntax.from.span, ...syntax.instructions.map((i) => i.span)].reduce((end, span) => (span.end <= start && span.end > end ? span.end : end), 0);
}

/** The start of the first comment line of the comments (blank lines between allowed) right above `lineStart`. */
function commentsAbove(text: string, lineStart: number, limit: number): number {
	let first = lineStart;
	let cursor = lineStart;
	while (cursor > limit) {
		const previous = text.lastIndexOf('\n', cursor - 2) + 1;
		if (previous < limit) break;
		const content = text.slice(previous, cursor - 1).replace(/\r$/, '');
		if (/^\s*#/.test(content)) first = previous;
		else if (content.trim() !== '') break;
		cursor = previous;
	}
	return first;
}
