import { RequestType } from 'vscode-languageserver-protocol';

/**
 * Custom requests between the client and the server, typed once and imported by both (STYLE §1: one
 * namespace per message, vscode-eslint's customMessages.ts).
 */
export interface EffectiveBuildParams {
	readonly uri: string;
}

export interface EffectiveBuildResult {
	/** Markdown summary of every build in the file. */
	readonly markdown: string;
}

export namespace EffectiveBuildRequest {
	export const method = 'shipcheck/effectiveBuild' as const;
	export const type = new RequestType<EffectiveBuildParams, EffectiveBuildResult, void>(method);
}
