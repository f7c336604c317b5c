import type { GoBuild, StageModel } from '../model/project';
import { runtimeAlternativesFor } from '../knowledge';
import type { Fix } from './types';

/**
 * Fixes shared by several rules. Each is an exact edit computed from the model (STYLE §7.5); titles say
 * where the edit goes.
 */

/** Turn cgo off for one build: change an explicit CGO_ENABLED, or prefix the `go` command. */
export function setCgoOffFix(build: GoBuild): Fix | undefined {
	const program = build.module?.program;
	// Only safe when nothing but net/os/user needs cgo: those fall back to pure Go (FACTS §3.2).
	const safe = program !== undefined && program.sourcesVisible && program.ownCgoFiles.length === 0 && program.cgoModules.length === 0 && build.command.race === undefined;
	const setAt = build.cgo.setAt;
	if (build.cgo.reason === 'explicit' && setAt?.file && setAt.span) {
		// The span covers the whole assignment (`CGO_ENABLED=1`, or `CGO_ENABLED 1` in old ENV syntax).
		return {
			title: 'Set CGO_ENABLED=0 where it is set to 1',
			edits: [{ file: setAt.file, span: setAt.span, newText: 'CGO_ENABLED=0' }],
			isPreferred: safe,
		};
	}
	return {
		title: `Set CGO_ENABLED=0 for this go build (inline before "go ${build.command.subcommand}")`,
		edits: [{ file: build.file, span: { start: build.command.envInsertOffset, end: build.command.envInsertOffset }, newText: 'CGO_ENABLED=0 ' }],
		isPreferred: safe,
	};
}

/** Runtime images with the builder's C library (alpine → the builder's Debian release, …). */
export function switchRuntimeImageFixes(build: GoBuild, runtime: StageModel): Fix[] {
	const builder = build.host.image;
	if (!builder || runtime.syntax.image.raw.includes('$')) return [];
	return runtimeAlternativesFor(builder).map((image) => ({
		title: `Switch the runtime image to "${image}" (same C library as the builder)`,
		edits: [{ file: runtime.file, span: runtime.syntax.image.span, newText: image }],
	}));
}
