import { hexPad } from "../byte-view";
import { elfTypeNames, sectionFlagString, sectionTypeName, segmentFlagString, segmentTypeName } from "../elf/elf-names";
import { DF_1_PIE, DT_FLAGS_1, noteTypeNamesByOwner, NT_GNU_ABI_TAG, NT_GNU_BUILD_ID, NT_GO_BUILD_ID } from "../elf/dynamic-names";
import { ElfFile, ElfNote } from "../elf/elf-types";
import { findName, nameOf } from "../name-table";
import { dynamicTagName, dynamicValueText } from "./dynamic-value";
import { sectionsInSegment } from "./section-mapping";

const TYPE_LONG: Readonly<Record<string, string>> = { NONE: "NONE (None)", REL: "REL (Relocatable file)", EXEC: "EXEC (Executable file)", DYN: "DYN (Position-Independent Executable file)", CORE: "CORE (Core file)" };

// readelf's flag legend names one machine-specific letter: SHF_X86_64_LARGE, SHF_ARM_PURECODE.
const LEGEND_BY_MACHINE: Readonly<Record<number, string>> = { 62: "l (large), ", 40: "y (purecode), " };

/** readelf -W -S layout. */
export function formatElfSections(f: ElfFile): string {
	const is64 = f.header.class === 64;
	const w = is64 ? 16 : 8;
	const out = [`There are ${f.sections.length} section headers, starting at offset 0x${f.header.shoff.toString(16)}:`, "", "Section Headers:"];
	out.push(`  [Nr] Name              Type            ${is64 ? "Address         " : "Addr    "} Off    Size   ES Flg Lk Inf Al`);
	for (const s of f.sections) {
		const name = s.nameOk ? s.name : `<corrupt: 0x${s.nameOffset.toString(16)}>`;
		out.push(
			`  [${String(s.index).padStart(2)}] ${name.padEnd(17)} ${sectionTypeName(s.type, f.header.machine).padEnd(15)} ${hexPad(s.addr, w)} ${hexPad(s.offset, 6)} ${hexPad(s.size, 6)} ${hexPad(s.entsize, 2)} ${sectionFlagString(s.flags).padStart(3)} ${String(s.link).padStart(2)} ${String(s.info).padStart(3)} ${String(s.addralign).padStart(2)}`,
		);
	}
	out.push(
		"Key to Flags:",
		"  W (write), A (alloc), X (execute), M (merge), S (strings), I (info),",
		"  L (link order), O (extra OS processing required), G (group), T (TLS),",
		"  C (compressed), x (unknown), o (OS specific), E (exclude),",
		`  D (mbind), ${LEGEND_BY_MACHINE[f.header.machine] ?? ""}p (processor specific)`,
	);
	return out.join("\n") + "\n";
}

/** Above this many section x segment pairs the mapping is skipped (only hostile files get there). */
const MAX_MAPPING_PAIRS = 100_000;

/** readelf -W -l layout, with the section-to-segment mapping. */
export function formatElfSegments(f: ElfFile): string {
	const is64 = f.header.class === 64;
	const type = nameOf(elfTypeNames, f.header.type);
	// readelf's is_pie(): ET_DYN is an executable only when DT_FLAGS_1 has DF_1_PIE.
	const pie = ((f.dynamic.find((e) => e.tag === DT_FLAGS_1)?.value ?? 0n) & DF_1_PIE) !== 0n;
	const long = type === "DYN" && !pie ? "DYN (Shared object file)" : (TYPE_LONG[type] ?? type);
	const out = ["", `Elf file type is ${long}`, `Entry point 0x${f.header.entry.toString(16)}`];
	if (f.segments.length === 0) {
		out.push("", "There are no program headers in this file.");
		return out.join("\n") + "\n";
	}
	out.push(`There are ${f.segments.length} program headers, starting at offset ${f.header.phoff}`, "", "Program Headers:");
	out.push(is64 ? "  Type           Offset   VirtAddr           PhysAddr           FileSiz  MemSiz   Flg Align" : "  Type           Offset   VirtAddr   PhysAddr   FileSiz MemSiz  Flg Align");
	const aw = is64 ? 16 : 8;
	const sw = is64 ? 6 : 5;
	for (const p of f.segments) {
		out.push(`  ${segmentTypeName(p.type, f.header.machine).padEnd(14)} 0x${hexPad(p.offset, 6)} 0x${hexPad(p.vaddr, aw)} 0x${hexPad(p.paddr, aw)} 0x${hexPad(p.filesz, sw)} 0x${hexPad(p.memsz, sw)} ${segmentFlagString(p.flags)} 0x${p.align.toString(16)}`);
		if (p.type === 3 && f.interpreter !== null) {
			out.push(`      [Requesting program interpreter: ${f.interpreter}]`);
		}
	}
	if (f.sections.length * f.segments.length > MAX_MAPPING_PAIRS) {
		out.push("", " Section to Segment mapping: omitted (too many headers)");
	} else if (f.sections.length > 0) {
		out.push("", " Section to Segment mapping:", "  Segment Sections...");
		for (const p of f.segments) {
			out.push(`   ${String(p.index).padStart(2, "0")}     ${sectionsInSegment(f.sections, p).map((n) => n + " ").join("")}`);
		}
	}
	return out.join("\n") + "\n";
}

/** readelf -W -d layout. */
export function formatElfDynamic(f: ElfFile): string {
	if (f.dynamic.length === 0) {
		return "\nThere is no dynamic section in this file.\n";
	}
	const is64 = f.header.class === 64;
	const n = f.dynamic.length;
	const out = ["", `Dynamic section at offset 0x${(f.dynamicOffset ?? 0).toString(16)} contains ${n} ${n === 1 ? "entry" : "entries"}:`, "  Tag        Type                         Name/Value"];
	for (const e of f.dynamic) {
		const name = dynamicTagName(e.tag);
		const tag = BigInt.asUintN(is64 ? 64 : 32, e.tag);
		out.push(` 0x${hexPad(tag, is64 ? 16 : 8)} (${name})${" ".repeat(Math.max(1, (is64 ? 19 : 27) - name.length))}${dynamicValueText(e)}`);
	}
	return out.join("\n") + "\n";
}

/** readelf -W -V layout for version needs, then the symbols that require each version. */
export function formatElfVersions(f: ElfFile): string {
	const v = f.versionNeeds;
	if (!v) {
		return "\nNo version information found in this file.\n";
	}
	const n = v.entries.length;
	const out = ["", `Version needs section '${v.sectionName}' contains ${n} ${n === 1 ? "entry" : "entries"}:`, ` Addr: 0x${hexPad(v.addr, 16)}  Offset: 0x${hexPad(v.offset, 8)}  Link: ${v.link} (${v.linkName})`];
	for (const e of v.entries) {
		out.push(`  ${hexPad(e.offset, 6)}: Version: ${e.version}  File: ${e.file}  Cnt: ${e.aux.length}`);
		for (const a of e.aux) {
			out.push(`  0x${hexPad(a.offset, 4)}:   Name: ${a.name}  Flags: ${versionFlags(a.flags)}  Version: ${a.other}`);
		}
	}
	if (f.versionedSymbols.length > 0) {
		out.push("", "Versioned dynamic symbols:");
		for (const s of f.versionedSymbols) {
			out.push(`  ${s.name}@${s.version}${s.hidden ? " (hidden)" : ""}  [${s.file}]`);
		}
	}
	return out.join("\n") + "\n";
}

/** Vernaux vna_flags: VER_FLG_BASE 0x1, VER_FLG_WEAK 0x2, VER_FLG_INFO 0x4 (readelf get_ver_flags). */
export function versionFlags(flags: number): string {
	if (flags === 0) {
		return "none";
	}
	const parts = [];
	if (flags & 1) parts.push("BASE");
	if (flags & 2) parts.push("WEAK");
	if (flags & 4) parts.push("INFO");
	if (flags & ~7) parts.push("<unknown>");
	return parts.join(" | ");
}

/** The Description column of readelf -n for one note. */
export function noteTypeText(n: ElfNote): string {
	return findName(noteTypeNamesByOwner[n.owner] ?? [], n.type) ?? `Unknown note type: (0x${hexPad(n.type, 8)})`;
}

function noteDetail(n: ElfNote): string {
	const hexBytes = Array.from(n.desc, (b) => b.toString(16).padStart(2, "0"));
	if (n.owner === "GNU" && n.type === NT_GNU_BUILD_ID) {
		return `    Build ID: ${hexBytes.join("")}`;
	}
	if (n.owner === "GNU" && n.type === NT_GNU_ABI_TAG && n.desc.length >= 16) {
		const dv = new DataView(n.desc.buffer, n.desc.byteOffset, n.desc.byteLength);
		const os = ["Linux", "Hurd", "Solaris", "FreeBSD", "NetBSD", "Syllable"][dv.getUint32(0, true)] ?? "Unknown";
		return `    OS: ${os}, ABI: ${dv.getUint32(4, true)}.${dv.getUint32(8, true)}.${dv.getUint32(12, true)}`;
	}
	if (n.owner === "Go" && n.type === NT_GO_BUILD_ID) {
		return `    Go build ID: "${new TextDecoder().decode(n.desc)}"`;
	}
	return `   description data: ${hexBytes.join(" ")} `;
}

/** readelf -W -n layout. */
export function formatElfNotes(f: ElfFile): string {
	const out: string[] = [];
	for (const g of f.noteGroups) {
		out.push("", g.sectionName ? `Displaying notes found in: ${g.sectionName}` : `Displaying notes found at file offset 0x${hexPad(g.offset, 8)} with length 0x${hexPad(g.size, 8)}:`);
		out.push("  Owner                Data size \tDescription");
		for (const n of g.notes) {
			out.push(`  ${n.owner.padEnd(20)} 0x${hexPad(n.descSize, 8)}\t${noteTypeText(n)}\t${noteDetail(n)}`);
		}
	}
	return out.join("\n") + "\n";
}
