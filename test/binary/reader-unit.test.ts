// Unit tests for the byte reader, name tables, string tables, error offsets,
// Go quoting and modinfo parsing.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ByteView, cString, hex } from "../../server/src/binary/byte-view";
import { goQuote, goUnquote } from "../../server/src/binary/buildinfo/go-quote";
import { parseModInfo } from "../../server/src/binary/buildinfo/modinfo";
import { sectionFlagString, sectionTypeName, segmentTypeName } from "../../server/src/binary/elf/elf-names";
import { BinaryFormatError, flagNames, memorySource, nameOf } from "../../server/src/binary/index";
import { dynamicTagName, dynamicValueText } from "../../server/src/binary/text/dynamic-value";
import { readExact } from "../../server/src/binary/source";

describe("ByteView", () => {
	const v = new ByteView(Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9), 0x100, true);

	test("reads both byte orders", () => {
		assert.equal(v.u16(0), 0x0201);
		assert.equal(new ByteView(v.bytes, 0, false).u16(0), 0x0102);
		assert.equal(v.u32(1), 0x05040302);
		assert.equal(v.u64(1), 0x0908070605040302n);
		assert.equal(v.word(0, false), 0x04030201n);
	});

	test("out-of-range reads throw BinaryFormatError with the absolute offset, never RangeError", () => {
		for (const read of [() => v.u32(6), () => v.u64(2), () => v.u8(9), () => v.u16(-1), () => v.slice(4, 10), () => v.u32(Number.NaN)]) {
			assert.throws(read, (e: unknown) => e instanceof BinaryFormatError && e.offset >= 0x100);
		}
		assert.throws(() => v.u32(6), (e: unknown) => e instanceof BinaryFormatError && e.offset === 0x106 && /truncated/.test(e.message));
	});

	test("slices keep absolute offsets", () => {
		const s = v.slice(4, 4);
		assert.equal(s.base, 0x104);
		assert.throws(() => s.u32(1), (e: unknown) => e instanceof BinaryFormatError && e.offset === 0x105);
	});

	test("fixedString stops at NUL", () => {
		const b = new ByteView(new TextEncoder().encode("__TEXT\0\0\0\0\0\0\0\0\0\0"), 0, true);
		assert.equal(b.fixedString(0, 16), "__TEXT");
	});
});

describe("string tables return (string, ok)", () => {
	const table = new TextEncoder().encode("\0.text\0.data\0tail");
	test("valid offsets", () => {
		assert.deepEqual(cString(table, 1), [".text", true]);
		assert.deepEqual(cString(table, 3), ["ext", true]);
		assert.deepEqual(cString(table, 0), ["", true]);
	});
	test("bad offsets and missing NUL", () => {
		assert.deepEqual(cString(table, 100), ["", false]);
		assert.deepEqual(cString(table, -1), ["", false]);
		assert.deepEqual(cString(table, 13), ["", false]); // "tail" has no terminator
		assert.deepEqual(cString(table, 1.5), ["", false]);
	});
});

describe("bounded reads", () => {
	test("readExact refuses windows past the end and huge sizes", () => {
		const src = memorySource(new Uint8Array(100));
		assert.equal(readExact(src, 90, 10, "x").length, 10);
		assert.throws(() => readExact(src, 95, 10, "table"), (e: unknown) => e instanceof BinaryFormatError && e.offset === 95 && /table extends past end of file/.test(e.message));
		assert.throws(() => readExact(src, 0, 2n ** 40n, "table"), BinaryFormatError);
		assert.throws(() => readExact(src, 2n ** 63n, 1, "table"), BinaryFormatError);
	});
	test("error message names the value, like debug/elf", () => {
		const e = new BinaryFormatError(0, "invalid ELF shstrndx", 70000);
		assert.equal(e.message, "invalid ELF shstrndx '70000' in record at byte 0x0");
	});
});

describe("name tables with hex fallback", () => {
	test("nameOf and flagNames", () => {
		assert.equal(nameOf([{ value: 1, name: "ONE" }], 1), "ONE");
		assert.equal(nameOf([{ value: 1, name: "ONE" }], 0x6fff4711, "SHT_"), "SHT_0x6fff4711");
		assert.equal(flagNames([{ value: 1, name: "W" }, { value: 2, name: "A" }], 0x13), "W+A+0x10");
	});
	test("ELF section types, readelf spelling, by machine", () => {
		assert.equal(sectionTypeName(1, 62), "PROGBITS");
		assert.equal(sectionTypeName(0x6ffffffe, 62), "VERNEED");
		assert.equal(sectionTypeName(0x70000001, 62), "X86_64_UNWIND");
		assert.equal(sectionTypeName(0x70000003, 40), "ARM_ATTRIBUTES");
		assert.equal(sectionTypeName(0x70000001, 3), "LOPROC+0x1");
		assert.equal(sectionTypeName(0x6000001, 3), "<unknown>: 0x6000001");
		assert.equal(sectionTypeName(0x60000010, 3), "LOOS+0x10");
		assert.equal(segmentTypeName(0x6474e551, 62), "GNU_STACK");
		assert.equal(segmentTypeName(0x70000001, 40), "EXIDX");
	});
	test("section flag letters in readelf order", () => {
		assert.equal(sectionFlagString(0x403n), "WAT");
		assert.equal(sectionFlagString(0x800n), "C");
		assert.equal(sectionFlagString(0x6n), "AX");
		assert.equal(sectionFlagString(0x100000n | 0x2n), "Ao");
		assert.equal(sectionFlagString(0x1000n), "x");
	});
	test("dynamic tags and values", () => {
		assert.equal(dynamicTagName(0x6ffffffbn), "FLAGS_1");
		assert.equal(dynamicTagName(0x70000001n), "Processor Specific: 70000001");
		assert.equal(dynamicValueText({ tag: 0x6ffffffbn, value: 0x8000001n }), "Flags: NOW PIE");
		assert.equal(dynamicValueText({ tag: 0x6ffffffbn, value: 0n }), "Flags: None");
		assert.equal(dynamicValueText({ tag: 30n, value: 8n }), "BIND_NOW");
		assert.equal(dynamicValueText({ tag: 10n, value: 615n }), "615 (bytes)");
		assert.equal(dynamicValueText({ tag: 1n, value: 1n, text: "libc.so.6" }), "Shared library: [libc.so.6]");
		assert.equal(dynamicValueText({ tag: 29n, value: 1n, text: "$ORIGIN" }), "Library runpath: [$ORIGIN]");
		assert.equal(hex(0x401000n), "0x401000");
	});
});

describe("Go quoting (strconv)", () => {
	test("unquote", () => {
		assert.equal(goUnquote('"-s -w"'), "-s -w");
		assert.equal(goUnquote('"a\\tb\\n\\"c\\\\"'), 'a\tb\n"c\\');
		assert.equal(goUnquote('"\\x41\\u00e9\\U0001F433\\101"'), "Aé🐳A");
		assert.equal(goUnquote("`raw \\n`"), "raw \\n");
		assert.equal(goUnquote('"bad'), null);
		assert.equal(goUnquote('"\\q"'), null);
		assert.equal(goUnquote('"a"b"'), null);
	});
	test("quote round-trips", () => {
		for (const s of ["-s -w", 'say "hi"', "tab\there", "\x01", "Zoë 🐳"]) {
			assert.equal(goUnquote(goQuote(s)), s);
		}
		assert.equal(goQuote("-X main.v=1 -s"), '"-X main.v=1 -s"');
	});
});

describe("modinfo parsing (runtime/debug.ParseBuildInfo)", () => {
	const text = [
		"path\texample.com/app",
		"mod\texample.com/app\t(devel)\t",
		"dep\tgolang.org/x/sys\tv0.20.0\th1:abc=",
		"dep\texample.com/lib\tv0.1.0",
		"=>\t./lib\t(devel)\t",
		"build\t-ldflags=\"-s -w -X main.version=1.2.3\"",
		"build\tCGO_ENABLED=1",
		"build\t\"weird key\"=v",
		"build\tGOFLAGS=",
		"",
	].join("\n");

	test("modules, replacement and quoted settings", () => {
		const m = parseModInfo(text);
		assert.equal(m.error, null);
		assert.equal(m.path, "example.com/app");
		assert.deepEqual(m.main, { path: "example.com/app", version: "(devel)", sum: "", replace: null });
		assert.deepEqual(m.deps[1], { path: "example.com/lib", version: "v0.1.0", sum: "", replace: { path: "./lib", version: "(devel)", sum: "", replace: null } });
		assert.deepEqual(m.settings, [
			{ key: "-ldflags", value: "-s -w -X main.version=1.2.3" },
			{ key: "CGO_ENABLED", value: "1" },
			{ key: "weird key", value: "v" },
			{ key: "GOFLAGS", value: "" },
		]);
	});

	test("malformed lines stop parsing with a line number", () => {
		assert.match(parseModInfo("mod\tonly-one\n").error ?? "", /line 1: expected 2 or 3 columns; got 1/);
		assert.match(parseModInfo("=>\ta\tb\tc\n").error ?? "", /replacement with no module/);
		assert.match(parseModInfo("build\tno-equals\n").error ?? "", /missing '='/);
		assert.match(parseModInfo("build\tk=a b\n").error ?? "", /must be quoted/);
		assert.match(parseModInfo('build\tk="unterminated\n').error ?? "", /invalid quoted value/);
		assert.equal(parseModInfo("path\tx").path, "", "a last line without newline is ignored, as in runtime/debug");
	});
});
