// A deterministic corpus of realistic Go service projects for the CLI benchmark: Dockerfiles of many shapes
// (single and multi-stage; golang Debian/Alpine builders; alpine, debian, ubuntu, distroless, scratch, busybox,
// chainguard runtimes; cgo on, off and unset; ARGs and --platform; heredocs; cache mounts; ldflags), go.mod
// files and a few Go sources. Same seed, same files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../../test/helpers/seeded-random';

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];

const GO_VERSIONS = ['1.21', '1.22', '1.23', '1.24'];
const BUILDER_VARIANTS = ['', '-bookworm', '-bullseye', '-alpine', '-alpine3.19', '-alpine3.20'];
const RUNTIMES = ['alpine:3.20', 'alpine:3.19', 'debian:bookworm-slim', 'debian:bullseye-slim', 'ubuntu:22.04', 'ubuntu:24.04', 'gcr.io/distroless/static-debian12', 'gcr.io/distroless/base-debian12:nonroot', 'scratch', 'busybox:1.36', 'cgr.dev/chainguard/static:latest'];
const CGO = ['unset', 'env-0', 'inline-0', 'env-1', 'inline-1'] as const;
const TAGS = ['', ' -tags netgo', ' -tags "netgo osusergo"', ' -tags sqlite_omit_load_extension'];
const LDFLAGS = ['', ' -ldflags="-s -w"', ` -ldflags "-s -w -X main.version=\${VERSION}"`, ` -ldflags "-linkmode external -extldflags '-static'"`, ' -trimpath'];

export interface CorpusStats {
	readonly projects: number;
	readonly dockerfiles: number;
	readonly goMods: number;
	readonly goSources: number;
	readonly bytes: number;
}

function builderStage(random: Random, go: string, variant: string, cgo: (typeof CGO)[number], name: string): string[] {
	const useArg = random() < 0.35;
	const lines: string[] = [];
	if (useArg) lines.push(`ARG GO_VERSION=${go}`);
	const platform = random() < 0.25 ? '--platform=$BUILDPLATFORM ' : '';
	lines.push(`FROM ${platform}golang:${useArg ? '${GO_VERSION}' : go}${variant} AS ${name}`);
	if (platform) lines.push('ARG TARGETOS TARGETARCH');
	if (variant.includes('alpine') && (cgo === 'env-1' || cgo === 'inline-1')) lines.push('RUN apk add --no-cache gcc musl-dev');
	lines.push(pick(random, ['WORKDIR /src', 'WORKDIR /app', 'WORKDIR /go/src/app']));
	lines.push('COPY go.mod go.sum* ./');
	lines.push(random() < 0.4 ? 'RUN --mount=type=cache,target=/go/pkg/mod go mod download' : 'RUN go mod download');
	lines.push('COPY . .');
	if (cgo === 'env-0') lines.push('ENV CGO_ENABLED=0');
	if (cgo === 'env-1') lines.push(pick(random, ['ENV CGO_ENABLED=1', 'ENV CGO_ENABLED 1']));
	const inline = cgo === 'inline-0' ? 'CGO_ENABLED=0 ' : cgo === 'inline-1' ? 'CGO_ENABLED=1 ' : '';
	const cross = platform ? 'GOOS=$TARGETOS GOARCH=$TARGETARCH ' : '';
	const build = `${inline}${cross}go build${pick(random, TAGS)}${pick(random, LDFLAGS)} -o /out/app ${pick(random, ['.', './cmd/server', './cmd/app'])}`;
	const style = random();
	if (style < 0.15) lines.push('RUN <<EOF', 'set -eux', 'go vet ./...', build, 'EOF');
	else if (style < 0.35) lines.push('RUN --mount=type=cache,target=/root/.cache/go-build \\', `    ${build}`);
	else if (style < 0.45) lines.push(`RUN go test ./... && \\`, `    ${build}`);
	else lines.push(`RUN ${build}`);
	return lines;
}

function dockerfile(random: Random, index: number): string {
	const go = pick(random, GO_VERSIONS);
	const variant = pick(random, BUILDER_VARIANTS);
	const cgo = pick(random, CGO);
	const header = random() < 0.3 ? ['# syntax=docker/dockerfile:1.7'] : [];
	const comment = `# service ${index}: ${variant.includes('alpine') ? 'alpine' : 'debian'} builder, cgo ${cgo}`;
	const shape = random();
	if (shape < 0.15) {
		// Single stage: build and run in the golang image.
		return [...header, comment, ...builderStage(random, go, variant, cgo, 'app'), 'EXPOSE 8080', 'CMD ["/out/app"]', ''].join('\n');
	}
	const lines = [...header, comment, ...builderStage(random, go, variant, cgo, 'build'), ''];
	if (shape > 0.85) {
		// A third stage with tests, or a second binary.
		lines.push('FROM build AS test', 'RUN go test -race ./...', '');
	}
	const runtime = pick(random, RUNTIMES);
	lines.push(`FROM ${runtime}`);
	if (runtime.startsWith('alpine') && random() < 0.3) lines.push('RUN apk add --no-cache ca-certificates tzdata');
	if (runtime.startsWith('debian') || runtime.startsWith('ubuntu')) lines.push('RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*');
	if (random() < 0.2) lines.push('COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/');
	lines.push(pick(random, ['COPY --from=build /out/app /app', 'COPY --from=build /out/app /usr/local/bin/app', 'COPY --from=build --chown=65532:65532 /out/app /app']));
	if (random() < 0.4) lines.push(pick(random, ['USER 65532:65532', 'USER nonroot:nonroot', 'USER app']));
	lines.push(random() < 0.5 ? 'ENTRYPOINT ["/app"]' : 'CMD ["app", "--port", "8080"]', '');
	return lines.join('\n');
}

function goMod(random: Random, index: number): string {
	const lines = [`module example.com/service${index}`, '', `go ${pick(random, GO_VERSIONS)}${random() < 0.4 ? '.0' : ''}`];
	if (random() < 0.3) lines.push('', `toolchain go${pick(random, GO_VERSIONS)}.${Math.floor(random() * 6)}`);
	const requires = [
		'github.com/mattn/go-sqlite3 v1.14.22',
		'github.com/go-chi/chi/v5 v5.0.12',
		'golang.org/x/sys v0.20.0 // indirect',
		'github.com/prometheus/client_golang v1.19.0',
		'gopkg.in/yaml.v3 v3.0.1',
	].filter(() => random() < 0.4);
	if (requires.length > 0) lines.push('', 'require (', ...requires.map((r) => `\t${r}`), ')');
	lines.push('');
	return lines.join('\n');
}

const GO_SOURCES = [
	'package main\n\nimport (\n\t"fmt"\n\t"net/http"\n)\n\nfunc main() {\n\thttp.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { fmt.Fprintln(w, "ok") })\n\t_ = http.ListenAndServe(":8080", nil)\n}\n',
	'package main\n\n/*\n#include <stdlib.h>\n*/\nimport "C"\n\nfunc main() { C.free(nil) }\n',
	'package main\n\nimport "os"\n\nfunc main() { os.Exit(0) }\n',
	'package main\n\nimport (\n\t"database/sql"\n\n\t_ "github.com/mattn/go-sqlite3"\n)\n\nfunc main() { _, _ = sql.Open("sqlite3", ":memory:") }\n',
];

/**
 * Writes `projects` project folders under `dir`: each has a Dockerfile and a go.mod; every fifth project also a
 * `Dockerfile.dev` variant, every third one a main.go (the CLI reads Go sources to decide cgo linkage).
 */
export function writeCorpus(dir: string, projects: number, seed = 42): CorpusStats {
	const random = seededRandom(seed);
	let dockerfiles = 0;
	let goMods = 0;
	let goSources = 0;
	let bytes = 0;
	const write = (path: string, text: string) => {
		writeFileSync(path, text);
		bytes += Buffer.byteLength(text);
	};
	for (let i = 0; i < projects; i++) {
		const project = join(dir, `svc-${String(i).padStart(4, '0')}`);
		mkdirSync(project, { recursive: true });
		write(join(project, 'Dockerfile'), dockerfile(random, i));
		dockerfiles++;
		if (i % 5 === 0) {
			write(join(project, 'Dockerfile.dev'), dockerfile(random, i));
			dockerfiles++;
		}
		write(join(project, 'go.mod'), goMod(random, i));
		goMods++;
		if (i % 3 === 0) {
			write(join(project, 'main.go'), pick(random, GO_SOURCES));
			goSources++;
		}
	}
	return { projects, dockerfiles, goMods, goSources, bytes };
}

/** One typical Dockerfile for the latency benchmarks (a multi-stage cgo build into alpine). */
export function typicalProject(): { dockerfile: string; goMod: string; mainGo: string } {
	return {
		dockerfile: [
			'# syntax=docker/dockerfile:1.7',
			'ARG GO_VERSION=1.22',
			'FROM golang:${GO_VERSION} AS build',
			'WORKDIR /src',
			'COPY go.mod go.sum* ./',
			'RUN --mount=type=cache,target=/go/pkg/mod go mod download',
			'COPY . .',
			'RUN --mount=type=cache,target=/root/.cache/go-build \\',
			'    go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/server',
			'',
			'FROM alpine:3.20',
			'RUN apk add --no-cache ca-certificates',
			'COPY --from=build /out/app /app',
			'USER 65532:65532',
			'ENTRYPOINT ["/app"]',
			'',
		].join('\n'),
		goMod: 'module example.com/bench\n\ngo 1.22\n\nrequire github.com/go-chi/chi/v5 v5.0.12\n',
		mainGo: GO_SOURCES[0],
	};
}
