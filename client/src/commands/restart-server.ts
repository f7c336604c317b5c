import * as vscode from 'vscode';
import type { ShipcheckContext } from '../context';

/**
 * `Go Ship Check: Restart Language Server`: stops and starts the server (also after the error handler gave up),
 * which reloads knowledge tables and settings. Resolves when the new server is running.
 */
export function restartServer(ctx: Pick<ShipcheckContext, 'client' | 'output'>): () => Promise<void> {
	return async () => {
		ctx.output.info('restarting the language server (command)');
		try {
			if (ctx.client.isRunning()) await ctx.client.restart();
			else await ctx.client.start();
			ctx.output.info('language server restarted');
		} catch (error) {
			const text = error instanceof Error ? error.message : String(error);
			ctx.output.error(`restart failed: ${text}`);
			void vscode.window.showErrorMessage(`Go Ship Check: restarting the language server failed (${text}).`);
			throw error;
		}
	};
}
