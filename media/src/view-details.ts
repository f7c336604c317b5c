// The detail tabs: Sections (readelf -S, plus a bar chart of section sizes), Segments (-l), Dynamic (-d), Version
// needs (-V, each GLIBC_x.y with the symbols that need it), Notes (-n), Go build info (settings and a filterable
// dependency table) and Symbols/DWARF (which tables exist and how big they are).
import type { DescribedBinary, GoModuleContract } from '../../client/src/binary-view/messages';
import { bytes, h, replaceChildren } from './dom';
import { dataTable, type TableHost } from './table';
import type { Count } from './view-summary';

type Section = DescribedBinary['sections'][number];
type Segment = DescribedBinary['segments'][number];
type Details = DescribedBinary['details'];

const hexSize = (n: number): string => `0x${n.toString(16)}`;

/** Section sizes as horizontal bars; widths go through the CSSOM (allowed by a style-src without 'unsafe-inline'). */
function sizeChart(sections: readonly Section[]): HTMLElement {
	const sized = sections.filter((s) => s.size > 0 && s.type !== 'NOBITS').sort((a, b) => b.size - a.size);
	const top = sized.slice(0, 12);
	const rest = sized.slice(12).reduce((n, s) => n + s.size, 0);
	const max = Math.max(1, ...top.map((s) => s.size), rest);
	const rows = [...top.map((s) => ({ name: s.name, size: s.size })), ...(rest > 0 ? [{ name: `${sized.length - top.length} more`, size: rest }] : [])];
	return h(
		'section',
		{ class: 'chart', 'aria-label': 'Section sizes in the file' },
		h('h3', {}, 'Section sizes in the file'),
		h('ul', { class: 'bars' }, ...rows.map((r) => {
			const fill = h('span', { class: 'fill' });
			fill.style.width = `${Math.max(0.5, (100 * r.size) / max).toFixed(2)}%`;
			return h('li', {}, h('span', { class: 'label' }, r.name), h('span', { class: 'bar' }, fill), h('span', { class: 'size' }, bytes(r.size)));
		})),
	);
}

export function sectionsPanel(b: DescribedBinary, host: TableHost, count: Count): HTMLElement {
	return h('div', {}, sizeChart(b.sections), dataTable<Section & { index: number }>(host, 'sections', `${b.sections.length} section headers`, [
		{ title: 'Nr', value: (s) => s.index, numeric: true },
		{ title: 'Name', value: (s) => s.name, render: (s) => (s.name ? h('code', {}, s.name) : '') },
		{ title: 'Type', value: (s) => s.type },
		{ title: 'Address', value: (s) => s.address, render: (s) => h('code', {}, s.address) },
		{ title: 'Offset', value: (s) => s.offset, render: (s) => hexSize(s.offset), numeric: true },
		{ title: 'Size', value: (s) => s.size, render: (s) => `${hexSize(s.size)} (${bytes(s.size)})`, numeric: true },
		{ title: 'Flags', value: (s) => s.flags },
	], b.sections.map((s, index) => ({ ...s, index })), count));
}

export function segmentsPanel(b: DescribedBinary, host: TableHost, count: Count): HTMLElement {
	if (b.segments.length === 0) return h('p', {}, `A ${b.format.toUpperCase()} file has no program headers.`);
	return dataTable<Segment>(host, 'segments', `${b.segments.length} program headers`, [
		{ title: 'Type', value: (p) => p.type },
		...(b.format === 'macho' ? [{ title: 'Name', value: (p: Segment) => p.name }] : []),
		{ title: 'Offset', value: (p) => p.offset, render: (p) => hexSize(p.offset), numeric: true },
		{ title: 'VirtAddr', value: (p) => p.address, render: (p) => h('code', {}, p.address) },
		{ title: 'FileSiz', value: (p) => p.fileSize, render: (p) => hexSize(p.fileSize), numeric: true },
		{ title: 'MemSiz', value: (p) => p.memSize, render: (p) => hexSize(p.memSize), numeric: true },
		{ title: 'Flg', value: (p) => p.flags },
		{ title: 'Align', value: (p) => p.align, render: (p) => hexSize(p.align), numeric: true },
	], b.segments, count);
}

export function dynamicPanel(b: DescribedBinary, host: TableHost, count: Count): HTMLElement {
	const rows = b.details.dynamic;
	if (rows.length === 0) return h('p', {}, b.format === 'elf' ? 'There is no dynamic section in this file: nothing is loaded at start.' : `Imports: ${b.needed.join(', ') || 'none'}`);
	return dataTable<Details['dynamic'][number]>(host, 'dynamic', `Dynamic section: ${rows.length} entries`, [
		{ title: 'Tag', value: (e) => e.tag, render: (e) => h('code', {}, e.tag) },
		{ title: 'Type', value: (e) => e.type },
		{ title: 'Name/Value', value: (e) => e.value },
	], rows, count);
}

export function versionsPanel(b: DescribedBinary, host: TableHost, count: Count): HTMLElement {
	const rows = b.details.versionSymbols;
	if (rows.length === 0) return h('p', {}, 'No version needs: the binary asks for no GLIBC_x.y symbol versions.');
	const floor = b.glibcMin ? `GLIBC_${b.glibcMin}` : undefined;
	return dataTable<Details['versionSymbols'][number]>(host, 'version-needs', 'Version needs and the symbols that require them', [
		{ title: 'File', value: (v) => v.file },
		{ title: 'Version', value: (v) => v.version, render: (v) => h(v.version === floor ? 'strong' : 'span', {}, v.version, v.version === floor ? ' (floor)' : '') },
		{ title: 'Symbols', value: (v) => v.symbols.join(', '), render: (v) => (v.symbols.length > 0 ? v.symbols.join(', ') : '(no symbol listed)') },
	], rows, count);
}

export function notesPanel(b: DescribedBinary, host: TableHost, count: Count): HTMLElement {
	const rows = b.details.notes;
	if (rows.length === 0) return h('p', {}, 'No notes in this file.');
	return dataTable<Details['notes'][number]>(host, 'notes', 'Notes', [
		{ title: 'Section', value: (n) => n.section },
		{ title: 'Owner', value: (n) => n.owner },
		{ title: 'Data size', value: (n) => n.size, numeric: true },
		{ title: 'Description', value: (n) => n.description },
	], rows, count);
}

function moduleText(m: GoModuleContract): string {
	return `${m.path} ${m.version}${m.replace ? ` => ${m.replace.path} ${m.replace.version}` : ''}`;
}

export function goPanel(b: DescribedBinary, host: TableHost, count: Count, filter: string, setFilter: (f: string) => void): HTMLElement {
	const g = b.go;
	if (!g) return h('p', {}, `Not a Go binary: ${b.details.notGoReason ?? 'no Go build info'}.`);
	const settings = Object.entries(g.settings).map(([key, value]) => ({ key, value }));
	const input = h('input', { type: 'search', placeholder: 'Filter dependencies by module path', 'aria-label': 'Filter dependencies by module path' });
	input.value = filter;
	const deps = h('div', {});
	const drawDeps = (): void => {
		const f = input.value.trim().toLowerCase();
		const shown = g.deps.filter((d) => d.path.toLowerCase().includes(f) || (d.replace?.path.toLowerCase().includes(f) ?? false));
		replaceChildren(deps, dataTable<GoModuleContract>(host, 'go-deps', `${shown.length} of ${g.deps.length} dependencies`, [
			{ title: 'Module', value: (d) => d.path, render: (d) => h('code', {}, d.path) },
			{ title: 'Version', value: (d) => d.version },
			{ title: 'Replaced by', value: (d) => (d.replace ? `${d.replace.path} ${d.replace.version}` : '') },
			{ title: 'Sum', value: (d) => d.sum },
		], shown, count));
	};
	input.addEventListener('input', () => {
		setFilter(input.value);
		drawDeps();
	});
	drawDeps();
	return h(
		'div',
		{},
		h('dl', { class: 'facts' }, h('dt', {}, 'Go'), h('dd', {}, g.version), h('dt', {}, 'Path'), h('dd', {}, h('code', {}, g.path || '(not recorded)')), h('dt', {}, 'Main module'), h('dd', {}, g.main ? moduleText(g.main) : '(not recorded)'), h('dt', {}, '-ldflags'), h('dd', {}, b.ldflags.text)),
		dataTable<{ key: string; value: string }>(host, 'go-settings', 'Build settings', [
			{ title: 'Setting', value: (s) => s.key, render: (s) => h('code', {}, s.key) },
			{ title: 'Value', value: (s) => s.value, render: (s) => h('code', {}, s.value) },
		], settings, count),
		h('h3', {}, 'Dependencies'),
		h('label', { class: 'filter' }, input),
		deps,
	);
}

export function symbolsPanel(b: DescribedBinary, host: TableHost, count: Count): HTMLElement {
	const presence = (label: string, present: boolean, what: string): HTMLElement[] => [h('dt', {}, label), h('dd', {}, h('span', { class: 'mark', 'data-ok': present ? 'yes' : 'no' }, present ? '✓ present' : '✗ absent'), ` ${what}`)];
	return h(
		'div',
		{},
		h('dl', { class: 'facts' }, ...presence('Symbol table', b.symtab, '(nm, perf)'), ...presence('DWARF', b.dwarf, '(delve, gdb)'), ...presence('Go pclntab', b.gopclntab, '(panics, pprof)')),
		b.details.tables.length > 0
			? dataTable<Details['tables'][number]>(host, 'tables', 'Symbol, debug and Go tables', [
				{ title: 'Name', value: (t) => t.name, render: (t) => h('code', {}, t.name) },
				{ title: 'Kind', value: (t) => t.kind },
				{ title: 'Size', value: (t) => t.size ?? -1, render: (t) => bytes(t.size), numeric: true },
			], b.details.tables, count)
			: h('p', {}, 'No symbol, debug or Go tables found.'),
	);
}
