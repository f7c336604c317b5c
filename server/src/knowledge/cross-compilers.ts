/**
 * Packages and tools that provide a native or cross C compiler, C headers, or glibc shims on musl —
 * as data for rules that decide whether cgo can work in a build step.
 */
import { facts, scenarios, url } from './sources';
import type { Source } from './types';

export type PackageManager = 'apt' | 'apk' | 'tool';

/** What a package or tool gives a cgo build. */
export type CompilerRole =
	| 'native-c' // a C compiler for the build host
	| 'cross-c' // a C compiler for another GOOS/GOARCH
	| 'c-headers' // libc headers / crt files needed next to a compiler
	| 'meta' // a meta package pulling in a compiler and headers
	| 'libc-shim' // glibc compatibility on musl: may start glibc binaries, then fail
	| 'cross-helper'; // wrappers that configure cross builds (tonistiigi/xx)

/** A compiler target: GOOS/GOARCH plus the libc the compiler links against. */
export interface CTarget {
	readonly goos: 'linux' | 'windows';
	readonly goarch: string;
	readonly libc?: 'glibc' | 'musl';
}

export interface CompilerPackage {
	readonly manager: PackageManager;
	readonly name: string;
	readonly role: CompilerRole;
	/** Compiler commands it installs, e.g. `aarch64-linux-gnu-gcc`. */
	readonly commands?: readonly string[];
	readonly target?: CTarget;
	readonly notes?: readonly string[];
	readonly sources: readonly Source[];
}

const DEBIAN_APT = (name: string, desc: string): Source =>
	url(`https://packages.debian.org/bookworm/${name}`, '2026-11-23', `apt-cache show on Debian 12: "${desc}"`);

function aptCross(name: string, triple: string, goarch: string, desc: string): CompilerPackage {
	return {
		manager: 'apt',
		name,
		role: 'cross-c',
		commands: [`${triple}-gcc`],
		target: { goos: 'linux', goarch, libc: 'glibc' },
		sources: [DEBIAN_APT(name, desc)],
	};
}

/** Known packages and tools. */
export const COMPILER_PACKAGES: readonly CompilerPackage[] = [
	// Debian / Ubuntu (apt)
	{ manager: 'apt', name: 'gcc', role: 'native-c', commands: ['gcc', 'cc'], sources: [DEBIAN_APT('gcc', 'GNU C compiler')] },
	{ manager: 'apt', name: 'g++', role: 'native-c', commands: ['g++'], notes: ['pulls in gcc'], sources: [DEBIAN_APT('g++', 'GNU C++ compiler')] },
	{ manager: 'apt', name: 'build-essential', role: 'meta', commands: ['gcc', 'cc'], sources: [DEBIAN_APT('build-essential', 'Informational list of build-essential packages')] },
	{ manager: 'apt', name: 'clang', role: 'native-c', commands: ['clang'], notes: ['cross-compiles with --target=<triple> only when a sysroot for the target is available'], sources: [DEBIAN_APT('clang', 'C, C++ and Objective-C compiler (LLVM based), clang binary')] },
	{ manager: 'apt', name: 'libc6-dev', role: 'c-headers', sources: [DEBIAN_APT('libc6-dev', 'GNU C Library: Development Libraries and Header Files')] },
	{
		manager: 'apt',
		name: 'musl-tools',
		role: 'native-c',
		commands: ['musl-gcc'],
		target: { goos: 'linux', goarch: 'host', libc: 'musl' },
		notes: ['CC=musl-gcc links against musl: interpreter /lib/ld-musl-x86_64.so.1 on amd64 (FACTS §4.1)'],
		sources: [DEBIAN_APT('musl-tools', 'standard C library tools'), facts('9', 'CC=musl-gcc go build')],
	},
	aptCross('gcc-aarch64-linux-gnu', 'aarch64-linux-gnu', 'arm64', 'GNU C compiler for the arm64 architecture'),
	aptCross('gcc-arm-linux-gnueabihf', 'arm-linux-gnueabihf', 'arm', 'GNU C compiler for the armhf architecture'),
	aptCross('gcc-arm-linux-gnueabi', 'arm-linux-gnueabi', 'arm', 'GNU C compiler for the armel architecture'),
	aptCross('gcc-i686-linux-gnu', 'i686-linux-gnu', '386', 'GNU C compiler for the i386 architecture'),
	aptCross('gcc-riscv64-linux-gnu', 'riscv64-linux-gnu', 'riscv64', 'GNU C compiler for the riscv64 architecture'),
	aptCross('gcc-s390x-linux-gnu', 's390x-linux-gnu', 's390x', 'GNU C compiler for the s390x architecture'),
	aptCross('gcc-powerpc64le-linux-gnu', 'powerpc64le-linux-gnu', 'ppc64le', 'GNU C compiler for the ppc64el architecture'),
	aptCross('gcc-mips64el-linux-gnuabi64', 'mips64el-linux-gnuabi64', 'mips64le', 'GNU C compiler for the mips64el architecture'),
	{ manager: 'apt', name: 'libc6-dev-arm64-cross', role: 'c-headers', target: { goos: 'linux', goarch: 'arm64', libc: 'glibc' }, sources: [DEBIAN_APT('libc6-dev-arm64-cross', 'GNU C Library: Development Libraries and Header Files (for cross-compiling)')] },
	{ manager: 'apt', name: 'crossbuild-essential-arm64', role: 'meta', commands: ['aarch64-linux-gnu-gcc'], target: { goos: 'linux', goarch: 'arm64', libc: 'glibc' }, sources: [DEBIAN_APT('crossbuild-essential-arm64', 'Informational list of cross-build-essential packages')] },
	{ manager: 'apt', name: 'crossbuild-essential-armhf', role: 'meta', commands: ['arm-linux-gnueabihf-gcc'], target: { goos: 'linux', goarch: 'arm', libc: 'glibc' }, sources: [DEBIAN_APT('crossbuild-essential-armhf', 'Informational list of cross-build-essential packages')] },
	{ manager: 'apt', name: 'gcc-mingw-w64', role: 'cross-c', commands: ['x86_64-w64-mingw32-gcc', 'i686-w64-mingw32-gcc'], target: { goos: 'windows', goarch: 'amd64' }, sources: [DEBIAN_APT('gcc-mingw-w64', 'GNU C compiler for MinGW-w64')] },
	{ manager: 'apt', name: 'gcc-mingw-w64-x86-64', role: 'cross-c', commands: ['x86_64-w64-mingw32-gcc'], target: { goos: 'windows', goarch: 'amd64' }, sources: [DEBIAN_APT('gcc-mingw-w64-x86-64', 'GNU C compiler for MinGW-w64 targeting Win64')] },
	{ manager: 'apt', name: 'gcc-mingw-w64-i686', role: 'cross-c', commands: ['i686-w64-mingw32-gcc'], target: { goos: 'windows', goarch: '386' }, sources: [DEBIAN_APT('gcc-mingw-w64-i686', 'GNU C compiler for MinGW-w64 targeting Win32')] },
	// Alpine (apk)
	{ manager: 'apk', name: 'gcc', role: 'native-c', commands: ['gcc', 'cc'], notes: ['needs musl-dev for headers (SCENARIOS 7: "gcc musl-dev")'], sources: [facts('6', 'claim 3: cgo on Alpine with gcc + musl-dev')] },
	{ manager: 'apk', name: 'musl-dev', role: 'c-headers', sources: [facts('6', 'claim 3: gcc + musl-dev')] },
	{ manager: 'apk', name: 'build-base', role: 'meta', commands: ['gcc', 'cc'], notes: ['gcc, musl-dev and make (SCENARIOS 7)'], sources: [facts('6', 'claim 3')] },
	{ manager: 'apk', name: 'clang', role: 'native-c', commands: ['clang'], notes: ['still needs musl-dev headers'], sources: [facts('3.1', 'default C compiler is typically gcc or clang')] },
	{
		manager: 'apk',
		name: 'libc6-compat',
		role: 'libc-shim',
		notes: ['a glibc-linked binary may start and then fail with "Error relocating …: <sym>: symbol not found"'],
		sources: [facts('4.2', 'gliderlabs/docker-alpine#219; rexray#719')],
	},
	{
		manager: 'apk',
		name: 'gcompat',
		role: 'libc-shim',
		notes: ['a glibc-linked binary may start and then fail with "Error relocating …: <sym>: symbol not found"'],
		sources: [facts('4.2', 'gliderlabs/docker-alpine#219; rexray#719')],
	},
	// Tools
	{
		manager: 'tool',
		name: 'tonistiigi/xx',
		role: 'cross-helper',
		commands: ['xx-go', 'xx-apk', 'xx-apt', 'xx-clang', 'xx-info', 'xx-verify'],
		notes: ['xx-go sets GOOS/GOARCH/CC from TARGETPLATFORM; xx-apk/xx-apt install target packages: a correct cgo cross build'],
		sources: [url('https://github.com/tonistiigi/xx', '2026-11-23'), scenarios('traps: tonistiigi/xx (xx-go, xx-apk) is a correct cgo cross build')],
	},
	{
		manager: 'tool',
		name: 'zig',
		role: 'cross-c',
		commands: ['zig cc'],
		notes: ['CC="zig cc -target <arch>-linux-musl|gnu" cross-compiles C for cgo'],
		sources: [url('https://ziglang.org/', '2026-11-23', 'zig cc is a C compiler driver with -target'), scenarios('traps: zig cc is a correct cgo cross build')],
	},
];

/** Finds a package by manager and name. */
export function lookupCompilerPackage(manager: PackageManager, name: string): CompilerPackage | undefined {
	return COMPILER_PACKAGES.find((p) => p.manager === manager && p.name === name);
}

const ARCH_OF_TRIPLE: Record<string, string> = {
	aarch64: 'arm64',
	arm64: 'arm64',
	x86_64: 'amd64',
	amd64: 'amd64',
	i386: '386',
	i486: '386',
	i586: '386',
	i686: '386',
	arm: 'arm',
	armv7: 'arm',
	armv7l: 'arm',
	armv6: 'arm',
	riscv64: 'riscv64',
	s390x: 's390x',
	powerpc64le: 'ppc64le',
	ppc64le: 'ppc64le',
	mips64el: 'mips64le',
	loongarch64: 'loong64',
};

/** A GNU-style target triple (`aarch64-linux-gnu`, `x86_64-w64-mingw32`, `aarch64-linux-musl`) → target. */
export function targetOfTriple(triple: string): CTarget | undefined {
	const parts = triple.toLowerCase().split('-');
	const goarch = ARCH_OF_TRIPLE[parts[0]];
	if (!goarch) {
		return undefined;
	}
	const rest = parts.slice(1).join('-');
	if (/mingw32|windows/.test(rest)) {
		return { goos: 'windows', goarch };
	}
	if (/linux-musl/.test(rest)) {
		return { goos: 'linux', goarch, libc: 'musl' };
	}
	if (/linux-gnu|linux$/.test(rest)) {
		return { goos: 'linux', goarch, ...(/linux-gnu/.test(rest) ? { libc: 'glibc' as const } : {}) };
	}
	return undefined;
}

/** What a `CC` value means. `kind: 'native'` compilers target the build host. */
export interface CCommandInfo {
	readonly kind: 'native' | 'cross' | 'cross-helper';
	readonly target?: CTarget;
	/** For native compilers: the libc they link against when it differs from the host's (musl-gcc). */
	readonly libc?: 'glibc' | 'musl';
}

/** Interprets a `CC` value such as `aarch64-linux-gnu-gcc`, `musl-gcc`, `zig cc -target aarch64-linux-musl`, `xx-clang`. */
export function lookupCCompilerCommand(cc: string): CCommandInfo | undefined {
	const words = cc.trim().replace(/^["']|["']$/g, '').split(/\s+/);
	const exe = (words[0] ?? '').slice((words[0] ?? '').lastIndexOf('/') + 1);
	const targetFlag = words.slice(1).map((w, i, a) => (w === '-target' || w === '--target' ? a[i + 1] : /^--?target=(.+)$/.exec(w)?.[1])).find((t) => t);
	if (exe === 'zig' && words[1] === 'cc') {
		const t = targetFlag ? targetOfTriple(targetFlag) : undefined;
		return t ? { kind: 'cross', target: t } : { kind: 'native' };
	}
	if (exe === 'musl-gcc') {
		return { kind: 'native', libc: 'musl' };
	}
	if (/^xx-(clang|cc|c\+\+|clang\+\+)$/.test(exe)) {
		return { kind: 'cross-helper' };
	}
	if (exe === 'gcc' || exe === 'cc' || exe === 'clang' || /^gcc-\d+$/.test(exe) || /^clang-\d+$/.test(exe)) {
		const t = targetFlag ? targetOfTriple(targetFlag) : undefined;
		return t ? { kind: 'cross', target: t } : { kind: 'native' };
	}
	const m = /^(.+)-(gcc|clang|cc)(?:-\d+)?$/.exec(exe);
	if (m) {
		const t = targetOfTriple(m[1]);
		return t ? { kind: 'cross', target: t } : undefined;
	}
	return undefined;
}
