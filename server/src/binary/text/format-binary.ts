import { BinaryInfo } from "../binary-info";
import { formatElfDynamic, formatElfNotes, formatElfSections, formatElfSegments, formatElfVersions } from "./elf-text";
import { formatGoVersion } from "./go-version-text";
import { formatFat, formatMacho, formatPe } from "./other-text";

/**
 * The full text view: for ELF the readelf -W -S, -l, -d, -V and -n sections in
 * that order; for Mach-O and PE a listing in the same spirit; then a summary
 * and the Go build info in `go version -m` layout. Pure: returns a string.
 */
export function formatBinaryText(info: BinaryInfo, fileName = "binary"): string {
	const parts: string[] = [];
	const d = info.detail;
	if (d.kind === "elf") {
		parts.push(formatElfSections(d.elf), formatElfSegments(d.elf), formatElfDynamic(d.elf), formatElfVersions(d.elf), formatElfNotes(d.elf));
	} else if (d.kind === "macho") {
		if (d.fat) {
			parts.push(formatFat(d.fat), "\n");
		}
		parts.push(formatMacho(d.macho));
	} else {
		parts.push(formatPe(d.pe));
	}
	parts.push("\n", summary(info), "\n\n");
	parts.push(info.go ? formatGoVersion(fileName, info.go) : `${fileName}: not a Go binary (${info.notGoReason ?? "unknown"})\n`);
	return parts.join("");
}

function summary(i: BinaryInfo): string {
	const t = i.tooling;
	return [
		"Summary:",
		`  format ${i.format}, ${i.class}-bit ${i.littleEndian ? "little" : "big"}-endian ${i.machine} ${i.type}`,
		`  linkage ${i.linkage}${i.pie ? " (PIE)" : ""}, libc ${i.libc}${i.glibcMin ? `, needs GLIBC_${i.glibcMin} (${i.glibcMinSymbols.join(", ") || "no symbol listed"})` : ""}`,
		`  interpreter ${i.interpreter ?? "(none)"}`,
		`  needed ${i.needed.join(", ") || "(none)"}`,
		`  symtab ${t.symtab ? "yes" : "no"}, DWARF ${t.dwarf ? (t.dwarfCompressed ? "yes (compressed)" : "yes") : "no"}, gopclntab ${t.gopclntab ? `yes${t.gopclntabSize !== null ? ` (${t.gopclntabSize} bytes)` : ""}` : "no"}`,
	].join("\n");
}
