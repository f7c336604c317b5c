import { lookupLinkerFlag } from '../knowledge';
import { libcOfBuild, programOf } from '../model/build-alternatives';
import { tagAppendEdit } from '../model/go-command/tags';
import type { GoBuild, ProjectModel } from '../model/project';
import { describeBuilder } from './describe';
import { buildText } from './flag-edits';
import type { Rule, RuleContext } from './rule';
import type { Fix, FindingInput, RelatedInformation } from './types';

/**
 * `-linkmode external -extldflags "-static"` with cgo on a glibc builder links glibc statically, but NSS is
 * still loaded dynamically: net (without `netgo`) and os/user (without `osusergo`) can call into it, and
 * glibc warns that getaddrinfo needs the shared libraries of the glibc used for linking (FACTS §3.3, §3.5;
 * SCENARIOS 10). musl has no such warning.
 */
export const staticGlibcNss: Rule = {
	id: 'static-glibc-nss',
	defaultSeverity: 'warning',
	summary: 'A statically linked glibc binary still uses glibc NSS for net or os/user, which is loaded dynamically at run time; build with -tags netgo,osusergo.',
	check(context: RuleContext) {
		for (const build of context.project.builds) {
			const finding = check(context.project, build);
			if (finding) context.report(finding);
		}
	},
};

interface MissingTag {
	readonly tag: 'netgo' | 'osusergo';
	readonly pkg: 'net' | 'os/user';
	/** Why the package is in the program, when it is not a direct import of the visible sources. */
	readonly assumption: string | undefined;
}

function check(project: ProjectModel, build: GoBuild): FindingInput | undefined {
	const ld = build.command.ldflags;
	const extld = ld?.extldflagsFlag;
	if (build.cgo.state !== 'on' || ld?.linkmode?.value !== 'external' || !extld || !ld.extldflags?.some((f) => f.value === '-static')) return undefined;
	if (libcOfBuild(build)?.family !== 'glibc' || build.command.tags?.dynamic) return undefined;
	const missing = missingTags(build);
	if (missing.length === 0) return undefined;
	const text = buildText(project, build) ?? '';
	const written = (text.slice(extld.span.start, extld.span.end) || `-extldflags ${(ld.extldflags ?? []).map((f) => f.value).join(' ')}`).replace(/["']/g, '');
	const tags = missing.map((m) => `"${m.tag}"`).join(' and ');
	const pkgs = missing.map((m) => m.pkg).join(' and ');
	const netWarning = missing.some((m) => m.tag === 'netgo') ? `: glibc warns "${lookupLinkerFlag('-extldflags=-static')?.errors?.[0] ?? ''}"` : '';
	const message = `"${written}" links glibc statically, but without the ${tags} tag${missing.length > 1 ? 's' : ''} ${pkgs} can still call glibc's NSS, which stays dynamically loaded${netWarning}${assumptionText(missing)}`;
	return { file: build.file, span: extld.span, message, related: related(build), fixes: [tagsFix(build, missing)].filter((f) => f !== undefined) };
}

/** What is assumed, said of the package it concerns when the other one is a direct import. */
function assumptionText(missing: readonly MissingTag[]): string {
	const assumed = missing.find((m) => m.assumption);
	if (!assumed) return '';
	const mixed = missing.some((m) => !m.assumption);
	return mixed ? ` (${assumed.pkg} is not certain: ${assumed.assumption})` : ` (not certain: ${assumed.assumption})`;
}

function missingTags(build: GoBuild): MissingTag[] {
	const present = new Set(build.command.tags?.values.map((t) => t.value) ?? []);
	const program = programOf(build);
	const thirdParty = program.thirdPartyImports[0];
	const why = (direct: boolean, pkg: string) =>
		direct ? undefined : !program.sourcesVisible ? 'no Go sources were visible' : thirdParty ? `third-party packages such as ${thirdParty} may import ${pkg}` : 'unused';
	const out: MissingTag[] = [];
	const net = why(program.sourcesVisible && program.importsNet, 'net');
	if (!present.has('netgo') && net !== 'unused') out.push({ tag: 'netgo', pkg: 'net', assumption: net });
	const user = why(program.sourcesVisible && program.importsOsUser, 'os/user');
	if (!present.has('osusergo') && user !== 'unused') out.push({ tag: 'osusergo', pkg: 'os/user', assumption: user });
	return out;
}

/** One edit adding every missing tag, merged into an existing -tags list. */
function tagsFix(build: GoBuild, missing: readonly MissingTag[]): Fix | undefined {
	const tags = build.command.tags;
	const separator = tags?.flag.source === 'command-line' ? tags.separator : ',';
	const edit = tagAppendEdit(build.command, missing.map((m) => m.tag).join(separator));
	if (!edit) return undefined;
	const names = missing.map((m) => m.tag).join(',');
	return { title: `Add the build tag${missing.length > 1 ? 's' : ''} "${names}" (pure-Go ${missing.map((m) => (m.tag === 'netgo' ? 'resolver' : 'user lookup')).join(' and ')})`, edits: [{ file: build.file, ...edit }], isPreferred: true };
}

function related(build: GoBuild): RelatedInformation[] {
	const host = build.host;
	const out: RelatedInformation[] = [{ file: host.file, span: host.anchor, message: `built in ${host.label}: ${describeBuilder(host)}; ${build.cgo.explanation}` }];
	const tags = build.command.tags;
	if (tags) out.push({ file: build.file, span: tags.flag.span, message: `build tags in effect: ${tags.values.map((t) => t.value).join(',') || 'none'}` });
	return out;
}
