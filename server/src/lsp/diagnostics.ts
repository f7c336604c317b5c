import { DocumentDiagnosticReportKind, type Connection, type DocumentDiagnosticReport } from 'vscode-languageserver/node';
import { documentMapper, textMapper, toDiagnostic, type PositionMapper } from './convert';
import { pathOf, type WorkspaceState } from './workspace-state';

/**
 * Pull diagnostics (STYLE §8): the client decides when to ask (on change, save, focus); the server answers
 * from the per-version analysis cache. A failure answers with an empty report rather than stale findings.
 */
export function registerDiagnostics(connection: Connection, state: WorkspaceState): void {
	connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
		const document = state.documents.get(params.textDocument.uri);
		if (!document) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
		try {
			const result = await state.analysisFor(document);
			if (!result || token.isCancellationRequested) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
			const path = pathOf(document.uri);
			const mapper = documentMapper(document);
			const mappers = new Map<string, PositionMapper | undefined>();
			const mapperFor = (file: string) => {
				if (!mappers.has(file)) {
					const open = state.documents.get(state.uriOf(file));
					const text = open ? undefined : state.fileSystem().readFile(file);
					mappers.set(file, open ? documentMapper(open) : text === undefined ? undefined : textMapper(text));
				}
				return mappers.get(file);
			};
			const items = result.findings
				.filter((f) => f.file === path)
				.map((f) => toDiagnostic(f, mapper, mapperFor, (file) => state.uriOf(file), document.version));
			return { kind: DocumentDiagnosticReportKind.Full, items };
		} catch (error) {
			connection.console.error(`diagnostics failed for ${document.uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
			return { kind: DocumentDiagnosticReportKind.Full, items: [] };
		}
	});
}
