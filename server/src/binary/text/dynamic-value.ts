import { flagNames, nameOf } from "../name-table";
import { dynamicFlag1Names, dynamicFlagNames, dynamicTagNames } from "../elf/dynamic-names";
import { ElfDynamicEntry } from "../elf/elf-types";

// Tags whose value readelf prints as "N (bytes)" or as a plain count.
const BYTE_SIZES = new Set([2, 8, 9, 10, 11, 18, 19, 27, 28, 33, 35, 37, 0x6ffffdf5, 0x6ffffdf6, 0x6ffffdf7, 0x6ffffdf9, 0x6ffffdfa, 0x6ffffdfb, 0x6ffffdfe, 0x6ffffdff]);
const COUNTS = new Set([0x6ffffff9, 0x6ffffffa, 0x6ffffffd, 0x6fffffff]);

/** The "(TYPE)" name readelf prints for a dynamic tag; unknown tags show their range. */
export function dynamicTagName(tag: bigint): string {
	const known = nameOf(dynamicTagNames, tag, "");
	if (!known.startsWith("0x")) {
		return known;
	}
	if (tag >= 0x70000000n && tag <= 0x7fffffffn) {
		return `Processor Specific: ${tag.toString(16)}`;
	}
	if (tag >= 0x6000000dn && tag <= 0x6ffff000n) {
		return `Operating System specific: ${tag.toString(16)}`;
	}
	return `<unknown>: ${tag.toString(16)}`;
}

/** The Name/Value column of readelf -d for one entry. */
export function dynamicValueText(e: ElfDynamicEntry): string {
	const t = Number(e.tag);
	switch (t) {
		case 1:
			return `Shared library: [${e.text ?? ""}]`;
		case 14:
			return `Library soname: [${e.text ?? ""}]`;
		case 15:
			return `Library rpath: [${e.text ?? ""}]`;
		case 29:
			return `Library runpath: [${e.text ?? ""}]`;
		case 20:
			return e.value === 7n ? "RELA" : e.value === 17n ? "REL" : `0x${e.value.toString(16)}`;
		case 30:
			return flagNames(dynamicFlagNames, e.value, " ") || "None";
		case 0x6ffffffb:
			return "Flags: " + (e.value === 0n ? "None" : flagNames(dynamicFlag1Names, e.value, " "));
		default:
			if (BYTE_SIZES.has(t)) {
				return `${e.value} (bytes)`;
			}
			return COUNTS.has(t) ? `${e.value}` : `0x${e.value.toString(16)}`;
	}
}
