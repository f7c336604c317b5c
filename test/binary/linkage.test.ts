// Linkage classification (static / static-pie / dynamic, libc, glibc floor)
// on every ELF fixture, plus the version comparison it relies on.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { compareVersions, inspectBinary, ldflagsStatus, memorySource, parseGlibcVersion } from "../../server/src/binary/index";
import { fixtureBytes, fixtureNames, isElfBytes } from "./fixtures";

type Want = { linkage: string; libc: string; glibcMin: string | null; interpreter: string | null; needed: string[] };

// Expected values were checked with `file` and `readelf -l -d -V` on each fixture (FACTS §3.5, §4.1, §4.3).
const WANT: Record<string, Want> = {
	"c-linux-amd64-gcc": { linkage: "dynamic", libc: "glibc", glibcMin: "2.34", interpreter: "/lib64/ld-linux-x86-64.so.2", needed: ["libc.so.6"] },
	"c-linux-amd64-gcc-rpath": { linkage: "dynamic", libc: "glibc", glibcMin: "2.34", interpreter: "/lib64/ld-linux-x86-64.so.2", needed: ["libc.so.6"] },
	// A shared library: no interpreter of its own, NEEDED libc, no DF_1_PIE: dynamic, not static-pie.
	"c-linux-amd64-gcc-shared": { linkage: "dynamic", libc: "glibc", glibcMin: "2.2.5", interpreter: null, needed: ["libc.so.6"] },
	"go117-linux-amd64-nocgo": { linkage: "static", libc: "none", glibcMin: null, interpreter: null, needed: [] },
	"go119-linux-amd64-cgo-net": { linkage: "dynamic", libc: "glibc", glibcMin: "2.34", interpreter: "/lib64/ld-linux-x86-64.so.2", needed: ["libc.so.6"] },
	"go121-linux-amd64-nocgo-s": { linkage: "static", libc: "none", glibcMin: null, interpreter: null, needed: [] },
	"go121-linux-amd64-nocgo-w": { linkage: "static", libc: "none", glibcMin: null, interpreter: null, needed: [] },
	"go122-linux-amd64-nocgo-s": { linkage: "static", libc: "none", glibcMin: null, interpreter: null, needed: [] },
	"go126-linux-386": { linkage: "static", libc: "none", glibcMin: null, interpreter: null, needed: [] },
	"go126-linux-amd64-cgo-net": { linkage: "dynamic", libc: "glibc", glibcMin: "2.34", interpreter: "/lib64/ld-linux-x86-64.so.2", needed: ["libc.so.6"] },
	"go126-linux-amd64-glibc-static": { linkage: "static", libc: "glibc", glibcMin: null, interpreter: null, needed: [] },
	"go126-linux-amd64-musl-dynamic": { linkage: "dynamic", libc: "musl", glibcMin: null, interpreter: "/lib/ld-musl-x86_64.so.1", needed: ["libc.so"] },
	"go126-linux-amd64-musl-static": { linkage: "static", libc: "unknown", glibcMin: null, interpreter: null, needed: [] },
	"go126-linux-amd64-netgo-osusergo": { linkage: "static", libc: "none", glibcMin: null, interpreter: null, needed: [] },
	"go126-linux-amd64-nocgo": { linkage: "static", libc: "none", glibcMin: null, interpreter: null, needed: [] },
	"go126-linux-amd64-nocgo-s-w": { linkage: "static", libc: "none", glibcMin: null, interpreter: null, needed: [] },
	"go126-linux-amd64-nocgo-w": { linkage: "static", libc: "none", glibcMin: null, interpreter: null, needed: [] },
	// FACTS §3.5: CGO_ENABLED=0 -buildmode=pie is a dynamically linked PIE with the glibc loader.
	"go126-linux-amd64-pie-nocgo": { linkage: "dynamic", libc: "glibc", glibcMin: null, interpreter: "/lib64/ld-linux-x86-64.so.2", needed: [] },
	"go126-linux-amd64-sqlite": { linkage: "dynamic", libc: "glibc", glibcMin: "2.34", interpreter: "/lib64/ld-linux-x86-64.so.2", needed: ["libc.so.6"] },
	"go126-linux-amd64-static-pie": { linkage: "static-pie", libc: "glibc", glibcMin: null, interpreter: null, needed: [] },
	"go126-linux-amd64-trimpath": { linkage: "static", libc: "none", glibcMin: null, interpreter: null, needed: [] },
	"go126-linux-arm": { linkage: "static", libc: "none", glibcMin: null, interpreter: null, needed: [] },
	"go126-linux-arm64-cgo": { linkage: "dynamic", libc: "glibc", glibcMin: "2.34", interpreter: "/lib/ld-linux-aarch64.so.1", needed: ["libc.so.6"] },
	"go126-linux-arm64-nocgo": { linkage: "static", libc: "none", glibcMin: null, interpreter: null, needed: [] },
	"go126-linux-mips": { linkage: "static", libc: "none", glibcMin: null, interpreter: null, needed: [] },
	"go126-linux-s390x": { linkage: "static", libc: "none", glibcMin: null, interpreter: null, needed: [] },
};

function info(name: string) {
	const r = inspectBinary(memorySource(fixtureBytes(name)));
	assert.ok(r.kind === "binary");
	return r.info;
}

describe("linkage classification", () => {
	test("every ELF fixture has an expectation", () => {
		const elf = fixtureNames().filter((n) => isElfBytes(fixtureBytes(n)));
		assert.deepEqual(elf.sort(), Object.keys(WANT).sort());
	});

	for (const [name, want] of Object.entries(WANT)) {
		test(name, () => {
			const i = info(name);
			assert.deepEqual({ linkage: i.linkage, libc: i.libc, glibcMin: i.glibcMin, interpreter: i.interpreter, needed: [...i.needed] }, want);
		});
	}

	test("the GLIBC_2.34 floor of a cgo net binary comes from the pthread symbols (FACTS §4.3)", () => {
		// FACTS §4.3 / §9 (go1.19.8 on glibc 2.36): pthread_create, pthread_detach, pthread_attr_getstacksize @GLIBC_2.34.
		const old = info("go119-linux-amd64-cgo-net");
		assert.deepEqual(old.glibcMinSymbols, ["pthread_attr_getstacksize", "pthread_create", "pthread_detach"]);
		assert.ok(old.detail.kind === "elf" && old.detail.elf.versionedSymbols.some((s) => s.name === "pthread_sigmask" && s.version === "GLIBC_2.32"));
		const i = info("go126-linux-amd64-cgo-net");
		assert.deepEqual(i.glibcMinSymbols, ["pthread_attr_getstack", "pthread_attr_getstacksize", "pthread_create", "pthread_key_create", "pthread_setspecific"]);
		assert.deepEqual(i.versionNeeds, [{ file: "libc.so.6", versions: ["GLIBC_2.34", "GLIBC_2.32", "GLIBC_2.3.2", "GLIBC_2.2.5"] }]);
		assert.equal(info("c-linux-amd64-gcc").glibcMinSymbols.join(), "__libc_start_main");
	});

	test("RPATH, RUNPATH and SONAME strings come from the dynamic string table", () => {
		const text = (name: string, tag: bigint) => {
			const i = info(name);
			assert.ok(i.detail.kind === "elf");
			return i.detail.elf.dynamic.filter((e) => e.tag === tag).map((e) => e.text);
		};
		assert.deepEqual(text("c-linux-amd64-gcc-rpath", 15n), ["/opt/shipcheck/lib"]);
		assert.deepEqual(text("c-linux-amd64-gcc-shared", 14n), ["libshipcheck.so.1"]);
		assert.deepEqual(text("c-linux-amd64-gcc-shared", 29n), ["$ORIGIN/../lib"]);
		assert.equal(info("c-linux-amd64-gcc-shared").type, "DYN");
	});

	test("PIE flags: static-pie has DF_1_PIE and no interpreter", () => {
		assert.equal(info("go126-linux-amd64-static-pie").pie, true);
		assert.equal(info("go126-linux-amd64-pie-nocgo").pie, true);
		assert.equal(info("go126-linux-amd64-nocgo").pie, false);
	});

	test("machine names", () => {
		assert.deepEqual(
			["go126-linux-mips", "go126-linux-s390x", "go126-linux-arm", "go126-linux-386", "go126-linux-arm64-nocgo", "go126-linux-amd64-nocgo"].map((n) => [info(n).machine, info(n).class, info(n).littleEndian]),
			[["mips", 32, false], ["s390x", 64, false], ["arm", 32, true], ["i386", 32, true], ["aarch64", 64, true], ["x86-64", 64, true]],
		);
	});

	test("versions compare numerically", () => {
		assert.deepEqual(parseGlibcVersion("GLIBC_2.2.5"), [2, 2, 5]);
		assert.equal(parseGlibcVersion("GLIBC_PRIVATE"), null);
		assert.ok(compareVersions([2, 10], [2, 9]) > 0);
		assert.ok(compareVersions([2, 2, 5], [2, 3]) < 0);
		assert.equal(compareVersions([2, 34], [2, 34, 0]), 0);
	});
});

describe("tooling facts", () => {
	const facts = (n: string) => {
		const t = info(n).tooling;
		return [t.symtab, t.dwarf, t.gopclntab];
	};
	test("-s / -w / default (FACTS §2.1: .gopclntab always kept)", () => {
		assert.deepEqual(facts("go126-linux-amd64-nocgo"), [true, true, true]);
		assert.deepEqual(facts("go126-linux-amd64-nocgo-w"), [true, false, true]);
		assert.deepEqual(facts("go126-linux-amd64-nocgo-s-w"), [false, false, true]);
		assert.deepEqual(facts("go122-linux-amd64-nocgo-s"), [false, false, true]);
		assert.deepEqual(facts("go121-linux-amd64-nocgo-s"), [false, false, true], "on ELF, -s dropped DWARF before 1.22 too");
		assert.deepEqual(facts("go121-linux-amd64-nocgo-w"), [true, false, true]);
		assert.deepEqual(facts("c-linux-amd64-gcc"), [true, false, false]);
		assert.equal(info("go126-linux-amd64-nocgo").tooling.dwarfCompressed, true);
		assert.equal(info("go117-linux-amd64-nocgo").tooling.gopclntabMagic, 0xfffffffa);
		// Go 1.17 wrote compressed DWARF as .zdebug_* sections; 1.26 sets SHF_COMPRESSED on .debug_*.
		const old = info("go117-linux-amd64-nocgo").tooling;
		assert.deepEqual([old.dwarf, old.dwarfCompressed, old.debugSections.includes(".zdebug_info")], [true, true, true]);
		assert.ok(info("go126-linux-amd64-nocgo").tooling.debugSections.includes(".debug_info"));
	});

	test("-ldflags: recorded, absent, or not recorded (-trimpath, pre-1.18)", () => {
		const ld = (n: string) => {
			const g = info(n).go;
			assert.ok(g);
			return ldflagsStatus(g);
		};
		assert.deepEqual(ld("go126-linux-amd64-nocgo-s-w"), { status: "recorded", value: "-s -w" });
		assert.deepEqual(ld("go126-linux-amd64-nocgo"), { status: "absent" });
		assert.equal(ld("go126-linux-amd64-trimpath").status, "not recorded");
		assert.equal(ld("go117-linux-amd64-nocgo").status, "not recorded");
		assert.deepEqual([info("go126-linux-amd64-trimpath").tooling.symtab, info("go126-linux-amd64-trimpath").tooling.dwarf], [false, false], "the -s -w is still visible in the file");
	});
});
