// WAI-ARIA tabs: one tab stop for the tab list (roving tabindex), Left/Right/Home/End move and select, each tab
// controls one tabpanel; inactive panels are `hidden`, so every panel exists in the DOM from the start.
import type { TabId } from '../../client/src/binary-view/messages';
import { h } from './dom';

export interface TabSpec {
	readonly id: TabId;
	readonly label: string;
	readonly panel: HTMLElement;
}

/** Builds the tab list and panels; `onSelect` is told about every selection (to keep it in the webview state). */
export function tabs(specs: readonly TabSpec[], selected: TabId, onSelect: (id: TabId) => void): HTMLElement {
	const current = specs.some((s) => s.id === selected) ? selected : (specs[0]?.id ?? 'summary');
	const buttons = specs.map((s) =>
		h('button', { type: 'button', role: 'tab', id: `tab-${s.id}`, 'aria-controls': `panel-${s.id}`, 'aria-selected': s.id === current ? 'true' : 'false', tabindex: s.id === current ? 0 : -1 }, s.label),
	);
	const panels = specs.map((s) => {
		const panel = h('section', { role: 'tabpanel', id: `panel-${s.id}`, 'aria-labelledby': `tab-${s.id}`, tabindex: 0, hidden: s.id !== current, class: 'panel' }, s.panel);
		return panel;
	});
	const select = (index: number, focus: boolean): void => {
		buttons.forEach((b, i) => {
			b.setAttribute('aria-selected', i === index ? 'true' : 'false');
			b.setAttribute('tabindex', i === index ? '0' : '-1');
			const panel = panels[i];
			if (panel) panel.hidden = i !== index;
		});
		if (focus) buttons[index]?.focus();
		const spec = specs[index];
		if (spec) onSelect(spec.id);
	};
	const list = h('div', { role: 'tablist', 'aria-label': 'Binary views', class: 'tabs' }, ...buttons);
	buttons.forEach((b, i) => {
		b.addEventListener('click', () => select(i, false));
		b.addEventListener('keydown', (event: KeyboardEvent) => {
			const last = buttons.length - 1;
			const next = event.key === 'ArrowRight' ? (i === last ? 0 : i + 1) : event.key === 'ArrowLeft' ? (i === 0 ? last : i - 1) : event.key === 'Home' ? 0 : event.key === 'End' ? last : -1;
			if (next < 0) return;
			event.preventDefault();
			select(next, true);
		});
	});
	return h('div', { class: 'tabbed' }, list, ...panels);
}
