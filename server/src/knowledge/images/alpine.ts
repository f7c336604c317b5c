/**
 * Alpine releases (musl versions) and the `alpine` official image.
 */
import { facts, url } from '../sources';
import type { Source } from '../types';
import type { ImageFactsBody, ImageFamily } from './common';

/** One Alpine release and the musl it ships. */
export interface AlpineRelease {
	readonly release: string;
	readonly musl: string;
	readonly sources: readonly Source[];
}

const REPO_INFO = 'https://github.com/docker-library/repo-info/blob';

/** Alpine 3.12–3.24 with their musl version. 3.16–3.22 from FACTS §5.2; the rest from the URLs given. */
export const ALPINE_RELEASES: readonly AlpineRelease[] = [
	{
		release: '3.12',
		musl: '1.1.24',
		sources: [url('https://dl-cdn.alpinelinux.org/alpine/v3.12/main/armhf/musl-1.1.24-r9.apk', '2026-11-23', 'package path (as referenced in public build files)')],
	},
	{
		release: '3.13',
		musl: '1.2.2',
		sources: [
			url('https://dl-cdn.alpinelinux.org/alpine/v3.13/main/x86_64/musl-1.2.2-r2.apk', '2026-11-23', 'package path (as referenced in public build files)'),
			url('https://wiki.alpinelinux.org/w/index.php?title=Release_Notes_for_Alpine_3.13.0&oldid=18593', '2026-11-23', '"musl has been upgraded to 1.2"'),
		],
	},
	{
		release: '3.14',
		musl: '1.2.2',
		sources: [url(`${REPO_INFO}/72e4be79b9c831d8da7d63a6ce871b20fc9e06c1/repos/alpine/local/3.14.8.md`, '2026-11-23', 'musl-1.2.2-r3 in alpine:3.14.8')],
	},
	{
		release: '3.15',
		musl: '1.2.2',
		sources: [url(`${REPO_INFO}/72e4be79b9c831d8da7d63a6ce871b20fc9e06c1/repos/alpine/local/3.15.md`, '2022-08-09', 'musl-1.2.2-r7 in alpine:3.15.6')],
	},
	{ release: '3.16', musl: '1.2.3', sources: [facts('5.2', 'repo-info: musl-1.2.3-r1 (3.16.3)')] },
	{ release: '3.17', musl: '1.2.3', sources: [facts('5.2', 'repo-info: musl-1.2.3-r4 (3.17.1)')] },
	{ release: '3.18', musl: '1.2.4', sources: [facts('5.2', 'dl-cdn v3.18/main/x86_64/musl-1.2.4-r2.apk')] },
	{ release: '3.19', musl: '1.2.4_git20230717', sources: [facts('5.2', 'SPDX for alpine-3.19.1 and dl-cdn v3.19 paths')] },
	{ release: '3.20', musl: '1.2.5', sources: [facts('5.2', 'dl-cdn v3.20/main/x86_64/musl-1.2.5-r3.apk')] },
	{ release: '3.21', musl: '1.2.5', sources: [facts('5.2', 'repo-info: musl-1.2.5-r11 (3.21.8)')] },
	{ release: '3.22', musl: '1.2.5', sources: [facts('5.2', 'repo-info: musl-1.2.5-r12 (3.22)')] },
	{
		release: '3.23',
		musl: '1.2.5',
		sources: [url(`${REPO_INFO}/7859ce442d87572265f77dfce85c80f8d40ff85b/repos/alpine/local/3.23.6.md`, '2026-09-17', 'musl-1.2.5-r23 in alpine:3.23.6')],
	},
	{
		release: '3.24',
		musl: '1.2.6',
		sources: [url(`${REPO_INFO}/7859ce442d87572265f77dfce85c80f8d40ff85b/repos/alpine/local/3.24.2.md`, '2026-09-17', 'musl-1.2.6-r2 in alpine:3.24.2')],
	},
];

/** Shell and compiler facts: the base image has busybox ash as /bin/sh and no gcc (repo-info package lists). */
const BASE_CONTENTS: Source = url(
	`${REPO_INFO}/7859ce442d87572265f77dfce85c80f8d40ff85b/repos/alpine/local/3.24.2.md`,
	'2026-09-17',
	'packages include busybox-binsh ("busybox ash /bin/sh"); no gcc',
);

/** Finds an Alpine release by `3.20` or `3.20.3`. */
export function alpineRelease(key: string): AlpineRelease | undefined {
	const m = /^(\d+\.\d+)(?:\.\d+)?$/.exec(key);
	return m ? ALPINE_RELEASES.find((r) => r.release === m[1]) : undefined;
}

/** Facts for an Alpine-based image of a known release. */
export function alpineBody(r: AlpineRelease, extra: Partial<ImageFactsBody> = {}): ImageFactsBody {
	return {
		os: 'linux',
		distro: { name: 'alpine', release: r.release },
		libc: { family: 'musl', version: r.musl },
		hasCCompiler: false,
		hasShell: true,
		...extra,
		sources: [...r.sources, ...(extra.sources ?? [])],
	};
}

function resolve(_name: string, tag: string): ImageFactsBody | undefined {
	const r = alpineRelease(tag);
	if (r) {
		return alpineBody(r, { sources: [BASE_CONTENTS] });
	}
	if (tag === 'latest' || tag === '3' || tag === 'edge') {
		// Every Alpine release uses musl; which release `latest` points to was not verified.
		return {
			os: 'linux',
			distro: { name: 'alpine' },
			libc: { family: 'musl' },
			hasCCompiler: false,
			hasShell: true,
			floating: {
				resolvedTo: tag === 'edge' ? 'alpine:edge (development branch)' : 'the newest alpine:3.x release',
				history: 'moves with each Alpine release; the release it points to was not verified for the knowledge date',
			},
			notes: ['musl version not known for a floating alpine tag; pin a release such as alpine:3.22'],
			sources: [facts('5.2'), BASE_CONTENTS],
		};
	}
	return undefined;
}

/** The `alpine` official image. */
export const alpineFamily: ImageFamily = {
	names: ['docker.io/library/alpine'],
	resolve,
	examples: [...ALPINE_RELEASES.map((r) => `alpine:${r.release}`), 'alpine:3.20.3', 'alpine:latest', 'alpine:3', 'alpine:edge'],
};
