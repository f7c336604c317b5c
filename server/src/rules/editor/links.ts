import type { Span } from '../../parse/span';
import type { AnalysisResult } from '../analyze';

/** A reference from one place to another in the same Dockerfile: `COPY --from=build` → `FROM … AS build`. */
export interface StageLink {
	readonly span: Span;
	readonly target: Span;
	readonly stageName: string;
}

/** `COPY --from=<stage>` and `FROM <stage>` references to earlier stages. */
export function stageLinks(result: AnalysisResult, path: string): StageLink[] {
	const dockerfile = result.project.dockerfiles.find((d) => d.path === path);
	if (!dockerfile) return [];
	const links: StageLink[] = [];
	for (const stage of dockerfile.stages) {
		if (stage.base?.syntax.nameSpan) links.push({ span: stage.syntax.image.span, target: stage.base.syntax.nameSpan, stageName: stage.base.syntax.name! });
		for (const copy of stage.copies) {
			const flag = copy.instruction.flags.find((f) => f.name === 'from');
			const target = copy.fromStage;
			if (!flag?.valueSpan || !target) continue;
			links.push({ span: flag.valueSpan, target: target.syntax.nameSpan ?? target.syntax.from.span, stageName: target.syntax.name ?? String(target.syntax.index) });
		}
	}
	return links;
}

/** The stage definition for a reference at `offset`, or the references of the stage alias at `offset`. */
export function stageDefinitionAt(result: AnalysisResult, path: string, offset: number): Span | undefined {
	return stageLinks(result, path).find((l) => offset >= l.span.start && offset <= l.span.end)?.target;
}

export function stageReferencesAt(result: AnalysisResult, path: string, offset: number): Span[] {
	const dockerfile = result.project.dockerfiles.find((d) => d.path === path);
	const stage = dockerfile?.stages.find((s) => s.syntax.nameSpan && offset >= s.syntax.nameSpan.start && offset <= s.syntax.nameSpan.end);
	if (!stage?.syntax.nameSpan) return [];
	const nameSpan = stage.syntax.nameSpan;
	return stageLinks(result, path).filter((l) => l.target.start === nameSpan.start).map((l) => l.span);
}
