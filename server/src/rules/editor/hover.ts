import type { AnalysisResult } from '../analyze';
import type { Span } from '../../parse/span';
import { buildHover } from './hover-build';
import { ciHover } from './hover-ci';
import { envHover } from './hover-env';
import { imageHover } from './hover-image';
import { goModHover } from './hover-gomod';
import { RULES } from '../index';
import { ruleDocUrl } from '../rule';

export interface HoverContent {
	readonly markdown: string;
	readonly span: Span;
}

/** One source of hover text; the first that answers for an offset wins, findings are always added. */
type HoverResolver = (result: AnalysisResult, path: string, offset: number) => HoverContent | undefined;

const RESOLVERS: readonly HoverResolver[] = [buildHover, envHover, fromHover, goModHover, ciHover];

/** Hover text at `offset` of `path`: the findings there, then the most specific explanation. */
export function hoverAt(result: AnalysisResult, path: string, offset: number): HoverContent | undefined {
	const parts: string[] = [];
	let span: Span | undefined;
	for (const finding of result.findings) {
		if (finding.file !== path || offset < finding.span.start || offset > finding.span.end) continue;
		const rule = RULES.find((r) => r.id === finding.ruleId);
		if (rule) parts.push(`**${rule.id}** (${finding.severity}): ${rule.summary} [Documentation](${ruleDocUrl(rule.id)})`);
		span ??= finding.span;
	}
	for (const resolve of RESOLVERS) {
		const content = resolve(result, path, offset);
		if (!content) continue;
		parts.push(content.markdown);
		span = content.span;
		break;
	}
	return span && parts.length > 0 ? { markdown: parts.join('\n\n---\n\n'), span } : undefined;
}

function fromHover(result: AnalysisResult, path: string, offset: number): HoverContent | undefined {
	const dockerfile = result.project.dockerfiles.find((d) => d.path === path);
	const stage = dockerfile?.stages.find((s) => offset >= s.syntax.from.span.start && offset <= s.syntax.from.span.end);
	return stage ? { markdown: imageHover(stage), span: stage.syntax.image.span } : undefined;
}

/** `_Sources: FACTS §3.1 (as of …)_` */
export function sourcesLine(sources: readonly { readonly ref: string; readonly asOf: string }[]): string {
	return sources.length === 0 ? '' : `\n\n_Sources: ${sources.map((s) => `${s.ref} (as of ${s.asOf})`).join('; ')}_`;
}

export function inside(span: Span | undefined, offset: number): span is Span {
	return span !== undefined && offset >= span.start && offset <= span.end;
}
