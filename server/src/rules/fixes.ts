import type { GoBuild, StageModel } from '../model/project';
import { lookupImage, runtimeAlternativesFor } from '../knowledge';
import { rootStage, stageChain } from '../model/dockerfile/stage-chain';
import type { Fix } from './types';

/**
 * Fixes shared by several rules. Each is an exact edit computed from the model (STYLE §7.5); titles say
 * where the edit goes.
 */

/** Turn cgo off for one build: change an explicit CGO_ENABLED, or prefix the `go` command. */
export function setCgoOffFix(build: GoBuild): Fix | undefined {
	const program = build.program;
	// Only safe when nothing but net/os/user needs cgo: those fall back to pure Go (FACTS §3.2).
	const safe = build.module !== undefined && program.sourcesVisible && program.ownCgoFiles.length === 0 && program.cgoModules.length === 0 && build.command.race === undefined;
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

/**
 * Runtime images with the builder's C library (alpine → the builder's Debian release, …). The edit goes to the
 * FROM that names the image: for `FROM base` (a stage) that is the base stage's FROM, since replacing the
 * stage name would drop everything the base stage adds. Only images the stage's own steps still run on.
 */
export function switchRuntimeImageFixes(build: GoBuild, runtime: StageModel): Fix[] {
	const builder = build.host.image;
	const root = rootStage(runtime);
	if (!builder || !root || root.syntax.image.raw.includes('$')) return [];
	return runtimeAlternativesFor(builder)
		.filter((image) => stepsRunOn(runtime, image))
		.map((image) => ({
			title: `Switch the runtime image to "${image}" (same C library as the builder)`,
			edits: [{ file: root.file, span: root.syntax.image.span, newText: image }],
		}));
}

/**
 * Whether the RUN steps of the runtime stage (and of the stages it is built FROM) still work on `image`: an
 * image without a shell (distroless) runs none, and package installs need the image's own manager
 * (`apk add ca-certificates` fails on Debian). Other commands are not judged.
 */
function stepsRunOn(runtime: StageModel, image: string): boolean {
	const facts = lookupImage(image);
	if (facts?.hasShell !== true && stageChain(runtime).some((s) => s.syntax.instructions.some((i) => i.keyword === 'RUN'))) return false;
	const distro = facts?.distro?.name;
	const managers: readonly string[] = distro === 'alpine' ? ['apk'] : distro === 'debian' || distro === 'ubuntu' ? ['apt-get', 'apt', 'aptitude'] : [];
	return runtime.installs.every((install) => managers.includes(install.manager));
}
