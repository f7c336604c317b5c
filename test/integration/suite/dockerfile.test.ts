import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { brokenDockerfile, codeOf, hoverText, lineOf, screenshot, SOURCE, waitForDiagnostics } from './helpers';

const RULE = 'libc-mismatch';
const isLibcMismatch = (d: vscode.Diagnostic): boolean => codeOf(d) === RULE;
const hasLibcMismatch = (ds: readonly vscode.Diagnostic[]): boolean => ds.some(isLibcMismatch);

suite('Go Ship Check: a cgo binary copied into alpine (libc-mismatch)', () => {
	let document: vscode.TextDocument;
	let editor: vscode.TextEditor;
	let finding: vscode.Diagnostic;
	/** Lines (zero-based) of the builder's FROM, the runtime FROM and the runtime COPY --from. */
	let builderFrom: number;
	let runtimeFrom: number;
	let runtimeCopy: number;

	suiteSetup(async () => {
		document = await vscode.workspace.openTextDocument(brokenDockerfile());
		editor = await vscode.window.showTextDocument(document);
		builderFrom = lineOf(document, /^\s*FROM\s+golang:\S+\s+AS\s+build\b/i);
		runtimeFrom = lineOf(document, /^\s*FROM\s+alpine:/i, builderFrom + 1);
		runtimeCopy = lineOf(document, /^\s*COPY\s+--from=build\b/i, runtimeFrom + 1);
	});

	suiteTeardown(async () => {
		// The workspace is a temporary copy, but leave no modified editor behind either way.
		if (document?.isDirty) {
			await vscode.window.showTextDocument(document);
			await vscode.commands.executeCommand('workbench.action.files.revert');
		}
	});

	test('opens as a Dockerfile', () => {
		assert.equal(path.basename(document.uri.fsPath), 'Dockerfile');
		assert.equal(document.languageId, 'dockerfile');
	});

	test('reports libc-mismatch as an error on the runtime stage, related to the builder', async () => {
		const diagnostics = await waitForDiagnostics(document.uri, hasLibcMismatch, `a ${RULE} diagnostic`);
		const found = diagnostics.filter(isLibcMismatch);
		assert.equal(found.length, 1, `exactly one ${RULE}: ${found.map((d) => d.message).join(' | ')}`);
		finding = found[0]!;
		assert.equal(finding.severity, vscode.DiagnosticSeverity.Error);
		assert.equal(finding.source, SOURCE);
		assert.ok([runtimeFrom, runtimeCopy].includes(finding.range.start.line),
			`on the runtime FROM (line ${runtimeFrom + 1}) or COPY --from (line ${runtimeCopy + 1}), not line ${finding.range.start.line + 1}`);
		const related = finding.relatedInformation ?? [];
		assert.ok(related.some((r) => r.location.uri.toString() === document.uri.toString()
			&& r.location.range.start.line >= builderFrom && r.location.range.start.line < runtimeFrom),
		`relatedInformation points into the builder stage (lines ${builderFrom + 1}-${runtimeFrom}): ${JSON.stringify(related.map((r) => [r.location.uri.fsPath, r.location.range.start.line + 1, r.message]))}`);
	});

	test('shows the squiggle and the Problems entry (screenshot)', async () => {
		assert.ok(finding, 'the previous test found the diagnostic');
		editor = await vscode.window.showTextDocument(document);
		editor.revealRange(finding.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
		await vscode.commands.executeCommand('workbench.actions.view.problems');
		const squiggle = '.monaco-editor .squiggly-error';
		const problem = `.markers-panel .monaco-list-row:has-text("${RULE}")`;
		const shot = await screenshot('libc-mismatch', [squiggle, problem]);
		if (!shot) return; // run without the harness: nothing to look at
		assert.notEqual(shot.waited[squiggle], null, 'an error squiggle is rendered in the editor');
		assert.match(shot.waited[problem] ?? '', /libc-mismatch/, 'the Problems panel lists the finding');
	});

	test('hover on the alpine FROM line mentions musl', async () => {
		const text = document.lineAt(runtimeFrom).text;
		const position = new vscode.Position(runtimeFrom, text.indexOf('alpine') + 1);
		const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
		assert.match(hoverText(hovers), /musl/i);
	});

	test('the hover widget on the alpine FROM line says musl (screenshot)', async () => {
		editor = await vscode.window.showTextDocument(document);
		const position = new vscode.Position(runtimeFrom, document.lineAt(runtimeFrom).text.indexOf('alpine') + 1);
		editor.selection = new vscode.Selection(position, position);
		editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
		await vscode.commands.executeCommand('editor.action.showHover');
		const hover = '.monaco-editor .monaco-hover:has-text("musl")';
		const shot = await screenshot('hover-from-alpine', [hover]);
		await vscode.commands.executeCommand('editor.action.hideHover');
		if (!shot) return; // run without the harness: nothing to look at
		assert.match(shot.waited[hover] ?? '', /musl/, 'the hover widget is rendered and mentions musl');
	});

	test('the quick-fix menu on the libc-mismatch squiggle lists the GODEBUG entry after the real fixes (screenshot)', async () => {
		assert.ok(finding, 'the earlier test found the diagnostic');
		editor = await vscode.window.showTextDocument(document);
		editor.selection = new vscode.Selection(finding.range.start, finding.range.start);
		await vscode.commands.executeCommand('editor.action.quickFix');
		const menu = '.action-widget:has-text("GODEBUG")';
		const shot = await screenshot('quick-fix-menu', [menu]);
		await vscode.commands.executeCommand('hideCodeActionWidget');
		if (!shot) return;
		const items = shot.waited[menu] ?? '';
		const cgoOff = items.indexOf('Set CGO_ENABLED=0');
		assert.ok(cgoOff >= 0 && items.indexOf('GODEBUG') > cgoOff, `the menu shows "Set CGO_ENABLED=0" before the GODEBUG entry: ${JSON.stringify(items)}`);
	});

	test('inlay hints show the libc after FROM and the effective cgo and linkage after go build', async () => {
		const range = new vscode.Range(0, 0, document.lineCount, 0);
		const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, range);
		const labels = hints.map((h) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')));
		assert.ok(labels.includes('musl 1.2.5'), labels.join(' | '));
		assert.ok(labels.includes('cgo on (gcc present) → dynamic glibc ≥ 2.34'), labels.join(' | '));
	});

	test('the honest GODEBUG entry is listed after the real fixes and is not preferred', async () => {
		const diagnostic = (await waitForDiagnostics(document.uri, hasLibcMismatch, 'libc-mismatch')).find(isLibcMismatch);
		const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic!.range, vscode.CodeActionKind.QuickFix.value);
		const titles = actions.map((a) => a.title);
		const godebug = titles.findIndex((t) => t.startsWith('Insert GODEBUG=clock_gettime64=0 (has no effect'));
		const cgoOff = titles.findIndex((t) => t.startsWith('Set CGO_ENABLED=0'));
		assert.ok(cgoOff >= 0 && godebug > cgoOff, titles.join(' | '));
		assert.equal(actions[godebug].isPreferred, false);
	});

	test('"Go Ship Check: Show Effective Build" opens a summary of the builds', async () => {
		await vscode.window.showTextDocument(document);
		await vscode.commands.executeCommand('goShipcheck.showEffectiveBuild');
		const summary = vscode.workspace.textDocuments.find((d) => d.languageId === 'markdown' && d.getText().startsWith('# Effective build'));
		assert.ok(summary, 'no summary document');
		assert.match(summary.getText(), /- cgo: \*\*on\*\*: CGO_ENABLED is unset and gcc is present/);
		editor = await vscode.window.showTextDocument(document);
	});

	test('the "Set CGO_ENABLED=0" quick fix removes the finding; reverting brings it back', async () => {
		assert.ok(finding, 'the earlier test found the diagnostic');
		const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
			'vscode.executeCodeActionProvider', document.uri, finding.range, vscode.CodeActionKind.QuickFix.value, 10);
		const titles = actions.map((a) => a.title);
		const fix = actions.find((a): a is vscode.CodeAction => a.title.startsWith('Set CGO_ENABLED=0') && typeof a.command !== 'string');
		assert.ok(fix, `a quick fix titled "Set CGO_ENABLED=0…" is offered; got ${JSON.stringify(titles)}`);
		assert.ok(fix.edit, `"${fix.title}" carries a workspace edit`);
		if (fix.kind) assert.ok(vscode.CodeActionKind.QuickFix.contains(fix.kind), `"${fix.title}" is a quickfix`);

		const gone = waitForDiagnostics(document.uri, (ds) => !hasLibcMismatch(ds), `${RULE} to disappear after "${fix.title}"`);
		assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the edit applies');
		assert.ok(document.isDirty, 'the edit changed the document');
		await gone;
		assert.match(document.getText(), /CGO_ENABLED=0/);

		await vscode.window.showTextDocument(document);
		const back = waitForDiagnostics(document.uri, hasLibcMismatch, `${RULE} to come back after the revert`);
		await vscode.commands.executeCommand('workbench.action.files.revert');
		assert.ok(!document.isDirty, 'the document is reverted');
		await back;
	});

	test('"Go Ship Check: Restart Language Server" restarts the server and the finding is reported again', async () => {
		await waitForDiagnostics(document.uri, hasLibcMismatch, `${RULE} before the restart`);
		// Stopping the client clears its diagnostics; the new server's pull brings them back.
		const cleared = waitForDiagnostics(document.uri, (ds) => !ds.some((d) => d.source === SOURCE), 'the old server\'s diagnostics to be cleared');
		await vscode.commands.executeCommand('goShipcheck.restartServer');
		await cleared;
		await waitForDiagnostics(document.uri, hasLibcMismatch, `${RULE} from the restarted server`);
	});
});
