import { checkPclnHeader, probePclnHeader, searchPclnHeader } from "../pclntab";
import { RandomAccessSource } from "../source";
import { ByteView } from "../byte-view";
import { PT_LOAD, SHF_COMPRESSED } from "./elf-names";
import { ElfHeader, ElfSection, ElfSegment, ToolingFacts } from "./elf-types";

const SHT_SYMTAB = 2;

/**
 * Symbol table, DWARF and pclntab facts. `-s` removes .symtab (and, before Go
 * 1.22 on ELF, DWARF too); `-w` removes .debug_*; .gopclntab always stays
 * (FACTS §2.1). Older Go linkers compressed DWARF into .zdebug_* sections,
 * newer ones set SHF_COMPRESSED (gABI "Compressed Sections") on .debug_*.
 */
export function elfTooling(src: RandomAccessSource, h: ElfHeader, sections: readonly ElfSection[], segments: readonly ElfSegment[]): ToolingFacts {
	const debug = sections.filter((s) => s.name.startsWith(".debug_") || s.name.startsWith(".zdebug_"));
	const compressed = debug.some((s) => s.name.startsWith(".zdebug_") || (s.flags & SHF_COMPRESSED) !== 0n);
	const base = {
		symtab: sections.some((s) => s.type === SHT_SYMTAB && s.size > 0n),
		dwarf: debug.length > 0,
		dwarfCompressed: compressed,
		debugSections: debug.map((s) => s.name),
	};
	const pcln = sections.find((s) => s.name === ".gopclntab");
	if (pcln) {
		const magic = pcln.offset <= BigInt(src.size) ? probePclnHeader(src, Number(pcln.offset), h.littleEndian) : null;
		return { ...base, gopclntab: true, gopclntabSize: pcln.size, gopclntabFoundBy: "section", gopclntabMagic: magic };
	}
	if (sections.some((s) => s.nameOk && s.name !== "")) {
		// Named sections and no .gopclntab: every Go linker mode we know of
		// (internal, external, PIE, static-pie) keeps that section, so this is
		// not a Go binary (or one we do not recognise); do not guess.
		return { ...base, gopclntab: false, gopclntabSize: null, gopclntabFoundBy: null, gopclntabMagic: null };
	}
	// No section headers: search the non-writable PT_LOAD segments, read-only
	// data first (where the Go linker puts runtime.pclntab), then text.
	const loads = segments.filter((p) => p.type === PT_LOAD && (p.flags & 2) === 0 && p.offset <= BigInt(src.size));
	loads.sort((a, b) => (a.flags & 1) - (b.flags & 1));
	const found = searchPclnHeader(src, loads.map((p) => ({ offset: Number(p.offset), size: clamp(p.filesz) })), h.littleEndian);
	return { ...base, gopclntab: found !== null, gopclntabSize: null, gopclntabFoundBy: found ? "magic" : null, gopclntabMagic: found?.magic ?? null };
}

function clamp(n: bigint): number {
	return n > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(n);
}

/** Re-exported for tests: checks a pclntab header in raw bytes. */
export function isPclnHeader(bytes: Uint8Array, littleEndian: boolean): boolean {
	return checkPclnHeader(new ByteView(bytes, 0, littleEndian), 0) !== null;
}
