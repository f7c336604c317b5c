// What the server should answer, computed in-process from the same sources: the text edits a client applies,
// LSP positions (UTF-16, as the protocol counts), and a fresh `analyze` turned into comparable diagnostics.
import { pathToFileURL } from 'node:url';
import type { Diagnostic, Position, Range } from 'vscode-languageserver-protocol';
import { overlayFileSystem } from '../../server/src/model/file-system';
import { NodeFileSystem } from '../../server/src/node/fs-view';
import type { Parsers } from '../../server/src/parse/tree-sitter';
import { analyze } from '../../server/src/rules/analyze';
import { DEFAULT_CONFIG, mergeConfigs } from '../../server/src/rules/config';
import { findConfigFile, loadConfigFile } from '../../server/src/rules/config-file';
import { entryFilesFor } from '../../server/src/rules/discover';
import type { Fix } from '../../server/src/rules/types';

/** Line/character of `offset` in `text`, counting UTF-16 code units; `\r\n`, `\n` and `\r` end lines. */
export function positionAt(text: string, offset: number): Position {
	let line = 0;
	let lineStart = 0;
	const end = Math.min(Math.max(offset, 0), text.length);
	for (let i = 0; i < end; i++) {
		const c = text.charCodeAt(i);
		if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
			line++;
			lineStart = i + 1;
		}
	}
	return { line, character: end - lineStart };
}

export function rangeAt(text: string, start: number, end: number): Range {
	return { start: positionAt(text, start), end: positionAt(text, end) };
}

/** The text after replacing `[start, end)` with `newText`, and the LSP change event that says so. */
export function splice(text: string, start: number, end: number, newText: string): { text: string; change: { range: Range; text: string } } {
	return { text: text.slice(0, start) + newText + text.slice(end), change: { range: rangeAt(text, start, end), text: newText } };
}

/** The parts of a diagnostic the comparison looks at (everything the server computes from the finding). */
export interface ComparableDiagnostic {
	readonly code: unknown;
	readonly severity: unknown;
	readonly message: string;
	readonly range: Range;
	readonly related: readonly { uri: string; range: Range; message: string }[];
	readonly fixes: readonly Fix[];
}

export function comparable(diagnostics: readonly Diagnostic[]): ComparableDiagnostic[] {
	return diagnostics.map((d) => ({
		code: d.code,
		severity: d.severity,
		message: d.message,
		range: d.range,
		related: (d.relatedInformation ?? []).map((r) => ({ uri: r.location.uri, range: r.location.range, message: r.message })),
		fixes: (d.data as { fixes?: Fix[] } | undefined)?.fixes ?? [],
	}));
}

const SEVERITY = { error: 1, warning: 2, info: 3, hint: 4 } as const;

/**
 * A fresh in-process analysis of `path` with `text` as its editor content and the rest of the workspace from
 * disk (what the server sees), as the diagnostics the server should send for that document. Related
 * locations in the same file are positioned on `text`; the examples have no cross-file related locations.
 */
export function expectedDiagnostics(parsers: Parsers, path: string, text: string): ComparableDiagnostic[] {
	const fs = overlayFileSystem(new Map([[path, text]]), new NodeFileSystem());
	const config = mergeConfigs(DEFAULT_CONFIG, loadConfigFile(fs, parsers, findConfigFile(fs, path)).config);
	const result = analyze({ fs, parsers, config, entryFiles: entryFilesFor(fs, path) });
	if (result.failures.length > 0) throw new Error(`in-process analysis failed: ${result.failures.map((f) => String(f.error)).join('; ')}`);
	const expected = result.findings
		.filter((f) => f.file === path)
		.map((f) => ({
			code: f.ruleId,
			severity: SEVERITY[f.severity],
			message: f.message,
			range: rangeAt(text, f.span.start, f.span.end),
			related: f.related.map((r) => {
				const relatedText = r.file === path ? text : (fs.readFile(r.file) ?? '');
				return { uri: pathToFileURL(r.file).toString(), range: rangeAt(relatedText, r.span.start, r.span.end), message: r.message };
			}),
			fixes: f.fixes,
		}));
	// Through JSON, as the wire carries it (undefined properties disappear).
	return JSON.parse(JSON.stringify(expected)) as ComparableDiagnostic[];
}
