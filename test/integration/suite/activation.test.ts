import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, mode, shipcheckExtension, workspaceRoot } from './helpers';

suite('Go Ship Check: the extension in a real VS Code', () => {
	test('runs inside VS Code 1.100 with the expected copy of the extension', () => {
		console.log(`vscode ${vscode.version} (${vscode.env.appName}, uiKind ${vscode.env.uiKind}, remote ${vscode.env.remoteName ?? 'none'}), node ${process.version}, mode ${mode()}`);
		assert.match(vscode.version, /^1\.\d+\./);
		const ext = shipcheckExtension();
		const repoRoot = process.env.SHIPCHECK_E2E_REPO_ROOT;
		assert.ok(repoRoot, 'run-tests.ts passes SHIPCHECK_E2E_REPO_ROOT');
		if (mode() === 'development') {
			assert.equal(path.resolve(ext.extensionPath), path.resolve(repoRoot), 'the development copy (extensionDevelopmentPath) is loaded');
		} else {
			const installedIn = process.env.SHIPCHECK_E2E_EXTENSIONS_DIR;
			assert.ok(installedIn, 'run-tests.ts passes SHIPCHECK_E2E_EXTENSIONS_DIR');
			assert.ok(path.resolve(ext.extensionPath).startsWith(path.resolve(installedIn) + path.sep), `${ext.extensionPath} is inside ${installedIn}`);
			// What the .vsix shipped: bundles and wasm, no sources.
			for (const shipped of ['client/out/extension.js', 'server/out/server.js', 'server/out/cli.js', 'package.json']) {
				assert.ok(fs.existsSync(path.join(ext.extensionPath, shipped)), `${shipped} is installed`);
			}
			assert.ok(!fs.existsSync(path.join(ext.extensionPath, 'client/src')), 'client sources are not shipped');
			assert.ok(!fs.existsSync(path.join(ext.extensionPath, 'node_modules')), 'node_modules is not shipped');
		}
	});

	test('go.mod gets the contributed language and activates the extension', async () => {
		const doc = await vscode.workspace.openTextDocument(path.join(workspaceRoot(), 'go.mod'));
		assert.equal(doc.languageId, 'go.mod');
		await vscode.window.showTextDocument(doc);
		const ext = shipcheckExtension();
		await ext.activate(); // the same promise as the onLanguage:go.mod activation already under way
		assert.ok(ext.isActive, `${EXTENSION_ID} is active`);
	});

	test('contributes working commands', async () => {
		const commands = await vscode.commands.getCommands(true);
		for (const id of ['goShipcheck.showOutput', 'goShipcheck.restartServer']) assert.ok(commands.includes(id), `${id} is registered`);
		await vscode.commands.executeCommand('goShipcheck.showOutput');
	});
});
