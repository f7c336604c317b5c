import type { Span } from '../parse/span';
import type { Finding, Fix, TextEdit } from './types';

/**
 * "Fix all in file", as vscode-eslint's `source.fixAll.eslint` and ESLint's fix passes do it: only the
 * always-safe fix (`isPreferred`) of each finding, merged into edits that never overlap. A fix is taken whole
 * or not at all; one that conflicts with an edit already taken waits for the next pass, which re-analyses
 * the fixed text (a fix is computed for the text its finding saw). Fixes that edit other files are left out:
 * "in file" must not rewrite a go.mod behind the user's back.
 */
export interface FixAllPlan {
	/** Non-overlapping edits in one file, ordered by offset. */
	readonly edits: readonly TextEdit[];
	/** Findings whose preferred fix is in `edits` (one identical to an edit already taken counts as taken). */
	readonly fixed: readonly Finding[];
	/** Findings left for the next pass: their fix conflicts with one taken, or repeats its remedy. */
	readonly deferred: readonly Finding[];
}

/** The one fix of a finding that Fix all may apply, if any: preferred, and editing only the finding's file. */
export function safeFixOf(finding: Finding): Fix | undefined {
	const fix = finding.fixes.find((f) => f.isPreferred === true);
	if (!fix || fix.edits.length === 0 || fix.edits.some((e) => e.file !== finding.file)) return undefined;
	return fix;
}

/** Findings in `file` (of `ruleId` when given) that Fix all would address. */
export function fixableFindings(findings: readonly Finding[], file: string, ruleId?: string): Finding[] {
	return findings.filter((f) => f.file === file && (ruleId === undefined || f.ruleId === ruleId) && safeFixOf(f) !== undefined);
}

/** One pass: the fixes to apply together now, earliest first (the order a reader meets the findings in). */
export function planFixAll(findings: readonly Finding[], file: string, ruleId?: string): FixAllPlan {
	const candidates = fixableFindings(findings, file, ruleId)
		.map((finding) => ({ finding, fix: safeFixOf(finding)! }))
		.sort((a, b) => firstOffset(a.fix.edits) - firstOffset(b.fix.edits));
	const taken: TextEdit[] = [];
	const fixed: { finding: Finding; fix: Fix }[] = [];
	const deferred: Finding[] = [];
	for (const candidate of candidates) {
		const fresh = candidate.fix.edits.filter((e) => !taken.some((t) => sameEdit(t, e)));
		// The same remedy for the same problem seen from two builds (cgo-no-compiler on one ENV line asks to
		// install gcc before each RUN): the first one cures both, a second would only repeat the line.
		const repeats = fresh.length > 0 && fixed.some((f) => sameProblem(f.finding, candidate.finding) && f.fix.title === candidate.fix.title);
		if (repeats || fresh.some((e) => taken.some((t) => conflicts(t.span, e.span)))) {
			deferred.push(candidate.finding);
			continue;
		}
		taken.push(...fresh);
		fixed.push(candidate);
	}
	taken.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
	return { edits: taken, fixed: fixed.map((f) => f.finding), deferred };
}

export interface FixAllResult {
	/** The text after every pass. */
	readonly text: string;
	/** The first pass's edits: exact when `passes` is 1, otherwise {@link changedRegion} describes the change. */
	readonly firstEdits: readonly TextEdit[];
	readonly passes: number;
	/** How many fixes were applied over all passes. */
	readonly fixes: number;
}

/** ESLint stops after 10 passes too (`MAX_AUTOFIX_PASSES`): a fix that keeps producing fixes is a rule bug. */
export const MAX_FIX_ALL_PASSES = 10;

/**
 * Fixes `file` until no safe fix is left (or the pass limit is reached, or a pass would repeat an earlier
 * text). `reanalyse` gives the findings for the project with `file` holding the given text.
 */
export function fixAllInText(
	file: string,
	text: string,
	findings: readonly Finding[],
	reanalyse: (text: string) => readonly Finding[],
	ruleId?: string,
	maxPasses = MAX_FIX_ALL_PASSES,
): FixAllResult {
	const seen = new Set([text]);
	let current = text;
	let currentFindings = findings;
	let firstEdits: readonly TextEdit[] = [];
	let passes = 0;
	let fixes = 0;
	while (passes < maxPasses) {
		const plan = planFixAll(currentFindings, file, ruleId);
		const next = applyFileEdits(current, plan.edits);
		if (plan.edits.length === 0 || seen.has(next)) break;
		if (passes === 0) firstEdits = plan.edits;
		seen.add(next);
		current = next;
		passes++;
		fixes += plan.fixed.length;
		if (passes < maxPasses) currentFindings = reanalyse(current);
	}
	return { text: current, firstEdits, passes, fixes };
}

/** Applies non-overlapping edits of one file to its text (last first, so earlier offsets stay valid). */
export function applyFileEdits(text: string, edits: readonly TextEdit[]): string {
	let out = text;
	for (const edit of [...edits].sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end)) {
		out = out.slice(0, edit.span.start) + edit.newText + out.slice(edit.span.end);
	}
	return out;
}

/** The one replacement that turns `before` into `after`: everything between their common prefix and suffix. */
export function changedRegion(file: string, before: string, after: string): TextEdit {
	let start = 0;
	const shorter = Math.min(before.length, after.length);
	while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
	let tail = 0;
	while (tail < shorter - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
	return { file, span: { start, end: before.length - tail }, newText: after.slice(start, after.length - tail) };
}

/**
 * Two edits conflict when their ranges share text, or when both start at one offset: LSP leaves the order of
 * edits at one position to their order in the array, and that order means nothing here. An insertion right
 * after a replaced range is unambiguous and allowed.
 */
export function conflicts(a: Span, b: Span): boolean {
	return (a.start < b.end && b.start < a.end) || a.start === b.start;
}

function firstOffset(edits: readonly TextEdit[]): number {
	return Math.min(...edits.map((e) => e.span.start));
}

function sameEdit(a: TextEdit, b: TextEdit): boolean {
	return a.file === b.file && a.span.start === b.span.start && a.span.end === b.span.end && a.newText === b.newText;
}

function sameProblem(a: Finding, b: Finding): boolean {
	return a.ruleId === b.ruleId && a.file === b.file && a.span.start === b.span.start && a.span.end === b.span.end;
}
