import * as path from 'node:path';
import * as vscode from 'vscode';
import { isTabId, type TabId } from '../binary-view/messages';
import { BinaryInspector, webviewOptions } from '../binary-view/panel';
import type { ShipcheckContext } from '../context';
import { BINARY_INSPECTOR_PANEL_VIEW_TYPE } from '../ids';

/**
 * `Go Ship Check: Inspect Go binary`: from the explorer's context menu VS Code passes the selected file, which is
 * inspected directly; from the palette a file picker asks (starting in the active file's folder). Opens the
 * inspector in a webview panel; resolves when the panel is open (the description arrives asynchronously).
 */
export function inspectBinary(ctx: Pick<ShipcheckContext, 'extension' | 'output' | 'client'>): (resource?: unknown, options?: unknown) => Promise<void> {
	return async (resource?: unknown, options?: unknown) => {
		const uri = resource instanceof vscode.Uri ? resource : await pickFile();
		if (!uri) return;
		// Callers (other features, tests) may ask for a first tab: `{ tab: 'sections' }`.
		const tab = typeof options === 'object' && options !== null && 'tab' in options && isTabId(options.tab) ? options.tab : undefined;
		ctx.output.info(`inspect binary ${uri.toString()}`);
		openInspectorPanel(ctx, uri, tab);
	};
}

async function pickFile(): Promise<vscode.Uri | undefined> {
	const active = vscode.window.activeTextEditor?.document.uri;
	const defaultUri = active?.scheme === 'file' ? vscode.Uri.file(path.dirname(active.fsPath)) : vscode.workspace.workspaceFolders?.[0]?.uri;
	const picked = await vscode.window.showOpenDialog({
		canSelectFiles: true,
		canSelectFolders: false,
		canSelectMany: false,
		openLabel: 'Inspect',
		title: 'Inspect Go binary',
		...(defaultUri ? { defaultUri } : {}),
	});
	return picked?.[0];
}

/** Opens a new inspector panel on `uri` in the active editor group, optionally on `tab`. */
export function openInspectorPanel(ctx: Pick<ShipcheckContext, 'extension' | 'output' | 'client'>, uri: vscode.Uri, tab?: TabId): BinaryInspector {
	const panel = vscode.window.createWebviewPanel(BINARY_INSPECTOR_PANEL_VIEW_TYPE, `Inspect ${path.basename(uri.fsPath)}`, vscode.ViewColumn.Active, webviewOptions(ctx.extension.extensionUri));
	return new BinaryInspector(ctx, panel, uri, tab ? { tab } : {});
}
