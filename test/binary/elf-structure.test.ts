// ELF edge cases built from real fixtures: extended section numbering, files
// without section headers, and the error / not-executable outcomes.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, test } from "node:test";
import { BinaryFormatError, BinaryInfo, inspectBinary, memorySource, readElf } from "../../server/src/binary/index";
import { formatElfSections } from "../../server/src/binary/text/elf-text";
import { fixtureBytes, requireTool, run } from "./fixtures";

function edit(name: string, f: (d: DataView, b: Uint8Array) => void): Uint8Array {
	const b = fixtureBytes(name).slice();
	f(new DataView(b.buffer, b.byteOffset, b.byteLength), b);
	return b;
}

function inspect(b: Uint8Array): BinaryInfo {
	const r = inspectBinary(memorySource(b));
	assert.ok(r.kind === "binary");
	return r.info;
}

function formatError(b: Uint8Array): BinaryFormatError {
	try {
		inspectBinary(memorySource(b));
	} catch (e) {
		assert.ok(e instanceof BinaryFormatError, String(e));
		return e;
	}
	assert.fail("expected a BinaryFormatError");
}

describe("extended section numbering (gABI: e_shnum == 0, e_shstrndx == SHN_XINDEX)", () => {
	// ELF64 LE: e_shoff at 0x28, e_shnum at 0x3c, e_shstrndx at 0x3e; Elf64_Shdr sh_size at +32, sh_link at +40.
	const name = "go126-linux-amd64-nocgo";
	const orig = readElf(memorySource(fixtureBytes(name)));
	const ext = edit(name, (d) => {
		const shoff = Number(d.getBigUint64(0x28, true));
		d.setBigUint64(shoff + 32, BigInt(d.getUint16(0x3c, true)), true);
		d.setUint32(shoff + 40, d.getUint16(0x3e, true), true);
		d.setUint16(0x3c, 0, true);
		d.setUint16(0x3e, 0xffff, true);
	});

	test("the real count and name-table index come from section 0", () => {
		const f = readElf(memorySource(ext));
		assert.equal(f.header.shnum, orig.header.shnum);
		assert.equal(f.header.shstrndx, orig.header.shstrndx);
		assert.deepEqual(f.sections.slice(1), orig.sections.slice(1));
	});

	test("readelf -S agrees on the edited file", () => {
		requireTool("readelf", ["--version"], "install binutils");
		const p = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "shipcheck-ext-")), "ext");
		fs.writeFileSync(p, ext);
		assert.equal(formatElfSections(readElf(memorySource(ext))), run("readelf", ["-W", "-S", p]).stdout);
		fs.rmSync(path.dirname(p), { recursive: true });
	});
});

describe("no section headers (e_shoff = e_shnum = e_shstrndx = 0)", () => {
	const strip = (name: string, is64: boolean, le: boolean): Uint8Array =>
		edit(name, (d) => {
			if (is64) {
				d.setBigUint64(0x28, 0n, le);
				d.setUint16(0x3c, 0, le);
				d.setUint16(0x3e, 0, le);
			} else {
				d.setUint32(0x20, 0, le);
				d.setUint16(0x30, 0, le);
				d.setUint16(0x32, 0, le);
			}
		});

	for (const [name, is64, le] of [["go126-linux-amd64-cgo-net", true, true], ["go126-linux-386", false, true], ["go126-linux-s390x", true, false], ["go117-linux-amd64-nocgo", true, true]] as const) {
		test(`${name}: pclntab by magic search, build info and linkage from segments`, () => {
			const orig = inspect(fixtureBytes(name));
			const i = inspect(strip(name, is64, le));
			assert.equal(i.sections.length, 0);
			assert.equal(i.tooling.gopclntab, true);
			assert.equal(i.tooling.gopclntabFoundBy, "magic");
			assert.equal(i.tooling.gopclntabMagic, orig.tooling.gopclntabMagic);
			assert.equal(i.go?.goVersion, orig.go?.goVersion);
			assert.deepEqual(i.go?.settings, orig.go?.settings);
			assert.deepEqual([i.linkage, i.libc, i.interpreter, i.needed], [orig.linkage, orig.libc, orig.interpreter, orig.needed]);
			assert.ok(i.detail.kind === "elf" && i.detail.elf.noteGroups.length > 0, "notes come from PT_NOTE");
		});
	}

	test("a C program without section headers has no pclntab and is not Go", () => {
		const i = inspect(strip("c-linux-amd64-gcc", true, true));
		assert.equal(i.tooling.gopclntab, false);
		assert.equal(i.go, null);
	});
});

describe("hostile headers give BinaryFormatError with an offset", () => {
	test("truncated header", () => {
		const e = formatError(fixtureBytes("go126-linux-amd64-nocgo").slice(0, 40));
		assert.equal(e.offset, 0);
		assert.match(e.message, /ELF header extends past end of file/);
	});
	test("bad class byte", () => {
		const e = formatError(edit("go126-linux-amd64-nocgo", (d) => d.setUint8(4, 3)));
		assert.deepEqual([e.offset, e.value], [4, 3]);
	});
	test("shstrndx out of range", () => {
		const e = formatError(edit("go126-linux-amd64-nocgo", (d) => d.setUint16(0x3e, 0x7000, true)));
		assert.equal(e.value, 0x7000);
		assert.match(e.message, /invalid ELF shstrndx/);
	});
	test("section count larger than the file", () => {
		const e = formatError(edit("go126-linux-amd64-nocgo", (d) => d.setUint16(0x3c, 0xfeff, true)));
		assert.match(e.message, /too many ELF sections/);
		assert.equal(e.value, 0xfeff);
	});
	test("shentsize too small", () => {
		const e = formatError(edit("go126-linux-amd64-nocgo", (d) => d.setUint16(0x3a, 8, true)));
		assert.match(e.message, /invalid ELF shentsize/);
	});
	test("program header count larger than the file", () => {
		const e = formatError(edit("go126-linux-amd64-nocgo", (d) => d.setUint16(0x38, 0xfffe, true)));
		assert.match(e.message, /too many ELF program headers/);
	});
	test("Mach-O sizeofcmds past the end", () => {
		const e = formatError(edit("go126-darwin-arm64", (d) => d.setUint32(20, 0x7fffffff, true)));
		assert.equal(e.offset, 16);
	});
	test("PE optional header magic", () => {
		const b = fixtureBytes("go126-windows-amd64");
		const lfanew = new DataView(b.buffer, b.byteOffset).getUint32(0x3c, true);
		const e = formatError(edit("go126-windows-amd64", (d) => d.setUint16(lfanew + 24, 0x1234, true)));
		assert.deepEqual([e.offset, e.value], [lfanew + 24, 0x1234]);
	});
});

describe("not an executable is a result", () => {
	for (const [label, bytes] of [
		["empty", new Uint8Array(0)],
		["text", new TextEncoder().encode("#!/bin/sh\necho hi\n")],
		["Java class (0xcafebabe, version 52)", Uint8Array.of(0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 0x34, 0, 0)],
		["MZ without PE signature", Uint8Array.from({ length: 128 }, (_, i) => (i === 0 ? 0x4d : i === 1 ? 0x5a : 0))],
	] as const) {
		test(label, () => {
			assert.equal(inspectBinary(memorySource(bytes)).kind, "not-executable");
		});
	}
});
