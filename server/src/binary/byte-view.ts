import { BinaryFormatError } from "./errors";

const latin1 = new TextDecoder("latin1");
const utf8 = new TextDecoder("utf-8");

/**
 * A bounds-checked little/big-endian view over bytes read from a file.
 * `base` is the file offset of byte 0, so errors report absolute offsets.
 * Every accessor throws BinaryFormatError instead of RangeError.
 */
export class ByteView {
	readonly bytes: Uint8Array;
	readonly base: number;
	readonly littleEndian: boolean;
	private readonly view: DataView;

	constructor(bytes: Uint8Array, base: number, littleEndian: boolean) {
		this.bytes = bytes;
		this.base = base;
		this.littleEndian = littleEndian;
		this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	}

	/** Number of bytes in the view. */
	get length(): number {
		return this.bytes.length;
	}

	/** Throws unless `[off, off+len)` is inside the view. */
	check(off: number, len: number, what: string): void {
		if (!Number.isSafeInteger(off) || off < 0 || len < 0 || off + len > this.bytes.length) {
			throw new BinaryFormatError(this.base + (Number.isSafeInteger(off) && off > 0 ? Math.min(off, this.bytes.length) : 0), `truncated ${what}`, len);
		}
	}

	u8(off: number, what = "byte"): number {
		this.check(off, 1, what);
		return this.bytes[off];
	}

	u16(off: number, what = "uint16"): number {
		this.check(off, 2, what);
		return this.view.getUint16(off, this.littleEndian);
	}

	u32(off: number, what = "uint32"): number {
		this.check(off, 4, what);
		return this.view.getUint32(off, this.littleEndian);
	}

	i32(off: number, what = "int32"): number {
		this.check(off, 4, what);
		return this.view.getInt32(off, this.littleEndian);
	}

	u64(off: number, what = "uint64"): bigint {
		this.check(off, 8, what);
		return this.view.getBigUint64(off, this.littleEndian);
	}

	i64(off: number, what = "int64"): bigint {
		this.check(off, 8, what);
		return this.view.getBigInt64(off, this.littleEndian);
	}

	/** A 32- or 64-bit unsigned word as bigint (ELF Addr/Off/Xword). */
	word(off: number, is64: boolean, what = "word"): bigint {
		return is64 ? this.u64(off, what) : BigInt(this.u32(off, what));
	}

	/** A sub-view; shares memory. */
	slice(off: number, len: number, what = "slice"): ByteView {
		this.check(off, len, what);
		return new ByteView(this.bytes.subarray(off, off + len), this.base + off, this.littleEndian);
	}

	/** Fixed-width name field (Mach-O segname, PE section name): up to the first NUL. */
	fixedString(off: number, len: number, what = "name"): string {
		this.check(off, len, what);
		let end = off;
		while (end < off + len && this.bytes[end] !== 0) {
			end++;
		}
		return latin1.decode(this.bytes.subarray(off, end));
	}
}

/**
 * NUL-terminated string at `start` in a string table, Go getString style:
 * returns [string, ok]; ok is false for an out-of-range start or a missing NUL.
 */
export function cString(table: Uint8Array, start: number): [string, boolean] {
	if (!Number.isSafeInteger(start) || start < 0 || start >= table.length) {
		return ["", false];
	}
	const end = table.indexOf(0, start);
	if (end < 0) {
		return ["", false];
	}
	return [utf8.decode(table.subarray(start, end)), true];
}

/** Decodes bytes as UTF-8 (invalid sequences become U+FFFD, never throws). */
export function utf8String(bytes: Uint8Array): string {
	return utf8.decode(bytes);
}

/** Hex string for addresses: "0x401000". */
export function hex(value: number | bigint): string {
	return "0x" + value.toString(16);
}

/** Zero-padded hex without prefix, like readelf's columns. */
export function hexPad(value: number | bigint, width: number): string {
	return value.toString(16).padStart(width, "0");
}
