import { BinaryFormatError } from "./errors";

/**
 * Synchronous, bounded random access to a file's bytes. The reader never asks
 * for the whole file: every read is a small, validated window.
 */
export interface RandomAccessSource {
	/** File size in bytes. */
	readonly size: number;
	/** Returns up to `length` bytes starting at `offset` (fewer only at end of file). */
	read(offset: number, length: number): Uint8Array;
}

/** A source that also reports how many bytes and reads it has served. */
export interface CountingSource extends RandomAccessSource {
	readonly bytesRead: number;
	readonly reads: number;
}

/** The largest single read the reader will ever issue (a sanity cap, not a format limit). */
export const MAX_READ = 16 * 1024 * 1024;

/** Wraps an in-memory buffer (tests, browsers, already-loaded files). */
export function memorySource(bytes: Uint8Array): RandomAccessSource {
	return {
		size: bytes.length,
		read(offset: number, length: number): Uint8Array {
			const end = Math.min(bytes.length, offset + length);
			return bytes.subarray(Math.max(0, offset), Math.max(0, end));
		},
	};
}

/** Wraps `inner` and counts bytes and calls, for benchmarks and fuzz bounds. */
export function countingSource(inner: RandomAccessSource): CountingSource {
	let bytesRead = 0;
	let reads = 0;
	return {
		size: inner.size,
		get bytesRead() {
			return bytesRead;
		},
		get reads() {
			return reads;
		},
		read(offset: number, length: number): Uint8Array {
			const out = inner.read(offset, length);
			bytesRead += out.length;
			reads++;
			return out;
		},
	};
}

/**
 * Reads exactly `length` bytes at `offset`, after checking the window against
 * the file size and MAX_READ. `what` names the structure for the error message.
 */
export function readExact(src: RandomAccessSource, offset: number | bigint, length: number | bigint, what: string): Uint8Array {
	const off = toSafeOffset(offset, what);
	const len = toSafeOffset(length, `${what} size`);
	if (len > MAX_READ) {
		throw new BinaryFormatError(off, `${what} too large`, len);
	}
	if (off > src.size || len > src.size - off) {
		throw new BinaryFormatError(off, `${what} extends past end of file (size ${src.size})`, len);
	}
	const bytes = src.read(off, len);
	if (bytes.length !== len) {
		throw new BinaryFormatError(off, `short read of ${what}`, bytes.length);
	}
	return bytes;
}

/** Reads up to `length` bytes at `offset`, clamped to the end of the file. */
export function readUpTo(src: RandomAccessSource, offset: number, length: number): Uint8Array {
	if (offset < 0 || offset >= src.size || length <= 0) {
		return new Uint8Array(0);
	}
	return src.read(offset, Math.min(length, src.size - offset, MAX_READ));
}

/** Converts a file offset or size from the file to a safe JS number, or throws. */
export function toSafeOffset(value: number | bigint, what: string): number {
	if (typeof value === "bigint") {
		if (value < 0n || value > BigInt(Number.MAX_SAFE_INTEGER)) {
			throw new BinaryFormatError(0, `invalid ${what}`, value);
		}
		return Number(value);
	}
	if (!Number.isSafeInteger(value) || value < 0) {
		throw new BinaryFormatError(0, `invalid ${what}`, value);
	}
	return value;
}

/**
 * A window [offset, offset+size) of another source (a slice of a fat Mach-O).
 * The caller has validated the window against the parent's size.
 */
export function subSource(parent: RandomAccessSource, offset: number, size: number): RandomAccessSource {
	const end = Math.min(parent.size, offset + size);
	return {
		size: Math.max(0, end - offset),
		read(off: number, length: number): Uint8Array {
			if (off < 0 || off >= end - offset) {
				return new Uint8Array(0);
			}
			return parent.read(offset + off, Math.min(length, end - offset - off));
		},
	};
}
