import { CodeActionKind, type CodeAction, type Connection, type Diagnostic, type TextEdit as LspTextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { findPragmaInsertion } from '../rules/pragma-edits';
import type { Fix } from '../rules/types';
import { DIAGNOSTIC_SOURCE, documentMapper, rangeOf, spanOf, textMapper, type DiagnosticData, type PositionMapper } from './convert';
import { FIX_ALL_KIND, fixAllQuickFixes, fixAllSourceAction, resolveFixAll } from './fix-all';
import { pathOf, type WorkspaceState } from './workspace-state';

/**
 * Code actions only map the fixes a rule attached to its finding (STYLE §7.5), then add the generic
 * "ignore this rule here / in this file" and "show documentation" actions (vscode-eslint), and Fix all
 * (fix-all.ts) as a quick fix per rule and as the `source.fixAll.go-shipcheck` source action.
 */
export function registerCodeActions(connection: Connection, state: WorkspaceState): void {
	connection.onCodeAction(async (params, token) => {
		const document = state.documents.get(params.textDocument.uri);
		if (!document) return [];
		const only = params.context.only;
		const actions: CodeAction[] = [];
		if (wants(only, CodeActionKind.QuickFix, true)) {
			const ours = params.context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
			// A fix computed for an older text would edit the wrong place: drop it, the client will re-pull.
			const current = ours.filter((d) => (d.data as DiagnosticData | undefined)?.documentVersion === document.version);
			const fixAll = await fixAllQuickFixes(state, document, current);
			if (token.isCancellationRequested) return null;
			for (const diagnostic of ours) {
				if (current.includes(diagnostic)) {
					for (const fix of (diagnostic.data as DiagnosticData).fixes) {
						const action = toCodeAction(fix, diagnostic, state);
						if (action) actions.push(action);
					}
					// After the rule's own fixes, before the ignore entries (vscode-eslint's order); once per rule.
					const index = fixAll.findIndex((a) => a.diagnostics?.includes(diagnostic));
					if (index >= 0) actions.push(...fixAll.splice(index, 1));
				}
				actions.push(...ruleActions(diagnostic, document));
			}
		}
		// Source actions only when asked for by kind (the Source Action menu, editor.codeActionsOnSave).
		if (wants(only, FIX_ALL_KIND, false)) {
			const action = await fixAllSourceAction(state, document);
			if (action) actions.push(action);
		}
		return token.isCancellationRequested ? null : actions;
	});
	connection.onCodeActionResolve((action) => resolveFixAll(state, action));
}

/** Whether a request limited to the kinds `only` (a kind covers its sub-kinds) asks for `kind`. */
function wants(only: readonly string[] | undefined, kind: string, whenUnlimited: boolean): boolean {
	if (!only || only.length === 0) return whenUnlimited;
	return only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

function toCodeAction(fix: Fix, diagnostic: Diagnostic, state: WorkspaceState): CodeAction | undefined {
	const changes: Record<string, LspTextEdit[]> = {};
	for (const edit of fix.edits) {
		const uri = state.uriOf(edit.file);
		const mapper = mapperFor(state, uri, edit.file);
		if (!mapper) return undefined;
		(changes[uri] ??= []).push({ range: rangeOf(mapper, edit.span), newText: edit.newText });
	}
	return { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.isPreferred === true, edit: { changes } };
}

function mapperFor(state: WorkspaceState, uri: string, file: string): PositionMapper | undefined {
	const open = state.documents.get(uri);
	if (open) return documentMapper(open);
	const text = state.fileSystem().readFile(file);
	return text === undefined ? undefined : textMapper(text);
}

/** The generic actions every diagnostic gets: ignore pragmas for the statement and the file, and the rule's docs (exported for tests). */
export function ruleActions(diagnostic: Diagnostic, document: TextDocument): CodeAction[] {
	const id = typeof diagnostic.code === 'string' ? diagnostic.code : undefined;
	const path = pathOf(document.uri);
	if (!id || !path) return [];
	const text = document.getText();
	const mapper = documentMapper(document);
	const actions: CodeAction[] = [];
	const offset = spanOf(mapper, diagnostic.range).start;
	for (const scope of ['line', 'file'] as const) {
		const insertion = findPragmaInsertion(text, path, offset, id, scope);
		if (!insertion) continue;
		actions.push({
			title: scope === 'line' ? `Ignore ${id} for this instruction` : `Ignore ${id} for this file`,
			kind: CodeActionKind.QuickFix,
			diagnostics: [diagnostic],
			edit: { changes: { [document.uri]: [{ range: rangeOf(mapper, insertion.span), newText: insertion.newText }] } },
		});
	}
	if (diagnostic.codeDescription) {
		actions.push({
			title: `Show documentation for ${id}`,
			kind: CodeActionKind.QuickFix,
			diagnostics: [diagnostic],
			command: { title: `Show documentation for ${id}`, command: 'vscode.open', arguments: [diagnostic.codeDescription.href] },
		});
	}
	return actions;
}
