// Constant tables for ELF, after the System V gABI (https://gabi.xinuos.com/)
// and Go's debug/elf/elf.go. Section, segment and dynamic-tag names use the
// spelling GNU readelf prints (the gABI name without its SHT_/PT_/DT_ prefix),
// so the text view and the readelf-comparison tests agree.
import { IntName, findName } from "../name-table";

/** e_type (gABI "ELF Header"). */
export const elfTypeNames: readonly IntName[] = [
	{ value: 0, name: "NONE" },
	{ value: 1, name: "REL" },
	{ value: 2, name: "EXEC" },
	{ value: 3, name: "DYN" },
	{ value: 4, name: "CORE" },
];

/** e_machine: value, readelf-ish long name, and the short name used in the DTO. */
export interface MachineName extends IntName {
	readonly short: string;
}

/** e_machine (gABI + processor supplements), the subset Go targets plus a few common ones. */
export const elfMachineNames: readonly MachineName[] = [
	{ value: 0, name: "None", short: "none" },
	{ value: 2, name: "Sparc", short: "sparc" },
	{ value: 3, name: "Intel 80386", short: "i386" },
	{ value: 8, name: "MIPS R3000", short: "mips" },
	{ value: 20, name: "PowerPC", short: "ppc" },
	{ value: 21, name: "PowerPC64", short: "ppc64" },
	{ value: 22, name: "IBM S/390", short: "s390x" },
	{ value: 40, name: "ARM", short: "arm" },
	{ value: 43, name: "Sparc v9", short: "sparc64" },
	{ value: 50, name: "Intel IA-64", short: "ia64" },
	{ value: 62, name: "Advanced Micro Devices X86-64", short: "x86-64" },
	{ value: 183, name: "AArch64", short: "aarch64" },
	{ value: 243, name: "RISC-V", short: "riscv" },
	{ value: 247, name: "Linux BPF", short: "bpf" },
	{ value: 258, name: "LoongArch", short: "loongarch" },
];

/** EI_OSABI. */
export const elfOsAbiNames: readonly IntName[] = [
	{ value: 0, name: "UNIX - System V" },
	{ value: 1, name: "UNIX - HP-UX" },
	{ value: 2, name: "UNIX - NetBSD" },
	{ value: 3, name: "UNIX - GNU" },
	{ value: 6, name: "UNIX - Solaris" },
	{ value: 9, name: "UNIX - FreeBSD" },
	{ value: 12, name: "UNIX - OpenBSD" },
];

/** sh_type, generic values (gABI "Sections", GNU extensions). */
export const sectionTypeNames: readonly IntName[] = [
	{ value: 0, name: "NULL" },
	{ value: 1, name: "PROGBITS" },
	{ value: 2, name: "SYMTAB" },
	{ value: 3, name: "STRTAB" },
	{ value: 4, name: "RELA" },
	{ value: 5, name: "HASH" },
	{ value: 6, name: "DYNAMIC" },
	{ value: 7, name: "NOTE" },
	{ value: 8, name: "NOBITS" },
	{ value: 9, name: "REL" },
	{ value: 10, name: "SHLIB" },
	{ value: 11, name: "DYNSYM" },
	{ value: 14, name: "INIT_ARRAY" },
	{ value: 15, name: "FINI_ARRAY" },
	{ value: 16, name: "PREINIT_ARRAY" },
	{ value: 17, name: "GROUP" },
	{ value: 18, name: "SYMTAB SECTION INDICES" },
	{ value: 19, name: "RELR" },
	{ value: 0x6ffffff5, name: "GNU_ATTRIBUTES" },
	{ value: 0x6ffffff6, name: "GNU_HASH" },
	{ value: 0x6ffffff7, name: "GNU_LIBLIST" },
	{ value: 0x6ffffffd, name: "VERDEF" },
	{ value: 0x6ffffffe, name: "VERNEED" },
	{ value: 0x6fffffff, name: "VERSYM" },
];

/** Processor-specific sh_type values (psABI supplements), keyed by e_machine. */
const sectionTypeNamesByMachine: Readonly<Record<number, readonly IntName[]>> = {
	62: [{ value: 0x70000001, name: "X86_64_UNWIND" }],
	40: [
		{ value: 0x70000001, name: "ARM_EXIDX" },
		{ value: 0x70000002, name: "ARM_PREEMPTMAP" },
		{ value: 0x70000003, name: "ARM_ATTRIBUTES" },
	],
	183: [{ value: 0x70000003, name: "AARCH64_ATTRIBUTES" }],
	// MIPS psABI / binutils include/elf/mips.h.
	8: [
		{ value: 0x70000006, name: "MIPS_REGINFO" },
		{ value: 0x7000000d, name: "MIPS_OPTIONS" },
		{ value: 0x7000002a, name: "MIPS_ABIFLAGS" },
	],
};

/** Section type name as readelf prints it; unknown values keep their range and offset. */
export function sectionTypeName(type: number, machine: number): string {
	const known = findName(sectionTypeNames, type) ?? findName(sectionTypeNamesByMachine[machine] ?? [], type);
	if (known !== undefined) {
		return known;
	}
	return rangeName(type, 0x70000000, 0x7fffffff, 0x60000000, 0x6fffffff, 0x80000000);
}

// Unknown values are named by range like readelf: LOPROC+x, LOOS+x, LOUSER+x.
function rangeName(value: number, loProc: number, hiProc: number, loOs: number, hiOs: number, loUser?: number): string {
	if (value >= loProc && value <= hiProc) {
		return `LOPROC+0x${(value - loProc).toString(16)}`;
	}
	if (value >= loOs && value <= hiOs) {
		return `LOOS+0x${(value - loOs).toString(16)}`;
	}
	if (loUser !== undefined && value >= loUser) {
		return `LOUSER+0x${(value - loUser).toString(16)}`;
	}
	return `<unknown>: 0x${value.toString(16)}`;
}

/** sh_flags bits with readelf's one-letter keys, in readelf's print order. */
export const sectionFlagLetters: readonly IntName[] = [
	{ value: 0x1, name: "W" }, // SHF_WRITE
	{ value: 0x2, name: "A" }, // SHF_ALLOC
	{ value: 0x4, name: "X" }, // SHF_EXECINSTR
	{ value: 0x10, name: "M" }, // SHF_MERGE
	{ value: 0x20, name: "S" }, // SHF_STRINGS
	{ value: 0x40, name: "I" }, // SHF_INFO_LINK
	{ value: 0x80, name: "L" }, // SHF_LINK_ORDER
	{ value: 0x100, name: "O" }, // SHF_OS_NONCONFORMING
	{ value: 0x200, name: "G" }, // SHF_GROUP
	{ value: 0x400, name: "T" }, // SHF_TLS
	{ value: 0x800, name: "C" }, // SHF_COMPRESSED
	{ value: 0x80000000, name: "E" }, // SHF_EXCLUDE (GNU)
];

/** SHF_COMPRESSED (gABI): the section starts with an Elf_Chdr. */
export const SHF_COMPRESSED = 0x800n;

/** readelf's -S flag column: known letters, then o/p/x for OS, processor and unknown bits. */
export function sectionFlagString(flags: bigint): string {
	// All defined bits are in the low 32; work on a number to avoid BigInt churn.
	let rest = Number(flags & 0xffffffffn);
	let out = "";
	for (const { value, name } of sectionFlagLetters) {
		if ((rest & value) !== 0) {
			out += name;
			rest &= ~value;
		}
	}
	if ((rest & 0x0ff00000) !== 0) {
		out += "o"; // SHF_MASKOS
		rest &= ~0x0ff00000;
	}
	if ((rest & 0xf0000000) !== 0) {
		out += "p"; // SHF_MASKPROC
		rest &= ~0xf0000000;
	}
	if (rest !== 0 || flags >> 32n !== 0n) {
		out += "x";
	}
	return out;
}

/** p_type (gABI "Program Header", GNU extensions). */
export const segmentTypeNames: readonly IntName[] = [
	{ value: 0, name: "NULL" },
	{ value: 1, name: "LOAD" },
	{ value: 2, name: "DYNAMIC" },
	{ value: 3, name: "INTERP" },
	{ value: 4, name: "NOTE" },
	{ value: 5, name: "SHLIB" },
	{ value: 6, name: "PHDR" },
	{ value: 7, name: "TLS" },
	{ value: 0x6474e550, name: "GNU_EH_FRAME" },
	{ value: 0x6474e551, name: "GNU_STACK" },
	{ value: 0x6474e552, name: "GNU_RELRO" },
	{ value: 0x6474e553, name: "GNU_PROPERTY" },
	{ value: 0x6474e554, name: "GNU_SFRAME" },
];

const segmentTypeNamesByMachine: Readonly<Record<number, readonly IntName[]>> = {
	40: [{ value: 0x70000001, name: "EXIDX" }],
	183: [{ value: 0x70000002, name: "AARCH64_MEMTAG_MTE" }],
	8: [
		{ value: 0x70000000, name: "REGINFO" },
		{ value: 0x70000001, name: "RTPROC" },
		{ value: 0x70000002, name: "OPTIONS" },
		{ value: 0x70000003, name: "ABIFLAGS" },
	],
};

/** Segment type name as readelf prints it. */
export function segmentTypeName(type: number, machine: number): string {
	const known = findName(segmentTypeNames, type) ?? findName(segmentTypeNamesByMachine[machine] ?? [], type);
	return known ?? rangeName(type, 0x70000000, 0x7fffffff, 0x60000000, 0x6fffffff);
}

/** Program header p_flags (gABI): R, W, E in readelf's "RWE" column order. */
export function segmentFlagString(flags: number): string {
	return (flags & 4 ? "R" : " ") + (flags & 2 ? "W" : " ") + (flags & 1 ? "E" : " ");
}

/** Segment types the reader refers to by value. */
export const PT_LOAD = 1;
export const PT_DYNAMIC = 2;
export const PT_INTERP = 3;
export const PT_NOTE = 4;
