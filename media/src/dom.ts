// The only way the webview creates DOM: elements from a fixed tag list, attributes from a fixed name list, and text
// through text nodes. Strings from the binary (section names, module paths, build settings) are attacker-controlled,
// so they only ever become text nodes; nothing here parses HTML (no innerHTML, insertAdjacentHTML, document.write).

/** A child: a node, text (becomes a text node), or nothing. */
export type Child = Node | string | number | null | undefined | false;

/** Attributes the view sets; event handlers, style, href and src are not among them. */
export interface Attrs {
	readonly class?: string;
	readonly id?: string;
	readonly role?: string;
	readonly type?: string;
	readonly tabindex?: number;
	readonly hidden?: boolean;
	readonly title?: string;
	readonly placeholder?: string;
	readonly 'aria-label'?: string;
	readonly 'aria-selected'?: 'true' | 'false';
	readonly 'aria-controls'?: string;
	readonly 'aria-labelledby'?: string;
	readonly 'aria-sort'?: 'ascending' | 'descending' | 'none';
	readonly 'aria-live'?: 'polite';
	readonly 'data-ok'?: 'yes' | 'no' | 'unknown';
	readonly max?: number;
	readonly value?: number;
}

type Tag = 'a' | 'button' | 'caption' | 'code' | 'dd' | 'div' | 'dl' | 'dt' | 'h1' | 'h2' | 'h3' | 'input' | 'label' | 'li' | 'meter' | 'p' | 'section' | 'span' | 'strong' | 'table' | 'tbody' | 'td' | 'th' | 'thead' | 'tr' | 'ul';

/** Creates `<tag>` with the given attributes and children. */
export function h<K extends Tag>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
	const el = document.createElement(tag);
	for (const [name, value] of Object.entries(attrs) as [string, string | number | boolean | undefined][]) {
		if (value === undefined || value === false) continue;
		if (name === 'hidden') el.hidden = true;
		else el.setAttribute(name, value === true ? '' : String(value));
	}
	append(el, ...children);
	return el;
}

/** Appends children, strings as text nodes. */
export function append(parent: Node, ...children: Child[]): void {
	for (const c of children) {
		if (c === null || c === undefined || c === false) continue;
		parent.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
	}
}

/** Replaces every child of `parent`. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
	while (parent.firstChild) parent.removeChild(parent.firstChild);
	append(parent, ...children);
}

/** A byte count for people: 1234567 → "1.2 MiB". */
export function bytes(n: number | null): string {
	if (n === null) return 'size not known';
	if (n < 1024) return `${n} B`;
	const units = ['KiB', 'MiB', 'GiB'];
	let v = n / 1024;
	let u = 0;
	while (v >= 1024 && u < units.length - 1) {
		v /= 1024;
		u++;
	}
	return `${v.toFixed(v < 10 ? 1 : 0)} ${units[u]}`;
}
