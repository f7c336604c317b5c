import { Instruction } from 'dockerfile-ast';

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

memoizeRawArguments();
