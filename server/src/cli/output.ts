import { LineIndex } from '../parse/line-index';
import { RULES } from '../rules/index';
import { ruleDocUrl } from '../rules/rule';
import type { Finding, Severity } from '../rules/types';

/** A finding with 1-based line/column positions and a path relative to the working directory. */
export interface PositionedFinding {
	readonly finding: Finding;
	readonly file: string;
	readonly line: number;
	readonly column: number;
	readonly endLine: number;
	readonly endColumn: number;
	readonly related: readonly { readonly file: string; readonly line: number; readonly message: string }[];
}

export function positionFindings(findings: readonly Finding[], readText: (file: string) => string | undefined, display: (file: string) => string): PositionedFinding[] {
	const indexes = new Map<string, LineIndex>();
	const mapper = (file: string) => {
		let index = indexes.get(file);
		if (!index) {
			index = new LineIndex(readText(file) ?? '');
			indexes.set(file, index);
		}
		return { positionAt: (offset: number) => ({ line: index.lineOf(offset), character: offset - index.lineStart(index.lineOf(offset)) }) };
	};
	return findings.map((finding) => {
		const start = mapper(finding.file).positionAt(finding.span.start);
		const end = mapper(finding.file).positionAt(finding.span.end);
		return {
			finding,
			file: display(finding.file),
			line: start.line + 1,
			column: start.character + 1,
			endLine: end.line + 1,
			endColumn: end.character + 1,
			related: finding.related.map((r) => ({ file: display(r.file), line: mapper(r.file).positionAt(r.span.start).line + 1, message: r.message })),
		};
	});
}

/** `file:line:col: severity: message [rule]`, then a summary line (actionlint style). */
export function formatText(findings: readonly PositionedFinding[], filesChecked: number): string {
	const lines = findings.map((f) => `${f.file}:${f.line}:${f.column}: ${f.finding.severity}: ${f.finding.message} [${f.finding.ruleId}]`);
	const counts = countBySeverity(findings);
	const summary = findings.length === 0 ? `no problems in ${filesChecked} file${filesChecked === 1 ? '' : 's'}` : `${findings.length} problem${findings.length === 1 ? '' : 's'} (${counts}) in ${filesChecked} file${filesChecked === 1 ? '' : 's'}`;
	return [...lines, summary].join('\n');
}

function countBySeverity(findings: readonly PositionedFinding[]): string {
	const order: Severity[] = ['error', 'warning', 'info', 'hint'];
	return order
		.map((s) => [s, findings.filter((f) => f.finding.severity === s).length] as const)
		.filter(([, n]) => n > 0)
		.map(([s, n]) => `${n} ${s}${n === 1 ? '' : 's'}`)
		.join(', ');
}

/** The stable JSON contract (version 1). */
export function formatJson(findings: readonly PositionedFinding[]): string {
	return JSON.stringify(
		{
			version: 1,
			findings: findings.map((f) => ({
				rule: f.finding.ruleId,
				severity: f.finding.severity,
				file: f.file,
				line: f.line,
				column: f.column,
				endLine: f.endLine,
				endColumn: f.endColumn,
				message: f.finding.message,
				related: f.related,
				fixes: f.finding.fixes.map((x) => x.title),
			})),
		},
		null,
		2,
	);
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** SARIF 2.1.0 as GitHub code scanning accepts it. */
export function formatSarif(findings: readonly PositionedFinding[], version: string): string {
	const rules = RULES.map((r) => ({
		id: r.id,
		name: r.id,
		shortDescription: { text: r.summary },
		helpUri: ruleDocUrl(r.id),
		defaultConfiguration: { level: SARIF_LEVEL[r.defaultSeverity] },
	}));
	const results = findings.map((f) => ({
		ruleId: f.finding.ruleId,
		ruleIndex: Math.max(0, RULES.findIndex((r) => r.id === f.finding.ruleId)),
		level: SARIF_LEVEL[f.finding.severity],
		message: { text: f.finding.message },
		locations: [location(f.file, f.line, f.column, f.endLine, f.endColumn)],
		relatedLocations: f.related.map((r, i) => ({ id: i, ...location(r.file, r.line, 1, r.line, 1), message: { text: r.message } })),
	}));
	return JSON.stringify(
		{
			$schema: 'https://json.schemastore.org/sarif-2.1.0.json',
			version: '2.1.0',
			runs: [{ tool: { driver: { name: 'go-shipcheck', informationUri: 'https://github.com/go-shipcheck/go-shipcheck', version, rules } }, results }],
		},
		null,
		2,
	);
}

function location(file: string, line: number, column: number, endLine: number, endColumn: number) {
	return { physicalLocation: { artifactLocation: { uri: file }, region: { startLine: line, startColumn: column, endLine, endColumn } } };
}
