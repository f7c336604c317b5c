/**
 * Resolves tags of the `golang` official image: `1.22`, `1.22.5`, `1.22-bookworm`, `1.22.5-alpine3.20`,
 * `1-alpine`, `alpine`, `bookworm`, `latest`, …
 */
import { NEWEST_GO_RELEASE } from '../go-releases';
import { facts, url, URLS } from '../sources';
import type { FloatingInfo, Source } from '../types';
import { parseGoVersion } from '../version';
import { alpineBody, alpineRelease } from './alpine';
import type { ImageFactsBody, ImageFamily } from './common';
import { debianBody, debianRelease } from './debian';
import type { GolangMinor } from './golang-table';
import { GOLANG_LATEST_HISTORY, GOLANG_MINORS, GOLANG_UPDATED_MINORS, golangMinor } from './golang-table';

const GCC_IN_DEBIAN: Source = url(
	URLS.golangDebianDockerfile,
	'2026-11-23',
	'Debian variants install g++ gcc libc6-dev make pkg-config ("install cgo-related dependencies"); the image also sets GOTOOLCHAIN=local',
);
const GCC_IN_DEBIAN_116: Source = url(
	'https://github.com/docker-library/golang/blob/008411e6f0bbf6c14776bb7cbe53677b19aabbe0/1.16/buster/Dockerfile',
	'2026-11-23',
	'the 1.16 Debian variant already installed g++ gcc libc6-dev make pkg-config ("gcc for cgo")',
);
const NO_GCC_IN_ALPINE: Source = url(URLS.golangAlpineDockerfile, '2026-11-23', 'the alpine variant adds only ca-certificates: no gcc');

const DEBIAN_CODENAMES = new Set(['buster', 'bullseye', 'bookworm', 'trixie']);

interface ParsedTag {
	/** `1.22`, `1.22.5`, or undefined for version-less tags (`latest`, `alpine`, `1-…`). */
	readonly version?: string;
	/** `bookworm`, `alpine`, `alpine3.20`, or undefined for the default variant. */
	readonly variant?: string;
}

function parseTag(tag: string): ParsedTag | undefined {
	if (tag === 'latest') {
		return {};
	}
	const m = /^(?:(1|1\.\d+|1\.\d+\.\d+)(?:-|$))?(.*)$/.exec(tag);
	if (!m) {
		return undefined;
	}
	const version = m[1] === '1' ? undefined : m[1];
	const variant = m[2] === '' ? undefined : m[2];
	if (version === undefined && m[1] === undefined && variant === undefined) {
		return undefined;
	}
	if (variant !== undefined && !DEBIAN_CODENAMES.has(variant) && !/^alpine(?:\d+\.\d+)?$/.test(variant)) {
		return undefined; // windows variants and anything else: not known
	}
	return { ...(version ? { version } : {}), ...(variant ? { variant } : {}) };
}

function frozenNote(minor: string): string[] {
	return GOLANG_UPDATED_MINORS.includes(minor) ? [] : [`golang:${minor} is no longer updated: docker-library updates only the two latest Go minors (FACTS §5.1)`];
}

function withGo(body: ImageFactsBody, goVersion: string, floating?: FloatingInfo, notes: string[] = []): ImageFactsBody {
	const allNotes = [...(body.notes ?? []), ...notes];
	return {
		...body,
		goVersion,
		...(floating ? { floating } : {}),
		...(allNotes.length > 0 ? { notes: allNotes } : {}),
	};
}

function debianVariant(m: GolangMinor, codename: string, goVersion: string): ImageFactsBody | undefined {
	const listed = m.debian.find((d) => d.codename === codename);
	const covered = m.debian.length > 0;
	if (covered && !listed) {
		return undefined; // FACTS §5.1 lists the variants of this minor; this one never existed
	}
	const r = debianRelease(codename);
	if (!r) {
		return undefined;
	}
	const body = debianBody(r, { hasCCompiler: true, sources: [...m.sources, GCC_IN_DEBIAN, GCC_IN_DEBIAN_116] });
	const notes = frozenNote(m.minor);
	if (!covered) {
		notes.push(`golang:${m.minor} variants are not covered by FACTS §5.1; facts follow from the variant name`);
	}
	const stopped = listed?.until ? { deprecated: `-${codename} tags of golang:${m.minor} stopped being published on ${listed.until} (FACTS §5.1)` } : {};
	return withGo({ ...body, ...stopped }, goVersion, undefined, notes);
}

function defaultDebian(m: GolangMinor, goVersion: string, isPatch: boolean): ImageFactsBody {
	const patch = parseGoVersion(goVersion)?.patch;
	let codename = m.defaultCodename;
	let floating: FloatingInfo | undefined;
	const notes = frozenNote(m.minor);
	if (m.moved && codename) {
		if (isPatch) {
			if (m.moved.atPatch !== undefined && patch !== undefined) {
				codename = patch >= m.moved.atPatch ? codename : m.moved.from;
			} else {
				codename = undefined;
				notes.push(`golang:${m.minor} moved ${m.moved.from} → ${m.defaultCodename} on ${m.moved.on}; which patch tags were rebuilt is not recorded`);
			}
		} else {
			floating = {
				resolvedTo: `golang:${m.minor}-${codename}`,
				since: m.moved.on,
				history: `${m.moved.from} until ${m.moved.on}, ${codename} since ${m.moved.on}`,
			};
		}
	} else if (codename && !isPatch && m.defaultHistory) {
		floating = { resolvedTo: `golang:${m.minor}-${codename}`, history: m.defaultHistory };
	}
	const r = codename ? debianRelease(codename) : undefined;
	if (r) {
		return withGo(debianBody(r, { hasCCompiler: true, sources: [...m.sources, GCC_IN_DEBIAN, GCC_IN_DEBIAN_116] }), goVersion, floating, notes);
	}
	// Debian release not known. Between two known Debian releases (a moved tag) the family is still glibc;
	// for minors FACTS does not cover, the libc is left unknown.
	const libc = m.moved ? { family: 'glibc' as const } : undefined;
	return withGo(
		{ os: 'linux', libc, hasCCompiler: true, hasShell: true, sources: [...m.sources, GCC_IN_DEBIAN, GCC_IN_DEBIAN_116] },
		goVersion,
		undefined,
		notes.length > 0 ? notes : [`the Debian release of golang:${goVersion} is not known`],
	);
}

function alpineVariant(m: GolangMinor, variant: string, goVersion: string, isPatch: boolean): ImageFactsBody | undefined {
	const explicit = variant === 'alpine' ? undefined : variant.slice('alpine'.length);
	const covered = m.alpine.length > 0;
	const notes = frozenNote(m.minor);
	let release = explicit;
	let floating: FloatingInfo | undefined;
	if (explicit !== undefined && covered && !m.alpine.includes(explicit)) {
		return undefined;
	}
	if (explicit === undefined) {
		if (isPatch || !m.alpineDefault) {
			release = undefined; // a patch tag's -alpine froze on whatever alpine was current then
			notes.push(`the Alpine release behind golang:${goVersion}-alpine is not recorded`);
		} else {
			release = m.alpineDefault.release;
			floating = {
				resolvedTo: `golang:${m.minor}-alpine${release}`,
				...(m.alpineDefault.since ? { since: m.alpineDefault.since } : {}),
				history: m.alpineDefault.history,
			};
		}
	}
	if (!covered && explicit !== undefined) {
		notes.push(`golang:${m.minor} variants are not covered by FACTS §5.1; facts follow from the variant name`);
	}
	const r = release ? alpineRelease(release) : undefined;
	const extra = { sources: [...m.sources, NO_GCC_IN_ALPINE] };
	const body: ImageFactsBody = r
		? alpineBody(r, extra)
		: { os: 'linux', distro: { name: 'alpine' }, libc: { family: 'musl' }, hasCCompiler: false, hasShell: true, sources: [...m.sources, NO_GCC_IN_ALPINE] };
	return withGo(body, goVersion, floating, notes);
}

function resolveLatestFamily(variant: string | undefined): ImageFactsBody | undefined {
	const newest = golangMinor(NEWEST_GO_RELEASE);
	if (!newest) {
		return undefined;
	}
	const body = variant === undefined ? defaultDebian(newest, newest.minor, false) : resolveVariant(newest, variant, newest.minor, false);
	if (!body) {
		return undefined;
	}
	const floating: FloatingInfo =
		variant === undefined
			? { resolvedTo: `golang:${newest.minor}-${GOLANG_LATEST_HISTORY.codename}`, since: GOLANG_LATEST_HISTORY.since, history: GOLANG_LATEST_HISTORY.history }
			: { resolvedTo: `golang:${newest.minor}-${variant}`, history: `follows the newest Go release (${newest.minor} as of the knowledge date)` };
	return { ...body, floating, sources: [...body.sources, ...GOLANG_LATEST_HISTORY.sources, facts('intro', '"Go 1.27.0 is the current release in official-images"')] };
}

function resolveVariant(m: GolangMinor, variant: string, goVersion: string, isPatch: boolean): ImageFactsBody | undefined {
	return DEBIAN_CODENAMES.has(variant) ? debianVariant(m, variant, goVersion) : alpineVariant(m, variant, goVersion, isPatch);
}

function resolve(_name: string, tag: string): ImageFactsBody | undefined {
	const p = parseTag(tag);
	if (!p) {
		return undefined;
	}
	if (p.version === undefined) {
		return resolveLatestFamily(p.variant);
	}
	const v = parseGoVersion(p.version);
	const m = v ? golangMinor(`${v.major}.${v.minor}`) : undefined;
	if (!v || !m) {
		return undefined;
	}
	const isPatch = v.patch !== undefined;
	return p.variant === undefined ? defaultDebian(m, p.version, isPatch) : resolveVariant(m, p.variant, p.version, isPatch);
}

/** The `golang` official image. Windows variants are not known. */
export const golangFamily: ImageFamily = {
	names: ['docker.io/library/golang'],
	resolve,
	examples: [
		'golang:latest',
		'golang:1',
		'golang:1-alpine',
		'golang:alpine',
		'golang:bookworm',
		...GOLANG_MINORS.flatMap((m) => [
			`golang:${m.minor}`,
			`golang:${m.minor}.1`,
			`golang:${m.minor}-alpine`,
			...m.debian.map((d) => `golang:${m.minor}-${d.codename}`),
			...m.alpine.map((a) => `golang:${m.minor}-alpine${a}`),
		]),
	],
};
