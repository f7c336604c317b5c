/**
 * GOOS and GOARCH names as build constraints and file-name suffixes know them (`src/internal/syslist/syslist.go`,
 * read in the go1.26.8 source tree; `go tool dist list` lists the ports that build).
 */
import type { Source } from './types';
import { observed } from './verified';

export const GO_PLATFORM_SOURCES: readonly Source[] = [observed('go1.26.8', 'src/internal/syslist/syslist.go KnownOS, UnixOS, KnownArch')];

/** Every GOOS a build constraint or a `_GOOS.go` suffix may name. */
export const KNOWN_GOOS: ReadonlySet<string> = new Set(['aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'hurd', 'illumos', 'ios', 'js', 'linux', 'nacl', 'netbsd', 'openbsd', 'plan9', 'solaris', 'wasip1', 'windows', 'zos']);

/** The GOOS values the `unix` build tag matches (not used for file names). */
export const UNIX_GOOS: ReadonlySet<string> = new Set(['aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'hurd', 'illumos', 'ios', 'linux', 'netbsd', 'openbsd', 'solaris']);

/** Every GOARCH a build constraint or a `_GOARCH.go` suffix may name. */
export const KNOWN_GOARCH: ReadonlySet<string> = new Set(['386', 'amd64', 'amd64p32', 'arm', 'armbe', 'arm64', 'arm64be', 'loong64', 'mips', 'mipsle', 'mips64', 'mips64le', 'mips64p32', 'mips64p32le', 'ppc', 'ppc64', 'ppc64le', 'riscv', 'riscv64', 's390', 's390x', 'sparc', 'sparc64', 'wasm']);

/** GOOS values that also satisfy another GOOS tag (go/build matchTag: android → linux, illumos → solaris, ios → darwin). */
export const GOOS_IMPLIES: Readonly<Record<string, string>> = { android: 'linux', illumos: 'solaris', ios: 'darwin' };
