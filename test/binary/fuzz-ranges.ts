// Where the structure of a seed file is, so that mutations hit headers and
// tables (the parts the reader trusts) far more often than code or data.
import { inspectBinary, memorySource } from "../../server/src/binary/index";

/** Byte ranges of headers and tables in a seed file; empty if it does not parse. */
export function interestingRanges(bytes: Uint8Array): { offset: number; size: number }[] {
	const out: { offset: number; size: number }[] = [{ offset: 0, size: Math.min(bytes.length, 4096) }];
	let r;
	try {
		r = inspectBinary(memorySource(bytes));
	} catch {
		return out;
	}
	if (r.kind !== "binary") {
		return out;
	}
	const d = r.info.detail;
	if (d.kind === "elf") {
		const h = d.elf.header;
		out.push({ offset: Number(h.phoff), size: h.phnum * h.phentsize }, { offset: Number(h.shoff), size: h.shnum * h.shentsize });
		for (const s of d.elf.sections) {
			if (/^(\.dynamic|\.gnu\.version.*|\.dynsym|\.dynstr|\.note.*|\.go\.buildinfo|\.shstrtab|\.interp|\.gopclntab)$/.test(s.name)) {
				out.push({ offset: Number(s.offset), size: Math.min(Number(s.size), 1024) });
			}
		}
	} else if (d.kind === "macho") {
		for (const f of d.fat ? d.fat.files : [d.macho]) {
			out.push({ offset: f.base, size: 32 + f.sizeofcmds });
			const bi = f.segments.flatMap((s) => s.sections).find((s) => s.name === "__go_buildinfo");
			if (bi) {
				out.push({ offset: f.base + bi.offset, size: Math.min(Number(bi.size), 1024) });
			}
		}
	} else {
		const last = d.pe.sections.length;
		out.push({ offset: 0, size: 0x400 + last * 40 });
		const data = d.pe.sections.find((s) => s.name === ".data");
		if (data) {
			out.push({ offset: data.pointerToRawData, size: 1024 });
		}
	}
	return out.filter((x) => x.offset >= 0 && x.offset < bytes.length && x.size > 0).map((x) => ({ offset: x.offset, size: Math.min(x.size, bytes.length - x.offset) }));
}
