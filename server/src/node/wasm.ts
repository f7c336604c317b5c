import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { initParsers, type Parsers, type WasmBinaries } from '../parse/tree-sitter';
import { preferBaselineWasmCompiler } from './wasm-tier';

/** File names of the wasm files, as `scripts/build.mjs` copies them beside the server and CLI bundles. */
export const WASM_FILE_NAMES = {
	runtime: 'web-tree-sitter.wasm',
	bash: 'tree-sitter-bash.wasm',
	yaml: 'tree-sitter-yaml.wasm',
} as const;

/** Where the npm packages keep them, relative to a `node_modules` folder. */
const NODE_MODULES_PATHS = {
	runtime: 'web-tree-sitter/web-tree-sitter.wasm',
	bash: 'tree-sitter-bash/tree-sitter-bash.wasm',
	yaml: '@tree-sitter-grammars/tree-sitter-yaml/tree-sitter-yaml.wasm',
} as const;

export interface WasmPaths {
	readonly runtime: string;
	readonly bash: string;
	readonly yaml: string;
}

/**
 * Reads the three wasm files from explicit paths. Throws (with the path) when one is missing. Every Node host
 * (server, CLI, its workers, benchmarks, tests) loads them here, so all compile them the same way.
 */
export function loadWasmFromPaths(paths: WasmPaths): WasmBinaries {
	preferBaselineWasmCompiler();
	return { runtime: read(paths.runtime), bash: read(paths.bash), yaml: read(paths.yaml) };
}

/**
 * Reads the wasm files from `dir` (the bundle's folder: `server/out/`). When they are not there (running
 * from sources, e.g. in tests), falls back to the npm packages in the nearest `node_modules` at or above
 * `dir`, and then above the current working directory.
 */
export function loadWasmFromDir(dir: string): WasmBinaries {
	return loadWasmFromPaths(findWasmPaths(dir));
}

/** The paths `loadWasmFromDir` would read; throws listing the places searched when nothing fits. */
export function findWasmPaths(dir: string): WasmPaths {
	const beside = {
		runtime: join(dir, WASM_FILE_NAMES.runtime),
		bash: join(dir, WASM_FILE_NAMES.bash),
		yaml: join(dir, WASM_FILE_NAMES.yaml),
	};
	if (allExist(beside)) return beside;
	const searched = [dir];
	for (const start of [dir, process.cwd()]) {
		for (let current = start; ; current = dirname(current)) {
			const modules = join(current, 'node_modules');
			const candidate = {
				runtime: join(modules, NODE_MODULES_PATHS.runtime),
				bash: join(modules, NODE_MODULES_PATHS.bash),
				yaml: join(modules, NODE_MODULES_PATHS.yaml),
			};
			if (allExist(candidate)) return candidate;
			searched.push(modules);
			if (dirname(current) === current) break;
		}
	}
	throw new Error(`tree-sitter wasm files not found; looked in ${searched.join(', ')}`);
}

/** Convenience for the CLI and tests: find the wasm files (see `loadWasmFromDir`) and initialise the parsers. */
export function initNodeParsers(dir: string = __dirname): Promise<Parsers> {
	return initParsers(loadWasmFromDir(dir));
}

function allExist(paths: WasmPaths): boolean {
	return existsSync(paths.runtime) && existsSync(paths.bash) && existsSync(paths.yaml);
}

function read(path: string): Uint8Array {
	try {
		const buffer = readFileSync(path);
		// A plain Uint8Array view (Buffer is a subclass; keep the core's contract exact).
		return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
	} catch (error) {
		throw new Error(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
	}
}
