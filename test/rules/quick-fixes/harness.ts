import assert from 'node:assert/strict';
import type { CodeAction } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ruleActions } from '../../../server/src/lsp/code-actions';
import { textMapper, toDiagnostic } from '../../../server/src/lsp/convert';
import type { AnalysisResult } from '../../../server/src/rules/analyze';
import type { Finding, Fix } from '../../../server/src/rules/types';
import { analyzeWorkspace, applyEdits } from '../../helpers/engine';

/**
 * The table-driven round trip of every quick fix (issue #4): analyse a realistic workspace, pick the finding
 * and the fix by its exact title, apply it, compare the WHOLE edited file with the expected text, re-analyse
 * and compare every finding left with the expected list, then check idempotence (the same title is not
 * offered again on what is left of the problem, or applying it changes nothing).
 *
 * The offered actions are the finding's own fixes (Finding.fixes) plus what the LSP layer adds to every
 * diagnostic (lsp/code-actions.ts `ruleActions`: Ignore … for this instruction / for this file), taken from the
 * real code-action code with its edits turned back into offsets.
 */

export type Files = Record<string, string>;

export interface FixCase {
	/** What the case shows (the SCENARIOS entry it comes from, where the fix writes). */
	readonly name: string;
	readonly files: Files;
	/** The analysed entry file, as the editor analyses the open document (default `Dockerfile`). */
	readonly entry?: string;
	readonly rule: string;
	/** The text the finding covers: needed when the rule reports more than one finding. */
	readonly at?: string;
	/** The exact fix title. */
	readonly fix: string;
	/** The file the fix edits, and its whole text afterwards. */
	readonly file: string;
	readonly expected: string;
	/**
	 * Every finding of the workspace after the fix, any rule, as `rule file:line "covered text"` (see
	 * `brief`). Default: none. A fix that by design leaves another finding lists it here.
	 */
	readonly after?: readonly string[];
}

export async function analysisOf(files: Files, entry: string | undefined): Promise<AnalysisResult> {
	const result = await analyzeWorkspace(files, { entry });
	assert.deepEqual(result.failures, [], 'no rule throws');
	return result;
}

function relative(file: string): string {
	return file.replace(/^\/w\//, '');
}

/** `rule file:line "covered text"`, 1-based line. */
export function brief(files: Files, finding: Finding): string {
	const text = files[relative(finding.file)] ?? '';
	const line = text.slice(0, finding.span.start).split('\n').length;
	return `${finding.ruleId} ${relative(finding.file)}:${line} ${JSON.stringify(text.slice(finding.span.start, finding.span.end))}`;
}

/** The rule's own fixes, then the LSP layer's ignore actions (the documentation action has no edit). */
export function offeredFixes(files: Files, finding: Finding): Fix[] {
	const path = relative(finding.file);
	const text = files[path];
	assert.ok(text !== undefined, `no file ${finding.file}`);
	const mapper = textMapper(text);
	const uri = `file://${finding.file}`;
	const diagnostic = toDiagnostic(finding, mapper, (file) => (files[relative(file)] === undefined ? undefined : textMapper(files[relative(file)])), (file) => `file://${file}`, 1);
	const document = TextDocument.create(uri, 'plaintext', 1, text);
	const ignores: Fix[] = [];
	for (const action of ruleActions(diagnostic, document)) {
		const edits = action.edit?.changes?.[uri];
		if (!edits) continue;
		ignores.push({
			title: action.title,
			edits: edits.map((e) => ({ file: finding.file, span: { start: document.offsetAt(e.range.start), end: document.offsetAt(e.range.end) }, newText: e.newText })),
		});
	}
	return [...finding.fixes, ...ignores];
}

/** The LSP layer's "Show documentation for <rule>" action of a finding: a command, no edit. */
export function documentationAction(files: Files, finding: Finding): CodeAction | undefined {
	const text = files[relative(finding.file)];
	const diagnostic = toDiagnostic(finding, textMapper(text), () => undefined, (file) => `file://${file}`, 1);
	return ruleActions(diagnostic, TextDocument.create(`file://${finding.file}`, 'plaintext', 1, text)).find((a) => a.title.startsWith('Show documentation'));
}

/** Applies a fix (its edits are in one file) and returns the workspace after it. */
export function applyFix(files: Files, fix: Fix): Files {
	const targets = new Set(fix.edits.map((e) => relative(e.file)));
	assert.equal(targets.size, 1, `"${fix.title}" edits one file`);
	const [file] = [...targets];
	assert.ok(files[file] !== undefined, `no file ${file}`);
	return { ...files, [file]: applyEdits(files[file], fix.edits) };
}

function describeAll(files: Files, result: AnalysisResult): string[] {
	return result.findings.map((f) => brief(files, f));
}

/**
 * What every offered fix must be: edits in one file that do not overlap (types.ts), and GODEBUG insertions
 * only in a Dockerfile ENV, never in go.mod or a //go:debug line, where an unknown key fails the build.
 */
function assertWellFormed(fix: Fix): void {
	assert.equal(new Set(fix.edits.map((e) => e.file)).size, 1, `"${fix.title}" edits one file`);
	const sorted = [...fix.edits].sort((a, b) => a.span.start - b.span.start);
	for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i].span.start >= sorted[i - 1].span.end, `"${fix.title}": its edits overlap`);
	if (fix.title.startsWith('Insert GODEBUG')) assert.ok(fix.edits.every((e) => /(^|\/)(Dockerfile[^/]*|Containerfile|[^/]*\.[Dd]ockerfile)$/.test(e.file)), `"${fix.title}" writes a Dockerfile, not go.mod or Go source`);
}

/** Runs one case (the coverage guard reads `c.fix`: a case fails unless that exact title is applied). */
export async function runFixCase(c: FixCase): Promise<void> {
	const before = await analysisOf(c.files, c.entry);
	const candidates = before.findings.filter((f) => f.ruleId === c.rule && (c.at === undefined || c.files[relative(f.file)]?.slice(f.span.start, f.span.end) === c.at));
	assert.equal(candidates.length, 1, `one ${c.rule} finding${c.at ? ` on "${c.at}"` : ''}; findings: ${describeAll(c.files, before).join(' | ')}`);
	const [finding] = candidates;
	const offered = offeredFixes(c.files, finding);
	for (const f of offered) assertWellFormed(f);
	const fix = offered.find((f) => f.title === c.fix);
	assert.ok(fix, `fix "${c.fix}" offered; offered: ${offered.map((f) => f.title).join(' | ')}`);
	assert.ok(fix.edits.every((e) => relative(e.file) === c.file), `"${c.fix}" edits ${c.file}`);

	const fixed = applyFix(c.files, fix);
	assert.equal(fixed[c.file], c.expected, 'the whole file after the fix');

	const after = await analysisOf(fixed, c.entry);
	assert.deepEqual(describeAll(fixed, after), c.after ?? [], 'the findings after the fix');

	// Idempotence: on what is left of the rule's findings, the same title is either not offered or a no-op.
	// An ignore pragma is per file: another file's finding of the rule rightly offers its own.
	const ignore = c.fix.startsWith('Ignore ');
	for (const again of after.findings.filter((f) => f.ruleId === finding.ruleId && (!ignore || f.file === finding.file))) {
		for (const repeat of offeredFixes(fixed, again).filter((f) => f.title === c.fix)) {
			const twice = applyFix(fixed, repeat);
			for (const [file, text] of Object.entries(twice)) assert.equal(text, fixed[file], `"${c.fix}" applied a second time (on ${brief(fixed, again)}) changes ${file}`);
		}
	}
}

/** A fix that must not be offered on a finding (a title prefix: every variant of it), where it would break the file. */
export interface AbsentFixCase {
	readonly name: string;
	readonly files: Files;
	readonly entry?: string;
	readonly rule: string;
	readonly titlePrefix: string;
	/** The fixes that are offered instead (rule fixes only, in order). */
	readonly offered: readonly string[];
}

export async function runAbsentFixCase(c: AbsentFixCase): Promise<void> {
	const result = await analysisOf(c.files, c.entry);
	const findings = result.findings.filter((f) => f.ruleId === c.rule);
	assert.equal(findings.length, 1, `one ${c.rule} finding; findings: ${describeAll(c.files, result).join(' | ')}`);
	const titles = findings[0].fixes.map((f) => f.title);
	assert.ok(!titles.some((t) => t.startsWith(c.titlePrefix)), `no "${c.titlePrefix}…" fix; offered: ${titles.join(' | ')}`);
	assert.deepEqual(titles, c.offered);
}

/** CRLF line endings for the CRLF variants of a case. */
export function crlf(text: string): string {
	return text.replaceAll('\n', '\r\n');
}

export const NET_MAIN = 'package main\n\nimport "net/http"\n\nfunc main() { _ = http.ListenAndServe(":8080", nil) }\n';
export const PLAIN_MAIN = 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hello") }\n';
export const USER_MAIN = 'package main\n\nimport (\n\t"net/http"\n\t"os/user"\n)\n\nfunc main() {\n\tu, _ := user.Current()\n\t_ = http.ListenAndServe(":8080", http.RedirectHandler("/"+u.Username, http.StatusFound))\n}\n';
export const SQLITE_MAIN = 'package main\n\nimport (\n\t"database/sql"\n\t"net/http"\n\n\t_ "github.com/mattn/go-sqlite3"\n)\n\nfunc main() {\n\tdb, _ := sql.Open("sqlite3", "/data/app.db")\n\t_ = db.Ping()\n\t_ = http.ListenAndServe(":8080", nil)\n}\n';
export const KAFKA_MAIN = 'package main\n\nimport "github.com/confluentinc/confluent-kafka-go/v2/kafka"\n\nfunc main() {\n\tp, err := kafka.NewProducer(&kafka.ConfigMap{"bootstrap.servers": "kafka:9092"})\n\tif err != nil {\n\t\tpanic(err)\n\t}\n\tdefer p.Close()\n}\n';

export function goMod(go: string, requires: readonly string[] = [], extra = ''): string {
	const require = requires.length === 0 ? '' : requires.length === 1 ? `\nrequire ${requires[0]}\n` : `\nrequire (\n${requires.map((r) => `\t${r}\n`).join('')})\n`;
	return `module example.com/app\n\ngo ${go}\n${extra}${require}`;
}
