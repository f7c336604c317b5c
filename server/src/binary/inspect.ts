import { BinaryInfo, InspectResult } from "./binary-info";
import { readGoBuildInfo } from "./buildinfo/buildinfo";
import { elfGoExe, machoGoExe, peGoExe } from "./buildinfo/go-exe";
import { ByteView } from "./byte-view";
import { isElf } from "./elf/elf-header";
import { readElf } from "./elf/elf-file";
import { isMachoMagic, readMacho, readMachoFat } from "./macho/macho-file";
import { FAT_MAGIC, FAT_MAGIC_64 } from "./macho/macho-names";
import { peHeaderOffset, readPe } from "./pe/pe-file";
import { RandomAccessSource, readUpTo, subSource } from "./source";
import { summarizeElf, summarizeMacho, summarizePe } from "./summarize";

/**
 * Inspects an executable: detects ELF, Mach-O (thin or universal) or PE from
 * the magic bytes, decodes it with bounded reads, and reads Go build info.
 * Returns "not-executable" for anything else; throws only BinaryFormatError.
 */
export function inspectBinary(src: RandomAccessSource): InspectResult {
	const head = readUpTo(src, 0, 8);
	if (head.length < 4) {
		return { kind: "not-executable", reason: "file too short" };
	}
	if (isElf(head)) {
		const elf = readElf(src);
		return binary(summarizeElf(elf, readGoBuildInfo(elfGoExe(src, elf))));
	}
	const be = new ByteView(head, 0, false).u32(0);
	if (isMachoMagic(be)) {
		const m = readMacho(src, 0);
		return binary(summarizeMacho(m, null, readGoBuildInfo(machoGoExe(src, m))));
	}
	if (be === FAT_MAGIC || be === FAT_MAGIC_64) {
		const fat = readMachoFat(src);
		if (!fat) {
			return { kind: "not-executable", reason: "0xcafebabe file that is not a universal binary (a Java class?)" };
		}
		const first = fat.files[0];
		const slice = subSource(src, fat.arches[0].offset, fat.arches[0].size);
		return binary(summarizeMacho(first, fat, readGoBuildInfo(machoGoExe(slice, first))));
	}
	const pe = peHeaderOffset(src);
	if (pe !== null) {
		const f = readPe(src, pe);
		return binary(summarizePe(f, readGoBuildInfo(peGoExe(src, f))));
	}
	return { kind: "not-executable", reason: "not an ELF, Mach-O or PE file" };
}

function binary(info: BinaryInfo): InspectResult {
	return { kind: "binary", info };
}
