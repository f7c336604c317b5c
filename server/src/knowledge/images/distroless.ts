/**
 * GoogleContainerTools distroless images (`gcr.io/distroless/*`).
 */
import { facts, url, URLS } from '../sources';
import type { Libc, Source } from '../types';
import type { ImageFactsBody, ImageFamily } from './common';
import { debianRelease } from './debian';

type Flavour = 'static' | 'base' | 'base-nossl' | 'cc';

const FLAVOUR_LIBC: Record<Flavour, Libc['family']> = {
	static: 'none',
	'base-nossl': 'glibc',
	base: 'glibc',
	cc: 'glibc',
};

const FLAVOUR_NOTE: Record<Flavour, string> = {
	static: 'no libc: only ca-certificates, a root /etc/passwd entry, /tmp and tzdata',
	'base-nossl': 'static plus glibc',
	base: 'static plus glibc and libssl (on Debian 13 also zlib and libzstd)',
	cc: 'base plus libgcc1 and its dependencies',
};

/** Debian suffixes and their status (FACTS §5.3). */
const SUFFIXES: Record<string, { codename: string; deprecated?: string; note?: string }> = {
	'debian10': { codename: 'buster', deprecated: '-debian10 images are no longer published or updated (FACTS §5.3: only -debian12 and -debian13 are current)' },
	'debian11': { codename: 'bullseye', deprecated: '-debian11 images are deprecated and no longer updated (FACTS §5.3: only -debian12 and -debian13 are current)' },
	'debian12': { codename: 'bookworm', note: 'Debian 12 distroless images reach end of life in September 2026 (SUPPORT_POLICY.md)' },
	'debian13': { codename: 'trixie' },
};

const README: Source = facts('5.3', 'GoogleContainerTools/distroless README.md and base/README.md as of 2026-08-21');
const DEBUG_SHELL: Source = url(URLS.distrolessReadme2023, '2026-11-23', 'the :debug image set provides a busybox shell; other images have no shell');

const TAG = /^(latest|nonroot|debug|debug-nonroot)(?:-(amd64|arm64|arm|s390x|ppc64le|riscv64))?$/;

function resolve(name: string, tag: string): ImageFactsBody | undefined {
	const m = /^gcr\.io\/distroless\/(static|base-nossl|base|cc)(?:-(debian\d+))?$/.exec(name);
	const t = TAG.exec(tag);
	if (!m || !t) {
		return undefined;
	}
	const flavour = m[1] as Flavour;
	const suffix = m[2];
	const debug = t[1].startsWith('debug');
	const family = FLAVOUR_LIBC[flavour];
	const notes = [FLAVOUR_NOTE[flavour]];
	const sources: Source[] = [README];
	if (debug) {
		sources.push(DEBUG_SHELL);
		notes.push('debug image: adds a busybox shell');
	}
	if (suffix === undefined) {
		// Un-suffixed names are deprecated; which Debian they select today was not verified.
		return {
			os: 'linux',
			distro: { name: 'distroless' },
			libc: family === 'none' ? { family: 'none' } : { family },
			hasCCompiler: false,
			hasShell: debug,
			deprecated: `gcr.io/distroless/${flavour} without a -debianNN suffix is deprecated and no longer updated (FACTS §5.3)`,
			floating: {
				resolvedTo: 'not verified',
				history: 'the 2021 README said un-suffixed names "currently select -debian10"; a later README said -debian11; the current mapping was not verified',
			},
			notes,
			sources: [...sources, url(URLS.distrolessReadme2023, '2026-11-23', '"Specifying an image without the distribution will currently select -debian11 images"')],
		};
	}
	const s = SUFFIXES[suffix];
	const r = s ? debianRelease(s.codename) : undefined;
	if (!s || !r) {
		return undefined;
	}
	if (s.note) {
		notes.push(s.note);
	}
	return {
		os: 'linux',
		distro: { name: 'distroless', release: r.release, codename: r.codename },
		// base/cc are built from the Debian release's glibc packages (FACTS §5.2 for the version)
		libc: family === 'none' ? { family: 'none' } : { family, version: r.glibc },
		hasCCompiler: false,
		hasShell: debug,
		...(s.deprecated ? { deprecated: s.deprecated } : {}),
		notes,
		sources: family === 'none' ? sources : [...sources, ...r.sources],
	};
}

const NAMES: string[] = [];
for (const f of Object.keys(FLAVOUR_LIBC)) {
	NAMES.push(`gcr.io/distroless/${f}`);
	for (const s of Object.keys(SUFFIXES)) {
		NAMES.push(`gcr.io/distroless/${f}-${s}`);
	}
}

/** gcr.io/distroless static, base, base-nossl and cc, un-suffixed and -debian10…13. */
export const distrolessFamily: ImageFamily = {
	names: NAMES,
	resolve,
	examples: [
		...NAMES.map((n) => `${n}:latest`),
		'gcr.io/distroless/static-debian12:nonroot',
		'gcr.io/distroless/static-debian12:debug',
		'gcr.io/distroless/static-debian12:debug-nonroot',
		'gcr.io/distroless/base-debian12:nonroot-amd64',
		'gcr.io/distroless/cc-debian13:debug',
	],
};
