import { GoBuildInfo, NotGoReason } from "./buildinfo/buildinfo";
import { ElfFile, ToolingFacts } from "./elf/elf-types";
import { Libc, Linkage } from "./linkage";
import { MachoFat, MachoFile } from "./macho/macho-types";
import { PeFile } from "./pe/pe-types";

/** A section in format-neutral form (readelf -S columns). */
export interface SectionSummary {
	readonly name: string;
	/** readelf type name for ELF ("PROGBITS"), segment-qualified kind for Mach-O, CODE/DATA/BSS for PE. */
	readonly type: string;
	readonly address: bigint;
	readonly offset: number;
	readonly size: bigint;
	/** readelf flag letters for ELF ("AX"); W/R/X for PE; "" for Mach-O. */
	readonly flags: string;
}

/** A segment / program header in format-neutral form (readelf -l columns). */
export interface SegmentSummary {
	/** "LOAD", "INTERP"... for ELF; "LC_SEGMENT_64" for Mach-O. */
	readonly type: string;
	/** Segment name (Mach-O "__TEXT"); "" for ELF. */
	readonly name: string;
	readonly offset: number;
	readonly address: bigint;
	readonly fileSize: bigint;
	readonly memSize: bigint;
	/** "R E" style. */
	readonly flags: string;
	readonly align: bigint;
}

/** A needed file and the symbol versions required from it. */
export interface VersionNeedSummary {
	readonly file: string;
	readonly versions: readonly string[];
}

/** Everything known about one executable image, in a format-neutral shape. */
export interface BinaryInfo {
	readonly format: "elf" | "macho" | "pe";
	readonly class: 32 | 64;
	readonly littleEndian: boolean;
	/** Short machine name: "x86-64", "aarch64", "i386", "arm", "s390x"... */
	readonly machine: string;
	/** "EXEC", "DYN", "REL", "CORE"... */
	readonly type: string;
	readonly linkage: Linkage;
	readonly interpreter: string | null;
	readonly libc: Libc;
	readonly glibcMin: string | null;
	readonly glibcMinSymbols: readonly string[];
	readonly pie: boolean;
	/** NEEDED (ELF), LC_LOAD_DYLIB (Mach-O) or imported DLLs (PE). */
	readonly needed: readonly string[];
	readonly versionNeeds: readonly VersionNeedSummary[];
	readonly sections: readonly SectionSummary[];
	readonly segments: readonly SegmentSummary[];
	readonly tooling: ToolingFacts;
	/** Go build info, or why there is none. */
	readonly go: GoBuildInfo | null;
	readonly notGoReason: NotGoReason | null;
	/** The format-specific decoding, for detailed views. */
	readonly detail: { readonly kind: "elf"; readonly elf: ElfFile } | { readonly kind: "macho"; readonly macho: MachoFile; readonly fat: MachoFat | null } | { readonly kind: "pe"; readonly pe: PeFile };
}

/** The result of inspecting a file: an executable image, or not one (a result, not an error). */
export type InspectResult = { readonly kind: "binary"; readonly info: BinaryInfo } | { readonly kind: "not-executable"; readonly reason: string };
