/**
 * ELF interpreter (PT_INTERP) paths per architecture for glibc and musl, as the Go linker writes them
 * (`src/cmd/link/internal/<arch>/obj.go`, `Linuxdynld` / `LinuxdynldMusl`; FACTS §4.1).
 */
import { facts } from './sources';
import type { LibcFamily, Source } from './types';

/** The loaders of one GOARCH. */
export interface LoaderPaths {
	readonly goarch: string;
	readonly glibc: string;
	readonly musl: string;
}

/** FACTS §4.1. */
export const LOADERS: readonly LoaderPaths[] = [
	{ goarch: 'amd64', glibc: '/lib64/ld-linux-x86-64.so.2', musl: '/lib/ld-musl-x86_64.so.1' },
	{ goarch: 'arm64', glibc: '/lib/ld-linux-aarch64.so.1', musl: '/lib/ld-musl-aarch64.so.1' },
	{ goarch: '386', glibc: '/lib/ld-linux.so.2', musl: '/lib/ld-musl-i386.so.1' },
	{ goarch: 'arm', glibc: '/lib/ld-linux.so.3', musl: '/lib/ld-musl-arm.so.1' },
	{ goarch: 'riscv64', glibc: '/lib/ld-linux-riscv64-lp64d.so.1', musl: '/lib/ld-musl-riscv64.so.1' },
	{ goarch: 's390x', glibc: '/lib64/ld64.so.1', musl: '/lib/ld-musl-s390x.so.1' },
	{ goarch: 'loong64', glibc: '/lib64/ld-linux-loongarch-lp64d.so.1', musl: '/lib/ld-musl-loongarch64.so.1' },
];

export const LOADER_SOURCES: readonly Source[] = [facts('4.1')];

/** How the linker picks the interpreter (FACTS §4.1). */
export const INTERPRETER_SELECTION: readonly string[] = [
	'by default the linker writes the glibc path; it falls back to the musl path only if the glibc loader file does not exist on the build host',
	'-I or GO_LDSO overrides it',
	'with cgo and internal linking, the C toolchain\'s loader comes in through //go:cgo_dynamic_linker (CC=musl-gcc gave /lib/ld-musl-x86_64.so.1)',
];

/** Result of {@link libcOfInterpreter}. */
export interface InterpreterLibc {
	readonly family: Exclude<LibcFamily, 'none'>;
	/** GOARCH when the path is in the table. */
	readonly goarch?: string;
	/** True when only the file-name pattern matched, not the table. */
	readonly inferred: boolean;
	readonly sources: readonly Source[];
}

/**
 * The libc an ELF interpreter path belongs to: `/lib/ld-musl-x86_64.so.1` → musl (amd64).
 * Paths outside the table are classified by name (`ld-musl-*` → musl, `ld-linux*` → glibc) and marked inferred.
 */
export function libcOfInterpreter(path: string): InterpreterLibc | undefined {
	const p = path.trim();
	for (const l of LOADERS) {
		if (l.glibc === p) {
			return { family: 'glibc', goarch: l.goarch, inferred: false, sources: LOADER_SOURCES };
		}
		if (l.musl === p) {
			return { family: 'musl', goarch: l.goarch, inferred: false, sources: LOADER_SOURCES };
		}
	}
	const base = p.slice(p.lastIndexOf('/') + 1);
	const inferred = [facts('4.1', 'classified by file name outside the table')];
	if (/^ld-musl-[a-z0-9_]+\.so\.1$/.test(base)) {
		return { family: 'musl', inferred: true, sources: inferred };
	}
	if (/^ld-linux[a-z0-9_-]*\.so\.\d+$/.test(base) || /^ld64\.so\.[12]$/.test(base)) {
		return { family: 'glibc', inferred: true, sources: inferred };
	}
	return undefined;
}

/** The interpreter a `goarch` binary linked against `family` asks for. */
export function interpreterFor(goarch: string, family: 'glibc' | 'musl'): string | undefined {
	return LOADERS.find((l) => l.goarch === goarch)?.[family];
}
