import { ByteView, cString } from "../byte-view";
import { BinaryFormatError } from "../errors";
import { RandomAccessSource, readExact, toSafeOffset } from "../source";
import { ElfHeader, ElfSection, ElfSegment } from "./elf-types";

const SHT_STRTAB = 3;
const SHT_NOBITS = 8;

/**
 * Executables have tens of sections; 65536 (what e_shnum can express without
 * extended numbering) is far beyond any of them and keeps hostile counts from
 * costing seconds of decoding.
 */
export const MAX_SECTIONS = 65536;

/** Upper bound for a string table we are willing to read in one go. */
export const MAX_STRTAB = 8 * 1024 * 1024;

/**
 * Reads the section header table and names the sections from .shstrtab.
 * The table's byte size (count * entsize) is checked against the file size
 * before anything is read (debug/elf: "validate before you allocate").
 */
export function readSections(src: RandomAccessSource, h: ElfHeader): ElfSection[] {
	if (h.shnum === 0) {
		return [];
	}
	const is64 = h.class === 64;
	const want = is64 ? 64 : 40;
	if (h.shentsize < want) {
		throw new BinaryFormatError(0, "invalid ELF shentsize", h.shentsize);
	}
	const shoff = toSafeOffset(h.shoff, "ELF shoff");
	if (h.shnum > MAX_SECTIONS) {
		throw new BinaryFormatError(shoff, "too many ELF sections", h.shnum);
	}
	const total = h.shnum * h.shentsize;
	if (total > src.size - Math.min(shoff, src.size)) {
		throw new BinaryFormatError(shoff, "too many ELF sections for file size", h.shnum);
	}
	const table = new ByteView(readExact(src, shoff, total, "ELF section headers"), shoff, h.littleEndian);
	// Decode the name table's header first, so every section is built once, with its name.
	const names = h.shstrndx === 0 ? null : readNameTable(src, decodeSection(table, h.shstrndx * h.shentsize, h.shstrndx, is64, null), shoff + h.shstrndx * h.shentsize);
	const out: ElfSection[] = new Array<ElfSection>(h.shnum);
	for (let i = 0; i < h.shnum; i++) {
		out[i] = decodeSection(table, i * h.shentsize, i, is64, names);
	}
	return out;
}

function decodeSection(t: ByteView, o: number, index: number, is64: boolean, names: Uint8Array | null): ElfSection {
	// Elf32_Shdr / Elf64_Shdr field order (gABI figure "Section Header").
	const nameOffset = t.u32(o);
	const [name, nameOk] = names ? cString(names, nameOffset) : ["", false];
	if (is64) {
		return {
			index,
			name,
			nameOk,
			nameOffset,
			type: t.u32(o + 4),
			flags: t.u64(o + 8),
			addr: t.u64(o + 16),
			offset: t.u64(o + 24),
			size: t.u64(o + 32),
			link: t.u32(o + 40),
			info: t.u32(o + 44),
			addralign: t.u64(o + 48),
			entsize: t.u64(o + 56),
		};
	}
	return {
		index,
		name,
		nameOk,
		nameOffset,
		type: t.u32(o + 4),
		flags: BigInt(t.u32(o + 8)),
		addr: BigInt(t.u32(o + 12)),
		offset: BigInt(t.u32(o + 16)),
		size: BigInt(t.u32(o + 20)),
		link: t.u32(o + 24),
		info: t.u32(o + 28),
		addralign: BigInt(t.u32(o + 32)),
		entsize: BigInt(t.u32(o + 36)),
	};
}

function readNameTable(src: RandomAccessSource, s: ElfSection, at: number): Uint8Array {
	if (s.type !== SHT_STRTAB) {
		throw new BinaryFormatError(at, "invalid ELF section name string table type", s.type);
	}
	if (s.size > BigInt(MAX_STRTAB)) {
		throw new BinaryFormatError(at, "ELF section name table too large", s.size);
	}
	return readExact(src, s.offset, s.size, "ELF section name table");
}

/** Reads the program header table, checking count * entsize against the file size first. */
export function readSegments(src: RandomAccessSource, h: ElfHeader): ElfSegment[] {
	if (h.phnum === 0 || h.phoff === 0n) {
		return [];
	}
	const is64 = h.class === 64;
	const want = is64 ? 56 : 32;
	if (h.phentsize < want) {
		throw new BinaryFormatError(0, "invalid ELF phentsize", h.phentsize);
	}
	const phoff = toSafeOffset(h.phoff, "ELF phoff");
	if (h.phnum > MAX_SECTIONS) {
		throw new BinaryFormatError(phoff, "too many ELF program headers", h.phnum);
	}
	const total = h.phnum * h.phentsize;
	if (total > src.size - Math.min(phoff, src.size)) {
		throw new BinaryFormatError(phoff, "too many ELF program headers for file size", h.phnum);
	}
	const t = new ByteView(readExact(src, phoff, total, "ELF program headers"), phoff, h.littleEndian);
	const out: ElfSegment[] = [];
	for (let i = 0; i < h.phnum; i++) {
		const o = i * h.phentsize;
		// Elf64_Phdr puts p_flags second; Elf32_Phdr puts it after p_memsz.
		out.push(
			is64
				? { index: i, type: t.u32(o), flags: t.u32(o + 4), offset: t.u64(o + 8), vaddr: t.u64(o + 16), paddr: t.u64(o + 24), filesz: t.u64(o + 32), memsz: t.u64(o + 40), align: t.u64(o + 48) }
				: { index: i, type: t.u32(o), offset: BigInt(t.u32(o + 4)), vaddr: BigInt(t.u32(o + 8)), paddr: BigInt(t.u32(o + 12)), filesz: BigInt(t.u32(o + 16)), memsz: BigInt(t.u32(o + 20)), flags: t.u32(o + 24), align: BigInt(t.u32(o + 28)) },
		);
	}
	return out;
}

/** Reads a section's bytes (bounded by `cap`); NOBITS sections have none. */
export function readSectionData(src: RandomAccessSource, s: ElfSection, cap: number, what: string): Uint8Array {
	if (s.type === SHT_NOBITS) {
		return new Uint8Array(0);
	}
	if (s.size > BigInt(cap)) {
		throw new BinaryFormatError(toSafeOffset(s.offset, what), `${what} too large`, s.size);
	}
	return readExact(src, s.offset, s.size, what);
}

/**
 * Maps a virtual address to a file offset through PT_LOAD segments
 * (gABI: a segment maps [p_vaddr, p_vaddr+p_filesz) to [p_offset, ...)).
 * Returns the offset and how many bytes remain in that segment's file image.
 */
export function vaddrToOffset(segments: readonly ElfSegment[], addr: bigint): { offset: number; avail: number } | null {
	for (const p of segments) {
		if (p.type === 1 && addr >= p.vaddr && addr - p.vaddr < p.filesz) {
			const off = p.offset + (addr - p.vaddr);
			const avail = p.filesz - (addr - p.vaddr);
			if (off > BigInt(Number.MAX_SAFE_INTEGER)) {
				return null;
			}
			return { offset: Number(off), avail: avail > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(avail) };
		}
	}
	return null;
}
