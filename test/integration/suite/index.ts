// Loaded by the VS Code extension host through --extensionTestsPath (the @vscode/test-electron contract): runs
// every *.test.js beside this file with mocha and closes with the line `N passed, N failed` (', N skipped' when
// some are pending), which CI reads. E2E_GREP narrows the run to matching test titles.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export async function run(): Promise<void> {
	// Tell the harness (vscode-web-shim.ts) to forward the workbench log, where mocha's output arrives, from now on.
	if (process.env.E2E_HARNESS_PORT) await fetch(`http://127.0.0.1:${process.env.E2E_HARNESS_PORT}/begin`).catch(() => undefined);
	const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec', ...(process.env.E2E_GREP ? { grep: process.env.E2E_GREP } : {}) });
	for (const file of fs.readdirSync(__dirname).sort()) {
		if (file.endsWith('.test.js')) mocha.addFile(path.join(__dirname, file));
	}
	return new Promise((resolve, reject) => {
		const runner = mocha.run((failures) => {
			const passes = runner.stats?.passes ?? 0;
			const pending = runner.stats?.pending ?? 0;
			const line = `${passes} passed, ${failures} failed${pending > 0 ? `, ${pending} skipped` : ''}`;
			console.log(line);
			if (process.env.E2E_RESULT_FILE) fs.writeFileSync(process.env.E2E_RESULT_FILE, JSON.stringify({ passes, failures, pending, line }));
			if (failures > 0) reject(new Error(`${failures} tests failed.`));
			else if (passes === 0) reject(new Error('no test ran'));
			else resolve();
		});
	});
}
