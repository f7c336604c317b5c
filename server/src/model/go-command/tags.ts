import { isRangeDynamic, wordSubSpan } from '../../parse/shell';
import type { Span } from '../../parse/span';
import { splitField } from './ldflags';
import { splitQuotedFields } from './quoted';
import type { BuildTags, GoBuildCommand, GoFlag, SplitField } from './types';

/**
 * -tags as cmd/go's `tagsFlag.Set` reads it: a value with a space or a quote is the old space-separated
 * form, split with quoted.Split (`-tags 'netgo osusergo'`); otherwise a comma list, empty entries ignored.
 */
export function parseBuildTags(flag: GoFlag): BuildTags | undefined {
	const word = flag.valueWord;
	if (!word) return undefined;
	const text = word.text;
	const valueSpan = wordSubSpan(word, 0, text.length);
	const dynamic = isRangeDynamic(word, 0, text.length);
	if (text.includes(' ') || text.includes("'")) {
		const values = splitQuotedFields(text).fields.map((f) => splitField(word, f));
		return { flag, values, valueSpan, separator: ' ', dynamic };
	}
	const values: SplitField[] = [];
	let start = 0;
	for (let i = 0; i <= text.length; i++) {
		if (i < text.length && text[i] !== ',') continue;
		if (i > start) {
			const span = wordSubSpan(word, start, i);
			values.push({ value: text.slice(start, i), span, contentSpan: span, quoted: false, dynamic: isRangeDynamic(word, start, i) });
		}
		start = i + 1;
	}
	return { flag, values, valueSpan, separator: ',', dynamic };
}

/**
 * The edit that adds build tag `tag` to a command: appended to its -tags value, or a new ` -tags=…` after
 * the subcommand (carrying over tags that came from GOFLAGS, which a command-line -tags replaces).
 * Undefined when the tag is already there.
 */
export function tagAppendEdit(command: GoBuildCommand, tag: string): { span: Span; newText: string } | undefined {
	const tags = command.tags;
	if (tags?.values.some((t) => t.value === tag)) return undefined;
	if (tags && tags.flag.source === 'command-line') {
		let at = tags.values.length > 0 ? tags.valueSpan.end : tags.valueSpan.start;
		// `-tags ""`: an empty text has no characters to map; write inside the quotes.
		const word = tags.flag.valueWord;
		if (word && word.text === '' && /^(""|'')$/.test(word.raw)) at = word.span.start + 1;
		const separator = tags.values.length > 0 || tags.dynamic ? tags.separator : '';
		return { span: { start: at, end: at }, newText: `${separator}${tag}` };
	}
	const existing = tags ? tags.values.map((t) => t.value) : [];
	const at = command.subcommandSpan.end;
	return { span: { start: at, end: at }, newText: ` -tags=${[...existing, tag].join(',')}` };
}
