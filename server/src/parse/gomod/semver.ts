// Module versions and paths, following golang.org/x/mod/semver (parse, Canonical, Compare) and
// golang.org/x/mod/module (CanonicalVersion, SplitPathVersion, CheckPathMajor).

export interface Parsed {
	major: string;
	minor: string;
	patch: string;
	/** ".0.0" or ".0" when the version was written short (v1, v1.2). */
	short: string;
	prerelease: string;
	build: string;
}

function parseInt(v: string, i: number): number {
	// Returns the end of a decimal number without a leading zero starting at i, or -1.
	let j = i;
	while (j < v.length && v.charCodeAt(j) >= 48 && v.charCodeAt(j) <= 57) j++;
	if (j === i || (v[i] === '0' && j - i > 1)) return -1;
	return j;
}

function isIdentChar(c: number): boolean {
	return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45;
}

/**
 * Dot-separated identifiers of [0-9A-Za-z-] from i (just after '-' or '+') up to the end, or up to '+' when
 * `stopAtPlus`; with `numeric`, a number identifier may not have a leading zero. Returns the end, or -1.
 */
function scanIdents(v: string, i: number, stopAtPlus: boolean, numeric: boolean): number {
	let start = i;
	let digits = true;
	let j = i;
	for (; j < v.length; j++) {
		const c = v.charCodeAt(j);
		if (c === 43 && stopAtPlus) break;
		if (c === 46) {
			if (start === j || (numeric && digits && j - start > 1 && v.charCodeAt(start) === 48)) return -1;
			start = j + 1;
			digits = true;
		} else if (c >= 48 && c <= 57) {
			// digit
		} else if (isIdentChar(c)) {
			digits = false;
		} else {
			return -1;
		}
	}
	if (start === j || (numeric && digits && j - start > 1 && v.charCodeAt(start) === 48)) return -1;
	return j;
}

function parse(v: string): Parsed | undefined {
	if (v.length === 0 || v[0] !== 'v') return undefined;
	let i = 1;
	let j = parseInt(v, i);
	if (j < 0) return undefined;
	const p: Parsed = { major: v.slice(i, j), minor: '0', patch: '0', short: '', prerelease: '', build: '' };
	if (j === v.length) {
		p.short = '.0.0';
		return p;
	}
	if (v[j] !== '.') return undefined;
	i = j + 1;
	j = parseInt(v, i);
	if (j < 0) return undefined;
	p.minor = v.slice(i, j);
	if (j === v.length) {
		p.short = '.0';
		return p;
	}
	if (v[j] !== '.') return undefined;
	i = j + 1;
	j = parseInt(v, i);
	if (j < 0) return undefined;
	p.patch = v.slice(i, j);
	if (v[j] === '-') {
		const k = scanIdents(v, j + 1, true, true);
		if (k < 0) return undefined;
		p.prerelease = v.slice(j, k);
		j = k;
	}
	if (v[j] === '+') {
		const k = scanIdents(v, j + 1, false, false);
		if (k < 0) return undefined;
		p.build = v.slice(j, k);
		j = k;
	}
	return j === v.length ? p : undefined;
}

// The same versions come back on every re-parse of a document being edited: remember recent answers.
const cache = new Map<string, Parsed | null>();
const CACHE_LIMIT = 4096;

/** The parts of a valid semantic version, undefined when invalid. */
export function parseSemver(v: string): Readonly<Parsed> | undefined {
	const hit = cache.get(v);
	if (hit !== undefined) return hit ?? undefined;
	const p = parse(v);
	if (cache.size >= CACHE_LIMIT) cache.clear();
	cache.set(v, p ?? null);
	return p;
}

/** semver.IsValid: `v1`, `v1.2`, `v1.2.3`, `v1.2.3-pre.1+build`. */
export function isValidSemver(v: string): boolean {
	return parseSemver(v) !== undefined;
}

/** module.CanonicalVersion: `v1.2` → `v1.2.0`, build metadata dropped except `+incompatible`; undefined when invalid. */
export function canonicalModuleVersion(v: string): string | undefined {
	const p = parse(v);
	if (!p) return undefined;
	const base = `v${p.major}.${p.minor}.${p.patch}${p.prerelease}`;
	return p.build === '+incompatible' ? base + p.build : base;
}

/** semver.Major: `v2` for `v2.1.0`; undefined when invalid. */
export function semverMajor(v: string): string | undefined {
	const p = parse(v);
	return p ? `v${p.major}` : undefined;
}

/** semver.Build: `+incompatible` for `v2.0.0+incompatible`, '' when none or invalid. */
export function semverBuild(v: string): string {
	return parse(v)?.build ?? '';
}

function cmpInt(x: string, y: string): number {
	if (x === y) return 0;
	if (x.length !== y.length) return x.length < y.length ? -1 : 1;
	return x < y ? -1 : 1;
}

function comparePrerelease(x: string, y: string): number {
	// semver.comparePrerelease: no prerelease sorts after any prerelease; identifiers compare numerically when both are numbers.
	if (x === y) return 0;
	if (x === '') return 1;
	if (y === '') return -1;
	const xs = x.slice(1).split('.');
	const ys = y.slice(1).split('.');
	for (let i = 0; i < xs.length && i < ys.length; i++) {
		const a = xs[i];
		const b = ys[i];
		if (a === b) continue;
		const an = /^[0-9]+$/.test(a);
		const bn = /^[0-9]+$/.test(b);
		if (an !== bn) return an ? -1 : 1;
		if (an) return cmpInt(a, b);
		return a < b ? -1 : 1;
	}
	return xs.length === ys.length ? 0 : xs.length < ys.length ? -1 : 1;
}

/** semver.Compare: invalid versions sort before valid ones and equal to each other. */
export function compareSemver(a: string, b: string): -1 | 0 | 1 {
	const pa = parse(a);
	const pb = parse(b);
	if (!pa || !pb) return !pa && !pb ? 0 : !pa ? -1 : 1;
	const c = cmpInt(pa.major, pb.major) || cmpInt(pa.minor, pb.minor) || cmpInt(pa.patch, pb.patch) || comparePrerelease(pa.prerelease, pb.prerelease);
	return c < 0 ? -1 : c > 0 ? 1 : 0;
}

/**
 * module.SplitPathVersion's major-version suffix: `/v2` for `example.com/m/v2`, `.v3` for `gopkg.in/yaml.v3`,
 * '' when there is none; undefined when the path is malformed (`/v1`, `/v0`, `/v1.2`, gopkg.in without `.vN`).
 */
export function pathMajor(path: string): string | undefined {
	if (path.startsWith('gopkg.in/')) {
		let i = path.length;
		if (path.endsWith('-unstable')) i -= '-unstable'.length;
		while (i > 0 && path.charCodeAt(i - 1) >= 48 && path.charCodeAt(i - 1) <= 57) i--;
		if (i <= 1 || path[i - 1] !== 'v' || path[i - 2] !== '.') return undefined;
		const major = path.slice(i - 2);
		if (major.length <= 2 || (major[2] === '0' && major !== '.v0')) return undefined;
		return major;
	}
	let i = path.length;
	let dot = false;
	while (i > 0 && ((path.charCodeAt(i - 1) >= 48 && path.charCodeAt(i - 1) <= 57) || path[i - 1] === '.')) {
		if (path[i - 1] === '.') dot = true;
		i--;
	}
	if (i <= 1 || i === path.length || path[i - 1] !== 'v' || path[i - 2] !== '/') return '';
	const major = path.slice(i - 2);
	if (dot || major.length <= 2 || major[2] === '0' || major === '/v1') return undefined;
	return major;
}

/** module.CheckPathMajor: undefined when version v fits the path's major suffix, else the reason ("should be v0 or v1, not v2"). */
export function checkPathMajor(v: string, major: string): string | undefined {
	return checkParsedPathMajor(v, parseSemver(v), major);
}

/** checkPathMajor for an already parsed version. */
export function checkParsedPathMajor(v: string, p: Readonly<Parsed> | undefined, major: string): string | undefined {
	let m = major;
	if (m.startsWith('.v') && m.endsWith('-unstable')) m = m.slice(0, -'-unstable'.length);
	if (v.startsWith('v0.0.0-') && m === '.v1') return undefined; // old pseudo-versions for gopkg.in .v1
	const vm = p ? `v${p.major}` : '';
	if (m === '') {
		if (vm === 'v0' || vm === 'v1' || p?.build === '+incompatible') return undefined;
		m = 'v0 or v1';
	} else if (m[0] === '/' || m[0] === '.') {
		if (vm === m.slice(1)) return undefined;
		m = m.slice(1);
	}
	return `should be ${m}, not ${vm}`;
}
