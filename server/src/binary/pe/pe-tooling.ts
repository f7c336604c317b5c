import { searchPclnHeader } from "../pclntab";
import { RandomAccessSource } from "../source";
import { ToolingFacts } from "../elf/elf-types";
import { PeFile } from "./pe-types";

/**
 * Symbol table, DWARF and pclntab facts for a PE image. Go writes a COFF
 * symbol table unless -s; DWARF goes into .debug_* sections (long names via
 * the COFF string table); the pclntab has no section of its own on Windows, so
 * it is found by its header magic inside .rdata (bounded search).
 */
export function peTooling(src: RandomAccessSource, f: Omit<PeFile, "tooling">): ToolingFacts {
	const debug = f.sections.filter((s) => s.name.startsWith(".debug_") || s.name.startsWith(".zdebug_"));
	const rdata = f.sections.find((s) => s.name === ".rdata");
	const found = rdata ? searchPclnHeader(src, [{ offset: rdata.pointerToRawData, size: rdata.sizeOfRawData }], true) : null;
	return {
		symtab: f.pointerToSymbolTable !== 0 && f.numberOfSymbols > 0,
		dwarf: debug.length > 0,
		dwarfCompressed: debug.some((s) => s.name.startsWith(".zdebug_")),
		debugSections: debug.map((s) => s.name),
		gopclntab: found !== null,
		gopclntabSize: null,
		gopclntabFoundBy: found ? "magic" : null,
		gopclntabMagic: found?.magic ?? null,
	};
}
