import { goMod, KAFKA_MAIN, NET_MAIN, USER_MAIN, type FixCase } from './harness';

/** Fixes that edit go build flags: -ldflags pieces, -w → -w=0, -race, build tags merged or added. */

const WF = '.github/workflows/release.yml';
const KAFKA = 'github.com/confluentinc/confluent-kafka-go/v2 v2.5.0';

/** SCENARIOS 11: a debug image whose binary is stripped (Go 1.22: -w=0 keeps DWARF). */
function debugImage(build: string): string {
	return `FROM golang:1.22-bookworm AS build
WORKDIR /src
COPY . .
${build}

FROM gcr.io/distroless/base-debian12:debug
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]
`;
}

const STRIPPED = 'RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w -X main.version=${VERSION}" -o /out/app .';

export const FLAG_CASES: readonly FixCase[] = [
	{
		name: 'SCENARIOS 11: "-s -w" → "-s -w=0" keeps DWARF; the symbol table stays stripped, so the finding stays (about -s)',
		files: { 'go.mod': goMod('1.22'), 'main.go': NET_MAIN, Dockerfile: debugImage(STRIPPED) },
		rule: 'stripped-binary',
		fix: 'Keep DWARF for Delve and gdb: "-s -w" → "-s -w=0"',
		file: 'Dockerfile',
		expected: debugImage('RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w=0 -X main.version=${VERSION}" -o /out/app .'),
		after: ['stripped-binary Dockerfile:4 "-s -w=0"'],
	},
	{
		name: 'SCENARIOS 11: -s alone in a continued RUN ("-s" implies no DWARF before and after Go 1.22\'s -w=0): "-s" → "-s -w=0"',
		files: { 'go.mod': goMod('1.22'), 'main.go': NET_MAIN, Dockerfile: debugImage("RUN CGO_ENABLED=0 go build \\\n    -ldflags '-s' \\\n    -o /out/app .") },
		rule: 'stripped-binary',
		fix: 'Keep DWARF for Delve and gdb: "-s" → "-s -w=0"',
		file: 'Dockerfile',
		expected: debugImage("RUN CGO_ENABLED=0 go build \\\n    -ldflags '-s -w=0' \\\n    -o /out/app ."),
		after: ['stripped-binary Dockerfile:5 "-s -w=0"'],
	},
	{
		name: 'SCENARIOS 11: remove -s only: nm and perf get symbols back, -w still drops DWARF (the finding stays, about -w)',
		files: { 'go.mod': goMod('1.22'), 'main.go': NET_MAIN, Dockerfile: debugImage(STRIPPED) },
		rule: 'stripped-binary',
		fix: 'Remove -s (the symbol table stays for nm and perf; -w still drops DWARF)',
		file: 'Dockerfile',
		expected: debugImage('RUN CGO_ENABLED=0 go build -trimpath -ldflags="-w -X main.version=${VERSION}" -o /out/app .'),
		after: ['stripped-binary Dockerfile:4 "-w"'],
	},
	{
		name: 'SCENARIOS 11: remove -s and -w, -X kept inside the quotes',
		files: { 'go.mod': goMod('1.22'), 'main.go': NET_MAIN, Dockerfile: debugImage(STRIPPED) },
		rule: 'stripped-binary',
		fix: 'Remove -s and -w (keep the symbol table and DWARF)',
		file: 'Dockerfile',
		expected: debugImage('RUN CGO_ENABLED=0 go build -trimpath -ldflags="-X main.version=${VERSION}" -o /out/app .'),
	},
	{
		name: 'SCENARIOS 11: -ldflags \'-s\' alone on a continuation line: the whole line goes, the continuation stays intact',
		files: { 'go.mod': goMod('1.22'), 'main.go': NET_MAIN, Dockerfile: debugImage("RUN CGO_ENABLED=0 go build \\\n    -ldflags '-s' \\\n    -o /out/app .") },
		rule: 'stripped-binary',
		fix: 'Remove -s (keep the symbol table and DWARF)',
		file: 'Dockerfile',
		expected: debugImage('RUN CGO_ENABLED=0 go build \\\n    -o /out/app .'),
	},
	{
		name: 'SCENARIOS 11: -ldflags "-w" as the last words of a continued RUN (package defaults to .): removed without a dangling backslash',
		files: { 'go.mod': goMod('1.22'), 'main.go': NET_MAIN, Dockerfile: debugImage('RUN CGO_ENABLED=0 go build -o /out/app \\\n    -ldflags "-w"') },
		rule: 'stripped-binary',
		fix: 'Remove -w (keep DWARF for Delve and gdb)',
		file: 'Dockerfile',
		expected: debugImage('RUN CGO_ENABLED=0 go build -o /out/app'),
	},
	{
		name: 'SCENARIOS 11 in CI: "-s -w" inside a `run: |` block with continuations',
		files: {
			'go.mod': goMod('1.22'),
			'main.go': NET_MAIN,
			[WF]: `name: profiling build
on: workflow_dispatch
jobs:
  build:
    runs-on: ubuntu-24.04
    env:
      CGO_ENABLED: "0"
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-go@v5
        with:
          go-version: "1.22"
      - name: Build
        run: |
          go build \\
            -trimpath \\
            -ldflags "-s -w -X main.version=\${GITHUB_SHA}" \\
            -o dist/app .
`,
		},
		entry: WF,
		rule: 'stripped-binary',
		fix: 'Remove -s and -w (keep the symbol table and DWARF)',
		file: WF,
		expected: `name: profiling build
on: workflow_dispatch
jobs:
  build:
    runs-on: ubuntu-24.04
    env:
      CGO_ENABLED: "0"
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-go@v5
        with:
          go-version: "1.22"
      - name: Build
        run: |
          go build \\
            -trimpath \\
            -ldflags "-X main.version=\${GITHUB_SHA}" \\
            -o dist/app .
`,
	},
	{
		name: 'SCENARIOS 10 with cgo off: "-linkmode external -extldflags "-static"" is the whole -ldflags, so -ldflags goes',
		files: {
			'go.mod': goMod('1.22'),
			'main.go': NET_MAIN,
			Dockerfile: `FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -ldflags '-linkmode external -extldflags "-static"' -o /out/app .

FROM scratch
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]
`,
		},
		rule: 'external-link-no-cgo',
		fix: 'Remove "-linkmode external -extldflags -static" from -ldflags (with cgo off the Go linker already links statically)',
		file: 'Dockerfile',
		expected: `FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /out/app .

FROM scratch
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]
`,
	},
	{
		name: 'a static PIE with cgo off: removing the external link flags keeps -buildmode=pie, and its PIE still needs a loader scratch lacks',
		files: {
			'go.mod': goMod('1.22'),
			'main.go': NET_MAIN,
			Dockerfile: `FROM golang:1.22 AS build
ENV CGO_ENABLED=0
WORKDIR /src
COPY . .
RUN go build -buildmode=pie -ldflags '-X main.commit=abc123 -linkmode external -extldflags "-static-pie"' -o /out/app .

FROM scratch
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]
`,
		},
		rule: 'external-link-no-cgo',
		fix: 'Remove "-linkmode external -extldflags -static-pie" from -ldflags',
		file: 'Dockerfile',
		expected: `FROM golang:1.22 AS build
ENV CGO_ENABLED=0
WORKDIR /src
COPY . .
RUN go build -buildmode=pie -ldflags '-X main.commit=abc123' -o /out/app .

FROM scratch
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]
`,
		after: ['libc-mismatch Dockerfile:8 "COPY --from=build /out/app /app"'],
	},
	{
		name: 'SCENARIOS 3: -race with cgo off (ENV CGO_ENABLED=0): the flag goes',
		files: {
			'go.mod': goMod('1.22'),
			'main.go': NET_MAIN,
			Dockerfile: `FROM golang:1.22-alpine AS build
ENV CGO_ENABLED=0
WORKDIR /src
COPY . .
RUN go build -race -o /out/app ./cmd/server

FROM scratch
COPY --from=build /out/app /app
`,
			'cmd/server/main.go': NET_MAIN,
		},
		rule: 'external-link-no-cgo',
		fix: 'Remove "-race" (a race-detector build is for testing, not for shipping)',
		file: 'Dockerfile',
		expected: `FROM golang:1.22-alpine AS build
ENV CGO_ENABLED=0
WORKDIR /src
COPY . .
RUN go build -o /out/app ./cmd/server

FROM scratch
COPY --from=build /out/app /app
`,
	},
	{
		name: 'SCENARIOS 10: static glibc with cgo, net and os/user used, no -tags: both tags added as a new -tags',
		files: {
			'go.mod': goMod('1.22'),
			'main.go': USER_MAIN,
			Dockerfile: `FROM golang:1.22-bookworm AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=1 go build -ldflags '-linkmode external -extldflags "-static"' -o /out/app .

FROM scratch
COPY --from=build /out/app /app
`,
		},
		rule: 'static-glibc-nss',
		fix: 'Add the build tags "netgo,osusergo" (pure-Go resolver and user lookup)',
		file: 'Dockerfile',
		expected: `FROM golang:1.22-bookworm AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=1 go build -tags=netgo,osusergo -ldflags '-linkmode external -extldflags "-static"' -o /out/app .

FROM scratch
COPY --from=build /out/app /app
`,
	},
	{
		name: 'SCENARIOS 10: netgo without osusergo: osusergo merged into the existing list',
		files: {
			'go.mod': goMod('1.22'),
			'main.go': USER_MAIN,
			Dockerfile: `FROM golang:1.22-bookworm AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=1 go build -tags netgo -ldflags '-linkmode external -extldflags "-static"' -o /out/app .

FROM scratch
COPY --from=build /out/app /app
`,
		},
		rule: 'static-glibc-nss',
		fix: 'Add the build tag "osusergo" (pure-Go user lookup)',
		file: 'Dockerfile',
		expected: `FROM golang:1.22-bookworm AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=1 go build -tags netgo,osusergo -ldflags '-linkmode external -extldflags "-static"' -o /out/app .

FROM scratch
COPY --from=build /out/app /app
`,
	},
	{
		name: 'SCENARIOS 10: the old space-separated -tags form keeps its separator',
		files: {
			'go.mod': goMod('1.22'),
			'main.go': USER_MAIN,
			Dockerfile: `FROM golang:1.22-bookworm AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=1 go build -tags 'jsoniter netgo' -ldflags '-linkmode external -extldflags "-static"' -o /out/app .

FROM scratch
COPY --from=build /out/app /app
`,
		},
		rule: 'static-glibc-nss',
		fix: 'Add the build tag "osusergo" (pure-Go user lookup)',
		file: 'Dockerfile',
		expected: `FROM golang:1.22-bookworm AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=1 go build -tags 'jsoniter netgo osusergo' -ldflags '-linkmode external -extldflags "-static"' -o /out/app .

FROM scratch
COPY --from=build /out/app /app
`,
	},
	{
		name: 'SCENARIOS 5/10 in GoReleaser: the tag joins the `tags:` item (GoReleaser passes -tags=<items joined by commas>)',
		files: {
			'go.mod': goMod('1.22'),
			'main.go': USER_MAIN,
			[WF]: 'name: release\non:\n  push:\n    tags: ["v*"]\njobs:\n  release:\n    runs-on: ubuntu-22.04\n    steps:\n      - uses: actions/checkout@v4\n      - uses: goreleaser/goreleaser-action@v6\n        with:\n          args: release --clean\n',
			'.goreleaser.yaml': `version: 2
builds:
  - id: app
    binary: app
    env:
      - CGO_ENABLED=1
    goos: [linux]
    goarch: [amd64]
    tags:
      - netgo
    ldflags:
      - -X main.version={{.Version}}
      - -linkmode external -extldflags "-static"
`,
		},
		entry: WF,
		rule: 'static-glibc-nss',
		fix: 'Add the build tag "osusergo" (pure-Go user lookup)',
		file: '.goreleaser.yaml',
		expected: `version: 2
builds:
  - id: app
    binary: app
    env:
      - CGO_ENABLED=1
    goos: [linux]
    goarch: [amd64]
    tags:
      - netgo,osusergo
    ldflags:
      - -X main.version={{.Version}}
      - -linkmode external -extldflags "-static"
`,
	},
	{
		name: 'SCENARIOS 7: confluent-kafka-go with cgo on golang:1.22-alpine and no -tags: -tags=musl after the subcommand',
		files: {
			'go.mod': goMod('1.22', [KAFKA]),
			'main.go': KAFKA_MAIN,
			Dockerfile: `FROM golang:1.22-alpine AS build
RUN apk add --no-cache gcc musl-dev
WORKDIR /src
COPY . .
RUN CGO_ENABLED=1 go build -o /out/consumer .

FROM alpine:3.20
COPY --from=build /out/consumer /usr/local/bin/consumer
ENTRYPOINT ["consumer"]
`,
		},
		rule: 'musl-tag-missing',
		fix: 'Add -tags musl to this go build',
		file: 'Dockerfile',
		expected: `FROM golang:1.22-alpine AS build
RUN apk add --no-cache gcc musl-dev
WORKDIR /src
COPY . .
RUN CGO_ENABLED=1 go build -tags=musl -o /out/consumer .

FROM alpine:3.20
COPY --from=build /out/consumer /usr/local/bin/consumer
ENTRYPOINT ["consumer"]
`,
	},
	{
		name: 'SCENARIOS 7: musl merged into a quoted -tags list',
		files: {
			'go.mod': goMod('1.22', [KAFKA]),
			'main.go': KAFKA_MAIN,
			Dockerfile: `FROM golang:1.22-alpine AS build
RUN apk add --no-cache gcc musl-dev
WORKDIR /src
COPY . .
RUN CGO_ENABLED=1 go build -tags "jsoniter,prometheus" -o /out/consumer .

FROM alpine:3.20
COPY --from=build /out/consumer /usr/local/bin/consumer
ENTRYPOINT ["consumer"]
`,
		},
		rule: 'musl-tag-missing',
		fix: 'Add "musl" to -tags',
		file: 'Dockerfile',
		expected: `FROM golang:1.22-alpine AS build
RUN apk add --no-cache gcc musl-dev
WORKDIR /src
COPY . .
RUN CGO_ENABLED=1 go build -tags "jsoniter,prometheus,musl" -o /out/consumer .

FROM alpine:3.20
COPY --from=build /out/consumer /usr/local/bin/consumer
ENTRYPOINT ["consumer"]
`,
	},
	{
		name: 'SCENARIOS 7: tags from GOFLAGS are carried over into the new -tags (a command-line -tags replaces them)',
		files: {
			'go.mod': goMod('1.22', [KAFKA]),
			'main.go': KAFKA_MAIN,
			Dockerfile: `FROM golang:1.22-alpine AS build
RUN apk add --no-cache gcc musl-dev
ENV GOFLAGS="-tags=jsoniter" CGO_ENABLED=1
WORKDIR /src
COPY . .
RUN go build -o /out/consumer .

FROM alpine:3.20
COPY --from=build /out/consumer /usr/local/bin/consumer
ENTRYPOINT ["consumer"]
`,
		},
		rule: 'musl-tag-missing',
		fix: 'Add -tags musl to this go build',
		file: 'Dockerfile',
		expected: `FROM golang:1.22-alpine AS build
RUN apk add --no-cache gcc musl-dev
ENV GOFLAGS="-tags=jsoniter" CGO_ENABLED=1
WORKDIR /src
COPY . .
RUN go build -tags=jsoniter,musl -o /out/consumer .

FROM alpine:3.20
COPY --from=build /out/consumer /usr/local/bin/consumer
ENTRYPOINT ["consumer"]
`,
	},
];
