import type { Span } from '../parse/span';
import { fileNameConstraint, parseBuildExpression, parsePlusBuildLines, type Constraint } from './build-constraints';
import { basename } from './paths';

/**
 * Per-file facts of a Go source that rules point at: its build constraint, its imports and its `//go:debug`
 * lines, with document spans. Only the header (up to the import declarations) is read.
 */
export interface GoSourceFile {
	readonly path: string;
	readonly packageName: string | undefined;
	/** The `//go:build` (or `// +build`) constraint and the file-name constraint, ANDed; undefined = always built. */
	readonly constraint: Constraint | undefined;
	/** The constraint line as written, for messages. */
	readonly constraintText: string | undefined;
	readonly imports: readonly GoImport[];
	readonly debugDirectives: readonly GoDebugDirective[];
}

export interface GoImport {
	readonly path: string;
	/** The quoted import path. */
	readonly span: Span;
}

/** `//go:debug key=value` before the package clause (Go 1.21+, main packages). */
export interface GoDebugDirective {
	readonly key: string;
	readonly keySpan: Span;
	readonly value: string;
	readonly valueSpan: Span;
	/** The whole physical line with its line break: delete this to remove the directive. */
	readonly lineSpan: Span;
}

const HEADER_LIMIT = 64 * 1024;

export function readGoSourceFile(path: string, fullText: string): GoSourceFile {
	const text = blankComments(fullText.slice(0, HEADER_LIMIT));
	const pkg = /\bpackage\s+(\w+)/.exec(text);
	const headerEnd = pkg ? pkg.index : 0;
	const header = fullText.slice(0, headerEnd);
	const goBuild: string[] = [];
	const plusBuild: string[] = [];
	const debugDirectives: GoDebugDirective[] = [];
	let offset = 0;
	for (const line of header.split('\n')) {
		const lineSpan = { start: offset, end: Math.min(offset + line.length + 1, fullText.length) };
		const trimmed = line.replace(/\r$/, '');
		const build = /^\/\/go:build\s+(.*)$/.exec(trimmed);
		if (build) goBuild.push(build[1].trim());
		const plus = /^\/\/\s*\+build\s+(.*)$/.exec(trimmed);
		if (plus) plusBuild.push(plus[1]);
		const debug = /^\/\/go:debug\s+([^=\s]+)=(\S*)\s*$/.exec(trimmed);
		if (debug) {
			const keyStart = offset + trimmed.indexOf(debug[1], '//go:debug'.length);
			const valueStart = keyStart + debug[1].length + 1;
			debugDirectives.push({ key: debug[1], keySpan: { start: keyStart, end: keyStart + debug[1].length }, value: debug[2], valueSpan: { start: valueStart, end: valueStart + debug[2].length }, lineSpan });
		}
		offset += line.length + 1;
	}
	const written = goBuild.length > 0 ? parseBuildExpression(goBuild[0]) : parsePlusBuildLines(plusBuild);
	const byName = fileNameConstraint(basename(path));
	const constraint = written && byName ? { kind: 'and' as const, x: written, y: byName } : (written ?? byName);
	const constraintText = goBuild.length > 0 ? `//go:build ${goBuild[0]}` : plusBuild.length > 0 ? `// +build ${plusBuild.join(' / ')}` : byName ? `file name ${basename(path)}` : undefined;
	return { path, packageName: pkg?.[1], constraint, constraintText, imports: pkg ? importsAfter(text, pkg.index + pkg[0].length) : [], debugDirectives };
}

/** Import specs after the package clause, with the span of each quoted path. `text` has comments blanked. */
function importsAfter(text: string, from: number): GoImport[] {
	const imports: GoImport[] = [];
	let at = from;
	for (;;) {
		// Skip blanks and `;` by hand: a regex like /\s*;?\s*/ backtracks quadratically over a long blanked comment.
		while (at < text.length && /[\s;]/.test(text[at])) at++;
		if (!text.startsWith('import', at) || /[\w]/.test(text[at + 6] ?? '')) break;
		at += 6;
		while (at < text.length && /\s/.test(text[at])) at++;
		if (text[at] === '(') {
			const close = text.indexOf(')', at);
			const end = close < 0 ? text.length : close;
			for (const s of text.slice(at, end).matchAll(/"([^"\n]*)"/g)) imports.push({ path: s[1], span: { start: at + s.index, end: at + s.index + s[0].length } });
			if (close < 0) break;
			at = close + 1;
		} else {
			const spec = /(?:[\w.]+[ \t]+)?"([^"\n]*)"/y;
			spec.lastIndex = at;
			const m = spec.exec(text);
			if (!m) break;
			const quote = at + m[0].length - m[1].length - 2;
			imports.push({ path: m[1], span: { start: quote, end: at + m[0].length } });
			at = spec.lastIndex;
		}
	}
	return imports;
}

/** Replaces comments (outside strings) with spaces of the same length, keeping line breaks, so offsets stay valid. */
function blankComments(text: string): string {
	let out = '';
	let i = 0;
	while (i < text.length) {
		const c = text[i];
		if (c === '"' || c === '`') {
			const close = c === '"' ? /"|\n/g : /`/g;
			close.lastIndex = i + 1;
			let m = close.exec(text);
			while (c === '"' && m && m[0] === '"' && text[m.index - 1] === '\\') m = close.exec(text);
			const end = m ? m.index + 1 : text.length;
			out += text.slice(i, end);
			i = end;
		} else if (text.startsWith('//', i)) {
			const end = text.indexOf('\n', i);
			const stop = end < 0 ? text.length : end;
			out += ' '.repeat(stop - i);
			i = stop;
		} else if (text.startsWith('/*', i)) {
			const end = text.indexOf('*/', i + 2);
			const stop = end < 0 ? text.length : end + 2;
			out += text.slice(i, stop).replace(/[^\n]/g, ' ');
			i = stop;
		} else {
			out += c;
			i++;
		}
	}
	return out;
}
