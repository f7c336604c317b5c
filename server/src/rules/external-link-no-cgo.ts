import { lookupLinkerFlag } from '../knowledge';
import { cgoOnlyFeature, type CgoOnlyFeature } from '../knowledge/cgo-only-features';
import type { GoBuild, ProjectModel } from '../model/project';
import type { Span } from '../parse/span';
import { describeBuilder } from './describe';
import { buildText, removalEdit, removeLinkerFlags } from './flag-edits';
import type { Rule, RuleContext } from './rule';
import type { Fix, FindingInput, RelatedInformation } from './types';

/**
 * External linking, C-facing build modes and the race detector need cgo on Linux (FACTS §3.2, §3.5, §7).
 * With cgo known to be off, current cmd/go refuses the build; go1.19 linked `-linkmode external` anyway and
 * the binary crashed at start with SIGTRAP.
 */
export const externalLinkNoCgo: Rule = {
	id: 'external-link-no-cgo',
	defaultSeverity: 'error',
	summary: 'A Linux build uses -linkmode external, -buildmode=plugin/c-shared/c-archive or -race while cgo is off, which needs cgo.',
	check(context: RuleContext) {
		for (const build of context.project.builds) {
			if (build.cgo.state !== 'off' || !targetsLinux(build)) continue;
			for (const finding of findings(context.project, build)) context.report(finding);
		}
	},
};

function targetsLinux(build: GoBuild): boolean {
	const goos = build.env.get('GOOS');
	return goos === undefined || goos.value === 'linux';
}

function findings(project: ProjectModel, build: GoBuild): FindingInput[] {
	const text = buildText(project, build) ?? '';
	const out: FindingInput[] = [];
	const ld = build.command.ldflags;
	const cgoOff = build.cgo.explanation;
	if (ld?.linkmode?.value === 'external') {
		const written = text.slice(ld.linkmode.span.start, ld.linkmode.span.end) || `-linkmode ${ld.linkmode.value}`;
		const known = lookupLinkerFlag('-linkmode=external');
		const [current, old] = known?.errors ?? [];
		const message = `"${written}" needs cgo (external linking imports runtime/cgo) but ${cgoOff}: current Go stops with "${current}", and go1.19 printed "${old}" and built a binary that crashed at start (SIGTRAP)`;
		const removed = [ld.linkmode, ...(ld.extldflagsFlag ? [ld.extldflagsFlag] : [])];
		const removedText = removed.map((f) => text.slice(f.span.start, f.span.end)).join(' ').replace(/["']/g, '');
		// A CI build config can fan out to targets with cgo on and off (a GoReleaser goarch list): no edit there.
		const edit = build.host.kind === 'dockerfile-stage' ? removeLinkerFlags(build.file, text, ld, removed) : undefined;
		const staticAnyway = build.command.buildmode === undefined || ['exe', 'default'].includes(build.command.buildmode.value ?? '');
		const remove: Fix | undefined = edit && { title: `Remove "${removedText}" from -ldflags${staticAnyway ? ' (with cgo off the Go linker already links statically)' : ''}`, edits: [edit], isPreferred: staticAnyway };
		// A static PIE needs the external linker: there CGO_ENABLED=1 is the fix that keeps the intent.
		const cgoOn = cgoOnFix(build);
		out.push(report(build, ld.linkmode.span, message, 'error', [remove, cgoOn && { ...cgoOn, isPreferred: !staticAnyway }]));
	}
	const mode = build.command.buildmode;
	const modeFeature = mode?.value === undefined ? undefined : cgoOnlyFeature(`-buildmode=${mode.value}`);
	if (mode && modeFeature) {
		const fix = cgoOnFix(build);
		out.push(report(build, mode.span, featureMessage(build, modeFeature), modeFeature.errorNative ? 'error' : 'warning', [fix && { ...fix, isPreferred: true }]));
	}
	const race = build.command.race;
	const raceFeature = cgoOnlyFeature('-race');
	if (race && raceFeature) {
		const remove: Fix | undefined = race.source === 'command-line' ? { title: 'Remove "-race" (a race-detector build is for testing, not for shipping)', edits: [removalEdit(build.file, text, race.span)] } : undefined;
		out.push(report(build, race.span, featureMessage(build, raceFeature), 'error', [remove, cgoOnFix(build)]));
	}
	return out;
}

function featureMessage(build: GoBuild, feature: CgoOnlyFeature): string {
	const head = `"${feature.flag}" needs cgo (${feature.because}) but ${build.cgo.explanation}`;
	const error = build.cgo.reason === 'default-cross' ? (feature.errorCross ?? feature.errorNative) : feature.errorNative;
	return error ? `${head}: the build fails with "${error}"` : `${head}: cmd/go does not check this, and what the linker builds without cgo is not verified`;
}

function report(build: GoBuild, span: Span, message: string, severity: 'error' | 'warning', fixes: (Fix | undefined)[]): FindingInput {
	return { file: build.file, span, severity, message, related: related(build), fixes: fixes.filter((f) => f !== undefined) };
}

/** CGO_ENABLED=1 where it is set to 0, when the build has a C compiler; a cross build would need a cross CC too. */
function cgoOnFix(build: GoBuild): Fix | undefined {
	const setAt = build.cgo.setAt;
	if (build.host.kind !== 'dockerfile-stage' || build.cgo.reason !== 'explicit' || !setAt?.file || !setAt.span || build.host.compiler.present !== true) return undefined;
	return { title: 'Set CGO_ENABLED=1 where it is set to 0', edits: [{ file: setAt.file, span: setAt.span, newText: 'CGO_ENABLED=1' }] };
}

function related(build: GoBuild): RelatedInformation[] {
	const host = build.host;
	const out: RelatedInformation[] = [{ file: host.file, span: host.anchor, message: `built in ${host.label}: ${describeBuilder(host)}` }];
	const setAt = build.cgo.setAt;
	if (setAt?.file && setAt.span) out.push({ file: setAt.file, span: setAt.span, message: 'cgo is turned off here' });
	return out;
}
