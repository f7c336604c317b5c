import { GoBuildInfoResult } from "./buildinfo/buildinfo";
import { BinaryInfo, SectionSummary, SegmentSummary } from "./binary-info";
import { sectionFlagString, sectionTypeName, segmentFlagString, segmentTypeName, elfMachineNames, elfTypeNames } from "./elf/elf-names";
import { ElfFile } from "./elf/elf-types";
import { classifyElfLinkage } from "./linkage";
import { MachoFat, MachoFile } from "./macho/macho-types";
import { cpuTypeNames, fileTypeNames } from "./macho/macho-names";
import { nameOf } from "./name-table";
import { IMAGE_FILE_DLL, peMachineNames, peSectionFlags, peSectionType } from "./pe/pe-names";
import { PeFile } from "./pe/pe-types";

function clampOffset(v: bigint): number {
	return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v);
}

// One e_machine value covers several Go-visible architectures: name them apart by class and byte order.
function elfMachine(short: string, cls: 32 | 64, le: boolean): string {
	switch (short) {
		case "mips":
			return (cls === 64 ? "mips64" : "mips") + (le ? "le" : "");
		case "ppc64":
			return le ? "ppc64le" : "ppc64";
		case "s390x":
			return cls === 32 ? "s390" : "s390x";
		case "riscv":
			return cls === 64 ? "riscv64" : "riscv32";
		case "loongarch":
			return cls === 64 ? "loong64" : "loongarch32";
		default:
			return short;
	}
}

function goFields(go: GoBuildInfoResult): Pick<BinaryInfo, "go" | "notGoReason"> {
	return go.kind === "go" ? { go: go.info, notGoReason: null } : { go: null, notGoReason: go.reason };
}

/** Builds the format-neutral view of an ELF file. */
export function summarizeElf(f: ElfFile, go: GoBuildInfoResult): BinaryInfo {
	const m = f.header.machine;
	const link = classifyElfLinkage(f);
	const sections: SectionSummary[] = f.sections.map((s) => ({ name: s.name, type: sectionTypeName(s.type, m), address: s.addr, offset: clampOffset(s.offset), size: s.size, flags: sectionFlagString(s.flags) }));
	const segments: SegmentSummary[] = f.segments.map((p) => ({ type: segmentTypeName(p.type, m), name: "", offset: clampOffset(p.offset), address: p.vaddr, fileSize: p.filesz, memSize: p.memsz, flags: segmentFlagString(p.flags), align: p.align }));
	const machine = elfMachineNames.find((e) => e.value === m)?.short ?? `0x${m.toString(16)}`;
	return {
		format: "elf",
		class: f.header.class,
		littleEndian: f.header.littleEndian,
		machine: elfMachine(machine, f.header.class, f.header.littleEndian),
		type: nameOf(elfTypeNames, f.header.type),
		...link,
		interpreter: f.interpreter,
		needed: f.dynamic.filter((e) => e.tag === 1n).map((e) => e.text ?? ""),
		versionNeeds: (f.versionNeeds?.entries ?? []).map((e) => ({ file: e.file, versions: e.aux.map((a) => a.name) })),
		sections,
		segments,
		tooling: f.tooling,
		...goFields(go),
		detail: { kind: "elf", elf: f },
	};
}

const PROT = (p: number): string => (p & 1 ? "R" : " ") + (p & 2 ? "W" : " ") + (p & 4 ? "E" : " ");

/** Builds the format-neutral view of one Mach-O image (the first slice of a fat file). */
export function summarizeMacho(f: MachoFile, fat: MachoFat | null, go: GoBuildInfoResult): BinaryInfo {
	const sections: SectionSummary[] = f.segments.flatMap((seg) => seg.sections.map((s) => ({ name: s.name, type: s.segment, address: s.addr, offset: s.offset, size: s.size, flags: "" })));
	const segments: SegmentSummary[] = f.segments.map((s) => ({ type: f.is64 ? "LC_SEGMENT_64" : "LC_SEGMENT", name: s.name, offset: clampOffset(s.fileoff), address: s.vmaddr, fileSize: s.filesize, memSize: s.vmsize, flags: PROT(s.initprot), align: 0n }));
	return {
		format: "macho",
		class: f.is64 ? 64 : 32,
		littleEndian: f.littleEndian,
		machine: cpuTypeNames.find((c) => c.value === f.cpuType)?.short ?? `0x${(f.cpuType >>> 0).toString(16)}`,
		type: fileTypeNames.find((t) => t.value === f.fileType)?.short ?? `0x${f.fileType.toString(16)}`,
		// dyld always loads Mach-O executables; libSystem is the C library on macOS.
		linkage: "dynamic",
		interpreter: f.dylinker,
		libc: "unknown",
		glibcMin: null,
		glibcMinSymbols: [],
		pie: (f.flags & 0x200000) !== 0,
		needed: f.dylibs.map((d) => d.name),
		versionNeeds: [],
		sections,
		segments,
		tooling: f.tooling,
		...goFields(go),
		detail: { kind: "macho", macho: f, fat },
	};
}

/** Builds the format-neutral view of a PE image. */
export function summarizePe(f: PeFile, go: GoBuildInfoResult): BinaryInfo {
	const sections: SectionSummary[] = f.sections.map((s) => ({ name: s.name, type: peSectionType(s.characteristics), address: f.imageBase + BigInt(s.virtualAddress), offset: s.pointerToRawData, size: BigInt(s.virtualSize), flags: peSectionFlags(s.characteristics) }));
	return {
		format: "pe",
		class: f.is64 ? 64 : 32,
		littleEndian: true,
		machine: peMachineNames.find((c) => c.value === f.machine)?.short ?? `0x${f.machine.toString(16)}`,
		type: f.characteristics & IMAGE_FILE_DLL ? "DYN" : "EXEC",
		// The Windows loader always resolves imports; there is no static PE in this sense.
		linkage: f.imports.length > 0 ? "dynamic" : "static",
		interpreter: null,
		libc: "unknown",
		glibcMin: null,
		glibcMinSymbols: [],
		pie: false,
		needed: f.imports,
		versionNeeds: [],
		sections,
		segments: [],
		tooling: f.tooling,
		...goFields(go),
		detail: { kind: "pe", pe: f },
	};
}
