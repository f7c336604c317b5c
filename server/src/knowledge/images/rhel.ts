/**
 * RHEL-like images (UBI, Rocky Linux, AlmaLinux, CentOS) and Amazon Linux.
 * Shell and compiler contents of these images were not verified, so they are left unknown.
 */
import { facts } from '../sources';
import type { Source } from '../types';
import type { ImageFactsBody, ImageFamily } from './common';

/** glibc per RHEL major version (FACTS §5.2); RHEL/UBI 10 is not verified. */
export const RHEL_GLIBC: Record<string, { glibc?: string; sources: readonly Source[] }> = {
	'7': { glibc: '2.17', sources: [facts('5.2', 'Red Hat developer blog: "2.17 (the version in Red Hat Enterprise Linux 7)"')] },
	'8': { glibc: '2.28', sources: [facts('5.2', 'package NVRs glibc-2.28-*.el8')] },
	'9': { glibc: '2.34', sources: [facts('5.2', 'glibc-2.34-*.el9; RHEL 9 docs')] },
	'10': { sources: [facts('5.2', 'only AlmaLinux 10 (glibc-2.39-*.el10) is listed; UBI/RHEL 10 and Rocky 10 not verified')] },
};

function rhelBody(major: string, distroRelease: string, glibcOverride?: { glibc: string; sources: readonly Source[] }): ImageFactsBody | undefined {
	const g = glibcOverride ?? RHEL_GLIBC[major];
	if (!g) {
		return undefined;
	}
	return {
		os: 'linux',
		distro: { name: 'rhel-like', release: distroRelease },
		libc: g.glibc ? { family: 'glibc', version: g.glibc } : { family: 'glibc' },
		hasCCompiler: undefined,
		hasShell: undefined,
		sources: g.sources,
	};
}

const UBI = /^(?:registry\.access\.redhat\.com|registry\.redhat\.io)\/ubi(8|9|10)(?:\/(ubi|ubi-minimal|ubi-micro|ubi-init))?$/;

function ubi(name: string, tag: string): ImageFactsBody | undefined {
	const m = UBI.exec(name);
	if (!m || !(tag === 'latest' || new RegExp(`^${m[1]}(?:\\.\\d+)*(?:-\\d+(?:\\.\\d+)*)?$`).test(tag))) {
		return undefined;
	}
	return rhelBody(m[1], m[1]);
}

const UBI_NAMES: string[] = [];
for (const reg of ['registry.access.redhat.com', 'registry.redhat.io']) {
	for (const v of ['8', '9', '10']) {
		UBI_NAMES.push(`${reg}/ubi${v}`, ...['ubi', 'ubi-minimal', 'ubi-micro', 'ubi-init'].map((f) => `${reg}/ubi${v}/${f}`));
	}
}

/** Red Hat Universal Base Images 8, 9 and 10 (10: glibc version not known). */
export const ubiFamily: ImageFamily = {
	names: UBI_NAMES,
	resolve: ubi,
	examples: [
		'registry.access.redhat.com/ubi8/ubi',
		'registry.access.redhat.com/ubi8/ubi-minimal:8.10',
		'registry.access.redhat.com/ubi8/ubi-micro',
		'registry.access.redhat.com/ubi9/ubi-minimal',
		'registry.access.redhat.com/ubi9/ubi:9.4-1181',
		'registry.access.redhat.com/ubi9',
		'registry.redhat.io/ubi9/ubi-micro',
		'registry.access.redhat.com/ubi10/ubi',
	],
};

/** Rocky Linux, AlmaLinux and CentOS: tag `N`, `N.M`, optionally `-minimal`. */
function rhelClone(name: string, tag: string): ImageFactsBody | undefined {
	const m = /^(\d+)(?:\.\d+)*(?:-minimal)?$/.exec(tag);
	if (!m) {
		return undefined;
	}
	const major = m[1];
	if (name.endsWith('/centos')) {
		return major === '7' ? rhelBody('7', '7') : undefined;
	}
	if (name.endsWith('/almalinux') && major === '10') {
		return rhelBody('10', '10', { glibc: '2.39', sources: [facts('5.2', 'glibc-2.39-*.el10')] });
	}
	if (major !== '8' && major !== '9') {
		return undefined;
	}
	return rhelBody(major, major);
}

/** rockylinux (8, 9), almalinux (8, 9, 10), centos (7). */
export const rhelCloneFamily: ImageFamily = {
	names: ['docker.io/library/rockylinux', 'docker.io/rockylinux/rockylinux', 'docker.io/library/almalinux', 'docker.io/library/centos'],
	resolve: rhelClone,
	examples: [
		'rockylinux:8',
		'rockylinux:9.3-minimal',
		'rockylinux/rockylinux:9',
		'almalinux:8',
		'almalinux:9-minimal',
		'almalinux:10',
		'centos:7',
	],
};

const AMAZON: Record<string, { glibc: string; sources: readonly Source[] }> = {
	'2': { glibc: '2.26', sources: [facts('5.2', 'repo-info rpm glibc-2.26-62.amzn2')] },
	'2023': { glibc: '2.34', sources: [facts('5.2', 'AWS AL2023 guide, "Core toolchain packages": glibc 2.34')] },
};

function amazon(_name: string, tag: string): ImageFactsBody | undefined {
	const m = /^(2023|2)(?:\.[\d.]+)?$/.exec(tag);
	const a = m ? AMAZON[m[1]] : undefined;
	if (!m || !a) {
		return undefined;
	}
	return {
		os: 'linux',
		distro: { name: 'amazonlinux', release: m[1] },
		libc: { family: 'glibc', version: a.glibc },
		hasCCompiler: undefined,
		hasShell: undefined,
		sources: a.sources,
	};
}

/** amazonlinux 2 and 2023 (Docker Hub and the ECR Public copy). `latest` is not known. */
export const amazonLinuxFamily: ImageFamily = {
	names: ['docker.io/library/amazonlinux', 'public.ecr.aws/amazonlinux/amazonlinux'],
	resolve: amazon,
	examples: ['amazonlinux:2', 'amazonlinux:2023', 'public.ecr.aws/amazonlinux/amazonlinux:2023.5.20240708.0'],
};
