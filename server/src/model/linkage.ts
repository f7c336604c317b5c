import type { CgoDecision } from './cgo';
import type { Libc, LibcFamily } from '../knowledge/types';
import { compareDottedVersions } from '../knowledge/version';
import { GO_OWN_C_GLIBC_NEEDS } from '../knowledge/verified';

/** What the program itself pulls in that can need cgo (FACTS §3.2, §7). */
export interface ProgramCgoUse {
	/** False when no Go source was visible: then a program importing `net` is assumed, and said. */
	readonly sourcesVisible: boolean;
	readonly ownCgoFiles: readonly string[];
	readonly importsNet: boolean;
	readonly importsOsUser: boolean;
	readonly thirdPartyImports: readonly string[];
	/** The scan stopped at its file limit: files it did not read may have C code of their own. */
	readonly sourcesTruncated?: boolean;
	/** Required modules that wrap C libraries; `imported` when a visible source imports them. */
	readonly cgoModules: readonly { readonly path: string; readonly imported: boolean }[];
}

export interface BuildFlagsForLinkage {
	readonly buildmode: string | undefined;
	readonly linkmodeExternal: boolean;
	readonly extldflagsStatic: boolean;
	readonly extldflagsStaticPie: boolean;
	readonly race: boolean;
	readonly tags: readonly string[];
}

/**
 * How sure a prediction is. `certain`: every link known. `assumed`: rests on the stated assumption that the
 * program imports net (no sources visible). `possible`: depends on third-party packages we do not scan.
 */
export type Certainty = 'certain' | 'assumed' | 'possible';

export type Linkage =
	| { readonly kind: 'static'; readonly certainty: Certainty; readonly because: string }
	| { readonly kind: 'static-pie'; readonly certainty: Certainty; readonly because: string }
	| {
			readonly kind: 'dynamic';
			/** Family of the loader and libc the binary names; undefined when the builder's libc is unknown. */
			readonly libc: LibcFamily | undefined;
			/** A PIE built without cgo names a loader but links no libc.so (FACTS §3.5). */
			readonly loaderOnly: boolean;
			/** Lowest GLIBC_x.y the binary can need; see `glibcFloor`. */
			readonly glibcFloor: GlibcFloor | undefined;
			readonly certainty: Certainty;
			readonly because: string;
	  }
	| { readonly kind: 'unknown'; readonly because: string };

export interface GlibcFloor {
	/** The binary needs at least this version; undefined when only the upper bound is known. */
	readonly atLeast: string | undefined;
	/** …and at most the builder's glibc. */
	readonly atMost: string | undefined;
}

export interface LinkageInputs {
	readonly cgo: CgoDecision;
	readonly flags: BuildFlagsForLinkage;
	readonly program: ProgramCgoUse;
	readonly builderLibc: Libc | undefined;
}

/** glibc 2.34 merged libpthread into libc: runtime/cgo's pthread_create then needs GLIBC_2.34 (FACTS §4.3). */
const PTHREAD_MERGE = '2.34';

export function predictLinkage(inputs: LinkageInputs): Linkage {
	const { cgo, flags } = inputs;
	if (cgo.state === 'unknown') return { kind: 'unknown', because: cgo.explanation };
	if (cgo.state === 'off') return predictWithoutCgo(inputs);
	const users = cgoUsers(inputs.program, flags);
	if (users.certainty === undefined) {
		return { kind: 'static', certainty: 'certain', because: `cgo is on but nothing in the program uses it (${users.why}), so the binary is linked internally and statically` };
	}
	if (flags.extldflagsStaticPie && flags.linkmodeExternal) return { kind: 'static-pie', certainty: 'certain', because: '-linkmode external -extldflags -static-pie links a static PIE' };
	if (flags.extldflagsStatic && flags.linkmodeExternal) return { kind: 'static', certainty: 'certain', because: '-linkmode external -extldflags -static links libc statically' };
	return dynamicWithCgo(inputs, users.certainty, users.why);
}

function predictWithoutCgo(inputs: LinkageInputs): Linkage {
	if (inputs.flags.buildmode === 'pie') {
		const family = inputs.builderLibc?.family;
		// The linker picks the glibc loader path unless it does not exist on the build host (FACTS §4.1).
		const loader: LibcFamily | undefined = family === 'musl' ? 'musl' : family === 'glibc' ? 'glibc' : undefined;
		return { kind: 'dynamic', libc: loader, loaderOnly: true, glibcFloor: undefined, certainty: 'certain', because: '-buildmode=pie without cgo still produces a dynamically linked PIE that needs the ELF loader' };
	}
	return { kind: 'static', certainty: 'certain', because: 'with cgo off the Go linker produces a static binary' };
}

function dynamicWithCgo(inputs: LinkageInputs, certainty: Certainty, why: string): Linkage {
	const libc = inputs.builderLibc;
	const family = libc?.family === 'glibc' || libc?.family === 'musl' ? libc.family : undefined;
	let glibcFloor: GlibcFloor | undefined;
	if (family === 'glibc' && libc?.version) {
		glibcFloor = compareDottedVersions(libc.version, PTHREAD_MERGE) >= 0 ? (goOwnCFloor(inputs, libc.version) ?? { atLeast: PTHREAD_MERGE, atMost: libc.version }) : { atLeast: undefined, atMost: libc.version };
	}
	return { kind: 'dynamic', libc: family, loaderOnly: false, glibcFloor, certainty, because: `cgo is on and ${why}, so the binary is dynamically linked against the builder's C library` };
}

/**
 * The exact glibc need when all the C code linked is Go's own (no `import "C"` of the program's, no cgo module,
 * no third-party package that could bring some): measured for builders up to glibc 2.36 (GO_OWN_C_GLIBC_NEEDS).
 */
function goOwnCFloor(inputs: LinkageInputs, builderGlibc: string): GlibcFloor | undefined {
	const program = inputs.program;
	const ownCodeOnly = program.sourcesVisible && !program.sourcesTruncated && program.ownCgoFiles.length === 0 && program.cgoModules.length === 0 && program.thirdPartyImports.length === 0;
	const buildmode = inputs.flags.buildmode;
	if (!ownCodeOnly || (buildmode && ['c-shared', 'c-archive', 'plugin'].includes(buildmode))) return undefined;
	if (compareDottedVersions(builderGlibc, GO_OWN_C_GLIBC_NEEDS.builderGlibcAtMost) > 0) return undefined;
	return { atLeast: GO_OWN_C_GLIBC_NEEDS.needs, atMost: GO_OWN_C_GLIBC_NEEDS.needs };
}

/** Who needs cgo in this build, and how sure we are; `certainty` undefined means nobody does. */
function cgoUsers(program: ProgramCgoUse, flags: BuildFlagsForLinkage): { certainty: Certainty | undefined; why: string } {
	const tags = new Set(flags.tags);
	if (flags.race) return { certainty: 'certain', why: '-race links the C race runtime' };
	if (flags.linkmodeExternal) return { certainty: 'certain', why: '-linkmode external uses the C linker' };
	if (flags.buildmode && ['c-shared', 'c-archive', 'plugin'].includes(flags.buildmode)) return { certainty: 'certain', why: `-buildmode=${flags.buildmode} needs external linking` };
	if (program.ownCgoFiles.length > 0) return { certainty: 'certain', why: `${program.ownCgoFiles[0]} has import "C"` };
	const imported = program.cgoModules.find((m) => m.imported);
	if (imported) return { certainty: 'certain', why: `${imported.path} wraps a C library` };
	if (!program.sourcesVisible) {
		if (tags.has('netgo')) return undecidedModules(program, 'the netgo tag keeps net pure Go');
		return { certainty: 'assumed', why: 'the program is assumed to import net (no Go sources were visible), which uses cgo unless built with -tags netgo' };
	}
	if (program.importsNet && !tags.has('netgo')) return { certainty: 'certain', why: 'the program imports net, which uses the C resolver when cgo is on (no netgo tag)' };
	if (program.importsOsUser && !tags.has('osusergo')) return { certainty: 'certain', why: 'the program imports os/user, which uses libc lookups when cgo is on (no osusergo tag)' };
	if (program.cgoModules.length > 0) return { certainty: 'possible', why: `go.mod requires ${program.cgoModules[0].path}, which wraps a C library` };
	if (program.thirdPartyImports.length > 0 && !(tags.has('netgo') && tags.has('osusergo'))) {
		return { certainty: 'possible', why: `third-party packages such as ${program.thirdPartyImports[0]} may import net or os/user` };
	}
	return { certainty: undefined, why: tags.has('netgo') ? 'netgo/osusergo keep net and os/user pure Go' : 'it imports neither net nor os/user nor any C code' };
}

function undecidedModules(program: ProgramCgoUse, why: string): { certainty: Certainty | undefined; why: string } {
	if (program.cgoModules.length > 0) return { certainty: 'possible', why: `go.mod requires ${program.cgoModules[0].path}, which wraps a C library` };
	return { certainty: 'possible', why: `${why}, but no Go sources were visible to rule out other cgo code` };
}
