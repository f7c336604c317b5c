import { probePclnHeader } from "../pclntab";
import { RandomAccessSource } from "../source";
import { ToolingFacts } from "../elf/elf-types";
import { MachoFile } from "./macho-types";

/**
 * Symbol table, DWARF and pclntab facts for one Mach-O image. Go's darwin
 * linker always keeps an LC_SYMTAB for the dynamic imports, so "has a symbol
 * table" means: LC_DYSYMTAB lists local or external defined symbols (or, with
 * no LC_DYSYMTAB, nsyms > 0). DWARF lives in the __DWARF segment as __debug_*
 * (or compressed __zdebug_*) sections.
 */
export function machoTooling(src: RandomAccessSource, f: Omit<MachoFile, "tooling">): ToolingFacts {
	const sections = f.segments.flatMap((s) => s.sections);
	const debug = sections.filter((s) => s.segment === "__DWARF" || s.name.startsWith("__debug_") || s.name.startsWith("__zdebug_"));
	const symtab = f.dysymtab ? f.dysymtab.nlocalsym + f.dysymtab.nextdefsym > 0 : (f.symtab?.nsyms ?? 0) > 0;
	const pcln = sections.find((s) => s.name === "__gopclntab");
	return {
		symtab,
		dwarf: debug.length > 0,
		dwarfCompressed: debug.some((s) => s.name.startsWith("__zdebug_")),
		debugSections: debug.map((s) => s.name),
		gopclntab: pcln !== undefined,
		gopclntabSize: pcln ? pcln.size : null,
		gopclntabFoundBy: pcln ? "section" : null,
		gopclntabMagic: pcln && pcln.offset < src.size ? probePclnHeader(src, pcln.offset, f.littleEndian) : null,
	};
}
