import { hexPad } from "../byte-view";
import { cpuTypeNames, fileTypeNames, headerFlagNames, loadCommandNames } from "../macho/macho-names";
import { MachoFat, MachoFile } from "../macho/macho-types";
import { flagNames, nameOf } from "../name-table";
import { peMachineNames, subsystemNames } from "../pe/pe-names";
import { PeFile } from "../pe/pe-types";

/** A readelf-like listing of one Mach-O image: header, load commands, segments and sections, dylibs. */
export function formatMacho(f: MachoFile): string {
	const out = [
		`Mach-O ${f.is64 ? "64" : "32"}-bit ${nameOf(cpuTypeNames, f.cpuType)} ${nameOf(fileTypeNames, f.fileType)} (slice at offset ${f.base})`,
		`Flags: ${flagNames(headerFlagNames, f.flags, " ") || "none"}`,
		`There are ${f.ncmds} load commands, ${f.sizeofcmds} bytes:`,
	];
	for (const c of f.loadCommands) {
		out.push(`  ${nameOf(loadCommandNames, c.cmd).padEnd(24)} size ${c.cmdsize}`);
	}
	out.push("", "Segments and sections:", "  Segment/Section          Address            Offset   Size     Prot");
	for (const s of f.segments) {
		out.push(`  ${s.name.padEnd(24)} 0x${hexPad(s.vmaddr, 16)} 0x${hexPad(s.fileoff, 6)} 0x${hexPad(s.filesize, 6)} ${prot(s.initprot)}/${prot(s.maxprot)}`);
		for (const sec of s.sections) {
			out.push(`    ${sec.name.padEnd(22)} 0x${hexPad(sec.addr, 16)} 0x${hexPad(sec.offset, 6)} 0x${hexPad(sec.size, 6)}`);
		}
	}
	out.push("", "Dynamic libraries:");
	for (const d of f.dylibs) {
		out.push(`  ${d.name} (compatibility version ${d.compatibilityVersion}, current version ${d.currentVersion})`);
	}
	if (f.dylinker) {
		out.push(`Dynamic linker: ${f.dylinker}`);
	}
	if (f.buildVersion) {
		out.push(`Build version: platform ${f.buildVersion.platformName}, minos ${f.buildVersion.minos}, sdk ${f.buildVersion.sdk}`);
	}
	if (f.uuid) {
		out.push(`UUID: ${f.uuid}`);
	}
	return out.join("\n") + "\n";
}

function prot(p: number): string {
	return (p & 1 ? "r" : "-") + (p & 2 ? "w" : "-") + (p & 4 ? "x" : "-");
}

/** Lists the slices of a universal binary. */
export function formatFat(fat: MachoFat): string {
	const lines = [`Universal binary with ${fat.arches.length} architectures:`];
	for (const a of fat.arches) {
		lines.push(`  ${nameOf(cpuTypeNames, a.cpuType)} offset ${a.offset} size ${a.size} align 2^${a.align}`);
	}
	return lines.join("\n") + "\n";
}

/** An objdump -p-like listing of a PE image: headers, sections, imported DLLs. */
export function formatPe(f: PeFile): string {
	const out = [
		`PE ${f.is64 ? "PE32+" : "PE32"} ${nameOf(peMachineNames, f.machine)}, subsystem ${nameOf(subsystemNames, f.subsystem)} ${f.subsystemVersion}, OS version ${f.osVersion}`,
		`ImageBase 0x${f.imageBase.toString(16)}, entry RVA 0x${f.entryPoint.toString(16)}, COFF symbols ${f.numberOfSymbols}`,
		"",
		"Sections:",
		"  Name       VirtAddr  VirtSize  RawPtr    RawSize   Flags",
	];
	for (const s of f.sections) {
		out.push(`  ${s.name.padEnd(10)} ${hexPad(s.virtualAddress, 8)}  ${hexPad(s.virtualSize, 8)}  ${hexPad(s.pointerToRawData, 8)}  ${hexPad(s.sizeOfRawData, 8)}  ${hexPad(s.characteristics, 8)}`);
	}
	out.push("", "Imported DLLs:", ...f.imports.map((d) => `  ${d}`));
	return out.join("\n") + "\n";
}
