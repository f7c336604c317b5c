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

/** Inserts `line` as a new instruction just before the RUN that holds `build`, with the same indentation. */
export function insertBeforeRun(build: GoBuild, text: string, line: string): TextEdit {
	const start = build.instructionSpan.start;
	const lineStart = text.lastIndexOf('\n', start - 1) + 1;
	const indent = /^[ \t]*/.exec(text.slice(lineStart, start))![0];
	const eol = text.includes('\r\n') ? '\r\n' : '\n';
	return { file: build.file, span: { start, end: start }, newText: `${line}${eol}${indent}` };
}
