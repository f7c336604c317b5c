// The Summary tab: the verdict first (linkage, libc, the glibc floor and the symbols that set it, where it runs),
// then the runs-on table, the tooling table and what build info says about -ldflags.
import type { DescribedBinary, RunsOn, ToolingRow } from '../../client/src/binary-view/messages';
import { bytes, h, type Child } from './dom';
import { dataTable, type TableHost } from './table';

export type Count = (id: Parameters<TableHost['copy']>[0], n: number) => void;

const OK_TEXT = { yes: '✓ runs', no: '✗ fails', unknown: '? unknown' } as const;

function okKey(ok: boolean | null): 'yes' | 'no' | 'unknown' {
	return ok === true ? 'yes' : ok === false ? 'no' : 'unknown';
}

function mark(ok: boolean | null, text: Record<'yes' | 'no' | 'unknown', string> = OK_TEXT): HTMLElement {
	const key = okKey(ok);
	return h('span', { class: 'mark', 'data-ok': key }, text[key]);
}

/** One sentence on how the binary is linked, for the verdict headline. */
export function headline(b: DescribedBinary): string {
	if (b.format === 'macho') return `A Mach-O executable for macOS (${b.machine}): no Linux image runs it`;
	if (b.format === 'pe') return `A Windows executable (${b.machine}): no Linux image runs it`;
	if (b.linkage === 'static') return b.libc === 'glibc' ? 'Statically linked, with glibc inside' : 'Statically linked: needs no loader and no libc';
	if (b.linkage === 'static-pie') return 'Static-pie: self-relocating, needs no loader';
	const floor = b.glibcMin ? `, needs GLIBC_${b.glibcMin}` : '';
	return `Dynamically linked against ${b.libc}${floor}`;
}

function fact(term: string, ...value: Child[]): HTMLElement[] {
	return [h('dt', {}, term), h('dd', {}, ...value)];
}

function verdict(b: DescribedBinary): HTMLElement {
	const runs = b.runsOn.filter((r) => r.ok === true).length;
	const fails = b.runsOn.filter((r) => r.ok === false).length;
	const unknown = b.runsOn.length - runs - fails;
	const symbols = b.details.glibcMinSymbols;
	return h(
		'section',
		{ class: 'verdict', id: 'verdict', 'aria-label': 'Verdict' },
		h('h2', {}, headline(b)),
		h('p', { class: 'counts' }, h('span', { 'data-ok': 'yes' }, `runs on ${runs}`), ' · ', h('span', { 'data-ok': 'no' }, `fails on ${fails}`), unknown > 0 ? ` · unknown on ${unknown}` : '', ` of ${b.runsOn.length} runtime images`),
		h(
			'dl',
			{ class: 'facts' },
			...fact('Linkage', b.linkage, b.details.pie ? ' (PIE)' : ''),
			...fact('C library', b.libc),
			...(b.glibcMin ? fact('glibc floor', h('code', {}, `GLIBC_${b.glibcMin}`), symbols.length > 0 ? ' set by ' : '', ...symbols.flatMap((s, i) => [i > 0 ? ', ' : '', h('code', {}, s)])) : []),
			...fact('Interpreter', b.interpreter ? h('code', {}, b.interpreter) : 'none'),
			...fact('Needed', b.needed.length > 0 ? b.needed.join(', ') : 'nothing'),
			...fact('File', `${b.format.toUpperCase()} ${b.class}-bit ${b.details.endian}-endian ${b.machine} ${b.type}, ${bytes(b.file.size)}`),
			...fact('Go', b.go ? `${b.go.version}, ${b.go.path || 'path not recorded'}` : `not a Go binary (${b.details.notGoReason ?? 'no build info'})`),
		),
	);
}

/** The Summary panel, and its verdict section (whose text the `rendered` report carries). */
export function summaryPanel(b: DescribedBinary, host: TableHost, count: Count): { panel: HTMLElement; verdict: HTMLElement } {
	const readelf = h('button', { type: 'button', class: 'copy' }, 'Copy readelf-style text');
	readelf.addEventListener('click', () => host.copy('readelf', b.text));
	const box = verdict(b);
	const panel = h(
		'div',
		{ class: 'summary' },
		box,
		h('h3', {}, 'Runs on'),
		dataTable<RunsOn>(host, 'runs-on', 'Runtime images', [
			{ title: 'Image', value: (r) => r.image, render: (r) => h('code', {}, r.image) },
			{ title: 'Verdict', value: (r) => OK_TEXT[okKey(r.ok)], render: (r) => mark(r.ok) },
			{ title: 'Why', value: (r) => r.why },
		], b.runsOn, count),
		h('h3', {}, 'Debugging and profiling'),
		dataTable<ToolingRow>(host, 'tooling', 'Tooling', [
			{ title: 'Tools', value: (t) => t.tools },
			{ title: 'Works', value: (t) => (t.ok === true ? 'yes' : t.ok === false ? 'no' : 'n/a'), render: (t) => mark(t.ok, { yes: '✓ yes', no: '✗ no', unknown: '– n/a' }) },
			{ title: 'Why', value: (t) => t.why },
		], b.tooling, count),
		h('p', { class: 'ldflags' }, h('strong', {}, 'Build info: '), b.ldflags.text),
		h('div', { class: 'toolbar' }, readelf),
	);
	return { panel, verdict: box };
}
