/**
 * Building blocks shared by the image tables.
 */
import type { ImageFacts } from '../types';

/** Facts without the reference; the lookup fills the reference in. */
export type ImageFactsBody = Omit<ImageFacts, 'reference'>;

export interface ResolveContext {
	/** A platform such as `linux/arm/v6`, `linux/arm64`, `arm32v6`; absent when not known. */
	readonly platform?: string;
}

/** One family of images (one table file): which repositories it answers for and how it reads tags. */
export interface ImageFamily {
	/** Canonical repository names, e.g. `docker.io/library/debian`. */
	readonly names: readonly string[];
	/** Facts for a tag of one of {@link names}, or undefined when the tag is not known. */
	resolve(name: string, tag: string, ctx: ResolveContext): ImageFactsBody | undefined;
	/** Example references that together cover every entry of the family's tables (used by tests). */
	readonly examples: readonly string[];
}

/** Splits a trailing `-slim`-style suffix off a tag. */
export function stripSuffix(tag: string, suffix: string): { base: string; had: boolean } {
	return tag.endsWith(suffix) ? { base: tag.slice(0, -suffix.length), had: true } : { base: tag, had: false };
}

/** Normalises a platform string to an architecture key: `amd64`, `arm64`, `arm/v6`, `arm/v7`, `386`, … */
export function platformArch(platform: string | undefined): string | undefined {
	if (!platform) {
		return undefined;
	}
	const p = platform.trim().toLowerCase();
	const table: Record<string, string> = {
		arm32v5: 'arm/v5',
		arm32v6: 'arm/v6',
		arm32v7: 'arm/v7',
		arm64v8: 'arm64',
		i386: '386',
		amd64: 'amd64',
		arm64: 'arm64',
	};
	if (table[p]) {
		return table[p];
	}
	const m = /^(?:linux\/)?([a-z0-9]+)(?:\/(v\d+))?$/.exec(p);
	if (!m) {
		return undefined;
	}
	const arch = m[1] === 'aarch64' ? 'arm64' : m[1] === 'x86_64' ? 'amd64' : m[1];
	if (arch === 'arm64') {
		return 'arm64';
	}
	return m[2] ? `${arch}/${m[2]}` : arch;
}
