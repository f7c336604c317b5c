import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeWorkspace, applyEdits } from '../helpers/engine';

const server = 'package main\n\nimport "net/http"\n\nfunc main() { _ = http.ListenAndServe(":8080", nil) }\n';
const gomod = 'module example.com/app\n\ngo 1.22\n';

function workspace(dockerfile: string, extra: Record<string, string> = {}) {
	return { Dockerfile: dockerfile, 'go.mod': gomod, 'main.go': server, ...extra };
}

async function findings(files: Record<string, string>) {
	const result = await analyzeWorkspace(files);
	return result.findings.filter((f) => f.ruleId === 'libc-mismatch');
}

const debianToAlpine = `FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN go build -o /out/app .

FROM alpine:3.20
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]
`;

describe('libc-mismatch: fires', () => {
	it('Debian golang builder, default cgo, alpine runtime (SCENARIOS 1)', async () => {
		const [f, ...rest] = await findings(workspace(debianToAlpine));
		assert.equal(rest.length, 0);
		assert.equal(f.severity, 'error');
		assert.equal(debianToAlpine.slice(f.span.start, f.span.end), 'COPY --from=build /out/app /app');
		assert.equal(
			f.message,
			'"/app" is dynamically linked against glibc (CGO_ENABLED is unset and gcc is present in golang:1.22, so cgo defaults to on) but "alpine:3.20" has musl 1.2.5, not glibc: it will fail to start with "no such file or directory"',
		);
		assert.deepEqual(
			f.related.map((r) => [debianToAlpine.slice(r.span.start, r.span.end), r.message.split(':')[0]]),
			[
				['FROM golang:1.22 AS build', 'built in stage "build"'],
				['go build -o /out/app .', 'this build links dynamically'],
				['FROM alpine:3.20', 'runs in "alpine'],
			],
		);
	});
	for (const runtime of ['scratch', 'gcr.io/distroless/static-debian12', 'gcr.io/distroless/static-debian12:nonroot', 'cgr.dev/chainguard/static']) {
		it(`into ${runtime}: no C library and no loader`, async () => {
			const [f] = await findings(workspace(debianToAlpine.replace('alpine:3.20', runtime)));
			assert.equal(f?.severity, 'error');
			assert.match(f.message, /has no C library and no loader/);
		});
	}
	it('explicit CGO_ENABLED=1 in ENV, fix changes it to 0 in place', async () => {
		const text = debianToAlpine.replace('WORKDIR /src', 'ENV CGO_ENABLED=1\nWORKDIR /src');
		const [f] = await findings(workspace(text));
		assert.equal(f?.severity, 'error');
		const fix = f.fixes[0];
		assert.equal(fix.title, 'Set CGO_ENABLED=0 where it is set to 1');
		const fixed = applyEdits(text, fix.edits);
		assert.equal(fixed, debianToAlpine.replace('WORKDIR /src', 'ENV CGO_ENABLED=0\nWORKDIR /src'));
		assert.deepEqual(await findings(workspace(fixed)), []);
	});
	it('musl binary (cgo on alpine) into Debian', async () => {
		const text = `FROM golang:1.22-alpine3.20 AS build
RUN apk add --no-cache gcc musl-dev
WORKDIR /src
COPY . .
RUN CGO_ENABLED=1 go build -o /out/app .

FROM debian:bookworm-slim
COPY --from=build /out/app /usr/local/bin/app
`;
		const [f] = await findings(workspace(text));
		assert.equal(f?.severity, 'error');
		assert.match(f.message, /dynamically linked against musl .* has glibc 2\.36, not musl/);
	});
	it('-buildmode=pie without cgo into scratch: needs the loader (FACTS §3.5)', async () => {
		const [f] = await findings(workspace(debianToAlpine.replace('RUN go build', 'RUN CGO_ENABLED=0 go build -buildmode=pie').replace('alpine:3.20', 'scratch')));
		assert.equal(f?.severity, 'error');
		assert.match(f.message, /has no ELF loader/);
	});
	it('-race on alpine with gcc, run on scratch (SCENARIOS 3)', async () => {
		const text = `FROM golang:1.22-alpine AS build
RUN apk add --no-cache gcc musl-dev
WORKDIR /src
COPY . .
RUN go build -race -o /out/app .
FROM scratch
COPY --from=build /out/app /app
`;
		const [f] = await findings(workspace(text, { 'main.go': 'package main\n\nfunc main() {}\n' }));
		assert.equal(f?.severity, 'error');
	});
	it('follows stage chains: build → test → final', async () => {
		const text = `FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN go build -o /out/app .
FROM build AS test
RUN go test ./...
FROM alpine:3.20 AS final
COPY --from=test /out/app /app
`;
		assert.equal((await findings(workspace(text))).length, 1);
	});
	it('a copied directory delivers the binary inside it', async () => {
		const text = debianToAlpine.replace('COPY --from=build /out/app /app', 'COPY --from=build /out/ /usr/local/bin/');
		const [f] = await findings(workspace(text));
		assert.match(f.message, /^"\/usr\/local\/bin\/app" is dynamically linked/);
	});
	it('no Go sources visible: a warning that names the assumption', async () => {
		const [f] = await findings({ Dockerfile: debianToAlpine, 'go.mod': gomod });
		assert.equal(f?.severity, 'warning');
		assert.match(f.message, /not certain: .*assumed to import net/);
	});
	it('an image the knowledge base does not know: information, no libc claim', async () => {
		const [f] = await findings(workspace(debianToAlpine.replace('alpine:3.20', 'registry.example.com/base:1')));
		assert.equal(f?.severity, 'info');
		assert.match(f.message, /the C library of "registry\.example\.com\/base:1" is not known/);
	});
	it('an image described in .shipcheck.yaml is checked', async () => {
		const result = await analyzeWorkspace(workspace(debianToAlpine.replace('alpine:3.20', 'registry.example.com/base:1')), { config: { images: { 'registry.example.com/base': { libc: 'musl' } } } });
		assert.equal(result.findings.find((f) => f.ruleId === 'libc-mismatch')?.severity, 'error');
	});
	it('build args in FROM resolve through global ARG defaults', async () => {
		const text = `ARG GO_VERSION=1.22
ARG RUNTIME=alpine:3.20
FROM golang:\${GO_VERSION} AS build
WORKDIR /src
COPY . .
RUN go build -o /out/app .
FROM \${RUNTIME}
COPY --from=build /out/app /app
`;
		assert.equal((await findings(workspace(text)))[0]?.severity, 'error');
	});
	describe('a build on $BUILDPLATFORM for GOARCH=$TARGETARCH: native only when the target is the builder\'s platform', () => {
		const crossReady = debianToAlpine
			.replace('FROM golang:1.22 AS build', 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nARG TARGETOS TARGETARCH')
			.replace('RUN go build', 'RUN GOOS=$TARGETOS GOARCH=$TARGETARCH go build');
		it('a warning that names the unknown target platform, not an error', async () => {
			const [f, ...rest] = await findings(workspace(crossReady));
			assert.equal(rest.length, 0);
			assert.equal(f.severity, 'warning');
			assert.match(f.message, /so cgo defaults to on when the image is built for the platform this stage runs on \(GOARCH follows \$TARGETARCH\)/);
			assert.match(f.message, /not certain: .*if the image is built for the platform the build stage runs on \(as a plain docker build is; for any other target platform it is a cross build, cgo is off and the binary is static\)/);
		});
		it('the target followed through ENV and a shell variable', async () => {
			const viaEnv = crossReady.replace('ARG TARGETOS TARGETARCH', 'ARG TARGETARCH\nENV ARCH=$TARGETARCH').replace('GOOS=$TARGETOS GOARCH=$TARGETARCH', 'GOARCH="${ARCH}"');
			assert.equal((await findings(workspace(viaEnv)))[0]?.severity, 'warning');
			assert.match((await findings(workspace(viaEnv)))[0].message, /GOARCH follows \$TARGETARCH/);
		});
		it('the target followed through a global ARG re-imported in the stage', async () => {
			const viaGlobal = `ARG ARCH=$TARGETARCH\n${crossReady.replace('ARG TARGETOS TARGETARCH', 'ARG ARCH').replace('GOOS=$TARGETOS GOARCH=$TARGETARCH', 'GOARCH=$ARCH')}`;
			const [f] = await findings(workspace(viaGlobal));
			assert.equal(f?.severity, 'warning');
			assert.match(f.message, /GOARCH follows \$TARGETARCH/);
		});
		it('a stage on a fixed --platform: the same warning, without the claim about a plain docker build', async () => {
			const fixed = crossReady.replace('--platform=$BUILDPLATFORM', '--platform=linux/amd64');
			const [f] = await findings(workspace(fixed));
			assert.equal(f?.severity, 'warning');
			assert.match(f.message, /if the image is built for the platform the build stage runs on \(for any other target platform it is a cross build/);
		});
		it('a stage on the target platform (no --platform) builds natively for every target: still an error', async () => {
			const native = crossReady.replace('FROM --platform=$BUILDPLATFORM golang:1.22', 'FROM golang:1.22');
			assert.equal((await findings(workspace(native)))[0]?.severity, 'error');
		});
		it('GOARCH from a command\'s output is not taken for the target', async () => {
			const uname = crossReady.replace('GOOS=$TARGETOS GOARCH=$TARGETARCH', 'GOARCH=$(go env GOARCH)');
			assert.equal((await findings(workspace(uname)))[0]?.severity, 'error');
		});
		it('CGO_ENABLED=0 stays silent', async () => {
			assert.deepEqual(await findings(workspace(crossReady.replace('RUN GOOS', 'RUN CGO_ENABLED=0 GOOS'))), []);
		});
	});
});

describe('libc-mismatch: judges the packages a build compiles, not the whole module', () => {
	const tool = 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("migrate") }\n';
	const building = (target: string) => debianToAlpine.replace('RUN go build -o /out/app .', `RUN go build -o /out/app ${target}`);
	it('a tool that imports neither net nor os/user links statically with cgo on: silent, though the server imports net', async () => {
		// Observed with go1.26.8 on Debian 12: CGO_ENABLED=1 go build ./tools/migrate gives a statically linked binary.
		assert.deepEqual(await findings(workspace(building('./tools/migrate'), { 'tools/migrate/main.go': tool })), []);
	});
	it('the server itself, or ./..., still fires', async () => {
		assert.equal((await findings(workspace(building('.'), { 'tools/migrate/main.go': tool })))[0]?.severity, 'error');
		assert.equal((await findings(workspace(building('./...'), { 'tools/migrate/main.go': tool })))[0]?.severity, 'error');
	});
	it('a tool that imports a package of the module that imports net fires', async () => {
		const viaLocal = 'package main\n\nimport "example.com/app/internal/client"\n\nfunc main() { client.Run() }\n';
		const client = 'package client\n\nimport "net/http"\n\nfunc Run() { _, _ = http.Get("http://example.com") }\n';
		const files = workspace(building('./tools/migrate'), { 'tools/migrate/main.go': viaLocal, 'internal/client/client.go': client });
		assert.equal((await findings(files))[0]?.severity, 'error');
	});
});

describe('libc-mismatch: stays silent (SCENARIOS traps)', () => {
	const cases: Record<string, string> = {
		'CGO_ENABLED=0 into scratch': debianToAlpine.replace('RUN go build', 'RUN CGO_ENABLED=0 go build').replace('alpine:3.20', 'scratch'),
		'ENV CGO_ENABLED=0 into distroless/static': debianToAlpine.replace('WORKDIR /src', 'ENV CGO_ENABLED=0\nWORKDIR /src').replace('alpine:3.20', 'gcr.io/distroless/static-debian12'),
		'bookworm builder into distroless/base-debian12': debianToAlpine.replace('golang:1.22', 'golang:1.22-bookworm').replace('alpine:3.20', 'gcr.io/distroless/base-debian12'),
		'bookworm builder into debian:bookworm-slim': debianToAlpine.replace('golang:1.22', 'golang:1.22-bookworm').replace('alpine:3.20', 'debian:bookworm-slim'),
		'alpine builder with cgo into alpine (same musl)': `FROM golang:1.22-alpine3.20 AS build\nRUN apk add --no-cache gcc musl-dev\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=1 go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=build /out/app /app\n`,
		'alpine builder without gcc (Go ≥ 1.20 turns cgo off) into scratch': `FROM golang:1.22-alpine AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /out/app .\nFROM scratch\nCOPY --from=build /out/app /app\n`,
		'cgo with -tags netgo,osusergo into alpine': debianToAlpine.replace('go build', 'go build -tags netgo,osusergo'),
		'static glibc linking into alpine': debianToAlpine.replace('go build', `go build -ldflags '-linkmode external -extldflags "-static"'`),
		'static-pie into scratch': debianToAlpine.replace('go build', `go build -buildmode=pie -ldflags '-linkmode external -extldflags "-static-pie"'`).replace('alpine:3.20', 'scratch'),
		'binary not copied anywhere': debianToAlpine.replace('COPY --from=build /out/app /app', 'COPY --from=build /etc/passwd /etc/passwd'),
		'go install of a tool only (no workspace build in the runtime)': `FROM golang:1.22 AS tools\nRUN CGO_ENABLED=0 go install github.com/go-delve/delve/cmd/dlv@v1.22.0\nFROM alpine:3.20\nCOPY --from=tools /go/bin/dlv /usr/local/bin/dlv\n`,
		'pragma on the COPY': debianToAlpine.replace('COPY --from', '# shipcheck ignore=libc-mismatch the image installs gcompat and we tested it\nCOPY --from'),
	};
	for (const [name, text] of Object.entries(cases)) {
		it(name, async () => assert.deepEqual((await findings(workspace(text))).map((f) => f.message), []));
	}
	it('a program that imports neither net nor os/user', async () => {
		assert.deepEqual(await findings(workspace(debianToAlpine, { 'main.go': 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hi") }\n' })), []);
	});
});

describe('libc-mismatch: fixes', () => {
	it('offers CGO_ENABLED=0 first (preferred), then runtime images with the builder libc, then the honest GODEBUG entry last', async () => {
		const [f] = await findings(workspace(debianToAlpine));
		assert.deepEqual(
			f.fixes.map((x) => [x.title, x.isPreferred === true]),
			[
				['Set CGO_ENABLED=0 for this go build (inline before "go build")', true],
				['Switch the runtime image to "debian:bookworm-slim" (same C library as the builder)', false],
				['Switch the runtime image to "gcr.io/distroless/base-debian12" (same C library as the builder)', false],
				['Insert GODEBUG=clock_gettime64=0 (has no effect: no Go release recognises this key)', false],
			],
		);
	});
	it('each real fix yields exactly the expected text and clears the finding', async () => {
		const [f] = await findings(workspace(debianToAlpine));
		const expected = [
			debianToAlpine.replace('RUN go build', 'RUN CGO_ENABLED=0 go build'),
			debianToAlpine.replace('FROM alpine:3.20', 'FROM debian:bookworm-slim'),
			debianToAlpine.replace('FROM alpine:3.20', 'FROM gcr.io/distroless/base-debian12'),
		];
		for (const [i, text] of expected.entries()) {
			const fixed = applyEdits(debianToAlpine, f.fixes[i].edits);
			assert.equal(fixed, text);
			assert.deepEqual(await findings(workspace(fixed)), [], f.fixes[i].title);
		}
	});
	it('the GODEBUG entry inserts after FROM, merges into an existing GODEBUG, and is not offered twice', async () => {
		const [f] = await findings(workspace(debianToAlpine));
		const once = applyEdits(debianToAlpine, f.fixes[3].edits);
		assert.equal(once, debianToAlpine.replace('FROM alpine:3.20', 'FROM alpine:3.20\nENV GODEBUG=clock_gettime64=0'));
		const [again] = await findings(workspace(once));
		assert.ok(again, 'the key changes nothing: the error stays');
		assert.ok(!again.fixes.some((x) => x.title.includes('clock_gettime64')), 'not offered a second time');
		const withExisting = debianToAlpine.replace('FROM alpine:3.20', 'FROM alpine:3.20\nENV GODEBUG="netdns=go"');
		const [g] = await findings(workspace(withExisting));
		assert.equal(applyEdits(withExisting, g.fixes.at(-1)!.edits), withExisting.replace('"netdns=go"', '"netdns=go,clock_gettime64=0"'));
	});
	it('CGO_ENABLED=0 is not preferred when the program has its own cgo code', async () => {
		const [f] = await findings(workspace(debianToAlpine, { 'c.go': 'package main\n\n// int one() { return 1; }\nimport "C"\n' }));
		assert.equal(f.fixes[0].isPreferred, false);
	});
	it('keeps line continuations and indentation when prefixing the command', async () => {
		const text = debianToAlpine.replace('RUN go build -o /out/app .', 'RUN --mount=type=cache,target=/root/.cache \\\n    cd /src && \\\n    go build -o /out/app .');
		const [f] = await findings(workspace(text));
		assert.equal(applyEdits(text, f.fixes[0].edits), text.replace('    go build', '    CGO_ENABLED=0 go build'));
	});
});
