import { ByteView, cString } from "../byte-view";
import { RandomAccessSource, readUpTo, toSafeOffset } from "../source";
import { PT_NOTE } from "./elf-names";
import { ElfHeader, ElfNote, ElfNoteGroup, ElfSection, ElfSegment } from "./elf-types";

const SHT_NOTE = 7;
/** Total note bytes read per file (all groups together); real files have a few hundred. */
const MAX_NOTES_BYTES = 1024 * 1024;
const MAX_DESC_KEPT = 4096;

/**
 * Reads notes the way readelf -n groups them: per SHT_NOTE section when the
 * file has section headers, else per PT_NOTE segment.
 */
export function readNoteGroups(src: RandomAccessSource, h: ElfHeader, sections: readonly ElfSection[], segments: readonly ElfSegment[]): ElfNoteGroup[] {
	const noteSections = sections.filter((s) => s.type === SHT_NOTE);
	const budget = { left: MAX_NOTES_BYTES };
	if (noteSections.length > 0) {
		return noteSections.map((s) => readGroup(src, h, s.name, s.offset, s.size, s.addralign, budget));
	}
	return segments.filter((p) => p.type === PT_NOTE).map((p) => readGroup(src, h, "", p.offset, p.filesz, p.align, budget));
}

function readGroup(src: RandomAccessSource, h: ElfHeader, sectionName: string, offset: bigint, size: bigint, align: bigint, budget: { left: number }): ElfNoteGroup {
	const off = toSafeOffset(offset, "note offset");
	const len = size > BigInt(budget.left) ? budget.left : Number(size);
	budget.left -= len;
	const v = new ByteView(readUpTo(src, off, len), off, h.littleEndian);
	return { sectionName, offset: off, size: len, notes: parseNotes(v, align === 8n ? 8 : 4) };
}

/**
 * Parses Elf_Nhdr records: namesz, descsz, type (three 4-byte words), then the
 * name and the descriptor, each padded to the note alignment (4, or 8 for
 * 8-aligned note sections such as .note.gnu.property, gABI "Note Section").
 * Stops at the first record that does not fit.
 */
export function parseNotes(v: ByteView, align: number): ElfNote[] {
	const notes: ElfNote[] = [];
	let o = 0;
	while (o + 12 <= v.length) {
		const namesz = v.u32(o);
		const descsz = v.u32(o + 4);
		const type = v.u32(o + 8);
		const nameAt = o + 12;
		const descAt = nameAt + pad(namesz, 4);
		if (descAt > v.length || descAt + descsz > v.length) {
			break;
		}
		const [owner] = cString(withNul(v.bytes.subarray(nameAt, nameAt + namesz)), 0);
		const desc = v.bytes.slice(descAt, descAt + Math.min(descsz, MAX_DESC_KEPT));
		notes.push({ owner, type, offset: v.base + o, descSize: descsz, desc });
		o = descAt + pad(descsz, align);
	}
	return notes;
}

function pad(n: number, align: number): number {
	return Math.ceil(n / align) * align;
}

function withNul(bytes: Uint8Array): Uint8Array {
	const out = new Uint8Array(bytes.length + 1);
	out.set(bytes);
	return out;
}
