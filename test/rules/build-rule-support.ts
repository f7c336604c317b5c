import assert from 'node:assert/strict';
import type { Finding, Fix } from '../../server/src/rules/types';
import { analyzeWorkspace, applyEdits } from '../helpers/engine';

/** Helpers for the cgo/toolchain rule tests: run one rule over a workspace, look at spans, apply fixes. */

export type Files = Record<string, string>;

export async function findingsFor(files: Files, ruleId: string, entry = 'Dockerfile'): Promise<Finding[]> {
	const result = await analyzeWorkspace(files, { entry });
	assert.deepEqual(result.failures, []);
	return result.findings.filter((f) => f.ruleId === ruleId);
}

export async function single(files: Files, ruleId: string, entry = 'Dockerfile'): Promise<Finding> {
	const findings = await findingsFor(files, ruleId, entry);
	assert.equal(findings.length, 1, `expected one ${ruleId} finding, got: ${findings.map((f) => f.message).join(' | ')}`);
	return findings[0];
}

/** The text under a finding's or related location's span. */
export function covered(files: Files, location: { file: string; span: { start: number; end: number } }): string {
	const text = files[location.file.replace(/^\/w\//, '')];
	assert.ok(text !== undefined, `no file ${location.file}`);
	return text.slice(location.span.start, location.span.end);
}

/** `file: "covered text": message` for each related location. */
export function relatedOf(files: Files, finding: Finding): string[] {
	return finding.related.map((r) => `${r.file.replace(/^\/w\//, '')}: ${JSON.stringify(covered(files, r))}: ${r.message}`);
}

export function applyFix(files: Files, fix: Fix): Files {
	const targets = new Set(fix.edits.map((e) => e.file));
	assert.equal(targets.size, 1, 'a fix edits one file');
	const file = [...targets][0].replace(/^\/w\//, '');
	return { ...files, [file]: applyEdits(files[file], fix.edits) };
}

export function fixTitled(finding: Finding, prefix: string): Fix {
	const fix = finding.fixes.find((f) => f.title.startsWith(prefix));
	assert.ok(fix, `no fix starting with "${prefix}": ${finding.fixes.map((f) => f.title).join(' | ')}`);
	return fix;
}

/** Applies `fix`, checks the whole resulting file, and checks the rule is silent afterwards (so no fix is offered again). */
export async function assertFixResolves(files: Files, finding: Finding, title: string, file: string, expected: string, ruleId: string, entry = 'Dockerfile'): Promise<Files> {
	const after = applyFix(files, fixTitled(finding, title));
	assert.equal(after[file], expected);
	assert.deepEqual((await findingsFor(after, ruleId, entry)).map((f) => f.message), []);
	return after;
}

export const SQLITE_MAIN = 'package main\n\nimport (\n\t"database/sql"\n\t"net/http"\n\n\t_ "github.com/mattn/go-sqlite3"\n)\n\nfunc main() {\n\tdb, _ := sql.Open("sqlite3", "/data/app.db")\n\t_ = db.Ping()\n\t_ = http.ListenAndServe(":8080", nil)\n}\n';
export const KAFKA_MAIN = 'package main\n\nimport "github.com/confluentinc/confluent-kafka-go/v2/kafka"\n\nfunc main() {\n\tp, err := kafka.NewProducer(&kafka.ConfigMap{"bootstrap.servers": "kafka:9092"})\n\tif err != nil {\n\t\tpanic(err)\n\t}\n\tdefer p.Close()\n}\n';
export const NET_MAIN = 'package main\n\nimport "net/http"\n\nfunc main() { _ = http.ListenAndServe(":8080", nil) }\n';
export const PLAIN_MAIN = 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hello") }\n';

export function goMod(go: string, requires: readonly string[] = [], extra = ''): string {
	const require = requires.length === 0 ? '' : requires.length === 1 ? `\nrequire ${requires[0]}\n` : `\nrequire (\n${requires.map((r) => `\t${r}\n`).join('')})\n`;
	return `module example.com/app\n\ngo ${go}\n${extra}${require}`;
}
