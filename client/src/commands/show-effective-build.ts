import * as vscode from 'vscode';
import { EffectiveBuildRequest } from '../../../server/src/protocol/requests';
import type { ShipcheckContext } from '../context';

/**
 * `Go Ship Check: Show Effective Build`: asks the server for a summary of every build in the active file
 * (stage, image, libc, cgo and why, linkage, where the binary ends up) and shows it as a read-only Markdown
 * preview. The summary comes from the same analysis as the diagnostics.
 */
export function showEffectiveBuild(ctx: Pick<ShipcheckContext, 'client'>): () => Promise<void> {
	return async () => {
		const editor = vscode.window.activeTextEditor;
		if (!editor) {
			void vscode.window.showInformationMessage('Go Ship Check: open a Dockerfile, go.mod or CI file first.');
			return;
		}
		const result = await ctx.client.sendRequest(EffectiveBuildRequest.type, { uri: editor.document.uri.toString() });
		const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: result.markdown });
		await vscode.commands.executeCommand('markdown.showPreview', document.uri);
	};
}
