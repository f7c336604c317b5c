import { crlf, goMod, NET_MAIN, type FixCase } from './harness';

/**
 * The LSP layer's "Ignore <rule> for this instruction / for this file" (lsp/code-actions.ts, pragma-edits.ts):
 * a `# shipcheck ignore=…` pragma above the statement (merged into an existing one) or an `ignore-file`
 * pragma after the parser directives, in a Dockerfile, a workflow, .gitlab-ci.yml and go.mod (`//`).
 */

const WF = '.github/workflows/release.yml';

const SCRATCH = `# syntax=docker/dockerfile:1
# escape=\\
FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN go build -o /out/app .

FROM scratch
COPY --from=build \\
    /out/app /app
ENTRYPOINT ["/app"]
`;

const PROFILING = `name: profiling build
on: workflow_dispatch
jobs:
  build:
    runs-on: ubuntu-24.04
    env:
      CGO_ENABLED: "0"
    steps:
      - uses: actions/checkout@v4
      - name: Build
        run: |
          go build \\
            -trimpath \\
            -ldflags "-s -w -X main.version=\${GITHUB_SHA}" \\
            -o dist/app .
`;

export const IGNORE_CASES: readonly FixCase[] = [
	{
		name: 'Dockerfile: above a COPY continued over two lines',
		files: { 'go.mod': goMod('1.22'), 'main.go': NET_MAIN, Dockerfile: SCRATCH },
		rule: 'libc-mismatch',
		fix: 'Ignore libc-mismatch for this instruction',
		file: 'Dockerfile',
		expected: SCRATCH.replace('COPY --from=build', '# shipcheck ignore=libc-mismatch reason: explain why this is safe\nCOPY --from=build'),
	},
	{
		name: 'Dockerfile: the file pragma goes after the parser directives',
		files: { 'go.mod': goMod('1.22'), 'main.go': NET_MAIN, Dockerfile: SCRATCH },
		rule: 'libc-mismatch',
		fix: 'Ignore libc-mismatch for this file',
		file: 'Dockerfile',
		expected: SCRATCH.replace('FROM golang:1.22 AS build', '# shipcheck ignore-file=libc-mismatch\nFROM golang:1.22 AS build'),
	},
	{
		name: 'Dockerfile: merged into the pragma the RUN already has (indented stage)',
		files: {
			'go.mod': goMod('1.22'),
			'main.go': NET_MAIN,
			Dockerfile: `FROM golang:1.22-alpine AS build
  WORKDIR /src
  COPY . .
  # shipcheck ignore=cgo-implicit gcc is never installed in this stage
  RUN go build -ldflags "-s -w" -o /out/app .

FROM gcr.io/distroless/static-debian12
COPY --from=build /out/app /app
`,
		},
		rule: 'stripped-binary',
		fix: 'Ignore stripped-binary for this instruction',
		file: 'Dockerfile',
		expected: `FROM golang:1.22-alpine AS build
  WORKDIR /src
  COPY . .
  # shipcheck ignore=cgo-implicit,stripped-binary gcc is never installed in this stage
  RUN go build -ldflags "-s -w" -o /out/app .

FROM gcr.io/distroless/static-debian12
COPY --from=build /out/app /app
`,
	},
	{
		name: 'workflow: a finding on a continuation line of a `run: |` command: the pragma goes above the command and covers all its lines',
		files: { 'go.mod': goMod('1.22'), 'main.go': NET_MAIN, [WF]: PROFILING },
		entry: WF,
		rule: 'stripped-binary',
		fix: 'Ignore stripped-binary for this instruction',
		file: WF,
		expected: PROFILING.replace('          go build \\', '          # shipcheck ignore=stripped-binary reason: explain why this is safe\n          go build \\'),
	},
	{
		name: 'workflow: the file pragma on the first line',
		files: { 'go.mod': goMod('1.22'), 'main.go': NET_MAIN, [WF]: PROFILING },
		entry: WF,
		rule: 'stripped-binary',
		fix: 'Ignore stripped-binary for this file',
		file: WF,
		expected: `# shipcheck ignore-file=stripped-binary\n${PROFILING}`,
	},
	{
		name: '.gitlab-ci.yml with CRLF: above the job\'s image line, indented like it',
		files: {
			'go.mod': goMod('1.22'),
			'main.go': NET_MAIN,
			'.gitlab-ci.yml': crlf('build:\n  image: golang:1.22\n  script:\n    - go build -o bin/app .\n  artifacts:\n    paths: [bin/app]\n'),
		},
		entry: '.gitlab-ci.yml',
		rule: 'glibc-too-old',
		fix: 'Ignore glibc-too-old for this instruction',
		file: '.gitlab-ci.yml',
		expected: crlf('build:\n  # shipcheck ignore=glibc-too-old reason: explain why this is safe\n  image: golang:1.22\n  script:\n    - go build -o bin/app .\n  artifacts:\n    paths: [bin/app]\n'),
	},
	{
		name: 'go.mod: a `//` pragma above the go line; the same problem reported on the Dockerfile\'s FROM stays (a pragma is per file)',
		files: {
			'go.mod': 'module example.com/app\n\ngo 1.24\n',
			'main.go': NET_MAIN,
			Dockerfile: 'FROM golang:1.23-alpine AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/app .\n',
		},
		entry: 'go.mod',
		rule: 'go-version-mismatch',
		at: 'go 1.24',
		fix: 'Ignore go-version-mismatch for this instruction',
		file: 'go.mod',
		expected: 'module example.com/app\n\n// shipcheck ignore=go-version-mismatch reason: explain why this is safe\ngo 1.24\n',
		after: ['go-version-mismatch Dockerfile:1 "golang:1.23-alpine"'],
	},
	{
		name: 'go.mod: the file pragma on the first line',
		files: {
			'go.mod': 'module example.com/app\n\ngo 1.24\n',
			'main.go': NET_MAIN,
			Dockerfile: 'FROM golang:1.23-alpine AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/app .\n',
		},
		entry: 'go.mod',
		rule: 'go-version-mismatch',
		at: 'go 1.24',
		fix: 'Ignore go-version-mismatch for this file',
		file: 'go.mod',
		expected: '// shipcheck ignore-file=go-version-mismatch\nmodule example.com/app\n\ngo 1.24\n',
		after: ['go-version-mismatch Dockerfile:1 "golang:1.23-alpine"'],
	},
];
