// Compares the ELF reader with GNU readelf on every ELF fixture: the -S, -l
// and -d views must be byte-identical to readelf -W; version needs (-V),
// versioned dynamic symbols (--dyn-syms) and notes (-n) are compared field by
// field after parsing readelf's output at test time.
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { inspectBinary, memorySource } from "../../server/src/binary/index";
import { ElfFile } from "../../server/src/binary/elf/elf-types";
import { formatElfDynamic, formatElfSections, formatElfSegments, noteTypeText, versionFlags } from "../../server/src/binary/text/elf-text";
import { allFixtures, isElfBytes, readelf, requireTool } from "./fixtures";

const elfFixtures = allFixtures().filter((f) => isElfBytes(f.bytes));

function elfOf(bytes: Uint8Array): ElfFile {
	const r = inspectBinary(memorySource(bytes));
	assert.equal(r.kind, "binary");
	assert.ok(r.kind === "binary" && r.info.detail.kind === "elf");
	return r.info.detail.elf;
}

/** Parses readelf -V "Version needs" blocks into {file, cnt, aux[{name, flags, version}]}. */
function parseVersionNeeds(text: string): { file: string; cnt: number; aux: { name: string; flags: string; version: number }[] }[] {
	const out: { file: string; cnt: number; aux: { name: string; flags: string; version: number }[] }[] = [];
	const start = text.indexOf("Version needs section");
	if (start < 0) {
		return out;
	}
	for (const line of text.slice(start).split("\n")) {
		const f = /^\s+[0-9a-f]+: Version: \d+\s+File: (\S+)\s+Cnt: (\d+)/.exec(line);
		if (f) {
			out.push({ file: f[1], cnt: Number(f[2]), aux: [] });
			continue;
		}
		const a = /^\s+0x[0-9a-f]+:\s+Name: (\S+)\s+Flags: (.*?)\s+Version: (\d+)/.exec(line);
		if (a && out.length > 0) {
			out[out.length - 1].aux.push({ name: a[1], flags: a[2], version: Number(a[3]) });
		}
		if (line.startsWith("Version symbols") || line.startsWith("Version definition")) {
			break;
		}
	}
	return out;
}

/** Parses readelf --dyn-syms: "name@VERSION (n)" for symbols with a needed version. */
function parseVersionedDynSyms(text: string): string[] {
	const out: string[] = [];
	for (const line of text.split("\n")) {
		const m = /\s(\S+)@([A-Za-z0-9_.]+) \(\d+\)$/.exec(line.trimEnd());
		if (m) {
			out.push(`${m[1]}@${m[2]}`);
		}
	}
	return out.sort();
}

/** Parses readelf -n into groups of {section, notes[{owner, size, type}]}. */
function parseNotes(text: string): { section: string; notes: { owner: string; size: number; type: string }[] }[] {
	const groups: { section: string; notes: { owner: string; size: number; type: string }[] }[] = [];
	for (const line of text.split("\n")) {
		const g = /^Displaying notes found in: (\S+)/.exec(line);
		if (g) {
			groups.push({ section: g[1], notes: [] });
			continue;
		}
		const n = /^ {2}(\S+)\s+0x([0-9a-f]{8})\t([^\t]+)/.exec(line);
		if (n && groups.length > 0) {
			groups[groups.length - 1].notes.push({ owner: n[1], size: parseInt(n[2], 16), type: n[3].trimEnd() });
		}
	}
	return groups;
}

describe("ELF reader vs readelf -W", () => {
	before(() => requireTool("readelf", ["--version"], "install binutils (apt-get install binutils)"));

	test("there are ELF fixtures of every class and byte order", () => {
		const kinds = new Set(elfFixtures.map((f) => `${f.bytes[4]}/${f.bytes[5]}`));
		assert.deepEqual([...kinds].sort(), ["1/1", "1/2", "2/1", "2/2"]); // ELF32 LE/BE, ELF64 LE/BE
		assert.ok(elfFixtures.length >= 20, `only ${elfFixtures.length} ELF fixtures`);
	});

	for (const fx of elfFixtures) {
		describe(fx.name, () => {
			const elf = elfOf(fx.bytes);

			test("-S section headers are identical", () => {
				assert.equal(formatElfSections(elf), readelf(["-S"], fx.name));
			});

			test("-l program headers and section mapping are identical", () => {
				assert.equal(formatElfSegments(elf), readelf(["-l"], fx.name));
			});

			test("-d dynamic section is identical", () => {
				assert.equal(formatElfDynamic(elf), readelf(["-d"], fx.name));
			});

			test("-V version needs match", () => {
				const want = parseVersionNeeds(readelf(["-V"], fx.name));
				const have = (elf.versionNeeds?.entries ?? []).map((e) => ({
					file: e.file,
					cnt: e.aux.length,
					aux: e.aux.map((a) => ({ name: a.name, flags: versionFlags(a.flags), version: a.other })),
				}));
				assert.deepEqual(have, want);
			});

			test("--dyn-syms versioned symbols match", () => {
				const want = parseVersionedDynSyms(readelf(["--dyn-syms"], fx.name));
				const have = elf.versionedSymbols.map((s) => `${s.name}@${s.version}`).sort();
				assert.deepEqual(have, want);
				assert.equal(want.length > 0, (elf.versionNeeds?.entries.length ?? 0) > 0, "versioned symbols exist exactly when version needs do");
			});

			test("-n notes match (owner, size, type)", () => {
				const want = parseNotes(readelf(["-n"], fx.name));
				const have = elf.noteGroups.map((g) => ({ section: g.sectionName, notes: g.notes.map((n) => ({ owner: n.owner, size: n.descSize, type: noteTypeText(n) })) }));
				assert.deepEqual(have, want);
			});
		});
	}
});
