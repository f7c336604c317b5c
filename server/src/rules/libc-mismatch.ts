import type { Libc } from '../knowledge/types';
import type { Delivery, DockerfileModel, GoBuild, StageModel } from '../model/project';
import { describeBuilder, describeImage, imageName } from './describe';
import { setCgoOffFix, switchRuntimeImageFixes } from './fixes';
import { clockGettime64Fix } from './godebug-fix';
import { contextLibcFindings } from './context-binary-findings';
import { libcShims, shimLabels } from './libc-shims';
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
			const dockerfile = context.project.dockerfiles.find((d) => d.path === delivery.stage.file);
			const finding = checkDelivery(delivery, dockerfile);
			if (finding) context.report(finding);
		}
		// A binary in the workspace copied from the build context: its own loader, read from the file.
		for (const finding of contextLibcFindings(context)) context.report(finding);
	},
};

function checkDelivery(delivery: Delivery, dockerfile: DockerfileModel | undefined): FindingInput | undefined {
	const { build, stage } = delivery;
	const linkage = build.linkage;
	if (linkage.kind !== 'dynamic') return undefined;
	const runtimeLibc = stage.image?.libc;
	if (!runtimeLibc) return unknownRuntime(delivery);
	const missing = whatIsMissing(linkage.libc, linkage.loaderOnly, runtimeLibc);
	if (!missing) return undefined;
	// A glibc shim on musl (libc6-compat, gcompat, a linked loader) changes the failure: the binary may
	// start, then fail on a missing symbol (FACTS §4.2). A warning naming the shim; libc-workaround explains it.
	const shims = linkage.libc === 'glibc' ? libcShims(stage) : [];
	const severity: Severity = linkage.certainty === 'certain' && shims.length === 0 ? 'error' : 'warning';
	const binary = delivery.path ? `"${delivery.path}"` : 'the binary';
	const assumption = linkage.certainty === 'certain' ? '' : ` (not certain: ${linkage.because})`;
	const outcome = shims.length > 0 ? `with ${shimLabels(shims)} it may start, then fail with "Error relocating …: symbol not found"` : 'it will fail to start with "no such file or directory"';
	const message = `${binary} is dynamically linked against ${linkage.libc ?? 'the builder\'s C library'} (${build.cgo.explanation}) but ${describeImage(stage)} ${missing}: ${outcome}${assumption}`;
	return {
		file: delivery.copy.file,
		span: delivery.copy.instruction.span,
		severity,
		message,
		related: [...relatedFor(build, stage), ...shims.map((shim) => ({ file: shim.file, span: shim.span, message: `${shim.label}: a glibc workaround on musl (see libc-workaround)` }))],
		// The GODEBUG "fix" goes last and is never preferred: it changes nothing (godebug-fix.ts).
		fixes: [setCgoOffFix(build), ...switchRuntimeImageFixes(build, stage), clockGettime64Fix(dockerfile, stage)].filter((f) => f !== undefined),
	};
}

/** An image the knowledge base does not describe gets no libc claim, only information (STYLE: truth first). */
function unknownRuntime(delivery: Delivery): FindingInput | undefined {
	const { build, stage } = delivery;
	if (build.linkage.kind !== 'dynamic' || stage.base) return undefined;
	const binary = delivery.path ? `"${delivery.path}"` : 'the binary';
	const reference = stage.imageRef ?? stage.syntax.image.raw;
	return {
		file: delivery.copy.file,
		span: delivery.copy.instruction.span,
		severity: 'info',
		message: `the C library of "${reference}" is not known, so whether ${binary} (dynamically linked against ${build.linkage.libc ?? 'the builder\'s C library'}) can start there cannot be checked; state it in .shipcheck.yaml under images:`,
		related: relatedFor(build, stage),
		fixes: [],
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
