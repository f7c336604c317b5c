// Compares Go build info with `go version -m` on every fixture (ELF, Mach-O,
// universal, PE): the text must be identical, and the parsed fields must
// agree with what go version -m prints. The C fixture must be "not a Go binary".
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { formatGoVersion, inspectBinary, memorySource, toBinaryDto } from "../../server/src/binary/index";
import { allFixtures, fixturePath, requireTool, run } from "./fixtures";

describe("build info vs go version -m", () => {
	before(() => requireTool("go", ["version"], "install Go (https://go.dev/dl/) and put it on PATH"));

	for (const fx of allFixtures()) {
		test(fx.name, () => {
			const r = inspectBinary(memorySource(fx.bytes));
			assert.equal(r.kind, "binary");
			if (r.kind !== "binary") {
				return;
			}
			const path = fixturePath(fx.name);
			const go = run("go", ["version", "-m", path]);
			if (fx.name.startsWith("c-")) {
				assert.notEqual(go.status, 0);
				assert.match(go.stderr + go.stdout, /not a Go executable/);
				assert.equal(r.info.go, null);
				assert.equal(r.info.notGoReason, "no build info magic");
				return;
			}
			assert.equal(go.status, 0, go.stderr);
			assert.ok(r.info.go, `no build info: ${r.info.notGoReason}`);
			assert.equal(formatGoVersion(path, r.info.go), go.stdout);
			const first = go.stdout.split("\n")[0];
			assert.equal(first, `${path}: ${r.info.go.goVersion}`);
			const dto = toBinaryDto(r.info).go;
			assert.ok(dto);
			for (const line of go.stdout.split("\n")) {
				const m = /^\tbuild\t([^=]+)=(.*)$/.exec(line);
				if (m && !m[2].startsWith('"')) {
					assert.equal(dto.settings[m[1]], m[2], m[1]);
				}
			}
		});
	}

	test("pre-1.18 (pointer) and 1.18+ (inline) formats are both covered", () => {
		const formats = new Set<string>();
		for (const fx of allFixtures()) {
			const r = inspectBinary(memorySource(fx.bytes));
			if (r.kind === "binary" && r.info.go) {
				formats.add(r.info.go.format);
			}
		}
		assert.deepEqual([...formats].sort(), ["inline", "pointer"]);
	});
});
