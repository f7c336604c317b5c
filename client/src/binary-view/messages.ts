// The typed protocol between the extension and the Go Binary Inspector webview (STYLE §7.11): discriminated by
// `type`, validated on receipt on both sides. media/src imports these types only (never values); the validators
// here run in the extension, and media/src/validate.ts checks the other direction against the same types.
import type { DescribeBinaryResult } from '../../../server/src/protocol/binary';

/** The wire types the webview renders (re-exported: media/src may import only this file, and only types). */
export type { DescribeBinaryResult, DescribedBinary, GoModuleContract, RunsOn, ToolingRow } from '../../../server/src/protocol/binary';

/** Extension → webview. `file` is the file name for headings; `uri` is what the webview keeps in its state. */
export type ToWebview =
	| { readonly type: 'loading'; readonly uri: string; readonly file: string }
	| { readonly type: 'result'; readonly uri: string; readonly file: string; readonly result: DescribeBinaryResult; /** Open on this tab (first result only). */ readonly tab?: TabId }
	| { readonly type: 'failed'; readonly uri: string; readonly file: string; readonly message: string };

/** Names of the tables the webview can copy (each has a "Copy as text" button). */
export const TABLE_IDS = ['readelf', 'runs-on', 'tooling', 'sections', 'segments', 'dynamic', 'version-needs', 'notes', 'go-settings', 'go-deps', 'tables'] as const;
export type TableId = (typeof TABLE_IDS)[number];

/** Tabs of the view, in order. */
export const TAB_IDS = ['summary', 'sections', 'segments', 'dynamic', 'versions', 'notes', 'go', 'symbols'] as const;
export type TabId = (typeof TAB_IDS)[number];

/** What the webview reports after it rendered a result: used by the integration test, logged otherwise. */
export interface RenderedReport {
	readonly type: 'rendered';
	readonly uri: string;
	/** The kind of view shown. */
	readonly view: 'loading' | 'binary' | 'not-executable' | 'error' | 'failed';
	/** Text content of the summary (the verdict) as rendered in the DOM. */
	readonly summary: string;
	readonly tab: TabId;
	/** Rows rendered per table. */
	readonly rows: Readonly<Partial<Record<TableId, number>>>;
	/** `securitypolicyviolation` events seen by the page (should be none). */
	readonly cspViolations: readonly string[];
	/** Elements or attributes that only injected markup could create (should be none). */
	readonly injected: readonly string[];
	/** Whether media/binary-view.css applied (it sets a marker custom property on :root). */
	readonly stylesheet: boolean;
}

/** Webview → extension. */
export type FromWebview =
	| { readonly type: 'ready' }
	| { readonly type: 'copy'; readonly table: TableId; readonly text: string }
	| { readonly type: 'reload' }
	| RenderedReport;

/** The state the webview keeps with setState (and the panel serializer reads back). */
export interface WebviewState {
	readonly version: 1;
	readonly uri: string;
	readonly tab: TabId;
	readonly sort: Readonly<Partial<Record<TableId, { readonly column: number; readonly descending: boolean }>>>;
	readonly depFilter: string;
}

/** Copied text is capped: a table of a huge binary is still far below this. */
export const MAX_COPY_TEXT = 8 * 1024 * 1024;
const MAX_SHORT = 64 * 1024;

function isRecord(x: unknown): x is Record<string, unknown> {
	return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isString(x: unknown, max = MAX_SHORT): x is string {
	return typeof x === 'string' && x.length <= max;
}

function isStringArray(x: unknown): x is string[] {
	return Array.isArray(x) && x.length <= 1000 && x.every((s) => isString(s));
}

export function isTableId(x: unknown): x is TableId {
	return typeof x === 'string' && (TABLE_IDS as readonly string[]).includes(x);
}

export function isTabId(x: unknown): x is TabId {
	return typeof x === 'string' && (TAB_IDS as readonly string[]).includes(x);
}

/** Validates a message from the webview; anything else is dropped (and logged) by the panel. */
export function isFromWebview(x: unknown): x is FromWebview {
	if (!isRecord(x)) return false;
	switch (x.type) {
		case 'ready':
		case 'reload':
			return Object.keys(x).length === 1;
		case 'copy':
			return isTableId(x.table) && isString(x.text, MAX_COPY_TEXT);
		case 'rendered':
			return (
				isString(x.uri) && ['loading', 'binary', 'not-executable', 'error', 'failed'].includes(x.view as string) && isString(x.summary) && isTabId(x.tab) &&
				isRecord(x.rows) && Object.entries(x.rows).every(([k, v]) => isTableId(k) && Number.isSafeInteger(v)) &&
				isStringArray(x.cspViolations) && isStringArray(x.injected) && typeof x.stylesheet === 'boolean'
			);
		default:
			return false;
	}
}

/** Validates saved webview state (the serializer gets it back from VS Code after a reload); only file: URIs. */
export function isWebviewState(x: unknown): x is WebviewState {
	return (
		isRecord(x) && x.version === 1 && isString(x.uri) && x.uri.startsWith('file:') && isTabId(x.tab) && isString(x.depFilter, 1000) &&
		isRecord(x.sort) && Object.entries(x.sort).every(([k, v]) => isTableId(k) && isRecord(v) && Number.isSafeInteger(v.column) && typeof v.descending === 'boolean')
	);
}

/** Validates an extension → webview message (the webview's own check in media/src/validate.ts mirrors this one). */
export function isToWebview(x: unknown): x is ToWebview {
	if (!isRecord(x) || !isString(x.uri) || !isString(x.file)) return false;
	switch (x.type) {
		case 'loading':
			return true;
		case 'failed':
			return isString(x.message);
		case 'result':
			return isRecord(x.result) && (x.tab === undefined || isTabId(x.tab));
		default:
			return false;
	}
}
