import type { AnalysisResult } from '../analyze';
import { buildHintLabel } from './describe-build';

export interface InlayHint {
	/** Where the hint is shown (after this offset). */
	readonly offset: number;
	readonly label: string;
	readonly tooltip: string;
}

/**
 * Hints that reveal hidden defaults: after each `go build` the effective cgo and linkage, after each FROM
 * the image's libc. Only for the given file and range.
 */
export function inlayHints(result: AnalysisResult, path: string, range: { start: number; end: number }): InlayHint[] {
	const hints: InlayHint[] = [];
	const within = (offset: number) => offset >= range.start && offset <= range.end;
	const dockerfile = result.project.dockerfiles.find((d) => d.path === path);
	for (const stage of dockerfile?.stages ?? []) {
		const offset = stage.syntax.image.span.end;
		if (!within(offset) || stage.base) continue;
		const libc = stage.image?.libc;
		if (!libc) continue;
		const label = libc.family === 'none' ? 'no libc' : `${libc.family}${libc.version ? ` ${libc.version}` : ''}`;
		hints.push({ offset, label, tooltip: `C library of ${stage.imageRef ?? stage.syntax.image.raw} (knowledge base: ${stage.image.sources.map((s) => s.ref).join(', ')})` });
	}
	for (const build of result.project.builds) {
		if (build.file !== path || !within(build.span.end)) continue;
		hints.push({ offset: build.span.end, label: buildHintLabel(build), tooltip: build.cgo.explanation });
	}
	return hints.sort((a, b) => a.offset - b.offset);
}
