import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertFixResolves, covered, findingsFor, goMod, NET_MAIN, PLAIN_MAIN, relatedOf, single, SQLITE_MAIN, type Files } from './build-rule-support';

const RULE = 'cgo-cross-compile';

/** SCENARIOS 8: an arm64 cgo build on an amd64 builder with only the native gcc. */
const ARM64 = `FROM --platform=linux/amd64 golang:1.22-bookworm AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=1 GOOS=linux GOARCH=arm64 go build -o /out/app .

FROM --platform=linux/arm64 debian:bookworm-slim
COPY --from=build /out/app /usr/local/bin/app
`;

function project(dockerfile: string, main = NET_MAIN, requires: string[] = []): Files {
	return { Dockerfile: dockerfile, 'go.mod': goMod('1.22', requires), 'main.go': main };
}

describe('cgo-cross-compile', () => {
	it('CGO_ENABLED=1 GOARCH=arm64 on a linux/amd64 builder without a cross compiler: error, install fix', async () => {
		const files = project(ARM64);
		const finding = await single(files, RULE);
		assert.equal(finding.severity, 'error');
		assert.equal(covered(files, finding), 'CGO_ENABLED=1');
		assert.equal(
			finding.message,
			'CGO_ENABLED=1 cross-compiles for linux/arm64 on a linux/amd64 builder without a C compiler for that target (CC is unset, so cgo uses the native gcc) and the program imports net, which uses the C resolver when cgo is on: the C code is compiled for the wrong platform and the build fails (observed: "gcc_arm64.S:30: Error: no such instruction: `stp x29,x30,[sp,\'")',
		);
		assert.deepEqual(relatedOf(files, finding), [
			'Dockerfile: "GOOS=linux": GOOS=linux',
			'Dockerfile: "GOARCH=arm64": GOARCH=arm64',
			'Dockerfile: "FROM --platform=linux/amd64 golang:1.22-bookworm AS build": runs on a linux/amd64 builder',
		]);
		assert.deepEqual(finding.fixes.map((f) => [f.title, f.isPreferred]), [
			['Install crossbuild-essential-arm64 and build with CC=aarch64-linux-gnu-gcc', undefined],
			['Set CGO_ENABLED=0 where it is set to 1', false],
		]);
		await assertFixResolves(
			files,
			finding,
			'Install crossbuild-essential-arm64',
			'Dockerfile',
			ARM64.replace('RUN CGO_ENABLED=1', 'RUN apt-get update && apt-get install -y --no-install-recommends crossbuild-essential-arm64\nRUN CC=aarch64-linux-gnu-gcc CGO_ENABLED=1'),
			RULE,
		);
	});

	it('a Windows cgo build without mingw-w64: error when a module needs cgo, mingw fix', async () => {
		const dockerfile = 'FROM --platform=linux/amd64 golang:1.22-bookworm AS build\nWORKDIR /src\nCOPY . .\nENV CGO_ENABLED=1 GOOS=windows GOARCH=amd64\nRUN go build -o /out/app.exe .\n';
		const files = project(dockerfile, SQLITE_MAIN, ['github.com/mattn/go-sqlite3 v1.14.22']);
		const finding = await single(files, RULE);
		assert.equal(finding.severity, 'error');
		assert.match(finding.message, /^CGO_ENABLED=1 cross-compiles for windows\/amd64 on a linux\/amd64 builder without a C compiler for that target \(CC is unset, so cgo uses the native gcc\) and "github\.com\/mattn\/go-sqlite3" wraps SQLite:/);
		await assertFixResolves(
			files,
			finding,
			'Install gcc-mingw-w64-x86-64',
			'Dockerfile',
			dockerfile.replace('RUN go build', 'RUN apt-get update && apt-get install -y --no-install-recommends gcc-mingw-w64-x86-64\nRUN CC=x86_64-w64-mingw32-gcc go build'),
			RULE,
		);
	});

	it('a Windows build of a program whose only cgo user would be net stays silent (net never uses cgo on Windows)', async () => {
		const dockerfile = 'FROM --platform=linux/amd64 golang:1.22-bookworm AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=1 GOOS=windows go build -o /out/app.exe .\n';
		assert.deepEqual(await findingsFor(project(dockerfile), RULE), []);
	});

	it('a CC for another target, or one that is not installed, is an error', async () => {
		const wrong = project(ARM64.replace('RUN CGO_ENABLED=1', 'RUN apt-get update && apt-get install -y gcc-arm-linux-gnueabihf\nRUN CC=arm-linux-gnueabihf-gcc CGO_ENABLED=1'));
		assert.match((await single(wrong, RULE)).message, /without a C compiler for that target \(CC=arm-linux-gnueabihf-gcc targets linux\/arm\)/);
		const missing = project(ARM64.replace('RUN CGO_ENABLED=1', 'RUN CC=aarch64-linux-gnu-gcc CGO_ENABLED=1'));
		const finding = await single(missing, RULE);
		assert.equal(finding.severity, 'error');
		assert.match(finding.message, /\(CC=aarch64-linux-gnu-gcc is not installed in this stage\)/);
	});

	it('TRAPS: an installed cross gcc, zig cc, mingw-w64 for Windows, tonistiigi/xx stay silent', async () => {
		const gnu = ARM64.replace('RUN CGO_ENABLED=1', 'RUN apt-get update && apt-get install -y --no-install-recommends gcc-aarch64-linux-gnu libc6-dev-arm64-cross\nRUN CC=aarch64-linux-gnu-gcc CGO_ENABLED=1');
		assert.deepEqual(await findingsFor(project(gnu), RULE), []);
		const zig = 'FROM --platform=linux/amd64 golang:1.22-alpine AS build\nRUN apk add --no-cache zig\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=1 GOARCH=arm64 CC="zig cc -target aarch64-linux-musl" go build -o /out/app .\n';
		assert.deepEqual(await findingsFor(project(zig), RULE), []);
		const mingw = 'FROM --platform=linux/amd64 golang:1.22-bookworm AS build\nRUN apt-get update && apt-get install -y gcc-mingw-w64\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc go build -o /out/app.exe .\n';
		assert.deepEqual(await findingsFor(project(mingw, SQLITE_MAIN, ['github.com/mattn/go-sqlite3 v1.14.22']), RULE), []);
		const xx = `FROM --platform=$BUILDPLATFORM tonistiigi/xx:1.4.0 AS xx

FROM --platform=$BUILDPLATFORM golang:1.22-alpine AS build
COPY --from=xx / /
ARG TARGETPLATFORM
RUN apk add --no-cache clang lld
RUN xx-apk add --no-cache gcc musl-dev
WORKDIR /src
COPY . .
ENV CGO_ENABLED=1
RUN xx-go build -o /out/app . && xx-verify /out/app

FROM alpine:3.20
COPY --from=build /out/app /usr/local/bin/app
`;
		assert.deepEqual(await findingsFor(project(xx, SQLITE_MAIN, ['github.com/mattn/go-sqlite3 v1.14.22']), RULE), []);
	});

	it('a $BUILDPLATFORM builder with GOARCH=arm64: a warning, the builder\'s own architecture is not known', async () => {
		const dockerfile = 'FROM --platform=$BUILDPLATFORM golang:1.22-bookworm AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=1 GOARCH=arm64 go build -o /out/app .\n';
		const finding = await single(project(dockerfile), RULE);
		assert.equal(finding.severity, 'warning');
		assert.match(finding.message, /^CGO_ENABLED=1 builds for linux\/arm64 on the builder's own platform \(\$BUILDPLATFORM, not known here\) without/);
		assert.match(finding.message, /\(unless the machine that builds the image is linux\/arm64\)$/);
	});

	it('a stage without --platform and GOARCH=arm64: a warning that names the platform it depends on', async () => {
		const dockerfile = 'FROM golang:1.22-bookworm AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=1 GOARCH=arm64 go build -o /out/app .\n';
		const finding = await single(project(dockerfile), RULE);
		assert.equal(finding.severity, 'warning');
		assert.match(finding.message, /^CGO_ENABLED=1 builds for linux\/arm64 on the platform the image is built for \(FROM has no --platform; not known here\) without a C compiler for that target \(CC is unset, so cgo uses the native gcc\)/);
		assert.match(finding.message, /\(unless the image is built for linux\/arm64: docker build --platform linux\/arm64, or a plain docker build on a linux\/arm64 machine\)$/);
	});

	it('GOARCH fixed in a $BUILDPLATFORM stage that feeds a target-platform image: a warning, fix takes $TARGETARCH', async () => {
		const dockerfile = `FROM --platform=$BUILDPLATFORM golang:1.22-alpine AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 GOOS=linux GOARCH=amd64 go build -o /out/app .

FROM gcr.io/distroless/static-debian12
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]
`;
		const files = project(dockerfile, PLAIN_MAIN);
		const finding = await single(files, RULE);
		assert.equal(finding.severity, 'warning');
		assert.equal(covered(files, finding), 'GOARCH=amd64');
		assert.equal(
			finding.message,
			'GOARCH="amd64" is fixed in a stage that runs on $BUILDPLATFORM and feeds a $TARGETPLATFORM image: an image built for any other platform (docker buildx build --platform) ships the amd64 binary (the target platforms are chosen at build time, not in the Dockerfile)',
		);
		assert.deepEqual(relatedOf(files, finding), [
			'Dockerfile: "FROM --platform=$BUILDPLATFORM golang:1.22-alpine AS build": this stage runs on the builder\'s platform',
			'Dockerfile: "go build": builds for GOARCH=amd64',
			'Dockerfile: "COPY --from=build /out/app /app": copied into a stage built for the target platform',
		]);
		await assertFixResolves(
			files,
			finding,
			'Take GOARCH from $TARGETARCH',
			'Dockerfile',
			dockerfile.replace('AS build\n', 'AS build\nARG TARGETARCH\n').replace('GOARCH=amd64', 'GOARCH=$TARGETARCH'),
			RULE,
		);
	});

	it('does not declare ARG TARGETARCH twice', async () => {
		const dockerfile = 'FROM --platform=$BUILDPLATFORM golang:1.22-alpine AS build\nARG TARGETARCH\nENV GOARCH=arm64\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/app .\n\nFROM --platform=$TARGETPLATFORM alpine:3.20\nCOPY --from=build /out/app /app\n';
		const files = project(dockerfile, PLAIN_MAIN);
		const finding = await single(files, RULE);
		await assertFixResolves(files, finding, 'Take GOARCH', 'Dockerfile', dockerfile.replace('ENV GOARCH=arm64', 'ENV GOARCH=$TARGETARCH'), RULE);
	});

	it('ARG TARGETOS TARGETARCH on one line declares both: the target is BuildKit\'s, not a GOARCH named "TARGETARCH"', async () => {
		const twoLines = 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nARG TARGETOS\nARG TARGETARCH\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=1 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /app .\n\nFROM debian:bookworm-slim\nCOPY --from=build /app /app\n';
		const oneLine = twoLines.replace('ARG TARGETOS\nARG TARGETARCH\n', 'ARG TARGETOS TARGETARCH\n');
		const messages = async (text: string) => (await findingsFor(project(text), RULE)).map((f) => `${f.severity}: ${f.message}`);
		assert.deepEqual(await messages(oneLine), await messages(twoLines));
		for (const message of await messages(oneLine)) assert.doesNotMatch(message, /TARGETARCH\//);
	});

	it('CGO_ENABLED=1 with GOARCH=$TARGETARCH on $BUILDPLATFORM: a warning for every other target platform', async () => {
		const dockerfile = 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nARG TARGETOS TARGETARCH\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=1 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /app .\n\nFROM debian:bookworm-slim\nCOPY --from=build /app /app\n';
		const files = project(dockerfile);
		const finding = await single(files, RULE);
		assert.equal(finding.severity, 'warning');
		assert.equal(covered(files, finding), 'CGO_ENABLED=1');
		assert.equal(
			finding.message,
			"CGO_ENABLED=1 while GOARCH follows $TARGETARCH in a stage that runs on $BUILDPLATFORM: for every target platform other than the builder's own (docker buildx build --platform …) this is a cgo cross build without a C compiler for the target (CC is unset, so cgo uses the native gcc) and the program imports net, which uses the C resolver when cgo is on, and that build fails (which platforms are built is chosen at build time, not in the Dockerfile)",
		);
		assert.deepEqual(relatedOf(files, finding), [
			'Dockerfile: "GOOS=$TARGETOS": GOOS=(set at build time)',
			'Dockerfile: "GOARCH=$TARGETARCH": GOARCH=(set at build time)',
			'Dockerfile: "FROM --platform=$BUILDPLATFORM golang:1.22 AS build": this stage runs on the builder\'s platform',
		]);
		// The same build with a cross-compiling CC, or in a stage that runs on the target platform, is correct.
		assert.deepEqual(await findingsFor(project(dockerfile.replace('CGO_ENABLED=1 ', 'CGO_ENABLED=1 CC="zig cc" ')), RULE), []);
		assert.deepEqual(await findingsFor(project(dockerfile.replace('--platform=$BUILDPLATFORM ', '')), RULE), []);
		assert.deepEqual(await findingsFor(project(dockerfile, PLAIN_MAIN), RULE), []);
		// CC chosen per target in the same RUN: set, to a value known only at build time; not "unset".
		const perTarget = dockerfile.replace('RUN CGO_ENABLED=1', 'RUN case "$TARGETARCH" in arm64) export CC=aarch64-linux-gnu-gcc ;; amd64) export CC=x86_64-linux-gnu-gcc ;; esac; \\\n    CGO_ENABLED=1');
		assert.match(perTarget, /esac; \\\n {4}CGO_ENABLED=1 GOOS/);
		assert.deepEqual(await findingsFor(project(perTarget), RULE), []);
	});

	it('silent: native cgo builds, a GOARCH equal to the builder\'s, a fixed GOARCH without a multi-platform set-up', async () => {
		assert.deepEqual(await findingsFor(project('FROM golang:1.22-bookworm AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=1 go build -o /out/app .\n'), RULE), []);
		assert.deepEqual(await findingsFor(project(ARM64.replace('GOARCH=arm64', 'GOARCH=amd64')), RULE), []);
		assert.deepEqual(await findingsFor(project('FROM golang:1.22-alpine AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 GOARCH=amd64 go build -o /out/app .\n\nFROM scratch\nCOPY --from=build /out/app /app\n', PLAIN_MAIN), RULE), []);
	});
});
