import { Instruction } from 'dockerfile-ast';
import { Argument } from 'dockerfile-ast/lib/argument';
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
	prototype.getRawArguments = function memoizedRawArguments(this: Tokenized) {
		const tokens = (this[TOKENS] ??= tokenizeArguments(this as unknown as TokenizedInstruction));
		return tokens.slice();
	};
}

/** The original tokeniser, kept for the differential test of `tokenizeArguments`. */
export const originalGetRawArguments = (Instruction.prototype as unknown as { getRawArguments: (this: Instruction) => Argument[] }).getRawArguments;

/** What `tokenizeArguments` reads of an instruction (protected or private in dockerfile-ast's typings). */
interface TokenizedInstruction {
	readonly document: { getText(): string; offsetAt(position: Position): number; positionAt(offset: number): Position };
	readonly escapeChar: string;
	getInstructionRange(): { start: Position; end: Position };
	getTextContent(): string;
}
type Position = { line: number; character: number };

const LINE_END = /[\r\n]/;
const PLAIN_WORD = /[^ \t]+/g;

/**
 * `Instruction.getRawArguments` of dockerfile-ast 0.7.1, the same state machine with the same results (checked
 * against the original on generated instructions in dockerfile-ast-patches.test.ts), doing less work per
 * character: a line without the escape character is split by a regular expression, elsewhere a run of plain
 * characters is sliced out of the text once instead of being appended one character at a time, and ranges are
 * built as the object literals `Range.create` returns, without its argument checks (the positions come from
 * `positionAt`, always valid).
 */
export function tokenizeArguments(instruction: TokenizedInstruction): Argument[] {
	const document = instruction.document;
	const escapeChar = instruction.escapeChar;
	const args: Argument[] = [];
	const range = instruction.getInstructionRange();
	const extra = document.offsetAt(range.end) - document.offsetAt(range.start);
	const fullArgs = instruction.getTextContent().substring(extra);
	const offset = document.offsetAt(range.start) + extra;
	const push = (value: string, from: number, to: number) => {
		args.push(new Argument(value, { start: document.positionAt(offset + from), end: document.positionAt(offset + to) }));
	};
	// One line without the escape character: nothing can escape, continue or comment, so the state machine below
	// only splits at spaces and tabs. Most instructions are such; a regular expression does it at native speed.
	if (fullArgs.indexOf(escapeChar) === -1 && !LINE_END.test(fullArgs)) {
		PLAIN_WORD.lastIndex = 0;
		for (let m = PLAIN_WORD.exec(fullArgs); m !== null; m = PLAIN_WORD.exec(fullArgs)) push(m[0], m.index, m.index + m[0].length);
		return args;
	}
	let start = false;
	let comment = false;
	let found = -1;
	let escapedWhitespaceDetected = false;
	let escaping = false;
	let escapeMarker = -1;
	let escapedArg = '';
	// The plain characters appended since `run` and not yet in escapedArg; -1 when there are none.
	let run = -1;
	// A word followed by an escaped line break and then whitespace ends at the escape character: it is pushed
	// when the next word starts (on a plain character or an escaped one). No run is pending then: the
	// whitespace that set escapedWhitespaceDetected took it into escapedArg.
	const closeWordBeforeBreak = () => {
		if (!escapedWhitespaceDetected || escapeMarker === -1) return;
		push(escapedArg, found, escapeMarker);
		escapedArg = '';
		found = -1;
	};
	for (let i = 0; i < fullArgs.length; i++) {
		const char = fullArgs[i];
		const plain = char !== ' ' && char !== '\t' && char !== '\r' && char !== '\n' && char !== escapeChar && !comment && !(start && char === '#');
		if (plain) {
			closeWordBeforeBreak();
			escapedWhitespaceDetected = false;
			escaping = false;
			escapeMarker = -1;
			if (run === -1) run = i;
			if (found === -1) found = i;
			start = false;
			continue;
		}
		if (run !== -1) {
			escapedArg += fullArgs.slice(run, i);
			run = -1;
		}
		if (char === ' ' || char === '\t' || char === '\r' || char === '\n') {
			if (escaping) {
				escapedWhitespaceDetected = true;
				if (char === '\r' || char === '\n') {
					escapedWhitespaceDetected = false;
					if (comment) {
						comment = false;
						start = true;
					}
				}
				continue;
			} else if (found !== -1) {
				push(escapedArg, found, escapeMarker === -1 ? i : escapeMarker);
				escapeMarker = -1;
				escapedArg = '';
				found = -1;
			}
		} else if (char === escapeChar) {
			const next = fullArgs.charAt(i + 1);
			if (next === ' ' || next === '\t') {
				for (let j = i + 2; j < fullArgs.length; j++) {
					const after = fullArgs[j];
					if (after === ' ' || after === '\t') continue;
					if (after === '\r' || after === '\n') {
						// The escape character, spaces, then the line end: the instruction goes on.
						comment = false;
						escaping = true;
						start = true;
						if (found !== -1) escapeMarker = i;
						i = after === '\r' ? j + 1 : j;
					} else {
						escapeMarker = i;
						if (found === -1) i = j - 1;
					}
					break;
				}
			} else if (next === '\r' || next === '\n') {
				comment = false;
				escaping = true;
				start = true;
				if (found !== -1 && escapeMarker === -1) escapeMarker = i;
				i += next === '\r' ? 2 : 1;
			} else {
				closeWordBeforeBreak();
				escapeMarker = -1;
				escapedWhitespaceDetected = false;
				escaping = false;
				if (next === '$') escapedArg += char + next;
				else if (next === '') break;
				else escapedArg += next;
				if (found === -1) found = i;
				i++;
			}
		} else if (!comment) {
			// `#` at the start of a continuation line: a comment inside the instruction (a plain character is handled above).
			comment = true;
			start = false;
		}
	}
	if (run !== -1) escapedArg += fullArgs.slice(run);
	if (found !== -1) push(escapedArg, found, escapeMarker === -1 ? fullArgs.length : escapeMarker);
	return args;
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
