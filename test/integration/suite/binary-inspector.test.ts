import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import * as vscode from 'vscode';
import { makeXssBinary, XSS } from '../../unit/binary-view/xss-fixture';
import { screenshot, workspaceRoot } from './helpers';

const INSPECT = 'goShipcheck.inspectBinary';
const VIEW_TYPE = 'goShipcheck.binaryInspector';
/** Test hook (client/src/binary-view/register.ts): the `rendered` reports the webview posted, oldest first. */
const RENDERED = 'goShipcheck.test.binaryInspectorRendered';
const DEADLINE_MS = 30_000;

interface Rendered {
	readonly uri: string;
	readonly view: string;
	readonly summary: string;
	readonly tab: string;
	readonly rows: Record<string, number>;
	readonly cspViolations: readonly string[];
	readonly injected: readonly string[];
	readonly stylesheet: boolean;
}

/** Decodes a committed fixture (<name>.br.base64: brotli + base64, test/binary/fixtures/README.md). */
function fixture(name: string): Uint8Array {
	const root = process.env.SHIPCHECK_E2E_REPO_ROOT;
	assert.ok(root, 'run-tests.ts passes SHIPCHECK_E2E_REPO_ROOT');
	const text = fs.readFileSync(path.join(root, 'test/binary/fixtures', `${name}.br.base64`), 'utf8');
	return zlib.brotliDecompressSync(Buffer.from(text, 'base64'));
}

function writeWorkspaceFile(relative: string, bytes: Uint8Array): vscode.Uri {
	const file = path.join(workspaceRoot(), relative);
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, bytes, { mode: 0o755 });
	return vscode.Uri.file(file);
}

async function reports(): Promise<readonly Rendered[]> {
	return (await vscode.commands.executeCommand<readonly Rendered[]>(RENDERED)) ?? [];
}

/** Reports about `uri` other than the loading view, oldest first. */
async function finished(uri: vscode.Uri): Promise<Rendered[]> {
	return (await reports()).filter((r) => r.uri === uri.toString() && r.view !== 'loading');
}

/** The newest report about `uri`, whatever its view (to check that nothing replaced a rendered result). */
async function latest(uri: vscode.Uri): Promise<Rendered | undefined> {
	return (await reports()).filter((r) => r.uri === uri.toString()).at(-1);
}

/** Waits (polling the hook, no sleeps as a guess) for the `after`-th+1 finished report about `uri`. */
async function rendered(uri: vscode.Uri, after = 0): Promise<Rendered> {
	const deadline = Date.now() + DEADLINE_MS;
	for (;;) {
		const mine = await finished(uri);
		if (mine.length > after) return mine[mine.length - 1];
		if (Date.now() > deadline) assert.fail(`no rendered report for ${uri.fsPath} within ${DEADLINE_MS} ms (reports: ${JSON.stringify(await reports()).slice(0, 500)})`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

function assertClean(r: Rendered): void {
	assert.deepEqual(r.cspViolations, [], 'no Content-Security-Policy violation in the webview');
	assert.deepEqual(r.injected, [], 'no element or attribute that only injected markup could create');
	assert.equal(r.stylesheet, true, 'media/binary-view.css applied (allowed by the CSP and localResourceRoots)');
}

suite('Go Ship Check: the Go Binary Inspector in a real VS Code', () => {
	let cgo: vscode.Uri;

	suiteSetup(async () => {
		cgo = writeWorkspaceFile('bin/app', fixture('go126-linux-amd64-cgo-net'));
		await vscode.extensions.getExtension('go-shipcheck.go-shipcheck')?.activate();
	});

	teardown(async () => {
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
	});

	test('the command inspects a cgo binary: the webview renders the verdict (screenshot)', async () => {
		const before = (await finished(cgo)).length;
		await vscode.commands.executeCommand(INSPECT, cgo);
		const r = await rendered(cgo, before);
		assert.equal(r.view, 'binary');
		assert.match(r.summary, /^Dynamically linked against glibc, needs GLIBC_2\.34/);
		assert.match(r.summary, /runs on 8 · fails on 11 of 19 runtime images/);
		assert.match(r.summary, /glibc floor GLIBC_2\.34 set by pthread_attr_getstack, pthread_attr_getstacksize, pthread_create/);
		assert.match(r.summary, /Interpreter \/lib64\/ld-linux-x86-64\.so\.2/);
		assert.match(r.summary, /Go go1\.26\.8, example\.com\/cgonet/);
		assert.equal(r.rows['runs-on'], 19);
		assert.equal(r.rows.sections, 39);
		assert.ok((r.rows['version-needs'] ?? 0) >= 4, 'GLIBC_2.34, 2.32, 2.3.2, 2.2.5');
		assertClean(r);
		const shot = await screenshot('binary-inspector', ['iframe.webview.ready']);
		if (shot) console.log(`screenshot ${shot.file}`);
		assert.equal((await latest(cgo))?.view, 'binary', 'the page still shows the result when the screenshot was taken');
	});

	test('state survives hide and show: the rebuilt webview renders the same result again', async () => {
		const before = (await finished(cgo)).length;
		await vscode.commands.executeCommand(INSPECT, cgo);
		const first = await rendered(cgo, before);
		const count = before + 1;
		// Another editor in the same group hides the panel; without retainContextWhenHidden its page is destroyed.
		const doc = await vscode.workspace.openTextDocument({ content: 'hide the inspector', language: 'plaintext' });
		await vscode.window.showTextDocument(doc, { preview: false, viewColumn: vscode.ViewColumn.Active });
		await vscode.commands.executeCommand('workbench.action.previousEditor');
		const again = await rendered(cgo, count);
		assert.equal(again.view, 'binary');
		assert.equal(again.summary, first.summary);
		assertClean(again);
	});

	test('hostile section names, file name and build settings are shown as text only (screenshot)', async () => {
		const hostile = writeWorkspaceFile(`bin/${XSS.sectionImg.replace(/\//g, '_')}`, makeXssBinary(fixture('go126-linux-amd64-nocgo-s-w')));
		await vscode.commands.executeCommand(INSPECT, hostile, { tab: 'sections' });
		const r = await rendered(hostile);
		assert.equal(r.view, 'binary');
		assert.equal(r.tab, 'sections', 'opened on the Sections tab (renamed sections and the size chart)');
		assert.match(r.summary, /Statically linked: needs no loader and no libc/);
		assert.ok(r.summary.includes(`Go go1.26.8, ${XSS.path}`), `the module path is rendered as text: ${r.summary}`);
		assert.equal(r.rows.sections, 16);
		assert.equal(r.rows['go-deps'], 1);
		assertClean(r);
		await screenshot('binary-inspector-xss-sections', ['iframe.webview.ready']);
		assert.equal((await latest(hostile))?.view, 'binary');
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
		const shown = (await finished(hostile)).length;
		await vscode.commands.executeCommand(INSPECT, hostile, { tab: 'go' });
		const go = await rendered(hostile, shown);
		assert.equal(go.tab, 'go');
		assertClean(go);
		await screenshot('binary-inspector-xss-go', ['iframe.webview.ready']);
	});

	test('"Open With… Go Binary Inspector": a binary, and a friendly view for a file that is not an executable', async () => {
		await vscode.commands.executeCommand('vscode.openWith', cgo, VIEW_TYPE);
		const binary = await rendered(cgo, (await finished(cgo)).length);
		assert.equal(binary.view, 'binary');
		const text = writeWorkspaceFile('notes/readme.txt', Buffer.from('not a binary\n'));
		await vscode.commands.executeCommand('vscode.openWith', text, VIEW_TYPE);
		const r = await rendered(text);
		assert.equal(r.view, 'not-executable');
		assert.match(r.summary, /readme\.txt is not an executable/);
		assertClean(r);
		await screenshot('binary-inspector-not-executable', ['iframe.webview.ready']);
	});

	test('a truncated binary: the view names the offset of the problem', async () => {
		const broken = writeWorkspaceFile('bin/truncated', fixture('go126-linux-amd64-nocgo').subarray(0, 4096));
		await vscode.commands.executeCommand(INSPECT, broken);
		const r = await rendered(broken);
		assert.equal(r.view, 'error');
		assert.match(r.summary, /truncated is not a well-formed executable .* in record at byte 0x[0-9a-f]+ Problem at file offset 0x[0-9a-f]+/);
		assertClean(r);
	});
});
