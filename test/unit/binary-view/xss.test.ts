// The inspector against a hostile binary (xss-fixture.ts: section names and build info carrying HTML and <script>):
// the extension's HTML holds no file data and one nonce'd script under a strict CSP; the webview's renderer
// (media/src/render.ts, run on fake-dom.ts) shows every attacker string, and only as text; and both sides' message
// validators reject malformed messages. The same check runs in the real VS Code (binary-inspector.test.ts).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { describeBinaryFile } from '../../../server/src/lsp/binary';
import type { DescribeBinaryResult, DescribedBinary } from '../../../server/src/protocol/binary';
import { fixtureBytes, fixturePath } from '../../binary/fixtures';
import { fakeDocument, FakeElement, FakeText, serialize, walk } from './fake-dom';
import { makeXssBinary, XSS } from './xss-fixture';

const root = path.resolve(__dirname, '../../..');
const load = async <T>(file: string): Promise<T> => (await import(pathToFileURL(path.join(root, file)).href)) as T;

// client/ and media/ are separate TypeScript projects (test/tsconfig.json does not include them): imported at run
// time, typed here by what the test uses.
interface Messages {
	isFromWebview: (x: unknown) => boolean;
	isToWebview: (x: unknown) => boolean;
	isWebviewState: (x: unknown) => boolean;
}
interface Html {
	renderHtml: (parts: { cspSource: string; scriptUri: string; styleUri: string; title: string; nonce?: string }) => string;
	makeNonce: () => string;
}
interface UiState {
	tab: string;
	sort: Record<string, { column: number; descending: boolean }>;
	depFilter: string;
}
interface Renderer {
	render(message: unknown, host: { ui: UiState; save(): void; copy(table: string, text: string): void; reload(): void }): { view: string; root: FakeElement; summary: FakeElement; rows: Record<string, number> };
}

const ATTACKER = Object.values(XSS);
const TAGS = new Set(['BUTTON', 'CAPTION', 'CODE', 'DD', 'DIV', 'DL', 'DT', 'H1', 'H2', 'H3', 'INPUT', 'LABEL', 'LI', 'P', 'SECTION', 'SPAN', 'STRONG', 'TABLE', 'TBODY', 'TD', 'TH', 'THEAD', 'TR', 'UL']);
const ATTRIBUTES = new Set(['class', 'id', 'role', 'type', 'tabindex', 'title', 'placeholder', 'aria-label', 'aria-selected', 'aria-controls', 'aria-labelledby', 'aria-sort', 'data-ok']);

describe('binary inspector: attacker-controlled strings stay text', () => {
	let dir: string;
	let hostile: string;
	let result: DescribeBinaryResult;
	let renderer: Renderer;
	const copied: { table: string; text: string }[] = [];

	before(async () => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipcheck-xss-'));
		hostile = path.join(dir, 'app');
		fs.writeFileSync(hostile, makeXssBinary(fixtureBytes('go126-linux-amd64-nocgo-s-w')));
		result = await describeBinaryFile(hostile);
		(globalThis as { document?: unknown }).document = fakeDocument;
		renderer = await load<Renderer>('media/src/render.ts');
	});
	after(() => {
		fs.rmSync(dir, { recursive: true, force: true });
		delete (globalThis as { document?: unknown }).document;
	});

	it('the generated binary really carries the attacker strings (section names, path, dep, settings)', () => {
		const b = result as DescribedBinary;
		assert.ok('sections' in b, JSON.stringify(result).slice(0, 300));
		const names = b.sections.map((s) => s.name);
		for (const s of [XSS.sectionImg, XSS.sectionScript, XSS.sectionQuote]) assert.ok(names.includes(s), `section ${s}`);
		assert.equal(b.go?.path, XSS.path);
		assert.equal(b.go?.deps[0]?.path, XSS.dep);
		assert.equal(b.go?.settings['-ldflags'], XSS.ldflags);
		assert.equal(b.go?.settings[XSS.settingKey], XSS.settingValue);
	});

	it('the extension\'s HTML: strict CSP, one nonce\'d script, the file name escaped', async () => {
		const { renderHtml, makeNonce } = await load<Html>('client/src/binary-view/html.ts');
		const html = renderHtml({ cspSource: 'https://x.vscode-cdn.net', scriptUri: 'https://x.vscode-cdn.net/media/out/binary-view.js', styleUri: 'https://x.vscode-cdn.net/media/binary-view.css', title: XSS.sectionScript });
		const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1]?.replace(/&#39;/g, "'");
		const nonce = /script-src 'nonce-([A-Za-z0-9+/=]+)'/.exec(csp ?? '')?.[1];
		assert.ok(nonce && nonce.length >= 22, 'a nonce of 128 bits');
		assert.equal(csp, `default-src 'none'; script-src 'nonce-${nonce}'; style-src https://x.vscode-cdn.net; img-src https://x.vscode-cdn.net; font-src https://x.vscode-cdn.net`);
		assert.doesNotMatch(html, /unsafe-inline|unsafe-eval/);
		assert.equal((html.match(/<script\b/g) ?? []).length, 1, 'exactly one script element');
		assert.ok(html.includes(`<script nonce="${nonce}" `), 'the script carries the CSP nonce');
		assert.match(html, /<script nonce="[^"]+" src="https:\/\/x\.vscode-cdn\.net\/media\/out\/binary-view\.js"><\/script>/);
		assert.doesNotMatch(html, /\sstyle=|\son[a-z]+=/i, 'no inline styles or handlers');
		for (const s of ATTACKER) assert.ok(!html.includes(s), `no raw ${s}`);
		assert.ok(html.includes('&lt;script&gt;alert(&quot;sec&quot;)&lt;/script&gt;'), 'the title is escaped');
		assert.notEqual(makeNonce(), makeNonce());
	});

	it('the webview renders every attacker string, only inside text nodes', () => {
		const host = { ui: { tab: 'summary', sort: {}, depFilter: '' }, save: () => undefined, copy: (table: string, text: string) => copied.push({ table, text }), reload: () => undefined };
		const view = renderer.render({ type: 'result', uri: pathToFileURL(hostile).href, file: XSS.sectionScript, result }, host);
		assert.equal(view.view, 'binary');
		const nodes = walk(view.root);
		const texts = nodes.filter((n): n is FakeText => n instanceof FakeText).map((n) => n.data);
		for (const s of ATTACKER) assert.ok(texts.some((t) => t.includes(s)), `rendered as text: ${s}`);
		for (const el of nodes.filter((n): n is FakeElement => n instanceof FakeElement)) {
			assert.ok(TAGS.has(el.tagName), `allowed element ${el.tagName}`);
			for (const [name, value] of el.attributes) {
				assert.ok(ATTRIBUTES.has(name), `allowed attribute ${name} on ${el.tagName}`);
				for (const s of ATTACKER) assert.ok(!value.includes(s), `${name}="${value}" carries no attacker text`);
			}
			assert.deepEqual(Object.keys(el.style).filter((k) => k !== 'width'), [], 'only bar widths, through the CSSOM');
		}
		const html = serialize(view.root);
		for (const s of ATTACKER) assert.ok(!html.includes(s), `serialized view has no raw ${s}`);
		assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
		assert.equal(view.rows.sections, 16);
		assert.equal(view.rows['go-deps'], 1);
	});

	it('copy-as-text hands the raw strings to the extension (the clipboard is text, not HTML)', () => {
		const host = { ui: { tab: 'sections', sort: {}, depFilter: '' }, save: () => undefined, copy: (table: string, text: string) => copied.push({ table, text }), reload: () => undefined };
		const view = renderer.render({ type: 'result', uri: 'file:///app', file: 'app', result }, host);
		const buttons = walk(view.root).filter((n): n is FakeElement => n instanceof FakeElement && n.tagName === 'BUTTON' && n.textContent === 'Copy as text');
		assert.ok(buttons.length >= 8, `a copy button per table (${buttons.length})`);
		for (const b of buttons) b.dispatch('click');
		const sections = copied.find((c) => c.table === 'sections');
		assert.ok(sections?.text.includes(XSS.sectionImg));
		assert.match(sections?.text ?? '', /^16 section headers\nNr +Name +Type +Address +Offset +Size +Flags\n/);
	});

	it('the webview drops malformed messages from the extension', async () => {
		const { isToWebview } = await load<Messages>('media/src/validate.ts');
		const uri = 'file:///app';
		assert.ok(isToWebview({ type: 'result', uri, file: 'app', result }));
		assert.ok(isToWebview({ type: 'loading', uri, file: 'app' }));
		assert.ok(isToWebview({ type: 'result', uri, file: 'app', result: { notExecutable: true, reason: 'x' } }));
		assert.ok(isToWebview({ type: 'result', uri, file: 'app', result: { error: { message: 'bad', offset: 12 } } }));
		const b = result as DescribedBinary;
		for (const bad of [
			null, 'result', [], { type: 'result', uri, file: 'app' }, { type: 'html', uri, file: 'app', html: '<b>' }, { type: 'loading', file: 'app' },
			{ type: 'result', uri, file: 'app', result: { ...b, sections: 'x' } },
			{ type: 'result', uri, file: 'app', result: { ...b, sections: [{ ...b.sections[1], name: 7 }] } },
			{ type: 'result', uri, file: 'app', result: { ...b, runsOn: [{ image: 'a', ok: 'yes', why: '' }] } },
			{ type: 'result', uri, file: 'app', result: { ...b, go: { ...b.go, deps: [{ path: {} }] } } },
			{ type: 'result', uri, file: 'app', result: { ...b, details: { ...b.details, notes: null } } },
			{ type: 'result', uri, file: 'app', result: { error: { message: 3 } } },
			{ type: 'failed', uri, file: 'app' },
		]) assert.equal(isToWebview(bad), false, JSON.stringify(bad)?.slice(0, 120));
	});

	it('the extension drops malformed messages from the webview, and restores only well-formed state', async () => {
		const { isFromWebview, isWebviewState } = await load<Messages>('client/src/binary-view/messages.ts');
		const rendered = { type: 'rendered', uri: 'file:///app', view: 'binary', summary: 's', tab: 'summary', rows: { sections: 3 }, cspViolations: [], injected: [], stylesheet: true };
		for (const good of [{ type: 'ready' }, { type: 'reload' }, { type: 'copy', table: 'sections', text: 'x' }, rendered]) assert.ok(isFromWebview(good), JSON.stringify(good));
		for (const bad of [
			null, undefined, 42, 'ready', [], {}, { type: 'ready', extra: 1 }, { type: 'eval', code: 'x' },
			{ type: 'copy', table: 'nope', text: 'x' }, { type: 'copy', table: 'sections', text: 5 }, { type: 'copy', table: 'sections', text: 'x'.repeat(8 * 1024 * 1024 + 1) },
			{ ...rendered, view: 'other' }, { ...rendered, tab: 'html' }, { ...rendered, rows: { nope: 1 } }, { ...rendered, rows: { sections: 1.5 } }, { ...rendered, cspViolations: [1] }, { ...rendered, summary: undefined }, { ...rendered, stylesheet: 'yes' },
		]) assert.equal(isFromWebview(bad), false, JSON.stringify(bad)?.slice(0, 120));
		const state = { version: 1, uri: 'file:///app', tab: 'go', sort: { sections: { column: 5, descending: true } }, depFilter: 'x' };
		assert.ok(isWebviewState(state));
		for (const bad of [{ ...state, version: 2 }, { ...state, uri: 'javascript:alert(1)' }, { ...state, uri: 'https://example.com/app' }, { ...state, tab: 'x' }, { ...state, sort: { sections: { column: '1', descending: true } } }, { ...state, sort: { other: { column: 1, descending: true } } }, null]) {
			assert.equal(isWebviewState(bad), false, JSON.stringify(bad));
		}
	});

	it('media/src never uses an HTML-parsing sink', () => {
		for (const file of fs.readdirSync(path.join(root, 'media/src'))) {
			const code = fs.readFileSync(path.join(root, 'media/src', file), 'utf8').replace(/^\s*\/\/.*$/gm, '');
			assert.doesNotMatch(code, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|\.srcdoc|new Function|\beval\(|setAttribute\(\s*['"](style|on)/, file);
		}
	});

	it('a sanity check of the fixture helper: the unpatched fixture has none of the strings', () => {
		const plain = fs.readFileSync(fixturePath('go126-linux-amd64-nocgo-s-w'), 'latin1');
		for (const s of ATTACKER) assert.ok(!plain.includes(s));
	});
});
