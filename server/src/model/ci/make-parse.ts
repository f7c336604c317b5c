import type { Span } from '../../parse/span';

/**
 * A GNU Makefile read for what `make <target>` runs: variable assignments, rules with their recipes, and
 * what cannot be known statically (conditionals, `define`, `$(eval …)`, includes). Follows the GNU make
 * manual: logical lines join `\`-newline; recipe lines start with a TAB; `#` starts a comment outside
 * recipes; assignment operators `=`, `:=`, `::=`, `:::=`, `?=`, `+=`, `!=`.
 */
export interface MakeAssignment {
	readonly name: string;
	readonly operator: '=' | ':=' | '::=' | ':::=' | '?=' | '+=' | '!=';
	/** The value as written (after joining continuation lines). */
	readonly value: string;
	readonly valueSpan: Span;
	/** The whole assignment line. */
	readonly span: Span;
	readonly export: boolean;
	readonly override: boolean;
	/** Inside `ifeq`/`ifdef`…: may or may not take effect. */
	readonly conditional: boolean;
	/** `define NAME … endef`: a multi-line value we do not expand. */
	readonly multiline: boolean;
}

export interface MakeRecipeLine {
	/** From after the TAB to the end of the last continued line. */
	readonly span: Span;
}

export interface MakeRule {
	readonly targets: string;
	readonly targetsSpan: Span;
	readonly prerequisites: string;
	readonly span: Span;
	readonly recipe: MakeRecipeLine[];
	/** `target: VAR = value` lines. */
	readonly assignments: MakeAssignment[];
	readonly doubleColon: boolean;
}

export interface MakeInclude {
	readonly paths: string;
	readonly span: Span;
	readonly optional: boolean;
}

export interface ParsedMakefile {
	readonly path: string;
	readonly text: string;
	readonly assignments: readonly MakeAssignment[];
	readonly rules: readonly MakeRule[];
	readonly includes: readonly MakeInclude[];
	readonly exports: readonly { readonly name: string; readonly span: Span }[];
	readonly exportAll: boolean;
	readonly oneShell: boolean;
	/** Lines whose effect is not modelled (`$(eval …)`, `vpath`, unknown directives). */
	readonly unknown: readonly Span[];
}

const ASSIGNMENT = /^(?<name>[^\s:#=!?+]+)\s*(?<op>:::=|::=|:=|\?=|\+=|!=|=)\s*(?<value>.*)$/s;
const CONDITIONAL_START = /^(ifeq|ifneq|ifdef|ifndef)\b/;

export function parseMakefile(path: string, text: string): ParsedMakefile {
	const lines = physicalLines(text);
	const assignments: MakeAssignment[] = [];
	const rules: MakeRule[] = [];
	const includes: MakeInclude[] = [];
	const exports: { name: string; span: Span }[] = [];
	const unknown: Span[] = [];
	let exportAll = false;
	let oneShell = false;
	let rule: MakeRule | undefined;
	let conditional = 0;
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i];
		const raw = text.slice(line.start, line.end);
		if (raw.startsWith('\t') && rule) {
			const last = continuationEnd(text, lines, i);
			rule.recipe.push({ span: { start: line.start + 1, end: lines[last].end } });
			i = last;
			continue;
		}
		if (/^\s*(#.*)?$/.test(raw)) continue;
		const last = continuationEnd(text, lines, i);
		const span = { start: line.start, end: lines[last].end };
		i = last;
		const logical = stripComment(text.slice(span.start, span.end).replace(/\\\r?\n[ \t]*/g, ' ')).trim();
		const valueOffset = (value: string) => valueSpanIn(text, span, value);
		if (/^define\s/.test(logical) || logical === 'define') {
			const name = logical.replace(/^define\s+/, '').replace(/\s*(=|:=|::=|\?=|\+=)\s*$/, '').trim();
			const end = lines.findIndex((l, j) => j > i && /^\s*endef\b/.test(text.slice(l.start, l.end)));
			const endLine = end < 0 ? lines.length - 1 : end;
			assignments.push({ name, operator: '=', value: '', valueSpan: span, span: { start: span.start, end: lines[endLine].end }, export: false, override: false, conditional: conditional > 0, multiline: true });
			i = endLine;
			rule = undefined;
			continue;
		}
		if (CONDITIONAL_START.test(logical)) {
			conditional++;
			continue;
		}
		if (/^else\b/.test(logical)) continue;
		if (/^endif\b/.test(logical)) {
			conditional = Math.max(0, conditional - 1);
			continue;
		}
		const include = /^(-?include|sinclude)\s+(.*)$/.exec(logical);
		if (include) {
			includes.push({ paths: include[2], span, optional: include[1] !== 'include' });
			continue;
		}
		if (logical === 'export') {
			exportAll = true;
			continue;
		}
		let body = logical;
		let exported = false;
		let override = false;
		for (let changed = true; changed; ) {
			changed = false;
			if (/^export\s/.test(body)) {
				exported = true;
				body = body.slice(6).trimStart();
				changed = true;
			} else if (/^override\s/.test(body)) {
				override = true;
				body = body.slice(8).trimStart();
				changed = true;
			} else if (/^unexport\s/.test(body)) {
				body = '';
			}
		}
		if (body === '' && !exported) continue;
		const assignment = ASSIGNMENT.exec(body);
		if (assignment?.groups) {
			const { name, op, value } = assignment.groups as { name: string; op: MakeAssignment['operator']; value: string };
			assignments.push({ name, operator: op, value: value.trim(), valueSpan: valueOffset(value.trim()), span, export: exported, override, conditional: conditional > 0, multiline: false });
			rule = undefined;
			continue;
		}
		if (exported) {
			if (body === '') exportAll = true;
			for (const name of body.split(/\s+/).filter(Boolean)) exports.push({ name, span });
			continue;
		}
		const parsedRule = parseRuleLine(body, span, text);
		if (parsedRule) {
			if (parsedRule.targets.split(/\s+/).includes('.EXPORT_ALL_VARIABLES')) exportAll = true;
			if (parsedRule.targets.split(/\s+/).includes('.ONESHELL')) oneShell = true;
			const targetAssignment = ASSIGNMENT.exec(parsedRule.prerequisites.replace(/^(export|override)\s+/, ''));
			if (targetAssignment?.groups && !parsedRule.prerequisites.includes(';')) {
				const { name, op, value } = targetAssignment.groups as { name: string; op: MakeAssignment['operator']; value: string };
				const owner = rules.find((r) => r.targets === parsedRule.targets) ?? { ...parsedRule, prerequisites: '', recipe: [], assignments: [] };
				if (!rules.includes(owner)) rules.push(owner);
				owner.assignments.push({ name, operator: op, value: value.trim(), valueSpan: valueOffset(value.trim()), span, export: /^export\s/.test(parsedRule.prerequisites), override, conditional: conditional > 0, multiline: false });
				rule = undefined;
				continue;
			}
			rules.push(parsedRule);
			rule = parsedRule;
			continue;
		}
		unknown.push(span);
		rule = undefined;
	}
	return { path, text, assignments, rules, includes, exports, exportAll, oneShell, unknown };
}

function parseRuleLine(body: string, span: Span, text: string): MakeRule | undefined {
	// A colon that is not part of a drive letter or `$(…)` separates targets from prerequisites.
	let depth = 0;
	for (let i = 0; i < body.length; i++) {
		const c = body[i];
		if (c === '(' || c === '{') depth++;
		else if (c === ')' || c === '}') depth--;
		else if (c === ':' && depth === 0) {
			const doubleColon = body[i + 1] === ':';
			const targets = body.slice(0, i).trim();
			let prerequisites = body.slice(i + (doubleColon ? 2 : 1)).trim();
			const recipe: MakeRecipeLine[] = [];
			const semicolon = prerequisites.indexOf(';');
			if (semicolon >= 0) {
				const inline = prerequisites.slice(semicolon + 1).trim();
				prerequisites = prerequisites.slice(0, semicolon).trim();
				const at = text.indexOf(inline, span.start);
				if (inline && at >= 0) recipe.push({ span: { start: at, end: at + inline.length } });
			}
			if (targets === '') return undefined;
			const at = text.indexOf(targets, span.start);
			return { targets, targetsSpan: at >= 0 ? { start: at, end: at + targets.length } : span, prerequisites, span, recipe, assignments: [], doubleColon };
		}
	}
	return undefined;
}

function physicalLines(text: string): { start: number; end: number }[] {
	const lines: { start: number; end: number }[] = [];
	let start = 0;
	while (start <= text.length) {
		const newline = text.indexOf('\n', start);
		const end = newline < 0 ? text.length : newline;
		lines.push({ start, end: end > start && text[end - 1] === '\r' ? end - 1 : end });
		if (newline < 0) break;
		start = newline + 1;
	}
	return lines;
}

/** Index of the last physical line of the logical line starting at `i` (odd trailing backslashes continue). */
function continuationEnd(text: string, lines: readonly { start: number; end: number }[], i: number): number {
	let j = i;
	while (j < lines.length - 1) {
		const raw = text.slice(lines[j].start, lines[j].end);
		const backslashes = /\\*$/.exec(raw)![0].length;
		if (backslashes % 2 === 0) break;
		j++;
	}
	return j;
}

function stripComment(line: string): string {
	for (let i = 0; i < line.length; i++) {
		if (line[i] === '#' && line[i - 1] !== '\\') return line.slice(0, i);
	}
	return line;
}

function valueSpanIn(text: string, span: Span, value: string): Span {
	if (value === '') return { start: span.end, end: span.end };
	const at = text.indexOf(value, span.start);
	return at >= 0 && at + value.length <= span.end ? { start: at, end: at + value.length } : span;
}
