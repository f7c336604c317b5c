// Bundles the client, the language server, the CLI and the webview script with esbuild, and copies the
// tree-sitter runtime and grammar wasm files next to the server bundle (PARSING.md: load them from there).
// Usage: node scripts/build.mjs [--minify] [--watch]
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const minify = process.argv.includes('--minify');
const watch = process.argv.includes('--watch');

// web-tree-sitter's ESM build reads import.meta.url, which a CommonJS bundle does not have: use its CJS build.
// The two vscode-languageserver packages ship both: take the build Node's own require() loads, for every
// importer. esbuild would otherwise bundle the ESM build (its `module` condition), whose exports a CommonJS
// caller (dockerfile-ast) reaches through one getter call per access: measured on the benchmark corpus, 5% of a
// CLI run's main thread.
const alias = {
	'web-tree-sitter': join(root, 'node_modules/web-tree-sitter/web-tree-sitter.cjs'),
	'vscode-languageserver-types': join(root, 'node_modules/vscode-languageserver-types/lib/umd/main.js'),
	'vscode-languageserver-textdocument': join(root, 'node_modules/vscode-languageserver-textdocument/lib/umd/main.js'),
};
const nodeBundle = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: true, minify, logLevel: 'warning', alias };
const builds = [
	{ ...nodeBundle, entryPoints: [join(root, 'client/src/extension.ts')], outfile: join(root, 'client/out/extension.js'), external: ['vscode'] },
	{ ...nodeBundle, entryPoints: [join(root, 'server/src/server.ts')], outfile: join(root, 'server/out/server.js') },
	// The CLI: a small entry that loads the CLI proper through V8's code cache (server/src/cli/entry.ts says why).
	{ ...nodeBundle, entryPoints: [join(root, 'server/src/cli/entry.ts')], outfile: join(root, 'server/out/cli.js') },
	{ ...nodeBundle, entryPoints: [join(root, 'server/src/cli/main.ts')], outfile: join(root, 'server/out/cli-main.js') },
];
const webview = join(root, 'media/src/binary-view.ts');
if (existsSync(webview)) {
	builds.push({ bundle: true, platform: 'browser', format: 'iife', target: 'es2022', sourcemap: true, minify, logLevel: 'warning',
		entryPoints: [webview], outfile: join(root, 'media/out/binary-view.js') });
}

/** The wasm files the server loads at start-up, from the npm packages pinned in package.json. */
export const wasmFiles = [
	'node_modules/web-tree-sitter/web-tree-sitter.wasm',
	'node_modules/tree-sitter-bash/tree-sitter-bash.wasm',
	'node_modules/@tree-sitter-grammars/tree-sitter-yaml/tree-sitter-yaml.wasm',
];

function copyWasm() {
	const out = join(root, 'server/out');
	mkdirSync(out, { recursive: true });
	for (const file of wasmFiles) copyFileSync(join(root, file), join(out, file.split('/').pop()));
}

if (watch) {
	copyWasm();
	for (const options of builds) await (await esbuild.context(options)).watch();
	console.log('watching…');
} else {
	const started = Date.now();
	await Promise.all(builds.map((options) => esbuild.build(options)));
	copyWasm();
	console.log(`built ${builds.length} bundles and ${wasmFiles.length} wasm files in ${Date.now() - started} ms`);
}
