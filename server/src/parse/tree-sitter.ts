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

/**
 * A parse that was stopped: tree-sitter ran past its time budget (`parseBudgetMs`) and was cancelled and
 * reset. tree-sitter-bash's error recovery is quadratic or worse on some malformed input (10,000 `|` take
 * seconds, 114 KB took 12 minutes): the product rule is that nothing hangs, so the caller gets this instead
 * of a tree and treats the text as opaque.
 */
export interface ParseStopped {
	readonly stopped: true;
	/** The time limit it ran into (it depends only on the text's length, so messages naming it are stable). */
	readonly budgetMs: number;
}

export interface ParseOptions {
	/** Overrides `parseBudgetMs(text.length)` (tests use a tiny budget to reach the stopped path). */
	readonly budgetMs?: number;
}

/** Ready-to-use parsers. Trees returned by `parse*` hold wasm memory: call `tree.delete()` when done. */
export interface Parsers {
	readonly bash: Language;
	readonly yaml: Language;
	/**
	 * Parses shell text, or stops after its time budget. Pass the previous tree (already `edit`ed) for an
	 * incremental re-parse.
	 */
	parseBash(text: string, previous?: Tree, options?: ParseOptions): Tree | ParseStopped;
	parseYaml(text: string, previous?: Tree, options?: ParseOptions): Tree | ParseStopped;
}

/**
 * Time budget of one parse: a floor plus a share per KB. Measured in Node 20 on 2 shared cores: a typical
 * RUN body parses in 0.2-0.4 ms (the first bash parse of a process in 13-20 ms), a real 53 KB bash script
 * in 35-200 ms and an 89 KB RUN in 45-95 ms depending on the machine's load, a 115 KB YAML file in 25-40 ms.
 * So 100 ms + 10 ms per KB leaves a real file at least three times its slowest measured time, while 10,000
 * `|` (4 s unbounded) stop after about 200 ms.
 */
export function parseBudgetMs(length: number): number {
	return BUDGET_FLOOR_MS + (BUDGET_PER_KB_MS * length) / 1024;
}

const BUDGET_FLOOR_MS = 100;
const BUDGET_PER_KB_MS = 10;

export function isParseStopped<T extends object>(result: T | ParseStopped): result is ParseStopped {
	return (result as Partial<ParseStopped>).stopped === true;
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
		parseBash: (text, previous, options) => parseWith(bashParser, 'bash', text, previous, options),
		parseYaml: (text, previous, options) => parseWith(yamlParser, 'yaml', text, previous, options),
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

/**
 * Parses with a deadline. web-tree-sitter 0.25+ has no `setTimeoutMicros`: the progress callback, called
 * every hundred or so parser operations, returns true to cancel (the parse then returns null). Some
 * pathological input (a run of NUL characters in bash) never reaches the progress callback but makes the
 * lexer re-read its input at every character: the input callback ends the text there (tree-sitter then sees
 * the end of the input) and the truncated tree is dropped. Either way the parser is reset, so the next parse
 * starts afresh instead of resuming this one.
 */
function parseWith(parser: Parser, name: string, text: string, previous: Tree | undefined, options: ParseOptions | undefined): Tree | ParseStopped {
	const budgetMs = options?.budgetMs ?? parseBudgetMs(text.length);
	const started = performance.now();
	const deadline = started + budgetMs;
	let parsing = true;
	let stopped = false;
	const pastDeadline = () => {
		if (parsing && !stopped && performance.now() > deadline) stopped = true;
		return stopped;
	};
	let tree: Tree | null;
	try {
		// The tree keeps this callback to read node text later: once parsing is over it must return the text.
		tree = parser.parse((index) => (pastDeadline() ? '' : text.slice(index)), previous ?? null, { progressCallback: pastDeadline });
	} finally {
		parsing = false;
	}
	if (stopped || !tree) {
		tree?.delete();
		parser.reset();
		if (!stopped) throw new Error(`tree-sitter-${name}: parse returned no tree`);
		return { stopped: true, budgetMs };
	}
	return tree;
}
