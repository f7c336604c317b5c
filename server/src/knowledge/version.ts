/**
 * Minimal version handling for the knowledge base (knowledge may not import `parse/`).
 *
 * Go versions follow the ordering of `go/version` / `cmd/go/internal/gover`:
 * a language version sorts before its pre-releases, which sort before its releases:
 * `1.21 < 1.21rc1 < 1.21.0 < 1.21.1`.
 */

/** A parsed Go version. */
export interface GoVersion {
	readonly major: number;
	readonly minor: number;
	/** Absent for language versions such as `1.21` and for pre-releases. */
	readonly patch?: number;
	/** `rc` or `beta` with its number, e.g. `{ kind: 'rc', n: 1 }`. */
	readonly pre?: { readonly kind: 'alpha' | 'beta' | 'rc'; readonly n: number };
}

const GO_VERSION = /^(?:go)?(\d+)\.(\d+)(?:\.(\d+)|(alpha|beta|rc)(\d+))?$/;

/** Parses `1.22`, `1.22.5`, `go1.22.5`, `1.23rc1`. Returns undefined for anything else (including `1` alone). */
export function parseGoVersion(text: string): GoVersion | undefined {
	const m = GO_VERSION.exec(text.trim());
	if (!m) {
		return undefined;
	}
	const major = Number(m[1]);
	const minor = Number(m[2]);
	if (m[3] !== undefined) {
		return { major, minor, patch: Number(m[3]) };
	}
	if (m[4] !== undefined) {
		return { major, minor, pre: { kind: m[4] as 'alpha' | 'beta' | 'rc', n: Number(m[5]) } };
	}
	return { major, minor };
}

function rank(v: GoVersion): [number, number] {
	// language version < alpha < beta < rc < release
	if (v.patch !== undefined) {
		return [4, v.patch];
	}
	if (v.pre) {
		return [{ alpha: 1, beta: 2, rc: 3 }[v.pre.kind], v.pre.n];
	}
	return [0, 0];
}

/** Compares two Go versions: negative, zero or positive. Unparseable input throws. */
export function compareGoVersions(a: string | GoVersion, b: string | GoVersion): number {
	const va = typeof a === 'string' ? parseGoVersion(a) : a;
	const vb = typeof b === 'string' ? parseGoVersion(b) : b;
	if (!va || !vb) {
		throw new Error(`not a Go version: ${JSON.stringify(!va ? a : b)}`);
	}
	if (va.major !== vb.major) {
		return va.major - vb.major;
	}
	if (va.minor !== vb.minor) {
		return va.minor - vb.minor;
	}
	const [ka, na] = rank(va);
	const [kb, nb] = rank(vb);
	return ka !== kb ? ka - kb : na - nb;
}

/** `version >= since`, comparing Go versions; undefined when either is unparseable. */
export function goAtLeast(version: string, since: string): boolean | undefined {
	const v = parseGoVersion(version);
	const s = parseGoVersion(since);
	if (!v || !s) {
		return undefined;
	}
	return compareGoVersions(v, s) >= 0;
}

/** The `1.N` language version of a Go version (`1.22.5` → `1.22`), or undefined. */
export function goMinor(version: string): string | undefined {
	const v = parseGoVersion(version);
	return v ? `${v.major}.${v.minor}` : undefined;
}

/**
 * Compares dotted numeric versions such as glibc `2.36` vs `2.4` or musl `1.2.4_git20230717` vs `1.2.5`.
 * Only the leading numeric components count (`1.2.4_git…` compares as `1.2.4`); missing components are 0.
 */
export function compareDottedVersions(a: string, b: string): number {
	const na = numericParts(a);
	const nb = numericParts(b);
	for (let i = 0; i < Math.max(na.length, nb.length); i++) {
		const d = (na[i] ?? 0) - (nb[i] ?? 0);
		if (d !== 0) {
			return d;
		}
	}
	return 0;
}

function numericParts(v: string): number[] {
	const m = /^\d+(?:\.\d+)*/.exec(v.trim());
	return m ? m[0].split('.').map(Number) : [];
}

/** True for an ISO calendar date `YYYY-MM-DD` that exists. */
export function isIsoDate(text: string): boolean {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	if (!m) {
		return false;
	}
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	if (mo < 1 || mo > 12 || d < 1) {
		return false;
	}
	const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
	return d <= days[mo - 1];
}
