/**
 * Go toolchain behaviour by version: the defaults and directives that rules decide on.
 * Rules ask here instead of hard-coding "since 1.20" and the like.
 */
import { facts, url, URLS } from './sources';
import type { Source } from './types';
import { goAtLeast } from './version';

/** The newest Go release known to the knowledge base (FACTS: "Go 1.27.0 is the current release"). */
export const NEWEST_GO_RELEASE = '1.27';

/** A toolchain behaviour that starts at a Go version. */
export interface GoFeature {
	readonly since: string;
	readonly summary: string;
	readonly sources: readonly Source[];
	readonly notes?: readonly string[];
}

/** Go toolchain features by the version they start in. */
export const GO_FEATURES = {
	/** CGO_ENABLED defaults to 0 when CC is unset and the default C compiler is not on PATH (native builds). */
	cgoOffWithoutCompiler: {
		since: '1.20',
		summary: 'with CGO_ENABLED and CC unset, cgo is off when the default C compiler (gcc/clang) is not on PATH',
		sources: [facts('3.1', 'doc/go1.20.html; cmd/go/internal/cfg/cfg.go'), facts('9', 'go1.19.8 with an empty PATH still reported CGO_ENABLED=1')],
	},
	/** `-s` implies `-w` unless `-w` is given, and `-w=0` re-enables DWARF. */
	stripImpliesNoDwarf: {
		since: '1.22',
		summary: '-s implies -w, which can be negated with -w=0 (-s -w=0 keeps DWARF, drops the symbol table)',
		sources: [facts('2.1', 'Go 1.22 release notes, quoted in golang/go#71051')],
		notes: ['on ELF, -s already dropped DWARF before 1.22 (dwarfEnabled in Go 1.19); 1.22 made darwin behave the same and added -w=0'],
	},
	/** The `toolchain` directive in go.mod / go.work. */
	toolchainDirective: {
		since: '1.21',
		summary: 'go.mod and go.work accept a toolchain line; GOTOOLCHAIN selects or downloads toolchains',
		sources: [facts('6', 'claim 4: directives are module, go, toolchain (1.21), godebug (1.23) …'), url(URLS.goToolchainDoc)],
	},
	/** The `go` line is a minimum requirement rather than advisory. */
	goLineIsMinimum: {
		since: '1.21',
		summary: 'the go line is a mandatory minimum: toolchains refuse (or switch away from) modules that declare a newer Go',
		sources: [url(URLS.goToolchainDoc, '2026-11-23', '"Before Go 1.21, the directive was advisory only; now it is a mandatory requirement"')],
		notes: ['partly backported: Go 1.19.13+ and 1.20.8+ refuse modules declaring go 1.22 or later (go.dev/doc/toolchain)'],
	},
	/** Go 1.21+ adjusts GODEBUG defaults to the go line; go 1.19 and lower behave like 1.20. */
	godebugDefaultsFromGoLine: {
		since: '1.21',
		summary: 'the toolchain adjusts GODEBUG defaults to the go version in go.mod (a go line of 1.19 or lower counts as 1.20)',
		sources: [facts('1.5')],
	},
	/** `//go:debug key=value` lines at the top of main packages. */
	goDebugDirectiveComment: {
		since: '1.21',
		summary: '//go:debug key=value before the package clause of a main package; older toolchains ignore it',
		sources: [facts('1.5')],
	},
	/** An unknown key in //go:debug is a build error (in the environment variable it is ignored). */
	unknownGodebugDirectiveIsError: {
		since: '1.21',
		summary: 'an unrecognised setting in //go:debug is an invalid program',
		sources: [facts('1.4')],
	},
	/** The `godebug` block in go.mod / go.work. */
	godebugInGoMod: {
		since: '1.23',
		summary: 'go.mod/go.work accept godebug lines; older toolchains reject every godebug line',
		sources: [facts('1.5')],
	},
	/** The `tool` directive in go.mod. */
	toolDirective: { since: '1.24', summary: 'go.mod accepts tool lines', sources: [facts('6', 'claim 4')] },
	/** The `ignore` directive in go.mod. */
	ignoreDirective: { since: '1.25', summary: 'go.mod accepts ignore lines', sources: [facts('6', 'claim 4')] },
	/** On macOS, net and os/user stop using cgo. */
	darwinNetWithoutCgo: {
		since: '1.20',
		summary: 'on macOS, net and os/user no longer use cgo',
		sources: [facts('3.2', 'doc/go1.20.html')],
	},
	/** debugCallV2 (register ABI); debugCallV1 is gone. */
	debugCallV2: {
		since: '1.17',
		summary: 'runtime.debugCallV2 came with the register ABI',
		sources: [facts('6', 'claim 5: go-delve/delve#2469')],
	},
} as const satisfies Record<string, GoFeature>;

export type GoFeatureName = keyof typeof GO_FEATURES;

/**
 * Whether `version` (`1.22`, `1.22.5`, `go1.22.5`) has the feature. Undefined when the version is
 * not parseable.
 */
export function goFeature(version: string, feature: GoFeatureName): boolean | undefined {
	return goAtLeast(version, GO_FEATURES[feature].since);
}

/** Minimum Linux kernel for a Go version, with per-architecture exceptions (FACTS §4.4). */
export interface KernelRequirement {
	readonly minKernel: string;
	readonly lastRelease?: string;
	readonly notes: readonly string[];
	readonly sources: readonly Source[];
}

const KERNEL_SRC = facts('4.4', 'go.dev/wiki/MinimumRequirements and wiki/Linux');

/** Kernel requirement of the Go version `version` on Linux (optionally for one GOARCH). */
export function linuxKernelRequirement(version: string, goarch?: string): KernelRequirement | undefined {
	const at124 = goAtLeast(version, '1.24');
	const at119 = goAtLeast(version, '1.19');
	if (at124 === undefined || at119 === undefined) {
		return undefined;
	}
	const notes: string[] = [];
	let minKernel = at124 ? '3.2' : at119 ? '2.6.32' : '2.6.23';
	const lastRelease = at124 ? undefined : at119 ? '1.23.12' : '1.18.10';
	if (goarch === 'loong64') {
		minKernel = '5.19';
		notes.push('loong64 needs Linux 5.19 or later');
	} else if (goarch === 'mips64le') {
		minKernel = '4.8';
		notes.push('mips64le needs Linux 4.8 or later');
	} else if (goarch === 'arm' && !at124) {
		notes.push('ARMv5 needed Linux 3.1 or later up to Go 1.23');
	}
	notes.push('the kernel needs CONFIG_FUTEX and CONFIG_EPOLL', 'the wiki states no minimum glibc: a cgo binary\'s glibc floor comes from the build host');
	return { minKernel, ...(lastRelease ? { lastRelease } : {}), notes, sources: [KERNEL_SRC] };
}

/** Whether a Go version is newer than anything the knowledge base knows (e.g. `1.28` while 1.27 is newest). */
export function isNewerThanKnown(version: string): boolean | undefined {
	const atNext = goAtLeast(version, `1.${Number(NEWEST_GO_RELEASE.split('.')[1]) + 1}`);
	return atNext;
}
