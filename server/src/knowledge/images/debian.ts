/**
 * Debian releases and the `debian` official image.
 */
import { facts, url, URLS } from '../sources';
import type { Source } from '../types';
import type { ImageFactsBody, ImageFamily } from './common';
import { stripSuffix } from './common';

/** One Debian release as the knowledge base knows it. */
export interface DebianRelease {
	readonly codename: string;
	readonly release: string;
	readonly glibc: string;
	readonly sources: readonly Source[];
	/** Set when the release's tags are no longer updated. */
	readonly deprecated?: string;
}

/** Debian releases with their glibc (FACTS §5.2). */
export const DEBIAN_RELEASES: readonly DebianRelease[] = [
	{
		codename: 'buster',
		release: '10',
		glibc: '2.28',
		sources: [facts('5.2', 'glibc=2.28-10+deb10u2 in docker-library/repo-info')],
		deprecated: 'Debian 10 (buster) tags are no longer listed in docker-library/official-images library/debian (2026-02) and are not updated',
	},
	{ codename: 'bullseye', release: '11', glibc: '2.31', sources: [facts('5.2', 'libc6 2.31-13+deb11u11')] },
	{ codename: 'bookworm', release: '12', glibc: '2.36', sources: [facts('5.2', 'libc6 2.36-9+deb12u14')] },
	{
		codename: 'trixie',
		release: '13',
		glibc: '2.41',
		sources: [
			facts('5.2', 'libc6 2.41-12+deb13u5'),
			url(URLS.repoInfoDebianLatest, '2026-08-24', 'debian:trixie image lists glibc=2.41-12+deb13u3 and no gcc binary package'),
		],
	},
];

/** Finds a Debian release by codename (`bookworm`) or number (`12`, `12.13`). */
export function debianRelease(key: string): DebianRelease | undefined {
	const major = /^(\d+)(?:\.\d+)?$/.exec(key)?.[1];
	return DEBIAN_RELEASES.find((r) => r.codename === key || r.release === major);
}

/** Aliases of the `debian` image that float between releases, as of the knowledge date. */
const DEBIAN_ALIASES: Record<string, { codename: string; history: string; since?: string }> = {
	latest: {
		codename: 'trixie',
		history:
			'bookworm until Debian 13 (trixie) was released on 2025-08-09; official-images updated for trixie GA in docker-library/official-images#19655 (opened 2025-08-12); exact switch date not recorded',
	},
	stable: { codename: 'trixie', history: 'moves with each Debian release; trixie since the Debian 13 release (2025-08-09)' },
	oldstable: { codename: 'bookworm', history: 'moves with each Debian release; bookworm since the Debian 13 release (2025-08-09)' },
	oldoldstable: { codename: 'bullseye', history: 'moves with each Debian release; bullseye since the Debian 13 release (2025-08-09)' },
};

const ALIAS_SOURCES: readonly Source[] = [
	url(URLS.officialDebian, '2026-02-02', 'Tags: trixie, 13, latest; stable = Debian 13.3; oldstable = 12.13; oldoldstable = 11.11'),
	url(URLS.repoInfoDebianLatest, '2026-08-24', 'debian:latest is debian:trixie'),
	url(URLS.debianTrixieRelease, '2025-08-09', 'Debian 13 released'),
	url(URLS.debianTrixieDockerPr, '2025-08-12'),
];

const NO_GCC: Source = url(URLS.repoInfoDebianLatest, '2026-08-24', 'the gcc source package provides only libgcc-s1/libstdc++6: no C compiler in the image');

/** Facts for a Debian-based image of the given release (used by golang and distroless tables too). */
export function debianBody(r: DebianRelease, extra: Partial<ImageFactsBody> = {}): ImageFactsBody {
	return {
		os: 'linux',
		distro: { name: 'debian', release: r.release, codename: r.codename },
		libc: { family: 'glibc', version: r.glibc },
		hasCCompiler: false,
		hasShell: true,
		...(r.deprecated ? { deprecated: r.deprecated } : {}),
		...extra,
		sources: [...r.sources, ...(extra.sources ?? [])],
	};
}

function resolve(_name: string, tag: string): ImageFactsBody | undefined {
	let t = stripSuffix(tag, '-slim').base;
	t = t.replace(/-\d{8}$/, '').replace(/-backports$/, '');
	const alias = DEBIAN_ALIASES[t];
	if (alias) {
		const r = debianRelease(alias.codename);
		if (!r) {
			return undefined;
		}
		return debianBody(r, {
			floating: { resolvedTo: `debian:${r.codename}`, history: alias.history, ...(alias.since ? { since: alias.since } : {}) },
			sources: [...ALIAS_SOURCES, NO_GCC],
		});
	}
	const r = debianRelease(t);
	return r ? debianBody(r, { sources: [NO_GCC] }) : undefined;
}

/** The `debian` official image. Rolling tags (`sid`, `testing`, `forky`, `unstable`) are not known. */
export const debianFamily: ImageFamily = {
	names: ['docker.io/library/debian'],
	resolve,
	examples: [
		'debian:buster',
		'debian:10',
		'debian:bullseye-slim',
		'debian:11',
		'debian:bookworm',
		'debian:12.13-slim',
		'debian:bookworm-20260202-slim',
		'debian:trixie',
		'debian:13',
		'debian:latest',
		'debian:stable-slim',
		'debian:oldstable',
		'debian:oldoldstable',
	],
};
