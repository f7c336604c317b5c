/**
 * Environment the official `golang` images set that changes how `go build` behaves: `GOTOOLCHAIN=local`.
 */
import type { Source } from './types';
import { url } from './sources';
import { goAtLeast, parseGoVersion } from './version';

/** What `GOTOOLCHAIN` is in a `golang:<tag>` image before the Dockerfile sets anything. */
export interface ImageGotoolchain {
	/** `local`; `unset` (cmd/go then defaults to `auto`, the go.dev/doc/toolchain default); undefined = not known. */
	readonly value: 'local' | 'unset' | undefined;
	readonly why: string;
	readonly sources: readonly Source[];
}

const DOCKERFILE_SOURCE = url(
	'https://github.com/docker-library/golang/blob/0844a73ae898184098ec47d74d5ec69ba1bd7a34/1.24/bookworm/Dockerfile',
	'2026-11-23',
	'"# don\'t auto-upgrade the gotoolchain / # https://github.com/docker-library/golang/issues/472 / ENV GOTOOLCHAIN=local"; the same lines are in 1.21/alpine3.18/Dockerfile (8e88a7ff)',
);
const PR_SOURCE = url(
	'https://github.com/docker-library/golang/pull/491',
	'2026-11-23',
	'merged; the template adds ENV GOTOOLCHAIN=local for every version except 1.20; shipped by docker-library/official-images#15424 on 2023-09-23',
);

/** The official images set it from this Go minor on (GOTOOLCHAIN itself exists since Go 1.21). */
export const GOLANG_IMAGE_GOTOOLCHAIN_SINCE = '1.21';

/** Patch tags whose last image build predates docker-library/golang#491 (2023-09-23). */
const BUILT_BEFORE_CHANGE = new Set(['1.21.0']);

/** `GOTOOLCHAIN` in the `golang` image whose tag carries Go version `goVersion` (`1.24`, `1.21.0`). */
export function golangImageGotoolchain(goVersion: string): ImageGotoolchain {
	const sources = [DOCKERFILE_SOURCE, PR_SOURCE];
	const v = parseGoVersion(goVersion);
	if (!v) return { value: undefined, why: `Go version "${goVersion}" is not understood`, sources };
	if (goAtLeast(goVersion, GOLANG_IMAGE_GOTOOLCHAIN_SINCE) === false) {
		return { value: 'unset', why: `Go ${goVersion} predates GOTOOLCHAIN (Go 1.21)`, sources };
	}
	if (BUILT_BEFORE_CHANGE.has(goVersion)) {
		return { value: undefined, why: `the golang:${goVersion} image was last built before the official images set GOTOOLCHAIN=local (2023-09-23)`, sources };
	}
	return { value: 'local', why: 'the official golang image sets ENV GOTOOLCHAIN=local', sources };
}
