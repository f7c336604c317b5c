import type { Language, Parser, Tree } from 'web-tree-sitter';
// `import = require` on purpose: esbuild resolves an `import` statement to web-tree-sitter's ESM build,
// which calls createRequire(import.meta.url) and so crashes inside a CommonJS bundle (import.meta is
// empty there). A require picks the package's CJS build, with or without the alias in scripts/build.mjs.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- see above: the CJS build is required
import TreeSitter = require('web-tree-sitter');

/**
 * Set-up of web-tree-sitter for the core. The core is Node-free, so it never reads files: the caller hands
 * over the bytes of the runtime and grammar wasm files (`node/wasm.ts` reads them in Node; a browser build
 * would fetch them). Versions are pinned in package.json (PARSING.md: web-tree-sitter 0.27.1,
 * tree-sitter-bash 0.25.1, tree-sitter-yaml 0.7.1).
 */

/** The three wasm files the parsing layer needs, as bytes. */
export interface WasmBinaries {
	/** `web-tree-sitter.wasm`, the runtime. */
	readonly runtime: Uint8Array;
	/** `tree-sitter-bash.wasm`. */
	readonly bash: Uint8Array;
	/** `tree-sitter-yaml.wasm`. */
	readonly yaml: Uint8Array;
}

/** Ready-to-use parsers. Trees returned by `parse*` hold wasm memory: call `tree.delete()` when done. */
export interface Parsers {
	readonly bash: Language;
	readonly yaml: Language;
	/** Parses shell text. Pass the previous tree (already `edit`ed) for an incremental re-parse. */
	parseBash(text: string, previous?: Tree): Tree;
	parseYaml(text: string, previous?: Tree): Tree;
}

let parsers: Promise<Parsers> | undefined;

/**
 * Initialises the runtime and loads both grammars, once per process: `Parser.init` replaces the wasm module,
 * which would orphan languages loaded earlier, and a failed `Language.load` can break later loads
 * (PARSING.md). So later calls return the first call's result (and its failure: we fail loudly, never
 * retry half-initialised). The runtime bytes go in as `wasmBinary`; emscripten still asks `locateFile` for a
 * name, but with `wasmBinary` set it never reads that path (checked: it works with the path pointing nowhere).
 */
export function initParsers(wasm: WasmBinaries): Promise<Parsers> {
	parsers ??= load(wasm);
	return parsers;
}

async function load(wasm: WasmBinaries): Promise<Parsers> {
	await TreeSitter.Parser.init({
		wasmBinary: wasm.runtime,
		// Only used to name the binary; with wasmBinary set nothing is fetched or read from disk.
		locateFile: (path: string) => path,
	});
	const bash = await loadLanguage('bash', wasm.bash);
	const yaml = await loadLanguage('yaml', wasm.yaml);
	const bashParser = new TreeSitter.Parser();
	bashParser.setLanguage(bash);
	const yamlParser = new TreeSitter.Parser();
	yamlParser.setLanguage(yaml);
	return {
		bash,
		yaml,
		parseBash: (text, previous) => parseWith(bashParser, 'bash', text, previous),
		parseYaml: (text, previous) => parseWith(yamlParser, 'yaml', text, previous),
	};
}

async function loadLanguage(name: string, bytes: Uint8Array): Promise<Language> {
	if (!(bytes instanceof Uint8Array) || bytes.length < 8) throw new Error(`tree-sitter-${name}.wasm: no bytes given`);
	try {
		return await TreeSitter.Language.load(bytes);
	} catch (error) {
		// web-tree-sitter sometimes rejects with an empty Error (wrong wasm format, PARSING.md): say which file.
		const detail = error instanceof Error && error.message ? error.message : String(error);
		throw new Error(`failed to load tree-sitter-${name}.wasm: ${detail || 'incompatible grammar wasm'}`);
	}
}

function parseWith(parser: Parser, name: string, text: string, previous: Tree | undefined): Tree {
	const tree = parser.parse(text, previous ?? null);
	// Only a cancelled parse returns null, and we never cancel: treat it as an internal error.
	if (!tree) throw new Error(`tree-sitter-${name}: parse returned no tree`);
	return tree;
}
