import type { FileSystemView } from './file-system';
import { STD_PACKAGES_USING_NET, STD_PACKAGES_USING_OS_USER } from '../knowledge/std-cgo-imports';
import { joinPath } from './paths';

/**
 * What the Go sources of a module tell us about cgo, from a cheap scan of their import blocks
 * (FACTS §3.2: the standard-library packages that use cgo are net, os/user and plugin).
 */
export interface GoSourceScan {
	/** False when no `.go` file was visible: callers then assume a program that imports net, and say so. */
	readonly visible: boolean;
	readonly filesScanned: number;
	/** Files with `import "C"` (their own cgo code). */
	readonly cgoFiles: readonly string[];
	/** Imports a standard package whose import graph reaches `net` (generated table). */
	readonly importsNet: boolean;
	/** Imports a standard package whose import graph reaches `os/user`. */
	readonly importsOsUser: boolean;
	/** Imports outside the standard library and this module: their own imports are not scanned. */
	readonly thirdPartyImports: readonly string[];
	readonly importsPlugin: boolean;
	/** True when the scan stopped at its limit: absence of an import is then not proven. */
	readonly truncated: boolean;
}

const MAX_FILES = 2000;
const MAX_DEPTH = 12;
const SKIP_DIRS = new Set(['vendor/', 'testdata/', 'node_modules/', '.git/']);

/** `onFile` sees every scanned file's text (go-module.ts keeps per-file facts of a few of them). */
export function scanGoSources(fs: FileSystemView, moduleDir: string, modulePath = '', onFile?: (path: string, text: string, imports: readonly string[], facts: ImportCgoFacts) => void): GoSourceScan {
	const state: ScanState = { files: 0, cgoFiles: [], net: false, osUser: false, plugin: false, truncated: false, modulePath, thirdParty: new Set(), onFile };
	walk(fs, moduleDir, 0, state);
	return {
		visible: state.files > 0,
		filesScanned: state.files,
		cgoFiles: state.cgoFiles,
		importsNet: state.net,
		importsOsUser: state.osUser,
		importsPlugin: state.plugin,
		thirdPartyImports: [...state.thirdParty].sort(),
		truncated: state.truncated,
	};
}

interface ScanState {
	files: number;
	cgoFiles: string[];
	net: boolean;
	osUser: boolean;
	plugin: boolean;
	truncated: boolean;
	readonly modulePath: string;
	readonly thirdParty: Set<string>;
	readonly onFile: ((path: string, text: string, imports: readonly string[], facts: ImportCgoFacts) => void) | undefined;
}

function walk(fs: FileSystemView, dir: string, depth: number, state: ScanState): void {
	if (depth > MAX_DEPTH) return;
	for (const entry of fs.listDir(dir)) {
		if (state.files >= MAX_FILES) {
			state.truncated = true;
			return;
		}
		if (entry.endsWith('/')) {
			// A nested go.mod is another module; `_` and `.` directories are ignored by the go command.
			if (SKIP_DIRS.has(entry) || entry.startsWith('.') || entry.startsWith('_')) continue;
			const sub = joinPath(dir, entry);
			if (fs.listDir(sub).includes('go.mod')) continue;
			walk(fs, sub, depth + 1, state);
		} else if (entry.endsWith('.go') && !entry.endsWith('_test.go')) {
			const path = joinPath(dir, entry);
			const text = fs.readFile(path);
			if (text === undefined) continue;
			state.files++;
			const imports = importsOf(text);
			const facts = cgoFactsOf(imports, state.modulePath);
			recordImports(path, imports, facts, state);
			state.onFile?.(path, text, imports, facts);
		}
	}
}

function recordImports(path: string, imports: readonly string[], facts: ImportCgoFacts, state: ScanState): void {
	if (facts.importsC) state.cgoFiles.push(path);
	if (facts.net) state.net = true;
	if (facts.osUser) state.osUser = true;
	if (imports.includes('plugin')) state.plugin = true;
	for (const imported of facts.thirdParty) state.thirdParty.add(imported);
}

/** What one file's imports say about cgo: its own C code, standard packages that use cgo, third-party imports. */
export interface ImportCgoFacts {
	readonly importsC: boolean;
	readonly net: boolean;
	readonly osUser: boolean;
	readonly thirdParty: readonly string[];
}

export function cgoFactsOf(imports: readonly string[], modulePath: string): ImportCgoFacts {
	return {
		importsC: imports.includes('C'),
		net: imports.some((i) => STD_PACKAGES_USING_NET.has(i)),
		osUser: imports.some((i) => STD_PACKAGES_USING_OS_USER.has(i)),
		thirdParty: imports.filter((i) => isThirdParty(i, modulePath)),
	};
}

/** The go command treats an import path whose first element has a dot as non-standard. */
function isThirdParty(importPath: string, modulePath: string): boolean {
	const first = importPath.split('/')[0];
	if (!first.includes('.')) return false;
	return modulePath === '' || (importPath !== modulePath && !importPath.startsWith(`${modulePath}/`));
}

/**
 * The import paths of a Go file: only the import declarations after the package clause are read,
 * so a large file costs little. Comments and strings before them are skipped.
 */
export function importsOf(text: string): string[] {
	const imports: string[] = [];
	const header = stripComments(text.slice(0, 64 * 1024));
	const pkg = /\bpackage\s+\w+/.exec(header);
	if (!pkg) return imports;
	let rest = header.slice(pkg.index + pkg[0].length);
	for (;;) {
		const m = /^\s*(?:;\s*)?import\s*/.exec(rest); // not `\s*;?\s*`: quadratic backtracking over long blank runs
		if (!m) break;
		rest = rest.slice(m[0].length);
		if (rest.startsWith('(')) {
			const close = rest.indexOf(')');
			const block = close < 0 ? rest : rest.slice(0, close);
			for (const spec of block.matchAll(/(?:^|[\s;(])(?:[\w.]+\s+)?"([^"]*)"/g)) imports.push(spec[1]);
			if (close < 0) break;
			rest = rest.slice(close + 1);
		} else {
			const single = /^(?:[\w.]+\s+)?"([^"]*)"/.exec(rest);
			if (!single) break;
			imports.push(single[1]);
			rest = rest.slice(single[0].length);
		}
	}
	return imports;
}

function stripComments(text: string): string {
	// Keeps offsets irrelevant here; replaces comments by a space so tokens stay separated.
	return text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/[^\n]*/g, ' ');
}
