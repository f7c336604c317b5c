/**
 * What `go build` flags, build tags and environment variables do, for hovers (FACTS §3, §7, §8).
 * Linker flags inside -ldflags are in `linker-flags.ts`.
 */
import { facts, url } from './sources';
import type { Source } from './types';

export interface Explanation {
	/** The name as users write it: `-trimpath`, `netgo`, `CGO_ENABLED`. */
	readonly name: string;
	/** One or two sentences, markdown. */
	readonly text: string;
	readonly sources: readonly Source[];
}

export const BUILD_TAG_EXPLANATIONS: readonly Explanation[] = [
	{
		name: 'netgo',
		text: 'Prefers the pure-Go DNS resolver and keeps `net` from using cgo. With `osusergo` too, a program whose only cgo users were `net` and `os/user` links statically even with `CGO_ENABLED=1`. Does nothing for third-party cgo packages.',
		sources: [facts('3.3')],
	},
	{
		name: 'osusergo',
		text: 'Forces the pure-Go implementation of `os/user` (no libc lookups through NSS). `netgo` alone leaves `os/user` on libc.',
		sources: [facts('3.3')],
	},
	{
		name: 'netcgo',
		text: 'Prefers the cgo (libc) DNS resolver in `net`.',
		sources: [facts('3.3')],
	},
	{
		name: 'purego',
		text: 'A convention: packages with assembly may provide a Go-only version under this tag (golang.org/x/crypto, cloudflare/circl, …). It **does not disable cgo** and never changes `CGO_ENABLED`; use `CGO_ENABLED=0` for that.',
		sources: [facts('3.4')],
	},
	{
		name: 'musl',
		text: 'For confluent-kafka-go: links the bundled musl build of librdkafka (`librdkafka_musl_linux_*.a`) instead of the glibc one. Needed on Alpine builders; without it the link fails with undefined references.',
		sources: [facts('7')],
	},
	{
		name: 'dynamic',
		text: 'For confluent-kafka-go: links the system librdkafka dynamically instead of the bundled static archive, so librdkafka must be installed where the binary runs.',
		sources: [facts('7')],
	},
];

export const GO_FLAG_EXPLANATIONS: readonly Explanation[] = [
	{
		name: '-trimpath',
		text: 'Removes file-system paths from the binary. It also keeps `-ldflags` and the `CGO_*FLAGS` out of the embedded build info, so `go version -m` cannot show whether `-s -w` was used: inspect `.symtab`/`.debug_*` instead.',
		sources: [facts('8')],
	},
	{
		name: '-race',
		text: 'Builds with the race detector, which needs cgo and a C toolchain on Linux: the binary is dynamically linked against the builder\'s C library.',
		sources: [facts('3.2')],
	},
	{
		name: '-buildmode',
		text: '`pie` without cgo still produces a dynamically linked PIE that needs the ELF loader (it fails on scratch); `c-shared`, `c-archive` and `plugin` need external linking and therefore cgo.',
		sources: [facts('3.2'), facts('3.5')],
	},
	{
		name: '-tags',
		text: 'Build constraints to satisfy, comma-separated (a space-separated list is the older form). Tags that change linkage: `netgo`, `osusergo`; `purego` does not disable cgo.',
		sources: [facts('3.3'), facts('3.4')],
	},
	{
		name: '-ldflags',
		text: 'Flags for the Go linker (`cmd/link`): `-s`, `-w`, `-X`, `-linkmode`, `-extldflags`. Hover over each one for what it changes.',
		sources: [facts('2.1')],
	},
];

export const ENV_EXPLANATIONS: readonly Explanation[] = [
	{
		name: 'CGO_ENABLED',
		text: 'Whether cgo is used. Unset: on for native builds when a C compiler is found; since Go 1.20 off when `CC` is unset and no C compiler is on PATH; off for cross builds unless set to 1 (setting `CC` alone does not turn it on).',
		sources: [facts('3.1')],
	},
	{
		name: 'GOOS',
		text: 'Target operating system. A value other than the build host\'s makes a cross build, where cgo defaults to off.',
		sources: [facts('3.1')],
	},
	{
		name: 'GOARCH',
		text: 'Target architecture. A value other than the build host\'s makes a cross build, where cgo defaults to off; with `CGO_ENABLED=1` a cross C compiler is needed.',
		sources: [facts('3.1')],
	},
	{
		name: 'CC',
		text: 'The C compiler cgo uses. For native builds a set `CC` skips the "no C compiler" check (Go 1.20+); for cross builds it must be a cross compiler and `CGO_ENABLED=1` must be set too.',
		sources: [facts('3.1')],
	},
	{
		name: 'GOTOOLCHAIN',
		text: 'Which Go toolchain runs: `local` uses the installed one only (a go.mod that needs a newer Go is an error); `auto` may download the version go.mod asks for.',
		sources: [url('https://go.dev/doc/toolchain', '2026-11-23')],
	},
	{
		name: 'GOFLAGS',
		text: 'Space-separated `-flag=value` defaults for go commands; flags on the command line win.',
		sources: [url('https://pkg.go.dev/cmd/go#hdr-Environment_variables', '2026-11-23')],
	},
	{
		name: 'GODEBUG',
		text: 'Comma-separated runtime and standard-library settings. Unknown keys in this environment variable are silently ignored by the runtime; in `//go:debug` lines and go.mod `godebug` blocks they are build errors.',
		sources: [facts('1.4')],
	},
];

export function explainBuildTag(tag: string): Explanation | undefined {
	return BUILD_TAG_EXPLANATIONS.find((e) => e.name === tag);
}

export function explainGoFlag(flag: string): Explanation | undefined {
	const name = flag.startsWith('--') ? flag.slice(1) : flag;
	return GO_FLAG_EXPLANATIONS.find((e) => e.name === name);
}

export function explainEnv(name: string): Explanation | undefined {
	return ENV_EXPLANATIONS.find((e) => e.name === name);
}
