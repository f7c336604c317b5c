/**
 * Ubuntu releases and the `ubuntu` official image.
 */
import { facts, url, URLS } from '../sources';
import type { Source } from '../types';
import type { ImageFactsBody, ImageFamily } from './common';

/** One Ubuntu LTS release as the knowledge base knows it. */
export interface UbuntuRelease {
	readonly release: string;
	readonly codename: string;
	readonly glibc: string;
	readonly sources: readonly Source[];
}

const CODENAMES = url(URLS.ubuntuReleases, '2026-11-23', 'release numbers and codenames');

/** Ubuntu LTS releases with their glibc (FACTS §5.2, 26.04 from docker-library/repo-info). */
export const UBUNTU_RELEASES: readonly UbuntuRelease[] = [
	{ release: '18.04', codename: 'bionic', glibc: '2.27', sources: [facts('5.2', 'GLIBC 2.27-3ubuntu1.x'), CODENAMES] },
	{ release: '20.04', codename: 'focal', glibc: '2.31', sources: [facts('5.2', '2.31-0ubuntu9.x (crazy-max/xgo#50)'), CODENAMES] },
	{ release: '22.04', codename: 'jammy', glibc: '2.35', sources: [facts('5.2', '2.35-0ubuntu3.x with UBUNTU_CODENAME=jammy')] },
	{ release: '24.04', codename: 'noble', glibc: '2.39', sources: [facts('5.2', '2.39-0ubuntu8.x with VERSION_ID="24.04" / noble')] },
	{
		release: '26.04',
		codename: 'resolute',
		glibc: '2.43',
		sources: [
			url(URLS.repoInfoUbuntuLatest, '2026-08-17', 'ubuntu:26.04 lists glibc=2.43-2ubuntu2.3; gcc-16 source gives only libgcc-s1/libstdc++6'),
			url('https://github.com/runs-on/runner-images-for-aws/issues/56', '2026-06-10', '"Ubuntu 26.04 LTS (Resolute)"'),
		],
	},
];

const NO_GCC: Source = url(URLS.repoInfoUbuntuLatest, '2026-08-17', 'package list has bash and dash, and no gcc binary package');

function body(r: UbuntuRelease, floating?: ImageFactsBody['floating']): ImageFactsBody {
	return {
		os: 'linux',
		distro: { name: 'ubuntu', release: r.release, codename: r.codename },
		libc: { family: 'glibc', version: r.glibc },
		hasCCompiler: false,
		hasShell: true,
		...(floating ? { floating } : {}),
		sources: [...r.sources, NO_GCC],
	};
}

/** Finds an Ubuntu release by number (`22.04`, `22.04.5`) or codename (`jammy`, `jammy-20260627`). */
export function ubuntuRelease(key: string): UbuntuRelease | undefined {
	const num = /^(\d{2}\.\d{2})(?:\.\d+)?$/.exec(key)?.[1];
	const code = /^([a-z]+)(?:-\d{8}(?:\.\d+)?)?$/.exec(key)?.[1];
	return UBUNTU_RELEASES.find((r) => r.release === num || r.codename === code);
}

function resolve(_name: string, tag: string): ImageFactsBody | undefined {
	if (tag === 'latest') {
		const r = ubuntuRelease('26.04');
		return r
			? body(r, {
					resolvedTo: 'ubuntu:26.04',
					history: 'points to the newest LTS; ubuntu:26.04 by 2026-08-17 (docker-library/repo-info); switch date not recorded',
				})
			: undefined;
	}
	const r = ubuntuRelease(tag);
	return r ? body(r) : undefined;
}

/** The `ubuntu` official image (LTS releases only; `rolling`, `devel` and interim releases are not known). */
export const ubuntuFamily: ImageFamily = {
	names: ['docker.io/library/ubuntu'],
	resolve,
	examples: [
		'ubuntu:18.04',
		'ubuntu:bionic',
		'ubuntu:20.04',
		'ubuntu:focal',
		'ubuntu:22.04',
		'ubuntu:jammy-20260627',
		'ubuntu:24.04',
		'ubuntu:noble',
		'ubuntu:26.04',
		'ubuntu:resolute',
		'ubuntu:latest',
	],
};
