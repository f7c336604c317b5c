/**
 * Source helpers and the dates of the knowledge base.
 *
 * FACTS.md is the project's verified fact sheet; its Docker history read ends 2026-08-21, so
 * facts taken from it are "as of" that date. Sources verified separately (by URL) carry the date
 * the source itself shows, or the date they were read.
 */
import type { Source } from './types';

/** The date the knowledge base describes: the end of the FACTS.md history read. */
export const KNOWLEDGE_AS_OF = '2026-08-21';

/** The date extra sources (URLs) were read while writing these tables. */
export const RETRIEVED = '2026-11-23';

/** A FACTS.md section, e.g. `facts('5.2')` → `FACTS §5.2`. */
export function facts(section: string, note?: string): Source {
	return note === undefined
		? { ref: `FACTS §${section}`, asOf: KNOWLEDGE_AS_OF }
		: { ref: `FACTS §${section}`, asOf: KNOWLEDGE_AS_OF, note };
}

/** A SCENARIOS.md entry (real user reports collected for the project). */
export function scenarios(note: string): Source {
	return { ref: 'SCENARIOS.md', asOf: KNOWLEDGE_AS_OF, note };
}

/** A URL source. */
export function url(ref: string, asOf: string = RETRIEVED, note?: string): Source {
	return note === undefined ? { ref, asOf } : { ref, asOf, note };
}

/** Frequently cited URLs (read with the search tool; see each use for what it supports). */
export const URLS = {
	golangDebianDockerfile:
		'https://github.com/docker-library/golang/blob/0844a73ae898184098ec47d74d5ec69ba1bd7a34/1.24/bookworm/Dockerfile',
	golangAlpineDockerfile:
		'https://github.com/docker-library/golang/blob/1538c1993363659087125a7f2a18f5136ba12de2/1.24/alpine3.22/Dockerfile',
	officialDebian:
		'https://github.com/docker-library/official-images/blob/00c85064a0733ec5fb0da3c184ce16f1675b3e3a/library/debian',
	repoInfoDebianLatest:
		'https://github.com/docker-library/repo-info/blob/029a6a7362cedcc060abd73f6f43fda5c5728880/repos/debian/local/latest.md',
	repoInfoUbuntuLatest:
		'https://github.com/docker-library/repo-info/blob/34e0037a44e0990e8bd1ee7cc265e12874b1c0ed/repos/ubuntu/local/latest.md',
	distrolessReadme2023:
		'https://github.com/GoogleContainerTools/distroless/blob/00121b687b7663d006341f499294294f4edf6ece/README.md',
	chainguardStatic: 'https://edu.chainguard.dev/chainguard/chainguard-images/reference/static/',
	chainguardGlibcDynamic: 'https://images.chainguard.dev/directory/image/glibc-dynamic/overview',
	chainguardCompiled:
		'https://edu.chainguard.dev/chainguard/chainguard-images/working-with-images/images-compiled-programs/compiled-programs',
	debianTrixieRelease: 'https://www.debian.org/News/2025/20250809',
	debianTrixieDockerPr: 'https://github.com/docker-library/official-images/pull/19655',
	ubuntuReleases: 'https://wiki.ubuntu.com/Releases',
	goToolchainDoc: 'https://go.dev/doc/toolchain',
	linkDoc: 'https://tip.golang.org/src/cmd/link/doc.go',
} as const;
