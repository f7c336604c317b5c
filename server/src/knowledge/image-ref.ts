/**
 * Parsing and normalising container image references, following the grammar of
 * `github.com/distribution/reference` (domain, path components, tag, digest).
 */
import type { ImageRef } from './types';

/** Hosts that all mean Docker Hub. */
const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);

/** Registries that mirror Docker Hub's official (`library/`) images under a path prefix. */
const LIBRARY_MIRRORS: readonly { readonly prefix: string }[] = [
	// Amazon ECR Public Gallery "Docker Official Images" mirror.
	{ prefix: 'public.ecr.aws/docker/library/' },
];

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[A-Za-z0-9=_-]{32,}$/;
const DOMAIN = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*(?::\d+)?$/;

/**
 * Parses an image reference such as `golang:1.22-alpine`, `gcr.io/distroless/static-debian12:nonroot`,
 * `localhost:5000/team/app@sha256:…`. Returns undefined for text that is not a reference, or that is
 * dynamic (contains `$`, e.g. `golang:${GO_VERSION}`).
 */
export function parseImageRef(text: string): ImageRef | undefined {
	const original = text.trim();
	if (original === '' || original.includes('$') || /\s/.test(original)) {
		return undefined;
	}
	let rest = original;
	let digest: string | undefined;
	const at = rest.indexOf('@');
	if (at >= 0) {
		digest = rest.slice(at + 1);
		rest = rest.slice(0, at);
		if (!DIGEST.test(digest) || (digest.startsWith('sha256:') && !/^sha256:[a-f0-9]{64}$/.test(digest))) {
			return undefined;
		}
	}
	let tag: string | undefined;
	const lastSlash = rest.lastIndexOf('/');
	const colon = rest.lastIndexOf(':');
	if (colon > lastSlash) {
		tag = rest.slice(colon + 1);
		rest = rest.slice(0, colon);
		if (!TAG.test(tag)) {
			return undefined;
		}
	}
	const parts = rest.split('/');
	let registry = 'docker.io';
	const first = parts[0];
	if (parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost')) {
		if (!DOMAIN.test(first)) {
			return undefined;
		}
		registry = first.toLowerCase();
		parts.shift();
	}
	if (parts.length === 0 || !parts.every((p) => PATH_COMPONENT.test(p))) {
		return undefined;
	}
	if (DOCKER_HUB_ALIASES.has(registry)) {
		registry = 'docker.io';
		if (parts.length === 1) {
			parts.unshift('library');
		}
	}
	const repository = parts.join('/');
	const name = `${registry}/${repository}`;
	const explicitTag = tag !== undefined;
	if (tag === undefined && digest === undefined) {
		tag = 'latest';
	}
	const ref: ImageRef = {
		original,
		registry,
		repository,
		name,
		canonicalName: canonicalName(name),
		tag,
		explicitTag,
		...(digest !== undefined ? { digest } : {}),
	};
	return ref;
}

function canonicalName(name: string): string {
	for (const m of LIBRARY_MIRRORS) {
		if (name.startsWith(m.prefix) && name.length > m.prefix.length) {
			return `docker.io/library/${name.slice(m.prefix.length)}`;
		}
	}
	return name;
}

/** True when both references name the same repository (tags and digests ignored). */
export function sameRepository(a: string | ImageRef, b: string | ImageRef): boolean {
	const ra = typeof a === 'string' ? parseImageRef(a) : a;
	const rb = typeof b === 'string' ? parseImageRef(b) : b;
	return ra !== undefined && rb !== undefined && ra.canonicalName === rb.canonicalName;
}

/** Formats a reference in normal form: `docker.io/library/golang:1.22@sha256:…`. */
export function formatImageRef(ref: ImageRef): string {
	let s = ref.canonicalName;
	if (ref.tag !== undefined) {
		s += `:${ref.tag}`;
	}
	if (ref.digest !== undefined) {
		s += `@${ref.digest}`;
	}
	return s;
}

/** The short, familiar form for messages: `golang:1.22`, `gcr.io/distroless/static-debian12:nonroot`. */
export function familiarName(ref: ImageRef): string {
	let s = ref.canonicalName;
	if (s.startsWith('docker.io/library/')) {
		s = s.slice('docker.io/library/'.length);
	} else if (s.startsWith('docker.io/')) {
		s = s.slice('docker.io/'.length);
	}
	if (ref.tag !== undefined) {
		s += `:${ref.tag}`;
	}
	if (ref.digest !== undefined) {
		s += `@${ref.digest}`;
	}
	return s;
}
