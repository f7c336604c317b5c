import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { codeOf, disableAutoSave, lineOf, screenshot, waitForDiagnostics, workspaceRoot } from './helpers';

// Issue 5: editing go.mod (adding go-sqlite3) lights up the CGO_ENABLED=0 lines in the workflow and in the
// Dockerfile without reopening them. Fixture: test/integration/workspace/cgo-refresh (main.go already imports
// go-sqlite3; go.mod does not require it yet). Both files build with -ldflags "-s -w", so the stripped-binary
// information shows that a file was analysed while cgo-required is still absent.
const REQUIRE = 'require github.com/mattn/go-sqlite3 v1.14.22';
const has = (rule: string) => (ds: readonly vscode.Diagnostic[]): boolean => ds.some((d) => codeOf(d) === rule);
const lacks = (rule: string) => (ds: readonly vscode.Diagnostic[]): boolean => !has(rule)(ds);

suite('Go Ship Check: a go.mod edit updates the Dockerfile and workflow that build it (cgo-required)', () => {
	let goMod: vscode.TextDocument;
	let dockerfile: vscode.TextDocument;
	let workflow: vscode.TextDocument;
	let originalGoMod: string;
	/** Zero-based lines of `ENV CGO_ENABLED=0` and of the job's `CGO_ENABLED: 0`. */
	let dockerfileCgoLine: number;
	let workflowCgoLine: number;
	const closed: string[] = [];
	let closeListener: vscode.Disposable | undefined;
	let restoreAutoSave: (() => Promise<void>) | undefined;

	suiteSetup(async () => {
		restoreAutoSave = await disableAutoSave();
		const dir = path.join(workspaceRoot(), 'cgo-refresh');
		originalGoMod = fs.readFileSync(path.join(dir, 'go.mod'), 'utf8');
		assert.doesNotMatch(originalGoMod, /go-sqlite3/, 'the fixture starts without the requirement');
		// Each in its own (non-preview) tab, as a user has them: a preview tab would be replaced by the next one.
		dockerfile = await vscode.workspace.openTextDocument(path.join(dir, 'Dockerfile'));
		await vscode.window.showTextDocument(dockerfile, { preview: false });
		workflow = await vscode.workspace.openTextDocument(path.join(dir, '.github/workflows/build.yml'));
		await vscode.window.showTextDocument(workflow, { preview: false });
		goMod = await vscode.workspace.openTextDocument(path.join(dir, 'go.mod'));
		await vscode.window.showTextDocument(goMod, { preview: false });
		dockerfileCgoLine = lineOf(dockerfile, /^ENV CGO_ENABLED=0$/);
		workflowCgoLine = lineOf(workflow, /^\s+CGO_ENABLED: 0$/);
		closeListener = vscode.workspace.onDidCloseTextDocument((d) => closed.push(d.uri.toString()));
	});

	suiteTeardown(async () => {
		closeListener?.dispose();
		if (goMod?.isDirty) {
			await vscode.window.showTextDocument(goMod);
			await vscode.commands.executeCommand('workbench.action.files.revert');
		}
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
		await restoreAutoSave?.();
	});

	/** Resolves when both files have cgo-required on their CGO_ENABLED=0 line (and nowhere else). */
	function cgoRequiredOnBoth(what: string): Promise<unknown> {
		const on = (line: number) => (ds: readonly vscode.Diagnostic[]): boolean => {
			const found = ds.filter((d) => codeOf(d) === 'cgo-required');
			return found.length === 1 && found[0].range.start.line === line && found[0].severity === vscode.DiagnosticSeverity.Error;
		};
		return Promise.all([
			waitForDiagnostics(dockerfile.uri, on(dockerfileCgoLine), `cgo-required on Dockerfile line ${dockerfileCgoLine + 1} ${what}`),
			waitForDiagnostics(workflow.uri, on(workflowCgoLine), `cgo-required on workflow line ${workflowCgoLine + 1} ${what}`),
		]);
	}

	/** Resolves when both files were analysed (stripped-binary is there) and have no cgo-required. */
	function clearOnBoth(what: string): Promise<unknown> {
		const analysedAndClear = (ds: readonly vscode.Diagnostic[]): boolean => has('stripped-binary')(ds) && lacks('cgo-required')(ds);
		return Promise.all([
			waitForDiagnostics(dockerfile.uri, analysedAndClear, `the Dockerfile analysed without cgo-required ${what}`),
			waitForDiagnostics(workflow.uri, analysedAndClear, `the workflow analysed without cgo-required ${what}`),
		]);
	}

	test('before go.mod requires go-sqlite3: both files are analysed and have no cgo-required', async () => {
		assert.equal(goMod.languageId, 'go.mod');
		await clearOnBoth('at the start');
	});

	test('an unsaved go.mod edit adding go-sqlite3 puts cgo-required on both CGO_ENABLED=0 lines', async () => {
		const appear = cgoRequiredOnBoth('after the unsaved go.mod edit');
		const edit = new vscode.WorkspaceEdit();
		edit.insert(goMod.uri, goMod.positionAt(goMod.getText().length), `\n${REQUIRE}\n`);
		assert.ok(await vscode.workspace.applyEdit(edit), 'the edit applies');
		assert.ok(goMod.isDirty, 'go.mod is modified and not saved');
		assert.equal(fs.readFileSync(goMod.uri.fsPath, 'utf8'), originalGoMod, 'nothing was written to disk');
		await appear;
		assert.ok(goMod.isDirty, 'go.mod is still unsaved: the findings come from the edit in the editor');
		assert.equal(fs.readFileSync(goMod.uri.fsPath, 'utf8'), originalGoMod, 'still nothing on disk');
		const [found] = vscode.languages.getDiagnostics(dockerfile.uri).filter((d) => codeOf(d) === 'cgo-required');
		assert.match(found.message, /"github\.com\/mattn\/go-sqlite3" needs cgo but cgo is off for this build \(CGO_ENABLED=0 is set\)/);
		assert.equal(dockerfile.getText(found.range), 'CGO_ENABLED=0');
		assert.ok(found.relatedInformation?.some((r) => r.location.uri.toString() === goMod.uri.toString()), 'related information points at go.mod');
		assert.deepEqual(closed.filter((uri) => uri === dockerfile.uri.toString() || uri === workflow.uri.toString()), [], 'neither file was closed or reopened');

		await vscode.commands.executeCommand('workbench.actions.view.problems');
		const problem = '.markers-panel .monaco-list-row:has-text("cgo-required")';
		const shot = await screenshot('cgo-required-after-go-mod-edit', [problem]);
		if (shot) assert.match(shot.waited[problem] ?? '', /cgo-required/, 'the Problems panel lists cgo-required');
	});

	test('saving go.mod keeps both findings', async () => {
		await vscode.window.showTextDocument(goMod, { preview: false });
		assert.ok(await goMod.save(), 'go.mod saves');
		assert.match(fs.readFileSync(goMod.uri.fsPath, 'utf8'), /require github\.com\/mattn\/go-sqlite3/);
		await cgoRequiredOnBoth('after saving go.mod');
	});

	test('taking the requirement out again (unsaved) clears both, then saving restores the original go.mod', async () => {
		const start = goMod.getText().indexOf(`\n${REQUIRE}\n`);
		assert.ok(start >= 0, 'the requirement is in go.mod');
		const cleared = clearOnBoth('after the requirement was removed');
		const edit = new vscode.WorkspaceEdit();
		edit.delete(goMod.uri, new vscode.Range(goMod.positionAt(start), goMod.positionAt(start + REQUIRE.length + 2)));
		assert.ok(await vscode.workspace.applyEdit(edit), 'the edit applies');
		assert.ok(goMod.isDirty, 'go.mod is modified and not saved');
		await cleared;
		assert.ok(goMod.isDirty, 'cleared while go.mod is still unsaved');
		assert.equal(goMod.getText(), originalGoMod);
		assert.ok(await goMod.save(), 'go.mod saves');
		assert.equal(fs.readFileSync(goMod.uri.fsPath, 'utf8'), originalGoMod);
		assert.deepEqual(closed.filter((uri) => uri === dockerfile.uri.toString() || uri === workflow.uri.toString()), [], 'neither file was closed or reopened');
	});
});
