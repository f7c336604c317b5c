import { ByteView, cString } from "../byte-view";
import { BinaryFormatError } from "../errors";
import { RandomAccessSource, readExact, readUpTo, toSafeOffset } from "../source";
import { DT_NEEDED, DT_NULL, DT_RPATH, DT_RUNPATH, DT_SONAME, DT_STRSZ, DT_STRTAB } from "./dynamic-names";
import { PT_DYNAMIC, PT_INTERP } from "./elf-names";
import { MAX_STRTAB, readSectionData, vaddrToOffset } from "./elf-tables";
import { ElfDynamicEntry, ElfHeader, ElfSection, ElfSegment } from "./elf-types";

const SHT_DYNAMIC = 6;
/** A dynamic table larger than this is treated as corrupt (65536 entries). */
const MAX_DYNAMIC = 1024 * 1024;
/** PATH_MAX on Linux: the kernel refuses longer interpreter paths anyway. */
const MAX_INTERP = 4096;

/** The PT_INTERP string (gABI: "the location and size of a null-terminated path name"). */
export function readInterpreter(src: RandomAccessSource, segments: readonly ElfSegment[]): string | null {
	const p = segments.find((s) => s.type === PT_INTERP);
	if (!p) {
		return null;
	}
	const off = toSafeOffset(p.offset, "PT_INTERP offset");
	if (p.filesz > BigInt(MAX_INTERP)) {
		throw new BinaryFormatError(off, "PT_INTERP too large", p.filesz);
	}
	const bytes = readExact(src, off, p.filesz, "PT_INTERP");
	const end = bytes.indexOf(0);
	const [s] = cString(end < 0 ? concatNul(bytes) : bytes, 0);
	return s;
}

function concatNul(bytes: Uint8Array): Uint8Array {
	const out = new Uint8Array(bytes.length + 1);
	out.set(bytes);
	return out;
}

/** Where the dynamic table lives: PT_DYNAMIC first (what the loader uses), else the SHT_DYNAMIC section. */
export function locateDynamic(segments: readonly ElfSegment[], sections: readonly ElfSection[]): { offset: bigint; size: bigint; section?: ElfSection } | null {
	const sec = sections.find((s) => s.type === SHT_DYNAMIC);
	const p = segments.find((s) => s.type === PT_DYNAMIC);
	if (p) {
		return { offset: p.offset, size: p.filesz, section: sec };
	}
	return sec ? { offset: sec.offset, size: sec.size, section: sec } : null;
}

/**
 * Reads dynamic entries up to and including the first DT_NULL (gABI: "An entry
 * with a DT_NULL tag marks the end of the _DYNAMIC array"), then resolves the
 * string-valued tags through DT_STRTAB/DT_STRSZ (or the section's sh_link).
 */
export function readDynamic(src: RandomAccessSource, h: ElfHeader, segments: readonly ElfSegment[], sections: readonly ElfSection[]): { entries: ElfDynamicEntry[]; offset: number | null; strtab: Uint8Array | null } {
	const loc = locateDynamic(segments, sections);
	if (!loc) {
		return { entries: [], offset: null, strtab: null };
	}
	const off = toSafeOffset(loc.offset, "dynamic offset");
	const size = loc.size > BigInt(MAX_DYNAMIC) ? MAX_DYNAMIC : Number(loc.size);
	const is64 = h.class === 64;
	const ent = is64 ? 16 : 8;
	const v = new ByteView(readUpTo(src, off, size - (size % ent)), off, h.littleEndian);
	const raw: { tag: bigint; value: bigint }[] = [];
	for (let o = 0; o + ent <= v.length; o += ent) {
		const tag = is64 ? v.i64(o) : BigInt(v.i32(o));
		const value = v.word(o + ent / 2, is64);
		raw.push({ tag, value });
		if (tag === DT_NULL) {
			break;
		}
	}
	const strtab = readDynamicStrings(src, raw, segments, sections, loc.section);
	const entries = raw.map((e) => {
		if (e.tag === DT_NEEDED || e.tag === DT_SONAME || e.tag === DT_RPATH || e.tag === DT_RUNPATH) {
			const [text, ok] = strtab && e.value < BigInt(strtab.length) ? cString(strtab, Number(e.value)) : ["", false];
			return ok ? { ...e, text } : { ...e, text: `<string table index: ${e.value}>` };
		}
		return e;
	});
	return { entries, offset: off, strtab };
}

function readDynamicStrings(src: RandomAccessSource, raw: readonly { tag: bigint; value: bigint }[], segments: readonly ElfSegment[], sections: readonly ElfSection[], dynSection: ElfSection | undefined): Uint8Array | null {
	const addr = raw.find((e) => e.tag === DT_STRTAB)?.value;
	const size = raw.find((e) => e.tag === DT_STRSZ)?.value;
	if (addr !== undefined && size !== undefined && size <= BigInt(MAX_STRTAB)) {
		const at = vaddrToOffset(segments, addr);
		if (at && BigInt(at.avail) >= size) {
			return readUpTo(src, at.offset, Number(size));
		}
	}
	const link = dynSection ? sections[dynSection.link] : undefined;
	if (link && link.index !== 0) {
		return readSectionData(src, link, MAX_STRTAB, "dynamic string table");
	}
	return null;
}
