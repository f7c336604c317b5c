import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Connection, InitializeParams, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { overlayFileSystem, type FileSystemView } from '../model/file-system';
import { NodeFileSystem } from '../node/fs-view';
import type { Parsers } from '../parse/tree-sitter';
import { DEFAULT_SETTINGS, SETTINGS_SECTION, type ShipcheckSettings } from '../protocol/settings';
import { analyze, type AnalysisResult } from '../rules/analyze';
import { DEFAULT_CONFIG, isConfiguredSeverity, mergeConfigs, type ShipcheckConfig } from '../rules/config';
import { entryFilesFor } from '../rules/discover';
import { isCiFilePath } from '../model/ci/index';
import type { ConfiguredSeverity } from '../rules/types';
import { findConfigFile, loadConfigFile } from '../rules/config-file';

/**
 * Everything the handlers share: open documents over the file system, settings, and one cached analysis
 * per document. The cache key includes a generation that any edit or watched-file event bumps, because a
 * Dockerfile's findings depend on go.mod, Go sources and other files (interFileDependencies).
 */
export class WorkspaceState {
	readonly fs = new NodeFileSystem();
	supportsCodeActionLiterals = false;
	/** The client resolves code actions lazily (`codeAction/resolve` may fill in `edit`). */
	supportsCodeActionResolve = false;
	private supportsConfiguration = false;
	private supportsRefresh = false;
	private generation = 0;
	private readonly settings = new Map<string, Promise<ShipcheckSettings>>();
	private readonly analyses = new Map<string, { key: string; result: AnalysisResult }>();
	private refreshTimer: NodeJS.Timeout | undefined;

	constructor(
		readonly connection: Connection,
		readonly documents: TextDocuments<TextDocument>,
		private readonly parsersReady: Promise<Parsers>,
	) {
		documents.onDidChangeContent((e) => this.documentChanged(e.document));
		documents.onDidClose((e) => {
			this.analyses.delete(e.document.uri);
			this.settings.delete(e.document.uri);
		});
		connection.onDidChangeWatchedFiles((params) => {
			for (const change of params.changes) {
				const path = pathOf(change.uri);
				if (path) this.fs.invalidate(path);
			}
			this.bump(true);
		});
		connection.onDidChangeConfiguration(() => {
			this.settings.clear();
			this.bump(true);
		});
	}

	initialize(params: InitializeParams): void {
		const caps = params.capabilities;
		this.supportsCodeActionLiterals = Boolean(caps.textDocument?.codeAction?.codeActionLiteralSupport);
		this.supportsCodeActionResolve = Boolean(caps.textDocument?.codeAction?.dataSupport && caps.textDocument.codeAction.resolveSupport?.properties.includes('edit'));
		this.supportsConfiguration = Boolean(caps.workspace?.configuration);
		this.supportsRefresh = Boolean(caps.workspace?.diagnostics?.refreshSupport);
	}

	initialized(): void {
		this.connection.console.info('ready');
	}

	/** The view of the workspace the core analyses: open documents win over files on disk, `overrides` over both. */
	fileSystem(overrides?: ReadonlyMap<string, string>): FileSystemView {
		const overlay = new Map<string, string>();
		for (const document of this.documents.all()) {
			const path = pathOf(document.uri);
			if (path) overlay.set(path, document.getText());
		}
		for (const [path, text] of overrides ?? []) overlay.set(path, text);
		return overlayFileSystem(overlay, this.fs);
	}

	async analysisFor(document: TextDocument): Promise<AnalysisResult | undefined> {
		const path = pathOf(document.uri);
		if (!path) return undefined;
		const settings = await this.settingsFor(document.uri);
		if (!settings.enable) return undefined;
		const key = `${document.version}:${this.generation}`;
		const cached = this.analyses.get(document.uri);
		if (cached?.key === key) return cached.result;
		const started = performance.now();
		const result = this.analyse(path, settings, await this.parsersReady, this.fileSystem());
		this.connection.console.log(`analysed ${path} (v${document.version}) in ${(performance.now() - started).toFixed(1)} ms: ${result.findings.length} findings`);
		this.analyses.set(document.uri, { key, result });
		return result;
	}

	/**
	 * A synchronous analyser of `document` as if it held another text (Fix all's later passes), with the
	 * settings and parsers of now; undefined when the document is not analysed at all. Never cached.
	 */
	async hypotheticalAnalyser(document: TextDocument): Promise<((text: string) => AnalysisResult) | undefined> {
		const path = pathOf(document.uri);
		if (!path) return undefined;
		const settings = await this.settingsFor(document.uri);
		if (!settings.enable) return undefined;
		const parsers = await this.parsersReady;
		return (text) => this.analyse(path, settings, parsers, this.fileSystem(new Map([[path, text]])));
	}

	private analyse(path: string, settings: ShipcheckSettings, parsers: Parsers, fs: FileSystemView): AnalysisResult {
		const config = this.configFor(path, settings, fs, parsers);
		const result = analyze({ fs, parsers, config, entryFiles: entryFilesFor(fs, path) });
		for (const failure of result.failures) this.connection.console.error(`rule ${failure.ruleId} failed on ${path}: ${errorText(failure.error)}`);
		return result;
	}

	uriOf(path: string): string {
		return pathToFileURL(path).toString();
	}

	private configFor(path: string, settings: ShipcheckSettings, fs: FileSystemView, parsers: Parsers): ShipcheckConfig {
		const rules: Record<string, ConfiguredSeverity> = {};
		for (const [id, severity] of Object.entries(settings.rules)) if (isConfiguredSeverity(severity)) rules[id] = severity;
		const file = loadConfigFile(fs, parsers, findConfigFile(fs, path));
		if (file.errors.length > 0) this.connection.console.warn(`${file.path}: ${file.errors.join('; ')}`);
		// In the editor, the user's settings win over the repository file; the CLI has only the file.
		return mergeConfigs(DEFAULT_CONFIG, file.config, { rules });
	}

	settingsFor(uri: string): Promise<ShipcheckSettings> {
		if (!this.supportsConfiguration) return Promise.resolve(DEFAULT_SETTINGS);
		let settings = this.settings.get(uri);
		if (!settings) {
			settings = this.connection.workspace
				.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION })
				.then((value: Partial<ShipcheckSettings> | null) => ({ ...DEFAULT_SETTINGS, ...(value ?? {}), inlayHints: { ...DEFAULT_SETTINGS.inlayHints, ...(value?.inlayHints ?? {}) } }))
				.catch(() => DEFAULT_SETTINGS);
			this.settings.set(uri, settings);
		}
		return settings;
	}

	private documentChanged(document: TextDocument): void {
		const path = pathOf(document.uri) ?? '';
		// Another file's edit can change this document's findings (go.mod → Dockerfile): ask the client to
		// pull again for every open document, a little later so typing in go.mod stays cheap. A Dockerfile
		// edit matters to others only when a CI file that may build it is open (its deliveries change).
		const dockerfile = /(^|\/)(Dockerfile|Containerfile)[^/]*$|\.dockerfile$/i.test(path);
		this.bump(!dockerfile || this.documents.all().some((d) => isCiFilePath(pathOf(d.uri) ?? '')));
	}

	private bump(refreshOthers: boolean): void {
		this.generation++;
		if (!refreshOthers || !this.supportsRefresh) return;
		if (this.refreshTimer) clearTimeout(this.refreshTimer);
		this.refreshTimer = setTimeout(() => {
			this.refreshTimer = undefined;
			void this.connection.languages.diagnostics.refresh();
		}, 150);
	}
}

export function pathOf(uri: string): string | undefined {
	if (!uri.startsWith('file:')) return undefined;
	try {
		return fileURLToPath(uri).replace(/\\/g, '/');
	} catch {
		return undefined;
	}
}

function errorText(error: unknown): string {
	return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
