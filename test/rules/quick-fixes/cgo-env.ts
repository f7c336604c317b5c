import { crlf, goMod, KAFKA_MAIN, NET_MAIN, SQLITE_MAIN, type AbsentFixCase, type FixCase } from './harness';

/**
 * Fixes that set CGO_ENABLED or give a build the C compiler it needs: in a Dockerfile ENV, inline before the
 * go command, in GitHub Actions `env:`, GitLab `variables:` and a GoReleaser `env:` item; installing gcc before
 * the RUN; cross compilers with CC; GOARCH from $TARGETARCH.
 */

const WF = '.github/workflows/release.yml';
const SQLITE = 'github.com/mattn/go-sqlite3 v1.14.22';
const KAFKA = 'github.com/confluentinc/confluent-kafka-go/v2 v2.5.0';

export const CGO_ENV_CASES: readonly FixCase[] = [
	{
		name: 'SCENARIOS 1: CGO_ENABLED=1 in a multi-variable ENV of the builder, alpine runtime: the value is replaced in place',
		files: {
			'go.mod': goMod('1.22'),
			'main.go': NET_MAIN,
			Dockerfile: `FROM golang:1.22-bookworm AS build
ENV CGO_ENABLED=1 \\
    GOFLAGS=-mod=vendor
WORKDIR /src
COPY . .
RUN go build -o /out/api .

FROM alpine:3.20
RUN apk add --no-cache ca-certificates
COPY --from=build /out/api /usr/local/bin/api
USER 65534
ENTRYPOINT ["api"]
`,
		},
		rule: 'libc-mismatch',
		fix: 'Set CGO_ENABLED=0 where it is set to 1',
		file: 'Dockerfile',
		expected: `FROM golang:1.22-bookworm AS build
ENV CGO_ENABLED=0 \\
    GOFLAGS=-mod=vendor
WORKDIR /src
COPY . .
RUN go build -o /out/api .

FROM alpine:3.20
RUN apk add --no-cache ca-certificates
COPY --from=build /out/api /usr/local/bin/api
USER 65534
ENTRYPOINT ["api"]
`,
	},
	{
		name: 'SCENARIOS 1: default cgo on golang:1.22 into scratch, go build after `cd … &&` in a continued RUN with a cache mount: the prefix goes right before go',
		files: {
			'go.mod': goMod('1.22'),
			'main.go': NET_MAIN,
			Dockerfile: `# syntax=docker/dockerfile:1
FROM golang:1.22 AS build
WORKDIR /src
COPY go.mod ./
RUN go mod download
COPY . .
# The API server.
RUN --mount=type=cache,target=/root/.cache/go-build \\
    cd /src && go build \\
      -trimpath \\
      -o /out/app .

FROM scratch
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]
`,
		},
		rule: 'libc-mismatch',
		fix: 'Set CGO_ENABLED=0 for this go build (inline before "go build")',
		file: 'Dockerfile',
		expected: `# syntax=docker/dockerfile:1
FROM golang:1.22 AS build
WORKDIR /src
COPY go.mod ./
RUN go mod download
COPY . .
# The API server.
RUN --mount=type=cache,target=/root/.cache/go-build \\
    cd /src && CGO_ENABLED=0 go build \\
      -trimpath \\
      -o /out/app .

FROM scratch
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]
`,
	},
	{
		name: 'SCENARIOS 1 (the alpine builder that works by accident): cgo-implicit on a CRLF Dockerfile, prefix before go build',
		files: {
			'go.mod': goMod('1.22'),
			'main.go': NET_MAIN,
			Dockerfile: crlf(`FROM golang:1.22-alpine AS build
WORKDIR /src
COPY . .
RUN go build -ldflags "-X main.version=1.4.2" -o /out/app .

FROM scratch
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]
`),
		},
		rule: 'cgo-implicit',
		fix: 'Set CGO_ENABLED=0 for this go build (inline before "go build")',
		file: 'Dockerfile',
		expected: crlf(`FROM golang:1.22-alpine AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -ldflags "-X main.version=1.4.2" -o /out/app .

FROM scratch
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]
`),
	},
	{
		name: 'the go build runs through `make build`: the prefix goes before make, and the title says so',
		files: {
			'go.mod': goMod('1.22'),
			'main.go': NET_MAIN,
			Makefile: 'VERSION ?= dev\n\n.PHONY: build\nbuild:\n\tgo build -ldflags "-X main.version=$(VERSION)" -o bin/app .\n',
			Dockerfile: `FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN make build VERSION=1.4.2

FROM alpine:3.20
COPY --from=build /src/bin/app /usr/local/bin/app
ENTRYPOINT ["app"]
`,
		},
		rule: 'libc-mismatch',
		fix: 'Set CGO_ENABLED=0 for this go build (inline before "make build")',
		file: 'Dockerfile',
		expected: `FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 make build VERSION=1.4.2

FROM alpine:3.20
COPY --from=build /src/bin/app /usr/local/bin/app
ENTRYPOINT ["app"]
`,
	},
	{
		name: 'SCENARIOS 5: workflow-level `env:` CGO_ENABLED: 1 for a release built on ubuntu-24.04: the YAML pair is rewritten, its comment kept',
		files: {
			'go.mod': goMod('1.22'),
			'main.go': NET_MAIN,
			[WF]: `name: release
on:
  push:
    tags: ["v*"]
env:
  CGO_ENABLED: 1 # the resolver wants cgo
  GOFLAGS: -trimpath
jobs:
  build:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-go@v5
        with:
          go-version-file: go.mod
      - run: go build -o dist/app .
      - uses: softprops/action-gh-release@v2
        with:
          files: dist/app
`,
		},
		entry: WF,
		rule: 'glibc-too-old',
		fix: 'Set CGO_ENABLED=0 where it is set to 1',
		file: WF,
		expected: `name: release
on:
  push:
    tags: ["v*"]
env:
  CGO_ENABLED: "0" # the resolver wants cgo
  GOFLAGS: -trimpath
jobs:
  build:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-go@v5
        with:
          go-version-file: go.mod
      - run: go build -o dist/app .
      - uses: softprops/action-gh-release@v2
        with:
          files: dist/app
`,
	},
	{
		name: 'SCENARIOS 5: a `run: |` step on ubuntu-24.04 with cgo on by default: the prefix goes inside the block, before go build',
		files: {
			'go.mod': goMod('1.22'),
			'main.go': NET_MAIN,
			[WF]: `name: release
on:
  push:
    tags: ["v*"]
jobs:
  build:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@v4
      - name: Build
        run: |
          mkdir -p dist
          go build -trimpath -o dist/app .
      - uses: softprops/action-gh-release@v2
        with:
          files: dist/app
`,
		},
		entry: WF,
		rule: 'glibc-too-old',
		fix: 'Set CGO_ENABLED=0 for this go build (inline before "go build")',
		file: WF,
		expected: `name: release
on:
  push:
    tags: ["v*"]
jobs:
  build:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@v4
      - name: Build
        run: |
          mkdir -p dist
          CGO_ENABLED=0 go build -trimpath -o dist/app .
      - uses: softprops/action-gh-release@v2
        with:
          files: dist/app
`,
	},
	{
		name: 'GitLab: global `variables:` CGO_ENABLED: \'1\' for a job on golang:1.22: the pair is rewritten as YAML',
		files: {
			'go.mod': goMod('1.22'),
			'main.go': NET_MAIN,
			'.gitlab-ci.yml': `stages: [build]

variables:
  GOFLAGS: "-mod=readonly"
  CGO_ENABLED: '1'

build:
  stage: build
  image: golang:1.22
  script:
    - go build -o bin/app .
  artifacts:
    paths: [bin/app]
`,
		},
		entry: '.gitlab-ci.yml',
		rule: 'glibc-too-old',
		fix: 'Set CGO_ENABLED=0 where it is set to 1',
		file: '.gitlab-ci.yml',
		expected: `stages: [build]

variables:
  GOFLAGS: "-mod=readonly"
  CGO_ENABLED: "0"

build:
  stage: build
  image: golang:1.22
  script:
    - go build -o bin/app .
  artifacts:
    paths: [bin/app]
`,
	},
	{
		name: 'GitLab: the expanded variable form (value, description, options) keeps everything but the value',
		files: {
			'go.mod': goMod('1.22'),
			'main.go': NET_MAIN,
			'.gitlab-ci.yml': `variables:
  CGO_ENABLED: # prefilled in "Run pipeline"
    description: >-
      cgo on (1) or off (0);
      value: 1 is the default
    options:
      - "0"
      - "1"
    value: 1

build:
  image: golang:1.22
  script:
    - go build -o bin/app .
  artifacts:
    paths: [bin/app]
`,
		},
		entry: '.gitlab-ci.yml',
		rule: 'glibc-too-old',
		fix: 'Set CGO_ENABLED=0 where it is set to 1',
		file: '.gitlab-ci.yml',
		expected: `variables:
  CGO_ENABLED: # prefilled in "Run pipeline"
    description: >-
      cgo on (1) or off (0);
      value: 1 is the default
    options:
      - "0"
      - "1"
    value: "0"

build:
  image: golang:1.22
  script:
    - go build -o bin/app .
  artifacts:
    paths: [bin/app]
`,
	},
	{
		name: 'GitLab: the expanded form as a multi-line flow mapping, on a CRLF file, whose description mentions "value:"',
		files: {
			'go.mod': goMod('1.22'),
			'main.go': NET_MAIN,
			'.gitlab-ci.yml': crlf(`build:
  image: golang:1.22
  variables:
    CGO_ENABLED: {
      description: "set value: 0 for a static binary",
      value: '1', options: ['0', '1'],
    }
  script:
    - go build -o bin/app .
`),
		},
		entry: '.gitlab-ci.yml',
		rule: 'glibc-too-old',
		fix: 'Set CGO_ENABLED=0 where it is set to 1',
		file: '.gitlab-ci.yml',
		expected: crlf(`build:
  image: golang:1.22
  variables:
    CGO_ENABLED: {
      description: "set value: 0 for a static binary",
      value: "0", options: ['0', '1'],
    }
  script:
    - go build -o bin/app .
`),
	},
	{
		name: 'SCENARIOS 5: a GoReleaser `env:` item CGO_ENABLED=1 on ubuntu-22.04 (finding on the workflow): the item is edited in .goreleaser.yaml',
		files: {
			'go.mod': goMod('1.22'),
			'main.go': NET_MAIN,
			[WF]: `name: release
on:
  push:
    tags: ["v*"]
jobs:
  release:
    runs-on: ubuntu-22.04
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0
      - uses: goreleaser/goreleaser-action@v6
        with:
          args: release --clean
`,
			'.goreleaser.yaml': `version: 2
builds:
  - id: app
    binary: app
    env:
      - CGO_ENABLED=1 # keep the C resolver
    goos: [linux]
    goarch: [amd64]
    ldflags:
      - -X main.version={{.Version}}
`,
		},
		entry: WF,
		rule: 'glibc-too-old',
		fix: 'Set CGO_ENABLED=0 where it is set to 1',
		file: '.goreleaser.yaml',
		expected: `version: 2
builds:
  - id: app
    binary: app
    env:
      - CGO_ENABLED=0 # keep the C resolver
    goos: [linux]
    goarch: [amd64]
    ldflags:
      - -X main.version={{.Version}}
`,
	},
	{
		name: 'cgo-no-compiler, net only: the inline CGO_ENABLED=1 in the RUN is replaced',
		files: {
			'go.mod': goMod('1.23'),
			'main.go': NET_MAIN,
			Dockerfile: `FROM golang:1.23-alpine AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=1 GOOS=linux go build -o /out/api .

FROM alpine:3.20
COPY --from=build /out/api /usr/local/bin/api
ENTRYPOINT ["api"]
`,
		},
		rule: 'cgo-no-compiler',
		fix: 'Set CGO_ENABLED=0 where it is set to 1',
		file: 'Dockerfile',
		expected: `FROM golang:1.23-alpine AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 GOOS=linux go build -o /out/api .

FROM alpine:3.20
COPY --from=build /out/api /usr/local/bin/api
ENTRYPOINT ["api"]
`,
	},
	{
		name: 'SCENARIOS 6: go-sqlite3 added to a project whose Dockerfile had CGO_ENABLED=0 for scratch: cgo back on, which leaves the scratch runtime to libc-mismatch',
		files: {
			'go.mod': goMod('1.22', [SQLITE]),
			'main.go': SQLITE_MAIN,
			Dockerfile: `FROM golang:1.22-bookworm AS build
# Static binary for the scratch image.
ENV CGO_ENABLED=0
WORKDIR /src
COPY . .
RUN go build -o /out/app .

FROM scratch
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]
`,
		},
		rule: 'cgo-required',
		fix: 'Set CGO_ENABLED=1 where it is set to 0 (a C compiler is present)',
		file: 'Dockerfile',
		expected: `FROM golang:1.22-bookworm AS build
# Static binary for the scratch image.
ENV CGO_ENABLED=1
WORKDIR /src
COPY . .
RUN go build -o /out/app .

FROM scratch
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]
`,
		after: ['libc-mismatch Dockerfile:9 "COPY --from=build /out/app /app"'],
	},
	{
		name: 'SCENARIOS 6 on alpine: CGO_ENABLED=1 and gcc musl-dev installed above the RUN and its comment',
		files: {
			'go.mod': goMod('1.22', [SQLITE]),
			'main.go': SQLITE_MAIN,
			Dockerfile: `FROM golang:1.22-alpine AS build
WORKDIR /src
COPY . .

# Build the service.
RUN CGO_ENABLED=0 go build -o /out/app .

FROM alpine:3.20
COPY --from=build /out/app /usr/local/bin/app
ENTRYPOINT ["app"]
`,
		},
		rule: 'cgo-required',
		fix: 'Set CGO_ENABLED=1 and install gcc musl-dev before this RUN',
		file: 'Dockerfile',
		expected: `FROM golang:1.22-alpine AS build
WORKDIR /src
COPY . .

RUN apk add --no-cache gcc musl-dev
# Build the service.
RUN CGO_ENABLED=1 go build -o /out/app .

FROM alpine:3.20
COPY --from=build /out/app /usr/local/bin/app
ENTRYPOINT ["app"]
`,
	},
	{
		name: 'SCENARIOS 1/6: go-sqlite3 on golang:*-alpine with cgo off only because gcc is missing: install it (indented RUN keeps its indentation)',
		files: {
			'go.mod': goMod('1.22', [SQLITE]),
			'main.go': SQLITE_MAIN,
			Dockerfile: `FROM golang:1.22-alpine AS build
  WORKDIR /src
  COPY . .
  RUN go build -o /out/app .

FROM alpine:3.20
COPY --from=build /out/app /usr/local/bin/app
`,
		},
		rule: 'cgo-required',
		fix: 'Install gcc musl-dev before this RUN (cgo then defaults to on)',
		file: 'Dockerfile',
		expected: `FROM golang:1.22-alpine AS build
  WORKDIR /src
  COPY . .
  RUN apk add --no-cache gcc musl-dev
  RUN go build -o /out/app .

FROM alpine:3.20
COPY --from=build /out/app /usr/local/bin/app
`,
	},
	{
		name: 'SCENARIOS 7: confluent-kafka-go with -tags musl on golang:1.22-alpine without gcc: the install goes above the RUN\'s own pragma, which keeps applying to the RUN',
		files: {
			'go.mod': goMod('1.22', [KAFKA]),
			'main.go': KAFKA_MAIN,
			Dockerfile: `FROM golang:1.22-alpine AS build
WORKDIR /src
COPY . .
# Stripped on purpose: the image is size-bound.
# shipcheck ignore=stripped-binary we debug from source builds, not from this image
RUN CGO_ENABLED=1 go build -tags musl -ldflags "-s -w" -o /out/consumer .

FROM alpine:3.20
COPY --from=build /out/consumer /usr/local/bin/consumer
ENTRYPOINT ["consumer"]
`,
		},
		rule: 'cgo-no-compiler',
		fix: 'Install gcc musl-dev before this RUN',
		file: 'Dockerfile',
		expected: `FROM golang:1.22-alpine AS build
WORKDIR /src
COPY . .
RUN apk add --no-cache gcc musl-dev
# Stripped on purpose: the image is size-bound.
# shipcheck ignore=stripped-binary we debug from source builds, not from this image
RUN CGO_ENABLED=1 go build -tags musl -ldflags "-s -w" -o /out/consumer .

FROM alpine:3.20
COPY --from=build /out/consumer /usr/local/bin/consumer
ENTRYPOINT ["consumer"]
`,
	},
	{
		name: 'a Debian slim builder with golang-go and no gcc, CRLF: the apt-get line for gcc libc6-dev',
		files: {
			'go.mod': goMod('1.22', [SQLITE]),
			'main.go': SQLITE_MAIN,
			Dockerfile: crlf(`FROM debian:bookworm-slim AS build
RUN apt-get update && apt-get install -y --no-install-recommends golang-go ca-certificates
WORKDIR /src
COPY . .
RUN CGO_ENABLED=1 go build -o /out/app .

FROM debian:bookworm-slim
COPY --from=build /out/app /usr/local/bin/app
`),
		},
		rule: 'cgo-no-compiler',
		fix: 'Install gcc libc6-dev before this RUN',
		file: 'Dockerfile',
		expected: crlf(`FROM debian:bookworm-slim AS build
RUN apt-get update && apt-get install -y --no-install-recommends golang-go ca-certificates
WORKDIR /src
COPY . .
RUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev
RUN CGO_ENABLED=1 go build -o /out/app .

FROM debian:bookworm-slim
COPY --from=build /out/app /usr/local/bin/app
`),
	},
	{
		name: '-buildmode=plugin with ENV CGO_ENABLED=0 on golang:1.22 (gcc present): cgo back on',
		files: {
			'go.mod': goMod('1.22'),
			'main.go': NET_MAIN,
			Dockerfile: `FROM golang:1.22-bookworm AS build
ENV CGO_ENABLED=0
WORKDIR /src
COPY . .
RUN go build -buildmode=plugin -o /out/auth.so ./plugin

FROM debian:bookworm-slim
COPY --from=build /out/auth.so /usr/lib/app/plugins/auth.so
`,
			'plugin/plugin.go': 'package main\n\nimport "net/http"\n\nfunc Handler() http.Handler { return http.NotFoundHandler() }\n',
		},
		rule: 'external-link-no-cgo',
		fix: 'Set CGO_ENABLED=1 where it is set to 0',
		file: 'Dockerfile',
		expected: `FROM golang:1.22-bookworm AS build
ENV CGO_ENABLED=1
WORKDIR /src
COPY . .
RUN go build -buildmode=plugin -o /out/auth.so ./plugin

FROM debian:bookworm-slim
COPY --from=build /out/auth.so /usr/lib/app/plugins/auth.so
`,
	},
	{
		name: 'SCENARIOS 8: CGO_ENABLED=1 GOARCH=arm64 in ENV on an amd64 builder, go build after `go mod download && \\`: cross gcc installed, CC prefixed',
		files: {
			'go.mod': goMod('1.22', [SQLITE]),
			'main.go': SQLITE_MAIN,
			Dockerfile: `FROM --platform=linux/amd64 golang:1.22-bookworm AS build
ENV CGO_ENABLED=1 GOOS=linux GOARCH=arm64
WORKDIR /src
COPY . .
RUN go mod download && \\
    go build -o /out/app .

FROM --platform=linux/arm64 debian:bookworm-slim
COPY --from=build /out/app /usr/local/bin/app
`,
		},
		rule: 'cgo-cross-compile',
		fix: 'Install crossbuild-essential-arm64 and build with CC=aarch64-linux-gnu-gcc',
		file: 'Dockerfile',
		expected: `FROM --platform=linux/amd64 golang:1.22-bookworm AS build
ENV CGO_ENABLED=1 GOOS=linux GOARCH=arm64
WORKDIR /src
COPY . .
RUN apt-get update && apt-get install -y --no-install-recommends crossbuild-essential-arm64
RUN go mod download && \\
    CC=aarch64-linux-gnu-gcc go build -o /out/app .

FROM --platform=linux/arm64 debian:bookworm-slim
COPY --from=build /out/app /usr/local/bin/app
`,
	},
	{
		name: 'SCENARIOS 8: GOARCH=amd64 fixed inline in a $BUILDPLATFORM stage: GOARCH=$TARGETARCH and ARG TARGETARCH after the FROM',
		files: {
			'go.mod': goMod('1.22'),
			'main.go': NET_MAIN,
			Dockerfile: `# syntax=docker/dockerfile:1
FROM --platform=$BUILDPLATFORM golang:1.22-alpine AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 GOOS=linux GOARCH=amd64 go build -o /out/app .

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]
`,
		},
		rule: 'cgo-cross-compile',
		fix: 'Take GOARCH from $TARGETARCH (declared with ARG TARGETARCH)',
		file: 'Dockerfile',
		expected: `# syntax=docker/dockerfile:1
FROM --platform=$BUILDPLATFORM golang:1.22-alpine AS build
ARG TARGETARCH
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 GOOS=linux GOARCH=$TARGETARCH go build -o /out/app .

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]
`,
	},
	{
		name: 'SCENARIOS 8: TARGETARCH already declared by `ARG TARGETOS TARGETARCH`: only the ENV value changes',
		files: {
			'go.mod': goMod('1.22'),
			'main.go': NET_MAIN,
			Dockerfile: `FROM --platform=$BUILDPLATFORM golang:1.22-alpine AS build
ARG TARGETOS TARGETARCH
ENV CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=amd64
WORKDIR /src
COPY . .
RUN go build -o /out/app .

FROM --platform=$TARGETPLATFORM gcr.io/distroless/static-debian12
COPY --from=build /out/app /app
`,
		},
		rule: 'cgo-cross-compile',
		fix: 'Take GOARCH from $TARGETARCH (declared with ARG TARGETARCH)',
		file: 'Dockerfile',
		expected: `FROM --platform=$BUILDPLATFORM golang:1.22-alpine AS build
ARG TARGETOS TARGETARCH
ENV CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH
WORKDIR /src
COPY . .
RUN go build -o /out/app .

FROM --platform=$TARGETPLATFORM gcr.io/distroless/static-debian12
COPY --from=build /out/app /app
`,
	},
	{
		name: 'SCENARIOS 8: old `ENV GOARCH amd64` syntax on a CRLF Dockerfile',
		files: {
			'go.mod': goMod('1.22'),
			'main.go': NET_MAIN,
			Dockerfile: crlf(`FROM --platform=$BUILDPLATFORM golang:1.22-alpine AS build
WORKDIR /src
COPY . .
ENV GOARCH amd64
RUN CGO_ENABLED=0 go build -o /out/app .

FROM scratch
COPY --from=build /out/app /app
`),
		},
		rule: 'cgo-cross-compile',
		fix: 'Take GOARCH from $TARGETARCH (declared with ARG TARGETARCH)',
		file: 'Dockerfile',
		expected: crlf(`FROM --platform=$BUILDPLATFORM golang:1.22-alpine AS build
ARG TARGETARCH
WORKDIR /src
COPY . .
ENV GOARCH=$TARGETARCH
RUN CGO_ENABLED=0 go build -o /out/app .

FROM scratch
COPY --from=build /out/app /app
`),
	},
];

/** CGO_ENABLED rewrites that would change more than the value found are not offered. */
export const CGO_ENV_ABSENT_CASES: readonly AbsentFixCase[] = [
	{
		name: 'a job `env:` CGO_ENABLED taken from a matrix (cgo: ["0", "1"]): a literal would drop the cgo combination the matrix asks for',
		files: {
			'go.mod': goMod('1.22'),
			'main.go': NET_MAIN,
			[WF]: `name: release
on: push
jobs:
  build:
    runs-on: ubuntu-24.04
    strategy:
      matrix:
        cgo: ["0", "1"]
    env:
      CGO_ENABLED: \${{ matrix.cgo }}
    steps:
      - uses: actions/checkout@v4
      - run: go build -o dist/app-cgo\${{ matrix.cgo }} .
`,
		},
		entry: WF,
		rule: 'glibc-too-old',
		titlePrefix: 'Set CGO_ENABLED',
		offered: [],
	},
];
