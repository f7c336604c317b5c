// Shared by the suite files: how the suite finds the extension and its fixtures, waits for diagnostics by event,
// and asks the harness (outside VS Code) for screenshots.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'go-shipcheck.go-shipcheck';
export const SOURCE = 'go-shipcheck';
/** How long the server gets to (re)compute diagnostics before a wait fails. */
export const DIAGNOSTICS_DEADLINE_MS = 30_000;

/** `development` (the repo's extension via extensionDevelopmentPath) or `installed` (the packaged .vsix). */
export function mode(): 'development' | 'installed' {
	return process.env.SHIPCHECK_E2E_MODE === 'installed' ? 'installed' : 'development';
}

export function workspaceRoot(): string {
	const folder = vscode.workspace.workspaceFolders?.[0];
	assert.ok(folder, 'a workspace folder is open');
	return folder.uri.fsPath;
}

/** The broken example the suite works on: examples/cgo-alpine-broken, copied into the workspace by run-tests.ts. */
export function brokenDockerfile(): string {
	const file = path.join(workspaceRoot(), 'examples/cgo-alpine-broken/Dockerfile');
	assert.ok(fs.existsSync(file), `${file} exists (run-tests.ts copies the repo's examples/ into the workspace)`);
	return file;
}

export function shipcheckExtension(): vscode.Extension<unknown> {
	const ext = vscode.extensions.getExtension(EXTENSION_ID);
	assert.ok(ext, `${EXTENSION_ID} is loaded`);
	return ext;
}

export function codeOf(d: vscode.Diagnostic): string | number | undefined {
	return typeof d.code === 'object' ? d.code.value : d.code;
}

/**
 * Resolves with the diagnostics of `uri` as soon as `predicate` holds for them: checked now, then on every
 * `onDidChangeDiagnostics` for that uri. Rejects at the deadline, showing what the uri had then.
 */
export function waitForDiagnostics(
	uri: vscode.Uri,
	predicate: (diagnostics: readonly vscode.Diagnostic[]) => boolean,
	what: string,
	deadlineMs = DIAGNOSTICS_DEADLINE_MS,
): Promise<readonly vscode.Diagnostic[]> {
	const current = vscode.languages.getDiagnostics(uri);
	if (predicate(current)) return Promise.resolve(current);
	return new Promise((resolve, reject) => {
		const listener = vscode.languages.onDidChangeDiagnostics((event) => {
			if (!event.uris.some((u) => u.toString() === uri.toString())) return;
			const diagnostics = vscode.languages.getDiagnostics(uri);
			if (!predicate(diagnostics)) return;
			finish();
			resolve(diagnostics);
		});
		const timer = setTimeout(() => {
			finish();
			const seen = vscode.languages.getDiagnostics(uri).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} [${String(codeOf(d))}] ${d.message}`);
			reject(new Error(`timed out after ${deadlineMs} ms waiting for ${what} on ${uri.fsPath}; it has ${seen.length ? seen.join(' | ') : 'no diagnostics'}`));
		}, deadlineMs);
		function finish(): void {
			clearTimeout(timer);
			listener.dispose();
		}
	});
}

/** Zero-based number of the first line matching `re`, or a failed assertion. */
export function lineOf(document: vscode.TextDocument, re: RegExp, from = 0): number {
	for (let line = from; line < document.lineCount; line++) {
		if (re.test(document.lineAt(line).text)) return line;
	}
	assert.fail(`no line of ${path.basename(document.uri.fsPath)} matches ${String(re)}`);
}

export interface ScreenshotResult {
	readonly file: string;
	/** For each requested selector, the text of its first visible match, or null. */
	readonly waited: Readonly<Record<string, string | null>>;
}

/**
 * Asks the harness to screenshot the browser window, after waiting (by selector, in the page) for each of
 * `waitFor` to be visible. Undefined when the suite runs without the harness (no E2E_HARNESS_PORT).
 */
export async function screenshot(name: string, waitFor: readonly string[] = []): Promise<ScreenshotResult | undefined> {
	const port = process.env.E2E_HARNESS_PORT;
	if (!port) return undefined;
	const query = new URLSearchParams({ name: `${mode()}-${name}` });
	for (const selector of waitFor) query.append('waitFor', selector);
	const response = await fetch(`http://127.0.0.1:${port}/screenshot?${query.toString()}`);
	assert.equal(response.status, 200, `screenshot endpoint: ${await response.clone().text()}`);
	return (await response.json()) as ScreenshotResult;
}

/** Plain text of a hover's contents, whatever form each part takes. */
export function hoverText(hovers: readonly vscode.Hover[]): string {
	return hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
}

/**
 * Turns `files.autoSave` off (the desktop default) until the returned function restores it. In the browser,
 * VS Code saves after a 1 s delay by default, so a test of an *unsaved* edit would race with the auto-save.
 */
export async function disableAutoSave(): Promise<() => Promise<void>> {
	const files = vscode.workspace.getConfiguration('files');
	const previous = files.inspect<string>('autoSave')?.globalValue;
	await files.update('autoSave', 'off', vscode.ConfigurationTarget.Global);
	return () => Promise.resolve(vscode.workspace.getConfiguration('files').update('autoSave', previous, vscode.ConfigurationTarget.Global));
}

/**
 * `vscode.executeCodeActionProvider`, asked again until `accept` holds for the answer or the deadline passes.
 * VS Code drops a code-action request while it runs (an empty answer, or a `Canceled` error) when the document or
 * the set of code-action providers changes meanwhile (getCodeActions in VS Code's codeAction.ts), which happens
 * now and then in a busy extension host; a user's next request simply asks again, and so does this.
 */
export async function codeActionsUntil(
	uri: vscode.Uri,
	range: vscode.Range,
	kind: vscode.CodeActionKind,
	resolveCount: number,
	accept: (actions: readonly vscode.CodeAction[]) => boolean,
	what: string,
	deadlineMs = DIAGNOSTICS_DEADLINE_MS,
): Promise<vscode.CodeAction[]> {
	const deadline = Date.now() + deadlineMs;
	for (;;) {
		let last: string;
		try {
			const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind.value, resolveCount);
			if (accept(actions)) return actions;
			last = JSON.stringify(actions.map((a) => a.title));
		} catch (error) {
			if (!(error instanceof Error) || error.message !== 'Canceled') throw error;
			last = 'Canceled';
		}
		if (Date.now() > deadline) assert.fail(`timed out after ${deadlineMs} ms waiting for ${what} on ${uri.fsPath}; the last answer was ${last}`);
		await new Promise((resolve) => setTimeout(resolve, 100)); // poll; the deadline above bounds it
	}
}
