// The webview's renderer on a real describeBinary result, run on fake-dom.ts: keyboard tabs (arrows, Home, End,
// roving tabindex), sortable headers that are buttons, the dependency filter, and the state it asks to save.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { describeBinaryFile } from '../../../server/src/lsp/binary';
import type { DescribeBinaryResult } from '../../../server/src/protocol/binary';
import { fixturePath } from '../../binary/fixtures';
import { fakeDocument, FakeElement, walk } from './fake-dom';

interface UiState {
	tab: string;
	sort: Record<string, { column: number; descending: boolean } | undefined>;
	depFilter: string;
}
interface Renderer {
	render: (message: unknown, host: { ui: UiState; save(): void; copy(table: string, text: string): void; reload(): void }) => { view: string; root: FakeElement; summary: FakeElement; rows: Record<string, number> };
}

/** The i-th item, asserted present (no non-null assertions). */
function nth<T>(items: readonly T[], i: number): T {
	const item = items[i];
	assert.ok(item !== undefined, `item ${i} of ${items.length}`);
	return item;
}
const elements = (root: FakeElement): FakeElement[] => walk(root).filter((n): n is FakeElement => n instanceof FakeElement);
const byRole = (root: FakeElement, role: string): FakeElement[] => elements(root).filter((e) => e.getAttribute('role') === role);

describe('binary inspector renderer: keyboard, sorting, filtering, state', () => {
	let renderer: Renderer;
	let result: DescribeBinaryResult;
	let saves = 0;
	const ui: UiState = { tab: 'summary', sort: {}, depFilter: '' };
	const host = { ui, save: () => void saves++, copy: () => undefined, reload: () => undefined };

	before(async () => {
		(globalThis as { document?: unknown }).document = fakeDocument;
		renderer = (await import(pathToFileURL(path.resolve(__dirname, '../../../media/src/render.ts')).href)) as Renderer;
		result = await describeBinaryFile(fixturePath('go126-linux-amd64-cgo-net'));
	});
	after(() => delete (globalThis as { document?: unknown }).document);

	it('tabs: one tab stop, arrows/Home/End move focus and selection, panels follow, the choice is saved', () => {
		const view = renderer.render({ type: 'result', uri: 'file:///app', file: 'app', result }, host);
		const tabs = byRole(view.root, 'tab');
		const panels = byRole(view.root, 'tabpanel');
		assert.deepEqual(tabs.map((t) => t.textContent), ['Summary', 'Sections', 'Segments', 'Dynamic', 'Version needs', 'Notes', 'Go build info', 'Symbols and DWARF']);
		assert.deepEqual(tabs.map((t) => t.getAttribute('tabindex')), ['0', '-1', '-1', '-1', '-1', '-1', '-1', '-1']);
		assert.deepEqual(panels.map((p) => p.hidden), [false, true, true, true, true, true, true, true]);
		nth(tabs, 0).dispatch('keydown', { key: 'ArrowRight' });
		assert.equal(nth(tabs, 1).getAttribute('aria-selected'), 'true');
		assert.ok(nth(tabs, 1).focused);
		assert.equal(nth(panels, 1).hidden, false);
		assert.equal(ui.tab, 'sections');
		nth(tabs, 1).dispatch('keydown', { key: 'End' });
		assert.equal(ui.tab, 'symbols');
		nth(tabs, 7).dispatch('keydown', { key: 'ArrowRight' });
		assert.equal(ui.tab, 'summary', 'wraps around');
		nth(tabs, 0).dispatch('keydown', { key: 'ArrowLeft' });
		assert.equal(ui.tab, 'symbols');
		nth(tabs, 7).dispatch('keydown', { key: 'Home' });
		assert.equal(ui.tab, 'summary');
		assert.ok(saves >= 5);
		for (const p of panels) assert.equal(p.getAttribute('aria-labelledby'), `tab-${p.getAttribute('id')!.slice('panel-'.length)}`);
	});

	it('sortable headers are focusable buttons with aria-sort; clicking sorts and flips', () => {
		ui.tab = 'sections';
		const view = renderer.render({ type: 'result', uri: 'file:///app', file: 'app', result }, host);
		const sectionsTable = (root: FakeElement): FakeElement => nth(elements(root).filter((e) => e.tagName === 'TABLE' && e.textContent.startsWith('39 section headers')), 0);
		const table = sectionsTable(view.root);
		const size = (t = table): FakeElement => nth(elements(t).filter((e) => e.tagName === 'TH'), 5);
		const sizes = (): string[] => nth(elements(table).filter((e) => e.tagName === 'TBODY'), 0).children.map((tr) => nth(tr.children, 5).textContent);
		assert.equal(size().getAttribute('aria-sort'), 'none');
		nth(size().children, 0).dispatch('click');
		assert.equal(size().getAttribute('aria-sort'), 'ascending');
		assert.deepEqual(ui.sort.sections, { column: 5, descending: false });
		const ascending = sizes();
		assert.equal(ascending[0], '0x0 (0 B)');
		nth(size().children, 0).dispatch('click');
		assert.equal(size().getAttribute('aria-sort'), 'descending');
		assert.equal(sizes()[0], ascending[ascending.length - 1]);
		assert.ok(nth(size().children, 0).focused, 'focus stays on the header');
		// A new render (the webview rebuilt after hide/show) keeps the saved sort.
		const again = renderer.render({ type: 'result', uri: 'file:///app', file: 'app', result }, host);
		assert.equal(size(sectionsTable(again.root)).getAttribute('aria-sort'), 'descending');
	});

	it('the dependency filter narrows the table and is saved', async () => {
		const withDeps = await describeBinaryFile(fixturePath('go126-linux-amd64-sqlite'));
		const view = renderer.render({ type: 'result', uri: 'file:///app', file: 'app', result: withDeps }, host);
		const input = nth(elements(view.root).filter((e) => e.tagName === 'INPUT'), 0);
		const before = view.rows['go-deps'] ?? 0;
		assert.ok(before >= 1, `sqlite fixture has dependencies (${before})`);
		input.value = 'no-such-module';
		input.dispatch('input');
		assert.equal(ui.depFilter, 'no-such-module');
		assert.equal(view.rows['go-deps'], 0);
		input.value = '';
		input.dispatch('input');
		assert.equal(view.rows['go-deps'], before);
	});
});
