// Bundles the integration harness and suite (test/integration/**/*.ts, fixtures excluded) into build/integration/,
// keeping the folder layout: vscode-web-shim.js (the "VS Code executable" behind scripts/code-web), run-tests.js,
// suite/index.js (the extensionTestsPath module) and suite/*.test.js. npm packages and `vscode` stay external:
// they resolve from the repo's node_modules (or, for `vscode`, from the extension host) at run time.
// Usage: node scripts/build-tests.mjs
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'test/integration');
const outdir = join(root, 'build/integration');

/** Every .ts under test/integration except the fixture workspace. */
function entryPoints(dir) {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const file = join(dir, entry.name);
		if (entry.isDirectory()) return entry.name === 'workspace' || entry.name === 'node_modules' ? [] : entryPoints(file);
		return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [file] : [];
	});
}

const started = Date.now();
const entries = entryPoints(source);
rmSync(outdir, { recursive: true, force: true });
await esbuild.build({
	entryPoints: entries,
	outdir,
	outbase: source,
	bundle: true,
	packages: 'external',
	external: ['vscode'],
	platform: 'node',
	format: 'cjs',
	target: 'node20',
	sourcemap: 'inline', // for a debugger attached to the extension host, and node --enable-source-maps
	logLevel: 'warning',
});
console.log(`built ${entries.length} integration files (${entries.map((f) => relative(source, f)).join(', ')}) in ${Date.now() - started} ms`);
