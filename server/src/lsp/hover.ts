import { MarkupKind, type Connection, type Hover } from 'vscode-languageserver/node';
import { hoverAt } from '../rules/editor/hover';
import { documentMapper, rangeOf } from './convert';
import { pathOf, type WorkspaceState } from './workspace-state';

/** Hovers come from the core (`rules/hover-content.ts`) as markdown with a span; this only translates. */
export function registerHover(connection: Connection, state: WorkspaceState): void {
	connection.onHover(async (params): Promise<Hover | null> => {
		const document = state.documents.get(params.textDocument.uri);
		const path = pathOf(params.textDocument.uri);
		if (!document || !path) return null;
		const result = await state.analysisFor(document);
		if (!result) return null;
		const mapper = documentMapper(document);
		const content = hoverAt(result, path, mapper.offsetAt(params.position));
		if (!content) return null;
		return { contents: { kind: MarkupKind.Markdown, value: content.markdown }, range: rangeOf(mapper, content.span) };
	});
}
