import { goMod, NET_MAIN, SQLITE_MAIN, type AbsentFixCase, type FixCase } from './harness';

/** Fixes that change an image reference: the runtime image, the builder's Debian release, the builder's Go. */

const SQLITE = 'github.com/mattn/go-sqlite3 v1.14.22';

export const IMAGE_CASES: readonly FixCase[] = [
	{
		name: 'SCENARIOS 1: glibc binary from golang:1.22 into alpine (no RUN there): distroless/base of the builder\'s Debian release',
		files: {
			'go.mod': goMod('1.22'),
			'main.go': NET_MAIN,
			Dockerfile: `FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN go build -o /out/api ./

FROM alpine:3.20 AS runtime
COPY --from=build /out/api /usr/local/bin/api
EXPOSE 8080
USER 65534
ENTRYPOINT ["api"]
`,
		},
		rule: 'libc-mismatch',
		fix: 'Switch the runtime image to "gcr.io/distroless/base-debian12" (same C library as the builder)',
		file: 'Dockerfile',
		expected: `FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN go build -o /out/api ./

FROM gcr.io/distroless/base-debian12 AS runtime
COPY --from=build /out/api /usr/local/bin/api
EXPOSE 8080
USER 65534
ENTRYPOINT ["api"]
`,
	},
	{
		name: 'SCENARIOS 1, runtime `FROM base` (a stage that prepares /data): the base stage\'s FROM changes, not the stage name',
		files: {
			'go.mod': goMod('1.22'),
			'main.go': NET_MAIN,
			Dockerfile: `FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN go build -o /out/api ./

FROM alpine:3.20 AS base
RUN mkdir -p /data && chown 65534:65534 /data
VOLUME /data

FROM base
COPY --from=build /out/api /usr/local/bin/api
ENTRYPOINT ["api"]
`,
		},
		rule: 'libc-mismatch',
		fix: 'Switch the runtime image to "debian:bookworm-slim" (same C library as the builder)',
		file: 'Dockerfile',
		expected: `FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN go build -o /out/api ./

FROM debian:bookworm-slim AS base
RUN mkdir -p /data && chown 65534:65534 /data
VOLUME /data

FROM base
COPY --from=build /out/api /usr/local/bin/api
ENTRYPOINT ["api"]
`,
	},
	{
		name: 'a musl binary (cgo on golang:1.22-alpine3.20) copied into Debian: the runtime becomes the builder\'s Alpine',
		files: {
			'go.mod': goMod('1.22', [SQLITE]),
			'main.go': SQLITE_MAIN,
			Dockerfile: `FROM golang:1.22-alpine3.20 AS build
RUN apk add --no-cache gcc musl-dev
WORKDIR /src
COPY . .
RUN CGO_ENABLED=1 go build -o /out/app .

FROM --platform=linux/amd64 debian:bookworm-slim
COPY --from=build /out/app /usr/local/bin/app
CMD ["app"]
`,
		},
		rule: 'libc-mismatch',
		fix: 'Switch the runtime image to "alpine:3.20" (same C library as the builder)',
		file: 'Dockerfile',
		expected: `FROM golang:1.22-alpine3.20 AS build
RUN apk add --no-cache gcc musl-dev
WORKDIR /src
COPY . .
RUN CGO_ENABLED=1 go build -o /out/app .

FROM --platform=linux/amd64 alpine:3.20
COPY --from=build /out/app /usr/local/bin/app
CMD ["app"]
`,
	},
	{
		name: 'SCENARIOS 4: golang:1.22 moved to bookworm, the runtime is distroless/base-debian11: build on the bullseye variant',
		files: {
			'go.mod': goMod('1.22', [SQLITE]),
			'main.go': SQLITE_MAIN,
			Dockerfile: `FROM golang:1.22 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN go build -o /out/app .

FROM gcr.io/distroless/base-debian11
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]
`,
			'go.sum': '',
		},
		rule: 'glibc-too-old',
		fix: 'Build on "golang:1.22-bullseye" (glibc 2.31; the runtime has 2.31)',
		file: 'Dockerfile',
		expected: `FROM golang:1.22-bullseye AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN go build -o /out/app .

FROM gcr.io/distroless/base-debian11
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]
`,
	},
	{
		name: 'SCENARIOS 9: `go 1.24.1` in go.mod, FROM golang:1.23-alpine (GOTOOLCHAIN=local): the builder tag moves, variant kept',
		files: {
			'go.mod': 'module example.com/app\n\ngo 1.24.1\n',
			'main.go': NET_MAIN,
			Dockerfile: `FROM golang:1.23-alpine AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /out/app .

FROM scratch
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]
`,
		},
		rule: 'go-version-mismatch',
		at: 'golang:1.23-alpine',
		fix: 'Use "golang:1.24-alpine" (Go 1.24) for the builder',
		file: 'Dockerfile',
		expected: `FROM golang:1.24-alpine AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /out/app .

FROM scratch
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]
`,
	},
	{
		name: 'SCENARIOS 9 from go.mod (the open document): the go line\'s finding edits the Dockerfile\'s pinned patch tag',
		files: {
			'go.mod': 'module example.com/app\n\ngo 1.24.1\n\nrequire golang.org/x/sync v0.10.0\n',
			'main.go': NET_MAIN,
			Dockerfile: `ARG APP_VERSION=dev
FROM docker.io/library/golang:1.23.4-bookworm AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -ldflags "-X main.version=\${APP_VERSION}" -o /out/app .

FROM gcr.io/distroless/static-debian12
COPY --from=build /out/app /app
`,
		},
		entry: 'go.mod',
		rule: 'go-version-mismatch',
		at: 'go 1.24.1',
		fix: 'Use "golang:1.24-bookworm" (Go 1.24) for the builder',
		file: 'Dockerfile',
		expected: `ARG APP_VERSION=dev
FROM docker.io/library/golang:1.24-bookworm AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -ldflags "-X main.version=\${APP_VERSION}" -o /out/app .

FROM gcr.io/distroless/static-debian12
COPY --from=build /out/app /app
`,
	},
	{
		name: 'SCENARIOS 9: a `toolchain go1.24.2` line with GOTOOLCHAIN=auto in the builder (a download at build time)',
		files: {
			'go.mod': 'module example.com/app\n\ngo 1.22.0\n\ntoolchain go1.24.2\n',
			'main.go': NET_MAIN,
			Dockerfile: `FROM golang:1.22 AS build
ENV GOTOOLCHAIN=auto
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /out/app .

FROM scratch
COPY --from=build /out/app /app
`,
		},
		entry: 'go.mod',
		rule: 'go-version-mismatch',
		at: 'toolchain go1.24.2',
		fix: 'Use "golang:1.24" (Go 1.24) for the builder',
		file: 'Dockerfile',
		expected: `FROM golang:1.24 AS build
ENV GOTOOLCHAIN=auto
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /out/app .

FROM scratch
COPY --from=build /out/app /app
`,
	},
];

/** Runtime switches that would break the runtime stage are not offered. */
export const IMAGE_ABSENT_CASES: readonly AbsentFixCase[] = [
	{
		name: 'the alpine runtime installs packages with apk: neither Debian nor distroless would run that step',
		files: {
			'go.mod': goMod('1.22'),
			'main.go': NET_MAIN,
			Dockerfile: `FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN go build -o /out/api ./

FROM alpine:3.20
RUN apk add --no-cache ca-certificates tzdata
COPY --from=build /out/api /usr/local/bin/api
ENTRYPOINT ["api"]
`,
		},
		rule: 'libc-mismatch',
		titlePrefix: 'Switch the runtime image',
		offered: ['Set CGO_ENABLED=0 for this go build (inline before "go build")', 'Insert GODEBUG=clock_gettime64=0 (has no effect: no Go release recognises this key)'],
	},
];
