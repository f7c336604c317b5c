// Test helpers for the binary fixtures: decode <name>.br.base64 (brotli +
// base64, see fixtures/README.md) into memory and, for the external tools,
// into a per-process temp directory; and require the external tools loudly.
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as zlib from "node:zlib";

/** Folder holding the committed *.br.base64 fixtures. */
export const FIXTURE_DIR = path.join(__dirname, "fixtures");

/** One decoded fixture. */
export interface Fixture {
	readonly name: string;
	readonly bytes: Uint8Array;
}

const cache = new Map<string, Uint8Array>();
let tempDir: string | null = null;

/** Names of every committed fixture, sorted. */
export function fixtureNames(): string[] {
	return fs
		.readdirSync(FIXTURE_DIR)
		.filter((f) => f.endsWith(".br.base64"))
		.map((f) => f.slice(0, -".br.base64".length))
		.sort();
}

/** Decoded bytes of fixture `name`. */
export function fixtureBytes(name: string): Uint8Array {
	let b = cache.get(name);
	if (!b) {
		const text = fs.readFileSync(path.join(FIXTURE_DIR, `${name}.br.base64`), "utf8");
		const buf = zlib.brotliDecompressSync(Buffer.from(text, "base64"));
		b = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
		cache.set(name, b);
	}
	return b;
}

/** Every fixture, decoded. */
export function allFixtures(): Fixture[] {
	return fixtureNames().map((name) => ({ name, bytes: fixtureBytes(name) }));
}

/** Writes fixture `name` to a temp dir (once per process) and returns its path. */
export function fixturePath(name: string): string {
	if (!tempDir) {
		tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "shipcheck-binfx-"));
		const dir = tempDir;
		process.on("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
	}
	const p = path.join(tempDir, name);
	if (!fs.existsSync(p)) {
		fs.writeFileSync(p, fixtureBytes(name), { mode: 0o755 });
	}
	return p;
}

/**
 * Fails (never skips) when an external tool the comparison tests rely on is
 * missing, with a message that says what to install.
 */
export function requireTool(cmd: string, args: string[], hint: string): void {
	const r = spawnSync(cmd, args, { encoding: "utf8" });
	if (r.error || r.status !== 0) {
		throw new Error(`${cmd} is required by the binary reader tests but could not run (${r.error?.message ?? `exit ${r.status}`}); ${hint}`);
	}
}

/** Runs a tool and returns stdout; stderr and exit status are returned too, never thrown. */
export function run(cmd: string, args: string[]): { stdout: string; stderr: string; status: number | null } {
	const r = spawnSync(cmd, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
	return { stdout: r.stdout ?? "", stderr: r.stderr ?? "", status: r.status };
}

/** readelf -W <flags> <fixture>. */
export function readelf(flags: string[], name: string): string {
	return execFileSync("readelf", ["-W", ...flags, fixturePath(name)], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

/** True when the bytes start with the ELF magic. */
export function isElfBytes(b: Uint8Array): boolean {
	return b[0] === 0x7f && b[1] === 0x45 && b[2] === 0x4c && b[3] === 0x46;
}
