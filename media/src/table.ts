// A readelf-style table: sortable by any column (headers are buttons, so they take focus and answer Enter/Space),
// with a "Copy as text" button that hands the table, as sorted on screen, to the extension.
import type { TableId } from '../../client/src/binary-view/messages';
import { append, h, replaceChildren, type Child } from './dom';

export interface Column<R> {
	readonly title: string;
	/** The cell's sort key and copied text. */
	readonly value: (row: R) => string | number;
	/** What the cell shows; default: the value as text. */
	readonly render?: (row: R) => Child;
	readonly numeric?: boolean;
}

export interface SortState {
	readonly column: number;
	readonly descending: boolean;
}

export interface TableHost {
	sortOf(id: TableId): SortState | undefined;
	setSort(id: TableId, sort: SortState): void;
	copy(id: TableId, text: string): void;
}

/** Plain-text rendering of rows: columns padded to their widest cell, like readelf's output. */
export function tableText<R>(columns: readonly Column<R>[], rows: readonly R[]): string {
	const cells = [columns.map((c) => c.title), ...rows.map((r) => columns.map((c) => String(c.value(r))))];
	const widths = columns.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
	return `${cells.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  ').trimEnd()).join('\n')}\n`;
}

function sorted<R>(columns: readonly Column<R>[], rows: readonly R[], sort: SortState | undefined): R[] {
	const out = [...rows];
	const column = sort ? columns[sort.column] : undefined;
	if (!sort || !column) return out;
	const dir = sort.descending ? -1 : 1;
	return out.sort((a, b) => {
		const x = column.value(a);
		const y = column.value(b);
		return dir * (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), undefined, { numeric: true }));
	});
}

/** Builds the table section: caption, copy button, sortable headers and rows. `count` reports rows shown. */
export function dataTable<R>(host: TableHost, id: TableId, caption: string, columns: readonly Column<R>[], rows: readonly R[], count: (id: TableId, n: number) => void): HTMLElement {
	const table = h('table', { class: 'data' });
	const body = h('tbody');
	const headerRow = h('tr');
	let shown: R[] = [];
	const draw = (): void => {
		const sort = host.sortOf(id);
		shown = sorted(columns, rows, sort);
		replaceChildren(headerRow, ...columns.map((c, i) => header(c, i, sort)));
		replaceChildren(body, ...shown.map((r) => h('tr', {}, ...columns.map((c) => h('td', { class: c.numeric ? 'num' : '' }, c.render ? c.render(r) : String(c.value(r)))))));
		count(id, shown.length);
	};
	const header = (c: Column<R>, i: number, sort: SortState | undefined): HTMLElement => {
		const state = sort?.column === i ? (sort.descending ? 'descending' : 'ascending') : 'none';
		const button = h('button', { type: 'button', class: 'sort', title: `Sort by ${c.title}` }, c.title, h('span', { class: `arrow ${state}` }));
		button.addEventListener('click', () => {
			host.setSort(id, { column: i, descending: sort?.column === i ? !sort.descending : false });
			draw();
			(headerRow.children[i]?.firstChild as HTMLElement | null)?.focus();
		});
		return h('th', { 'aria-sort': state, class: c.numeric ? 'num' : '' }, button);
	};
	const copyButton = h('button', { type: 'button', class: 'copy' }, 'Copy as text');
	copyButton.addEventListener('click', () => host.copy(id, `${caption}\n${tableText(columns, shown)}`));
	append(table, h('caption', {}, caption), h('thead', {}, headerRow), body);
	draw();
	return h('section', { class: 'table-block' }, h('div', { class: 'toolbar' }, copyButton), h('div', { class: 'scroll' }, table));
}

