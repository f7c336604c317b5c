import { join } from 'node:path';
import { CodeActionKind, createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, type InitializeResult } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadWasmFromDir } from '../node/wasm';
import { initParsers } from '../parse/tree-sitter';
import { registerBinaryRequests } from './binary';
import { registerCodeActions } from './code-actions';
import { registerDiagnostics } from './diagnostics';
import { registerEditorFeatures } from './editor-features';
import { FIX_ALL_KIND } from './fix-all';
import { registerHover } from './hover';
import { WorkspaceState } from './workspace-state';

/** Starts the language server on the process's stdio/IPC, as chosen by the client. */
export function startServer(): void {
	const connection = createConnection(ProposedFeatures.all);
	const documents = new TextDocuments(TextDocument);
	// A crash in one request must not take the server down for every other document (STYLE §1).
	process.on('uncaughtException', (error) => connection.console.error(`uncaught: ${error.stack ?? String(error)}`));
	process.on('unhandledRejection', (error) => connection.console.error(`unhandled rejection: ${String(error)}`));

	const parsersReady = initParsers(loadWasmFromDir(__dirname));
	const state = new WorkspaceState(connection, documents, parsersReady);

	connection.onInitialize(async (params): Promise<InitializeResult> => {
		state.initialize(params);
		await parsersReady; // fail loudly at start-up if a grammar does not load (PARSING.md)
		connection.console.info(`go-shipcheck server started (node ${process.version}, wasm from ${join(__dirname)})`);
		return {
			capabilities: {
				textDocumentSync: TextDocumentSyncKind.Incremental,
				diagnosticProvider: { identifier: 'go-shipcheck', interFileDependencies: true, workspaceDiagnostics: false },
				hoverProvider: true,
				codeActionProvider: state.supportsCodeActionLiterals ? { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: state.supportsCodeActionResolve } : false,
				inlayHintProvider: true,
				definitionProvider: true,
				referencesProvider: true,
				completionProvider: { triggerCharacters: ['=', ','] },
			},
			serverInfo: { name: 'go-shipcheck' },
		};
	});
	connection.onInitialized(() => state.initialized());
	registerDiagnostics(connection, state);
	registerHover(connection, state);
	registerCodeActions(connection, state);
	registerEditorFeatures(connection, state);
	registerBinaryRequests(connection);
	documents.listen(connection);
	connection.listen();
}
