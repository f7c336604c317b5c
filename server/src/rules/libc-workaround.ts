import type { CopyStep, Delivery, ProjectModel, StageModel } from '../model/project';
import { libcGap } from './delivery-fit';
import { imageName } from './describe';
import { libcShims, type LibcShim } from './libc-shims';
import type { Rule, RuleContext } from './rule';
import type { FindingInput, RelatedInformation } from './types';

const RELOCATION_ERROR = '"Error relocating …: symbol not found"';

/**
 * `apk add libc6-compat` / `gcompat`, or a glibc loader path linked to musl, in an Alpine image: a glibc
 * binary may then start and fail later on a symbol musl lacks (FACTS §4.2; SCENARIOS 12). Where a known
 * glibc-linked Go binary is copied in, libc-mismatch reports it (as a warning naming the shim); this rule
 * covers binaries whose linkage is not visible, such as a prebuilt `./app` copied from the build context.
 */
export const libcWorkaround: Rule = {
	id: 'libc-workaround',
	defaultSeverity: 'warning',
	summary: 'An Alpine (musl) image installs libc6-compat/gcompat or links a glibc loader path so glibc binaries start, which may then fail with "Error relocating …: symbol not found".',
	check(context: RuleContext) {
		const reported = new Set<string>();
		for (const stage of context.project.dockerfiles.flatMap((d) => d.stages)) {
			for (const finding of check(context.project, stage)) {
				const key = `${finding.file}\u0000${finding.span.start}`;
				if (reported.has(key)) continue;
				reported.add(key);
				context.report(finding);
			}
		}
	},
};

function check(project: ProjectModel, stage: StageModel): FindingInput[] {
	const shims = libcShims(stage);
	// Builder stages install shims for their own tools; a stage that others build on is judged through them.
	if (shims.length === 0 || stage.builds.length > 0 || project.dockerfiles.some((d) => d.stages.some((s) => s.base === stage))) return [];
	const deliveries = project.deliveries.filter((d) => d.stage === stage);
	if (deliveries.some((d) => libcGap(d.build.linkage, stage.image?.libc))) return []; // libc-mismatch names the shim
	const delivered = new Set(deliveries.map((d) => d.copy));
	const unexplained = stage.copies.filter((c) => !delivered.has(c));
	const allKnown = deliveries.length > 0 && deliveries.every((d) => d.build.linkage.kind !== 'unknown');
	if (unexplained.length === 0 && allKnown) return []; // only Go binaries known not to need glibc
	return shims.map((shim) => ({
		file: shim.file,
		span: shim.span,
		message: `${what(shim)}: glibc-linked binaries may start in ${imageName(stage)} and then fail with ${RELOCATION_ERROR}`,
		related: related(stage, unexplained, deliveries),
	}));
}

function what(shim: LibcShim): string {
	return shim.kind === 'package' ? `${shim.label} is a glibc compatibility shim for musl` : `${shim.label} puts a glibc loader path on musl`;
}

function related(stage: StageModel, unexplained: readonly CopyStep[], deliveries: readonly Delivery[]): RelatedInformation[] {
	const libc = stage.image?.libc;
	const out: RelatedInformation[] = [{ file: stage.file, span: stage.syntax.from.span, message: `runs on ${imageName(stage)} (${libc?.version ? `musl ${libc.version}` : 'musl'})` }];
	for (const copy of unexplained) {
		const from = copy.fromStage ? `stage "${copy.fromStage.syntax.name ?? copy.fromStage.syntax.index}"` : copy.fromImage ? `image "${copy.fromImage}"` : 'the build context';
		out.push({ file: copy.file, span: copy.instruction.span, message: `copied from ${from}: how this file was linked is not visible here` });
	}
	for (const d of deliveries) {
		const binary = d.path ? `"${d.path}"` : 'this binary';
		const linkage = d.build.linkage;
		const text = linkage.kind === 'unknown' ? `how ${binary} is linked is not known: ${linkage.because}` : linkage.kind === 'dynamic' ? `${binary} is linked against ${linkage.libc ?? 'an unknown C library'}` : `${binary} is statically linked`;
		out.push({ file: d.copy.file, span: d.copy.instruction.span, message: text });
	}
	return out;
}
