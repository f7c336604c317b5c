import type { FileSystemView } from '../model/file-system';
import { findGoMod } from '../model/go-module';
import { isDockerfileName } from '../model/build-project';
import { basename, dirname, joinPath } from '../model/paths';
import { isCiFilePath, isGithubWorkflowPath, isGitlabCiPath, isGoreleaserPath } from '../model/ci/index';
import { repositoryRoot } from '../model/ci/github-actions';

const SKIP_DIRS = new Set(['node_modules/', 'vendor/', '.git/', 'testdata/']);
const MAX_DEPTH = 4;

/**
 * The files to model together when `path` is the document being checked: a Dockerfile with its go.mod (and
 * the repository's CI files, which may build binaries it copies); for a go.mod, every Dockerfile of its
 * module and the repository's CI files (so editing go.mod — adding go-sqlite3 — lights up a
 * `CGO_ENABLED=0` in a workflow); for a workflow, `.gitlab-ci.yml` or GoReleaser config, the repository's
 * go.mod files and other CI files (the Dockerfiles a job builds are added by the model).
 */
export function entryFilesFor(fs: FileSystemView, path: string): string[] {
	if (basename(path) === 'go.mod') return unique([path, ...dockerfilesUnder(fs, dirname(path), 0), ...ciFilesOf(fs, dirname(path))]);
	if (isCiFilePath(path)) {
		// A workflow builds the repository's modules (and the Dockerfiles it names, which the model adds).
		const root = isGithubWorkflowPath(path) ? repositoryRoot(path) : dirname(path);
		return unique([path, ...goModsUnder(fs, root), ...ciFilesOf(fs, root)]);
	}
	const goMod = findGoMod(fs, dirname(path));
	const ci = isDockerfileName(path) ? ciFilesOf(fs, dirname(path)) : [];
	return unique(goMod ? [path, goMod, ...ci] : [path, ...ci]);
}

/** How far up from a file we look for the repository root (`.git/`, `.github/` or `.gitlab-ci.yml`). */
const MAX_ROOT_LEVELS = 6;

/** The repository root above `dir`, when one is recognisable. */
export function repositoryRootOf(fs: FileSystemView, dir: string): string | undefined {
	let current = dir;
	for (let level = 0; level <= MAX_ROOT_LEVELS; level++) {
		const entries = fs.listDir(current);
		if (entries.includes('.git/') || entries.includes('.github/') || entries.includes('.gitlab-ci.yml')) return current;
		const parent = dirname(current);
		if (parent === current) break;
		current = parent;
	}
	return undefined;
}

/** The CI files of the repository containing `dir`: workflows, `.gitlab-ci.yml`, GoReleaser configs at the root or in `dir`. */
export function ciFilesOf(fs: FileSystemView, dir: string): string[] {
	const root = repositoryRootOf(fs, dir) ?? dir;
	const found: string[] = [];
	const workflows = joinPath(root, '.github/workflows');
	for (const entry of fs.listDir(workflows)) if (/\.ya?ml$/.test(entry)) found.push(joinPath(workflows, entry));
	for (const base of unique([root, dir])) {
		for (const entry of fs.listDir(base)) if (!entry.endsWith('/') && (isGitlabCiPath(entry) || isGoreleaserPath(entry))) found.push(joinPath(base, entry));
	}
	return found;
}

/** go.mod files of the repository (root and sub-modules), not crossing into vendor or node_modules. */
function goModsUnder(fs: FileSystemView, root: string): string[] {
	const found: string[] = [];
	const walk = (dir: string, depth: number) => {
		for (const entry of fs.listDir(dir)) {
			if (entry.endsWith('/')) {
				if (depth < MAX_DEPTH && !SKIP_DIRS.has(entry) && !entry.startsWith('.')) walk(joinPath(dir, entry), depth + 1);
			} else if (entry === 'go.mod') found.push(joinPath(dir, entry));
		}
	};
	walk(root, 0);
	return found;
}

function unique(paths: string[]): string[] {
	return [...new Set(paths)];
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

/** Every file the CLI analyses under `root`: Dockerfiles, go.mod files, workflows, `.gitlab-ci.yml`, GoReleaser configs. */
export function projectFilesUnder(fs: FileSystemView, root: string, maxDepth = 12): string[] {
	const found: string[] = [];
	const walk = (dir: string, depth: number) => {
		for (const entry of fs.listDir(dir)) {
			if (entry.endsWith('/')) {
				if (depth < maxDepth && !SKIP_DIRS.has(entry) && !(entry.startsWith('.') && entry !== '.github/')) walk(joinPath(dir, entry), depth + 1);
			} else if (isDockerfileName(entry) || entry === 'go.mod' || isCiFilePath(joinPath(dir, entry))) {
				found.push(joinPath(dir, entry));
			}
		}
	};
	walk(root, 0);
	return found;
}
