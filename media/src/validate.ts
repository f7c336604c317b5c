// The webview's check of what the extension posts (STYLE §7.11: validate both ways). It may import only types from
// client/src/binary-view/messages.ts, so it mirrors isToWebview there and goes deeper: every field the renderer
// reads has the type the renderer expects, so a malformed message is dropped instead of half-rendered.
import type { TabId, ToWebview } from '../../client/src/binary-view/messages';

type Rec = Record<string, unknown>;

const TABS: readonly string[] = ['summary', 'sections', 'segments', 'dynamic', 'versions', 'notes', 'go', 'symbols'] satisfies TabId[];

const isRec = (x: unknown): x is Rec => typeof x === 'object' && x !== null && !Array.isArray(x);
const isStr = (x: unknown): x is string => typeof x === 'string';
const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isBool = (x: unknown): x is boolean => typeof x === 'boolean';
const isOk = (x: unknown): boolean => x === true || x === false || x === null;
const isStrOrNull = (x: unknown): boolean => x === null || isStr(x);

function arrayOf(x: unknown, item: (v: unknown) => boolean): boolean {
	return Array.isArray(x) && x.every(item);
}

/** An object whose listed fields pass their checks. */
function shape(x: unknown, fields: Record<string, (v: unknown) => boolean>): boolean {
	return isRec(x) && Object.entries(fields).every(([k, check]) => check(x[k]));
}

const module_ = (x: unknown): boolean => shape(x, { path: isStr, version: isStr, sum: isStr, replace: (r) => r === null || module_(r) });

const go = (x: unknown): boolean =>
	x === null ||
	shape(x, {
		version: isStr,
		path: isStr,
		main: (m) => m === null || module_(m),
		deps: (d) => arrayOf(d, module_),
		settings: (s) => isRec(s) && Object.values(s).every(isStr),
	});

const binary = (x: unknown): boolean =>
	shape(x, {
		format: (f) => f === 'elf' || f === 'macho' || f === 'pe',
		class: isNum,
		machine: isStr,
		type: isStr,
		linkage: isStr,
		interpreter: isStrOrNull,
		libc: isStr,
		glibcMin: isStrOrNull,
		needed: (n) => arrayOf(n, isStr),
		versionNeeds: (v) => arrayOf(v, (e) => shape(e, { file: isStr, versions: (s) => arrayOf(s, isStr) })),
		sections: (s) => arrayOf(s, (e) => shape(e, { name: isStr, type: isStr, address: isStr, offset: isNum, size: isNum, flags: isStr })),
		segments: (s) => arrayOf(s, (e) => shape(e, { type: isStr, name: isStr, offset: isNum, address: isStr, fileSize: isNum, memSize: isNum, flags: isStr, align: isNum })),
		symtab: isBool,
		dwarf: isBool,
		gopclntab: isBool,
		go,
		runsOn: (r) => arrayOf(r, (e) => shape(e, { image: isStr, ok: isOk, why: isStr })),
		file: (f) => shape(f, { name: isStr, size: isNum }),
		tooling: (t) => arrayOf(t, (e) => shape(e, { id: isStr, tools: isStr, ok: isOk, why: isStr })),
		ldflags: (l) => shape(l, { status: isStr, text: isStr }),
		text: isStr,
		details: (d) =>
			shape(d, {
				endian: isStr,
				pie: isBool,
				glibcMinSymbols: (s) => arrayOf(s, isStr),
				dynamic: (a) => arrayOf(a, (e) => shape(e, { tag: isStr, type: isStr, value: isStr })),
				versionSymbols: (a) => arrayOf(a, (e) => shape(e, { file: isStr, version: isStr, symbols: (s) => arrayOf(s, isStr) })),
				notes: (a) => arrayOf(a, (e) => shape(e, { section: isStr, owner: isStr, size: isNum, description: isStr })),
				tables: (a) => arrayOf(a, (e) => shape(e, { name: isStr, kind: isStr, size: (n) => n === null || isNum(n) })),
				notGoReason: isStrOrNull,
			}),
	});

const result = (x: unknown): boolean =>
	shape(x, { error: (e) => shape(e, { message: isStr, offset: (o) => o === undefined || isNum(o) }) }) ||
	shape(x, { notExecutable: (n) => n === true, reason: isStr }) ||
	binary(x);

/** True when `x` is a well-formed message from the extension. */
export function isToWebview(x: unknown): x is ToWebview {
	if (!shape(x, { uri: isStr, file: isStr }) || !isRec(x)) return false;
	switch (x.type) {
		case 'loading':
			return true;
		case 'failed':
			return isStr(x.message);
		case 'result':
			return result(x.result) && (x.tab === undefined || (isStr(x.tab) && TABS.includes(x.tab)));
		default:
			return false;
	}
}
