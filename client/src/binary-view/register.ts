import * as vscode from 'vscode';
import type { ShipcheckContext } from '../context';
import { BINARY_INSPECTOR_PANEL_VIEW_TYPE, BINARY_INSPECTOR_VIEW_TYPE } from '../ids';
import { isWebviewState } from './messages';
import { BinaryInspector, lastRenderedReports } from './panel';

/** Command the integration suite reads the webview's `rendered` reports through; registered only under test. */
export const TEST_RENDERED_COMMAND = 'goShipcheck.test.binaryInspectorRendered';

/**
 * Registers the read-only custom editor ("Open With… Go Binary Inspector", any file: the view itself says when a
 * file is not an executable) and the serializer that restores inspector panels after a window reload.
 */
export function registerBinaryInspector(ctx: Pick<ShipcheckContext, 'extension' | 'output' | 'client'>): vscode.Disposable {
	const provider: vscode.CustomReadonlyEditorProvider = {
		openCustomDocument: (uri) => ({ uri, dispose: () => undefined }),
		resolveCustomEditor: (document, panel) => {
			new BinaryInspector(ctx, panel, document.uri);
		},
	};
	const serializer: vscode.WebviewPanelSerializer = {
		deserializeWebviewPanel: (panel, state: unknown) => {
			if (isWebviewState(state)) {
				new BinaryInspector(ctx, panel, vscode.Uri.parse(state.uri, true));
			} else {
				ctx.output.warn('binary inspector: a panel without usable state was closed on restore');
				panel.dispose();
			}
			return Promise.resolve();
		},
	};
	const disposables = [
		vscode.window.registerCustomEditorProvider(BINARY_INSPECTOR_VIEW_TYPE, provider, { supportsMultipleEditorsPerDocument: true }),
		vscode.window.registerWebviewPanelSerializer(BINARY_INSPECTOR_PANEL_VIEW_TYPE, serializer),
	];
	// A test hook, not a user command: the real-VS-Code suite asks what the webview says it rendered.
	if (ctx.extension.extensionMode === vscode.ExtensionMode.Test || process.env.SHIPCHECK_E2E_MODE) {
		disposables.push(vscode.commands.registerCommand(TEST_RENDERED_COMMAND, () => lastRenderedReports()));
	}
	return vscode.Disposable.from(...disposables);
}
