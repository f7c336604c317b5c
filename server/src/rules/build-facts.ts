import { cgoPackagesInModule, lookupCgoModule, type CgoModule } from '../knowledge/cgo-modules';
import { goMinor } from '../knowledge/version';
import { evaluateConstraint, tagValueFor, type BuildTagContext } from '../model/build-constraints';
import type { GoSourceFile } from '../model/go-source-facts';
import { builtPackages } from '../model/package-graph';
import { dirname } from '../model/paths';
import type { GoBuild, GoModuleModel } from '../model/project';
import type { Span } from '../parse/span';
import type { RelatedInformation } from './types';

/**
 * What the cgo rules ask about one build: which cgo packages the compiled sources import (build
 * constraints evaluated for this build), and whether the build runs a C compiler at all.
 */

/** The `go build` words of a build: where findings about the command itself sit. */
export function goWordsSpan(build: GoBuild): Span {
	return { start: build.command.goSpan.start, end: build.command.subcommandSpan.end };
}

/** GOOS/GOARCH the build produces for; undefined when not known (an unresolved variable, xx-go). */
export function targetOf(build: GoBuild): { goos: string | undefined; goarch: string | undefined } {
	const xx = build.command.driver.kind === 'xx-go';
	const goosVar = build.env.get('GOOS');
	const goarchVar = build.env.get('GOARCH');
	const hostArch = build.stage?.syntax.platform?.expanded?.split('/')[1];
	const goos = goosVar ? goosVar.value : xx ? undefined : build.host.kind === 'dockerfile-stage' ? 'linux' : build.host.image?.os;
	const goarch = goarchVar ? goarchVar.value : xx ? undefined : hostArch;
	return { goos, goarch };
}

/** Build tags in effect, with cgo forced to `cgo` (the rules ask "what if cgo were on/off"). */
export function tagContextOf(build: GoBuild, cgo: boolean | undefined): BuildTagContext {
	const goVersion = build.command.driver.version ?? build.host.image?.goVersion;
	const minor = goVersion ? goMinor(goVersion) : undefined;
	const tags = build.command.tags;
	return { ...targetOf(build), cgo, goMinor: minor ? Number(minor.split('.')[1]) : undefined, tags: tags?.dynamic ? undefined : (tags?.values.map((t) => t.value) ?? []) };
}

/** A required module (or a package inside one) that wraps a C library. */
export interface CgoRequire {
	readonly module: CgoModule;
	/** The go.mod path as required. */
	readonly path: string;
	readonly span: Span;
	readonly indirect: boolean;
	/** Package prefix whose import needs cgo (`…/gopacket/pcap` for a `gopacket` require). */
	readonly packagePrefix: string;
	/** False when only a sub-package needs cgo: without a visible importer there is nothing to say. */
	readonly wholeModule: boolean;
}

export function cgoRequiresOf(module: GoModuleModel): CgoRequire[] {
	const out: CgoRequire[] = [];
	for (const req of module.syntax.require) {
		const path = req.path.value;
		const match = lookupCgoModule(path);
		if (match) out.push({ module: match.module, path, span: req.span, indirect: req.indirect, packagePrefix: path, wholeModule: true });
		else for (const sub of cgoPackagesInModule(path)) out.push({ module: sub, path, span: req.span, indirect: req.indirect, packagePrefix: sub.path, wholeModule: false });
	}
	return out;
}

export type ImportStatus =
	/** A file in the build imports it. */
	| { readonly state: 'imported'; readonly file: GoSourceFile; readonly importSpan: Span }
	/** Every importer is left out of this build: by a build constraint (`//go:build cgo` with cgo off), or in a package it does not compile. */
	| { readonly state: 'excluded'; readonly file: GoSourceFile }
	/** An importer's constraint depends on something not known (dynamic -tags, unknown GOARCH). */
	| { readonly state: 'undecided'; readonly file: GoSourceFile; readonly importSpan: Span }
	/** No visible source imports it (an indirect requirement, or no Go sources visible). */
	| { readonly state: 'not-visible'; readonly why: string };

function under(path: string, prefix: string): boolean {
	return path === prefix || path.startsWith(`${prefix}/`);
}

/** Whether the sources compiled by `build` import `req`, with cgo taken as `cgo`. */
export function importStatus(build: GoBuild, module: GoModuleModel, req: CgoRequire, cgo: boolean | undefined): ImportStatus {
	if (!module.program.sourcesVisible) return { state: 'not-visible', why: 'no Go sources are visible' };
	const value = tagValueFor(tagContextOf(build, cgo));
	const packages = builtPackages(build, module);
	let excluded: GoSourceFile | undefined;
	let undecided: { file: GoSourceFile; importSpan: Span } | undefined;
	for (const file of module.sourceFiles) {
		const imp = file.imports.find((i) => under(i.path, req.packagePrefix));
		if (!imp) continue;
		const dir = dirname(file.path);
		if (packages && !packages.has(dir === module.dir ? '' : dir.slice(module.dir.length + 1))) {
			excluded ??= file; // in a package this build does not compile
			continue;
		}
		const built = file.constraint ? evaluateConstraint(file.constraint, value) : true;
		if (built === true) return { state: 'imported', file, importSpan: imp.span };
		if (built === false) excluded ??= file;
		else undecided ??= { file, importSpan: imp.span };
	}
	if (undecided) return { state: 'undecided', ...undecided };
	if (excluded) return { state: 'excluded', file: excluded };
	return { state: 'not-visible', why: req.indirect ? 'it is an indirect requirement and no visible source imports it' : 'no visible source imports it' };
}

/** Related information for an import: the import line, with its build constraint when there is one. */
export function importRelated(file: GoSourceFile, span: Span, what: string): RelatedInformation {
	return { file: file.path, span, message: file.constraintText ? `${what} (file constraint: ${file.constraintText})` : what };
}

/** Whether a build with cgo on runs the C compiler: true, false, or undefined with the reason it is not known. */
export function cCompilerNeed(build: GoBuild): { readonly needs: boolean | undefined; readonly why: string; readonly onlyStd?: boolean } {
	const command = build.command;
	if (command.race) return { needs: true, why: '-race needs cgo' };
	if (command.ldflags?.linkmode?.value === 'external') return { needs: true, why: '-linkmode external runs the C linker' };
	const buildmode = command.buildmode?.value;
	if (buildmode && ['c-shared', 'c-archive', 'plugin'].includes(buildmode)) return { needs: true, why: `-buildmode=${buildmode} needs external linking` };
	const module = build.module;
	if (!module || !build.program.sourcesVisible) return { needs: undefined, why: 'no Go sources are visible to tell whether anything uses cgo' };
	const program = build.program;
	if (program.ownCgoFiles.length > 0) return { needs: true, why: `${program.ownCgoFiles[0]} has import "C"` };
	let maybe: string | undefined;
	for (const req of cgoRequiresOf(module)) {
		const status = importStatus(build, module, req, true);
		if (status.state === 'imported') return { needs: true, why: `"${req.packagePrefix}" wraps ${req.module.wraps}` };
		if (status.state === 'undecided' || (status.state === 'not-visible' && req.wholeModule)) maybe ??= `"${req.packagePrefix}" wraps ${req.module.wraps} and ${status.state === 'undecided' ? 'its import depends on build tags that are not known' : status.why}`;
	}
	const { goos } = targetOf(build);
	const tags = new Set(command.tags?.values.map((t) => t.value) ?? []);
	// net and os/user use cgo on Linux and the other Unix ports; on Windows never, on macOS not since Go 1.20 (FACTS §3.2).
	const stdUsesCgo = goos !== 'windows' && goos !== 'darwin';
	if (stdUsesCgo && program.importsNet && !tags.has('netgo')) return { needs: true, why: 'the program imports net, which uses the C resolver when cgo is on', onlyStd: true };
	if (stdUsesCgo && program.importsOsUser && !tags.has('osusergo')) return { needs: true, why: 'the program imports os/user, which uses libc lookups when cgo is on', onlyStd: true };
	if (maybe) return { needs: undefined, why: maybe };
	if (stdUsesCgo && program.thirdPartyImports.length > 0 && !(tags.has('netgo') && tags.has('osusergo'))) {
		return { needs: undefined, why: `third-party packages such as "${program.thirdPartyImports[0]}" may import net or os/user` };
	}
	return { needs: false, why: 'nothing in the program uses cgo' };
}
