import * as path from 'node:path';
import * as vscode from 'vscode';
import { DescribeBinaryRequest, type DescribeBinaryResult } from '../../../server/src/protocol/binary';
import type { ShipcheckContext } from '../context';
import { renderHtml } from './html';
import { isFromWebview, isToWebview, type FromWebview, type RenderedReport, type TabId, type ToWebview } from './messages';

/** Files at least this large get a cancellable progress notification; smaller ones show progress in the status bar. */
export const LARGE_FILE_BYTES = 8 * 1024 * 1024;

/** Reports the webview sent after rendering, newest last (read by the integration test's hook). */
const renderedReports: RenderedReport[] = [];

export function lastRenderedReports(): readonly RenderedReport[] {
	return renderedReports;
}

/**
 * Webview options: scripts on; resources only from the bundle folder (media/out) and the stylesheet's folder
 * (media/, whose packaged content is media/out and *.css: .vscodeignore). A root must be a folder: VS Code matches
 * resources against `root + '/'`, so the stylesheet file itself cannot be a root (seen in the real VS Code).
 */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
	return {
		enableScripts: true,
		localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media', 'out'), vscode.Uri.joinPath(extensionUri, 'media')],
	};
}

/**
 * One inspector view (a webview panel from the command, or a custom editor) bound to one file. The binary is
 * described by the language server (`shipcheck/describeBinary`); this class only schedules, relays and copies.
 * It keeps the last result so a webview that was hidden (and destroyed: no retainContextWhenHidden) gets it back
 * when it says `ready` again.
 */
export class BinaryInspector implements vscode.Disposable {
	private readonly disposables: vscode.Disposable[] = [];
	private current: ToWebview;
	private loading: vscode.CancellationTokenSource | undefined;
	private disposed = false;

	/** The tab to open on, sent with the first result only (later replays keep the user's own choice). */
	private initialTab: TabId | undefined;

	constructor(
		private readonly ctx: Pick<ShipcheckContext, 'extension' | 'output' | 'client'>,
		private readonly panel: vscode.WebviewPanel,
		private readonly uri: vscode.Uri,
		options: { readonly tab?: TabId } = {},
	) {
		this.initialTab = options.tab;
		const webview = panel.webview;
		webview.options = webviewOptions(ctx.extension.extensionUri);
		const file = path.basename(uri.fsPath);
		this.current = { type: 'loading', uri: uri.toString(), file };
		webview.html = renderHtml({
			cspSource: webview.cspSource,
			scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(ctx.extension.extensionUri, 'media', 'out', 'binary-view.js')).toString(),
			styleUri: webview.asWebviewUri(vscode.Uri.joinPath(ctx.extension.extensionUri, 'media', 'binary-view.css')).toString(),
			title: file,
		});
		this.disposables.push(
			webview.onDidReceiveMessage((message: unknown) => this.receive(message)),
			panel.onDidDispose(() => this.dispose()),
		);
		void this.load();
	}

	private receive(message: unknown): void {
		if (!isFromWebview(message)) {
			this.ctx.output.warn(`binary inspector: dropped a malformed message from the webview: ${JSON.stringify(message)?.slice(0, 200) ?? typeof message}`);
			return;
		}
		void this.handle(message);
	}

	private async handle(message: FromWebview): Promise<void> {
		switch (message.type) {
			case 'ready':
				await this.post(this.current);
				return;
			case 'reload':
				await this.load();
				return;
			case 'copy':
				await vscode.env.clipboard.writeText(message.text);
				void vscode.window.setStatusBarMessage(`Go Ship Check: copied the ${message.table} table`, 3000);
				return;
			case 'rendered':
				renderedReports.push(message);
				if (renderedReports.length > 50) renderedReports.shift();
				this.ctx.output[message.view === 'loading' ? 'debug' : 'info'](`binary inspector: rendered ${message.view} view of ${message.uri} (${message.summary.slice(0, 120)})`);
				if (message.cspViolations.length > 0 || message.injected.length > 0) {
					this.ctx.output.error(`binary inspector: CSP violations ${JSON.stringify(message.cspViolations)}, injected ${JSON.stringify(message.injected)}`);
				}
				return;
		}
	}

	/** Asks the server to describe the file, with progress; a cancelled or failed request becomes a `failed` view. */
	async load(): Promise<void> {
		this.loading?.cancel();
		const cancel = new vscode.CancellationTokenSource();
		this.loading = cancel;
		const uri = this.uri.toString();
		const file = path.basename(this.uri.fsPath);
		await this.show({ type: 'loading', uri, file });
		const size = await vscode.workspace.fs.stat(this.uri).then((s) => s.size, () => 0);
		const location = size >= LARGE_FILE_BYTES ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window;
		try {
			const result = await vscode.window.withProgress({ location, title: `Go Ship Check: reading ${file}`, cancellable: true }, async (_progress, token) => {
				const relay = token.onCancellationRequested(() => cancel.cancel());
				try {
					return await this.request(cancel.token);
				} finally {
					relay.dispose();
				}
			});
			if (this.loading !== cancel) return;
			const tab = this.initialTab;
			this.initialTab = undefined;
			// `current` first: a `ready` that arrives while the result is being posted must replay the result, not
			// the loading view (seen in the real VS Code: the page stayed on "Reading…").
			this.current = { type: 'result', uri, file, result };
			await this.post({ ...this.current, ...(tab ? { tab } : {}) });
		} catch (error) {
			if (this.loading !== cancel) return; // superseded by a newer load
			const message = cancel.token.isCancellationRequested ? 'Reading the file was cancelled.' : `The language server could not describe the file: ${error instanceof Error ? error.message : String(error)}`;
			await this.show({ type: 'failed', uri, file, message });
		}
	}

	private async request(token: vscode.CancellationToken): Promise<DescribeBinaryResult> {
		if (!this.ctx.client.isRunning()) await this.ctx.client.start();
		return this.ctx.client.sendRequest(DescribeBinaryRequest.type, { uri: this.uri.toString() }, token);
	}

	private async show(message: ToWebview): Promise<void> {
		this.current = message;
		await this.post(message);
	}

	private async post(message: ToWebview): Promise<void> {
		// postMessage resolves false when the webview is hidden; `ready` replays `current` when it comes back.
		if (this.disposed) return;
		if (!isToWebview(message)) {
			this.ctx.output.error(`binary inspector: refusing to post a malformed message (${String((message as { type?: unknown }).type)})`);
			return;
		}
		await this.panel.webview.postMessage(message);
	}

	dispose(): void {
		this.disposed = true;
		this.loading?.cancel();
		for (const d of this.disposables.splice(0)) d.dispose();
	}
}
