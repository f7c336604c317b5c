import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';

/**
 * Enforces the import arrows of STYLE §8: a pure core (binary, knowledge, protocol, parse, model, rules)
 * under a thin LSP layer; the client talks to the server only through protocol types.
 */
const root = resolve(__dirname, '..');

/** Folder → the project folders it may import (besides itself) and whether Node built-ins are allowed. */
const RULES: Record<string, { may: string[]; node: boolean; packages?: RegExp }> = {
	'server/src/binary': { may: [], node: false, packages: /^$/ },
	'server/src/knowledge': { may: [], node: false, packages: /^$/ },
	'server/src/protocol': { may: [], node: false, packages: /^vscode-languageserver-protocol$/ },
	'server/src/parse': { may: [], node: false, packages: /^(web-tree-sitter|dockerfile-ast(\/.*)?)$/ },
	'server/src/model': { may: ['server/src/parse', 'server/src/knowledge'], node: false, packages: /^$/ },
	'server/src/rules': { may: ['server/src/model', 'server/src/knowledge', 'server/src/binary', 'server/src/parse'], node: false, packages: /^$/ },
	'server/src/node': { may: ['server/src/model', 'server/src/parse', 'server/src/binary'], node: true, packages: /^$/ },
	'server/src/lsp': { may: ['server/src/rules', 'server/src/model', 'server/src/parse', 'server/src/binary', 'server/src/knowledge', 'server/src/protocol', 'server/src/node'], node: true },
	'server/src/cli': { may: ['server/src/rules', 'server/src/model', 'server/src/parse', 'server/src/binary', 'server/src/knowledge', 'server/src/node'], node: true },
	'client/src': { may: ['server/src/protocol'], node: true },
	'media/src': { may: ['client/src/binary-view/messages.ts'], node: false, packages: /^$/ },
};

function tsFiles(dir: string): string[] {
	let out: string[] = [];
	let entries;
	try {
		entries = readdirSync(join(root, dir), { withFileTypes: true });
	} catch {
		return out;
	}
	for (const e of entries) {
		if (e.isDirectory()) out = out.concat(tsFiles(join(dir, e.name)));
		else if (e.name.endsWith('.ts')) out.push(join(dir, e.name));
	}
	return out;
}

function importsOf(file: string): string[] {
	const text = readFileSync(join(root, file), 'utf8');
	const found: string[] = [];
	for (const m of text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)/gm)) found.push(m[1] ?? m[2] ?? m[3]);
	return found;
}

const NODE_BUILTINS = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

function owner(path: string): string | undefined {
	return Object.keys(RULES).find((folder) => path === folder || path.startsWith(`${folder}/`));
}

describe('architecture: import arrows (STYLE §8)', () => {
	for (const [folder, rule] of Object.entries(RULES)) {
		it(`${folder} imports only what it may`, () => {
			const problems: string[] = [];
			for (const file of tsFiles(folder)) {
				for (const spec of importsOf(file)) {
					if (spec.startsWith('.')) {
						const target = relative(root, resolve(root, dirname(file), spec)).replace(/\\/g, '/');
						const targetOwner = owner(target) ?? owner(`${target}.ts`) ?? target;
						if (targetOwner === folder || rule.may.some((m) => target === m || target.startsWith(`${m}/`) || `${target}.ts` === m)) continue;
						problems.push(`${file} → ${target}`);
					} else if (NODE_BUILTINS.has(spec)) {
						if (!rule.node) problems.push(`${file} → Node built-in ${spec}`);
					} else if (rule.packages && !rule.packages.test(spec)) {
						problems.push(`${file} → package ${spec}`);
					}
				}
			}
			assert.deepEqual(problems, []);
		});
	}
	it('server.ts imports only lsp/', () => {
		for (const spec of importsOf('server/src/server.ts')) assert.match(spec, /^\.\/lsp\//);
	});
	it('nothing imports test/ or lsp/ from the core', () => {
		for (const folder of ['server/src', 'client/src', 'media/src']) {
			for (const file of tsFiles(folder)) for (const spec of importsOf(file)) assert.doesNotMatch(spec, /(^|\/)test\//, `${file} imports ${spec}`);
		}
	});
	it('the checked folders contain code (the test cannot pass vacuously)', () => {
		for (const folder of ['server/src/model', 'server/src/rules', 'server/src/lsp', 'server/src/parse', 'server/src/knowledge']) assert.ok(tsFiles(folder).length > 0, folder);
	});
});
