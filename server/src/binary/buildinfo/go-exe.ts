// Per-format adapters for the build info search, after debug/buildinfo's
// `exe` interface (ReadData(addr, size), DataStart()).
import { RandomAccessSource, readUpTo } from "../source";
import { vaddrToOffset } from "../elf/elf-tables";
import { ElfFile } from "../elf/elf-types";
import { MachoFile } from "../macho/macho-types";
import { PeFile } from "../pe/pe-types";
import { IMAGE_SCN_ALIGN_32BYTES, IMAGE_SCN_CNT_INITIALIZED_DATA, IMAGE_SCN_MEM_READ, IMAGE_SCN_MEM_WRITE } from "../pe/pe-names";

/** Virtual-address access to an executable image. */
export interface GoExe {
	/** Up to `size` bytes at virtual address `addr` (fewer at the end of the mapping, none if unmapped). */
	readData(addr: bigint, size: number): Uint8Array;
	/** Where to look for the build info blob: its own section, else the first writable data. */
	dataStart(): { addr: bigint; size: bigint } | null;
}

const PF_X = 1;
const PF_W = 2;

/** ELF: `.go.buildinfo`, else the first PT_LOAD with flags W and not X. */
export function elfGoExe(src: RandomAccessSource, f: ElfFile): GoExe {
	return {
		readData(addr, size) {
			const at = vaddrToOffset(f.segments, addr);
			return at ? readUpTo(src, at.offset, Math.min(size, at.avail)) : new Uint8Array(0);
		},
		dataStart() {
			const s = f.sections.find((x) => x.name === ".go.buildinfo");
			if (s) {
				return { addr: s.addr, size: s.size };
			}
			const p = f.segments.find((x) => x.type === 1 && (x.flags & (PF_X | PF_W)) === PF_W);
			return p ? { addr: p.vaddr, size: p.memsz } : null;
		},
	};
}

/** Mach-O: `__go_buildinfo`, else the first non-empty segment with maxprot == initprot == rw-. */
export function machoGoExe(src: RandomAccessSource, f: MachoFile): GoExe {
	return {
		readData(addr, size) {
			for (const seg of f.segments) {
				if (seg.name === "__PAGEZERO" || seg.filesize === 0n) {
					continue;
				}
				if (addr >= seg.vmaddr && addr - seg.vmaddr < seg.filesize) {
					const d = addr - seg.vmaddr;
					const off = seg.fileoff + d;
					const avail = seg.filesize - d;
					if (off > BigInt(src.size)) {
						return new Uint8Array(0);
					}
					return readUpTo(src, Number(off), avail < BigInt(size) ? Number(avail) : size);
				}
			}
			return new Uint8Array(0);
		},
		dataStart() {
			const s = f.segments.flatMap((x) => x.sections).find((x) => x.name === "__go_buildinfo");
			if (s) {
				return { addr: s.addr, size: s.size };
			}
			const RW = 3;
			const seg = f.segments.find((x) => x.vmaddr !== 0n && x.filesize !== 0n && x.initprot === RW && x.maxprot === RW);
			return seg ? { addr: seg.vmaddr, size: seg.vmsize } : null;
		},
	};
}

/** PE: the first section whose characteristics (ignoring alignment) are exactly initialized data + read + write. */
export function peGoExe(src: RandomAccessSource, f: PeFile): GoExe {
	return {
		readData(addr, size) {
			const rva = addr - f.imageBase;
			for (const s of f.sections) {
				const va = BigInt(s.virtualAddress);
				if (rva >= va && rva - va < BigInt(Math.min(s.virtualSize, s.sizeOfRawData))) {
					const d = Number(rva - va);
					return readUpTo(src, s.pointerToRawData + d, Math.min(size, Math.min(s.virtualSize, s.sizeOfRawData) - d));
				}
			}
			return new Uint8Array(0);
		},
		dataStart() {
			const want = IMAGE_SCN_CNT_INITIALIZED_DATA | IMAGE_SCN_MEM_READ | IMAGE_SCN_MEM_WRITE;
			const s = f.sections.find((x) => x.virtualAddress !== 0 && x.sizeOfRawData !== 0 && (x.characteristics & ~IMAGE_SCN_ALIGN_32BYTES) >>> 0 === want >>> 0);
			return s ? { addr: BigInt(s.virtualAddress) + f.imageBase, size: BigInt(s.virtualSize) } : null;
		},
	};
}
