import { RandomAccessSource } from "../source";
import { readDynamic, readInterpreter } from "./elf-dynamic";
import { readElfHeader } from "./elf-header";
import { readNoteGroups } from "./elf-notes";
import { readSections, readSegments } from "./elf-tables";
import { elfTooling } from "./elf-tooling";
import { ElfFile } from "./elf-types";
import { readVersionedSymbols, readVersionNeeds } from "./elf-versions";

/**
 * Decodes an ELF file (32/64-bit, either byte order) from a random-access
 * source with bounded reads. The caller has already checked the magic.
 * Throws BinaryFormatError for structural damage.
 */
export function readElf(src: RandomAccessSource): ElfFile {
	const header = readElfHeader(src);
	const sections = readSections(src, header);
	const segments = readSegments(src, header);
	const interpreter = readInterpreter(src, segments);
	const dyn = readDynamic(src, header, segments, sections);
	const versionNeeds = readVersionNeeds(src, header, sections);
	return {
		header,
		sections,
		segments,
		interpreter,
		dynamic: dyn.entries,
		dynamicOffset: dyn.offset,
		versionNeeds,
		versionedSymbols: readVersionedSymbols(src, header, sections, versionNeeds),
		noteGroups: readNoteGroups(src, header, sections, segments),
		tooling: elfTooling(src, header, sections, segments),
	};
}
