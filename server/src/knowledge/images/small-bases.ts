/**
 * `scratch`, `busybox` and Chainguard/Wolfi images.
 */
import { facts, url, URLS } from '../sources';
import type { Source } from '../types';
import type { ImageFactsBody, ImageFamily, ResolveContext } from './common';
import { platformArch } from './common';

/** `FROM scratch`: empty, no libc, no loader, no shell. */
export const scratchFamily: ImageFamily = {
	names: ['docker.io/library/scratch'],
	resolve: (_name, tag) =>
		tag === 'latest'
			? {
					os: 'linux',
					distro: { name: 'scratch' },
					libc: { family: 'none' },
					hasCCompiler: false,
					hasShell: false,
					notes: ['only static binaries run (CGO_ENABLED=0, or static cgo)'],
					sources: [facts('5.3', 'scratch is empty: no libc and no loader')],
				}
			: undefined,
	examples: ['scratch'],
};

const BUSYBOX: Source = facts('5.3', 'library/busybox HEAD: -glibc, -musl, -uclibc; latest/1.38.0 is glibc except musl on arm32v6');

function busybox(_name: string, tag: string, ctx: ResolveContext): ImageFactsBody | undefined {
	const m = /^(?:(\d+(?:\.\d+){0,2})-?)?(glibc|musl|uclibc)?$/.exec(tag === 'latest' ? '' : tag);
	if (!m) {
		return undefined;
	}
	const base = { os: 'linux' as const, distro: { name: 'busybox' as const }, hasCCompiler: undefined, hasShell: true };
	const variant = m[2];
	if (variant === 'glibc' || variant === 'musl') {
		return { ...base, libc: { family: variant }, sources: [BUSYBOX] };
	}
	if (variant === 'uclibc') {
		return { ...base, libc: undefined, notes: ['uClibc: neither glibc nor musl'], sources: [BUSYBOX] };
	}
	// Default variant: glibc everywhere except arm32v6 (platform dependent).
	const arch = platformArch(ctx.platform);
	if (arch === 'arm/v6') {
		return { ...base, libc: { family: 'musl' }, sources: [BUSYBOX] };
	}
	return {
		...base,
		libc: { family: 'glibc' },
		...(arch === undefined ? { platformDependent: 'glibc on amd64, arm32v5, arm32v7, arm64v8, i386, ppc64le, riscv64 and s390x; musl on arm32v6' } : {}),
		sources: [BUSYBOX],
	};
}

/** The `busybox` official image. */
export const busyboxFamily: ImageFamily = {
	names: ['docker.io/library/busybox'],
	resolve: busybox,
	examples: ['busybox', 'busybox:1.38.0', 'busybox:glibc', 'busybox:1.38.0-musl', 'busybox:musl', 'busybox:uclibc', 'busybox:1.38'],
};

const CG_STATIC: Source = url(URLS.chainguardStatic, '2026-11-23', '"there is no libc implementation in either Image" (latest: Alpine files, latest-glibc: Wolfi files)');
const CG_GLIBC_DYNAMIC: Source = url(URLS.chainguardGlibcDynamic, '2026-11-23', 'base image to run glibc binaries; no programs other than /sbin/ldconfig');
const CG_WOLFI: Source = url(URLS.chainguardCompiled, '2026-11-23', 'wolfi-base contains busybox and apk-tools; supports glibc');

function chainguard(name: string, tag: string): ImageFactsBody | undefined {
	const dev = /-dev$/.test(tag);
	const base = { os: 'linux' as const, distro: { name: 'wolfi' as const } };
	switch (name) {
		case 'cgr.dev/chainguard/static':
			if (!/^latest(?:-glibc)?$/.test(tag)) {
				return undefined;
			}
			return { ...base, libc: { family: 'none' }, hasCCompiler: false, hasShell: undefined, notes: ['only static binaries run'], sources: [CG_STATIC] };
		case 'cgr.dev/chainguard/glibc-dynamic':
			if (!/^latest(?:-dev)?$/.test(tag)) {
				return undefined;
			}
			return {
				...base,
				libc: { family: 'glibc' },
				hasCCompiler: dev ? undefined : false,
				hasShell: dev ? undefined : false,
				notes: ['glibc version not recorded: it follows Wolfi\'s current glibc'],
				sources: [CG_GLIBC_DYNAMIC, facts('5.3', 'Wolfi is glibc-based')],
			};
		case 'cgr.dev/chainguard/wolfi-base':
			if (tag !== 'latest') {
				return undefined;
			}
			return {
				...base,
				libc: { family: 'glibc' },
				hasCCompiler: undefined,
				hasShell: true,
				notes: ['Wolfi packages are not compatible with Alpine packages even though both use apk', 'glibc version not recorded'],
				sources: [facts('5.3'), CG_WOLFI],
			};
		default:
			return undefined;
	}
}

/** Chainguard images on cgr.dev (static, glibc-dynamic, wolfi-base). */
export const chainguardFamily: ImageFamily = {
	names: ['cgr.dev/chainguard/static', 'cgr.dev/chainguard/glibc-dynamic', 'cgr.dev/chainguard/wolfi-base'],
	resolve: chainguard,
	examples: [
		'cgr.dev/chainguard/static',
		'cgr.dev/chainguard/static:latest-glibc',
		'cgr.dev/chainguard/glibc-dynamic',
		'cgr.dev/chainguard/glibc-dynamic:latest-dev',
		'cgr.dev/chainguard/wolfi-base',
	],
};
