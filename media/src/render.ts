// Turns one message from the extension into the view: loading, a failed request, a malformed file, a file that is
// not an executable, or the tabs of a described binary. Pure DOM building through dom.ts; no messaging here, so
// the unit tests can run it on a small DOM.
import type { DescribedBinary, TabId, TableId, ToWebview } from '../../client/src/binary-view/messages';
import { h, type Child } from './dom';
import { tabs } from './tabs';
import type { SortState, TableHost } from './table';
import { dynamicPanel, goPanel, notesPanel, sectionsPanel, segmentsPanel, symbolsPanel, versionsPanel } from './view-details';
import { summaryPanel } from './view-summary';

/** What the view remembers across hide/show (kept with setState by the entry script). */
export interface UiState {
	tab: TabId;
	sort: Partial<Record<TableId, SortState>>;
	depFilter: string;
}

export interface RenderHost {
	readonly ui: UiState;
	/** Persist `ui` (setState). */
	save(): void;
	copy(table: TableId, text: string): void;
	reload(): void;
}

export interface Rendered {
	readonly view: 'loading' | 'binary' | 'not-executable' | 'error' | 'failed';
	readonly root: HTMLElement;
	/** The element whose text is the summary the `rendered` report carries. */
	readonly summary: HTMLElement;
	/** Rows rendered per table. */
	readonly rows: Partial<Record<TableId, number>>;
}

function notice(kind: string, title: string, ...body: Child[]): HTMLElement {
	return h('section', { class: `notice ${kind}`, id: 'verdict' }, h('h2', {}, title), ...body);
}

function retry(host: RenderHost): HTMLElement {
	const b = h('button', { type: 'button' }, 'Try again');
	b.addEventListener('click', () => host.reload());
	return b;
}

/** Builds the view for `message`. */
export function render(message: ToWebview, host: RenderHost): Rendered {
	const rows: Partial<Record<TableId, number>> = {};
	const done = (view: Rendered['view'], summary: HTMLElement, ...rest: Child[]): Rendered => ({ view, summary, rows, root: h('div', { class: `view ${view}` }, summary, ...rest) });
	if (message.type === 'loading') {
		const s = notice('loading', `Reading ${message.file}…`, h('p', {}, 'The language server reads the headers it needs; the file is never run.'));
		return done('loading', s);
	}
	if (message.type === 'failed') return done('failed', notice('failed', `Could not read ${message.file}`, h('p', {}, message.message), retry(host)));
	const result = message.result;
	if ('error' in result) {
		const at = result.error.offset !== undefined ? h('p', {}, 'Problem at file offset ', h('code', {}, `0x${result.error.offset.toString(16)}`), ` (${result.error.offset})`) : null;
		return done('error', notice('error', `${message.file} is not a well-formed executable`, h('p', {}, result.error.message), at, retry(host)));
	}
	if ('notExecutable' in result) {
		return done('not-executable', notice('not-executable', `${message.file} is not an executable`, h('p', {}, 'The Go Binary Inspector reads ELF (Linux), Mach-O (macOS) and PE (Windows) executables.'), h('p', {}, `The reader says: ${result.reason}.`)));
	}
	return binaryView(message.file, result, host, rows);
}

function binaryView(file: string, b: DescribedBinary, host: RenderHost, rows: Partial<Record<TableId, number>>): Rendered {
	const table: TableHost = {
		sortOf: (id) => host.ui.sort[id],
		setSort: (id, sort) => {
			host.ui.sort[id] = sort;
			host.save();
		},
		copy: (id, text) => host.copy(id, text),
	};
	const count = (id: TableId, n: number): void => {
		rows[id] = n;
	};
	const summary = summaryPanel(b, table, count);
	const view = tabs(
		[
			{ id: 'summary', label: 'Summary', panel: summary.panel },
			{ id: 'sections', label: 'Sections', panel: sectionsPanel(b, table, count) },
			{ id: 'segments', label: 'Segments', panel: segmentsPanel(b, table, count) },
			{ id: 'dynamic', label: 'Dynamic', panel: dynamicPanel(b, table, count) },
			{ id: 'versions', label: 'Version needs', panel: versionsPanel(b, table, count) },
			{ id: 'notes', label: 'Notes', panel: notesPanel(b, table, count) },
			{ id: 'go', label: 'Go build info', panel: goPanel(b, table, count, host.ui.depFilter, (f) => { host.ui.depFilter = f; host.save(); }) },
			{ id: 'symbols', label: 'Symbols and DWARF', panel: symbolsPanel(b, table, count) },
		],
		host.ui.tab,
		(id) => {
			host.ui.tab = id;
			host.save();
		},
	);
	const sub = `${b.format.toUpperCase()} ${b.machine} · ${b.go ? b.go.version : 'not Go'}`;
	const root = h('div', { class: 'view binary' }, h('h1', {}, file, h('span', { class: 'sub' }, sub)), view);
	return { view: 'binary', root, summary: summary.verdict, rows };
}
