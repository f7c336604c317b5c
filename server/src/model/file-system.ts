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
	readBinary?(path: string, offset: number, length: number): { readonly bytes: Uint8Array; readonly size: number } | undefined;
}

/** An in-memory view, for tests and for documents that only exist in the editor. */
export function memoryFileSystem(files: Readonly<Record<string, string>>): FileSystemView {
	return {
		readFile: (path) => files[path],
		listDir: (path) => {
			const prefix = path.endsWith('/') ? path : `${path}/`;
			const names = new Set<string>();
			for (const file of Object.keys(files)) {
				if (!file.startsWith(prefix)) continue;
				const rest = file.slice(prefix.length);
				const slash = rest.indexOf('/');
				names.add(slash < 0 ? rest : rest.slice(0, slash + 1));
			}
			return [...names].sort();
		},
	};
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
