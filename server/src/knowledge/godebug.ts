/**
 * GODEBUG lookups: is a key known for a Go version, removed, or a circulating false claim?
 */
import type { GodebugSetting } from './godebug-table';
import { CPU_GODEBUG_PREFIX, CPU_GODEBUG_SOURCES, GODEBUG_SETTINGS, RUNTIME_ONLY_GODEBUG } from './godebug-table';
import { facts } from './sources';
import type { Source } from './types';
import { compareGoVersions, goAtLeast, parseGoVersion } from './version';

export type { GodebugSetting } from './godebug-table';
export { GODEBUG_SETTINGS, RUNTIME_ONLY_GODEBUG } from './godebug-table';

/** A key that blog posts claim exists but does not. */
export interface GodebugFalseClaim {
	readonly key: string;
	readonly claim: string;
	readonly truth: string;
	readonly sources: readonly Source[];
}

/** Keys that are NOT GODEBUG settings, with the explanation a hover can show (FACTS §1.1, §6). */
export const GODEBUG_FALSE_CLAIMS: readonly GodebugFalseClaim[] = [
	{
		key: 'clock_gettime64',
		claim: 'a clock_gettime64 GODEBUG setting "introduced in Go 1.20.9"',
		truth:
			'no such setting exists in any Go version: it is not in internal/godebugs/table.go, doc/godebug.md or the runtime variables. ' +
			'__vdso_clock_gettime64 is a Linux vDSO symbol on 32-bit architectures, not a Go knob. ' +
			'In the GODEBUG environment variable it is silently ignored; in //go:debug or a go.mod godebug line it is a build error.',
		sources: [facts('1.1'), facts('1.4'), facts('6', 'claim 1')],
	},
];

/** Policy for removed settings (go.dev/issue/76163, stated in the 1.27-era table). */
export const REMOVED_SETTING_POLICY = {
	text: 'a removed setting may still be given its final value, but giving it an "old" value is a build or vet error',
	sources: [facts('1.2', 'go.dev/issue/76163')] as readonly Source[],
};

/** Where unknown keys are ignored and where they are errors (FACTS §1.4). */
export const UNKNOWN_KEY_BEHAVIOUR = {
	environment: 'ignored: unrecognized settings in the GODEBUG environment variable are ignored',
	directive: 'error: an unrecognized setting in //go:debug (Go 1.21+) or a go.mod godebug line is an invalid program',
	sources: [facts('1.4')] as readonly Source[],
};

/** Result of {@link lookupGodebug}. */
export interface GodebugLookup {
	readonly key: string;
	/** `known` for this Go version, `removed` in or before it, or `unknown`. */
	readonly status: 'known' | 'unknown' | 'removed';
	/**
	 * Why a key is unknown: not in any table, a known false claim (e.g. `clock_gettime64`), or added in a
	 * later Go version than the one asked about.
	 */
	readonly reason?: 'not-a-setting' | 'false-claim' | 'added-later';
	readonly setting?: GodebugSetting;
	readonly falseClaim?: GodebugFalseClaim;
	readonly addedIn?: string;
	/** True when the added-in version is approximate: do not report "added later" as an error. */
	readonly addedInUncertain?: boolean;
	readonly removedIn?: string;
	/** Known only from this point release on (a backport); the version asked about has no patch number. */
	readonly dependsOnPatch?: string;
}

const BY_KEY = new Map<string, GodebugSetting>();
for (const st of [...GODEBUG_SETTINGS, ...RUNTIME_ONLY_GODEBUG]) {
	BY_KEY.set(st.key, st);
}

/**
 * Looks up a GODEBUG key for a Go version (`1.21`, `1.21.6`, `go1.22.5`). Without a version, any key in
 * the tables is `known` (or `removed` when a removal is recorded).
 */
export function lookupGodebug(key: string, goVersion?: string): GodebugLookup {
	const k = key.trim();
	const falseClaim = GODEBUG_FALSE_CLAIMS.find((c) => c.key === k);
	if (falseClaim) {
		return { key: k, status: 'unknown', reason: 'false-claim', falseClaim };
	}
	if (k.startsWith(CPU_GODEBUG_PREFIX) && k.length > CPU_GODEBUG_PREFIX.length) {
		const setting: GodebugSetting = { key: k, package: 'internal/cpu', runtimeOnly: true, sources: CPU_GODEBUG_SOURCES };
		return { key: k, status: 'known', setting };
	}
	const setting = BY_KEY.get(k);
	if (!setting) {
		return { key: k, status: 'unknown', reason: 'not-a-setting' };
	}
	const removed = setting.removedIn ? { removedIn: setting.removedIn } : {};
	const v = goVersion !== undefined ? parseGoVersion(goVersion) : undefined;
	if (!v) {
		return { key: k, status: setting.removedIn ? 'removed' : 'known', setting, ...removed };
	}
	if (setting.removedIn && compareGoVersions(v, setting.removedIn) >= 0) {
		return { key: k, status: 'removed', setting, ...removed };
	}
	if (!setting.addedIn || compareGoVersions(v, setting.addedIn) >= 0) {
		return { key: k, status: 'known', setting, ...removed };
	}
	const minor = `${v.major}.${v.minor}`;
	// A setting added in a point release (disablethp: 1.21.6) or backported to one: a bare `1.21` cannot tell.
	const backport = [setting.addedIn, ...(setting.backports ?? [])].find((b) => b.startsWith(`${minor}.`));
	if (backport && v.patch === undefined) {
		return { key: k, status: 'known', setting, dependsOnPatch: backport, ...removed };
	}
	if (backport && goAtLeast(`${minor}.${v.patch}`, backport)) {
		return { key: k, status: 'known', setting, ...removed };
	}
	return {
		key: k,
		status: 'unknown',
		reason: 'added-later',
		setting,
		addedIn: setting.addedIn,
		...(setting.addedInUncertain ? { addedInUncertain: true } : {}),
	};
}

/** All keys in the tables (compatibility settings and runtime variables). */
export function allGodebugKeys(): string[] {
	return [...BY_KEY.keys()];
}
