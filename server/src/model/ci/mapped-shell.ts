import { parseShell, type ParseShellOptions, type ShellAssignment, type ShellCommand, type ShellDeclaration, type ShellEvent, type ShellScript, type ShellWord } from '../../parse/shell';
import type { Span } from '../../parse/span';
import type { Parsers } from '../../parse/tree-sitter';
import { mapEnd, mapStart, type MappedText } from './mapped-text';

/** Maps offsets of parsed text to document offsets: `start` for a position, `end` for an exclusive end. */
export interface OffsetMapper {
	start(i: number): number;
	end(j: number): number;
}

export function mapperOf(mapped: MappedText): OffsetMapper {
	return { start: (i) => mapStart(mapped, i), end: (j) => mapEnd(mapped, j) };
}

/** Every offset lands on `span` (a `make build` line standing for the recipe it runs). */
export function collapseMapper(span: Span): OffsetMapper {
	return { start: () => span.start, end: () => span.end };
}

/**
 * Parses shell text that is not a verbatim slice of the document (see `MappedText`) and returns the script
 * with every span in document coordinates, as if the shell layer had parsed the document itself.
 */
export function parseMappedShell(parsers: Pick<Parsers, 'parseBash'>, mapped: MappedText, options: Omit<ParseShellOptions, 'baseOffset'> = {}): ShellScript {
	const script = parseShell(parsers, mapped.text, { ...options, baseOffset: 0 });
	return remapScript(script, mapperOf(mapped));
}

/** The same script with its spans sent through `map` (words shared between commands and events stay shared). */
export function remapScript(script: ShellScript, map: OffsetMapper): ShellScript {
	const remap = new Remapper(map);
	return {
		commands: script.commands.map((c) => remap.command(c)),
		events: script.events.map((e) => remap.event(e)),
		syntaxErrors: script.syntaxErrors.map((e) => ({ span: remap.span(e.span), message: e.message })),
		unparsed: script.unparsed.map((u) => ({ ...u, span: remap.span(u.span) })),
		options: script.options,
	};
}

/** One command with its spans sent through `map`. */
export function remapCommand(command: ShellCommand, map: OffsetMapper): ShellCommand {
	return new Remapper(map).command(command);
}

class Remapper {
	private readonly words = new Map<ShellWord, ShellWord>();

	constructor(private readonly map: OffsetMapper) {}

	span(span: Span): Span {
		const start = this.map.start(span.start);
		if (span.end <= span.start) return { start, end: start };
		return { start, end: Math.max(start, this.map.end(span.end)) };
	}

	word(word: ShellWord): ShellWord {
		let out = this.words.get(word);
		if (!out) {
			out = {
				...word,
				span: this.span(word.span),
				charStarts: word.charStarts.map((s) => this.map.start(s)),
				charEnds: word.charEnds.map((e) => this.map.end(e)),
				parts: word.parts.map((p) => ({ ...p, span: this.span(p.span) })),
			};
			this.words.set(word, out);
		}
		return out;
	}

	assignment(a: ShellAssignment): ShellAssignment {
		return { ...a, nameSpan: this.span(a.nameSpan), span: this.span(a.span), value: this.word(a.value) };
	}

	declaration(d: ShellDeclaration): ShellDeclaration {
		return { ...d, nameSpan: this.span(d.nameSpan), span: this.span(d.span), value: d.value ? this.word(d.value) : undefined };
	}

	command(c: ShellCommand): ShellCommand {
		return {
			...c,
			span: this.span(c.span),
			assignments: c.assignments.map((a) => this.assignment(a)),
			words: c.words.map((w) => this.word(w)),
			declarations: c.declarations.map((d) => this.declaration(d)),
		};
	}

	event(e: ShellEvent): ShellEvent {
		switch (e.kind) {
			case 'set':
				return { ...e, value: e.value ? this.word(e.value) : undefined, span: this.span(e.span) };
			case 'unset':
				return { ...e, span: this.span(e.span) };
			case 'cd':
				return { ...e, dir: e.dir ? this.word(e.dir) : undefined, span: this.span(e.span) };
			default:
				return e;
		}
	}
}
