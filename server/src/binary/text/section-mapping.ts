import { ElfSection, ElfSegment } from "../elf/elf-types";

const SHF_ALLOC = 0x2n;
const SHF_TLS = 0x400n;
const SHT_NOBITS = 8;
const PT = { LOAD: 1, DYNAMIC: 2, NOTE: 4, PHDR: 6, TLS: 7, GNU_EH_FRAME: 0x6474e550, GNU_STACK: 0x6474e551, GNU_RELRO: 0x6474e552, GNU_SFRAME: 0x6474e554 };

// binutils include/elf/internal.h ELF_SECTION_SIZE: a .tbss section occupies no
// space in segments other than PT_TLS.
function sectionSize(s: ElfSection, p: ElfSegment): bigint {
	return (s.flags & SHF_TLS) !== 0n && s.type === SHT_NOBITS && p.type !== PT.TLS ? 0n : s.size;
}

// `d <= n - 1` in binutils' unsigned arithmetic: n == 0 wraps to the maximum.
function belowEnd(d: bigint, n: bigint): boolean {
	return n === 0n || d <= n - 1n;
}

/**
 * binutils ELF_SECTION_IN_SEGMENT_STRICT (check_vma, strict), which readelf -l
 * uses for "Section to Segment mapping".
 */
export function sectionInSegment(s: ElfSection, p: ElfSegment): boolean {
	const tls = (s.flags & SHF_TLS) !== 0n;
	const alloc = (s.flags & SHF_ALLOC) !== 0n;
	const size = sectionSize(s, p);
	// Only PT_LOAD, PT_GNU_RELRO and PT_TLS can hold TLS sections; PT_TLS holds only them; PT_PHDR none.
	const tlsOk = (tls && (p.type === PT.TLS || p.type === PT.GNU_RELRO || p.type === PT.LOAD)) || (!tls && p.type !== PT.TLS && p.type !== PT.PHDR);
	// PT_LOAD and similar segments only have SHF_ALLOC sections.
	const allocOnly = [PT.LOAD, PT.DYNAMIC, PT.GNU_EH_FRAME, PT.GNU_STACK, PT.GNU_RELRO, PT.GNU_SFRAME].includes(p.type) || (p.type >= 0x6474e555 && p.type <= 0x6474f554);
	if (!tlsOk || (!alloc && allocOnly)) {
		return false;
	}
	// Sections other than NOBITS must have file offsets within the segment.
	if (s.type !== SHT_NOBITS && !(s.offset >= p.offset && belowEnd(s.offset - p.offset, p.filesz) && s.offset - p.offset + size <= p.filesz)) {
		return false;
	}
	// SHF_ALLOC sections must have VMAs within the segment.
	if (alloc && !(s.addr >= p.vaddr && belowEnd(s.addr - p.vaddr, p.memsz) && s.addr - p.vaddr + size <= p.memsz)) {
		return false;
	}
	// No zero-size sections at the start or end of PT_DYNAMIC or PT_NOTE.
	if ((p.type === PT.DYNAMIC || p.type === PT.NOTE) && s.size === 0n && p.memsz !== 0n) {
		const inFile = s.type === SHT_NOBITS || (s.offset > p.offset && s.offset - p.offset < p.filesz);
		const inMem = !alloc || (s.addr > p.vaddr && s.addr - p.vaddr < p.memsz);
		return inFile && inMem;
	}
	return true;
}

/**
 * Names of the sections readelf lists under each segment (section 0 excluded;
 * binutils ELF_TBSS_SPECIAL: .tbss is listed only under PT_TLS).
 */
export function sectionsInSegment(sections: readonly ElfSection[], p: ElfSegment): string[] {
	const tbssSpecial = (s: ElfSection): boolean => (s.flags & SHF_TLS) !== 0n && s.type === SHT_NOBITS && p.type !== PT.TLS;
	return sections.filter((s) => s.index !== 0 && !tbssSpecial(s) && sectionInSegment(s, p)).map((s) => s.name);
}
