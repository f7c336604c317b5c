import * as path from 'node:path';
import * as vscode from 'vscode';
import {
	LanguageClient,
	RevealOutputChannelOn,
	TransportKind,
	type LanguageClientOptions,
	type ServerOptions,
} from 'vscode-languageclient/node';
import { documentSelector, watchedFilePatterns } from './document-selector';
import { createErrorHandler } from './error-handler';
import { CLIENT_ID, CLIENT_NAME, CONFIGURATION_SECTION, SERVER_MODULE } from './ids';

/**
 * Builds (does not start) the language client.
 *
 * Transport: IPC. The server is a Node module forked by the extension host, so a Node IPC channel is the cheapest
 * transport, and it leaves the server's stdout/stderr free: anything the server or a dependency prints (a
 * stray console.log, a web-tree-sitter warning) lands in the output channel instead of corrupting a
 * stdio JSON-RPC stream. The server's `createConnection()` picks IPC up from the `--node-ipc` argument.
 */
export function createLanguageClient(
	extension: vscode.ExtensionContext,
	output: vscode.LogOutputChannel,
	showOutputCommand: string,
): LanguageClient {
	const module = extension.asAbsolutePath(SERVER_MODULE);
	const serverOptions: ServerOptions = {
		run: { module, transport: TransportKind.ipc },
		debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
	};
	const clientOptions: LanguageClientOptions = {
		documentSelector,
		outputChannel: output,
		traceOutputChannel: output,
		revealOutputChannelOn: RevealOutputChannelOn.Never,
		synchronize: {
			// The server reads values with workspace/configuration; this only tells it *when* to re-read them.
			configurationSection: CONFIGURATION_SECTION,
			fileEvents: watchedFilePatterns.map((pattern) => {
				const watcher = vscode.workspace.createFileSystemWatcher(pattern);
				extension.subscriptions.push(watcher);
				return watcher;
			}),
		},
		// The server uses pull diagnostics with interFileDependencies (a Dockerfile and its go.mod affect each
		// other). vscode-languageclient 9.0.1 has no `onFocus` (added in 10.x); it re-pulls the other visible
		// documents in the background after a change anyway. onTabs also pulls for tabs whose document is not
		// open yet; those have no language id, so `match` decides by file name.
		diagnosticPullOptions: {
			onChange: true,
			onSave: true,
			onTabs: true,
			match: (_selector, resource) => matchesByPath(resource),
		},
		initializationFailedHandler: (error: unknown) => {
			const text = error instanceof Error ? error.message : String(error);
			output.error(`language server failed to initialize: ${text}`);
			void vscode.window.showErrorMessage(`Go Ship Check: the language server failed to start (${text}).`, 'Show Output').then(async (choice) => {
				if (choice === 'Show Output') await vscode.commands.executeCommand(showOutputCommand);
			});
			return false; // do not retry: a failed initialize is not transient
		},
		errorHandler: createErrorHandler(output, showOutputCommand),
	};
	return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
}

/** Path-only version of {@link documentSelector} for tabs that are not open documents yet. */
function matchesByPath(resource: vscode.Uri): boolean {
	const base = path.posix.basename(resource.path);
	return /^(Dockerfile(\..+)?|.+\.[Dd]ockerfile|Containerfile|go\.mod|go\.work|\.gitlab-ci\.yml)$/.test(base)
		|| /\/\.github\/workflows\/[^/]+\.ya?ml$/.test(resource.path);
}
