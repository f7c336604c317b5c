import { ByteView } from "./byte-view";
import { RandomAccessSource, readUpTo } from "./source";

// Go's runtime/symtab.go pcHeader magics (also debug/gosym/pclntab.go).
/** pclntab header magic values by first Go release that wrote them. */
export const PCLNTAB_MAGICS: readonly { value: number; go: string }[] = [
	{ value: 0xfffffffb, go: "go1.2" },
	{ value: 0xfffffffa, go: "go1.16" },
	{ value: 0xfffffff0, go: "go1.18" },
	{ value: 0xfffffff1, go: "go1.20" },
];

/** Bytes of the pcHeader we inspect: magic, pad1, pad2, minLC, ptrSize, then 8 words. */
const HEADER_PROBE = 8 + 8 * 8;
/** The magic search reads at most this much, in chunks. */
export const PCLNTAB_SEARCH_CAP = 4 * 1024 * 1024;
const CHUNK = 64 * 1024;

/**
 * Checks a pcHeader at `o`: magic, two zero pad bytes, minLC (instruction
 * quantum) 1, 2 or 4, ptrSize 4 or 8; for Go 1.16+ headers the table offsets
 * after nfunc/nfiles (and textStart since 1.18) must be in increasing order.
 * Returns the magic, or null.
 */
export function checkPclnHeader(v: ByteView, o: number): number | null {
	if (o + 8 > v.length) {
		return null;
	}
	const magic = v.u32(o);
	if (!PCLNTAB_MAGICS.some((m) => m.value === magic)) {
		return null;
	}
	const minLC = v.u8(o + 6);
	const ptr = v.u8(o + 7);
	if (v.u8(o + 4) !== 0 || v.u8(o + 5) !== 0 || (minLC !== 1 && minLC !== 2 && minLC !== 4) || (ptr !== 4 && ptr !== 8)) {
		return null;
	}
	if (magic === 0xfffffffb) {
		return magic;
	}
	// go1.16: nfunc, nfiles, funcnameOffset, cuOffset, filetabOffset, pctabOffset, pclnOffset.
	// go1.18+: nfunc, nfiles, textStart, then the same five offsets.
	const first = magic === 0xfffffffa ? 2 : 3;
	const words: bigint[] = [];
	for (let i = first; i < first + 5; i++) {
		const at = o + 8 + i * ptr;
		if (at + ptr > v.length) {
			return magic; // header cut by the read window: accept on the magic alone
		}
		words.push(v.word(at, ptr === 8));
	}
	for (let i = 1; i < words.length; i++) {
		if (words[i] < words[i - 1]) {
			return null;
		}
	}
	return words[0] >= 8n ? magic : null;
}

/** Reads and checks the pcHeader at a known file offset (e.g. the .gopclntab section). */
export function probePclnHeader(src: RandomAccessSource, offset: number, littleEndian: boolean): number | null {
	const bytes = readUpTo(src, offset, HEADER_PROBE);
	return checkPclnHeader(new ByteView(bytes, offset, littleEndian), 0);
}

/**
 * Searches file ranges (e.g. read-only PT_LOAD segments) for a pcHeader,
 * 4-byte aligned, in 64 KiB chunks, reading at most PCLNTAB_SEARCH_CAP bytes
 * in total. Returns the file offset and magic of the first match.
 */
export function searchPclnHeader(src: RandomAccessSource, ranges: readonly { offset: number; size: number }[], littleEndian: boolean): { offset: number; magic: number } | null {
	let budget = PCLNTAB_SEARCH_CAP;
	for (const r of ranges) {
		const start = r.offset + ((4 - (r.offset % 4)) % 4);
		const end = Math.min(r.offset + r.size, src.size);
		for (let at = start; at < end && budget > 0; at += CHUNK) {
			const len = Math.min(CHUNK + HEADER_PROBE, end - at, budget + HEADER_PROBE);
			const v = new ByteView(readUpTo(src, at, len), at, littleEndian);
			budget -= Math.min(CHUNK, v.length);
			for (let o = 0; o < Math.min(CHUNK, v.length); o += 4) {
				const magic = checkPclnHeader(v, o);
				if (magic !== null) {
					return { offset: at + o, magic };
				}
			}
		}
	}
	return null;
}
