/**
 * Image lookups: `lookupImage`, user-provided facts, and glibc-floor summaries.
 */
import { formatImageRef, parseImageRef } from '../image-ref';
import { KNOWLEDGE_AS_OF } from '../sources';
import type { ImageFacts, ImageRef, LibcFamily, Source } from '../types';
import { compareDottedVersions } from '../version';
import { alpineFamily } from './alpine';
import type { ImageFamily } from './common';
import { DEBIAN_RELEASES, debianFamily } from './debian';
import { distrolessFamily } from './distroless';
import { golangFamily } from './golang';
import { amazonLinuxFamily, RHEL_GLIBC, rhelCloneFamily, ubiFamily } from './rhel';
import { busyboxFamily, chainguardFamily, scratchFamily } from './small-bases';
import { UBUNTU_RELEASES, ubuntuFamily } from './ubuntu';

/** Every image family, in lookup order. */
export const IMAGE_FAMILIES: readonly ImageFamily[] = [
	golangFamily,
	debianFamily,
	ubuntuFamily,
	alpineFamily,
	distrolessFamily,
	scratchFamily,
	busyboxFamily,
	chainguardFamily,
	ubiFamily,
	rhelCloneFamily,
	amazonLinuxFamily,
];

const BY_NAME = new Map<string, ImageFamily>();
for (const f of IMAGE_FAMILIES) {
	for (const n of f.names) {
		BY_NAME.set(n, f);
	}
}

export interface LookupOptions {
	/** Target platform, e.g. `linux/arm/v6`; some images differ per platform. */
	readonly platform?: string;
}

/** A lookup function: the built-in one, or one with user facts layered on top. */
export type ImageLookup = (ref: string | ImageRef, options?: LookupOptions) => ImageFacts | undefined;

/**
 * What the knowledge base knows about an image reference. Undefined means "not known": callers
 * then say "libc of <image> is not known" as information, never as an error.
 * A digest alone is not known; a tag plus digest keeps the tag's facts.
 */
export const lookupImage: ImageLookup = (ref, options = {}) => {
	if (typeof ref !== 'string') return resolveImage(ref, options);
	// Facts of a reference never change while the process runs; a project names the same few images again and again.
	const key = options.platform === undefined ? ref : `${ref}\n${options.platform}`;
	if (lookups.has(key)) return lookups.get(key);
	if (lookups.size >= MAX_REMEMBERED_LOOKUPS) lookups.clear();
	const facts = resolveImage(ref, options);
	lookups.set(key, facts);
	return facts;
};

const MAX_REMEMBERED_LOOKUPS = 2048;
const lookups = new Map<string, ImageFacts | undefined>();

function resolveImage(ref: string | ImageRef, options: LookupOptions): ImageFacts | undefined {
	const r = typeof ref === 'string' ? parseImageRef(ref) : ref;
	if (!r || r.tag === undefined) {
		return undefined;
	}
	const family = BY_NAME.get(r.canonicalName);
	const body = family?.resolve(r.canonicalName, r.tag, options.platform !== undefined ? { platform: options.platform } : {});
	if (!body) {
		return undefined;
	}
	const notes = r.digest ? [...(body.notes ?? []), 'pinned by digest: facts are those of the tag and may not match the digest'] : body.notes;
	const floating = body.floating ? { ...body.floating, asOf: body.floating.asOf ?? KNOWLEDGE_AS_OF } : undefined;
	return { reference: formatImageRef(r), ...body, ...(floating ? { floating } : {}), ...(notes ? { notes } : {}) };
}

/** What `.shipcheck.yaml` `images:` may say about an image. */
export interface UserImageFacts {
	readonly libc: LibcFamily;
	readonly version?: string;
}

export interface UserImageOptions {
	/** Where the facts come from, for messages; default `.shipcheck.yaml images:`. */
	readonly sourceRef?: string;
	readonly asOf?: string;
}

/**
 * A lookup that consults user-provided facts first. Keys are image references; a key without a tag
 * (`registry.example.com/base`) applies to every tag of that repository, a key with a tag only to that tag.
 */
export function withUserImages(map: Readonly<Record<string, UserImageFacts>>, opts: UserImageOptions = {}, fallback: ImageLookup = lookupImage): ImageLookup {
	const exact = new Map<string, UserImageFacts>();
	const byRepo = new Map<string, UserImageFacts>();
	for (const [key, value] of Object.entries(map)) {
		const r = parseImageRef(key);
		if (!r) {
			continue;
		}
		if (r.explicitTag && r.tag !== undefined) {
			exact.set(`${r.canonicalName}:${r.tag}`, value);
		} else if (!r.digest) {
			byRepo.set(r.canonicalName, value);
		}
	}
	const source: Source = { ref: opts.sourceRef ?? '.shipcheck.yaml images:', asOf: opts.asOf ?? KNOWLEDGE_AS_OF, note: 'user-provided' };
	// No user facts (the usual case): the built-in lookup as it is, with its memory of earlier lookups.
	if (exact.size === 0 && byRepo.size === 0) return fallback;
	return (ref, options) => {
		const r = typeof ref === 'string' ? parseImageRef(ref) : ref;
		if (!r) {
			return undefined;
		}
		const user = (r.tag !== undefined ? exact.get(`${r.canonicalName}:${r.tag}`) : undefined) ?? byRepo.get(r.canonicalName);
		if (!user) {
			return fallback(ref, options);
		}
		const builtIn = fallback(r, options);
		return {
			reference: formatImageRef(r),
			os: builtIn?.os ?? 'linux',
			...(builtIn?.distro ? { distro: builtIn.distro } : {}),
			libc: user.version !== undefined ? { family: user.libc, version: user.version } : { family: user.libc },
			hasCCompiler: builtIn?.hasCCompiler,
			hasShell: builtIn?.hasShell,
			...(builtIn?.goVersion ? { goVersion: builtIn.goVersion } : {}),
			sources: [source],
		};
	};
}

/** A known image or host with a glibc older than some floor. */
export interface GlibcTarget {
	/** Short label for messages: `Debian 11`, `Ubuntu 20.04`, `RHEL 8`. */
	readonly label: string;
	readonly glibc: string;
	/** Image references that have this glibc. */
	readonly images: readonly string[];
	readonly sources: readonly Source[];
}

let knownGlibcTargets: readonly GlibcTarget[] | undefined;

function glibcTargets(): readonly GlibcTarget[] {
	knownGlibcTargets ??= listGlibcTargets();
	return knownGlibcTargets;
}

function listGlibcTargets(): GlibcTarget[] {
	const t: GlibcTarget[] = [];
	for (const r of DEBIAN_RELEASES) {
		t.push({
			label: `Debian ${r.release}`,
			glibc: r.glibc,
			images: [`debian:${r.codename}`, `gcr.io/distroless/base-debian${r.release}`, `gcr.io/distroless/cc-debian${r.release}`],
			sources: r.sources,
		});
	}
	for (const r of UBUNTU_RELEASES) {
		t.push({ label: `Ubuntu ${r.release}`, glibc: r.glibc, images: [`ubuntu:${r.release}`], sources: r.sources });
	}
	for (const major of ['7', '8', '9']) {
		const g = RHEL_GLIBC[major];
		if (g?.glibc) {
			const images = major === '7' ? ['centos:7'] : [`registry.access.redhat.com/ubi${major}/ubi`, `rockylinux:${major}`, `almalinux:${major}`];
			t.push({ label: `RHEL ${major}`, glibc: g.glibc, images, sources: g.sources });
		}
	}
	t.push({ label: 'Amazon Linux 2', glibc: '2.26', images: ['amazonlinux:2'], sources: lookupImage('amazonlinux:2')?.sources ?? [] });
	t.push({ label: 'Amazon Linux 2023', glibc: '2.34', images: ['amazonlinux:2023'], sources: lookupImage('amazonlinux:2023')?.sources ?? [] });
	return t;
}

/**
 * Known images and hosts whose glibc is older than `floor` (e.g. `2.34`), oldest first — for messages
 * like "will not run on Debian 11, Ubuntu 20.04, RHEL 8".
 */
export function describeGlibcFloorFailures(floor: string): readonly GlibcTarget[] {
	let targets = floorFailures.get(floor);
	if (!targets) {
		targets = glibcTargets()
			.filter((t) => compareDottedVersions(t.glibc, floor) < 0)
			.sort((a, b) => compareDottedVersions(a.glibc, b.glibc) || compareCodeUnits(a.label, b.label));
		floorFailures.set(floor, targets);
	}
	return targets;
}
/** Labels are ASCII; localeCompare would load ICU's collator (about 14 ms on its first call in a CLI run). */
function compareCodeUnits(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
/** The tables never change while running, and a repository has only a handful of distinct floors. */
const floorFailures = new Map<string, readonly GlibcTarget[]>();

/** Joins target labels for a message: `Debian 11, Ubuntu 20.04, RHEL 8`. */
export function summariseTargets(targets: readonly GlibcTarget[]): string {
	return targets.map((t) => t.label).join(', ');
}

/** Example references covering every entry of every image table (for tests and docs). */
export function exampleImageReferences(): string[] {
	return IMAGE_FAMILIES.flatMap((f) => f.examples);
}
