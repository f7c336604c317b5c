import { ByteView, cString } from "../byte-view";
import { RandomAccessSource, toSafeOffset } from "../source";
import { MAX_STRTAB, readSectionData } from "./elf-tables";
import { ElfHeader, ElfSection, ElfVersionedSymbol, ElfVersionNeed, ElfVersionNeedAux, ElfVersionNeeds } from "./elf-types";

// GNU symbol versioning (LSB Core, "Symbol Versioning"): section types.
const SHT_GNU_VERNEED = 0x6ffffffe;
const SHT_GNU_VERSYM = 0x6fffffff;
const SHT_DYNSYM = 11;
/** Caps that keep hostile counts from driving long loops. */
const MAX_VERNEED = 4096;
const MAX_VERNAUX = 4096;
const MAX_DYNSYM_BYTES = 16 * 1024 * 1024;

/**
 * Reads .gnu.version_r: a chain of Elf_Verneed (vn_version, vn_cnt, vn_file,
 * vn_aux, vn_next), each with vn_cnt Elf_Vernaux (vna_hash, vna_flags,
 * vna_other, vna_name, vna_next). Offsets are relative to the entry; a zero
 * vn_next / vna_next ends a chain. sh_info holds the number of entries and
 * sh_link the string table. Every offset is checked against the section.
 */
export function readVersionNeeds(src: RandomAccessSource, h: ElfHeader, sections: readonly ElfSection[]): ElfVersionNeeds | null {
	const sec = sections.find((s) => s.type === SHT_GNU_VERNEED);
	if (!sec) {
		return null;
	}
	const data = new ByteView(readSectionData(src, sec, MAX_STRTAB, ".gnu.version_r"), toSafeOffset(sec.offset, ".gnu.version_r offset"), h.littleEndian);
	const strSec = sections[sec.link];
	const strtab = strSec && sec.link !== 0 ? readSectionData(src, strSec, MAX_STRTAB, "version string table") : new Uint8Array(0);
	const entries: ElfVersionNeed[] = [];
	let off = 0;
	const count = Math.min(sec.info, MAX_VERNEED);
	for (let i = 0; i < count && off + 16 <= data.length; i++) {
		const cnt = data.u16(off + 2);
		const file = str(strtab, data.u32(off + 4));
		const aux = readAux(data, strtab, off + data.u32(off + 8), cnt);
		entries.push({ offset: off, version: data.u16(off), file, aux });
		const next = data.u32(off + 12);
		if (next === 0) {
			break;
		}
		off += next;
	}
	return {
		sectionName: sec.name,
		addr: sec.addr,
		offset: data.base,
		link: sec.link,
		linkName: strSec?.name ?? "",
		entries,
	};
}

function readAux(data: ByteView, strtab: Uint8Array, start: number, cnt: number): ElfVersionNeedAux[] {
	const out: ElfVersionNeedAux[] = [];
	let off = start;
	for (let j = 0; j < Math.min(cnt, MAX_VERNAUX) && off + 16 <= data.length; j++) {
		out.push({ offset: off, hash: data.u32(off), flags: data.u16(off + 4), other: data.u16(off + 6), name: str(strtab, data.u32(off + 8)) });
		const next = data.u32(off + 12);
		if (next === 0) {
			break;
		}
		off += next;
	}
	return out;
}

function str(table: Uint8Array, off: number): string {
	const [s, ok] = cString(table, off);
	return ok ? s : `<corrupt: 0x${off.toString(16)}>`;
}

/**
 * Joins .gnu.version (one Elf_Half per .dynsym entry; bit 15 = hidden, the
 * rest an index into the version definitions/needs, 0 = local, 1 = global)
 * with .dynsym names to list the symbols that require a needed version.
 */
export function readVersionedSymbols(src: RandomAccessSource, h: ElfHeader, sections: readonly ElfSection[], needs: ElfVersionNeeds | null): ElfVersionedSymbol[] {
	const versym = sections.find((s) => s.type === SHT_GNU_VERSYM);
	if (!needs || !versym) {
		return [];
	}
	const dynsym = sections[versym.link];
	if (!dynsym || dynsym.type !== SHT_DYNSYM) {
		return [];
	}
	const byIndex = new Map<number, { name: string; file: string }>();
	for (const need of needs.entries) {
		for (const a of need.aux) {
			byIndex.set(a.other & 0x7fff, { name: a.name, file: need.file });
		}
	}
	const le = h.littleEndian;
	const vs = new ByteView(readSectionData(src, versym, MAX_DYNSYM_BYTES, ".gnu.version"), 0, le);
	const syms = new ByteView(readSectionData(src, dynsym, MAX_DYNSYM_BYTES, ".dynsym"), 0, le);
	const strSec = sections[dynsym.link];
	const strtab = strSec && dynsym.link !== 0 ? readSectionData(src, strSec, MAX_STRTAB, ".dynstr") : new Uint8Array(0);
	const symSize = h.class === 64 ? 24 : 16; // sizeof(Elf64_Sym) / sizeof(Elf32_Sym)
	const n = Math.min(Math.floor(vs.length / 2), Math.floor(syms.length / symSize));
	const out: ElfVersionedSymbol[] = [];
	for (let i = 1; i < n; i++) {
		const raw = vs.u16(i * 2);
		const ver = byIndex.get(raw & 0x7fff);
		if (ver) {
			// st_name is the first word of both Elf32_Sym and Elf64_Sym.
			out.push({ name: str(strtab, syms.u32(i * symSize)), version: ver.name, file: ver.file, hidden: (raw & 0x8000) !== 0 });
		}
	}
	return out;
}
