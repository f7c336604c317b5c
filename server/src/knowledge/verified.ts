/**
 * Facts this project checked by running the real Go toolchains (the commands are in each note and in the
 * rule docs that quote them). Observed on linux/amd64 with Debian 12, gcc 12 and musl-tools 1.2.3.
 */
import type { Source } from './types';

/** The day the observations below were made. */
export const VERIFIED_ON = '2026-11-23';
/** The day the glibc needs of Go's own C code were measured (GO_OWN_C_GLIBC_NEEDS). */
const MEASURED_GLIBC_NEEDS_ON = '2026-11-24';

/** A source for something observed with a real toolchain, e.g. `observed('go1.26.8', 'CGO_ENABLED=1 go build …')`. */
export function observed(toolchain: string, note: string): Source {
	return { ref: `observed with ${toolchain} linux/amd64 (shipcheck verification run)`, asOf: VERIFIED_ON, note };
}

function observedOn(asOf: string, toolchain: string, note: string): Source {
	return { ...observed(toolchain, note), asOf };
}

/** Error texts printed by real builds, quoted by rule messages and docs. */
export const OBSERVED_ERRORS = {
	/** `CGO_ENABLED=1 go build` of a program that uses cgo (net, go-sqlite3), with no gcc on PATH. */
	noCCompiler: {
		text: 'cgo: C compiler "gcc" not found: exec: "gcc": executable file not found in $PATH',
		sources: [observed('go1.26.8', 'env -i PATH=<only go> CGO_ENABLED=1 go build (net/http program and go-sqlite3 program): "# runtime/cgo" then this line; a program importing only fmt built fine')],
	},
	/** `CGO_ENABLED=1 GOARCH=arm64 go build` on amd64 with only the native gcc. */
	crossWithNativeGcc: {
		text: "gcc_arm64.S:30: Error: no such instruction: `stp x29,x30,[sp,'",
		sources: [observed('go1.26.8', 'CGO_ENABLED=1 GOARCH=arm64 go build of a net/http program, CC unset, gcc 12 (amd64): "# runtime/cgo" then assembler errors; with CC=aarch64-linux-gnu-gcc it built an aarch64 binary')],
	},
	/** `GOTOOLCHAIN=local go build` with a go.mod go line newer than the toolchain. */
	toolchainLocal: {
		text: 'go: go.mod requires go >= 1.99 (running go 1.26.8; GOTOOLCHAIN=local)',
		sources: [observed('go1.26.8', 'go.mod "go 1.99", GOTOOLCHAIN=local go build'), observed('go1.26.8', 'go.mod "go 1.26" + "toolchain go1.99.1", GOTOOLCHAIN=local go build: builds with the local toolchain (the toolchain line is only a preference)')],
	},
	/** GOTOOLCHAIN=go1.27.0 (or auto with a newer go line) fetches the toolchain module. */
	toolchainDownload: {
		text: 'go: downloading go1.27.0 (linux/amd64)',
		sources: [observed('go1.26.8', 'GOTOOLCHAIN=go1.27.0 go version: downloads golang.org/toolchain from the module proxy')],
	},
	/** go-sqlite3 built with CGO_ENABLED=0: compiles; the first query returns this error. */
	sqliteStub: {
		text: "Binary was compiled with 'CGO_ENABLED=0', go-sqlite3 requires cgo to work. This is a stub",
		sources: [observed('go1.26.8', 'github.com/mattn/go-sqlite3 v1.14.53, CGO_ENABLED=0 go build: exit 0; db.QueryRow(...).Scan returned this error')],
	},
	/** confluent-kafka-go built with CGO_ENABLED=0. */
	kafkaNoCgo: {
		text: 'undefined: kafka.NewProducer',
		sources: [observed('go1.26.8', 'github.com/confluentinc/confluent-kafka-go/v2 v2.11.1, CGO_ENABLED=0 go build: "./main.go:10:18: undefined: kafka.NewProducer" and "undefined: kafka.ConfigMap"')],
	},
	/** confluent-kafka-go linked with a musl C compiler without `-tags musl`. */
	kafkaMuslWithoutTag: {
		text: "undefined reference to `getcontext'",
		sources: [
			observed(
				'go1.26.8',
				'confluent-kafka-go/v2 v2.11.1, CC=musl-gcc (musl 1.2.3) CGO_ENABLED=1 go build: links librdkafka_glibc_linux_amd64.a and fails with undefined references to getcontext, setcontext, makecontext; with -tags musl it links and gives interpreter /lib/ld-musl-x86_64.so.1',
			),
		],
	},
} as const;

/**
 * The highest GLIBC_x.y that Go's own C code needs (runtime/cgo, net's resolver, os/user, the race runtime):
 * `objdump -T` of cgo builds made on a glibc 2.36 builder lists nothing newer than GLIBC_2.34 (pthread_create and
 * friends, merged into libc.so.6 in 2.34; FACTS §4.3). Symbol versions only get added, so a builder with glibc 2.34
 * to 2.36 gives the same. Newer builders (Ubuntu 24.04's 2.39, trixie's 2.41) were not measured.
 */
export const GO_OWN_C_GLIBC_NEEDS = {
	needs: '2.34',
	builderGlibcAtMost: '2.36',
	sources: [
		observedOn(
			MEASURED_GLIBC_NEEDS_ON,
			'go1.22.12, go1.24.0 and go1.26.8',
			'Debian 12 (glibc 2.36), CGO_ENABLED=1 go build of programs importing net/http and os/user: newest version GLIBC_2.34 (also with -race, -linkmode=external and -buildmode=pie, and for GOARCH=arm64 with aarch64-linux-gnu-gcc and libc6-dev-arm64-cross 2.36); FACTS §4.3 reports the same for go1.19.8',
		),
	],
} as const;
