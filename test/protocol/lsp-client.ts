// A minimal LSP client for the bundled language server (server/out/server.js) over stdio, as VS Code's
// language client speaks to it: used by the protocol tests and by scripts/bench.ts. It answers the requests a
// server may send (workspace/configuration, diagnostics refresh, registerCapability) and collects logs.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
	CancellationTokenSource,
	CodeActionRequest,
	CodeActionResolveRequest,
	ConfigurationRequest,
	createProtocolConnection,
	DiagnosticRefreshRequest,
	DidChangeTextDocumentNotification,
	DidCloseTextDocumentNotification,
	DidOpenTextDocumentNotification,
	DocumentDiagnosticReportKind,
	DocumentDiagnosticRequest,
	ExitNotification,
	HoverRequest,
	InitializedNotification,
	InlayHintRequest,
	InitializeRequest,
	LogMessageNotification,
	RegistrationRequest,
	ShutdownRequest,
	StreamMessageReader,
	StreamMessageWriter,
	type ClientCapabilities,
	type CodeAction,
	type Command,
	type InlayHint,
	type Diagnostic,
	type Hover,
	type InitializeResult,
	type Position,
	type ProtocolConnection,
	type Range,
	type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

export const ROOT = resolve(__dirname, '../..');
export const SERVER_JS = join(ROOT, 'server/out/server.js');

/** Newest modification time (ms) of any file under `dir`. */
function newestMtime(dir: string): number {
	let newest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
		else if (entry.isFile()) newest = Math.max(newest, statSync(path).mtimeMs);
	}
	return newest;
}

/**
 * Runs `node scripts/build.mjs` when the server bundle is missing or older than any file under server/src,
 * so the tests always speak to the bundle built from the current sources (STYLE §12: test what ships).
 */
export function ensureServerBuilt(): void {
	const wasm = join(ROOT, 'server/out/tree-sitter-bash.wasm');
	if (existsSync(SERVER_JS) && existsSync(wasm) && statSync(SERVER_JS).mtimeMs >= newestMtime(join(ROOT, 'server/src'))) return;
	const build = spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, encoding: 'utf8' });
	if (build.status !== 0) throw new Error(`node scripts/build.mjs failed (exit ${build.status}):\n${build.stdout}\n${build.stderr}`);
}

/** What VS Code 1.100 announces for the features this server uses. */
export const CLIENT_CAPABILITIES: ClientCapabilities = {
	workspace: { configuration: true, diagnostics: { refreshSupport: true }, didChangeConfiguration: { dynamicRegistration: true } },
	textDocument: {
		synchronization: { dynamicRegistration: false, didSave: true },
		diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
		hover: { contentFormat: ['markdown', 'plaintext'] },
		codeAction: {
			codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source'] } },
			isPreferredSupport: true,
			dataSupport: true,
			resolveSupport: { properties: ['edit'] },
		},
		publishDiagnostics: { relatedInformation: true },
	},
	general: { positionEncodings: ['utf-16'] },
};

export interface StartOptions {
	/** Settings answered to `workspace/configuration` for the `goShipcheck` section, per scope URI. */
	readonly settingsFor?: (scopeUri: string | undefined) => unknown;
	readonly capabilities?: ClientCapabilities;
}

/** One running server process and the client side of its connection. */
export class LspSession {
	readonly logs: string[] = [];
	readonly configurationRequests: (string | undefined)[] = [];
	refreshRequests = 0;
	private readonly refreshWaiters: (() => void)[] = [];
	stderr = '';
	readonly exited: Promise<number | null>;
	private readonly versions = new Map<string, number>();

	private constructor(
		readonly child: ChildProcessWithoutNullStreams,
		readonly connection: ProtocolConnection,
	) {
		this.exited = new Promise((resolveExit) => child.on('exit', (code) => resolveExit(code)));
		child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
	}

	/** Spawns `node server/out/server.js --stdio` and performs initialize/initialized. */
	static async start(options: StartOptions = {}): Promise<{ session: LspSession; init: InitializeResult }> {
		const child = spawn(process.execPath, [SERVER_JS, '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
		const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
		const session = new LspSession(child, connection);
		connection.onNotification(LogMessageNotification.type, (p) => session.logs.push(p.message));
		connection.onRequest(ConfigurationRequest.type, (params) =>
			params.items.map((item) => {
				session.configurationRequests.push(item.scopeUri);
				return item.section === 'goShipcheck' ? (options.settingsFor?.(item.scopeUri) ?? { enable: true, rules: {} }) : null;
			}),
		);
		connection.onRequest(DiagnosticRefreshRequest.type, () => {
			session.refreshRequests++;
			for (const wake of session.refreshWaiters.splice(0)) wake();
			return null;
		});
		connection.onRequest(RegistrationRequest.type, () => null);
		connection.listen();
		const init = await session.within(
			connection.sendRequest(InitializeRequest.type, {
				processId: process.pid,
				rootUri: null,
				workspaceFolders: null,
				capabilities: options.capabilities ?? CLIENT_CAPABILITIES,
				clientInfo: { name: 'go-shipcheck protocol test' },
			}),
			'initialize',
			15_000,
		);
		await connection.sendNotification(InitializedNotification.type, {});
		return { session, init };
	}

	/** Rejects when `promise` does not settle within `ms` (a hang is a failure, never a stuck test). */
	within<T>(promise: Promise<T>, label: string, ms = 10_000): Promise<T> {
		let timer: NodeJS.Timeout | undefined;
		const timeout = new Promise<never>((_, reject) => {
			timer = setTimeout(() => reject(new Error(`${label}: no answer within ${ms} ms\nserver stderr:\n${this.stderr.slice(-2000)}`)), ms);
		});
		return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
	}

	/** Resolves when the server has sent more than `seen` `workspace/diagnostic/refresh` requests. */
	refreshAfter(seen: number, ms = 10_000): Promise<void> {
		if (this.refreshRequests > seen) return Promise.resolve();
		return this.within(new Promise<void>((resolveWait) => this.refreshWaiters.push(resolveWait)), `workspace/diagnostic/refresh after ${seen}`, ms);
	}

	async open(uri: string, text: string, languageId = 'dockerfile'): Promise<void> {
		this.versions.set(uri, 1);
		await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
	}

	/** Sends incremental changes; returns the new version. */
	async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
		const version = (this.versions.get(uri) ?? 0) + 1;
		this.versions.set(uri, version);
		await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
		return version;
	}

	async close(uri: string): Promise<void> {
		this.versions.delete(uri);
		await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
	}

	/** Pulls diagnostics (`textDocument/diagnostic`); expects a full report. */
	async diagnostics(uri: string, ms = 10_000): Promise<Diagnostic[]> {
		const report = await this.within(this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }), `textDocument/diagnostic ${uri}`, ms);
		if (report.kind !== DocumentDiagnosticReportKind.Full) throw new Error(`expected a full report, got ${report.kind}`);
		return report.items;
	}

	/** A pull whose token the caller may cancel (`$/cancelRequest`). */
	diagnosticsCancellable(uri: string): { result: Promise<unknown>; cancel: () => void } {
		const source = new CancellationTokenSource();
		const result = this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }, source.token);
		return { result, cancel: () => source.cancel() };
	}

	hover(uri: string, position: Position): Promise<Hover | null> {
		return this.within(this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }), 'textDocument/hover');
	}

	/** `textDocument/inlayHint` for a range, as the editor asks for its visible lines. */
	async inlayHints(uri: string, range: Range): Promise<InlayHint[]> {
		return (await this.within(this.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range }), 'textDocument/inlayHint')) ?? [];
	}

	/** `only` limits the kinds, as VS Code's quick-fix menu (`quickfix`) or Source Action menu (`source`) do. */
	async codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
		const result = await this.within(
			this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics, triggerKind: 1, ...(only ? { only } : {}) } }),
			'textDocument/codeAction',
		);
		return (result ?? []).filter((a: CodeAction | Command): a is CodeAction => 'title' in a && !('command' in a && typeof a.command === 'string'));
	}

	/** `codeAction/resolve`, as VS Code sends it before applying an action that came without its edit. */
	resolveCodeAction(action: CodeAction): Promise<CodeAction> {
		return this.within(this.connection.sendRequest(CodeActionResolveRequest.type, action), 'codeAction/resolve');
	}

	/** Resident set size of the server process in bytes (Linux: `/proc/<pid>/status` VmRSS). */
	rss(): number {
		const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
		const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
		if (!match) throw new Error('no VmRSS in /proc status');
		return Number(match[1]) * 1024;
	}

	/** shutdown + exit; resolves with the process's exit code. */
	async shutdown(): Promise<number | null> {
		await this.within(this.connection.sendRequest(ShutdownRequest.type), 'shutdown');
		await this.connection.sendNotification(ExitNotification.type);
		const code = await this.within(this.exited, 'process exit after exit notification', 15_000);
		this.connection.dispose();
		return code;
	}

	/** For cleanup after a failure: ends the server process this session started. */
	kill(): void {
		if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
		this.connection.dispose();
	}
}
