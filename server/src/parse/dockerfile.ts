import { DockerfileParser, type Comment, type Instruction } from 'dockerfile-ast';
import type { Flag } from 'dockerfile-ast/lib/flag';
import type { Property } from 'dockerfile-ast/lib/property';
import type { Span } from './span';
import { LineIndex } from './line-index';
import './dockerfile-ast-patches';

/**
 * A Dockerfile as plain data with offsets, so that the model never sees dockerfile-ast's types or its
 * line/character ranges. dockerfile-ast never fails on input (PARSING.md); we keep it that way.
 */
export interface DockerfileSyntax {
	readonly text: string;
	/** `\` or the backtick from a `# escape=` directive. */
	readonly escapeChar: string;
	readonly directives: readonly Directive[];
	readonly instructions: readonly DfInstruction[];
	readonly comments: readonly DfComment[];
}

export interface Directive {
	readonly name: string;
	readonly value: string;
	readonly span: Span;
}

export interface DfComment {
	/** The comment text after `#`, trimmed. */
	readonly content: string;
	readonly span: Span;
}

/** A word as written (quotes and variables intact) with its span. */
export interface DfWord {
	readonly value: string;
	readonly span: Span;
}

export interface DfFlag {
	readonly name: string;
	readonly value: string | undefined;
	readonly span: Span;
	readonly valueSpan: Span | undefined;
}

export interface DfProperty {
	readonly name: string;
	readonly nameSpan: Span;
	/** Quotes and escapes removed; undefined for `ARG NAME` without a default. */
	readonly value: string | undefined;
	readonly valueSpan: Span | undefined;
	readonly span: Span;
}

/** Shell text to hand to bash, with the document offset of its first character. */
export interface ShellFragment {
	readonly text: string;
	readonly baseOffset: number;
	/** True for a heredoc body (`RUN <<EOF`), whose lines are not joined by the escape character. */
	readonly heredoc: boolean;
}

export interface DfInstruction {
	/** Upper-cased keyword, e.g. `FROM`, `RUN`. */
	readonly keyword: string;
	readonly span: Span;
	readonly keywordSpan: Span;
	/** Arguments after the flags, as written. */
	readonly args: readonly DfWord[];
	readonly flags: readonly DfFlag[];
	/** ENV and ARG key/value pairs. */
	readonly properties: readonly DfProperty[];
	/** Exec form (`["a","b"]`) of RUN/CMD/ENTRYPOINT: the decoded strings. */
	readonly execForm: readonly DfWord[] | undefined;
	/** Shell form of RUN/CMD/ENTRYPOINT: the script text(s). */
	readonly shell: readonly ShellFragment[];
	/** Nested instruction of an `ONBUILD`. */
	readonly onbuild: DfInstruction | undefined;
}

const SHELL_KEYWORDS = new Set(['RUN', 'CMD', 'ENTRYPOINT']);

export function parseDockerfile(text: string): DockerfileSyntax {
	const lines = new LineIndex(text);
	const dockerfile = DockerfileParser.parse(text);
	const escapeChar = dockerfile.getEscapeCharacter();
	return {
		text,
		escapeChar,
		directives: dockerfile.getDirectives().map((d) => ({ name: d.getName(), value: d.getValue(), span: lines.spanOf(d.getRange()) })),
		instructions: dockerfile.getInstructions().map((i) => convertInstruction(i, text, escapeChar, lines)),
		comments: dockerfile.getComments().map((c) => convertComment(c, text, lines)),
	};
}

/**
 * The comment's text from its span rather than `getContent()`, which converts offsets to positions and back:
 * the span starts at `#`, and `getContent()` only trims spaces, tabs and line breaks, which `trim()` removes too.
 */
function convertComment(comment: Comment, text: string, lines: LineIndex): DfComment {
	const span = lines.spanOf(comment.getRange());
	return { content: text.slice(span.start + 1, span.end).trim(), span };
}

/**
 * Argument ranges come from dockerfile-ast's `positionAt`, and for such positions LineIndex gives the offsets
 * its TextDocument would: contents are sliced from our spans instead of being asked of the library again.
 */
function convertInstruction(instruction: Instruction, text: string, escapeChar: string, lines: LineIndex): DfInstruction {
	const keyword = instruction.getKeyword();
	const flags = flagsOf(instruction).map((f) => convertFlag(f, lines));
	const args = instruction.getArguments().map((a) => ({ value: a.getValue(), span: lines.spanOf(a.getRange()) }));
	const span = lines.spanOf(instruction.getRange());
	const execForm = SHELL_KEYWORDS.has(keyword) ? execFormOf(instruction, args, text, lines) : undefined;
	return {
		keyword,
		span,
		keywordSpan: lines.spanOf(instruction.getInstructionRange()),
		args,
		flags,
		properties: keyword === 'ARG' ? argProperties(instruction, args, text, escapeChar, lines) : propertiesOf(instruction).map((p) => convertProperty(p, lines)),
		execForm,
		shell: SHELL_KEYWORDS.has(keyword) && !execForm ? shellFragments(instruction, args, text, span, lines) : [],
		onbuild: keyword === 'ONBUILD' ? onbuildTrigger(instruction, text, escapeChar, lines) : undefined,
	};
}

/**
 * `ARG NAME[=default] [NAME[=default]...]` declares one build arg per word (Dockerfile reference), but
 * dockerfile-ast reads `ARG TARGETOS TARGETARCH` the way it reads ENV's old `ENV NAME value` form: TARGETOS
 * with the default "TARGETARCH". Such a property is split: its name is declared without a default, the plain
 * names after it are taken from the argument words, and from the first `NAME=default` word on the rest is read
 * again as an ARG of its own (dockerfile-ast then resolves quotes such as `B="x y"`).
 */
function argProperties(instruction: Instruction, args: readonly DfWord[], text: string, escapeChar: string, lines: LineIndex): DfProperty[] {
	const out: DfProperty[] = [];
	let pending = propertiesOf(instruction).map((p) => convertProperty(p, lines));
	let rereads = 0;
	while (pending.length > 0) {
		const p = pending.shift()!;
		if (p.value === undefined || !p.valueSpan || text[p.nameSpan.end] === '=') {
			out.push(p);
			continue;
		}
		out.push(nameOnly(p.name, p.nameSpan));
		const rest = args.filter((w) => w.span.start >= p.valueSpan!.start && w.span.end <= p.span.end);
		const firstWithDefault = rest.findIndex((w) => w.value.includes('='));
		for (const word of firstWithDefault < 0 ? rest : rest.slice(0, firstWithDefault)) out.push(nameOnly(word.value, word.span));
		// Each read again is a parse of the rest: a bound keeps a hostile `ARG a b=1 c d=2 …` line linear.
		if (firstWithDefault < 0 || ++rereads > MAX_ARG_REREADS) continue;
		pending = [...argsReadAlone(text, rest[firstWithDefault].span.start, p.span.end, escapeChar), ...pending];
	}
	return out;
}

const MAX_ARG_REREADS = 16;

function nameOnly(name: string, span: Span): DfProperty {
	return { name, nameSpan: span, value: undefined, valueSpan: undefined, span };
}

/** dockerfile-ast's properties of `text[start, end)` read as an `ARG` line of its own, with spans in `text`. */
function argsReadAlone(text: string, start: number, end: number, escapeChar: string): DfProperty[] {
	const head = `${escapeChar === '`' ? '# escape=`\n' : ''}ARG `;
	const source = head + text.slice(start, end);
	const alone = DockerfileParser.parse(source).getInstructions()[0];
	if (!alone) return [];
	const lines = new LineIndex(source);
	const shift = (span: Span): Span => ({ start: span.start - head.length + start, end: span.end - head.length + start });
	return propertiesOf(alone)
		.map((property) => convertProperty(property, lines))
		.map((p) => ({ ...p, nameSpan: shift(p.nameSpan), valueSpan: p.valueSpan && shift(p.valueSpan), span: shift(p.span) }));
}

function flagsOf(instruction: Instruction): Flag[] {
	const withFlags = instruction as Instruction & { getFlags?: () => Flag[] };
	return typeof withFlags.getFlags === 'function' ? withFlags.getFlags() : [];
}

function convertFlag(flag: Flag, lines: LineIndex): DfFlag {
	const valueRange = flag.getValueRange();
	return {
		name: flag.getName(),
		value: flag.getValue() ?? undefined,
		span: lines.spanOf(flag.getRange()),
		valueSpan: valueRange ? lines.spanOf(valueRange) : undefined,
	};
}

function propertiesOf(instruction: Instruction): Property[] {
	const withProps = instruction as Instruction & { getProperties?: () => Property[]; getProperty?: () => Property | null };
	if (typeof withProps.getProperties === 'function') return withProps.getProperties();
	if (typeof withProps.getProperty === 'function') {
		const property = withProps.getProperty();
		return property ? [property] : [];
	}
	return [];
}

function convertProperty(property: Property, lines: LineIndex): DfProperty {
	const valueRange = property.getValueRange();
	return {
		name: property.getName(),
		nameSpan: lines.spanOf(property.getNameRange()),
		value: property.getValue() ?? undefined,
		valueSpan: valueRange ? lines.spanOf(valueRange) : undefined,
		span: lines.spanOf(property.getRange()),
	};
}

/** The JSON strings dockerfile-ast read in its constructor, when the arguments (after flags) start with `[`. */
function execFormOf(instruction: Instruction, args: readonly DfWord[], text: string, lines: LineIndex): DfWord[] | undefined {
	const json = instruction as Instruction & { getJSONStrings?: () => { getJSONValue(): string; getRange(): Parameters<LineIndex['spanOf']>[0] }[] };
	if (typeof json.getJSONStrings !== 'function' || args.length === 0) return undefined;
	// What getRawArgumentsContent() returns, without its second pass over the arguments.
	const raw = text.substring(args[0].span.start, args[args.length - 1].span.end);
	if (!raw.trimStart().startsWith('[')) return undefined;
	const strings = json.getJSONStrings();
	if (strings.length === 0) return undefined;
	return strings.map((s) => ({ value: s.getJSONValue(), span: lines.spanOf(s.getRange()) }));
}

/**
 * The shell script of a RUN/CMD/ENTRYPOINT. `RUN <<EOF` runs the heredoc body as the script; any other
 * heredoc (`RUN cat <<EOF > f`) is data that bash itself understands, so the whole text goes to bash.
 */
function shellFragments(instruction: Instruction, args: readonly DfWord[], text: string, span: Span, lines: LineIndex): ShellFragment[] {
	// The first of getArgumentsRanges() starts where the first argument does; the rest of them is not needed.
	if (args.length === 0) return [];
	const start = args[0].span.start;
	const body = text.slice(start, span.end);
	// Only a body that opens with a heredoc needs them (getHeredocs scans the whole instruction).
	const heredocs = /^<<-?\s*["']?[A-Za-z_]/.test(body) ? heredocsOf(instruction) : [];
	if (heredocs.length > 0) {
		return heredocs.flatMap((h) => {
			const range = h.getContentRange();
			if (!range) return [];
			const content = lines.spanOf(range);
			return [{ text: text.slice(content.start, content.end), baseOffset: content.start, heredoc: true }];
		});
	}
	return [{ text: body, baseOffset: start, heredoc: false }];
}

type Heredoc = { getContentRange(): Parameters<LineIndex['spanOf']>[0] | null };

/**
 * The instruction's heredocs; none when dockerfile-ast fails on them. dockerfile-ast 0.7.1's `getHeredocs`
 * throws `TypeError: Cannot read properties of undefined (reading 'getRange')` on a delimiter with mismatched
 * quotes, `RUN <<"A'"⏎A⏎` (found by test/fuzz): the parser keeps the instruction open past the line `A`, while
 * `getHeredocs` closes the heredoc there and then reads past the end of its list of heredocs. The body is then
 * plain shell text, which bash reads as an unterminated heredoc. No other dockerfile-ast call fails on that input.
 */
function heredocsOf(instruction: Instruction): readonly Heredoc[] {
	const withHeredocs = instruction as Instruction & { getHeredocs?: () => Heredoc[] };
	try {
		return withHeredocs.getHeredocs?.() ?? [];
	} catch {
		return [];
	}
}

function onbuildTrigger(instruction: Instruction, text: string, escapeChar: string, lines: LineIndex): DfInstruction | undefined {
	const trigger = (instruction as Instruction & { getTriggerInstruction?: () => Instruction | null }).getTriggerInstruction?.();
	return trigger ? convertInstruction(trigger, text, escapeChar, lines) : undefined;
}
