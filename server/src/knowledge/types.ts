/**
 * Shared types of the knowledge base. Every fact carries at least one {@link Source}.
 * Knowledge is a leaf: nothing here imports other project folders, Node built-ins or vscode.
 */

/** Where a value comes from, and when it was true. */
export interface Source {
	/** A FACTS.md section such as `FACTS §5.2`, or a URL. */
	readonly ref: string;
	/** ISO date (`YYYY-MM-DD`) at which the source was read or describes the fact. */
	readonly asOf: string;
	readonly note?: string;
}

export type LibcFamily = 'glibc' | 'musl' | 'none';

/** A C library. `none` means the image or binary has no libc and no ELF loader. */
export interface Libc {
	readonly family: LibcFamily;
	/** E.g. `2.36` for glibc or `1.2.5` for musl. Absent when not known. */
	readonly version?: string;
}

export type OperatingSystem = 'linux' | 'windows' | 'darwin';

export type DistroName =
	| 'debian'
	| 'ubuntu'
	| 'alpine'
	| 'rhel-like'
	| 'amazonlinux'
	| 'distroless'
	| 'wolfi'
	| 'busybox'
	| 'scratch';

export interface Distro {
	readonly name: DistroName;
	/** E.g. `12`, `24.04`, `3.20`, `9`, `2023`. */
	readonly release?: string;
	/** E.g. `bookworm`, `noble`. */
	readonly codename?: string;
}

/** A tag that moves: what it points to as of the knowledge date, and its history. */
export interface FloatingInfo {
	/** E.g. `golang:1.20-bookworm` or `debian:trixie`. */
	readonly resolvedTo: string;
	/** ISO date since which it points there, when known. */
	readonly since?: string;
	/** Human-readable history, e.g. `bullseye until 2023-06-12, bookworm since 2023-06-13`. */
	readonly history: string;
	/** The date {@link resolvedTo} describes (for messages: "golang:1.24 points to trixie as of 2026-08-21"). */
	readonly asOf?: string;
}

/** What the knowledge base knows about one image reference. */
export interface ImageFacts {
	/** Normalised reference, e.g. `docker.io/library/golang:1.22`. */
	readonly reference: string;
	readonly os: OperatingSystem;
	readonly distro?: Distro;
	/** `undefined` means the libc is not known. A known family with no version is "family known, version not". */
	readonly libc: Libc | undefined;
	/** Whether a C compiler (gcc) is on PATH in the image. `undefined` = not known. */
	readonly hasCCompiler: boolean | undefined;
	/** Whether the image has a shell (`/bin/sh`). `undefined` = not known. */
	readonly hasShell: boolean | undefined;
	/** For Go builder images: the Go version as the tag says (`1.22` or `1.22.5`), or what a floating tag points to. */
	readonly goVersion?: string;
	readonly floating?: FloatingInfo;
	/** Why the tag should not be used any more (no longer updated, end of life). */
	readonly deprecated?: string;
	/** Set when the libc differs per platform; explains how (e.g. busybox:latest is musl on linux/arm/v6). */
	readonly platformDependent?: string;
	/** Extra remarks for hovers. */
	readonly notes?: readonly string[];
	readonly sources: readonly Source[];
}

/** A parsed image reference (see `image-ref.ts`). */
export interface ImageRef {
	/** The text as written (trimmed). */
	readonly original: string;
	/** Registry host (lower-case, with port if any); Docker Hub aliases become `docker.io`. */
	readonly registry: string;
	/** Repository path without registry, e.g. `library/golang` or `distroless/static-debian12`. */
	readonly repository: string;
	/** `registry/repository`, e.g. `docker.io/library/golang`. */
	readonly name: string;
	/**
	 * Name used for equality and lookups: like {@link name}, but mirrors of Docker Hub's library
	 * (`public.ecr.aws/docker/library/x`) map to `docker.io/library/x`.
	 */
	readonly canonicalName: string;
	/** The tag; `latest` when neither tag nor digest is written; `undefined` for a digest-only reference. */
	readonly tag: string | undefined;
	/** Whether the tag was written in the text. */
	readonly explicitTag: boolean;
	/** E.g. `sha256:…`. */
	readonly digest?: string;
}
