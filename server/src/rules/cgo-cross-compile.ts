import { OBSERVED_ERRORS } from '../knowledge/verified';
import type { GoBuild, ProjectModel } from '../model/project';
import { cCompilerNeed, goWordsSpan, targetOf } from './build-facts';
import { followsTarget } from '../model/cgo';
import { runsOnBuildPlatform, stagePlatform } from '../model/dockerfile/stage-chain';
import { buildArchOf, ccFor, installCrossCompilerFix, targetArchFix } from './cross-build';
import { setCgoOffFix } from './fixes';
import type { Rule, RuleContext } from './rule';
import type { Fix, FindingInput, RelatedInformation } from './types';

/**
 * cgo cross builds without a C compiler for the target, and GOARCH fixed in a multi-platform build
 * (SCENARIOS 8). Cross builds need CGO_ENABLED=1 and a cross CC (FACTS §3.1); tonistiigi/xx, zig cc, an
 * installed cross gcc and mingw-w64 are correct set-ups.
 */
export const cgoCrossCompile: Rule = {
	id: 'cgo-cross-compile',
	defaultSeverity: 'error',
	summary: 'CGO_ENABLED=1 with a GOOS/GOARCH other than the builder\'s and no C compiler for that target, or a fixed GOARCH in a multi-platform ($BUILDPLATFORM → $TARGETPLATFORM) build that ships the wrong architecture.',
	check(context: RuleContext) {
		for (const build of context.project.builds) {
			if (!build.stage || build.command.driver.kind === 'xx-go') continue;
			const cross = checkCgoCross(context.project, build);
			if (cross) context.report(cross);
			const fixed = checkFixedGoarch(context.project, build);
			if (fixed) context.report(fixed);
		}
	},
};

function checkCgoCross(project: ProjectModel, build: GoBuild): FindingInput | undefined {
	const setAt = build.cgo.setAt;
	if (build.cgo.state !== 'on' || build.cgo.reason !== 'explicit' || !setAt?.file || !setAt.span) return undefined;
	if (!build.env.has('GOOS') && !build.env.has('GOARCH')) return undefined; // a native build
	const followed = runsOnBuildPlatform(build.stage!) ? (followsTarget(build.env, 'GOARCH') ?? followsTarget(build.env, 'GOOS')) : undefined;
	if (followed) return checkEveryOtherTarget(build, followed);
	const { goos, goarch } = targetOf(build);
	const host = buildArchOf(build.stage!);
	const cross = goos !== undefined && goos !== 'linux' ? true : goarch !== undefined && host.arch !== undefined ? goarch !== host.arch : undefined;
	if (cross === false || goos === undefined) return undefined;
	const cc = ccFor(build, goos, goarch);
	if (cc.ok === true) return undefined;
	const need = cCompilerNeed(build);
	if (need.needs === false) return undefined;
	const target = `${goos}/${goarch ?? '(not known)'}`;
	const unknowns = [cross === undefined ? host.unless(target) : undefined, need.needs === undefined ? `if anything uses cgo: ${need.why}` : undefined, cc.ok === undefined ? cc.why : undefined].filter(Boolean);
	const observed = goarch === 'arm64' && host.arch === 'amd64' && cc.why.startsWith('CC is unset') ? ` (observed: "${OBSERVED_ERRORS.crossWithNativeGcc.text}")` : '';
	const related = relatedPlatformVars(build);
	related.push({ file: build.host.file, span: build.host.anchor, message: `runs on ${host.describe}` });
	const text = project.dockerfiles.find((d) => d.path === build.file)?.text;
	const fixes: Fix[] = [];
	const install = text !== undefined && goarch !== undefined ? installCrossCompilerFix(build, text, goos, goarch) : undefined;
	if (install) fixes.push(install);
	const off = need.onlyStd ? setCgoOffFix(build) : undefined;
	if (off) fixes.push({ ...off, isPreferred: false });
	return {
		file: setAt.file,
		span: setAt.span,
		severity: unknowns.length === 0 ? 'error' : 'warning',
		message: `CGO_ENABLED=1 ${cross ? 'cross-compiles' : 'builds'} for ${target} on ${host.describe} without a C compiler for that target (${cc.why})${need.needs ? ` and ${need.why}` : ''}: the C code is compiled for the wrong platform and the build fails${observed}${unknowns.length > 0 ? ` (${unknowns.join('; ')})` : ''}`,
		related,
		fixes,
	};
}

/**
 * `CGO_ENABLED=1 GOARCH=$TARGETARCH` in a stage on $BUILDPLATFORM: native for the builder's own platform, a cgo
 * cross build for every other one. Which platforms are built is chosen at build time, hence a warning.
 */
function checkEveryOtherTarget(build: GoBuild, followed: string): FindingInput | undefined {
	const setAt = build.cgo.setAt!;
	const goos = build.env.get('GOOS')?.value ?? 'linux';
	const cc = ccFor(build, goos, undefined);
	if (cc.ok !== false) return undefined;
	const need = cCompilerNeed(build);
	if (need.needs === false) return undefined;
	const needs = need.needs ? ` and ${need.why}` : ` (if anything uses cgo: ${need.why})`;
	const off = need.onlyStd ? setCgoOffFix(build) : undefined;
	return {
		file: setAt.file!,
		span: setAt.span!,
		severity: 'warning',
		message: `CGO_ENABLED=1 while ${followed} in a stage that runs on $BUILDPLATFORM: for every target platform other than the builder's own (docker buildx build --platform …) this is a cgo cross build without a C compiler for the target (${cc.why})${needs}, and that build fails (which platforms are built is chosen at build time, not in the Dockerfile)`,
		related: [
			...relatedPlatformVars(build),
			{ file: build.host.file, span: build.host.anchor, message: 'this stage runs on the builder\'s platform' },
		],
		fixes: off ? [{ ...off, isPreferred: false }] : [],
	};
}

function relatedPlatformVars(build: GoBuild): RelatedInformation[] {
	const related: RelatedInformation[] = [];
	for (const name of ['GOOS', 'GOARCH', 'CC']) {
		const v = build.env.get(name);
		if (v?.file && v.span) related.push({ file: v.file, span: v.span, message: `${name}=${v.value ?? '(set at build time)'}` });
	}
	return related;
}

function checkFixedGoarch(project: ProjectModel, build: GoBuild): FindingInput | undefined {
	const goarch = build.env.get('GOARCH');
	const platform = stagePlatform(build.stage!);
	if (!goarch?.value || !goarch.span || !platform || !/BUILDPLATFORM/.test(platform.raw)) return undefined;
	const feeds = project.deliveries.find((d) => d.build === build && (!d.stage.syntax.platform || /TARGETPLATFORM|TARGETARCH/.test(d.stage.syntax.platform.raw)));
	if (!feeds) return undefined;
	const dockerfile = project.dockerfiles.find((d) => d.path === build.file);
	const fix = dockerfile ? targetArchFix(dockerfile, goarch) : undefined;
	const cgo = build.cgo.state === 'on' ? ', and with cgo on the C code also needs a compiler for each target' : '';
	return {
		file: goarch.file ?? build.file,
		span: goarch.span,
		severity: 'warning',
		message: `GOARCH="${goarch.value}" is fixed in a stage that runs on $BUILDPLATFORM and feeds a $TARGETPLATFORM image: an image built for any other platform (docker buildx build --platform) ships the ${goarch.value} binary${cgo} (the target platforms are chosen at build time, not in the Dockerfile)`,
		related: [
			{ file: build.host.file, span: build.host.anchor, message: 'this stage runs on the builder\'s platform' },
			{ file: build.file, span: goWordsSpan(build), message: `builds for GOARCH=${goarch.value}` },
			{ file: feeds.copy.file, span: feeds.copy.instruction.span, message: 'copied into a stage built for the target platform' },
		],
		fixes: fix ? [fix] : [],
	};
}
