// Runs the integration suite (suite/) in a real VS Code twice, through @vscode/test-electron's runTests with
// vscodeExecutablePath = scripts/code-web (code-server + headless Chromium, see vscode-web-shim.ts):
//   1. development: the repo itself as extensionDevelopmentPath (its built bundles);
//   2. installed: the packaged .vsix (vsce package --no-dependencies) installed into a fresh extensions dir with
//      code-server --install-extension; a dummy extension is the development path so VS Code still runs in
//      extension-test mode, and the suite checks that the installed copy is the one that answered.
// Each run gets a fresh temporary copy of test/integration/workspace (+ the repo's examples/ under examples/),
// so the repo's files are never modified. Screenshots go to test-results/screenshots/.
// Env: SHIPCHECK_E2E_RUNS=development,installed (default both), E2E_GREP, E2E_TIMEOUT_MS, E2E_KEEP_TMP.
import * as cp from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

const root = path.resolve(__dirname, '../..'); // bundled to build/integration/run-tests.js
const codeWeb = path.join(root, 'scripts/code-web');
const suite = path.join(root, 'build/integration/suite/index');
const screenshots = path.join(root, 'test-results/screenshots');

/** The same flags as package.json's "package" script (no repository URL to rewrite README links against). */
const VSCE_FLAGS = ['--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links'];

type Mode = 'development' | 'installed';

function seconds(since: number): string {
	return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

/** A fresh copy of the fixture workspace with the repo's examples/ inside it. */
function makeWorkspace(into: string): string {
	const workspace = path.join(into, 'workspace');
	fs.cpSync(path.join(root, 'test/integration/workspace'), workspace, { recursive: true });
	const examples = path.join(root, 'examples');
	if (fs.existsSync(examples)) fs.cpSync(examples, path.join(workspace, 'examples'), { recursive: true });
	return workspace;
}

function codeServerEntry(): string {
	return process.env.CODE_SERVER_ENTRY ?? require.resolve('code-server/out/node/entry.js', { paths: [path.join(root, 'e2e/code-server')] });
}

function run(command: string, args: readonly string[], options: cp.SpawnSyncOptions = {}): void {
	const result = cp.spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options });
	if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.signal})`);
}

/** Packages the extension (bundles must be built) and installs the .vsix into `extensionsDir`. */
function packageAndInstall(tmp: string, extensionsDir: string): void {
	const vsix = path.join(tmp, 'go-shipcheck.vsix');
	let started = Date.now();
	run(process.execPath, [path.join(root, 'node_modules/@vscode/vsce/vsce'), 'package', ...VSCE_FLAGS, '--out', vsix]);
	console.log(`packaged ${vsix} (${(fs.statSync(vsix).size / 1024).toFixed(0)} KiB) in ${seconds(started)}`);
	started = Date.now();
	const xdg = path.join(tmp, 'install-xdg');
	run(process.execPath, [codeServerEntry(), '--install-extension', vsix, '--extensions-dir', extensionsDir, '--user-data-dir', path.join(tmp, 'install-user-data')], {
		env: { ...process.env, EXTENSIONS_GALLERY: '{}', XDG_DATA_HOME: `${xdg}/data`, XDG_CONFIG_HOME: `${xdg}/config`, XDG_CACHE_HOME: `${xdg}/cache` },
	});
	console.log(`installed into ${extensionsDir} in ${seconds(started)}`);
}

/** A do-nothing extension: its folder is the extensionDevelopmentPath when the installed copy is under test. */
function makeDummyExtension(tmp: string): string {
	const dir = path.join(tmp, 'dummy-extension');
	fs.mkdirSync(dir, { recursive: true });
	fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({
		name: 'e2e-dummy', publisher: 'go-shipcheck-tests', version: '0.0.0', engines: { vscode: '^1.100.0' },
	}, null, '\t'));
	return dir;
}

async function runMode(mode: Mode, tmp: string): Promise<void> {
	const started = Date.now();
	const dir = path.join(tmp, mode);
	fs.mkdirSync(dir, { recursive: true });
	const extensionsDir = path.join(dir, 'extensions');
	if (mode === 'installed') packageAndInstall(dir, extensionsDir);
	console.log(`\n=== integration suite, ${mode} extension ===`);
	await runTests({
		vscodeExecutablePath: codeWeb,
		extensionDevelopmentPath: mode === 'development' ? root : makeDummyExtension(dir),
		extensionTestsPath: suite,
		launchArgs: [makeWorkspace(dir), `--extensions-dir=${extensionsDir}`, `--user-data-dir=${path.join(dir, 'user-data')}`],
		extensionTestsEnv: {
			SHIPCHECK_E2E_MODE: mode,
			SHIPCHECK_E2E_REPO_ROOT: root,
			SHIPCHECK_E2E_EXTENSIONS_DIR: extensionsDir,
			E2E_OUT_DIR: screenshots,
			E2E_FINAL_SCREENSHOT: `${mode}-final`,
			E2E_TIMEOUT_MS: process.env.E2E_TIMEOUT_MS ?? '180000',
		},
	});
	console.log(`=== ${mode}: passed in ${seconds(started)} ===`);
}

async function main(): Promise<void> {
	const modes = (process.env.SHIPCHECK_E2E_RUNS ?? 'development,installed').split(',').map((m) => m.trim()).filter(Boolean);
	for (const m of modes) if (m !== 'development' && m !== 'installed') throw new Error(`SHIPCHECK_E2E_RUNS: unknown run "${m}"`);
	for (const bundle of ['client/out/extension.js', 'server/out/server.js', 'build/integration/suite/index.js']) {
		if (!fs.existsSync(path.join(root, bundle))) throw new Error(`${bundle} is missing: run npm run build and node scripts/build-tests.mjs`);
	}
	fs.rmSync(screenshots, { recursive: true, force: true });
	fs.mkdirSync(screenshots, { recursive: true });
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'go-shipcheck-e2e-'));
	let failed = false;
	try {
		for (const mode of modes as Mode[]) {
			try {
				await runMode(mode, tmp);
			} catch (error) {
				failed = true;
				console.error(`=== ${mode}: FAILED: ${error instanceof Error ? error.message : String(error)} ===`);
			}
		}
	} finally {
		if (failed || process.env.E2E_KEEP_TMP) console.log(`kept ${tmp}`);
		else fs.rmSync(tmp, { recursive: true, force: true });
	}
	console.log(`screenshots: ${fs.readdirSync(screenshots).map((f) => path.join('test-results/screenshots', f)).join(', ') || 'none'}`);
	if (failed) process.exitCode = 1;
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
