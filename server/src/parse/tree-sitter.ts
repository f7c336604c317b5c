import type { Language, Parser, Tree } from 'web-tree-sitter';
// `import = require` on purpose: esbuild resolves an `import` statement to web-tree-sitter's ESM build,
// which calls createRequire(import.meta.url) and so crashes inside a CommonJS bundle (import.meta is
// empty there). A require picks the package's CJS build, with or without the alias in scripts/build.mjs.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- see above: the CJS build is required
import TreeSitter = require('web-tree-sitter');
import { boundYamlScannerState } from './yaml-scanner-patch';

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
 * A parse that was stopped: tree-sitter ran past its work budget (`parseWorkBudget`) and was cancelled and
 * reset. tree-sitter-bash's error recovery is quadratic or worse on some malformed input (10,000 `|` take
 * seconds, 114 KB took 12 minutes): the product rule is that nothing hangs, so the caller gets this instead
 * of a tree and treats the text as opaque.
 */
export interface ParseStopped {
	readonly stopped: true;
	/**
	 * The limit it ran into, for messages: `its work limit`, which depends only on the text, so the same text
	 * stops (or not) on every machine however loaded; or, never seen with real input, `its 5000 ms time limit`.
	 */
	readonly limit: string;
	/** True for the work limit: the same text stops again with the same budget, so the stop may be remembered. */
	readonly repeatable: boolean;
}

export interface ParseOptions {
	/** Overrides `parseWorkBudget(text.length)` (tests use 0 to reach the stopped path, Infinity to turn it off). */
	readonly workBudget?: number;
}

/** Ready-to-use parsers. Trees returned by `parse*` hold wasm memory: call `tree.delete()` when done. */
export interface Parsers {
	readonly bash: Language;
	readonly yaml: Language;
	/**
	 * Parses shell text, or stops after its work budget. Pass the previous tree (already `edit`ed) for an
	 * incremental re-parse.
	 */
	parseBash(text: string, previous?: Tree, options?: ParseOptions): Tree | ParseStopped;
	parseYaml(text: string, previous?: Tree, options?: ParseOptions): Tree | ParseStopped;
}

/**
 * Work budget of one parse, in tree-sitter's callbacks: the progress callback (about every hundred parser
 * operations) and the input callback (each time the lexer asks for text, at most INPUT_CHUNK characters at a
 * time). Counting work instead of time makes the outcome a property of the text alone: a loaded CI machine
 * stops exactly the parses a quiet laptop does. Measured with tree-sitter-bash 0.25.1 and tree-sitter-yaml
 * 0.7.1: real text takes at most 17 units for a short script and up to 10 (bash) or 12 (YAML) per KB for long
 * ones (a 62 KB RUN of 300 builds: 599; a 162 KB workflow of 2,000 jobs: 1,958). The inputs whose error recovery
 * blows up take thousands per KB (10,000 `|`: 56,500 units, 3.5 s unbounded). So 1,000 + 50 per KB leaves
 * real text at least four times its need, and stops every such input measured within 0.2 s, at 64 KB too.
 */
export function parseWorkBudget(length: number): number {
	return WORK_FLOOR + Math.ceil((WORK_PER_KB * length) / 1024);
}

const WORK_LIMIT = 'its work limit';
const WORK_FLOOR = 1000;
const WORK_PER_KB = 50;
/**
 * A last resort that no measured input reaches (a 64 KB pathological RUN stops on its work budget well within
 * a second): should some input burn time without calling back, the parse still ends.
 */
const BACKSTOP_MS = 5000;
/**
 * Text is handed to tree-sitter at most this much at a time. web-tree-sitter copies what the input callback
 * returns into wasm memory, and the lexer of a pathological input asks again at almost every character: handing
 * it the whole rest each time made every unit of work cost a copy of the rest of the text: a 64 KB run of `)`
 * spent 4,000 units in 1.1 s in 4 KB pieces, and in 147 ms in 512-character ones (real text needs a few more
 * calls, no more time: the corpus's 1,676 RUN bodies parse in 126 ms either way).
 */
const INPUT_CHUNK = 512;

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
	const yaml = await loadLanguage('yaml', boundYamlScannerState(wasm.yaml));
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
 * Parses within a work budget. web-tree-sitter 0.25+ has no `setTimeoutMicros`: the progress callback returns
 * true to cancel (the parse then returns null). Some pathological input (a run of NUL characters in bash)
 * never reaches the progress callback but makes the lexer re-read its input at every character: the input
 * callback counts too, and ends the text there once the budget is spent (tree-sitter then sees the end of the
 * input; the truncated tree is dropped). Either way the parser is reset, so the next parse starts afresh
 * instead of resuming this one.
 */
function parseWith(parser: Parser, name: string, text: string, previous: Tree | undefined, options: ParseOptions | undefined): Tree | ParseStopped {
	const budget = options?.workBudget ?? parseWorkBudget(text.length);
	const deadline = performance.now() + BACKSTOP_MS;
	let work = 0;
	let parsing = true;
	let stopped: string | undefined;
	const spend = () => {
		if (!parsing || stopped) return stopped !== undefined;
		work++;
		if (work > budget) stopped = WORK_LIMIT;
		else if ((work & 63) === 0 && performance.now() > deadline) stopped = `its ${BACKSTOP_MS} ms time limit`;
		return stopped !== undefined;
	};
	let tree: Tree | null;
	try {
		// The tree keeps this callback to read node text later: once parsing is over it must return the text.
		tree = parser.parse((index) => (spend() ? '' : text.slice(index, index + INPUT_CHUNK)), previous ?? null, { progressCallback: spend });
	} finally {
		parsing = false;
	}
	if (stopped !== undefined || !tree) {
		tree?.delete();
		parser.reset();
		if (stopped === undefined) throw new Error(`tree-sitter-${name}: parse returned no tree`);
		return { stopped: true, limit: stopped, repeatable: stopped === WORK_LIMIT };
	}
	return tree;
}
