import type { Diagnostic, DiagnosticRelatedInformation, Position, Range } from 'vscode-languageserver/node';
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Span } from '../parse/span';
import { ruleDocUrl } from '../rules/rule';
import type { Finding, Severity } from '../rules/types';

/**
 * The only place where offsets become LSP positions (STYLE §7.9). Offsets are UTF-16 code units into the
 * document text, which is exactly what `TextDocument.positionAt` expects; LSP positions are UTF-16 too.
 */
export interface PositionMapper {
	positionAt(offset: number): Position;
	offsetAt(position: Position): number;
}

export function rangeOf(mapper: PositionMapper, span: Span): Range {
	return { start: mapper.positionAt(span.start), end: mapper.positionAt(span.end) };
}

export function spanOf(mapper: PositionMapper, range: Range): Span {
	return { start: mapper.offsetAt(range.start), end: mapper.offsetAt(range.end) };
}

/** A mapper for a file that is not open in the editor (related information, edits in other files). */
export function textMapper(text: string): PositionMapper {
	const starts = [0];
	for (let i = 0; i < text.length; i++) {
		if (text[i] === '\n') starts.push(i + 1);
		else if (text[i] === '\r' && text[i + 1] !== '\n') starts.push(i + 1);
	}
	return {
		positionAt(offset) {
			const clamped = Math.max(0, Math.min(offset, text.length));
			let lo = 0;
			let hi = starts.length - 1;
			while (lo < hi) {
				const mid = (lo + hi + 1) >> 1;
				if (starts[mid] <= clamped) lo = mid;
				else hi = mid - 1;
			}
			// Inside a \r\n pair, TextDocument answers the position before the \r: do the same.
			const insideCrlf = clamped > 0 && text[clamped - 1] === '\r' && text[clamped] === '\n';
			return { line: lo, character: clamped - starts[lo] - (insideCrlf ? 1 : 0) };
		},
		offsetAt(position) {
			if (position.line >= starts.length) return text.length;
			const start = starts[Math.max(0, position.line)];
			const next = position.line + 1 < starts.length ? starts[position.line + 1] : text.length;
			return Math.min(start + Math.max(0, position.character), next);
		},
	};
}

export function documentMapper(document: TextDocument): PositionMapper {
	return { positionAt: (o) => document.positionAt(o), offsetAt: (p) => document.offsetAt(p) };
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
	error: DiagnosticSeverity.Error,
	warning: DiagnosticSeverity.Warning,
	info: DiagnosticSeverity.Information,
	hint: DiagnosticSeverity.Hint,
};

export const DIAGNOSTIC_SOURCE = 'go-shipcheck';

/** What travels in `Diagnostic.data`, so code actions need no re-analysis (STYLE §7.5). */
export interface DiagnosticData {
	readonly fixes: Finding['fixes'];
	readonly documentVersion: number;
}

export function toDiagnostic(finding: Finding, mapper: PositionMapper, mapperFor: (file: string) => PositionMapper | undefined, uriOf: (file: string) => string, version: number): Diagnostic {
	const related: DiagnosticRelatedInformation[] = [];
	for (const r of finding.related) {
		const m = mapperFor(r.file);
		if (m) related.push({ location: { uri: uriOf(r.file), range: rangeOf(m, r.span) }, message: r.message });
	}
	const data: DiagnosticData = { fixes: finding.fixes, documentVersion: version };
	return {
		range: rangeOf(mapper, finding.span),
		severity: SEVERITY[finding.severity],
		source: DIAGNOSTIC_SOURCE,
		code: finding.ruleId,
		codeDescription: { href: ruleDocUrl(finding.ruleId) },
		message: finding.message,
		relatedInformation: related.length > 0 ? related : undefined,
		data,
	};
}
