// A small DOM for running the webview's renderer (media/src) under node:test. It implements only what media/src
// uses to build the view, and throws on every API that parses HTML, so a renderer that ever reached for innerHTML
// and friends fails the test instead of passing through an incomplete fake.

export type FakeNode = FakeElement | FakeText;

export class FakeText {
	readonly nodeType = 3;
	parentNode: FakeElement | null = null;
	constructor(public data: string) {}
	get textContent(): string {
		return this.data;
	}
}

function refuse(api: string): never {
	throw new Error(`the webview must not use ${api}: strings from the binary would be parsed as HTML`);
}

export class FakeElement {
	readonly nodeType = 1;
	parentNode: FakeElement | null = null;
	readonly childNodes: FakeNode[] = [];
	readonly attributes = new Map<string, string>();
	readonly style: Record<string, string> = {};
	readonly listeners = new Map<string, ((event: unknown) => void)[]>();
	hidden = false;
	value = '';
	focused = false;
	constructor(readonly tagName: string) {}

	get children(): FakeElement[] {
		return this.childNodes.filter((c): c is FakeElement => c instanceof FakeElement);
	}
	get firstChild(): FakeNode | null {
		return this.childNodes[0] ?? null;
	}
	get textContent(): string {
		return this.childNodes.map((c) => c.textContent).join('');
	}
	set textContent(_v: string) {
		refuse('textContent on a fake element (the renderer builds text nodes)');
	}
	set innerHTML(_v: string) {
		refuse('innerHTML');
	}
	set outerHTML(_v: string) {
		refuse('outerHTML');
	}
	insertAdjacentHTML(): never {
		refuse('insertAdjacentHTML');
	}
	setAttribute(name: string, value: string): void {
		if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new Error(`odd attribute name ${name}`);
		this.attributes.set(name, value);
	}
	getAttribute(name: string): string | null {
		return this.attributes.get(name) ?? null;
	}
	appendChild<T extends FakeNode>(child: T): T {
		if (child.parentNode) child.parentNode.removeChild(child);
		child.parentNode = this;
		this.childNodes.push(child);
		return child;
	}
	removeChild<T extends FakeNode>(child: T): T {
		const i = this.childNodes.indexOf(child);
		if (i >= 0) this.childNodes.splice(i, 1);
		child.parentNode = null;
		return child;
	}
	addEventListener(type: string, listener: (event: unknown) => void): void {
		this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
	}
	dispatch(type: string, event: Record<string, unknown> = {}): void {
		for (const l of this.listeners.get(type) ?? []) l({ preventDefault: () => undefined, ...event });
	}
	focus(): void {
		this.focused = true;
	}
}

export const fakeDocument = {
	createElement: (tag: string): FakeElement => new FakeElement(tag.toUpperCase()),
	createTextNode: (text: string): FakeText => new FakeText(text),
	write: (): never => refuse('document.write'),
};

/** Every node under `root`, depth first. */
export function walk(root: FakeElement): FakeNode[] {
	const out: FakeNode[] = [root];
	for (const c of root.childNodes) out.push(...(c instanceof FakeElement ? walk(c) : [c]));
	return out;
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const esc = (s: string): string => s.replace(/[&<>"]/g, (c) => ESC[c] ?? c);

/** Serializes like a browser's outerHTML: text and attribute values escaped. */
export function serialize(node: FakeNode): string {
	if (node instanceof FakeText) return esc(node.data);
	const tag = node.tagName.toLowerCase();
	const attrs = [...node.attributes].map(([k, v]) => ` ${k}="${esc(v)}"`).join('') + (node.hidden ? ' hidden' : '') + (Object.keys(node.style).length > 0 ? ` style="${esc(Object.entries(node.style).map(([k, v]) => `${k}: ${v}`).join('; '))}"` : '');
	return `<${tag}${attrs}>${node.childNodes.map(serialize).join('')}</${tag}>`;
}
