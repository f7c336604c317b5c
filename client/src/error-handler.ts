import * as vscode from 'vscode';
import {
	CloseAction,
	ErrorAction,
	type CloseHandlerResult,
	type ErrorHandler,
	type ErrorHandlerResult,
	type Message,
} from 'vscode-languageclient/node';

/** How many crashes within {@link CRASH_WINDOW_MS} are restarted before the client gives up. */
export const MAX_RESTARTS = 4;
const CRASH_WINDOW_MS = 3 * 60 * 1000;
/** After this many consecutive transport errors the connection is considered broken and shut down. */
const MAX_CONSECUTIVE_ERRORS = 3;

/**
 * Restarts a crashed server a few times, then stops with a message that offers the output channel
 * (the default handler of vscode-languageclient does the same with 5 restarts but a generic message).
 */
export function createErrorHandler(output: vscode.LogOutputChannel, showOutputCommand: string): ErrorHandler {
	const crashes: number[] = [];
	return {
		error(error: Error, message: Message | undefined, count: number | undefined): ErrorHandlerResult {
			output.error(`connection error (${count ?? 1}): ${error.message}${message ? ` while handling ${JSON.stringify(message).slice(0, 200)}` : ''}`);
			if ((count ?? 1) <= MAX_CONSECUTIVE_ERRORS) return { action: ErrorAction.Continue, handled: true };
			return { action: ErrorAction.Shutdown, handled: true };
		},
		closed(): CloseHandlerResult {
			const now = Date.now();
			crashes.push(now);
			while (crashes.length > 0 && now - (crashes[0] ?? now) > CRASH_WINDOW_MS) crashes.shift();
			if (crashes.length <= MAX_RESTARTS) {
				output.warn(`language server exited; restarting (${crashes.length}/${MAX_RESTARTS} within ${CRASH_WINDOW_MS / 60000} min)`);
				return { action: CloseAction.Restart, handled: true };
			}
			const text = `The Go Ship Check language server crashed ${crashes.length} times in ${CRASH_WINDOW_MS / 60000} minutes and will not be restarted. Run "Go Ship Check: Restart Language Server" after fixing the cause.`;
			output.error(text);
			void showStoppedMessage(text, showOutputCommand);
			return { action: CloseAction.DoNotRestart, handled: true };
		},
	};
}

async function showStoppedMessage(text: string, showOutputCommand: string): Promise<void> {
	const choice = await vscode.window.showErrorMessage(text, 'Show Output');
	if (choice === 'Show Output') await vscode.commands.executeCommand(showOutputCommand);
}
