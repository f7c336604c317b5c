import { OBSERVED_ERRORS } from '../knowledge/verified';
import { goAtLeast } from '../knowledge/version';
import type { GoBuild, GoModuleModel } from '../model/project';
import type { Span } from '../parse/span';
import { rootStage } from '../model/dockerfile/stage-chain';
import { builderTagFix, olderThan, toolchainMode } from './go-toolchain';
import type { Rule, RuleContext } from './rule';
import type { FindingInput, RelatedInformation, Severity } from './types';

/**
 * go.mod asks for a newer Go than the builder image has (SCENARIOS 9). Go 1.21+ treats the go line as a
 * minimum: with GOTOOLCHAIN=local (the official images set it) the build fails; with auto the go command
 * downloads a toolchain. Before 1.21 the line is advisory.
 */
export const goVersionMismatch: Rule = {
	id: 'go-version-mismatch',
	defaultSeverity: 'error',
	summary: 'go.mod\'s go or toolchain line needs a newer Go than the builder image: the build fails under GOTOOLCHAIN=local (set by the official golang images), or downloads a toolchain at build time.',
	check(context: RuleContext) {
		for (const build of context.project.builds) {
			if (build.remoteInstall || !build.module || build.host.kind !== 'dockerfile-stage' || !build.stage) continue;
			if (build.command.driver.kind === 'versioned-go' || build.command.driver.kind === 'gotip') continue;
			for (const finding of checkBuild(build, build.module)) context.report(finding);
		}
	},
};

interface Wanted {
	readonly version: string;
	readonly line: 'go' | 'toolchain';
	readonly span: Span;
}

function checkBuild(build: GoBuild, module: GoModuleModel): FindingInput[] {
	const builder = build.host.image?.goVersion;
	const go = module.syntax.go;
	if (!builder || !go) return [];
	const toolchainName = module.syntax.toolchain?.name.value;
	const toolchain = toolchainName && toolchainName !== 'default' ? toolchainName.replace(/^go/, '') : undefined;
	const goNewer = olderThan(builder, go.version.value) === true;
	const toolchainNewer = toolchain !== undefined && olderThan(builder, toolchain) === true;
	if (!goNewer && !toolchainNewer) return [];
	const stage = rootStage(build.stage!);
	const image = `"${stage.imageRef ?? stage.syntax.image.raw}"`;
	const goLine: Wanted = { version: go.version.value, line: 'go', span: go.span };
	const toolchainLine: Wanted | undefined = toolchain ? { version: toolchain, line: 'toolchain', span: module.syntax.toolchain!.span } : undefined;
	let severity: Severity;
	let wanted: Wanted;
	let consequence: string;
	const related: RelatedInformation[] = [];
	if (goAtLeast(builder, '1.21') === false) {
		if (!goNewer) return [];
		[severity, wanted] = ['warning', goLine];
		consequence = `before Go 1.21 the go line is advisory, so Go ${builder} builds it anyway and fails later if the code uses newer features`;
	} else {
		const mode = toolchainMode(build, builder);
		if (mode.setAt) related.push({ ...mode.setAt, message: mode.why });
		if (mode.mode === 'local') {
			if (!goNewer) return []; // GOTOOLCHAIN=local ignores the toolchain line (observed with go1.26.8)
			[severity, wanted] = ['error', goLine];
			// The observed text, with this build's versions (a minor-only tag runs some 1.N.x).
			const running = OBSERVED_ERRORS.toolchainLocal.text.replace('1.99', go.version.value).replace('1.26.8', /^\d+\.\d+\.\d+$/.test(builder) ? builder : `${builder}.x`);
			consequence = `${mode.why}, so the build fails with "${running}"`;
		} else if (mode.mode === 'named' && mode.version && olderThan(mode.version, go.version.value) === false) {
			return [];
		} else {
			wanted = toolchainNewer && toolchainLine && (!goNewer || olderThan(go.version.value, toolchainLine.version)) ? toolchainLine : goLine;
			severity = 'warning';
			consequence =
				mode.mode === 'auto'
					? `${mode.why}, so the go command downloads go${wanted.version} at build time (fails offline or where the module proxy is blocked)`
					: mode.mode === 'path'
						? `${mode.why}, so the build fails unless a go${wanted.version} toolchain is on PATH`
						: `whether the build fails or downloads a toolchain depends on GOTOOLCHAIN (${mode.why})`;
		}
	}
	const fix = builderTagFix(stage, wanted.version);
	const line = wanted.line === 'go' ? `go ${wanted.version}` : `toolchain go${wanted.version}`;
	return [
		{
			file: stage.file,
			span: stage.syntax.image.span,
			severity,
			message: `${image} has Go ${builder} but go.mod says "${line}": ${consequence}`,
			related: [{ file: module.path, span: wanted.span, message: `go.mod asks for Go ${wanted.version} here` }, ...related],
			fixes: fix ? [fix] : [],
		},
		{
			file: module.path,
			span: wanted.span,
			severity,
			message: `"${line}" needs a newer Go than ${image} (Go ${builder}) in ${build.file.slice(build.file.lastIndexOf('/') + 1)}: ${consequence}`,
			related: [{ file: stage.file, span: stage.syntax.image.span, message: `the builder image: Go ${builder}` }],
			fixes: fix ? [fix] : [],
		},
	];
}
