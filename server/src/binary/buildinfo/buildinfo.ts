import { ByteView, utf8String } from "../byte-view";
import { GoExe } from "./go-exe";
import { GoModInfo, parseModInfo } from "./modinfo";

// src/debug/buildinfo/buildinfo.go: "\xff Go buildinf:" (14 bytes), 16-byte
// aligned, followed by ptrSize (1 byte) and flags (1 byte); header is 32 bytes.
const MAGIC = [0xff, 0x20, 0x47, 0x6f, 0x20, 0x62, 0x75, 0x69, 0x6c, 0x64, 0x69, 0x6e, 0x66, 0x3a];
const HEADER_SIZE = 32;
const ALIGN = 16;
const FLAGS_ENDIAN_BIG = 0x1;
const FLAGS_VERSION_INL = 0x2;
/** Search window per read, and in total (Go reads 1 MiB chunks with no total cap; we cap). */
const CHUNK = 64 * 1024;
export const BUILDINFO_SEARCH_CAP = 4 * 1024 * 1024;
/** Longest version / modinfo string we accept (large monorepos have ~100 KiB of modinfo). */
const MAX_VERSION = 4096;
const MAX_MODINFO = 4 * 1024 * 1024;

/** Go build info as `go version -m` shows it. */
export interface GoBuildInfo extends GoModInfo {
	/** e.g. "go1.22.5". */
	readonly goVersion: string;
	/** "inline" (varint strings, Go 1.18+) or "pointer" (Go string headers, before 1.18). */
	readonly format: "inline" | "pointer";
	/** Virtual address of the build info header. */
	readonly address: bigint;
}

/** Why a file has no readable Go build info. These are results, not errors. */
export type NotGoReason = "no data section" | "no build info magic" | "unrecognized build info format" | "empty Go version";

/** The outcome of looking for Go build info. */
export type GoBuildInfoResult = { readonly kind: "go"; readonly info: GoBuildInfo } | { readonly kind: "not-go"; readonly reason: NotGoReason };

/** Finds and decodes the build info blob (debug/buildinfo.Read, with bounded reads). */
export function readGoBuildInfo(x: GoExe): GoBuildInfoResult {
	const data = x.dataStart();
	if (!data || data.size === 0n) {
		return { kind: "not-go", reason: "no data section" };
	}
	const addr = searchMagic(x, data.addr, data.size);
	if (addr === null) {
		return { kind: "not-go", reason: "no build info magic" };
	}
	const header = x.readData(addr, HEADER_SIZE);
	if (header.length < HEADER_SIZE) {
		return { kind: "not-go", reason: "unrecognized build info format" };
	}
	const flags = header[15];
	let vers: string | null;
	let mod: string | null;
	let format: "inline" | "pointer";
	if ((flags & FLAGS_VERSION_INL) !== 0) {
		// Since Go 1.18: the header is followed by two varint-length-prefixed strings.
		format = "inline";
		const v = decodeString(x, addr + BigInt(HEADER_SIZE), MAX_VERSION);
		vers = v?.value ?? null;
		mod = v ? (decodeString(x, v.next, MAX_MODINFO)?.value ?? null) : null;
	} else {
		// Before Go 1.18: the header holds pointers to two Go string headers {ptr, len}.
		format = "pointer";
		const ptrSize = header[14];
		if (ptrSize !== 4 && ptrSize !== 8) {
			return { kind: "not-go", reason: "unrecognized build info format" };
		}
		const h = new ByteView(header, 0, (flags & FLAGS_ENDIAN_BIG) === 0);
		vers = readGoString(x, ptrSize, h.word(16, ptrSize === 8), MAX_VERSION, h.littleEndian);
		mod = readGoString(x, ptrSize, h.word(16 + ptrSize, ptrSize === 8), MAX_MODINFO, h.littleEndian);
	}
	if (!vers) {
		return { kind: "not-go", reason: "empty Go version" };
	}
	return { kind: "go", info: { goVersion: vers, format, address: addr, ...parseModInfo(stripFraming(mod ?? "")) } };
}

// cmd/go/internal/modload infoStart/infoEnd: 16-byte sentinels around modinfo.
function stripFraming(mod: string): string {
	if (mod.length >= 33 && mod[mod.length - 17] === "\n") {
		return mod.slice(16, mod.length - 16);
	}
	return "";
}

/** Scans [start, start+size) in chunks for the 16-byte-aligned magic; null if absent within the cap. */
function searchMagic(x: GoExe, start: bigint, size: bigint): bigint | null {
	const capped = size > BigInt(BUILDINFO_SEARCH_CAP) ? BigInt(BUILDINFO_SEARCH_CAP) : size;
	const end = start + capped;
	let at = start + ((BigInt(ALIGN) - (start % BigInt(ALIGN))) % BigInt(ALIGN));
	while (at < end) {
		const want = end - at < BigInt(CHUNK) ? Number(end - at) : CHUNK;
		const chunk = x.readData(at, want);
		if (chunk.length === 0) {
			return null;
		}
		for (let i = 0; i + MAGIC.length <= chunk.length; i += ALIGN) {
			if (MAGIC.every((b, j) => chunk[i + j] === b)) {
				return at + BigInt(i);
			}
		}
		// Chunks are multiples of ALIGN, so an aligned magic never straddles two reads.
		at += BigInt(chunk.length - (chunk.length % ALIGN) || ALIGN);
	}
	return null;
}

// encoding/binary.Uvarint, limited to 10 bytes; then that many bytes of string.
function decodeString(x: GoExe, addr: bigint, max: number): { value: string; next: bigint } | null {
	const b = x.readData(addr, 10);
	let len = 0n;
	let shift = 0n;
	let n = 0;
	for (; n < b.length; n++) {
		len |= BigInt(b[n] & 0x7f) << shift;
		shift += 7n;
		if (b[n] < 0x80) {
			break;
		}
	}
	if (n >= b.length || len > BigInt(max)) {
		return null;
	}
	const start = addr + BigInt(n + 1);
	const data = x.readData(start, Number(len));
	if (data.length < Number(len)) {
		return null; // the section ended before the string did
	}
	return { value: utf8String(data), next: start + len };
}

function readGoString(x: GoExe, ptrSize: number, addr: bigint, max: number, le: boolean): string | null {
	const hdr = x.readData(addr, 2 * ptrSize);
	if (hdr.length < 2 * ptrSize) {
		return null;
	}
	const v = new ByteView(hdr, 0, le);
	const dataAddr = v.word(0, ptrSize === 8);
	const len = v.word(ptrSize, ptrSize === 8);
	if (len > BigInt(max)) {
		return null;
	}
	const data = x.readData(dataAddr, Number(len));
	return data.length < Number(len) ? null : utf8String(data);
}
