import type { Span } from '../../parse/span';
import type { YamlMap, YamlPair, YamlScalar, YamlSeq, YamlValue } from '../../parse/yaml';
import { MappedTextBuilder, type MappedText } from './mapped-text';

/** Small accessors over `parse/yaml` values, so CI readers stay declarative. */

export function asMap(value: YamlValue | undefined): YamlMap | undefined {
	return value?.kind === 'map' ? value : undefined;
}

export function asSeq(value: YamlValue | undefined): YamlSeq | undefined {
	return value?.kind === 'seq' ? value : undefined;
}

export function asScalar(value: YamlValue | undefined): YamlScalar | undefined {
	return value?.kind === 'scalar' ? value : undefined;
}

export function pairOf(map: YamlMap | undefined, key: string): YamlPair | undefined {
	return map?.entries.find((e) => e.key.value === key);
}

export function get(map: YamlMap | undefined, key: string): YamlValue | undefined {
	return pairOf(map, key)?.value;
}

export function getMap(map: YamlMap | undefined, key: string): YamlMap | undefined {
	return asMap(get(map, key));
}

export function getScalar(map: YamlMap | undefined, key: string): YamlScalar | undefined {
	return asScalar(get(map, key));
}

export function getString(map: YamlMap | undefined, key: string): string | undefined {
	return getScalar(map, key)?.value;
}

/** A scalar or a sequence of scalars (`runs-on: ubuntu-latest` / `runs-on: [self-hosted, linux]`). */
export function scalarList(value: YamlValue | undefined): YamlScalar[] {
	if (value?.kind === 'scalar') return [value];
	if (value?.kind === 'seq') return value.items.filter((i): i is YamlScalar => i.kind === 'scalar');
	return [];
}

/** YAML booleans as CI systems read them. */
export function isTrue(value: YamlValue | undefined): boolean {
	return value?.kind === 'scalar' && /^(true|yes|on)$/i.test(value.value);
}

/** The line of a mapping pair (key through value) for anchors and messages: the key's line only. */
export function keyLine(text: string, pair: YamlPair): Span {
	const start = pair.key.span.start;
	const newline = text.indexOf('\n', start);
	const lineEnd = newline < 0 ? text.length : newline;
	return { start, end: Math.min(lineEnd, Math.max(pair.span.end, pair.key.span.end)) };
}

/**
 * The shell text of a scalar with every character mapped to the document. Block scalars (`run: |`) are
 * rebuilt from the YAML text itself: each content line without the block's indentation, its line break
 * kept (`>` folds breaks between plain lines into spaces, mapped to the break). Quoted scalars with escapes
 * map every character to the whole scalar.
 */
export function scalarText(document: string, scalar: YamlScalar): MappedText {
	const builder = new MappedTextBuilder(scalar.span.start);
	const { start, end } = scalar.span;
	if (scalar.style === 'block') return blockText(document, scalar, builder);
	if (scalar.style === 'plain') {
		const raw = document.slice(start, end);
		if (!raw.includes('\n')) return builder.copy(document, start, end).build();
		// Multi-line plain scalars fold each line break (and the indentation after it) into one space.
		let offset = start;
		raw.split('\n').forEach((line, i) => {
			const lead = /^[ \t]*/.exec(line)![0].length;
			const content = line.replace(/[ \t\r]+$/, '');
			if (i > 0) builder.replace(' ', { start: offset - 1, end: offset });
			builder.copy(document, offset + lead, offset + Math.max(lead, content.length));
			offset += line.length + 1;
		});
		return builder.build();
	}
	return builder.value(document, scalar.value, scalar.span).build();
}

function blockText(document: string, scalar: YamlScalar, builder: MappedTextBuilder): MappedText {
	const { start, end } = scalar.span;
	const headerEnd = document.indexOf('\n', start);
	if (headerEnd < 0 || headerEnd >= end) return builder.build();
	const header = document.slice(start, headerEnd);
	const folded = header.trimStart().startsWith('>');
	const explicit = /[1-9]/.exec(header)?.[0];
	const lines: { from: number; to: number }[] = [];
	for (let from = headerEnd + 1; from <= end; ) {
		const newline = document.indexOf('\n', from);
		const to = newline < 0 || newline > end ? end : newline;
		lines.push({ from, to });
		if (to >= end) break;
		from = to + 1;
	}
	const firstContent = lines.find((l) => document.slice(l.from, l.to).trim() !== '');
	if (!firstContent) return builder.build();
	// The indentation of the first non-empty line (or the explicit indicator, relative to the parent's).
	const indent = explicit ? parentIndent(document, start) + Number(explicit) : /^ */.exec(document.slice(firstContent.from, firstContent.to))![0].length;
	lines.forEach((line, i) => {
		const text = document.slice(line.from, line.to);
		const contentStart = line.from + Math.min(indent, /^ */.exec(text)![0].length);
		builder.copy(document, contentStart, line.to);
		if (line.to >= end || i === lines.length - 1) return;
		const next = lines[i + 1];
		const nextText = document.slice(next.from, next.to);
		const foldable = folded && text.trim() !== '' && nextText.trim() !== '' && !/^\s/.test(text.slice(Math.min(indent, text.length))) && !/^\s/.test(nextText.slice(Math.min(indent, nextText.length)));
		if (foldable) builder.replace(' ', { start: line.to, end: line.to + 1 });
		else builder.copy(document, line.to, line.to + 1);
	});
	return builder.build();
}

function parentIndent(document: string, offset: number): number {
	const lineStart = document.lastIndexOf('\n', offset - 1) + 1;
	return /^ */.exec(document.slice(lineStart, offset))![0].length;
}

/** Joins several mapped texts with line breaks (GitLab `before_script` + `script` run in one shell). */
export function joinLines(parts: readonly MappedText[], fallback: number): MappedText {
	const builder = new MappedTextBuilder(fallback);
	parts.forEach((part, i) => {
		if (i > 0) builder.glue('\n');
		builder.copyMapped(part, 0, part.text.length);
	});
	return builder.build();
}
