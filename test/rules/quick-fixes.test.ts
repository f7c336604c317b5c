// Issue #4: every quick fix, applied to a realistic file, with the whole result, the findings after it and
// idempotence checked (quick-fixes/harness.ts), one table per rule family; then a coverage guard that ties the
// applied titles to every fix title template in the source (quick-fixes/templates.ts).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { CGO_ENV_ABSENT_CASES, CGO_ENV_CASES } from './quick-fixes/cgo-env';
import { FLAG_CASES } from './quick-fixes/flags';
import { GODEBUG_CASES } from './quick-fixes/godebug';
import { analysisOf, documentationAction, runAbsentFixCase, runFixCase, type FixCase } from './quick-fixes/harness';
import { IGNORE_CASES } from './quick-fixes/ignore';
import { IMAGE_ABSENT_CASES, IMAGE_CASES } from './quick-fixes/images';
import { NON_TEMPLATE_TITLE_LINES, TITLE_TEMPLATES, TITLE_VERBS } from './quick-fixes/templates';

const FAMILIES: Record<string, readonly FixCase[]> = {
	'CGO_ENABLED and C compilers': CGO_ENV_CASES,
	images: IMAGE_CASES,
	'build flags': FLAG_CASES,
	GODEBUG: GODEBUG_CASES,
	'ignore pragmas (LSP)': IGNORE_CASES,
};
const ALL_CASES = Object.values(FAMILIES).flat();

for (const [family, cases] of Object.entries(FAMILIES)) {
	describe(`quick fixes: ${family}`, () => {
		for (const c of cases) it(`${c.fix} — ${c.name}`, () => runFixCase(c));
	});
}

describe('quick fixes: not offered where they would break the file', () => {
	for (const c of [...CGO_ENV_ABSENT_CASES, ...IMAGE_ABSENT_CASES]) it(c.name, () => runAbsentFixCase(c));
});

const DOC_CASE = IGNORE_CASES[0];

describe('quick fixes: Show documentation (LSP)', () => {
	it('is a command that opens the rule\'s page, with no edit', async () => {
		const [finding] = (await analysisOf(DOC_CASE.files, DOC_CASE.entry)).findings.filter((f) => f.ruleId === DOC_CASE.rule);
		const action = documentationAction(DOC_CASE.files, finding);
		assert.equal(action?.title, `Show documentation for ${DOC_CASE.rule}`);
		assert.equal(action.edit, undefined);
		assert.equal(action.command?.command, 'vscode.open');
		assert.match(String(action.command?.arguments?.[0]), new RegExp(`${DOC_CASE.rule}(\\.md)?$`));
	});
});

const root = resolve(__dirname, '../..');

/** The sources fix titles are made in: every rule module, and the LSP layer's generic actions. */
function titleSources(): string[] {
	const walk = (dir: string): string[] =>
		readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(`${dir}/${e.name}`) : e.name.endsWith('.ts') ? [`${dir}/${e.name}`] : []));
	return [...walk('server/src/rules'), 'server/src/lsp/code-actions.ts'];
}

/** Code lines (whole-line comments left out) of a source file. */
function codeLines(source: string): string[] {
	return readFileSync(join(root, source), 'utf8').split('\n').filter((line) => !/^\s*(\/\/|\/?\*)/.test(line));
}

describe('quick fixes: coverage guard', () => {
	const applied = [...ALL_CASES.map((c) => c.fix), `Show documentation for ${DOC_CASE.rule}`];

	it('every fix title template in the source has a case that applies a title it matches', () => {
		const uncovered = TITLE_TEMPLATES.filter((t) => !applied.some((title) => t.pattern.test(title)));
		assert.deepEqual(uncovered.map((t) => `${t.source}: ${t.pattern}`), []);
	});

	it('every title a case applies is one of the templates', () => {
		assert.deepEqual(applied.filter((title) => !TITLE_TEMPLATES.some((t) => t.pattern.test(title))), []);
	});

	it('every string literal in the sources that starts like a fix title is a listed template, and every listed literal is there', () => {
		const verb = new RegExp(`['\`]((?:${TITLE_VERBS.join('|')}) [^'\`]*)`, 'g');
		const unlisted: string[] = [];
		const found = new Set<(typeof TITLE_TEMPLATES)[number]>();
		for (const source of titleSources()) {
			for (const line of codeLines(source)) {
				for (const [, literal] of line.matchAll(verb)) {
					const claimed = TITLE_TEMPLATES.filter((t) => t.source === source && literal.startsWith(t.literal));
					if (claimed.length === 0) unlisted.push(`${source}: ${literal}`);
					for (const t of claimed) found.add(t);
				}
			}
		}
		assert.deepEqual(unlisted, [], 'a new fix title: add a template to quick-fixes/templates.ts and a case that applies it');
		assert.deepEqual(TITLE_TEMPLATES.filter((t) => !found.has(t)).map((t) => `${t.source}: ${t.literal}`), [], 'a listed literal no longer in its source');
	});

	it('every line that mentions `title` makes a listed template or is a known non-template line', () => {
		const unknown: string[] = [];
		for (const source of titleSources()) {
			for (const line of codeLines(source)) {
				if (!/\btitle\b/.test(line)) continue;
				const template = TITLE_TEMPLATES.some((t) => t.source === source && line.includes(t.literal));
				const known = NON_TEMPLATE_TITLE_LINES.some((n) => n.source === source && n.line.test(line));
				if (!template && !known) unknown.push(`${source}: ${line.trim()}`);
			}
		}
		assert.deepEqual(unknown, []);
	});
});
