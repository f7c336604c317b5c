import { ByteView } from "../byte-view";
import { BinaryFormatError } from "../errors";
import { RandomAccessSource, readExact, toSafeOffset } from "../source";
import { ElfHeader } from "./elf-types";

/** "\x7fELF" (gABI e_ident[EI_MAG0..3]). */
export const ELF_MAGIC = [0x7f, 0x45, 0x4c, 0x46];

// gABI "Sections": special values of e_shnum / e_shstrndx / e_phnum.
const SHN_UNDEF = 0;
const SHN_LORESERVE = 0xff00;
const SHN_XINDEX = 0xffff;
const PN_XNUM = 0xffff;

/** True when the first bytes are the ELF magic. */
export function isElf(head: Uint8Array): boolean {
	return head.length >= 4 && ELF_MAGIC.every((b, i) => head[i] === b);
}

/**
 * Reads and validates the file header. Extended numbering is resolved here:
 * gABI: "If the number of sections is greater than or equal to SHN_LORESERVE
 * (0xff00), this member [e_shnum] has the value zero and the actual number of
 * section header table entries is contained in the sh_size field of the
 * section header at index 0"; likewise e_shstrndx == SHN_XINDEX means the
 * real index is in section 0's sh_link, and e_phnum == PN_XNUM means the real
 * count is in section 0's sh_info.
 */
export function readElfHeader(src: RandomAccessSource): ElfHeader {
	const ident = new ByteView(readExact(src, 0, 16, "ELF ident"), 0, true);
	const cls = ident.u8(4);
	if (cls !== 1 && cls !== 2) {
		throw new BinaryFormatError(4, "unknown ELF class", cls);
	}
	const data = ident.u8(5);
	if (data !== 1 && data !== 2) {
		throw new BinaryFormatError(5, "unknown ELF data encoding", data);
	}
	const is64 = cls === 2;
	const le = data === 1;
	const v = new ByteView(readExact(src, 0, is64 ? 64 : 52, "ELF header"), 0, le);
	const a = is64 ? 8 : 4; // width of Addr/Off
	const entry = v.word(24, is64);
	const phoff = v.word(24 + a, is64);
	const shoff = v.word(24 + 2 * a, is64);
	const p = 24 + 3 * a; // e_flags
	let shnum = v.u16(p + 12);
	let shstrndx = v.u16(p + 14);
	let phnum = v.u16(p + 8);
	const shentsize = v.u16(p + 10);
	if (shoff === 0n && shnum !== 0) {
		throw new BinaryFormatError(0, "invalid ELF shnum for shoff=0", shnum);
	}
	if (shoff !== 0n && (shnum === SHN_UNDEF || shstrndx === SHN_XINDEX || phnum === PN_XNUM)) {
		const section0 = readSection0(src, shoff, shentsize, is64, le);
		if (shnum === SHN_UNDEF) {
			shnum = toSafeOffset(section0.size, "extended shnum");
		}
		if (shstrndx === SHN_XINDEX) {
			shstrndx = section0.link;
		}
		if (phnum === PN_XNUM) {
			phnum = section0.info;
		}
	} else if (shstrndx >= SHN_LORESERVE) {
		shstrndx = SHN_UNDEF;
	}
	if (shnum > 0 && shstrndx >= shnum) {
		throw new BinaryFormatError(0, "invalid ELF shstrndx", shstrndx);
	}
	return {
		class: is64 ? 64 : 32,
		littleEndian: le,
		osAbi: ident.u8(7),
		abiVersion: ident.u8(8),
		type: v.u16(16),
		machine: v.u16(18),
		version: v.u32(20),
		entry,
		phoff,
		shoff,
		flags: v.u32(p),
		ehsize: v.u16(p + 4),
		phentsize: v.u16(p + 6),
		phnum,
		shentsize,
		shnum,
		shstrndx,
	};
}

function readSection0(src: RandomAccessSource, shoff: bigint, shentsize: number, is64: boolean, le: boolean): { size: bigint; link: number; info: number } {
	const want = is64 ? 64 : 40;
	if (shentsize < want) {
		throw new BinaryFormatError(0, "invalid ELF shentsize", shentsize);
	}
	const off = toSafeOffset(shoff, "ELF shoff");
	const s = new ByteView(readExact(src, off, want, "ELF section 0"), off, le);
	return is64
		? { size: s.u64(32), link: s.u32(40), info: s.u32(44) }
		: { size: BigInt(s.u32(20)), link: s.u32(24), info: s.u32(28) };
}
