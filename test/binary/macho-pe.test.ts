// Mach-O (thin and universal) and PE fixtures against facts verified with
// `file`, `llvm-objdump --macho --private-headers / --universal-headers`,
// `llvm-nm` and `objdump -p` / `objdump -h` (see fixtures/README.md for the builds).
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { BinaryInfo, inspectBinary, memorySource, toBinaryDto } from "../../server/src/binary/index";
import { fixtureBytes } from "./fixtures";

function info(name: string): BinaryInfo {
	const r = inspectBinary(memorySource(fixtureBytes(name)));
	assert.equal(r.kind, "binary");
	return (r as { info: BinaryInfo }).info;
}

const GO126_DARWIN_SECTIONS = [
	"__TEXT/__text", "__TEXT/__symbol_stub1", "__TEXT/__rodata", "__TEXT/__gopclntab",
	"__DATA_CONST/__rodata", "__DATA_CONST/__got", "__DATA_CONST/__typelink", "__DATA_CONST/__itablink",
	"__DATA/__go_buildinfo", "__DATA/__go_fipsinfo", "__DATA/__go_module", "__DATA/__noptrdata", "__DATA/__data", "__DATA/__bss", "__DATA/__noptrbss",
];

describe("Mach-O", () => {
	for (const [name, machine] of [["go126-darwin-amd64", "x86-64"], ["go126-darwin-arm64", "aarch64"]] as const) {
		test(`${name}: header, load commands, segments, sections, dylibs`, () => {
			const i = info(name);
			assert.equal(i.format, "macho");
			assert.equal(i.class, 64);
			assert.equal(i.machine, machine);
			assert.equal(i.type, "EXEC");
			assert.equal(i.pie, true); // file: flags:<|DYLDLINK|PIE>
			assert.equal(i.interpreter, "/usr/lib/dyld");
			assert.deepEqual(i.needed, ["/usr/lib/libSystem.B.dylib"]);
			assert.deepEqual(i.segments.map((s) => s.name), ["__PAGEZERO", "__TEXT", "__DATA_CONST", "__DATA", "__LINKEDIT"]);
			assert.deepEqual(i.sections.map((s) => `${s.type}/${s.name}`), GO126_DARWIN_SECTIONS);
			assert.ok(i.detail.kind === "macho");
			assert.deepEqual(i.detail.macho.buildVersion && { p: i.detail.macho.buildVersion.platformName, minos: i.detail.macho.buildVersion.minos, sdk: i.detail.macho.buildVersion.sdk }, { p: "macos", minos: "12.0", sdk: "12.0" });
			// Built with -ldflags=-w: llvm-nm lists local symbols, no __DWARF segment.
			assert.deepEqual([i.tooling.symtab, i.tooling.dwarf, i.tooling.gopclntab], [true, false, true]);
			assert.equal(i.go?.goVersion, "go1.26.8");
		});
	}

	test("go126-darwin-arm64-s: -s on Go 1.22+ darwin drops the symbol table and DWARF", () => {
		const i = info("go126-darwin-arm64-s");
		assert.deepEqual([i.tooling.symtab, i.tooling.dwarf, i.tooling.gopclntab], [false, false, true]);
		assert.ok(i.detail.kind === "macho");
		assert.deepEqual(i.detail.macho.dysymtab, { nlocalsym: 0, nextdefsym: 0, nundefsym: 42 });
	});

	test("go121-darwin-arm64-s: -s on Go 1.21 darwin kept local symbols and compressed DWARF (FACTS §2.1)", () => {
		const i = info("go121-darwin-arm64-s");
		assert.equal(i.tooling.symtab, true);
		assert.equal(i.tooling.dwarf, true);
		assert.equal(i.tooling.dwarfCompressed, true);
		assert.ok(i.tooling.debugSections.includes("__zdebug_info"));
		assert.ok(i.sections.some((s) => s.type === "__DATA_CONST" && s.name === "__gopclntab"));
		assert.ok(i.detail.kind === "macho");
		assert.equal(i.detail.macho.dysymtab?.nlocalsym, 1413);
		assert.equal(i.detail.macho.buildVersion?.minos, "11.0");
		assert.equal(i.go?.goVersion, "go1.21.13");
	});

	test("go126-darwin-universal: fat header with x86-64 and arm64 slices", () => {
		const i = info("go126-darwin-universal");
		assert.ok(i.detail.kind === "macho" && i.detail.fat);
		const fat = i.detail.fat;
		assert.deepEqual(fat.arches.map((a) => ({ cpu: a.cpuType, offset: a.offset, size: a.size, align: a.align })), [
			{ cpu: 0x01000007, offset: 16384, size: 1193744, align: 14 },
			{ cpu: 0x0100000c, offset: 1212416, size: 1161922, align: 14 },
		]);
		assert.deepEqual(fat.files.map((f) => f.cpuType), [0x01000007, 0x0100000c]);
		assert.equal(fat.files[1].base, 1212416);
		assert.equal(i.machine, "x86-64"); // the summary describes the first slice
		assert.equal(i.go?.settings.find((s) => s.key === "-ldflags")?.value, "-s -w");
		assert.equal(toBinaryDto(i).format, "macho");
	});
});

describe("PE", () => {
	test("go126-windows-amd64: PE32+, imports, sections", () => {
		const i = info("go126-windows-amd64");
		assert.equal(i.format, "pe");
		assert.equal(i.class, 64);
		assert.equal(i.machine, "x86-64");
		assert.equal(i.type, "EXEC");
		assert.deepEqual(i.needed, ["kernel32.dll"]); // objdump -p: DLL Name: kernel32.dll
		// objdump -h
		assert.deepEqual(i.sections.map((s) => s.name), [".text", ".rdata", ".data", ".pdata", ".xdata", ".idata", ".reloc", ".symtab"]);
		assert.equal(i.sections[1].address, 0x14007a000n);
		assert.equal(i.sections[1].offset, 0x79000);
		assert.ok(i.detail.kind === "pe");
		assert.equal(i.detail.pe.imageBase, 0x140000000n);
		assert.deepEqual([i.tooling.symtab, i.tooling.dwarf, i.tooling.gopclntab], [true, false, true]);
		assert.equal(i.go?.settings.find((s) => s.key === "GOOS")?.value, "windows");
	});

	test("go126-windows-386: PE32", () => {
		const i = info("go126-windows-386");
		assert.equal(i.class, 32);
		assert.equal(i.machine, "i386");
		assert.ok(i.detail.kind === "pe");
		assert.equal(i.detail.pe.imageBase, 0x400000n); // objdump -p: ImageBase 00400000
		assert.equal(i.detail.pe.subsystemVersion, "6.1");
		assert.equal(i.detail.pe.subsystem, 3); // Windows CUI
		assert.deepEqual(i.needed, ["kernel32.dll"]);
	});
});
