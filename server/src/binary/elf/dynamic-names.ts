// Dynamic section tags and flags (gABI "Dynamic Section", GNU extensions as
// in glibc's elf.h), spelled as readelf -d prints them.
import { IntName } from "../name-table";

/** d_tag values. */
export const dynamicTagNames: readonly IntName[] = [
	{ value: 0, name: "NULL" },
	{ value: 1, name: "NEEDED" },
	{ value: 2, name: "PLTRELSZ" },
	{ value: 3, name: "PLTGOT" },
	{ value: 4, name: "HASH" },
	{ value: 5, name: "STRTAB" },
	{ value: 6, name: "SYMTAB" },
	{ value: 7, name: "RELA" },
	{ value: 8, name: "RELASZ" },
	{ value: 9, name: "RELAENT" },
	{ value: 10, name: "STRSZ" },
	{ value: 11, name: "SYMENT" },
	{ value: 12, name: "INIT" },
	{ value: 13, name: "FINI" },
	{ value: 14, name: "SONAME" },
	{ value: 15, name: "RPATH" },
	{ value: 16, name: "SYMBOLIC" },
	{ value: 17, name: "REL" },
	{ value: 18, name: "RELSZ" },
	{ value: 19, name: "RELENT" },
	{ value: 20, name: "PLTREL" },
	{ value: 21, name: "DEBUG" },
	{ value: 22, name: "TEXTREL" },
	{ value: 23, name: "JMPREL" },
	{ value: 24, name: "BIND_NOW" },
	{ value: 25, name: "INIT_ARRAY" },
	{ value: 26, name: "FINI_ARRAY" },
	{ value: 27, name: "INIT_ARRAYSZ" },
	{ value: 28, name: "FINI_ARRAYSZ" },
	{ value: 29, name: "RUNPATH" },
	{ value: 30, name: "FLAGS" },
	{ value: 32, name: "PREINIT_ARRAY" },
	{ value: 33, name: "PREINIT_ARRAYSZ" },
	{ value: 34, name: "SYMTAB_SHNDX" },
	{ value: 35, name: "RELRSZ" },
	{ value: 36, name: "RELR" },
	{ value: 37, name: "RELRENT" },
	{ value: 0x6ffffdf5, name: "GNU_PRELINKED" },
	{ value: 0x6ffffdf6, name: "GNU_CONFLICTSZ" },
	{ value: 0x6ffffdf7, name: "GNU_LIBLISTSZ" },
	{ value: 0x6ffffdf8, name: "CHECKSUM" },
	{ value: 0x6ffffdf9, name: "PLTPADSZ" },
	{ value: 0x6ffffdfa, name: "MOVEENT" },
	{ value: 0x6ffffdfb, name: "MOVESZ" },
	{ value: 0x6ffffdfc, name: "FEATURE" },
	{ value: 0x6ffffdfd, name: "POSFLAG_1" },
	{ value: 0x6ffffdfe, name: "SYMINSZ" },
	{ value: 0x6ffffdff, name: "SYMINENT" },
	{ value: 0x6ffffef5, name: "GNU_HASH" },
	{ value: 0x6ffffef6, name: "TLSDESC_PLT" },
	{ value: 0x6ffffef7, name: "TLSDESC_GOT" },
	{ value: 0x6ffffef8, name: "GNU_CONFLICT" },
	{ value: 0x6ffffef9, name: "GNU_LIBLIST" },
	{ value: 0x6ffffefa, name: "CONFIG" },
	{ value: 0x6ffffefb, name: "DEPAUDIT" },
	{ value: 0x6ffffefc, name: "AUDIT" },
	{ value: 0x6ffffefd, name: "PLTPAD" },
	{ value: 0x6ffffefe, name: "MOVETAB" },
	{ value: 0x6ffffeff, name: "SYMINFO" },
	{ value: 0x6ffffff0, name: "VERSYM" },
	{ value: 0x6ffffff9, name: "RELACOUNT" },
	{ value: 0x6ffffffa, name: "RELCOUNT" },
	{ value: 0x6ffffffb, name: "FLAGS_1" },
	{ value: 0x6ffffffc, name: "VERDEF" },
	{ value: 0x6ffffffd, name: "VERDEFNUM" },
	{ value: 0x6ffffffe, name: "VERNEED" },
	{ value: 0x6fffffff, name: "VERNEEDNUM" },
	{ value: 0x7ffffffd, name: "AUXILIARY" },
	{ value: 0x7fffffff, name: "FILTER" },
];

/** Tag values the reader acts on. */
export const DT_NULL = 0n;
export const DT_NEEDED = 1n;
export const DT_STRTAB = 5n;
export const DT_STRSZ = 10n;
export const DT_SONAME = 14n;
export const DT_RPATH = 15n;
export const DT_RUNPATH = 29n;
export const DT_FLAGS = 30n;
export const DT_FLAGS_1 = 0x6ffffffbn;
export const DT_VERNEED = 0x6ffffffen;
export const DT_VERNEEDNUM = 0x6fffffffn;
export const DT_VERSYM = 0x6ffffff0n;

/** DT_FLAGS bits (gABI). */
export const dynamicFlagNames: readonly IntName[] = [
	{ value: 0x1, name: "ORIGIN" },
	{ value: 0x2, name: "SYMBOLIC" },
	{ value: 0x4, name: "TEXTREL" },
	{ value: 0x8, name: "BIND_NOW" },
	{ value: 0x10, name: "STATIC_TLS" },
];

/** DT_FLAGS_1 bits (Solaris/GNU extension, glibc elf.h DF_1_*). */
export const dynamicFlag1Names: readonly IntName[] = [
	{ value: 0x1, name: "NOW" },
	{ value: 0x2, name: "GLOBAL" },
	{ value: 0x4, name: "GROUP" },
	{ value: 0x8, name: "NODELETE" },
	{ value: 0x10, name: "LOADFLTR" },
	{ value: 0x20, name: "INITFIRST" },
	{ value: 0x40, name: "NOOPEN" },
	{ value: 0x80, name: "ORIGIN" },
	{ value: 0x100, name: "DIRECT" },
	{ value: 0x200, name: "TRANS" },
	{ value: 0x400, name: "INTERPOSE" },
	{ value: 0x800, name: "NODEFLIB" },
	{ value: 0x1000, name: "NODUMP" },
	{ value: 0x2000, name: "CONFALT" },
	{ value: 0x4000, name: "ENDFILTEE" },
	{ value: 0x8000, name: "DISPRELDNE" },
	{ value: 0x10000, name: "DISPRELPND" },
	{ value: 0x20000, name: "NODIRECT" },
	{ value: 0x40000, name: "IGNMULDEF" },
	{ value: 0x80000, name: "NOKSYMS" },
	{ value: 0x100000, name: "NOHDR" },
	{ value: 0x200000, name: "EDITED" },
	{ value: 0x400000, name: "NORELOC" },
	{ value: 0x800000, name: "SYMINTPOSE" },
	{ value: 0x1000000, name: "GLOBAUDIT" },
	{ value: 0x2000000, name: "SINGLETON" },
	{ value: 0x4000000, name: "STUB" },
	{ value: 0x8000000, name: "PIE" },
	{ value: 0x10000000, name: "KMOD" },
	{ value: 0x20000000, name: "WEAKFILTER" },
	{ value: 0x40000000, name: "NOCOMMON" },
];

/** DF_1_PIE: set by linkers on position-independent executables. */
export const DF_1_PIE = 0x8000000n;

/** Note types by owner (gABI "Note Section"; GNU and Go owners), as readelf -n prints them. */
export const noteTypeNamesByOwner: Readonly<Record<string, readonly IntName[]>> = {
	GNU: [
		{ value: 1, name: "NT_GNU_ABI_TAG (ABI version tag)" },
		{ value: 2, name: "NT_GNU_HWCAP (DSO-supplied software HWCAP info)" },
		{ value: 3, name: "NT_GNU_BUILD_ID (unique build ID bitstring)" },
		{ value: 4, name: "NT_GNU_GOLD_VERSION (gold version)" },
		{ value: 5, name: "NT_GNU_PROPERTY_TYPE_0" },
	],
	// cmd/link/internal/ld/elf.go: ELF_NOTE_GOPKGLIST_TAG 1, ABIHASH 2, DEPS 3, BUILDID 4.
	Go: [
		{ value: 4, name: "GO BUILDID" },
	],
};

/** Note type values the reader acts on. */
export const NT_GNU_ABI_TAG = 1;
export const NT_GNU_BUILD_ID = 3;
export const NT_GO_BUILD_ID = 4;
