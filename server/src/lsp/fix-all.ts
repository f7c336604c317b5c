import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit as LspTextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { changedRegion, fixableFindings, fixAllInText } from '../rules/fix-all';
import { documentMapper, rangeOf } from './convert';
import { pathOf, type WorkspaceState } from './workspace-state';

/** The source action kind of "Fix all" (vscode-eslint: `source.fixAll.eslint`), usable in `editor.codeActionsOnSave`. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.go-shipcheck`;

/** What a Fix all action carries until `codeAction/resolve` computes its edit. */
interface FixAllData {
	readonly fixAll: { readonly uri: string; readonly ruleId?: string };
}

/** The source action "Fix all Go Ship Check problems in file", when the file has a safe fix. */
export async function fixAllSourceAction(state: WorkspaceState, document: TextDocument): Promise<CodeAction | undefined> {
	const path = pathOf(document.uri);
	const result = await state.analysisFor(document);
	if (!path || !result || fixableFindings(result.findings, path).length === 0) return undefined;
	return withEdit(state, { title: 'Fix all Go Ship Check problems in file', kind: FIX_ALL_KIND, data: { fixAll: { uri: document.uri } } satisfies FixAllData });
}

/**
 * "Fix all <rule> problems in file" entries for the quick-fix list: one per rule among `diagnostics` that has a
 * safe fix for at least two findings in the file (for one, the fix itself is the entry).
 */
export async function fixAllQuickFixes(state: WorkspaceState, document: TextDocument, diagnostics: readonly Diagnostic[]): Promise<CodeAction[]> {
	const path = pathOf(document.uri);
	const ids = [...new Set(diagnostics.map((d) => d.code).filter((c): c is string => typeof c === 'string'))];
	if (!path || ids.length === 0) return [];
	const result = await state.analysisFor(document);
	if (!result) return [];
	const actions: CodeAction[] = [];
	for (const ruleId of ids) {
		if (fixableFindings(result.findings, path, ruleId).length < 2) continue;
		const action = await withEdit(state, {
			title: `Fix all ${ruleId} problems in file`,
			kind: CodeActionKind.QuickFix,
			diagnostics: diagnostics.filter((d) => d.code === ruleId),
			data: { fixAll: { uri: document.uri, ruleId } } satisfies FixAllData,
		});
		if (action) actions.push(action);
	}
	return actions;
}

/** `codeAction/resolve`: computes the edit of a Fix all action against the document's text now. */
export async function resolveFixAll(state: WorkspaceState, action: CodeAction): Promise<CodeAction> {
	const data = action.data as Partial<FixAllData> | undefined;
	const document = data?.fixAll && state.documents.get(data.fixAll.uri);
	if (!data?.fixAll || !document) return action;
	const edit = await fixAllEdit(state, document, data.fixAll.ruleId);
	return edit ? { ...action, edit } : action;
}

/** With resolve support the edit waits for `codeAction/resolve` (the passes re-analyse); without, it is computed now. */
async function withEdit(state: WorkspaceState, action: CodeAction): Promise<CodeAction | undefined> {
	if (state.supportsCodeActionResolve) return action;
	const resolved = await resolveFixAll(state, action);
	return resolved.edit ? resolved : undefined;
}

/**
 * One WorkspaceEdit for Fix all: the exact edits of the first pass when one pass fixed everything, otherwise the
 * region that the passes changed (later passes edit text that exists only after the earlier ones).
 */
async function fixAllEdit(state: WorkspaceState, document: TextDocument, ruleId: string | undefined): Promise<WorkspaceEdit | undefined> {
	const path = pathOf(document.uri);
	const result = await state.analysisFor(document);
	const reanalyse = await state.hypotheticalAnalyser(document);
	if (!path || !result || !reanalyse) return undefined;
	const text = document.getText();
	const fixed = fixAllInText(path, text, result.findings, (next) => reanalyse(next).findings, ruleId);
	if (fixed.passes === 0) return undefined;
	const edits = fixed.passes === 1 ? fixed.firstEdits : [changedRegion(path, text, fixed.text)];
	const mapper = documentMapper(document);
	const changes: LspTextEdit[] = edits.map((e) => ({ range: rangeOf(mapper, e.span), newText: e.newText }));
	return { changes: { [document.uri]: changes } };
}
