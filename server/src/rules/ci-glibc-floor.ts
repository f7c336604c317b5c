import { describeGlibcFloorFailures, summariseTargets } from '../knowledge';
import type { GoBuild, ProjectModel } from '../model/project';
import { cgoRequirementRelated } from './glibc-fixes';
import { setCgoOffFix } from './fixes';
import type { FindingInput, RelatedInformation } from './types';

/**
 * The CI part of `glibc-too-old` (SCENARIOS 5): a cgo binary built by a CI job whose destination is not
 * visible (a release asset, an artifact nobody copies into an image here) still has a glibc floor set by
 * the job's runner or container. Information on the `runs-on:`/`container:`/`image:` line that decides
 * it, naming the job (and matrix combination) and the hosts it will not run on (FACTS §4.3).
 */
export function ciGlibcFloorFindings(project: ProjectModel): FindingInput[] {
	const delivered = new Set(project.deliveries.map((d) => d.build));
	const out: FindingInput[] = [];
	for (const build of project.builds) {
		if (build.host.kind !== 'ci-job' || delivered.has(build) || build.remoteInstall) continue;
		const finding = floorFinding(build);
		if (finding) out.push(finding);
	}
	return out;
}

function floorFinding(build: GoBuild): FindingInput | undefined {
	const linkage = build.linkage;
	const goos = build.env.get('GOOS')?.value ?? 'linux';
	if (linkage.kind !== 'dynamic' || linkage.loaderOnly || linkage.libc !== 'glibc' || goos !== 'linux') return undefined;
	const floor = linkage.glibcFloor;
	if (!floor?.atMost) return undefined;
	// zig cc and xx-clang link against the glibc of their target, not the runner's: the floor is theirs.
	const cc = build.env.get('CC')?.value ?? '';
	if (/(^|[/\s])(zig|xx-clang|xx-cc)\b/.test(cc)) return undefined;
	const host = build.host;
	const where = `${host.imageRef ? `"${host.imageRef}"` : 'the job image'}${host.image?.floating ? ` (now ${host.image.floating.resolvedTo})` : ''}`;
	const binary = build.outputPath ? `"${build.outputPath.slice(build.outputPath.lastIndexOf('/') + 1)}"` : 'the binary';
	const uncertain = linkage.certainty === 'certain' ? '' : ` (not certain: ${linkage.because})`;
	let message: string;
	if (floor.atLeast) {
		const failures = summariseTargets(describeGlibcFloorFailures(floor.atLeast));
		message = `${host.label}: ${binary} is built with cgo on ${where}, so it needs glibc ≥ ${floor.atLeast}${floor.atMost !== floor.atLeast ? ` (up to ${floor.atMost})` : ''}${failures ? `; it will not run on ${failures}` : ''}; where it ships is not visible here${uncertain}`;
	} else {
		const failures = summariseTargets(describeGlibcFloorFailures(floor.atMost));
		message = `${host.label}: ${binary} is built with cgo on ${where} (glibc ${floor.atMost}), so it needs at most glibc ${floor.atMost} (the exact floor depends on the glibc symbols it uses)${failures ? `; it may not run on ${failures}` : ''}; where it ships is not visible here${uncertain}`;
	}
	const related: RelatedInformation[] = [{ file: build.file, span: build.span, message: `${build.cgo.explanation}; ${linkage.because}` }];
	const requirement = cgoRequirementRelated(build);
	if (requirement) related.push(requirement);
	const fix = setCgoOffFix(build);
	return { file: host.file, span: host.anchor, severity: 'info', message, related, fixes: fix ? [fix] : [] };
}
