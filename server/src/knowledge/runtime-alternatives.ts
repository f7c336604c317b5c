import type { ImageFacts } from './types';

/**
 * Runtime images that carry the same C library as a builder image, for "switch the runtime image" fixes.
 * Only images FACTS §5.3 names as currently published: distroless `base-debian12` and `base-debian13`
 * ("any other tags are considered deprecated"), and the Debian/Alpine release the builder itself uses.
 */
const DISTROLESS_BASE_RELEASES = new Set(['12', '13']);

export function runtimeAlternativesFor(builder: ImageFacts): string[] {
	const distro = builder.distro;
	if (!distro || !builder.libc) return [];
	if (distro.name === 'debian' && builder.libc.family === 'glibc') {
		const out: string[] = [];
		if (distro.codename) out.push(`debian:${distro.codename}-slim`);
		if (distro.release && DISTROLESS_BASE_RELEASES.has(distro.release)) out.push(`gcr.io/distroless/base-debian${distro.release}`);
		return out;
	}
	if (distro.name === 'alpine' && distro.release) return [`alpine:${distro.release}`];
	return [];
}
