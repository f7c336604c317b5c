import type { Libc } from '../knowledge/types';
import type { Delivery, GoBuild, StageModel } from '../model/project';
import { describeBuilder, describeImage, imageName } from './describe';
import { setCgoOffFix, switchRuntimeImageFixes } from './fixes';
import type { Rule, RuleContext } from './rule';
import type { FindingInput, Severity } from './types';

/**
 * A dynamically linked binary copied into an image whose C library (or ELF loader) is not the one it was
 * linked against: the kernel cannot find the interpreter and the container fails at start with
 * "no such file or directory" (FACTS §4.2).
 */
export const libcMismatch: Rule = {
	id: 'libc-mismatch',
	defaultSeverity: 'error',
	summary: 'A dynamically linked Go binary is copied into an image that lacks its C library or loader (glibc → alpine/scratch/distroless static, musl → Debian/Ubuntu).',
	check(context: RuleContext) {
		for (const delivery of context.project.deliveries) {
			const finding = checkDelivery(delivery);
			if (finding) context.report(finding);
		}
	},
};

function checkDelivery(delivery: Delivery): FindingInput | undefined {
	const { build, stage } = delivery;
	const linkage = build.linkage;
	if (linkage.kind !== 'dynamic') return undefined;
	const runtimeLibc = stage.image?.libc;
	if (!runtimeLibc) return undefined; // unknown runtime image: no libc claim (the hover says "not known")
	const missing = whatIsMissing(linkage.libc, linkage.loaderOnly, runtimeLibc);
	if (!missing) return undefined;
	const severity: Severity = linkage.certainty === 'certain' ? 'error' : 'warning';
	const binary = delivery.path ? `"${delivery.path}"` : 'the binary';
	const assumption = linkage.certainty === 'certain' ? '' : ` (not certain: ${linkage.because})`;
	const message = `${binary} is dynamically linked against ${linkage.libc ?? 'the builder\'s C library'} (${build.cgo.explanation}) but ${describeImage(stage)} ${missing}: it will fail to start with "no such file or directory"${assumption}`;
	return {
		file: delivery.copy.file,
		span: delivery.copy.instruction.span,
		severity,
		message,
		related: relatedFor(build, stage),
		fixes: [setCgoOffFix(build), ...switchRuntimeImageFixes(build, stage)].filter((f) => f !== undefined),
	};
}

/** Why the runtime cannot load the binary, or undefined when it can. */
function whatIsMissing(needs: Libc['family'] | undefined, loaderOnly: boolean, runtime: Libc): string | undefined {
	if (runtime.family === 'none') return loaderOnly ? 'has no ELF loader' : 'has no C library and no loader';
	if (needs === undefined || needs === 'none' || needs === runtime.family) return undefined;
	return needs === 'glibc' ? `has ${libcText(runtime)}, not glibc` : `has ${libcText(runtime)}, not musl`;
}

function libcText(libc: Libc): string {
	return libc.version ? `${libc.family} ${libc.version}` : libc.family;
}

function relatedFor(build: GoBuild, runtime: StageModel) {
	const host = build.host;
	return [
		{ file: host.file, span: host.anchor, message: `built in ${host.label}: ${describeBuilder(host)}` },
		{ file: build.file, span: build.span, message: `this build links dynamically: ${build.linkage.kind === 'dynamic' ? build.linkage.because : ''}` },
		{ file: runtime.file, span: runtime.syntax.from.span, message: `runs in ${imageName(runtime)}` },
	];
}
