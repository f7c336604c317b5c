// Consistency of package.json, .vscodeignore, bin/shipcheck and the client's ids (client/src/ids.ts) and document
// selector. Builds nothing; the checks on build outputs run only when `npm run build` has run.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';

const root = join(__dirname, '..', '..');

interface Manifest {
	name: string;
	publisher: string;
	main: string;
	engines: { vscode: string };
	bin: Record<string, string>;
	activationEvents: string[];
	devDependencies: Record<string, string>;
	scripts: Record<string, string>;
	contributes: {
		languages: { id: string; aliases?: string[]; filenames?: string[]; filenamePatterns?: string[]; extensions?: string[]; configuration?: string }[];
		grammars: { language: string; scopeName: string; path: string }[];
		commands: { command: string; title?: string; category?: string }[];
		configuration: { title: string; properties: Record<string, { type?: string; description?: string; markdownDescription?: string; scope?: string }> };
	};
}
/** The parts of client/src/ids.ts and document-selector.ts checked here (imported at run time: see loadClient). */
interface ClientIds {
	CLIENT_ID: string;
	CONFIGURATION_SECTION: string;
	SERVER_MODULE: string;
	COMMANDS: readonly string[];
}
type Filter = { language?: string; scheme?: string; pattern?: string };

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;
const ignoreLines = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
const reincluded = ignoreLines.filter((l) => l.startsWith('!')).map((l) => l.slice(1));

/** The client modules are imported dynamically: test/tsconfig.json does not include client/ (a separate project). */
async function loadClient(): Promise<{ ids: ClientIds; selector: readonly Filter[]; watched: readonly string[] }> {
	const ids = (await import(pathToFileURL(join(root, 'client/src/ids.ts')).href)) as ClientIds;
	const sel = (await import(pathToFileURL(join(root, 'client/src/document-selector.ts')).href)) as { documentSelector: readonly Filter[]; watchedFilePatterns: readonly string[] };
	return { ids, selector: sel.documentSelector, watched: sel.watchedFilePatterns };
}

/** .vscodeignore glob (minimatch subset used here: `**`, `*`, `?`, `{a,b}`) to a RegExp over repo-relative paths. */
function globToRegExp(glob: string): RegExp {
	let re = '';
	for (let i = 0; i < glob.length; i++) {
		const c = glob.charAt(i);
		if (glob.startsWith('**/', i)) { re += '(?:.*/)?'; i += 2; }
		else if (glob.startsWith('**', i)) { re += '.*'; i += 1; }
		else if (c === '*') re += '[^/]*';
		else if (c === '?') re += '[^/]';
		else if (c === '{') re += '(?:';
		else if (c === '}') re += ')';
		else if (c === ',') re += '|';
		else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
	}
	return new RegExp(`^${re}$`);
}

/** Whether vsce packages `file` (repo-relative): the last matching .vscodeignore line wins. */
/**
 * vsce's rule (@vscode/vsce out/package.js, "Split into ignore and negate list"): a file is left out when an ignore
 * line matches it and no `!` line does. The order of the lines does not matter, so a later ignore line cannot take
 * back an earlier `!` line.
 */
function isPackaged(file: string): boolean {
	const ignored = ignoreLines.some((line) => !line.startsWith('!') && globToRegExp(line).test(file));
	const kept = ignoreLines.some((line) => line.startsWith('!') && globToRegExp(line.slice(1)).test(file));
	return !ignored || kept;
}

const rel = (p: string): string => p.replace(/^\.\//, '');

function filesUnder(dir: string): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

describe('package.json and .vscodeignore', () => {
	it('identifies the extension as go-shipcheck.go-shipcheck for VS Code 1.100, matching @types/vscode', () => {
		assert.equal(`${manifest.publisher}.${manifest.name}`, 'go-shipcheck.go-shipcheck'); // the integration suite's EXTENSION_ID
		const engine = /^\^(\d+\.\d+\.\d+)$/.exec(manifest.engines.vscode);
		assert.ok(engine, `engines.vscode is a caret range: ${manifest.engines.vscode}`);
		const types = manifest.devDependencies['@types/vscode']?.replace(/^[~^]/, '');
		assert.equal(types, engine[1], '@types/vscode must not promise APIs newer than engines.vscode');
	});

	it('contributes every command the client registers, each with a title and the "Go Ship Check" category', async () => {
		const { ids } = await loadClient();
		const contributed = manifest.contributes.commands.map((c) => c.command).sort();
		assert.deepEqual(contributed, [...ids.COMMANDS].sort());
		for (const c of manifest.contributes.commands) {
			assert.ok(c.title && c.title.trim() === c.title && !c.title.startsWith('Go Ship Check'), `${c.command}: a title without the category prefix`);
			assert.equal(c.category, 'Go Ship Check', `${c.command}: category`);
		}
		const extensionTs = readFileSync(join(root, 'client/src/extension.ts'), 'utf8');
		assert.equal((extensionTs.match(/registerCommand\(/g) ?? []).length, ids.COMMANDS.length, 'extension.ts registers each command once');
	});

	it('activates on every language the client serves and on workspaces with CI files', async () => {
		const { selector } = await loadClient();
		const events = new Set(manifest.activationEvents);
		const languages = new Set([...manifest.contributes.languages.map((l) => l.id), ...selector.flatMap((f) => (f.language ? [f.language] : []))]);
		for (const id of languages) assert.ok(events.has(`onLanguage:${id}`), `activationEvents has onLanguage:${id}`);
		for (const event of manifest.activationEvents) {
			// onWebviewPanel: restoring an inspector panel after a reload (not implicit, unlike commands and custom editors).
			assert.match(event, /^(onLanguage|workspaceContains|onCommand|onWebviewPanel):/, `known activation event kind: ${event}`);
		}
		// The selector's path-only filters (CI YAML, which other extensions give their own language ids) need a
		// workspaceContains event, or the extension would not be running when such a file is opened first.
		for (const ci of ['.github/workflows', '.gitlab-ci.yml']) {
			assert.ok(selector.some((f) => f.pattern?.includes(ci)), `documentSelector matches ${ci}`);
			assert.ok(manifest.activationEvents.some((e) => e.startsWith('workspaceContains:') && e.includes(ci)), `workspaceContains event for ${ci}`);
		}
		// Commands are activation events implicitly since VS Code 1.74; listing them would be redundant.
		assert.ok(!manifest.activationEvents.some((e) => e.startsWith('onCommand:')), 'no redundant onCommand events');
	});

	it('never contributes a yaml language, and every contributed language has an alias and file associations', () => {
		const ids = manifest.contributes.languages.map((l) => l.id);
		assert.equal(new Set(ids).size, ids.length, 'language ids are unique');
		assert.ok(!ids.some((id) => /yaml|github-actions/i.test(id)), 'YAML belongs to the YAML / GitHub Actions extensions');
		for (const l of manifest.contributes.languages) {
			assert.ok(l.aliases?.length, `${l.id}: aliases`);
			assert.ok((l.filenames?.length ?? 0) + (l.filenamePatterns?.length ?? 0) + (l.extensions?.length ?? 0) > 0, `${l.id}: file associations`);
		}
		for (const g of manifest.contributes.grammars) assert.ok(ids.includes(g.language), `grammar for contributed language ${g.language}`);
	});

	it('reads every setting under the client\'s section, each typed and described, including trace.server', async () => {
		const { ids } = await loadClient();
		assert.equal(ids.CONFIGURATION_SECTION, ids.CLIENT_ID);
		const properties = manifest.contributes.configuration.properties;
		assert.ok(`${ids.CLIENT_ID}.trace.server` in properties, 'vscode-languageclient reads <clientId>.trace.server');
		for (const [key, p] of Object.entries(properties)) {
			assert.ok(key.startsWith(`${ids.CONFIGURATION_SECTION}.`), `${key} is in the ${ids.CONFIGURATION_SECTION} section`);
			assert.ok(p.type, `${key}: type`);
			assert.ok(p.description ?? p.markdownDescription, `${key}: description`);
			assert.ok(p.scope, `${key}: scope (resource settings reach the server per file)`);
		}
	});

	it('.vscodeignore is an allowlist that ships what the manifest points at, and no sources or maps', async () => {
		const { ids } = await loadClient();
		assert.equal(ignoreLines[0], '**', 'starts by excluding everything');
		const referenced = [
			rel(manifest.main), ids.SERVER_MODULE, 'server/out/cli.js', 'package.json', 'LICENSE', 'README.md',
			...Object.values(manifest.bin).map(rel),
			...manifest.contributes.grammars.map((g) => rel(g.path)),
			...manifest.contributes.languages.flatMap((l) => (l.configuration ? [rel(l.configuration)] : [])),
		];
		for (const file of referenced) assert.ok(isPackaged(file), `${file} is packaged`);
		for (const file of ['client/src/extension.ts', 'server/src/server.ts', 'client/out/extension.js.map', 'server/out/server.js.map',
			'node_modules/vscode-languageclient/package.json', 'test/unit/package-manifest.test.ts', 'e2e/install-code-server.sh', 'tsconfig.json', 'examples/x/Dockerfile']) {
			assert.ok(!isPackaged(file), `${file} is not packaged`);
		}
		assert.equal(manifest.main, `./${manifest.main.replace(/^\.\//, '')}`);
		assert.ok(existsSync(join(root, 'LICENSE')), 'LICENSE exists');
	});

	it('README.md\'s relative images exist and are packaged (the details page resolves them inside the extension)', () => {
		const readme = readFileSync(join(root, 'README.md'), 'utf8');
		const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)[^)]*\)/g)].map((m) => m[1] ?? '').filter((src) => !/^[a-z]+:/i.test(src)).map(rel);
		for (const image of images) {
			assert.ok(existsSync(join(root, image)), `${image} exists`);
			assert.ok(isPackaged(image), `${image} is packaged`);
		}
		assert.match(manifest.scripts.package, /--no-rewrite-relative-links/, 'vsce keeps relative links relative');
	});

	it('every path the manifest contributes exists (grammars, language configurations, bin)', () => {
		const paths = [
			...Object.values(manifest.bin),
			...manifest.contributes.grammars.map((g) => g.path),
			...manifest.contributes.languages.flatMap((l) => (l.configuration ? [l.configuration] : [])),
		].map(rel);
		const missing = paths.filter((p) => !existsSync(join(root, p)));
		assert.deepEqual(missing, [], 'contributed files that do not exist');
		for (const [name, bin] of Object.entries(manifest.bin)) {
			const text = readFileSync(join(root, bin), 'utf8');
			assert.ok(text.startsWith('#!/usr/bin/env node\n'), `${name}: node shebang`);
			assert.ok(text.includes("'server', 'out', 'cli.js'"), `${name}: runs the CLI bundle`);
			assert.ok((statSync(join(root, bin)).mode & 0o111) !== 0, `${name} is executable`);
		}
	});

	it('when built: packages every bundle and wasm file the build wrote, and nothing else under the output folders', { skip: !existsSync(join(root, 'client/out/extension.js')) && 'not built' }, () => {
		assert.ok(existsSync(join(root, manifest.main)), `${manifest.main} exists`);
		const outputs = ['client/out', 'server/out', 'media/out'].flatMap((d) => filesUnder(join(root, d))).map((f) => relative(root, f).split('\\').join('/'));
		const packaged = outputs.filter(isPackaged).sort();
		const expected = outputs.filter((f) => !f.endsWith('.map')).sort();
		assert.deepEqual(packaged, expected, 'every built file except source maps is packaged');
		const wasm = packaged.filter((f) => f.endsWith('.wasm'));
		assert.ok(wasm.length >= 3, `the tree-sitter runtime and grammars are packaged: ${wasm.join(', ')}`);
		// bin/shipcheck must behave exactly like the bundle run directly: same output and exit status, on success
		// (--help) and on an error (a missing path), without the cost of a real analysis.
		for (const args of [['--help'], ['check', 'no-such-path-for-shipcheck']]) {
			const direct = spawnSync(process.execPath, [join(root, 'server/out/cli.js'), ...args], { cwd: root, encoding: 'utf8' });
			const viaBin = spawnSync(process.execPath, [join(root, manifest.bin.shipcheck ?? ''), ...args], { cwd: root, encoding: 'utf8' });
			assert.ok(direct.stdout.length + direct.stderr.length > 0, `the CLI answers ${args.join(' ')}`);
			assert.deepEqual([viaBin.status, viaBin.stdout, viaBin.stderr], [direct.status, direct.stdout, direct.stderr], `bin/shipcheck ${args.join(' ')} = node server/out/cli.js ${args.join(' ')}`);
		}
		for (const pattern of reincluded.filter((p) => /^(client|server|media)\/out\//.test(p))) {
			assert.ok(outputs.some((f) => globToRegExp(pattern).test(f)) || pattern.startsWith('media/'), `.vscodeignore pattern !${pattern} matches a built file`);
		}
	});
});
