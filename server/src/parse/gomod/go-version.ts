// Go toolchain and language versions ("1.21", "1.21.0", "1.21rc1"), following Go's internal/gover
// (Parse, Compare, IsLang, Lang) and cmd/go's gover.FromToolchain, plus the go.mod syntax checks of
// golang.org/x/mod/modfile (GoVersionRE, laxGoVersionRE, ToolchainRE). Pure functions; no imports.

/** A parsed Go version: major[.minor[.patch]][kind[pre]]. Numbers stay decimal strings, as in gover. */
export interface GoVersion {
	readonly major: string;
	/** '' only for malformed input; "1" parses as 1.0.0. */
	readonly minor: string;
	/** '' for a language version such as "1.21" (from 1.21 on); "0" for "1.20", which means 1.20.0. */
	readonly patch: string;
	/** '', "alpha", "beta" or "rc". */
	readonly kind: string;
	readonly pre: string;
}

/** modfile.GoVersionRE: what a `go` line accepts (1.21, 1.21.0, 1.21rc1, 1.9beta2). */
export const GO_DIRECTIVE_VERSION_RE = /^([1-9][0-9]*)\.(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))?([a-z]+[0-9]+)?$/;
/** modfile.laxGoVersionRE: in a dependency's go.mod, `1.21-custom` is read as `1.21`. */
export const LAX_GO_VERSION_RE = /^v?(([1-9][0-9]*)\.(0|[1-9][0-9]*))([^0-9].*)$/;
/** modfile.ToolchainRE: `default`, or a name starting `go1` followed by the end or a dot. Deliberately loose. */
export const TOOLCHAIN_RE = /^default$|^go1($|\.)/;

/** Strips one leading "go" so that both "1.21" and "go1.21" are accepted. */
function stripGo(v: string): string {
	return v.startsWith('go') ? v.slice(2) : v;
}

/** Ends the decimal number (no leading zero) starting at i, or -1. */
function cutInt(x: string, i: number): number {
	let j = i;
	while (j < x.length && x.charCodeAt(j) >= 48 && x.charCodeAt(j) <= 57) j++;
	if (j === i || (x[i] === '0' && j - i !== 1)) return -1;
	return j;
}

/** Parses "alpha1", "rc2", "beta" from i to the end. */
function parsePre(x: string, i: number): { kind: string; pre: string } | undefined {
	let j = i;
	while (j < x.length && (x.charCodeAt(j) < 48 || x.charCodeAt(j) > 57)) {
		const c = x.charCodeAt(j);
		if (c < 97 || c > 122) return undefined;
		j++;
	}
	if (j === i) return undefined;
	if (j === x.length) return { kind: x.slice(i, j), pre: '' };
	const k = cutInt(x, j);
	if (k !== x.length) return undefined;
	return { kind: x.slice(i, j), pre: x.slice(j, k) };
}

/** gover.Parse. Accepts an optional "go" prefix. Undefined when malformed. */
export function parseGoVersion(version: string): GoVersion | undefined {
	const x = stripGo(version);
	let j = cutInt(x, 0);
	if (j < 0) return undefined;
	const major = x.slice(0, j);
	if (j === x.length) return { major, minor: '0', patch: '0', kind: '', pre: '' };
	if (x[j] !== '.') return undefined;
	const i = j + 1;
	j = cutInt(x, i);
	if (j < 0) return undefined;
	const minor = x.slice(i, j);
	if (j === x.length) {
		// Before Go 1.21 a missing patch meant .0; from 1.21 on, "1.21" is the language version, before 1.21rc1.
		return { major, minor, patch: cmpInt(minor, '21') < 0 ? '0' : '', kind: '', pre: '' };
	}
	if (x[j] === '.') {
		const k = cutInt(x, j + 1);
		if (k < 0) return undefined;
		const patch = x.slice(j + 1, k);
		if (k === x.length) return { major, minor, patch, kind: '', pre: '' };
		const p = parsePre(x, k);
		return p ? { major, minor, patch, kind: p.kind, pre: p.pre } : undefined;
	}
	const p = parsePre(x, j);
	return p ? { major, minor, patch: '', kind: p.kind, pre: p.pre } : undefined;
}

/** gover.IsValid. */
export function isValidGoVersion(version: string): boolean {
	return parseGoVersion(version) !== undefined;
}

function cmpInt(x: string, y: string): number {
	if (x === y) return 0;
	if (x.length !== y.length) return x.length < y.length ? -1 : 1;
	return x < y ? -1 : 1;
}

/**
 * gover.Compare: -1, 0 or +1. Orders 1.20 = 1.20.0 < 1.21 < 1.21rc1 < 1.21.0 < 1.21.1, and alpha < beta < rc.
 * Accepts an optional "go" prefix on either side. Malformed versions sort before well-formed ones and equal each other.
 */
export function compareGoVersions(a: string, b: string): -1 | 0 | 1 {
	const x = parseGoVersion(a) ?? { major: '', minor: '', patch: '', kind: '', pre: '' };
	const y = parseGoVersion(b) ?? { major: '', minor: '', patch: '', kind: '', pre: '' };
	let c = cmpInt(x.major, y.major) || cmpInt(x.minor, y.minor) || cmpInt(x.patch, y.patch);
	if (c === 0 && x.kind !== y.kind) {
		c = x.kind < y.kind ? -1 : 1; // "" < alpha < beta < rc
		// A prerelease of a patch release (1.21.3rc1) sorts before the release itself.
		if (x.patch !== '') {
			if (x.kind === '') c = 1;
			else if (y.kind === '') c = -1;
		}
	}
	if (c === 0) c = cmpInt(x.pre, y.pre);
	return c < 0 ? -1 : c > 0 ? 1 : 0;
}

/** The larger of two versions by compareGoVersions (the first when equal). */
export function maxGoVersion(a: string, b: string): string {
	return compareGoVersions(a, b) < 0 ? b : a;
}

/** gover.IsLang: "1.21" names the language, not a release ("1.21.0", "1.21rc1"). */
export function isLangVersion(version: string): boolean {
	const v = parseGoVersion(version);
	return v !== undefined && v.patch === '' && v.kind === '' && v.pre === '';
}

/** gover.Lang: the language version of a release ("1.21.3" → "1.21"); malformed input gives ''. */
export function goLangVersion(version: string): string {
	const v = parseGoVersion(version);
	if (!v) return '';
	if (v.minor === '' || (v.major === '1' && v.minor === '0')) return v.major;
	return `${v.major}.${v.minor}`;
}

/** True when `version` may appear on a go.mod/go.work `go` line (modfile.GoVersionRE). */
export function isValidGoDirectiveVersion(version: string): boolean {
	return GO_DIRECTIVE_VERSION_RE.test(version);
}

/** True when `name` may appear on a `toolchain` line (modfile.ToolchainRE). */
export function isValidToolchainName(name: string): boolean {
	return TOOLCHAIN_RE.test(name);
}

/**
 * cmd/go gover.FromToolchain: the Go version a toolchain name selects ("go1.21.3" → "1.21.3",
 * "go1.22.0-custom" → "1.22.0"); undefined for "default", "local" and malformed names.
 */
export function toolchainGoVersion(name: string): string | undefined {
	if (/[\\/]/.test(name)) return undefined;
	let v: string;
	if (name.startsWith('go')) v = name.slice(2);
	else {
		const i = name.indexOf('-go');
		if (i < 0) return undefined;
		v = name.slice(i + 3);
	}
	const cut = v.search(/[ \t-]/);
	if (cut >= 0) v = v.slice(0, cut);
	return parseGoVersion(v) && !v.startsWith('go') ? v : undefined;
}
