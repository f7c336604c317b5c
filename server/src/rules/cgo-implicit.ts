import { linkageIfCgo } from '../model/build-alternatives';
import type { CgoReason } from '../model/cgo';
import type { Delivery, GoBuild } from '../model/project';
import { glibcGap, libcGap } from './delivery-fit';
import { describeBuilder, imageName, stageLabel } from './describe';
import { setCgoOffFix } from './fixes';
import { rootStage } from '../model/dockerfile/stage-chain';
import type { Rule, RuleContext } from './rule';
import type { FindingInput } from './types';

/** Defaults that hinge on whether a C compiler is on PATH (FACTS §3.1: Go 1.20+ turns cgo off without one). */
const COMPILER_DEPENDENT: ReadonlySet<CgoReason> = new Set(['default-no-compiler', 'unknown-compiler', 'unknown-go-version']);

/**
 * CGO_ENABLED left unset where the result runs in another image and only works because no C compiler is
 * present (or it is not known whether one is): installing gcc later, for anything, would turn cgo on and
 * the binary would no longer start there. Silent when the binary fits either way, and when the current
 * result is already wrong (libc-mismatch / glibc-too-old report that).
 */
export const cgoImplicit: Rule = {
	id: 'cgo-implicit',
	defaultSeverity: 'hint',
	summary: 'CGO_ENABLED is unset in a build whose binary runs in another image, and whether that binary starts there depends on a C compiler being absent from the builder.',
	check(context: RuleContext) {
		const reported = new Set<GoBuild>();
		for (const delivery of context.project.deliveries) {
			if (reported.has(delivery.build)) continue;
			const finding = check(delivery);
			if (!finding) continue;
			reported.add(delivery.build);
			context.report(finding);
		}
	},
};

function check(delivery: Delivery): FindingInput | undefined {
	const { build, stage } = delivery;
	if (build.env.get('CGO_ENABLED') || !COMPILER_DEPENDENT.has(build.cgo.reason)) return undefined;
	if (rootStage(stage) === rootStage(build.stage)) return undefined; // runs in the image it was built in
	const runtimeLibc = stage.image?.libc;
	const withCgo = linkageIfCgo(build, 'on');
	if (withCgo.kind !== 'dynamic') return undefined;
	const gap = libcGap(withCgo, runtimeLibc);
	const glibc = gap ? undefined : glibcGap(withCgo, runtimeLibc);
	if (!gap && (!glibc || glibc.kind !== 'needs')) return undefined;
	const why = gap ?? `has glibc ${glibc!.runtime}, older than the GLIBC_${glibc!.version} it would need`;
	const binary = delivery.path ? `"${delivery.path}"` : 'the binary';
	const where = build.stage ? stageLabel(build.stage) : build.host.label;
	const linked = `dynamically linked against ${withCgo.libc ?? 'the builder\'s C library'}`;
	const message =
		build.cgo.reason === 'default-no-compiler'
			? `${binary} is static only because ${build.cgo.explanation}: if a C compiler is ever installed in ${where}, cgo turns on and the binary, then ${linked}, will not start in ${imageName(stage)}, which ${why}`
			: `${binary} may not be static: ${build.cgo.explanation}; with a C compiler, cgo is on and the binary, then ${linked}, will not start in ${imageName(stage)}, which ${why}`;
	const fix = setCgoOffFix(build);
	return {
		file: build.file,
		span: build.span,
		message,
		related: [
			{ file: build.host.file, span: build.host.anchor, message: `built in ${build.host.label}: ${describeBuilder(build.host)}` },
			{ file: delivery.copy.file, span: delivery.copy.instruction.span, message: `copied into ${imageName(stage)} here` },
		],
		fixes: fix ? [fix] : [],
	};
}
