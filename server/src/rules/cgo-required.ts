import { OBSERVED_ERRORS } from '../knowledge/verified';
import type { GoBuild, GoModuleModel, ProjectModel } from '../model/project';
import { cgoRequiresOf, goWordsSpan, importRelated, importStatus, type CgoRequire } from './build-facts';
import { compilerInstallFor, insertBeforeRun } from './compiler-install';
import { describeBuilder } from './describe';
import type { Rule, RuleContext } from './rule';
import type { Fix, FindingInput, RelatedInformation } from './types';

/**
 * A module that wraps a C library is compiled with cgo off (FACTS §7, SCENARIOS 6 and 7): go-sqlite3 builds
 * a stub that fails at run time, confluent-kafka-go fails to compile with errors that never mention cgo.
 */
export const cgoRequired: Rule = {
	id: 'cgo-required',
	defaultSeverity: 'error',
	summary: 'A required module wraps a C library (go-sqlite3, confluent-kafka-go, gopacket/pcap, godror, …) but the build turns cgo off: it fails to compile, or compiles a stub that fails at run time.',
	check(context: RuleContext) {
		for (const build of context.project.builds) {
			const module = build.module;
			if (build.remoteInstall || !module || build.cgo.state !== 'off') continue;
			for (const req of cgoRequiresOf(module)) {
				const finding = checkRequire(context.project, build, module, req);
				if (finding) context.report(finding);
			}
		}
	},
};

function checkRequire(project: ProjectModel, build: GoBuild, module: GoModuleModel, req: CgoRequire): FindingInput | undefined {
	const status = importStatus(build, module, req, false);
	if (status.state === 'excluded') return undefined; // a `//go:build cgo` file: a pure-Go twin takes over
	if (status.state === 'not-visible' && !req.wholeModule) return undefined;
	const verified = req.module.verified;
	const unknown =
		status.state === 'imported'
			? verified ? '' : ` (not verified: "${req.module.path}" wraps ${req.module.wraps} by design, but its source was not checked for import "C")`
			: status.state === 'undecided'
				? ` (if ${relativeTo(module, status.file.path)} is built: its constraint "${status.file.constraintText}" depends on values not known here)`
				: ` (if the build uses it: ${status.why})`;
	const setAt = build.cgo.setAt;
	const explicit = build.cgo.reason === 'explicit' && setAt?.file !== undefined && setAt.span !== undefined;
	const related: RelatedInformation[] = [
		{ file: module.path, span: req.span, message: `"${req.path}" is required here${req.module.alternatives[0] ? `; a pure-Go alternative: ${req.module.alternatives[0]}` : ''}` },
	];
	if (status.state === 'imported' || status.state === 'undecided') related.push(importRelated(status.file, status.importSpan, `imported here`));
	if (build.host.imageRef !== undefined) related.push({ file: build.host.file, span: build.host.anchor, message: `built in ${build.host.label}: ${describeBuilder(build.host)}` });
	return {
		file: explicit ? setAt.file : build.file,
		span: explicit ? setAt.span : goWordsSpan(build),
		severity: status.state === 'imported' && verified ? 'error' : 'warning',
		message: `"${req.packagePrefix}" needs cgo but cgo is off for this build (${build.cgo.explanation}): ${consequence(req)}${unknown}`,
		related,
		fixes: fixesFor(project, build),
	};
}

function consequence(req: CgoRequire): string {
	const module = req.module;
	if (module.withCgoDisabled === 'runtime-panic') return `it compiles, then fails at run time${module.errorText ? ` with "${module.errorText}"` : ''}`;
	if (module.path === 'github.com/confluentinc/confluent-kafka-go') return `the build fails with errors such as "${OBSERVED_ERRORS.kafkaNoCgo.text}" that never mention cgo`;
	return 'the build fails because the package\'s cgo code is left out';
}

function fixesFor(project: ProjectModel, build: GoBuild): Fix[] {
	const text = project.dockerfiles.find((d) => d.path === build.file)?.text;
	const install = text === undefined || build.host.compiler.present !== false ? undefined : compilerInstallFor(build);
	const setAt = build.cgo.setAt;
	// Only Dockerfile text is rewritten here: a CI file's `CGO_ENABLED: 0` needs that file's own syntax.
	if (build.host.kind !== 'dockerfile-stage') return [];
	if (build.cgo.reason === 'explicit' && setAt?.file && setAt.span) {
		const setOn = { file: setAt.file, span: setAt.span, newText: 'CGO_ENABLED=1' };
		if (build.host.compiler.present === true) return [{ title: 'Set CGO_ENABLED=1 where it is set to 0 (a C compiler is present)', edits: [setOn] }];
		if (install && setAt.file === build.file) return [{ title: `Set CGO_ENABLED=1 and install ${install.packages} before this RUN`, edits: [setOn, insertBeforeRun(build, text!, install.line)] }];
		return [];
	}
	if (build.cgo.reason === 'default-no-compiler' && install) {
		return [{ title: `Install ${install.packages} before this RUN (cgo then defaults to on)`, edits: [insertBeforeRun(build, text!, install.line)] }];
	}
	return [];
}

function relativeTo(module: GoModuleModel, path: string): string {
	return path.startsWith(`${module.dir}/`) ? path.slice(module.dir.length + 1) : path;
}
