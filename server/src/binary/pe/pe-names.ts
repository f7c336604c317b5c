// PE/COFF constants from the Microsoft "PE Format" specification
// (https://learn.microsoft.com/windows/win32/debug/pe-format) and Go's debug/pe.
import { IntName } from "../name-table";

/** IMAGE_FILE_MACHINE_* with the DTO short names. */
export const peMachineNames: readonly (IntName & { short: string })[] = [
	{ value: 0x14c, name: "IMAGE_FILE_MACHINE_I386", short: "i386" },
	{ value: 0x8664, name: "IMAGE_FILE_MACHINE_AMD64", short: "x86-64" },
	{ value: 0x1c0, name: "IMAGE_FILE_MACHINE_ARM", short: "arm" },
	{ value: 0x1c4, name: "IMAGE_FILE_MACHINE_ARMNT", short: "arm" },
	{ value: 0xaa64, name: "IMAGE_FILE_MACHINE_ARM64", short: "aarch64" },
	{ value: 0x5064, name: "IMAGE_FILE_MACHINE_RISCV64", short: "riscv64" },
	{ value: 0x6264, name: "IMAGE_FILE_MACHINE_LOONGARCH64", short: "loongarch64" },
];

/** Optional header magic: PE32 and PE32+. */
export const PE32_MAGIC = 0x10b;
export const PE32PLUS_MAGIC = 0x20b;

/** COFF Characteristics: IMAGE_FILE_DLL. */
export const IMAGE_FILE_DLL = 0x2000;

/** Section Characteristics bits used for flags display and data-start detection. */
export const IMAGE_SCN_CNT_CODE = 0x20;
export const IMAGE_SCN_CNT_INITIALIZED_DATA = 0x40;
export const IMAGE_SCN_CNT_UNINITIALIZED_DATA = 0x80;
export const IMAGE_SCN_ALIGN_32BYTES = 0x600000;
export const IMAGE_SCN_MEM_DISCARDABLE = 0x2000000;
export const IMAGE_SCN_MEM_EXECUTE = 0x20000000;
export const IMAGE_SCN_MEM_READ = 0x40000000;
export const IMAGE_SCN_MEM_WRITE = 0x80000000;

/** Subsystem values. */
export const subsystemNames: readonly IntName[] = [
	{ value: 1, name: "native" },
	{ value: 2, name: "windows gui" },
	{ value: 3, name: "windows cui" },
	{ value: 9, name: "windows ce gui" },
	{ value: 10, name: "efi application" },
];

/** Flag string for a section, readelf-like: W A X plus C (code), D (discardable). */
export function peSectionFlags(c: number): string {
	let s = "";
	if (c & IMAGE_SCN_MEM_WRITE) s += "W";
	if (c & IMAGE_SCN_MEM_READ) s += "R";
	if (c & IMAGE_SCN_MEM_EXECUTE) s += "X";
	if (c & IMAGE_SCN_MEM_DISCARDABLE) s += "D";
	return s;
}

/** A section type word for display: CODE, DATA, BSS or OTHER. */
export function peSectionType(c: number): string {
	if (c & IMAGE_SCN_CNT_CODE) return "CODE";
	if (c & IMAGE_SCN_CNT_INITIALIZED_DATA) return "DATA";
	if (c & IMAGE_SCN_CNT_UNINITIALIZED_DATA) return "BSS";
	return "OTHER";
}
