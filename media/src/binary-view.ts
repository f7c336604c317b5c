// The Go Binary Inspector webview script (bundled to media/out/binary-view.js, loaded with the CSP nonce). It talks
// to the extension only through validated messages, keeps its UI state with setState/getState (the panel is not
// retained when hidden: it is rebuilt from the state and the extension's replayed result), and reports what it
// rendered, with any CSP violation it saw, so the integration test can check the real page.
import type { FromWebview, RenderedReport, TabId, TableId, ToWebview, WebviewState } from '../../client/src/binary-view/messages';
import { replaceChildren } from './dom';
import { render, type UiState } from './render';
import { isToWebview } from './validate';

interface VsCodeApi {
	postMessage(message: FromWebview): void;
	getState(): unknown;
	setState(state: WebviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const app = document.getElementById('app');
const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective}: ${e.blockedURI || 'inline'}`));

const TABS: readonly TabId[] = ['summary', 'sections', 'segments', 'dynamic', 'versions', 'notes', 'go', 'symbols'];

function restore(): { uri: string; ui: UiState } {
	const s = vscode.getState() as Partial<WebviewState> | undefined;
	const tab = s && TABS.includes(s.tab as TabId) ? (s.tab as TabId) : 'summary';
	const sort = s && typeof s.sort === 'object' && s.sort !== null ? { ...s.sort } : {};
	return { uri: typeof s?.uri === 'string' ? s.uri : '', ui: { tab, sort, depFilter: typeof s?.depFilter === 'string' ? s.depFilter : '' } };
}

const restored = restore();
let uri = restored.uri;
const ui: UiState = restored.ui;

function save(): void {
	if (uri) vscode.setState({ version: 1, uri, tab: ui.tab, sort: ui.sort, depFilter: ui.depFilter });
}

/**
 * Elements or attributes inside the view that only injected markup could have produced; the view creates none.
 * (The page around #app holds VS Code's own injected style and script, and our nonce'd script.)
 */
function injectedMarkup(): string[] {
	const found: string[] = [];
	for (const el of Array.from(document.querySelectorAll('#app :is(script, iframe, object, embed, img, style, link, meta, base, form, svg, math, frame, video, audio)'))) {
		found.push(el.tagName.toLowerCase());
	}
	for (const el of Array.from(document.querySelectorAll('#app *'))) {
		for (const a of Array.from(el.attributes)) if (/^on/i.test(a.name) || (a.name === 'style' && !el.classList.contains('fill'))) found.push(`${el.tagName.toLowerCase()}[${a.name}]`);
	}
	const scripts = Array.from(document.scripts).filter((s) => s.src.endsWith('/media/out/binary-view.js'));
	if (scripts.length !== 1) found.push(`${scripts.length} copies of the view script`);
	return found;
}

/** media/binary-view.css sets this marker; a stylesheet blocked by CSP or localResourceRoots leaves it empty. */
function stylesheetApplied(): boolean {
	return getComputedStyle(document.documentElement).getPropertyValue('--shipcheck-stylesheet').trim() === 'loaded';
}

/** Resolves once the stylesheet loaded or failed (or after 3 s), so the report says whether it applied. */
const stylesheetSettled = new Promise<void>((resolve) => {
	const link = document.querySelector('link[rel="stylesheet"]');
	if (!link || stylesheetApplied()) return resolve();
	link.addEventListener('load', () => resolve());
	link.addEventListener('error', () => resolve());
	setTimeout(resolve, 3000);
});

/** The text of a rendered block, one space between its headings, paragraphs and definition terms/values. */
function blockText(el: Element): string {
	return Array.from(el.querySelectorAll('h2, p, dt, dd'), (e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim()).filter(Boolean).join(' ');
}

function show(message: ToWebview): void {
	if (!app) return;
	uri = message.uri;
	if (message.type === 'result' && message.tab) ui.tab = message.tab;
	save();
	const view = render(message, { ui, save, copy: (table: TableId, text: string) => vscode.postMessage({ type: 'copy', table, text }), reload: () => vscode.postMessage({ type: 'reload' }) });
	replaceChildren(app, view.root);
	const kind = view.view;
	// Report after the stylesheet settled and the browser painted, so CSP violations of this render were dispatched.
	void stylesheetSettled.then(() => requestAnimationFrame(() =>
		setTimeout(() => {
			const report: RenderedReport = { type: 'rendered', uri, view: kind, summary: blockText(view.summary), tab: ui.tab, rows: view.rows, cspViolations: [...violations], injected: injectedMarkup(), stylesheet: stylesheetApplied() };
			vscode.postMessage(report);
		}, 0),
	));
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
	if (!isToWebview(event.data)) {
		console.warn('go-shipcheck: dropped a malformed message', event.data);
		return;
	}
	show(event.data);
});

vscode.postMessage({ type: 'ready' });
