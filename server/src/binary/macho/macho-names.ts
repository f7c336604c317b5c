// Mach-O constants from <mach-o/loader.h> and <mach/machine.h> (also Go's
// debug/macho/macho.go).
import { IntName } from "../name-table";

export const MH_MAGIC = 0xfeedface;
export const MH_MAGIC_64 = 0xfeedfacf;
export const MH_CIGAM = 0xcefaedfe;
export const MH_CIGAM_64 = 0xcffaedfe;
/** <mach-o/fat.h>: the fat header is always big-endian. */
export const FAT_MAGIC = 0xcafebabe;
export const FAT_MAGIC_64 = 0xcafebabf;

/** cputype with the short names used in the DTO (same spelling as the ELF table). */
export const cpuTypeNames: readonly (IntName & { short: string })[] = [
	{ value: 7, name: "CPU_TYPE_X86", short: "i386" },
	{ value: 0x01000007, name: "CPU_TYPE_X86_64", short: "x86-64" },
	{ value: 12, name: "CPU_TYPE_ARM", short: "arm" },
	{ value: 0x0100000c, name: "CPU_TYPE_ARM64", short: "aarch64" },
	{ value: 0x0200000c, name: "CPU_TYPE_ARM64_32", short: "arm64_32" },
	{ value: 18, name: "CPU_TYPE_POWERPC", short: "ppc" },
	{ value: 0x01000012, name: "CPU_TYPE_POWERPC64", short: "ppc64" },
];

/** filetype, with the ELF-like short type used in the DTO. */
export const fileTypeNames: readonly (IntName & { short: string })[] = [
	{ value: 1, name: "MH_OBJECT", short: "REL" },
	{ value: 2, name: "MH_EXECUTE", short: "EXEC" },
	{ value: 4, name: "MH_CORE", short: "CORE" },
	{ value: 6, name: "MH_DYLIB", short: "DYN" },
	{ value: 7, name: "MH_DYLINKER", short: "DYN" },
	{ value: 8, name: "MH_BUNDLE", short: "DYN" },
	{ value: 10, name: "MH_DSYM", short: "DSYM" },
];

/** Header flags. */
export const headerFlagNames: readonly IntName[] = [
	{ value: 0x1, name: "NOUNDEFS" },
	{ value: 0x4, name: "DYLDLINK" },
	{ value: 0x80, name: "TWOLEVEL" },
	{ value: 0x200000, name: "PIE" },
];

// Load command values (loader.h); LC_REQ_DYLD = 0x80000000.
export const LC_SEGMENT = 0x1;
export const LC_SYMTAB = 0x2;
export const LC_DYSYMTAB = 0xb;
export const LC_LOAD_DYLIB = 0xc;
export const LC_ID_DYLIB = 0xd;
export const LC_LOAD_DYLINKER = 0xe;
export const LC_SEGMENT_64 = 0x19;
export const LC_UUID = 0x1b;
export const LC_VERSION_MIN_MACOSX = 0x24;
export const LC_BUILD_VERSION = 0x32;
export const LC_LOAD_WEAK_DYLIB = 0x80000018;
export const LC_REEXPORT_DYLIB = 0x8000001f;
export const LC_LAZY_LOAD_DYLIB = 0x20;
export const LC_LOAD_UPWARD_DYLIB = 0x80000023;

/** Load command names, for display. */
export const loadCommandNames: readonly IntName[] = [
	{ value: 0x1, name: "LC_SEGMENT" },
	{ value: 0x2, name: "LC_SYMTAB" },
	{ value: 0x4, name: "LC_THREAD" },
	{ value: 0x5, name: "LC_UNIXTHREAD" },
	{ value: 0xb, name: "LC_DYSYMTAB" },
	{ value: 0xc, name: "LC_LOAD_DYLIB" },
	{ value: 0xd, name: "LC_ID_DYLIB" },
	{ value: 0xe, name: "LC_LOAD_DYLINKER" },
	{ value: 0x19, name: "LC_SEGMENT_64" },
	{ value: 0x1b, name: "LC_UUID" },
	{ value: 0x1d, name: "LC_CODE_SIGNATURE" },
	{ value: 0x20, name: "LC_LAZY_LOAD_DYLIB" },
	{ value: 0x24, name: "LC_VERSION_MIN_MACOSX" },
	{ value: 0x26, name: "LC_FUNCTION_STARTS" },
	{ value: 0x29, name: "LC_DATA_IN_CODE" },
	{ value: 0x2a, name: "LC_SOURCE_VERSION" },
	{ value: 0x32, name: "LC_BUILD_VERSION" },
	{ value: 0x80000018, name: "LC_LOAD_WEAK_DYLIB" },
	{ value: 0x8000001f, name: "LC_REEXPORT_DYLIB" },
	{ value: 0x80000022, name: "LC_DYLD_INFO_ONLY" },
	{ value: 0x80000023, name: "LC_LOAD_UPWARD_DYLIB" },
	{ value: 0x80000028, name: "LC_MAIN" },
	{ value: 0x80000033, name: "LC_DYLD_EXPORTS_TRIE" },
	{ value: 0x80000034, name: "LC_DYLD_CHAINED_FIXUPS" },
];

/** LC_BUILD_VERSION platform values. */
export const platformNames: readonly IntName[] = [
	{ value: 1, name: "macos" },
	{ value: 2, name: "ios" },
	{ value: 3, name: "tvos" },
	{ value: 4, name: "watchos" },
	{ value: 5, name: "bridgeos" },
	{ value: 6, name: "maccatalyst" },
	{ value: 7, name: "iossimulator" },
	{ value: 8, name: "tvossimulator" },
	{ value: 9, name: "watchossimulator" },
	{ value: 10, name: "driverkit" },
	{ value: 11, name: "visionos" },
];

/** Decodes an X.Y.Z version packed as xxxx.yy.zz nibbles (loader.h). */
export function machoVersion(v: number): string {
	const major = v >>> 16;
	const minor = (v >>> 8) & 0xff;
	const patch = v & 0xff;
	return patch ? `${major}.${minor}.${patch}` : `${major}.${minor}`;
}
