import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerBinaryInspector } from './binary-view/register';
import { inspectBinary } from './commands/inspect-binary';
import { restartServer } from './commands/restart-server';
import { showEffectiveBuild } from './commands/show-effective-build';
import { showOutput } from './commands/show-output';
import type { ShipcheckContext } from './context';
import { CLIENT_NAME, INSPECT_BINARY_COMMAND, RESTART_SERVER_COMMAND, SHOW_EFFECTIVE_BUILD_COMMAND, SHOW_OUTPUT_COMMAND } from './ids';
import { createLanguageClient } from './language-client';

let client: LanguageClient | undefined;

/** Builds the context, registers the commands and starts the language server. */
export async function activate(extension: vscode.ExtensionContext): Promise<void> {
	const output = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
	extension.subscriptions.push(output);
	try {
		output.info(`activating ${extension.extension.id} ${String(extension.extension.packageJSON.version)} in ${vscode.env.appName} ${vscode.version} (${extension.extensionPath})`);
		client = createLanguageClient(extension, output, SHOW_OUTPUT_COMMAND);
		const ctx: ShipcheckContext = { extension, output, client };
		extension.subscriptions.push(
			vscode.commands.registerCommand(SHOW_OUTPUT_COMMAND, showOutput(ctx)),
			vscode.commands.registerCommand(RESTART_SERVER_COMMAND, restartServer(ctx)),
			vscode.commands.registerCommand(INSPECT_BINARY_COMMAND, inspectBinary(ctx)),
			vscode.commands.registerCommand(SHOW_EFFECTIVE_BUILD_COMMAND, showEffectiveBuild(ctx)),
			registerBinaryInspector(ctx),
		);
		const started = Date.now();
		await client.start();
		output.info(`language server started in ${Date.now() - started} ms`);
	} catch (error) {
		const text = error instanceof Error ? error.message : String(error);
		output.error(`activation failed: ${text}`);
		void vscode.window.showErrorMessage(`Go Ship Check failed to activate: ${text}`);
		throw error;
	}
}

/** Stops the server; VS Code waits for the returned promise. */
export async function deactivate(): Promise<void> {
	const running = client;
	client = undefined;
	await running?.stop();
}
