import { RULES } from '../index';

export interface CompletionItem {
	readonly label: string;
	readonly detail: string;
	/** The span to replace: the partial id typed so far. */
	readonly replace: { readonly start: number; readonly end: number };
}

/**
 * Rule ids after `# shipcheck ignore=` / `ignore-file=` (also after a comma in the list), in Dockerfiles,
 * YAML and go.mod (`//`).
 */
export function pragmaCompletions(text: string, offset: number): CompletionItem[] {
	const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
	const before = text.slice(lineStart, offset);
	const match = /^\s*(?:#|\/\/)\s*shipcheck\s+ignore(?:-file)?\s*=\s*(?:[A-Za-z0-9_-]+\s*,\s*)*([A-Za-z0-9_-]*)$/.exec(before);
	if (!match) return [];
	const partial = match[1];
	const already = new Set(before.split('=').slice(1).join('=').split(',').map((s) => s.trim()));
	return RULES.filter((r) => r.id.startsWith(partial) && !already.has(r.id)).map((r) => ({ label: r.id, detail: r.summary, replace: { start: offset - partial.length, end: offset } }));
}
