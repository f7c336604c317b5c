import { readdirSync, readFileSync, statSync } from 'node:fs';
import type { FileSystemView } from '../model/file-system';

/** Text files larger than this are not read for analysis (a Go source or Dockerfile is far smaller). */
const MAX_TEXT_FILE = 4 * 1024 * 1024;

/**
 * The Node implementation of the core's read-only workspace view. Results are cached until `invalidate`
 * (the language server calls it on watched-file events; the CLI never needs to). Paths are absolute with
 * `/` separators, which on Linux and macOS are the native ones.
 */
export class NodeFileSystem implements FileSystemView {
	private readonly files = new Map<string, string | undefined>();
	private readonly dirs = new Map<string, readonly string[]>();

	readFile(path: string): string | undefined {
		if (this.files.has(path)) return this.files.get(path);
		let text: string | undefined;
		try {
			const stat = statSync(path);
			text = stat.isFile() && stat.size <= MAX_TEXT_FILE ? readFileSync(path, 'utf8') : undefined;
		} catch {
			text = undefined;
		}
		this.files.set(path, text);
		return text;
	}

	listDir(path: string): readonly string[] {
		const cached = this.dirs.get(path);
		if (cached) return cached;
		let names: string[];
		try {
			names = readdirSync(path, { withFileTypes: true })
				.filter((d) => d.isFile() || d.isDirectory())
				.map((d) => (d.isDirectory() ? `${d.name}/` : d.name))
				.sort();
		} catch {
			names = [];
		}
		this.dirs.set(path, names);
		return names;
	}

	/** Forgets what was read under `path` (a file or a directory), or everything. */
	invalidate(path?: string): void {
		if (path === undefined) {
			this.files.clear();
			this.dirs.clear();
			return;
		}
		this.files.delete(path);
		const parent = path.slice(0, path.lastIndexOf('/')) || '/';
		this.dirs.delete(parent);
		this.dirs.delete(path);
		for (const key of [...this.files.keys()]) if (key.startsWith(`${path}/`)) this.files.delete(key);
		for (const key of [...this.dirs.keys()]) if (key.startsWith(`${path}/`)) this.dirs.delete(key);
	}
}
