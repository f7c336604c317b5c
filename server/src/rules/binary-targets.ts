/**
 * The runtime images a binary verdict is given for: one or two per family users ship Go binaries in. The facts
 * about each (libc family and version) come from the knowledge base (`lookupImage`); this list only says which
 * references to ask about, in the order a reader scans them (no libc first, then musl, then glibc oldest first).
 */
export const RUNTIME_TARGETS: readonly string[] = [
	'scratch',
	'gcr.io/distroless/static-debian12',
	'gcr.io/distroless/base-debian12',
	'gcr.io/distroless/base-debian13',
	'alpine:3.18',
	'alpine:3.19',
	'alpine:3.20',
	'alpine:3.21',
	'alpine:3.22',
	'amazonlinux:2',
	'registry.access.redhat.com/ubi8/ubi-minimal',
	'debian:bullseye',
	'ubuntu:20.04',
	'registry.access.redhat.com/ubi9/ubi-minimal',
	'amazonlinux:2023',
	'ubuntu:22.04',
	'debian:bookworm',
	'ubuntu:24.04',
	'debian:trixie',
];

/** ELF e_machine short names (as the binary reader prints them) → GOARCH, for `linux/<arch>` platform strings. */
export const MACHINE_GOARCH: Readonly<Record<string, string>> = {
	'x86-64': 'amd64',
	aarch64: 'arm64',
	i386: '386',
	arm: 'arm',
	s390x: 's390x',
	riscv: 'riscv64',
	loongarch: 'loong64',
	ppc64: 'ppc64',
	mips: 'mips',
};

/**
 * Sonames every glibc or musl installation provides: the C library itself and the libraries glibc 2.34 merged into
 * libc.so.6 but still ships as stubs (FACTS §4.3), plus libm/librt/libresolv. musl's loader answers for `libc.so`
 * and the `libc.musl-<arch>.so.1` name itself.
 */
export const LIBC_SONAMES: Readonly<Record<'glibc' | 'musl', RegExp>> = {
	glibc: /^(libc\.so\.6|libpthread\.so\.0|libdl\.so\.2|libm\.so\.6|librt\.so\.1|libresolv\.so\.2|libutil\.so\.1|libanl\.so\.1|ld-linux[a-z0-9_-]*\.so\.\d+|ld64\.so\.[12])$/,
	musl: /^(libc\.so|libc\.musl-[a-z0-9_]+\.so\.1|ld-musl-[a-z0-9_]+\.so\.1)$/,
};
