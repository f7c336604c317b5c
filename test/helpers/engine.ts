import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { memoryFileSystem } from '../../server/src/model/file-system';
import { initParsers, type Parsers } from '../../server/src/parse/tree-sitter';
import { analyze, type AnalysisResult } from '../../server/src/rules/analyze';
import { DEFAULT_CONFIG, mergeConfigs, type ShipcheckConfig } from '../../server/src/rules/config';
import { entryFilesFor } from '../../server/src/rules/discover';

const root = resolve(__dirname, '../..');

/** Parsers loaded from the npm packages, as the build copies them (PARSING.md). */
export function testParsers(): Promise<Parsers> {
	return initParsers({
		runtime: readFileSync(join(root, 'node_modules/web-tree-sitter/web-tree-sitter.wasm')),
		bash: readFileSync(join(root, 'node_modules/tree-sitter-bash/tree-sitter-bash.wasm')),
		yaml: readFileSync(join(root, 'node_modules/@tree-sitter-grammars/tree-sitter-yaml/tree-sitter-yaml.wasm')),
	});
}

/**
 * Analyses an in-memory workspace rooted at `/w`: `files` maps relative paths to text. The entry is the
 * given file (default `Dockerfile`) with its go.mod, as the language server does for an open document.
 */
export async function analyzeWorkspace(files: Record<string, string>, options: { entry?: string; config?: Partial<ShipcheckConfig> } = {}): Promise<AnalysisResult> {
	const absolute: Record<string, string> = {};
	for (const [path, text] of Object.entries(files)) absolute[`/w/${path}`] = text;
	const fs = memoryFileSystem(absolute);
	const entry = `/w/${options.entry ?? 'Dockerfile'}`;
	return analyze({ fs, parsers: await testParsers(), config: mergeConfigs(DEFAULT_CONFIG, options.config ?? {}), entryFiles: entryFilesFor(fs, entry) });
}

/** `line:col: severity: message [rule]` with 1-based positions, for compact assertions. */
export function describeFindings(result: AnalysisResult, files: Record<string, string>): string[] {
	return result.findings.map((f) => {
		const text = files[f.file.replace(/^\/w\//, '')] ?? '';
		const before = text.slice(0, f.span.start).split('\n');
		return `${f.file.replace(/^\/w\//, '')}:${before.length}:${before[before.length - 1].length + 1}: ${f.severity} [${f.ruleId}]`;
	});
}

/** Applies a fix's edits (all in one file) to that file's text. */
export function applyEdits(text: string, edits: readonly { span: { start: number; end: number }; newText: string }[]): string {
	let out = text;
	for (const edit of [...edits].sort((a, b) => b.span.start - a.span.start)) out = out.slice(0, edit.span.start) + edit.newText + out.slice(edit.span.end);
	return out;
}
