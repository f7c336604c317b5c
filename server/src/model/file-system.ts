/**
 * The read-only view of the workspace the core analyses through. The Node host implements it with `fs`
 * (cached); tests and a browser host implement it with in-memory maps. Paths are absolute, `/`-separated.
 */
export interface FileSystemView {
	/** Text of a file, or undefined when it does not exist or cannot be read. */
	readFile(path: string): string | undefined;
	/** Entries of a directory (names only; directories end with `/`); empty when it does not exist. */
	listDir(path: string): readonly string[];
	/**
	 * Optional: up to `length` bytes of a (binary) file at `offset`, with the file's size; undefined when it is not
	 * a readable regular file. Hosts implement it with bounded reads (never the whole file); the binary verdict
	 * of a workspace executable copied into an image uses it (rules/context-binary.ts).
	 */
	readBinary?(path: string, offset: number, length: number): BinaryWindow | undefined;
}

/** One bounded window of a binary file. */
export interface BinaryWindow {
	readonly bytes: Uint8Array;
	/** The whole file's size. */
	readonly size: number;
	/**
	 * Optional: a token that changes whenever the file may have changed (on disk: size, mtime, ctime and inode;
	 * in memory: the buffer's identity). What is derived from the file is cached under it; without it, nothing is.
	 */
	readonly version?: string;
}

/**
 * An in-memory view, for tests and for documents that only exist in the editor. `binaries` are files served
 * only through `readBinary` (listed by `listDir`, no text), each window a view of the buffer.
 */
export function memoryFileSystem(files: Readonly<Record<string, string>>, binaries: Readonly<Record<string, Uint8Array>> = {}): FileSystemView {
	const paths = [...Object.keys(files), ...Object.keys(binaries)];
	return {
		readFile: (path) => files[path],
		listDir: (path) => {
			const prefix = path.endsWith('/') ? path : `${path}/`;
			const names = new Set<string>();
			for (const file of paths) {
				if (!file.startsWith(prefix)) continue;
				const rest = file.slice(prefix.length);
				const slash = rest.indexOf('/');
				names.add(slash < 0 ? rest : rest.slice(0, slash + 1));
			}
			return [...names].sort();
		},
		readBinary: (path, offset, length) => {
			const bytes = binaries[path];
			if (!bytes) return undefined;
			const start = Math.min(Math.max(0, offset), bytes.length);
			return { bytes: bytes.subarray(start, Math.min(bytes.length, start + Math.max(0, length))), size: bytes.length, version: bufferVersion(bytes) };
		},
	};
}

const bufferVersions = new WeakMap<Uint8Array, string>();
let nextBufferVersion = 0;

/** A version per buffer object: a test that swaps the bytes of a path gets a new one. */
function bufferVersion(bytes: Uint8Array): string {
	let version = bufferVersions.get(bytes);
	if (version === undefined) {
		version = `memory:${nextBufferVersion++}`;
		bufferVersions.set(bytes, version);
	}
	return version;
}

/** A view that sees open editor documents first, then the underlying files. */
export function overlayFileSystem(overlay: ReadonlyMap<string, string>, base: FileSystemView): FileSystemView {
	const readBinary = base.readBinary?.bind(base);
	return {
		readFile: (path) => overlay.get(path) ?? base.readFile(path),
		listDir: (path) => base.listDir(path),
		...(readBinary ? { readBinary } : {}),
	};
}
