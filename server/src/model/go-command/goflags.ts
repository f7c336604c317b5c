import { isRangeDynamic, sliceWord, wordSubSpan, type ShellWord } from '../../parse/shell';
import type { Span } from '../../parse/span';
import { goFlagKind, type GoSubcommand } from './flag-table';
import { parseGoBool, splitQuotedFields } from './quoted';
import type { GoCommandProblem, GoFlag, GoFlagsInput } from './types';

/**
 * GOFLAGS, as `cmd/go/internal/base/goflags.go` reads it: quoted.Split into entries (older toolchains used
 * strings.Fields, so quotes there are a newer feature), each `-name`, `--name` or `-name=value`; a value
 * flag needs `=` (GOFLAGS has no separate values). Entries that the subcommand does not define are
 * ignored by cmd/go, and returned in `ignored`.
 */
export function parseGoFlags(input: GoFlagsInput, subcommand: GoSubcommand): { flags: GoFlag[]; ignored: GoFlag[]; problems: GoCommandProblem[] } {
	const flags: GoFlag[] = [];
	const ignored: GoFlag[] = [];
	const problems: GoCommandProblem[] = [];
	if (input.value === undefined && !input.word) return { flags, ignored, problems };
	const word = input.word ?? syntheticWord(input.value ?? '', input.span);
	const text = word.text;
	const split = splitQuotedFields(text);
	if (split.error) problems.push({ span: wordSubSpan(word, split.error.at, text.length), message: `go: parsing $GOFLAGS: ${split.error.message}` });
	for (const f of split.fields) {
		const entry = f.value;
		const span = wordSubSpan(word, f.start, f.end);
		if (!entry.startsWith('-') || entry === '-' || entry === '--' || entry.startsWith('---') || entry.startsWith('-=') || entry.startsWith('--=')) {
			if (!isRangeDynamic(word, f.start, f.end)) problems.push({ span, message: `go: parsing $GOFLAGS: non-flag "${entry}"` });
			continue;
		}
		const dashes = entry.startsWith('--') ? 2 : 1;
		const body = entry.slice(dashes);
		const eq = body.indexOf('=');
		const name = eq >= 0 ? body.slice(0, eq) : body;
		const kind = goFlagKind(subcommand, name);
		const nameSpan = wordSubSpan(word, f.contentStart, f.contentStart + dashes + name.length);
		const valueStart = f.contentStart + dashes + eq + 1;
		const valueWord = eq >= 0 ? sliceWord(word, valueStart, f.contentEnd) : undefined;
		const value = eq >= 0 ? body.slice(eq + 1) : undefined;
		const flag: GoFlag = {
			name,
			value,
			enabled: kind === 'bool' ? (value === undefined ? true : parseGoBool(value)) : undefined,
			dynamic: isRangeDynamic(word, f.start, f.end),
			form: eq >= 0 ? 'equals' : 'bare',
			span,
			nameSpan,
			valueSpan: valueWord ? valueWord.span : undefined,
			valueWord,
			source: 'GOFLAGS',
			known: kind !== undefined,
		};
		if (kind === undefined) ignored.push(flag);
		else if (kind === 'value' && eq < 0) problems.push({ span, message: `go: flag -${name} requires an argument (from $GOFLAGS)` });
		else flags.push(flag);
	}
	return { flags, ignored, problems };
}

/**
 * A word standing for a value set outside shell (a Dockerfile ENV). When the span is exactly as long as
 * the value, the value is assumed to be written verbatim there; otherwise every character maps to the span.
 */
export function syntheticWord(value: string, span: Span | undefined): ShellWord {
	const at = span ?? { start: 0, end: 0 };
	const verbatim = at.end - at.start === value.length;
	const starts: number[] = [];
	const ends: number[] = [];
	for (let i = 0; i < value.length; i++) {
		starts.push(verbatim ? at.start + i : at.start);
		ends.push(verbatim ? at.start + i + 1 : at.end);
	}
	const literal = { kind: 'literal' as const, textStart: 0, textEnd: value.length, span: at, quoted: 'none' as const };
	return { span: at, raw: value, value, dynamic: false, text: value, charStarts: starts, charEnds: ends, parts: value ? [literal] : [], glob: false, splittable: false };
}
