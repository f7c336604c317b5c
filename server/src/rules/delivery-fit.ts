import { compareDottedVersions, type Libc } from '../knowledge';
import type { Linkage } from '../model/linkage';

/**
 * Whether a predicted linkage can run on a runtime image's C library. Shared by the rules that report a
 * misfit (`libc-mismatch`, `glibc-too-old`) and by `cgo-implicit`, which stays silent where they speak.
 */

/** Why the runtime cannot load the binary at all (wrong libc family, no loader), or undefined when it can. */
export function libcGap(linkage: Linkage, runtime: Libc | undefined): string | undefined {
	if (linkage.kind !== 'dynamic' || !runtime) return undefined;
	if (runtime.family === 'none') return linkage.loaderOnly ? 'has no ELF loader' : 'has no C library and no loader';
	const needs = linkage.libc;
	if (needs === undefined || needs === 'none' || needs === runtime.family) return undefined;
	return `has ${libcText(runtime)}, not ${needs}`;
}

/** A glibc binary whose symbol versions may be newer than the runtime's glibc (FACTS §4.3). */
export interface GlibcGap {
	/** `needs`: the floor itself is newer than the runtime; `may-need`: only the builder's glibc is. */
	readonly kind: 'needs' | 'may-need';
	/** `2.34` for GLIBC_2.34. */
	readonly version: string;
	readonly runtime: string;
}

export function glibcGap(linkage: Linkage, runtime: Libc | undefined): GlibcGap | undefined {
	if (linkage.kind !== 'dynamic' || linkage.libc !== 'glibc' || linkage.loaderOnly || !linkage.glibcFloor) return undefined;
	if (runtime?.family !== 'glibc' || runtime.version === undefined) return undefined;
	const { atLeast, atMost } = linkage.glibcFloor;
	if (atLeast !== undefined && compareDottedVersions(atLeast, runtime.version) > 0) return { kind: 'needs', version: atLeast, runtime: runtime.version };
	if (atMost !== undefined && compareDottedVersions(atMost, runtime.version) > 0) return { kind: 'may-need', version: atMost, runtime: runtime.version };
	return undefined;
}

/** True when the binary of this linkage is known not to run on `runtime` (either rule above would report). */
export function knownMisfit(linkage: Linkage, runtime: Libc | undefined): boolean {
	return libcGap(linkage, runtime) !== undefined || glibcGap(linkage, runtime) !== undefined;
}

export function libcText(libc: Libc): string {
	return libc.version ? `${libc.family} ${libc.version}` : libc.family;
}
