import type { FileSystemView } from '../model/file-system';
import { findGoMod } from '../model/go-module';
import { isDockerfileName } from '../model/build-project';
import { basename, dirname, joinPath } from '../model/paths';

const SKIP_DIRS = new Set(['node_modules/', 'vendor/', '.git/', 'testdata/']);
const MAX_DEPTH = 4;

/**
 * The files to model together when `path` is the document being checked: a Dockerfile with its go.mod;
 * for a go.mod, every Dockerfile of its module that builds it (so editing go.mod shows findings the
 * Dockerfiles would get).
 */
export function entryFilesFor(fs: FileSystemView, path: string): string[] {
	if (basename(path) === 'go.mod') return [path, ...dockerfilesUnder(fs, dirname(path), 0)];
	const goMod = findGoMod(fs, dirname(path));
	return goMod ? [path, goMod] : [path];
}

/** Dockerfiles below `dir`, not crossing into other modules, vendor or node_modules. */
export function dockerfilesUnder(fs: FileSystemView, dir: string, depth: number): string[] {
	const found: string[] = [];
	for (const entry of fs.listDir(dir)) {
		if (entry.endsWith('/')) {
			if (depth >= MAX_DEPTH || SKIP_DIRS.has(entry) || entry.startsWith('.')) continue;
			const sub = joinPath(dir, entry);
			if (fs.listDir(sub).includes('go.mod')) continue;
			found.push(...dockerfilesUnder(fs, sub, depth + 1));
		} else if (isDockerfileName(entry)) {
			found.push(joinPath(dir, entry));
		}
	}
	return found;
}

/** Every file the CLI analyses under `root`: Dockerfiles and go.mod files (CI files come later). */
export function projectFilesUnder(fs: FileSystemView, root: string, maxDepth = 12): string[] {
	const found: string[] = [];
	const walk = (dir: string, depth: number) => {
		for (const entry of fs.listDir(dir)) {
			if (entry.endsWith('/')) {
				if (depth < maxDepth && !SKIP_DIRS.has(entry) && !(entry.startsWith('.') && entry !== '.github/')) walk(joinPath(dir, entry), depth + 1);
			} else if (isDockerfileName(entry) || entry === 'go.mod') {
				found.push(joinPath(dir, entry));
			}
		}
	};
	walk(root, 0);
	return found;
}
