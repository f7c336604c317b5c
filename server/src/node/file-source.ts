import * as fs from "node:fs";
import type { RandomAccessSource } from "../binary/source";

/** An fs-backed RandomAccessSource plus close(); reads with fs.readSync on one fd. */
export interface FileSource extends RandomAccessSource {
	close(): void;
}

/**
 * Opens `path` read-only for the binary reader. Each read() is one
 * fs.readSync of at most `length` bytes at `offset`; nothing is preloaded.
 */
export function openFileSource(path: string): FileSource {
	const fd = fs.openSync(path, "r");
	let size: number;
	try {
		size = fs.fstatSync(fd).size;
	} catch (err) {
		fs.closeSync(fd);
		throw err;
	}
	let closed = false;
	return {
		size,
		read(offset: number, length: number): Uint8Array {
			if (offset < 0 || offset >= size || length <= 0) {
				return new Uint8Array(0);
			}
			const want = Math.min(length, size - offset);
			const buf = new Uint8Array(want);
			let done = 0;
			while (done < want) {
				const n = fs.readSync(fd, buf, done, want - done, offset + done);
				if (n === 0) {
					break;
				}
				done += n;
			}
			return done === want ? buf : buf.subarray(0, done);
		},
		close(): void {
			if (!closed) {
				closed = true;
				fs.closeSync(fd);
			}
		},
	};
}

/** Runs `fn` with an open FileSource and always closes it. */
export function withFileSource<T>(path: string, fn: (src: FileSource) => T): T {
	const src = openFileSource(path);
	try {
		return fn(src);
	} finally {
		src.close();
	}
}
