import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/rules/index';
import { analyzeWorkspace } from '../helpers/engine';

/**
 * Executable docs (STYLE §7.6): every rule has `server/src/rules/<id>.md` with fixed sections; the files of
 * its Bad example must produce that rule and no other, the Good example nothing at all.
 */
const rulesDir = resolve(__dirname, '../../server/src/rules');
const SECTIONS = ['Summary', 'Why', 'Bad', 'Good', 'Fix', 'References'];

function sections(markdown: string): Map<string, string> {
	const map = new Map<string, string>();
	const parts = markdown.split(/^## /m).slice(1);
	for (const part of parts) {
		const newline = part.indexOf('\n');
		map.set(part.slice(0, newline).trim(), part.slice(newline + 1));
	}
	return map;
}

/** Fenced blocks with `title="path"` become files of one workspace; untitled dockerfile blocks are `Dockerfile`. */
function exampleFiles(section: string): Record<string, string> {
	const files: Record<string, string> = {};
	for (const m of section.matchAll(/^```(\w+)(?:\s+title="([^"]+)")?\n([\s\S]*?)^```$/gm)) {
		const path = m[2] ?? (m[1] === 'dockerfile' ? 'Dockerfile' : undefined);
		if (path) files[path] = m[3]!;
	}
	return files;
}

function entryOf(files: Record<string, string>): string {
	return Object.keys(files).find((f) => /(^|\/)(Dockerfile|Containerfile)[^/]*$/.test(f)) ?? Object.keys(files)[0];
}

describe('rule docs', () => {
	for (const rule of RULES) {
		const path = join(rulesDir, `${rule.id}.md`);
		describe(rule.id, () => {
			it('has a doc page with the fixed sections and the rule summary', () => {
				assert.ok(existsSync(path), `${path} is missing`);
				const doc = sections(readFileSync(path, 'utf8'));
				assert.deepEqual([...doc.keys()].filter((k) => SECTIONS.includes(k)), SECTIONS);
				assert.equal(doc.get('Summary')!.trim(), rule.summary);
			});
			it('its Bad example produces exactly this rule', async () => {
				const files = exampleFiles(sections(readFileSync(path, 'utf8')).get('Bad') ?? '');
				assert.ok(Object.keys(files).length > 0, 'Bad has no example');
				const result = await analyzeWorkspace(files, { entry: entryOf(files) });
				assert.ok(result.findings.length > 0, 'Bad produced no finding');
				assert.deepEqual([...new Set(result.findings.map((f) => f.ruleId))], [rule.id]);
			});
			it('its Good example produces nothing', async () => {
				const files = exampleFiles(sections(readFileSync(path, 'utf8')).get('Good') ?? '');
				assert.ok(Object.keys(files).length > 0, 'Good has no example');
				const result = await analyzeWorkspace(files, { entry: entryOf(files) });
				assert.deepEqual(result.findings.map((f) => `${f.ruleId}: ${f.message}`), []);
			});
		});
	}
});
