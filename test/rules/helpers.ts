import assert from 'node:assert/strict';
import type { Finding, Fix } from '../../server/src/rules/types';
import { analyzeWorkspace, applyEdits } from '../helpers/engine';

/** Shared pieces of the rule tests: realistic project files and fix round trips. */

export const NET_MAIN = 'package main\n\nimport "net/http"\n\nfunc main() { _ = http.ListenAndServe(":8080", nil) }\n';
export const PLAIN_MAIN = 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hello") }\n';
export const USER_MAIN = 'package main\n\nimport (\n\t"net/http"\n\t"os/user"\n)\n\nfunc main() {\n\tu, _ := user.Current()\n\t_ = http.ListenAndServe(":8080", http.RedirectHandler("/"+u.Username, http.StatusFound))\n}\n';

export function goMod(goVersion: string, requires: readonly string[] = []): string {
	const require = requires.length > 0 ? `\nrequire (\n${requires.map((r) => `\t${r}\n`).join('')})\n` : '';
	return `module example.com/app\n\ngo ${goVersion}\n${require}`;
}

/** A Go project: the Dockerfile plus go.mod and main.go (override or drop any with `extra`). */
export function project(dockerfile: string, extra: Record<string, string | undefined> = {}): Record<string, string> {
	const files: Record<string, string | undefined> = { Dockerfile: dockerfile, 'go.mod': goMod('1.22'), 'main.go': NET_MAIN, ...extra };
	return Object.fromEntries(Object.entries(files).filter((e): e is [string, string] => e[1] !== undefined));
}

export async function findingsOf(files: Record<string, string>, ruleId: string): Promise<Finding[]> {
	const result = await analyzeWorkspace(files);
	assert.deepEqual(result.failures, []);
	return result.findings.filter((f) => f.ruleId === ruleId);
}

export async function onlyFinding(files: Record<string, string>, ruleId: string): Promise<Finding> {
	const findings = await findingsOf(files, ruleId);
	assert.equal(findings.length, 1, `expected one ${ruleId} finding, got ${findings.map((f) => f.message).join(' | ')}`);
	return findings[0];
}

/** The text a span covers in one of the workspace files (`/w/Dockerfile` → files.Dockerfile). */
export function textAt(files: Record<string, string>, location: { file: string; span: { start: number; end: number } }): string {
	const text = files[location.file.replace(/^\/w\//, '')];
	assert.ok(text !== undefined, `no file ${location.file}`);
	return text.slice(location.span.start, location.span.end);
}

/** Applies a fix (all its edits are in one file) and returns the workspace after it. */
export function applyFix(files: Record<string, string>, fix: Fix): Record<string, string> {
	const targets = new Set(fix.edits.map((e) => e.file));
	assert.equal(targets.size, 1, 'a fix edits one file');
	const file = [...targets][0].replace(/^\/w\//, '');
	return { ...files, [file]: applyEdits(files[file], fix.edits) };
}

export function fixTitled(finding: Finding, prefix: string): Fix {
	const fix = finding.fixes.find((f) => f.title.startsWith(prefix));
	assert.ok(fix, `no fix starting with ${prefix}: ${finding.fixes.map((f) => f.title).join(' | ')}`);
	return fix;
}
