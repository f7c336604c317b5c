import { ByteView, cString } from "../byte-view";
import { BinaryFormatError } from "../errors";
import { RandomAccessSource, readExact, readUpTo } from "../source";
import { peTooling } from "./pe-tooling";
import { PE32PLUS_MAGIC, PE32_MAGIC } from "./pe-names";
import { PeFile, PeSection } from "./pe-types";

/** COFF string tables larger than this are treated as corrupt. */
const MAX_COFF_STRINGS = 4 * 1024 * 1024;
const MAX_IMPORTS = 4096;

/** Returns the PE header offset when the file is "MZ" with a "PE\0\0" signature at e_lfanew, else null. */
export function peHeaderOffset(src: RandomAccessSource): number | null {
	const dos = readUpTo(src, 0, 64);
	if (dos.length < 64 || dos[0] !== 0x4d || dos[1] !== 0x5a) {
		return null;
	}
	const lfanew = new ByteView(dos, 0, true).u32(0x3c);
	const sig = readUpTo(src, lfanew, 4);
	return sig.length === 4 && sig[0] === 0x50 && sig[1] === 0x45 && sig[2] === 0 && sig[3] === 0 ? lfanew : null;
}

/**
 * Decodes a PE image (PE spec: signature, COFF file header, optional header
 * with data directories, section table, import directory).
 */
export function readPe(src: RandomAccessSource, peOffset: number): PeFile {
	const coffAt = peOffset + 4;
	const coff = new ByteView(readExact(src, coffAt, 20, "COFF header"), coffAt, true);
	const nsect = coff.u16(2);
	const optSize = coff.u16(16);
	const optAt = coffAt + 20;
	const opt = new ByteView(readExact(src, optAt, optSize, "optional header"), optAt, true);
	const magic = opt.u16(0);
	if (magic !== PE32_MAGIC && magic !== PE32PLUS_MAGIC) {
		throw new BinaryFormatError(optAt, "unknown PE optional header magic", magic);
	}
	const is64 = magic === PE32PLUS_MAGIC;
	const sectAt = optAt + optSize;
	const table = new ByteView(readExact(src, sectAt, nsect * 40, "section table"), sectAt, true);
	const strings = readCoffStrings(src, coff.u32(8), coff.u32(12));
	const sections: PeSection[] = [];
	for (let i = 0; i < nsect; i++) {
		sections.push(readSection(table, i * 40, strings));
	}
	// Data directory 1 is the import table; directories start at 96 (PE32) / 112 (PE32+).
	const ndirs = opt.u32(is64 ? 108 : 92);
	const dirAt = is64 ? 112 : 96;
	const importRva = ndirs > 1 && dirAt + 16 <= opt.length ? opt.u32(dirAt + 8) : 0;
	const base = {
		machine: coff.u16(0),
		is64,
		characteristics: coff.u16(18),
		timeDateStamp: coff.u32(4),
		pointerToSymbolTable: coff.u32(8),
		numberOfSymbols: coff.u32(12),
		imageBase: is64 ? opt.u64(24) : BigInt(opt.u32(28)),
		entryPoint: opt.u32(16),
		subsystem: opt.u16(68),
		osVersion: `${opt.u16(40)}.${opt.u16(42)}`,
		subsystemVersion: `${opt.u16(48)}.${opt.u16(50)}`,
		sections,
		imports: importRva ? readImports(src, sections, importRva) : [],
	};
	return { ...base, tooling: peTooling(src, base) };
}

// Long section names are "/N": N is a decimal offset into the COFF string
// table, which follows the symbol table (18-byte records) and starts with its
// own 4-byte size (PE spec "COFF String Table").
function readCoffStrings(src: RandomAccessSource, symPtr: number, nsyms: number): Uint8Array {
	if (symPtr === 0) {
		return new Uint8Array(0);
	}
	const at = symPtr + nsyms * 18;
	const head = readUpTo(src, at, 4);
	if (head.length < 4) {
		return new Uint8Array(0);
	}
	const size = new ByteView(head, at, true).u32(0);
	return size > MAX_COFF_STRINGS ? new Uint8Array(0) : readUpTo(src, at, size);
}

function readSection(t: ByteView, o: number, strings: Uint8Array): PeSection {
	let name = t.fixedString(o, 8);
	if (/^\/\d+$/.test(name)) {
		const [long, ok] = cString(strings, Number(name.slice(1)));
		if (ok) {
			name = long;
		}
	}
	return {
		name,
		virtualSize: t.u32(o + 8),
		virtualAddress: t.u32(o + 12),
		sizeOfRawData: t.u32(o + 16),
		pointerToRawData: t.u32(o + 20),
		characteristics: t.u32(o + 36),
	};
}

/** Maps an RVA to a file offset through the section table. */
export function rvaToOffset(sections: readonly PeSection[], rva: number): { offset: number; avail: number } | null {
	for (const s of sections) {
		const span = Math.max(s.virtualSize, s.sizeOfRawData);
		if (rva >= s.virtualAddress && rva < s.virtualAddress + span && rva - s.virtualAddress < s.sizeOfRawData) {
			const d = rva - s.virtualAddress;
			return { offset: s.pointerToRawData + d, avail: s.sizeOfRawData - d };
		}
	}
	return null;
}

// IMAGE_IMPORT_DESCRIPTOR (20 bytes): OriginalFirstThunk, TimeDateStamp,
// ForwarderChain, Name (RVA of the DLL name), FirstThunk; a zeroed entry ends the table.
function readImports(src: RandomAccessSource, sections: readonly PeSection[], rva: number): string[] {
	const at = rvaToOffset(sections, rva);
	if (!at) {
		return [];
	}
	const v = new ByteView(readUpTo(src, at.offset, Math.min(at.avail, MAX_IMPORTS * 20)), at.offset, true);
	const out: string[] = [];
	for (let o = 0; o + 20 <= v.length; o += 20) {
		const nameRva = v.u32(o + 12);
		if (nameRva === 0 && v.u32(o) === 0 && v.u32(o + 16) === 0) {
			break;
		}
		const nameAt = rvaToOffset(sections, nameRva);
		const [name, ok] = nameAt ? cString(readUpTo(src, nameAt.offset, Math.min(nameAt.avail, 512)), 0) : ["", false];
		out.push(ok ? name : `<bad name rva 0x${nameRva.toString(16)}>`);
	}
	return out;
}
