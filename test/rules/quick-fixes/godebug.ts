import { crlf, goMod, NET_MAIN, PLAIN_MAIN, type FixCase } from './harness';

/**
 * GODEBUG fixes (FACTS §1): removing an entry the Go in use does not know, wherever it is written, and the
 * honest clock_gettime64 entry libc-mismatch offers last, which goes into a Dockerfile ENV (merged with an
 * existing GODEBUG), never into go.mod, where an unknown key would break the build.
 */

const CLOCK = 'Insert GODEBUG=clock_gettime64=0 (has no effect: no Go release recognises this key)';

/** SCENARIOS 1: a glibc binary into alpine, with a runtime stage to fill in. */
function alpineRuntime(runtime: string): string {
	return `FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN go build -o /out/app .

${runtime}COPY --from=build /out/app /usr/local/bin/app
ENTRYPOINT ["app"]
`;
}

/** A static binary into distroless/static, with GODEBUG lines to fill in. */
function staticRuntime(build: string, runtime: string): string {
	return `FROM golang:1.22-bookworm AS build
WORKDIR /src
COPY . .
${build}

FROM gcr.io/distroless/static-debian12
${runtime}COPY --from=build /out/app /app
ENTRYPOINT ["/app"]
`;
}

const STATIC_BUILD = 'RUN CGO_ENABLED=0 go build -o /out/app .';

export const GODEBUG_CASES: readonly FixCase[] = [
	{
		name: 'libc-mismatch: a new ENV GODEBUG line after the runtime FROM (go.mod has its own godebug block, which the fix leaves alone); it adds a godebug-unknown warning and leaves libc-mismatch, as its title says',
		files: {
			'go.mod': 'module example.com/app\n\ngo 1.22\n\ngodebug (\n\tdefault=go1.21\n)\n',
			'main.go': NET_MAIN,
			Dockerfile: alpineRuntime('FROM alpine:3.20 AS runtime\n'),
		},
		rule: 'libc-mismatch',
		fix: CLOCK,
		file: 'Dockerfile',
		expected: alpineRuntime('FROM alpine:3.20 AS runtime\nENV GODEBUG=clock_gettime64=0\n'),
		after: ['godebug-unknown Dockerfile:7 "clock_gettime64=0"', 'libc-mismatch Dockerfile:8 "COPY --from=build /out/app /usr/local/bin/app"'],
	},
	{
		name: 'libc-mismatch: merged into the runtime\'s quoted, continued ENV GODEBUG',
		files: { 'go.mod': goMod('1.22'), 'main.go': NET_MAIN, Dockerfile: alpineRuntime('FROM alpine:3.20\nENV GODEBUG="netdns=go" \\\n    TZ=UTC\n') },
		rule: 'libc-mismatch',
		fix: CLOCK,
		file: 'Dockerfile',
		expected: alpineRuntime('FROM alpine:3.20\nENV GODEBUG="netdns=go,clock_gettime64=0" \\\n    TZ=UTC\n'),
		after: ['godebug-unknown Dockerfile:7 "clock_gettime64=0"', 'libc-mismatch Dockerfile:9 "COPY --from=build /out/app /usr/local/bin/app"'],
	},
	{
		name: 'libc-mismatch: GODEBUG inherited from the base stage is merged there, not hidden by a new ENV in the runtime stage',
		files: {
			'go.mod': goMod('1.22'),
			'main.go': NET_MAIN,
			Dockerfile: alpineRuntime('FROM alpine:3.20 AS base\nENV GODEBUG=netdns=go\nRUN apk add --no-cache ca-certificates\n\nFROM base\n'),
		},
		rule: 'libc-mismatch',
		fix: CLOCK,
		file: 'Dockerfile',
		expected: alpineRuntime('FROM alpine:3.20 AS base\nENV GODEBUG=netdns=go,clock_gettime64=0\nRUN apk add --no-cache ca-certificates\n\nFROM base\n'),
		after: ['godebug-unknown Dockerfile:7 "clock_gettime64=0"', 'libc-mismatch Dockerfile:11 "COPY --from=build /out/app /usr/local/bin/app"'],
	},
	{
		name: 'libc-mismatch on a CRLF Dockerfile: the new ENV line ends in CRLF too',
		files: { 'go.mod': goMod('1.22'), 'main.go': NET_MAIN, Dockerfile: crlf(alpineRuntime('FROM alpine:3.20\nUSER 65534\n')) },
		rule: 'libc-mismatch',
		fix: CLOCK,
		file: 'Dockerfile',
		expected: crlf(alpineRuntime('FROM alpine:3.20\nENV GODEBUG=clock_gettime64=0\nUSER 65534\n')),
		after: ['godebug-unknown Dockerfile:7 "clock_gettime64=0"', 'libc-mismatch Dockerfile:9 "COPY --from=build /out/app /usr/local/bin/app"'],
	},
	{
		name: 'FACTS §1.1: ENV GODEBUG=clock_gettime64=1 alone in its ENV: the line goes',
		files: { 'go.mod': goMod('1.22'), 'main.go': PLAIN_MAIN, Dockerfile: staticRuntime(STATIC_BUILD, '# Work around GLIBC_2.34 not found (does not work)\nENV GODEBUG=clock_gettime64=1\n') },
		rule: 'godebug-unknown',
		fix: 'Remove "clock_gettime64=1" from GODEBUG',
		file: 'Dockerfile',
		expected: staticRuntime(STATIC_BUILD, '# Work around GLIBC_2.34 not found (does not work)\n'),
	},
	{
		name: 'one entry of a GODEBUG list goes with its comma',
		files: { 'go.mod': goMod('1.22'), 'main.go': PLAIN_MAIN, Dockerfile: staticRuntime(STATIC_BUILD, 'ENV GODEBUG=clock_gettime64=1,netdns=go\n') },
		rule: 'godebug-unknown',
		fix: 'Remove "clock_gettime64=1" from GODEBUG',
		file: 'Dockerfile',
		expected: staticRuntime(STATIC_BUILD, 'ENV GODEBUG=netdns=go\n'),
	},
	{
		name: 'GODEBUG as the last property of a continued ENV: it goes with the continuation before it',
		files: { 'go.mod': goMod('1.22'), 'main.go': PLAIN_MAIN, Dockerfile: staticRuntime(STATIC_BUILD, 'ENV TZ=UTC \\\n    GODEBUG=clock_gettime64=1\n') },
		rule: 'godebug-unknown',
		fix: 'Remove "clock_gettime64=1" from GODEBUG',
		file: 'Dockerfile',
		expected: staticRuntime(STATIC_BUILD, 'ENV TZ=UTC\n'),
	},
	{
		name: 'GODEBUG=… inline before go build in the builder stage',
		files: { 'go.mod': goMod('1.22'), 'main.go': PLAIN_MAIN, Dockerfile: staticRuntime('RUN CGO_ENABLED=0 GODEBUG=clock_gettime64=1 go build -o /out/app .', '') },
		rule: 'godebug-unknown',
		fix: 'Remove "clock_gettime64=1" from GODEBUG',
		file: 'Dockerfile',
		expected: staticRuntime(STATIC_BUILD, ''),
	},
	{
		name: 'FACTS §1.4: a go.mod godebug block line (a build error there): the line goes, the block stays',
		files: {
			'go.mod': 'module example.com/app\n\ngo 1.22\n\ngodebug (\n\tdefault=go1.21\n\tclock_gettime64=0\n)\n\nrequire golang.org/x/sync v0.10.0\n',
			'main.go': PLAIN_MAIN,
			Dockerfile: staticRuntime(STATIC_BUILD, ''),
		},
		entry: 'go.mod',
		rule: 'godebug-unknown',
		fix: 'Remove "clock_gettime64=0"',
		file: 'go.mod',
		expected: 'module example.com/app\n\ngo 1.22\n\ngodebug (\n\tdefault=go1.21\n)\n\nrequire golang.org/x/sync v0.10.0\n',
	},
	{
		name: 'FACTS §1.5: a //go:debug directive in package main: its line goes, the other directive stays',
		files: {
			'go.mod': goMod('1.22'),
			'main.go': '//go:debug clock_gettime64=0\n//go:debug panicnil=1\n\n// Command app prints a greeting.\npackage main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hello") }\n',
			Dockerfile: staticRuntime(STATIC_BUILD, ''),
		},
		entry: 'main.go',
		rule: 'godebug-unknown',
		fix: 'Remove "clock_gettime64=0"',
		file: 'main.go',
		expected: '//go:debug panicnil=1\n\n// Command app prints a greeting.\npackage main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hello") }\n',
	},
];
