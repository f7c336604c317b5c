import { Instruction } from 'dockerfile-ast';
import { Parser } from 'dockerfile-ast/lib/parser';
import { Util } from 'dockerfile-ast/lib/util';

/**
 * Prototype patches that make dockerfile-ast do less work without changing any result. They rely on how
 * 0.7.1's parser and instructions call each other, so they are applied to that version only, and
 * test/unit/parse/dockerfile-ast-patches.test.ts fails when package.json pins another one: re-check each
 * patch against the new source (and re-run the parseDockerfile differential check) before changing this.
 */
export const PATCHED_DOCKERFILE_AST_VERSION = '0.7.1';

/**
 * dockerfile-ast re-tokenises an instruction's arguments on every `getRawArguments()` call, and its own
 * constructors, `getArguments()`, `getFlags()` and heredoc handling call it again and again: measured on the
 * benchmark corpus, 40% of parse time went there. An instruction's text never changes after parsing, so the
 * tokens are kept per instance. Callers receive a fresh array each time because `ModifiableInstruction`
 * shifts its flags off the array it gets; the `Argument` objects themselves are never mutated.
 */
function memoizeRawArguments(): void {
	// getRawArguments is private in dockerfile-ast's typings, hence the structural view of the prototype.
	type Tokenized = { getRawArguments: (this: Tokenized) => unknown[]; [TOKENS]?: unknown[] };
	const prototype = Instruction.prototype as unknown as Tokenized;
	const tokenize = prototype.getRawArguments;
	prototype.getRawArguments = function memoizedRawArguments(this: Tokenized) {
		const tokens = (this[TOKENS] ??= tokenize.call(this));
		return tokens.slice();
	};
}
const TOKENS = Symbol('shipcheck.rawArguments');

/**
 * The parser builds every instruction with arguments twice: `processArguments` creates one only to look for
 * heredocs in it (`processHeredocs`, which reads it and never changes it) and drops it, then
 * `processInstruction` creates the same instruction again, with the same range unless a heredoc body moved
 * its end. Instruction constructors do eager work (JSON arguments, flags, ARG's property): measured over the
 * 624 benchmark corpus Dockerfiles, reusing the first instance takes `DockerfileParser.parse` from 122 to 74 ms
 * once warm, and from 397 to 333 ms of CPU in a fresh process. A call with exactly the arguments of the
 * parser's previous call now returns the instance that call created.
 */
function reuseRepeatedInstruction(): void {
	type CreateArgs = [dockerfile: unknown, keyword: string, start: number, keywordEnd: number, end: number];
	interface Created {
		readonly args: CreateArgs;
		readonly instruction: Instruction;
	}
	// createInstruction is private in dockerfile-ast's typings, hence the structural view of the prototype.
	type Creating = { createInstruction: (this: Creating, ...args: CreateArgs) => Instruction; [LAST_CREATED]?: Created };
	const prototype = Parser.prototype as unknown as Creating;
	const create = prototype.createInstruction;
	prototype.createInstruction = function reusingCreateInstruction(this: Creating, ...args: CreateArgs) {
		const last = this[LAST_CREATED];
		if (last && args.every((arg, i) => arg === last.args[i])) return last.instruction;
		const instruction = create.apply(this, args);
		this[LAST_CREATED] = { args, instruction };
		return instruction;
	};
}
const LAST_CREATED = Symbol('shipcheck.lastCreatedInstruction');

/**
 * The parser asks twice per file whether the text starts with a byte order mark, by encoding the first
 * character to UTF-8 into a Buffer and copying that into a Uint8Array: measured inside the CLI on the
 * benchmark corpus, its 1,056 calls took 11 to 39 ms (5 runs), the comparison below 1 ms. The UTF-8 encoding
 * of one UTF-16 code unit is EF BB BF exactly when the code unit is U+FEFF (a lone surrogate encodes as
 * EF BF BD), so the comparison is done on the string.
 */
function compareByteOrderMarkAsText(): void {
	Util.isUTF8BOM = (char: string) => char.charCodeAt(0) === 0xfeff;
}

memoizeRawArguments();
reuseRepeatedInstruction();
compareByteOrderMarkAsText();
