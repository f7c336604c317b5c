import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

/**
 * What the client's parts share: built once in `activate` and handed to the language-client factory and to
 * every command factory, so no module keeps global state.
 */
export interface ShipcheckContext {
	readonly extension: vscode.ExtensionContext;
	/** The "Go Ship Check" channel: client lifecycle, server stderr and (with `goShipcheck.trace.server`) the LSP trace. */
	readonly output: vscode.LogOutputChannel;
	readonly client: LanguageClient;
}
