import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { codeActionsUntil, codeOf, disableAutoSave, waitForDiagnostics, workspaceRoot } from './helpers';

// Issue 4, "Fix all in file where safe": test/integration/workspace/fix-all/Dockerfile has two libc-mismatch
// findings whose always-safe fix is "Set CGO_ENABLED=0". The quick-fix list offers "Fix all libc-mismatch problems
// in file", and the source.fixAll action (what VS Code's Fix All command and editor.codeActionsOnSave run) fixes
// both in one edit.
const RULE = 'libc-mismatch';
const FIX_ALL_KIND = 'source.fixAll.go-shipcheck';
const libc = (ds: readonly vscode.Diagnostic[]): vscode.Diagnostic[] => ds.filter((d) => codeOf(d) === RULE);

suite('Go Ship Check: Fix all in file', () => {
	let document: vscode.TextDocument;
	let original: string;
	let restoreAutoSave: (() => Promise<void>) | undefined;

	suiteSetup(async () => {
		restoreAutoSave = await disableAutoSave();
		document = await vscode.workspace.openTextDocument(path.join(workspaceRoot(), 'fix-all/Dockerfile'));
		await vscode.window.showTextDocument(document, { preview: false });
		original = document.getText();
	});

	suiteTeardown(async () => {
		if (document?.isDirty) {
			await vscode.window.showTextDocument(document);
			await vscode.commands.executeCommand('workbench.action.files.revert');
		}
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
		await restoreAutoSave?.();
	});

	test('the quick-fix list has "Fix all libc-mismatch problems in file" after the rule\'s own fixes', async () => {
		const diagnostics = libc(await waitForDiagnostics(document.uri, (ds) => libc(ds).length === 2, `two ${RULE} diagnostics`));
		const title = `Fix all ${RULE} problems in file`;
		const actions = await codeActionsUntil(document.uri, diagnostics[0].range, vscode.CodeActionKind.QuickFix, 20, (as) => as.some((a) => a.title === title), `"${title}"`);
		const titles = actions.map((a) => a.title);
		const fixAll = titles.indexOf(title);
		assert.ok(fixAll > titles.findIndex((t) => t.startsWith('Set CGO_ENABLED=0')), titles.join(' | '));
		assert.ok(fixAll < titles.indexOf(`Ignore ${RULE} for this instruction`), titles.join(' | '));
		const edits = actions[fixAll].edit?.get(document.uri) ?? [];
		assert.deepEqual(edits.map((e) => [e.range.start.line, e.newText]), [[5, 'CGO_ENABLED=0 '], [6, 'CGO_ENABLED=0 ']], 'resolved: one insertion per go build');
	});

	test(`the ${FIX_ALL_KIND} source action fixes both builds in one edit; a second run finds nothing`, async () => {
		const whole = new vscode.Range(0, 0, document.lineCount, 0);
		// What the Fix All command and editor.codeActionsOnSave ask for; VS Code resolves the edit (itemResolveCount).
		const offered = await codeActionsUntil(document.uri, whole, vscode.CodeActionKind.SourceFixAll, 5, (as) => as.length > 0, 'a source.fixAll action');
		assert.deepEqual(offered.map((a) => [a.title, a.kind?.value]), [['Fix all Go Ship Check problems in file', FIX_ALL_KIND]]);
		const edit = offered[0]?.edit;
		assert.ok(edit, 'the action was resolved with its edit');

		await vscode.window.showTextDocument(document, { preview: false });
		const gone = waitForDiagnostics(document.uri, (ds) => libc(ds).length === 0, `${RULE} to disappear after Fix all`);
		assert.ok(await vscode.workspace.applyEdit(edit), 'the edit applies');
		await gone;
		assert.equal(document.getText(), original.replaceAll('RUN go build', 'RUN CGO_ENABLED=0 go build'));
		assert.ok(document.isDirty, 'one unsaved edit');

		const again = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, whole, vscode.CodeActionKind.SourceFixAll.value, 5);
		assert.deepEqual(again.map((a) => a.title), [], 'nothing left to fix');
		await vscode.commands.executeCommand('undo');
		assert.equal(document.getText(), original, 'one undo takes the whole Fix all back');
	});
});
