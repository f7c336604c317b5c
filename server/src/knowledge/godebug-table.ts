/**
 * GODEBUG settings: the compatibility table of FACTS §1.2 (`doc/godebug.md` + `internal/godebugs/table.go`)
 * and the runtime-only variables of FACTS §1.3.
 */
import { facts } from './sources';
import type { Source } from './types';

/** One GODEBUG setting. */
export interface GodebugSetting {
	readonly key: string;
	readonly package: string;
	/** Go version the setting appeared in, e.g. `1.21` or `1.21.6`; absent when not known (runtime-only variables). */
	readonly addedIn?: string;
	/** True when {@link addedIn} is only approximate (taken from a table's Changed field or an "era" copy). */
	readonly addedInUncertain?: boolean;
	/** Point releases that received it as a backport, e.g. `['1.19.8', '1.20.3']`. */
	readonly backports?: readonly string[];
	/** Go minor in which the default changed (the table's `Changed`). */
	readonly changedIn?: string;
	/** The value that restores the earlier behaviour (the table's `Old`). */
	readonly oldValue?: string;
	/** The default now, in words. */
	readonly defaultNow?: string;
	/** Go minor that removed it (`Removed` list). */
	readonly removedIn?: string;
	/** Also a runtime debug variable (runtime1.go dbgvars / extern.go). */
	readonly runtime?: boolean;
	/** Only a runtime debug variable: valid in the GODEBUG environment variable, not in the compatibility table. */
	readonly runtimeOnly?: boolean;
	readonly notes?: readonly string[];
	readonly sources: readonly Source[];
}

const T = facts('1.2');
const R = facts('1.3', 'runtime/extern.go and runtime/runtime1.go dbgvars, Go 1.25-era');

function s(key: string, pkg: string, addedIn: string | undefined, rest: Partial<GodebugSetting> = {}): GodebugSetting {
	return { key, package: pkg, ...(addedIn ? { addedIn } : {}), ...rest, sources: rest.sources ?? [T] };
}

/** The compatibility settings of FACTS §1.2. */
export const GODEBUG_SETTINGS: readonly GodebugSetting[] = [
	s('netdns', 'net', '1.5', { defaultNow: 'unset: the pure-Go resolver is preferred on Unix', notes: ['values: go, cgo, 1, 2 and combinations such as go+1 (FACTS §6 claim 7)'] }),
	...['http2client', 'http2server', 'http2debug'].map((k) => s(k, 'net/http', '1.6', { defaultNow: 'HTTP/2 on' })),
	...['gocacheverify', 'gocachehash', 'gocachetest'].map((k) => s(k, 'cmd/go', '1.10', { defaultNow: 'off' })),
	s('x509sha1', 'crypto/x509', '1.18', { removedIn: '1.24' }),
	s('execerrdot', 'os/exec', '1.19', { defaultNow: 'error on "." in the lookup path' }),
	s('netedns0', 'net', '1.23', {
		backports: ['1.21.12', '1.22.5'],
		changedIn: '1.19',
		oldValue: '0',
		notes: ['doc/godebug.md lists it under 1.19, but the setting only exists from 1.21.12 / 1.22.5 / 1.23'],
	}),
	s('tarinsecurepath', 'archive/tar', '1.20', { defaultNow: '1 (insecure paths allowed)' }),
	s('zipinsecurepath', 'archive/zip', '1.20', { defaultNow: '1 (insecure paths allowed)' }),
	s('randautoseed', 'math/rand', '1.20', { defaultNow: 'auto-seed' }),
	s('x509usefallbackroots', 'crypto/x509', '1.20'),
	s('installgoroot', 'go/build', '1.20'),
	s('panicnil', 'runtime', '1.21', { changedIn: '1.21', oldValue: '1', defaultNow: '0: panic(nil) is a run-time error', runtime: true }),
	s('jstmpllitinterp', 'html/template', '1.21', { backports: ['1.19.8', '1.20.3'], notes: ['no effect since 1.23'] }),
	...['multipartmaxheaders', 'multipartmaxparts'].map((k) => s(k, 'mime/multipart', '1.21', { backports: ['1.19.8', '1.20.3'], defaultNow: 'limits on' })),
	s('multipathtcp', 'net', '1.21', { changedIn: '1.24', oldValue: '0', defaultNow: '"2" since 1.24 (MPTCP on listeners)' }),
	s('tlsmaxrsasize', 'crypto/tls', '1.22', { backports: ['1.19.13', '1.20.8', '1.21.1'], defaultNow: '8192' }),
	...['httplaxcontentlength', 'httpmuxgo121'].map((k) => s(k, 'net/http', '1.22', { changedIn: '1.22', oldValue: '1' })),
	s('gotypesalias', 'go/types', '1.22', { changedIn: '1.23', removedIn: '1.27' }),
	...['tls10server', 'tlsrsakex', 'tlsunsafeekm'].map((k) => s(k, 'crypto/tls', '1.22', { changedIn: '1.22', removedIn: '1.27' })),
	s('x509usepolicies', 'crypto/x509', '1.22', { changedIn: '1.24', oldValue: '0' }),
	s('disablethp', 'runtime', '1.21.6', { defaultNow: '0', runtime: true }),
	s('runtimecontentionstacks', 'runtime', '1.22', { removedIn: '1.25', notes: ['doc/godebug.md says removed in 1.25; an older copy says 1.23'] }),
	s('asynctimerchan', 'time', '1.23', { changedIn: '1.23', removedIn: '1.27', runtime: true }),
	...['winsymlink', 'winreadlinkvolume'].map((k) => s(k, 'os', '1.23', { changedIn: '1.23', oldValue: '0' })),
	s('tlskyber', 'crypto/tls', '1.23', { removedIn: '1.24', notes: ['replaced by tlsmlkem'] }),
	s('x509negativeserial', 'crypto/x509', '1.23', { changedIn: '1.23', oldValue: '1' }),
	s('x509seriallength', 'crypto/x509', '1.23', { addedInUncertain: true, notes: ['in the 1.23 doc section but not in the later table: status not verified'] }),
	s('tls3des', 'crypto/tls', '1.23', { removedIn: '1.27' }),
	s('x509keypairleaf', 'crypto/tls', '1.23', { removedIn: '1.27' }),
	s('httpservecontentkeepheaders', 'net/http', '1.23', { changedIn: '1.23', oldValue: '1' }),
	s('fips140', 'crypto/fips140', '1.24', { defaultNow: 'off (values off, on, only); fixed at program start' }),
	s('randseednop', 'math/rand', '1.24', { changedIn: '1.24', oldValue: '0' }),
	s('gotestjsonbuildtext', 'cmd/go', '1.24', { changedIn: '1.24', oldValue: '1' }),
	s('rsa1024min', 'crypto/rsa', '1.24', { changedIn: '1.24', oldValue: '0' }),
	s('dataindependenttiming', 'crypto/subtle', '1.24', { defaultNow: '0', runtime: true }),
	s('tlsmlkem', 'crypto/tls', '1.24', { changedIn: '1.24', oldValue: '0' }),
	s('x509rsacrt', 'crypto/x509', '1.24', { changedIn: '1.24', oldValue: '0' }),
	s('urlmaxqueryparams', 'net/url', '1.24', { addedInUncertain: true, changedIn: '1.24', oldValue: '0', notes: ['only the table\'s Changed field (24) is known'] }),
	s('decoratemappings', 'runtime', '1.25', { oldValue: '0', defaultNow: '1; fixed at program start', runtime: true }),
	s('embedfollowsymlinks', 'cmd/go', '1.25', { defaultNow: '0' }),
	...['containermaxprocs', 'updatemaxprocs'].map((k) => s(k, 'runtime', '1.25', { oldValue: '0', defaultNow: '1 (cgroup-aware GOMAXPROCS)', runtime: true })),
	s('tlssha1', 'crypto/tls', '1.25', { changedIn: '1.25', oldValue: '1' }),
	s('x509sha256skid', 'crypto/x509', '1.25', { changedIn: '1.25', oldValue: '0' }),
	s('allowmultiplevcs', 'cmd/go', '1.25', { backports: ['1.24.5', '1.23.11'], defaultNow: '0' }),
	s('httpcookiemaxnum', 'net/http', '1.26', { backports: ['1.25.2', '1.24.8'], defaultNow: '3000' }),
	s('urlstrictcolons', 'net/url', '1.26', { defaultNow: '1' }),
	s('tracebacklabels', 'runtime', '1.26', { changedIn: '1.27', oldValue: '0', notes: ['doc says 1.26; the 1.27 table has Changed 27, Old 0'] }),
	s('cryptocustomrand', 'crypto', '1.26', { addedInUncertain: true, changedIn: '1.26', notes: ['only the table\'s Changed field (26) is known'] }),
	s('tlssecpmlkem', 'crypto/tls', '1.26', { addedInUncertain: true, changedIn: '1.26', notes: ['only the table\'s Changed field (26) is known'] }),
	s('htmlmetacontenturlescape', 'html/template', '1.27', { addedInUncertain: true, notes: ['seen in the 1.27-era table; may be older'] }),
	s('x509sslcertoverrideplatform', 'crypto/x509', '1.27', { addedInUncertain: true, notes: ['seen in the 1.27-era table; may be older'] }),
];

/** Runtime debug variables of FACTS §1.3 that are not compatibility settings. */
export const RUNTIME_ONLY_GODEBUG: readonly GodebugSetting[] = [
	...[
		'adaptivestackstart',
		'asyncpreemptoff',
		'checkfinalizers',
		'clobberfree',
		'dontfreezetheworld',
		'efence',
		'gccheckmark',
		'gcpacertrace',
		'gcshrinkstackoff',
		'gcstoptheworld',
		'gctrace',
		'harddecommit',
		'inittrace',
		'sbrk',
		'scavtrace',
		'scheddetail',
		'schedtrace',
		'traceadvanceperiod',
		'traceallocfree',
		'tracebackancestors',
		'tracecheckstackownership',
		'tracefpunwindoff',
	].map((k) => s(k, 'runtime', undefined, { runtimeOnly: true, sources: [R] })),
	s('cgocheck', 'runtime', undefined, { runtimeOnly: true, defaultNow: '1; cgocheck=2 now needs GOEXPERIMENT=cgocheck2 and throws at run time', sources: [R] }),
	s('invalidptr', 'runtime', undefined, { runtimeOnly: true, defaultNow: '1', sources: [R] }),
	s('madvdontneed', 'runtime', undefined, { runtimeOnly: true, defaultNow: '1 on Linux', sources: [R] }),
	s('profstackdepth', 'runtime', undefined, { runtimeOnly: true, defaultNow: '128 (max 1024)', sources: [R] }),
	s('memprofilerate', 'runtime', undefined, { runtimeOnly: true, notes: ['special-cased in parsegodebug'], sources: [R] }),
	s('pagetrace', 'runtime', undefined, { runtimeOnly: true, notes: ['needs GOEXPERIMENT=pagetrace'], sources: [R] }),
];

/** `cpu.<feature>=off` keys (e.g. `cpu.avx=off`), parsed by internal/cpu. */
export const CPU_GODEBUG_PREFIX = 'cpu.';
export const CPU_GODEBUG_SOURCES: readonly Source[] = [facts('1.3', 'cpu.* documented in runtime/extern.go, parsed by internal/cpu')];
