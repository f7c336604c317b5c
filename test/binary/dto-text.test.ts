// The JSON DTO contract, the text formatter, and the fs-backed source with
// its bounded reads.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { countingSource, formatBinaryText, inspectBinary, memorySource, toBinaryDto } from "../../server/src/binary/index";
import { withFileSource } from "../../server/src/node/file-source";
import { allFixtures, fixtureBytes, fixturePath, isElfBytes } from "./fixtures";

function infoOf(name: string) {
	const r = inspectBinary(memorySource(fixtureBytes(name)));
	assert.ok(r.kind === "binary");
	return r.info;
}

describe("toBinaryDto", () => {
	test("has exactly the contract keys and survives JSON (no bigint)", () => {
		const dto = toBinaryDto(infoOf("go126-linux-amd64-cgo-net"));
		assert.deepEqual(Object.keys(dto), ["format", "class", "machine", "type", "linkage", "interpreter", "libc", "glibcMin", "needed", "versionNeeds", "sections", "segments", "symtab", "dwarf", "gopclntab", "go"]);
		const back = JSON.parse(JSON.stringify(dto));
		assert.deepEqual(back, dto);
		assert.deepEqual(
			{ format: dto.format, class: dto.class, machine: dto.machine, type: dto.type, linkage: dto.linkage, interpreter: dto.interpreter, libc: dto.libc, glibcMin: dto.glibcMin, needed: dto.needed },
			{ format: "elf", class: 64, machine: "x86-64", type: "EXEC", linkage: "dynamic", interpreter: "/lib64/ld-linux-x86-64.so.2", libc: "glibc", glibcMin: "2.34", needed: ["libc.so.6"] },
		);
		assert.deepEqual(dto.versionNeeds, [{ file: "libc.so.6", versions: ["GLIBC_2.34", "GLIBC_2.32", "GLIBC_2.3.2", "GLIBC_2.2.5"] }]);
		assert.deepEqual(dto.sections.find((s) => s.name === ".text"), { name: ".text", type: "PROGBITS", address: "0x401000", offset: 4096, size: 0xd2cd1, flags: "AX" });
		assert.deepEqual(dto.segments[1], { type: "INTERP", name: "", offset: 0xfe4, address: "0x400fe4", fileSize: 0x1c, memSize: 0x1c, flags: "R  ", align: 1 });
		assert.deepEqual([dto.symtab, dto.dwarf, dto.gopclntab], [true, true, true]);
		assert.ok(dto.go);
		assert.deepEqual(Object.keys(dto.go), ["version", "path", "main", "deps", "settings", "ldflags"]);
		assert.equal(dto.go.version, "go1.26.8");
		assert.equal(dto.go.settings.CGO_ENABLED, "1");
	});

	test("deps with sums and replacements", () => {
		const go = toBinaryDto(infoOf("go126-linux-amd64-sqlite")).go;
		assert.ok(go);
		assert.deepEqual(go.deps, [
			{ path: "example.com/locallib", version: "v0.1.0", sum: "", replace: { path: "./locallib", version: "(devel)", sum: "", replace: null } },
			{ path: "github.com/mattn/go-sqlite3", version: "v1.14.22", sum: "h1:2gZY6PC6kBnID23Tichd1K+Z0oS6nE/XwU+Vz/5o4kU=", replace: null },
		]);
		assert.equal(go.settings["-ldflags"], "-s -w");
	});

	test("-trimpath: -ldflags not recorded; non-Go: go is null", () => {
		const t = toBinaryDto(infoOf("go126-linux-amd64-trimpath")).go;
		assert.equal(t?.settings["-ldflags"], undefined);
		assert.equal(t?.ldflags.status, "not recorded");
		assert.equal(toBinaryDto(infoOf("c-linux-amd64-gcc")).go, null);
	});

	test("every fixture converts and round-trips through JSON", () => {
		for (const fx of allFixtures()) {
			const r = inspectBinary(memorySource(fx.bytes));
			assert.ok(r.kind === "binary", fx.name);
			const dto = toBinaryDto(r.info);
			assert.deepEqual(JSON.parse(JSON.stringify(dto)), dto, fx.name);
			for (const s of dto.sections) {
				assert.match(s.address, /^0x[0-9a-f]+$/);
			}
		}
	});
});

describe("formatBinaryText", () => {
	test("ELF: readelf sections in order, summary, then go version -m", () => {
		const text = formatBinaryText(infoOf("go126-linux-amd64-cgo-net"), "app");
		const order = ["Section Headers:", "Program Headers:", "Dynamic section at offset", "Version needs section", "Displaying notes found in: .note.go.buildid", "Summary:", "app: go1.26.8", "\tbuild\tCGO_ENABLED=1"];
		let at = -1;
		for (const marker of order) {
			const i = text.indexOf(marker);
			assert.ok(i > at, `${marker} after previous marker`);
			at = i;
		}
		assert.match(text, /needs GLIBC_2\.34 \(pthread_attr_getstack/);
	});
	test("Mach-O universal, PE and non-Go", () => {
		assert.match(formatBinaryText(infoOf("go126-darwin-universal")), /Universal binary with 2 architectures/);
		assert.match(formatBinaryText(infoOf("go126-windows-386")), /Imported DLLs:\n {2}kernel32\.dll/);
		assert.match(formatBinaryText(infoOf("c-linux-amd64-gcc"), "hello"), /hello: not a Go binary \(no build info magic\)/);
	});
});

describe("file source and bounded reads", () => {
	test("fs-backed source gives the same result as memory and reads < 1% of every Go ELF fixture", () => {
		for (const fx of allFixtures()) {
			const mem = inspectBinary(memorySource(fx.bytes));
			withFileSource(fixturePath(fx.name), (src) => {
				const counted = countingSource(src);
				const r = inspectBinary(counted);
				assert.deepEqual(r.kind === "binary" ? toBinaryDto(r.info) : r, mem.kind === "binary" ? toBinaryDto(mem.info) : mem);
				if (isElfBytes(fx.bytes) && !fx.name.startsWith("c-")) {
					assert.ok(counted.bytesRead < fx.bytes.length / 100, `${fx.name}: ${counted.bytesRead} of ${fx.bytes.length}`);
				}
			});
		}
	});
});
