// A stand-in for the VS Code desktop executable, for @vscode/test-electron's `vscodeExecutablePath`
// (/work/shared/vscode-runtime/README.md: no desktop VS Code can be downloaded on our machines).
// It accepts the CLI that runTests() passes (--extensionTestsPath=, --extensionDevelopmentPath=, --user-data-dir=,
// --extensions-dir=, a folder, and desktop-only flags it ignores), then runs the same tests in a real VS Code:
// code-server 4.100.3 (VS Code 1.100.3 server + Node extension host) with its workbench opened in headless Debian
// Chromium via playwright-core. Tests run inside the extension host exactly as on desktop (the extensionTestsPath
// module's run()), and this process exits with the extension host's exit code (0 = all passed), like `code` does.
//
// Env: CODE_SERVER_ENTRY, CHROMIUM_PATH, E2E_OUT_DIR (screenshots; default cwd), E2E_TIMEOUT_MS (default 300000,
// then exit 124), E2E_FINAL_SCREENSHOT (name of the screenshot taken when the run ends; default final), E2E_VERBOSE (forward every workbench log line), E2E_KEEP_TMP (keep logs of a passing run).
// Tests get E2E_HARNESS_PORT: GET /begin marks the start of the suite (workbench log lines are forwarded from then
// on; before, only errors, or everything with E2E_VERBOSE); GET /screenshot?name=N[&waitFor=<css>]... writes $E2E_OUT_DIR/N.png and answers JSON
// { file, waited: { <css>: <innerText of the first match> | null } } (null = not visible within 15 s).
import * as cp from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as util from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';

const t0 = Date.now();
const log = (...a: unknown[]): void => console.log(`[vscode-web +${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);
/** Screenshots and selector waits from the test endpoint give the workbench at most this long to render. */
const RENDER_WAIT_MS = 15_000;

interface ShimArgs {
	extensionTestsPath: string;
	extensionDevelopmentPath: string[];
	userDataDir: string;
	extensionsDir: string;
	folder: string;
}

function parseArgs(argv: readonly string[]): ShimArgs {
	const o: ShimArgs = { extensionTestsPath: '', extensionDevelopmentPath: [], userDataDir: '', extensionsDir: '', folder: '' };
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i] ?? '';
		const eq = a.indexOf('=');
		const [k, v] = a.startsWith('--') && eq > 0 ? [a.slice(2, eq), a.slice(eq + 1)] : [a.slice(2), undefined];
		const val = (): string => v ?? argv[++i] ?? '';
		if (!a.startsWith('--')) o.folder = path.resolve(a);
		else if (k === 'extensionTestsPath') o.extensionTestsPath = path.resolve(val());
		else if (k === 'extensionDevelopmentPath') o.extensionDevelopmentPath.push(path.resolve(val()));
		else if (k === 'user-data-dir') o.userDataDir = path.resolve(val());
		else if (k === 'extensions-dir') o.extensionsDir = path.resolve(val());
		// everything else (--no-sandbox, --disable-gpu-sandbox, --disable-updates, --skip-welcome, ...) is desktop-only
	}
	return o;
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const s = net.createServer();
		s.on('error', reject);
		s.listen(0, '127.0.0.1', () => {
			const { port } = s.address() as net.AddressInfo;
			s.close(() => resolve(port));
		});
	});
}

async function waitHttp(url: string, ms: number, server: cp.ChildProcess): Promise<void> {
	const end = Date.now() + ms;
	while (Date.now() < end) {
		if (server.exitCode !== null) throw new Error(`code-server exited with ${server.exitCode} before listening`);
		try {
			const r = await fetch(url);
			if (r.status < 500) return;
		} catch { /* not up yet */ }
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`code-server did not come up at ${url} within ${ms} ms`);
}

function resolveCodeServer(root: string): string {
	if (process.env.CODE_SERVER_ENTRY) return process.env.CODE_SERVER_ENTRY;
	try {
		return require.resolve('code-server/out/node/entry.js', { paths: [path.join(root, 'e2e/code-server'), root] });
	} catch {
		throw new Error('code-server is not installed: run e2e/install-code-server.sh (or set CODE_SERVER_ENTRY)');
	}
}

/** The test-facing endpoint: screenshots of the live page, after optionally waiting for elements to render. */
function createHarness(getPage: () => Page | undefined, outDir: string, onBegin: () => void): http.Server {
	return http.createServer((req, res) => {
		void (async () => {
			const u = new URL(req.url ?? '/', 'http://x');
			const page = getPage();
			if (u.pathname === '/begin') { // the suite's run() has started: forward every log line from now on
				onBegin();
				res.end();
				return;
			}
			if (u.pathname !== '/screenshot' || !page) {
				res.statusCode = 404;
				res.end();
				return;
			}
			try {
				const waited: Record<string, string | null> = {};
				for (const selector of u.searchParams.getAll('waitFor')) {
					const first = page.locator(selector).first();
					waited[selector] = await first.waitFor({ state: 'visible', timeout: RENDER_WAIT_MS })
						.then(async () => (await first.innerText()).slice(0, 2000), () => null);
				}
				// Two animation frames: the last DOM change is painted before the capture.
				// (A string: it runs in the page, and this file is type-checked without the DOM lib.)
				await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
				const file = path.join(outDir, `${(u.searchParams.get('name') ?? 'shot').replace(/[^\w.-]/g, '_')}.png`);
				await page.screenshot({ path: file });
				log('screenshot', file);
				res.setHeader('content-type', 'application/json');
				res.end(JSON.stringify({ file, waited }));
			} catch (error) {
				res.statusCode = 500;
				res.end(String(error));
			}
		})();
	});
}

async function main(): Promise<number> {
	const args = parseArgs(process.argv.slice(2));
	if (!args.extensionTestsPath) throw new Error('--extensionTestsPath is required');
	const root = path.resolve(__dirname, '../..'); // bundled to build/integration/vscode-web-shim.js
	const codeServer = resolveCodeServer(root);
	const outDir = path.resolve(process.env.E2E_OUT_DIR ?? process.cwd());
	const timeoutMs = Number(process.env.E2E_TIMEOUT_MS ?? 300_000);
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vscode-web-'));
	const port = await freePort();
	let page: Page | undefined;
	let browser: Browser | undefined;
	let keepTmp = true; // logs and profiles stay for debugging unless the run passed

	let testsStarted = false;
	const harness = createHarness(() => page, outDir, () => { testsStarted = true; });
	await new Promise<void>((r) => harness.listen(0, '127.0.0.1', () => r()));
	const resultFile = path.join(tmp, 'result.json');
	const userDataDir = args.userDataDir || path.join(tmp, 'user-data');
	const extensionsDir = args.extensionsDir || path.join(tmp, 'extensions');
	for (const d of [userDataDir, extensionsDir, outDir]) fs.mkdirSync(d, { recursive: true }); // code-server does not mkdir -p

	const serverLogPath = path.join(tmp, 'code-server.log');
	const server = cp.spawn(process.execPath, [codeServer,
		'--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--config', path.join(tmp, 'config.yaml'),
		'--user-data-dir', userDataDir, '--extensions-dir', extensionsDir,
		'--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened'], {
		env: {
			EXTENSIONS_GALLERY: '{}', // no marketplace: the workbench would call open-vsx.org (offline)
			...process.env,
			E2E_HARNESS_PORT: String((harness.address() as net.AddressInfo).port),
			E2E_RESULT_FILE: resultFile,
			// code-server writes ~/.config/code-server and ~/.local/share/code-server otherwise
			XDG_DATA_HOME: path.join(tmp, 'xdg-data'), XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'), XDG_CACHE_HOME: path.join(tmp, 'xdg-cache'),
		},
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true, // own process group: killed as a whole (extension host, language server) at the end
	});
	const serverLog = fs.createWriteStream(serverLogPath);
	server.stdout?.pipe(serverLog);
	server.stderr?.pipe(serverLog);
	try {
		await waitHttp(`http://127.0.0.1:${port}/healthz`, 60_000, server);
		log(`code-server ${path.dirname(path.dirname(path.dirname(codeServer)))} on 127.0.0.1:${port}, log ${serverLogPath}`);
		browser = await chromium.launch({
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			headless: true,
			env: { ...process.env, XDG_CONFIG_HOME: path.join(tmp, 'chromium-config'), XDG_CACHE_HOME: path.join(tmp, 'chromium-cache') },
			args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking',
				'--disable-component-update', '--disable-sync', '--disable-quic', '--disable-default-apps', '--disable-extensions'],
		}); // playwright gives it a fresh temporary --user-data-dir
		const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
		const current = await context.newPage();
		page = current;
		current.on('pageerror', (e) => log('[pageerror]', e.message));
		let done: (code: number) => void = () => undefined;
		const exited = new Promise<number>((r) => (done = r));
		// The workbench calls these when it runs extension tests (the hooks VS Code's own web integration tests use).
		await current.exposeFunction('codeAutomationLog', (type: string, a: unknown) => {
			const line = util.format(...(Array.isArray(a) ? a as unknown[] : [a])).replace(/%c/g, '');
			// Before the suite starts, the workbench's own start-up chatter is shown only when verbose or an error.
			if (testsStarted || process.env.E2E_VERBOSE || type === 'error') console.log(line);
		});
		await current.exposeFunction('codeAutomationExit', (code: number) => done(code));

		const authority = `127.0.0.1:${port}`;
		const remote = (p: string): string => `vscode-remote://${authority}${p}`;
		const payload = JSON.stringify([
			...args.extensionDevelopmentPath.map((p) => ['extensionDevelopmentPath', remote(p)]),
			['extensionTestsPath', remote(args.extensionTestsPath)], ['skipWelcome', 'true'], ['skipReleaseNotes', 'true'],
		]);
		const folder = args.folder ? `folder=${encodeURIComponent(args.folder)}&` : 'ew=true&';
		await current.goto(`http://${authority}/?${folder}payload=${encodeURIComponent(payload)}`);
		let timer: NodeJS.Timeout | undefined;
		const timedOut = new Promise<number>((r) => {
			timer = setTimeout(() => { log(`TIMEOUT after ${timeoutMs} ms`); r(124); }, timeoutMs);
		});
		const code = await Promise.race([exited, timedOut]);
		clearTimeout(timer);
		await current.screenshot({ path: path.join(outDir, `${process.env.E2E_FINAL_SCREENSHOT ?? 'final'}.png`) }).catch(() => undefined);
		const result = fs.existsSync(resultFile) ? fs.readFileSync(resultFile, 'utf8') : undefined;
		log('extension host exit code', code, 'result', result ?? '(none)');
		// Our suite/index.ts writes E2E_RESULT_FILE; a runner that does not only gives the exit code.
		const failures = result ? (JSON.parse(result) as { failures?: number }).failures ?? 0 : 0;
		const rc = code === 0 && failures > 0 ? 1 : code;
		if (rc === 0 && !process.env.E2E_KEEP_TMP) keepTmp = false;
		return rc;
	} finally {
		await browser?.close().catch(() => undefined);
		await stopProcessGroup(server);
		harness.close();
		serverLog.end();
		if (keepTmp) log('kept', tmp);
		else fs.rmSync(tmp, { recursive: true, force: true });
	}
}

/** SIGTERM code-server's process group (extension host, language server), SIGKILL what is left after 5 s. */
async function stopProcessGroup(server: cp.ChildProcess): Promise<void> {
	if (server.pid === undefined || server.exitCode !== null) return;
	const gone = new Promise<void>((r) => server.once('exit', () => r()));
	try { process.kill(-server.pid, 'SIGTERM'); } catch { return; }
	let timer: NodeJS.Timeout | undefined;
	await Promise.race([gone, new Promise<void>((r) => { timer = setTimeout(r, 5000); })]);
	clearTimeout(timer);
	try { process.kill(-server.pid, 'SIGKILL'); } catch { /* whole group exited */ }
}

main().then((code) => process.exit(code), (err: unknown) => { console.error(err); process.exit(1); });
