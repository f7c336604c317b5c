import { DF_1_PIE, DT_FLAGS_1 } from "./elf/dynamic-names";
import { PT_DYNAMIC } from "./elf/elf-names";
import { ElfFile } from "./elf/elf-types";

/** How the program gets loaded. */
export type Linkage = "static" | "static-pie" | "dynamic";
/** Which C library the program needs at run time ("none": no libc at all). */
export type Libc = "glibc" | "musl" | "none" | "unknown";

/** Linkage facts derived from PT_INTERP, PT_DYNAMIC, NEEDED and version needs. */
export interface LinkageFacts {
	readonly linkage: Linkage;
	readonly libc: Libc;
	/** Highest GLIBC_x.y[.z] version required, numerically compared; null when none. */
	readonly glibcMin: string | null;
	/** Dynamic symbols that require glibcMin (empty when unknown or none). */
	readonly glibcMinSymbols: readonly string[];
	/** True when DT_FLAGS_1 has DF_1_PIE or the type is ET_DYN with an interpreter. */
	readonly pie: boolean;
}

// FACTS §4.1: glibc and musl dynamic loader paths by architecture
// (cmd/link/internal/<arch>/obj.go Linuxdynld / LinuxdynldMusl).
const GLIBC_INTERPRETERS = new Set([
	"/lib64/ld-linux-x86-64.so.2",
	"/lib/ld-linux-aarch64.so.1",
	"/lib/ld-linux.so.2",
	"/lib/ld-linux.so.3",
	"/lib/ld-linux-armhf.so.3",
	"/lib/ld-linux-riscv64-lp64d.so.1",
	"/lib64/ld64.so.1",
	"/lib64/ld64.so.2",
	"/lib64/ld-linux-loongarch-lp64d.so.1",
	"/lib/ld64.so.1",
]);
const MUSL_INTERPRETER = /^\/lib\/ld-musl-[a-z0-9_]+(-sf|-sp)?\.so\.1$/;

const ET_DYN = 3;

/** Classifies an ELF file: static / static-pie / dynamic, which libc, and the glibc floor. */
export function classifyElfLinkage(f: ElfFile): LinkageFacts {
	const needed = f.dynamic.filter((e) => e.tag === 1n).map((e) => e.text ?? "");
	const flags1 = f.dynamic.find((e) => e.tag === DT_FLAGS_1)?.value ?? 0n;
	const isDyn = f.header.type === ET_DYN;
	const hasDynamic = f.segments.some((p) => p.type === PT_DYNAMIC);
	const pie = (flags1 & DF_1_PIE) !== 0n || (isDyn && f.interpreter !== null);
	let linkage: Linkage;
	if (f.interpreter !== null) {
		linkage = "dynamic";
	} else if (isDyn && hasDynamic && ((flags1 & DF_1_PIE) !== 0n || needed.length === 0)) {
		linkage = "static-pie"; // ET_DYN, self-relocating, no loader (gcc -static-pie sets DF_1_PIE)
	} else if (isDyn && hasDynamic) {
		linkage = "dynamic"; // a shared library: loaded by someone else's interpreter, with NEEDED entries
	} else {
		linkage = "static";
	}
	const { version, symbols } = glibcFloor(f);
	return { linkage, libc: detectLibc(f, needed, linkage), glibcMin: version, glibcMinSymbols: symbols, pie };
}

function detectLibc(f: ElfFile, needed: readonly string[], linkage: Linkage): Libc {
	const interp = f.interpreter ?? "";
	if (MUSL_INTERPRETER.test(interp) || needed.some((n) => /^libc\.musl-.*\.so\.1$/.test(n))) {
		return "musl";
	}
	if (GLIBC_INTERPRETERS.has(interp) || needed.includes("libc.so.6") || f.versionNeeds?.entries.some((e) => e.aux.some((a) => a.name.startsWith("GLIBC_")))) {
		return "glibc";
	}
	if (interp !== "" && needed.includes("libc.so")) {
		return "musl"; // musl's libc has soname libc.so (FACTS §4.1: CC=musl-gcc gives NEEDED libc.so)
	}
	if (linkage === "dynamic") {
		return needed.length === 0 ? "none" : "unknown";
	}
	// Statically linked glibc leaves its fingerprints: the .note.ABI-tag note and
	// __libc_* sections (__libc_freeres_fn, __libc_IO_vtables, ...).
	const glibcMarks = f.sections.some((s) => s.name.startsWith("__libc_")) || f.noteGroups.some((g) => g.notes.some((n) => n.owner === "GNU" && n.type === 1));
	if (glibcMarks) {
		return "glibc";
	}
	// An externally linked static binary (gcc left .init/.comment) without glibc marks: a C
	// library is in there, but we cannot tell musl from others. Go's internal linker writes neither.
	const external = f.sections.some((s) => s.name === ".init" || s.name === ".comment");
	return external ? "unknown" : "none";
}

/** Parses "GLIBC_2.34" / "GLIBC_2.2.5" into numbers; null for GLIBC_PRIVATE and the like. */
export function parseGlibcVersion(name: string): number[] | null {
	const m = /^GLIBC_(\d+(?:\.\d+)*)$/.exec(name);
	return m ? m[1].split(".").map(Number) : null;
}

/** Numeric comparison of dotted versions: 2.10 > 2.9. */
export function compareVersions(a: readonly number[], b: readonly number[]): number {
	for (let i = 0; i < Math.max(a.length, b.length); i++) {
		const d = (a[i] ?? 0) - (b[i] ?? 0);
		if (d !== 0) {
			return d;
		}
	}
	return 0;
}

function glibcFloor(f: ElfFile): { version: string | null; symbols: string[] } {
	let best: number[] | null = null;
	let bestName: string | null = null;
	for (const e of f.versionNeeds?.entries ?? []) {
		for (const a of e.aux) {
			const v = parseGlibcVersion(a.name);
			if (v && (!best || compareVersions(v, best) > 0)) {
				best = v;
				bestName = a.name;
			}
		}
	}
	if (!best || !bestName) {
		return { version: null, symbols: [] };
	}
	const symbols = f.versionedSymbols.filter((s) => s.version === bestName).map((s) => s.name);
	return { version: best.join("."), symbols: [...new Set(symbols)].sort() };
}
