/**
 * Build settings that need cgo on Linux, and what cmd/go does when cgo is off (FACTS §3.2, §3.5, §7).
 * `-linkmode=external` is in `linker-flags.ts` (its error texts and the go1.19 SIGTRAP).
 */
import { facts, url } from './sources';
import type { Source } from './types';

const LOAD_PKG = 'https://github.com/golang/go/blob/master/src/cmd/go/internal/load/pkg.go';
const WORK_INIT = 'https://github.com/golang/go/blob/master/src/cmd/go/internal/work/init.go';

export interface CgoOnlyFeature {
	/** `-buildmode=plugin`, `-race`. */
	readonly flag: string;
	/** Why it needs cgo, as a clause: `it always links externally`. */
	readonly because: string;
	/** What cmd/go prints when cgo is off, for a native build; undefined when not verified. */
	readonly errorNative?: string;
	/** The same for a cross build, when it differs. */
	readonly errorCross?: string;
	readonly sources: readonly Source[];
}

export const CGO_ONLY_FEATURES: readonly CgoOnlyFeature[] = [
	{
		flag: '-buildmode=plugin',
		because: 'it always links externally',
		errorNative: '-buildmode=plugin requires external (cgo) linking, but cgo is not enabled',
		sources: [facts('3.2'), facts('7'), url(LOAD_PKG, '2026-11-23', 'externalLinkingReason: c-shared (not on wasm) and plugin return "-buildmode=" + mode; LinkerDeps: "%s requires external (cgo) linking, but cgo is not enabled"')],
	},
	{
		flag: '-buildmode=c-shared',
		because: 'it always links externally',
		errorNative: '-buildmode=c-shared requires external (cgo) linking, but cgo is not enabled',
		sources: [facts('3.2'), url(LOAD_PKG, '2026-11-23', 'externalLinkingReason returns "-buildmode=c-shared" except on wasm; LinkerDeps formats the error')],
	},
	{
		// FACTS §7 lists c-archive among the modes that need cgo; cmd/go has no explicit check for it
		// (externalLinkingReason covers only c-shared and plugin), so no error text is claimed.
		flag: '-buildmode=c-archive',
		because: 'the C archive and its exported functions are built through cgo',
		sources: [facts('7'), url(LOAD_PKG, '2026-11-23', 'c-archive is not in externalLinkingReason: no cmd/go error when cgo is off')],
	},
	{
		flag: '-race',
		because: 'the race detector needs a C toolchain on Linux',
		errorNative: 'go: -race requires cgo; enable cgo by setting CGO_ENABLED=1',
		errorCross: 'go: -race requires cgo',
		sources: [facts('3.2', 'go1.20 release notes: the race detector needs a C toolchain on Linux and Windows'), url(WORK_INIT, '2026-11-23', 'instrumentInit: exits with status 2 when cgo is off (darwin exempt for -race)')],
	},
];

/** The entry for `-race` or `-buildmode=<mode>`. */
export function cgoOnlyFeature(flag: string): CgoOnlyFeature | undefined {
	return CGO_ONLY_FEATURES.find((f) => f.flag === flag);
}
