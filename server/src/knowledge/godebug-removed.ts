/**
 * Removed GODEBUG settings and what toolchains do when they are still set. Go 1.27's table keeps a
 * `Removed` list; a removed setting may keep its final value, but its "old" value is rejected
 * (go.dev/issue/76163, FACTS §1.2). The old values and error texts below were observed with go1.27.0.
 */
import { facts } from './sources';
import type { Source } from './types';
import { observed } from './verified';

/** Since this Go version, a removed key may keep its final value and only the old value is an error. */
export const REMOVED_OLD_VALUE_POLICY_SINCE = '1.27';

export interface RemovedGodebug {
	readonly key: string;
	readonly removedIn: string;
	/** The value that asked for the old behaviour; rejected since {@link REMOVED_OLD_VALUE_POLICY_SINCE}. */
	readonly oldValue: string;
	readonly sources: readonly Source[];
}

const S = [
	facts('1.2', '1.27-era internal/godebugs/table.go Removed list'),
	observed('go1.27.0', 'go.mod "godebug <key>=<old>" fails with go.mod:5: removed GODEBUG "<key>" set to old value "<old>" (https://go.dev/doc/godebug#go-1NN); the other value builds'),
];

/** The 1.27-era `Removed` list with the old value each key rejects. */
export const REMOVED_GODEBUGS: readonly RemovedGodebug[] = [
	['x509sha1', '1.24', '1'],
	['tlskyber', '1.24', '0'],
	['gotypesalias', '1.27', '0'],
	['tlsunsafeekm', '1.27', '1'],
	['tlsrsakex', '1.27', '1'],
	['tls3des', '1.27', '1'],
	['tls10server', '1.27', '1'],
	['x509keypairleaf', '1.27', '0'],
	['asynctimerchan', '1.27', '1'],
].map(([key, removedIn, oldValue]) => ({ key: key, removedIn: removedIn, oldValue: oldValue, sources: S }));

export function removedGodebug(key: string): RemovedGodebug | undefined {
	return REMOVED_GODEBUGS.find((r) => r.key === key);
}

/** What each kind of place does with a removed key, observed with real toolchains. */
export const REMOVED_GODEBUG_BEHAVIOUR = {
	/** Go 1.27+: the GODEBUG environment variable with an old value stops every Go 1.27 program at start (the go command too). */
	environmentFatal: {
		since: REMOVED_OLD_VALUE_POLICY_SINCE,
		text: 'fatal error: removed GODEBUG "x509sha1" set to old value "1" in environment',
		sources: [observed('go1.27.0', 'GODEBUG=x509sha1=1 ./app and GODEBUG=x509sha1=1 go version: this fatal error, exit status 2; x509sha1=0 and clock_gettime64=1 ran normally')],
	},
	/** Before 1.27, a removed key in the environment is ignored like any unknown key. */
	environmentIgnoredBefore: {
		text: 'ignored',
		sources: [observed('go1.26.8', 'GODEBUG=x509sha1=1 and GODEBUG=tlskyber=0 ./app ran normally'), facts('1.4')],
	},
	/** Before 1.27, a go.mod godebug line with a removed key fails for any value. */
	goModBefore: {
		text: 'go.mod:5: use of removed godebug "x509sha1", see https://go.dev/doc/godebug#go-124',
		sources: [observed('go1.26.8', 'godebug x509sha1=0 and x509sha1=1 both fail this way; godebug tlskyber=0 fails with unknown godebug "tlskyber"')],
	},
	/** Unknown keys in go.mod and //go:debug. */
	unknownGoMod: { text: 'go.mod:5: unknown godebug "clock_gettime64"', sources: [observed('go1.26.8', 'go.mod "godebug clock_gettime64=1", go build'), facts('1.4')] },
	unknownDirective: {
		text: 'invalid //go:debug: unknown //go:debug setting "clock_gettime64"',
		sources: [observed('go1.26.8', '"//go:debug clock_gettime64=1" above package main: "./main.go:1:1: invalid //go:debug: unknown //go:debug setting \\"clock_gettime64\\""'), facts('1.4')],
	},
} as const;
