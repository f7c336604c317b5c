import { describeGlibcFloorFailures, summariseTargets } from '../knowledge';
import type { Delivery, GoBuild, StageModel } from '../model/project';
import { ciGlibcFloorFindings } from './ci-glibc-floor';
import { contextGlibcFindings } from './context-binary-findings';
import { glibcGap, type GlibcGap } from './delivery-fit';
import { describeBuilder, describeHostImage, describeImage, imageName } from './describe';
import { cgoRequirementRelated, pinBuilderReleaseFix } from './glibc-fixes';
import { setCgoOffFix, switchRuntimeImageFixes } from './fixes';
import type { Rule, RuleContext } from './rule';
import type { FindingInput, RelatedInformation, Severity } from './types';

/**
 * A cgo binary linked against a newer glibc than the runtime image has: the dynamic loader refuses it with
 * "version `GLIBC_2.34' not found" (FACTS §4.3). The floor is the binary's own (`glibcFloor.atLeast`: 2.34 for
 * any cgo build on glibc ≥ 2.34), not the builder's version; only the builder's version bounds it from above.
 */
export const glibcTooOld: Rule = {
	id: 'glibc-too-old',
	defaultSeverity: 'error',
	summary: 'A cgo binary needs a newer glibc (GLIBC_x.y symbol versions) than the image it is copied into provides.',
	check(context: RuleContext) {
		for (const delivery of context.project.deliveries) {
			const gap = glibcGap(delivery.build.linkage, delivery.stage.image?.libc);
			if (gap) context.report(finding(delivery, gap));
		}
		for (const ci of ciGlibcFloorFindings(context.project)) context.report(ci);
		// A binary in the workspace copied from the build context: its real GLIBC_x.y needs, read from the file.
		for (const finding of contextGlibcFindings(context)) context.report(finding);
	},
};

function finding(delivery: Delivery, gap: GlibcGap): FindingInput {
	const { build, stage } = delivery;
	const linkage = build.linkage;
	const certain = gap.kind === 'needs' && linkage.kind === 'dynamic' && linkage.certainty === 'certain';
	const severity: Severity = certain ? 'error' : 'warning';
	const binary = delivery.path ? `"${delivery.path}"` : 'the binary';
	const builderGlibc = build.host.image?.libc?.version;
	const why = `(cgo is on and the builder ${describeHostImage(build.host)} has glibc ${builderGlibc ?? 'of an unknown version'})`;
	const versionError = `"version \`GLIBC_${gap.version}' not found"`;
	const runtime = `${describeImage(stage)} has glibc ${gap.runtime}`;
	const message =
		gap.kind === 'needs'
			? `${binary} needs GLIBC_${gap.version} ${why} but ${runtime}: it will fail to start with ${versionError}${certain ? '' : ` (not certain: ${linkage.kind === 'dynamic' ? linkage.because : ''})`}`
			: `${binary} may need up to GLIBC_${gap.version} ${why} but ${runtime}: it fails to start with ${versionError} if it uses a glibc symbol newer than ${gap.runtime}`;
	return {
		file: delivery.copy.file,
		span: delivery.copy.instruction.span,
		severity,
		message,
		related: related(build, stage, gap),
		fixes: [setCgoOffFix(build), pinBuilderReleaseFix(build, gap.runtime), ...switchRuntimeImageFixes(build, stage)].filter((f) => f !== undefined),
	};
}

function related(build: GoBuild, runtime: StageModel, gap: GlibcGap): RelatedInformation[] {
	const host = build.host;
	const failures = gap.kind === 'needs' ? summariseTargets(describeGlibcFloorFailures(gap.version)) : '';
	const floorText = failures ? `; cgo binaries built here need GLIBC_${gap.version} and fail on ${failures}` : '';
	const out: RelatedInformation[] = [
		{ file: host.file, span: host.anchor, message: `built in ${host.label}: ${describeBuilder(host)}${floorText}` },
		{ file: build.file, span: build.span, message: `${build.cgo.explanation}; ${build.linkage.kind === 'dynamic' ? build.linkage.because : ''}` },
	];
	const requirement = cgoRequirementRelated(build);
	if (requirement) out.push(requirement);
	out.push({ file: runtime.file, span: runtime.syntax.from.span, message: `runs in ${imageName(runtime)} (glibc ${gap.runtime})` });
	return out;
}
