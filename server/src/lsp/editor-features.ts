import { CompletionItemKind, InlayHintKind, type Connection, type Location } from 'vscode-languageserver/node';
import { EffectiveBuildRequest } from '../protocol/requests';
import { pragmaCompletions } from '../rules/editor/completion';
import { effectiveBuildSummary } from '../rules/editor/effective-build';
import { inlayHints } from '../rules/editor/inlay-hints';
import { stageDefinitionAt, stageReferencesAt } from '../rules/editor/links';
import { documentMapper, rangeOf, spanOf } from './convert';
import { pathOf, type WorkspaceState } from './workspace-state';

/** Inlay hints, stage navigation, pragma completion and the effective-build request: translation only. */
export function registerEditorFeatures(connection: Connection, state: WorkspaceState): void {
	connection.languages.inlayHint.on(async (params, token) => {
		const document = state.documents.get(params.textDocument.uri);
		const path = pathOf(params.textDocument.uri);
		if (!document || !path) return [];
		const settings = await state.settingsFor(document.uri);
		if (!settings.inlayHints.enable) return [];
		const result = await state.analysisFor(document);
		if (!result || token.isCancellationRequested) return [];
		const mapper = documentMapper(document);
		return inlayHints(result, path, spanOf(mapper, params.range)).map((h) => ({
			position: mapper.positionAt(h.offset),
			label: h.label,
			kind: InlayHintKind.Type,
			paddingLeft: true,
			tooltip: h.tooltip,
		}));
	});

	connection.onDefinition(async (params) => {
		const document = state.documents.get(params.textDocument.uri);
		const path = pathOf(params.textDocument.uri);
		const result = document && (await state.analysisFor(document));
		if (!document || !path || !result) return null;
		const mapper = documentMapper(document);
		const target = stageDefinitionAt(result, path, mapper.offsetAt(params.position));
		return target ? { uri: document.uri, range: rangeOf(mapper, target) } : null;
	});

	connection.onReferences(async (params): Promise<Location[]> => {
		const document = state.documents.get(params.textDocument.uri);
		const path = pathOf(params.textDocument.uri);
		const result = document && (await state.analysisFor(document));
		if (!document || !path || !result) return [];
		const mapper = documentMapper(document);
		return stageReferencesAt(result, path, mapper.offsetAt(params.position)).map((span) => ({ uri: document.uri, range: rangeOf(mapper, span) }));
	});

	connection.onCompletion((params) => {
		const document = state.documents.get(params.textDocument.uri);
		if (!document) return [];
		const mapper = documentMapper(document);
		return pragmaCompletions(document.getText(), mapper.offsetAt(params.position)).map((item) => ({
			label: item.label,
			kind: CompletionItemKind.Value,
			detail: item.detail,
			textEdit: { range: rangeOf(mapper, item.replace), newText: item.label },
		}));
	});

	connection.onRequest(EffectiveBuildRequest.type, async (params) => {
		const document = state.documents.get(params.uri);
		const path = pathOf(params.uri);
		const result = document && (await state.analysisFor(document));
		if (!document || !path || !result) return { markdown: 'This file is not open or not analysed.' };
		return { markdown: effectiveBuildSummary(result, path, path.split('/').slice(-2).join('/')) };
	});
}
