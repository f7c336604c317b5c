import { formatBinaryText, type BinaryInfo, type ElfNote } from '../binary';
import { dynamicTagName, dynamicValueText } from '../binary/text/dynamic-value';
import { noteTypeText } from '../binary/text/elf-text';
import type { LdflagsVerdict, ToolingEntry } from './binary-tooling';
import type { RunsOnEntry } from './binary-verdict';

/** The parts of a binary a detailed view shows beyond the JSON contract (strings and numbers only). */
export interface BinaryDetails {
	readonly endian: 'little' | 'big';
	readonly pie: boolean;
	/** The dynamic symbols that need the highest GLIBC_x.y (the glibc floor). */
	readonly glibcMinSymbols: string[];
	/** readelf -d rows. */
	readonly dynamic: { tag: string; type: string; value: string }[];
	/** Each needed version and the dynamic symbols that require it (readelf -V plus .gnu.version). */
	readonly versionSymbols: { file: string; version: string; symbols: string[] }[];
	/** readelf -n rows. */
	readonly notes: { section: string; owner: string; size: number; description: string }[];
	/** Symbol, debug and Go runtime tables with their sizes in bytes (null: present but size not known). */
	readonly tables: { name: string; kind: 'symbols' | 'dwarf' | 'go'; size: number | null }[];
	readonly notGoReason: string | null;
}

const DEBUG_NAME = /^(\.z?debug_|__z?debug_)/;

/** Extracts the detailed tables of {@link BinaryDetails} from a reader result. Pure. */
export function binaryDetails(info: BinaryInfo): BinaryDetails {
	const d = info.detail;
	const elf = d.kind === 'elf' ? d.elf : undefined;
	const is64 = info.class === 64;
	return {
		endian: info.littleEndian ? 'little' : 'big',
		pie: info.pie,
		glibcMinSymbols: [...info.glibcMinSymbols],
		dynamic: (elf?.dynamic ?? []).map((e) => ({
			tag: `0x${BigInt.asUintN(is64 ? 64 : 32, e.tag).toString(16).padStart(is64 ? 16 : 8, '0')}`,
			type: dynamicTagName(e.tag),
			value: dynamicValueText(e),
		})),
		versionSymbols: versionSymbols(info),
		notes: (elf?.noteGroups ?? []).flatMap((g) => g.notes.map((n) => ({ section: g.sectionName || `segment at 0x${g.offset.toString(16)}`, owner: n.owner, size: n.descSize, description: noteDescription(n) }))),
		tables: tables(info),
		notGoReason: info.notGoReason,
	};
}

function versionSymbols(info: BinaryInfo): BinaryDetails['versionSymbols'] {
	if (info.detail.kind !== 'elf') return [];
	const symbols = info.detail.elf.versionedSymbols;
	return info.versionNeeds.flatMap((need) =>
		need.versions.map((version) => ({
			file: need.file,
			version,
			symbols: [...new Set(symbols.filter((s) => s.version === version && s.file === need.file).map((s) => s.name))].sort(),
		})),
	);
}

function noteDescription(n: ElfNote): string {
	const type = noteTypeText(n);
	if (n.owner === 'Go' && n.type === 4) return `${type}: ${new TextDecoder().decode(n.desc)}`;
	if (n.owner === 'GNU' && n.type === 3) return `${type}: ${Array.from(n.desc, (b) => b.toString(16).padStart(2, '0')).join('')}`;
	return type;
}

function tables(info: BinaryInfo): BinaryDetails['tables'] {
	const size = (name: string): number | null => {
		const s = info.sections.find((x) => x.name === name);
		return s ? Number(s.size) : null;
	};
	const out: BinaryDetails['tables'] = [];
	for (const s of info.sections) {
		if (['.symtab', '.strtab', '.dynsym', '.dynstr'].includes(s.name)) out.push({ name: s.name, kind: 'symbols', size: Number(s.size) });
	}
	for (const name of info.tooling.debugSections) out.push({ name, kind: 'dwarf', size: size(name) });
	for (const s of info.sections) {
		if (DEBUG_NAME.test(s.name) && !out.some((t) => t.name === s.name)) out.push({ name: s.name, kind: 'dwarf', size: Number(s.size) });
	}
	if (info.tooling.gopclntab) {
		const bytes = info.tooling.gopclntabSize;
		out.push({ name: '.gopclntab', kind: 'go', size: bytes !== null ? Number(bytes) : size('.gopclntab') });
	}
	return out;
}

/** The verdict as text, after the readelf layout and the Go build info (`shipcheck inspect`). */
export function formatVerdictText(runsOn: readonly RunsOnEntry[], tooling: readonly ToolingEntry[], ldflags: LdflagsVerdict): string {
	const width = Math.max(...runsOn.map((r) => r.image.length));
	const mark = (ok: boolean | null, yes: string, no: string): string => (ok === true ? yes : ok === false ? no : '?').padEnd(5);
	const lines = ['Runs on:'];
	for (const r of runsOn) lines.push(`  ${r.image.padEnd(width)}  ${mark(r.ok, 'runs', 'FAILS')}  ${r.why}`);
	lines.push('', 'Tooling:');
	for (const t of tooling) lines.push(`  ${mark(t.ok, 'works', 'NO')}  ${t.tools}: ${t.why}`);
	lines.push(`  build info: ${ldflags.text}`);
	return `${lines.join('\n')}\n`;
}

/** The readelf layout and Go build info of the reader, then the verdict: what `shipcheck inspect` prints. */
export function binaryText(info: BinaryInfo, fileName: string, runsOn: readonly RunsOnEntry[], tooling: readonly ToolingEntry[], ldflags: LdflagsVerdict): string {
	return `${formatBinaryText(info, fileName)}\n${formatVerdictText(runsOn, tooling, ldflags)}`;
}
