/**
 * POSIX path helpers for the core, which may not import Node's `path` (a browser build of the server must
 * stay possible). Paths in the model use `/` separators; the Node host converts at its boundary.
 */
export function dirname(path: string): string {
	const i = path.lastIndexOf('/');
	if (i < 0) return '.';
	return i === 0 ? '/' : path.slice(0, i);
}

export function basename(path: string): string {
	return path.slice(path.lastIndexOf('/') + 1);
}

export function joinPath(...parts: string[]): string {
	return normalizePath(parts.filter((p) => p.length > 0).join('/'));
}

/** `//`, a `.` or `..` segment, or a trailing `/` after something. */
const NEEDS_NORMALIZING = /\/\/|(^|\/)\.{1,2}(\/|$)|.\/$/;

/** Resolves `.`/`..` and duplicate slashes; keeps a leading `/`. */
export function normalizePath(path: string): string {
	// Most paths are already normal; the analysis normalises the same ones many times.
	if (path !== '' && !NEEDS_NORMALIZING.test(path)) return path;
	const absolute = path.startsWith('/');
	const out: string[] = [];
	for (const part of path.split('/')) {
		if (part === '' || part === '.') continue;
		if (part === '..') {
			if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
			else if (!absolute) out.push('..');
		} else out.push(part);
	}
	const joined = out.join('/');
	return absolute ? `/${joined}` : joined || '.';
}

/** `to` relative to the directory `from`, with `/` separators. */
export function relativePath(from: string, to: string): string {
	const a = normalizePath(from).split('/').filter(Boolean);
	const b = normalizePath(to).split('/').filter(Boolean);
	let i = 0;
	while (i < a.length && i < b.length && a[i] === b[i]) i++;
	const up = a.slice(i).map(() => '..');
	return [...up, ...b.slice(i)].join('/') || '.';
}

/** True when `path` is `dir` or inside it. */
export function isInside(path: string, dir: string): boolean {
	const d = normalizePath(dir);
	const p = normalizePath(path);
	return p === d || p.startsWith(d.endsWith('/') ? d : `${d}/`);
}

/** Resolves a path used inside a container against its working directory. */
export function resolveContainerPath(workdir: string | undefined, path: string): string {
	if (path.startsWith('/')) return normalizePath(path);
	return normalizePath(`${workdir ?? '/'}/${path}`);
}
