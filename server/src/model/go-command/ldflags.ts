import { isRangeDynamic, wordSubSpan, type ShellWord } from '../../parse/shell';
import { linkerFlagKind } from './flag-table';
import { parseGoBool, splitQuotedFields, type QuotedField } from './quoted';
import type { GoCommandProblem, GoFlag, LinkerDefinition, LinkerFlag, LinkerFlags, SplitField } from './types';

/**
 * -ldflags as cmd/go and cmd/link read it: an optional `pattern=` prefix (cmd/go `PerPackageFlag.set`),
 * quoted.Split into arguments, then Go `flag` parsing by cmd/link. Positions are kept in the value word's
 * text, so every flag and value maps to an exact document span.
 */
export function parseLinkerFlags(flag: GoFlag): LinkerFlags | undefined {
	const word = flag.valueWord;
	if (!word) return undefined;
	const text = word.text;
	const problems: GoCommandProblem[] = [];
	const { from, pattern } = perPackagePattern(word);
	const split = splitQuotedFields(text, from);
	if (split.error) problems.push({ span: wordSubSpan(word, split.error.at, text.length), message: `invalid -ldflags: ${split.error.message}` });
	const fields = split.fields;
	const args = fields.map((f) => splitField(word, f));
	const flags: LinkerFlag[] = [];
	const positional: SplitField[] = [];
	const definitions: LinkerDefinition[] = [];
	const valueRanges = new Map<LinkerFlag, { start: number; end: number }>();
	let stopped = false;
	for (let i = 0; i < fields.length; i++) {
		const f = fields[i];
		const arg = args[i];
		if (stopped || !f.value.startsWith('-') || f.value === '-') {
			positional.push(arg);
			// A dynamic field (`$EXTRA`) may well expand to flags: do not report it, keep reading flags after it.
			if (!arg.dynamic && !stopped) {
				problems.push({ span: arg.span, message: `"${f.value}" in -ldflags is not a linker flag; cmd/link stops reading flags there` });
				stopped = true;
			}
			continue;
		}
		if (f.value === '--') {
			stopped = true;
			continue;
		}
		const parsed = linkerFlag(word, f, fields[i + 1], problems);
		if (parsed.consumedNext) i++;
		flags.push(parsed.flag);
		if (parsed.valueRange) valueRanges.set(parsed.flag, parsed.valueRange);
		if (parsed.flag.name === 'X' && parsed.flag.value !== undefined) {
			const eq = parsed.flag.value.indexOf('=');
			if (eq > 0) definitions.push({ symbol: parsed.flag.value.slice(0, eq), value: parsed.flag.value.slice(eq + 1), flag: parsed.flag });
			else if (!parsed.flag.dynamic) problems.push({ span: parsed.flag.span, message: '-X needs an argument of the form importpath.name=value' });
		}
	}
	const last = (name: string) => [...flags].reverse().find((f) => f.name === name);
	const extldflagsFlag = last('extldflags');
	return {
		flag,
		pattern,
		value: text.slice(from),
		valueSpan: wordSubSpan(word, from, text.length),
		dynamic: isRangeDynamic(word, from, text.length),
		args,
		flags,
		positional,
		s: last('s'),
		w: last('w'),
		linkmode: last('linkmode'),
		extldflagsFlag,
		extldflags: extldflagsFlag ? extLinkerArgs(word, valueRanges.get(extldflagsFlag), problems) : undefined,
		definitions,
		interpreter: last('I'),
		headType: last('H'),
		buildNote: last('B'),
		buildid: last('buildid'),
		problems,
	};
}

/** `-ldflags=all=-s -w` → pattern `all` (cmd/go: a value not starting with `-` is `pattern=flags`). */
function perPackagePattern(word: ShellWord): { from: number; pattern: LinkerFlags['pattern'] } {
	const text = word.text;
	let start = 0;
	while (start < text.length && /\s/.test(text[start])) start++;
	if (start >= text.length || text[start] === '-' || text[start] === '"' || text[start] === "'") return { from: 0, pattern: undefined };
	const eq = text.indexOf('=', start);
	if (eq <= start) return { from: 0, pattern: undefined };
	return { from: eq + 1, pattern: { value: text.slice(start, eq).trim(), span: wordSubSpan(word, start, eq) } };
}

export function splitField(word: ShellWord, f: QuotedField): SplitField {
	return {
		value: f.value,
		span: wordSubSpan(word, f.start, f.end),
		contentSpan: wordSubSpan(word, f.contentStart, f.contentEnd),
		quoted: f.quoted,
		dynamic: isRangeDynamic(word, f.start, f.end),
	};
}

interface ParsedLinkerFlag {
	readonly flag: LinkerFlag;
	readonly consumedNext: boolean;
	/** Where the value is in the word's text. */
	readonly valueRange?: { start: number; end: number };
}

/** Go `flag` package rules: `-name`, `--name`, `-name=value`, and `-name value` for non-bool flags. */
function linkerFlag(word: ShellWord, f: QuotedField, next: QuotedField | undefined, problems: GoCommandProblem[]): ParsedLinkerFlag {
	const dashes = f.value.startsWith('--') ? 2 : 1;
	const body = f.value.slice(dashes);
	const eq = body.indexOf('=');
	const name = eq >= 0 ? body.slice(0, eq) : body;
	const kind = linkerFlagKind(name);
	const nameStart = f.contentStart;
	const nameSpan = wordSubSpan(word, nameStart, nameStart + dashes + name.length);
	const fieldSpan = wordSubSpan(word, f.start, f.end);
	const fieldDynamic = isRangeDynamic(word, f.start, f.end);
	if (kind === undefined && !fieldDynamic) problems.push({ span: nameSpan, message: `-ldflags: the linker has no flag "-${name}"` });
	if (eq >= 0) {
		const valueStart = nameStart + dashes + eq + 1;
		const value = body.slice(eq + 1);
		const enabled = kind === 'bool' ? parseGoBool(value) : undefined;
		if (kind === 'bool' && enabled === undefined && !fieldDynamic) problems.push({ span: fieldSpan, message: `-ldflags: invalid boolean value "${value}" for -${name}` });
		const flag: LinkerFlag = {
			name,
			value,
			enabled,
			form: 'equals',
			span: fieldSpan,
			nameSpan,
			valueSpan: wordSubSpan(word, valueStart, f.contentEnd),
			dynamic: fieldDynamic,
			known: kind !== undefined,
		};
		return { flag, consumedNext: false, valueRange: { start: valueStart, end: f.contentEnd } };
	}
	if (kind !== 'value') {
		const flag: LinkerFlag = { name, value: undefined, enabled: true, form: 'bare', span: fieldSpan, nameSpan, valueSpan: undefined, dynamic: fieldDynamic, known: kind !== undefined };
		return { flag, consumedNext: false };
	}
	if (!next) {
		problems.push({ span: fieldSpan, message: `-ldflags: flag needs an argument: -${name}` });
		return { flag: { name, value: undefined, enabled: undefined, form: 'bare', span: fieldSpan, nameSpan, valueSpan: undefined, dynamic: fieldDynamic, known: true }, consumedNext: false };
	}
	const valueSpan = wordSubSpan(word, next.contentStart, next.contentEnd);
	const flag: LinkerFlag = {
		name,
		value: next.value,
		enabled: undefined,
		form: 'separate',
		span: { start: fieldSpan.start, end: Math.max(fieldSpan.end, wordSubSpan(word, next.start, next.end).end) },
		nameSpan,
		valueSpan,
		dynamic: fieldDynamic || isRangeDynamic(word, next.start, next.end),
		known: true,
	};
	return { flag, consumedNext: true, valueRange: { start: next.contentStart, end: next.contentEnd } };
}

/** The -extldflags value split again (cmd/link's `quoted.Flag`). */
function extLinkerArgs(word: ShellWord, range: { start: number; end: number } | undefined, problems: GoCommandProblem[]): SplitField[] {
	if (!range) return [];
	const split = splitQuotedFields(word.text, range.start, range.end);
	if (split.error) problems.push({ span: wordSubSpan(word, split.error.at, range.end), message: `invalid -extldflags: ${split.error.message}` });
	return split.fields.map((f) => splitField(word, f));
}
