// Data types of a decoded ELF file. 64-bit quantities are bigint; JSON-facing
// code turns them into hex strings (see ../dto.ts).

/** The ELF file header (gABI "ELF Header"), after extended numbering is resolved. */
export interface ElfHeader {
	readonly class: 32 | 64;
	readonly littleEndian: boolean;
	readonly osAbi: number;
	readonly abiVersion: number;
	readonly type: number;
	readonly machine: number;
	readonly version: number;
	readonly entry: bigint;
	readonly phoff: bigint;
	readonly shoff: bigint;
	readonly flags: number;
	readonly ehsize: number;
	readonly phentsize: number;
	/** Real program header count (PN_XNUM resolved through section 0's sh_info). */
	readonly phnum: number;
	readonly shentsize: number;
	/** Real section count (0 in e_shnum means: read section 0's sh_size). */
	readonly shnum: number;
	/** Real index of the section name table (SHN_XINDEX resolved through section 0's sh_link). */
	readonly shstrndx: number;
}

/** One section header (gABI "Sections"). */
export interface ElfSection {
	readonly index: number;
	/** Name from .shstrtab; "" with nameOk false when the offset is bad. */
	readonly name: string;
	readonly nameOk: boolean;
	readonly nameOffset: number;
	readonly type: number;
	readonly flags: bigint;
	readonly addr: bigint;
	readonly offset: bigint;
	readonly size: bigint;
	readonly link: number;
	readonly info: number;
	readonly addralign: bigint;
	readonly entsize: bigint;
}

/** One program header (gABI "Program Header"). */
export interface ElfSegment {
	readonly index: number;
	readonly type: number;
	readonly flags: number;
	readonly offset: bigint;
	readonly vaddr: bigint;
	readonly paddr: bigint;
	readonly filesz: bigint;
	readonly memsz: bigint;
	readonly align: bigint;
}

/** One dynamic entry; `text` is the string for NEEDED/SONAME/RPATH/RUNPATH. */
export interface ElfDynamicEntry {
	readonly tag: bigint;
	readonly value: bigint;
	readonly text?: string;
}

/** One Vernaux (gABI/LSB "Version Needed Auxiliary Entries"). */
export interface ElfVersionNeedAux {
	readonly offset: number;
	readonly hash: number;
	readonly flags: number;
	/** vna_other: the version index that .gnu.version entries refer to. */
	readonly other: number;
	readonly name: string;
}

/** One Verneed entry: a needed file and the versions required from it. */
export interface ElfVersionNeed {
	readonly offset: number;
	readonly version: number;
	readonly file: string;
	readonly aux: readonly ElfVersionNeedAux[];
}

/** The .gnu.version_r section and where it was found. */
export interface ElfVersionNeeds {
	readonly sectionName: string;
	readonly addr: bigint;
	readonly offset: number;
	readonly link: number;
	readonly linkName: string;
	readonly entries: readonly ElfVersionNeed[];
}

/** A dynamic symbol that requires a version from a needed file. */
export interface ElfVersionedSymbol {
	readonly name: string;
	readonly version: string;
	readonly file: string;
	readonly hidden: boolean;
}

/** One note (gABI "Note Section"). */
export interface ElfNote {
	readonly owner: string;
	readonly type: number;
	/** Offset of the note header in the file. */
	readonly offset: number;
	readonly descSize: number;
	/** The descriptor, capped (notes we care about are small). */
	readonly desc: Uint8Array;
}

/** Notes grouped the way readelf -n prints them (by section, else by segment). */
export interface ElfNoteGroup {
	/** Section name, or "" when read from a PT_NOTE segment. */
	readonly sectionName: string;
	readonly offset: number;
	readonly size: number;
	readonly notes: readonly ElfNote[];
}

/** Presence and size of symbol, debug and Go runtime tables. */
export interface ToolingFacts {
	readonly symtab: boolean;
	readonly dwarf: boolean;
	/** Some debug section is compressed (.zdebug_* or SHF_COMPRESSED). */
	readonly dwarfCompressed: boolean;
	readonly debugSections: readonly string[];
	readonly gopclntab: boolean;
	/** Size in bytes, when known from a section header. */
	readonly gopclntabSize: bigint | null;
	/** How the pclntab was found. */
	readonly gopclntabFoundBy: "section" | "magic" | null;
	/** pclntab header magic, e.g. 0xfffffff1 (Go 1.20+). */
	readonly gopclntabMagic: number | null;
}

/** Everything the reader extracts from one ELF file. */
export interface ElfFile {
	readonly header: ElfHeader;
	readonly sections: readonly ElfSection[];
	readonly segments: readonly ElfSegment[];
	readonly interpreter: string | null;
	readonly dynamic: readonly ElfDynamicEntry[];
	/** Offset of the dynamic table in the file, when there is one. */
	readonly dynamicOffset: number | null;
	readonly versionNeeds: ElfVersionNeeds | null;
	readonly versionedSymbols: readonly ElfVersionedSymbol[];
	readonly noteGroups: readonly ElfNoteGroup[];
	readonly tooling: ToolingFacts;
}
