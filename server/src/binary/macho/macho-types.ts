import { ToolingFacts } from "../elf/elf-types";

/** A Mach-O section (loader.h struct section / section_64). */
export interface MachoSection {
	readonly name: string;
	readonly segment: string;
	readonly addr: bigint;
	readonly size: bigint;
	readonly offset: number;
	readonly align: number;
	readonly flags: number;
}

/** A segment load command (LC_SEGMENT / LC_SEGMENT_64) with its sections. */
export interface MachoSegment {
	readonly name: string;
	readonly vmaddr: bigint;
	readonly vmsize: bigint;
	readonly fileoff: bigint;
	readonly filesize: bigint;
	readonly maxprot: number;
	readonly initprot: number;
	readonly flags: number;
	readonly sections: readonly MachoSection[];
}

/** A dylib load command (LC_LOAD_DYLIB and friends). */
export interface MachoDylib {
	readonly cmd: number;
	readonly name: string;
	readonly currentVersion: string;
	readonly compatibilityVersion: string;
}

/** LC_BUILD_VERSION (or LC_VERSION_MIN_MACOSX, mapped to platform macos). */
export interface MachoBuildVersion {
	readonly platform: number;
	readonly platformName: string;
	readonly minos: string;
	readonly sdk: string;
	readonly tools: readonly { tool: number; version: string }[];
}

/** One thin Mach-O image; `base` is its offset inside a fat file (0 when thin). */
export interface MachoFile {
	readonly base: number;
	readonly is64: boolean;
	readonly littleEndian: boolean;
	readonly cpuType: number;
	readonly cpuSubtype: number;
	readonly fileType: number;
	readonly ncmds: number;
	readonly sizeofcmds: number;
	readonly flags: number;
	readonly loadCommands: readonly { cmd: number; cmdsize: number; offset: number }[];
	readonly segments: readonly MachoSegment[];
	readonly dylibs: readonly MachoDylib[];
	readonly dylinker: string | null;
	readonly buildVersion: MachoBuildVersion | null;
	readonly uuid: string | null;
	readonly symtab: { symoff: number; nsyms: number; stroff: number; strsize: number } | null;
	readonly dysymtab: { nlocalsym: number; nextdefsym: number; nundefsym: number } | null;
	readonly tooling: ToolingFacts;
}

/** A universal binary: the fat_arch table and every slice that could be decoded. */
export interface MachoFat {
	readonly arches: readonly { cpuType: number; cpuSubtype: number; offset: number; size: number; align: number }[];
	readonly files: readonly MachoFile[];
}
