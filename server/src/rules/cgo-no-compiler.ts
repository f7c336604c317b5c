import { OBSERVED_ERRORS } from '../knowledge/verified';
import { goAtLeast } from '../knowledge/version';
import type { GoBuild, ProjectModel } from '../model/project';
import { cCompilerNeed, goWordsSpan, targetOf } from './build-facts';
import { compilerInstallFor, insertBeforeRun } from './compiler-install';
import { describeBuilder } from './describe';
import { setCgoOffFix } from './fixes';
import type { Rule, RuleContext } from './rule';
import type { Fix, FindingInput, RelatedInformation } from './types';

/**
 * cgo is on in a builder without a C compiler (golang:*-alpine without gcc musl-dev): every package with C
 * code, runtime/cgo included, fails to build (SCENARIOS 7; observed text in knowledge/verified.ts).
 */
export const cgoNoCompiler: Rule = {
	id: 'cgo-no-compiler',
	defaultSeverity: 'error',
	summary: 'cgo is on (CGO_ENABLED=1, or a cgo module on a pre-1.20 builder) in a build stage with no C compiler, such as golang:*-alpine without gcc musl-dev: the build fails with "C compiler "gcc" not found".',
	check(context: RuleContext) {
		for (const build of context.project.builds) {
			const finding = checkBuild(context.project, build);
			if (finding) context.report(finding);
		}
	},
};

function checkBuild(project: ProjectModel, build: GoBuild): FindingInput | undefined {
	if (build.cgo.state !== 'on' || build.host.compiler.present !== false || build.env.has('CC')) return undefined;
	// Cross builds need a cross compiler, not gcc: cgo-cross-compile reports them.
	const { goos, goarch } = targetOf(build);
	const hostArch = build.stage?.syntax.platform?.expanded?.split('/')[1];
	if (build.command.driver.kind === 'xx-go' || goos !== 'linux' || (build.env.has('GOARCH') && goarch !== hostArch)) return undefined;
	const need = cCompilerNeed(build);
	if (need.needs === false) return undefined;
	const goVersion = build.host.image?.goVersion;
	const opaque = build.stage?.opaqueSteps.find((s) => s.file === build.file && s.span.start < build.span.start);
	const unknowns = [
		need.needs === undefined ? `if anything uses cgo: ${need.why}` : undefined,
		need.onlyStd && goVersion !== undefined && goAtLeast(goVersion, '1.20') === false ? `not certain for Go ${goVersion}: before Go 1.20 whether net needs gcc here is not known` : undefined,
		opaque ? 'unless an earlier step this analysis does not see into installs one' : undefined,
	].filter((u): u is string => u !== undefined);
	const setAt = build.cgo.setAt;
	const explicit = build.cgo.reason === 'explicit' && setAt?.file !== undefined && setAt.span !== undefined;
	const because = need.needs === true ? ` and ${need.why}` : '';
	const related: RelatedInformation[] = [{ file: build.host.file, span: build.host.anchor, message: `built in ${build.host.label}: ${describeBuilder(build.host)}` }];
	if (explicit) related.push({ file: build.file, span: goWordsSpan(build), message: 'this build runs with cgo on' });
	if (opaque) related.push({ file: opaque.file, span: opaque.span, message: opaque.description });
	return {
		file: explicit ? setAt.file : build.file,
		span: explicit ? setAt.span : goWordsSpan(build),
		severity: unknowns.length === 0 ? 'error' : 'warning',
		message: `cgo is on (${build.cgo.explanation}) but ${build.host.compiler.reason}${because}: the build fails with "${OBSERVED_ERRORS.noCCompiler.text}"${unknowns.length > 0 ? ` (${unknowns.join('; ')})` : ''}`,
		related,
		fixes: fixesFor(project, build, need.onlyStd === true),
	};
}

function fixesFor(project: ProjectModel, build: GoBuild, onlyStd: boolean): Fix[] {
	const fixes: Fix[] = [];
	const text = project.dockerfiles.find((d) => d.path === build.file)?.text;
	const install = compilerInstallFor(build);
	if (install && text !== undefined) fixes.push({ title: `Install ${install.packages} before this RUN`, edits: [insertBeforeRun(build, text, install.line)], isPreferred: true });
	// Only net/os/user need cgo: they fall back to pure Go with cgo off (FACTS §3.2).
	const off = onlyStd ? setCgoOffFix(build) : undefined;
	if (off) fixes.push({ ...off, isPreferred: false });
	return fixes;
}
