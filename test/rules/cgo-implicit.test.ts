import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeWorkspace } from '../helpers/engine';
import { applyFix, findingsOf, onlyFinding, PLAIN_MAIN, project, textAt, USER_MAIN } from './helpers';

const ID = 'cgo-implicit';

function dockerfile(builder: string, runtime: string, build = 'go build -o /out/app .'): string {
	return `FROM ${builder} AS build\nWORKDIR /src\nCOPY . .\nRUN ${build}\n\nFROM ${runtime}\nCOPY --from=build /out/app /app\nENTRYPOINT ["/app"]\n`;
}

const NO_COMPILER = 'CGO_ENABLED is unset and golang:1.22-alpine has no C compiler; since Go 1.20 cgo then defaults to off';

describe(ID, () => {
	it('hints at an Alpine builder whose binary is static only because gcc is absent (SCENARIOS 1), and fixes it inline', async () => {
		const files = project(dockerfile('golang:1.22-alpine', 'scratch'));
		const f = await onlyFinding(files, ID);
		assert.equal(f.severity, 'hint');
		assert.equal(textAt(files, f), 'go build -o /out/app .');
		assert.equal(
			f.message,
			`"/app" is static only because ${NO_COMPILER}: if a C compiler is ever installed in stage "build", cgo turns on and the binary, then dynamically linked against musl, will not start in "scratch", which has no C library and no loader`,
		);
		assert.deepEqual(
			f.related.map((r) => [textAt(files, r), r.message]),
			[
				['FROM golang:1.22-alpine AS build', 'built in stage "build": "golang:1.22-alpine" (now golang:1.22-alpine3.21 since 2024-12-05) (Alpine 3.21, musl 1.2.5, no C compiler)'],
				['COPY --from=build /out/app /app', 'copied into "scratch" here'],
			],
		);
		assert.deepEqual(f.fixes.map((x) => [x.title, x.isPreferred]), [['Set CGO_ENABLED=0 for this go build (inline before "go build")', true]]);
		const fixed = applyFix(files, f.fixes[0]);
		assert.equal(fixed.Dockerfile, dockerfile('golang:1.22-alpine', 'scratch', 'CGO_ENABLED=0 go build -o /out/app .'));
		assert.deepEqual((await analyzeWorkspace(fixed)).findings.map((x) => `${x.ruleId}: ${x.message}`), [], 'nothing at all after the fix');
	});

	it('names the runtime\'s libc when it is glibc: musl-linked would not start on Debian', async () => {
		const f = await onlyFinding(project(dockerfile('golang:1.22-alpine', 'debian:bookworm-slim')), ID);
		assert.match(f.message, /will not start in "debian:bookworm-slim", which has glibc 2\.36, not musl$/);
	});

	it('covers distroless/static and Chainguard static runtimes', async () => {
		for (const runtime of ['gcr.io/distroless/static-debian12', 'cgr.dev/chainguard/static']) {
			const f = await onlyFinding(project(dockerfile('golang:1.22-alpine', runtime)), ID);
			assert.match(f.message, new RegExp(`will not start in "${runtime.replace(/[./]/g, '\\$&')}", which has no C library and no loader$`));
		}
	});

	it('says what is not known for a builder image the knowledge base does not describe', async () => {
		const f = await onlyFinding(project(dockerfile('registry.example.com/go-builder:1', 'gcr.io/distroless/static-debian12')), ID);
		assert.equal(
			f.message,
			'"/app" may not be static: CGO_ENABLED is unset and whether a C compiler is present is not known (registry.example.com/go-builder:1 is not in the knowledge base); with a C compiler, cgo is on and the binary, then dynamically linked against the builder\'s C library, will not start in "gcr.io/distroless/static-debian12", which has no C library and no loader',
		);
	});

	it('reports a build once even when its binary is copied along a chain of stages', async () => {
		const text = 'FROM golang:1.22-alpine AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /out/app .\n\nFROM scratch AS bundle\nCOPY --from=build /out/app /app\n\nFROM scratch\nCOPY --from=bundle /app /app\n';
		const files = project(text);
		const findings = await findingsOf(files, ID);
		assert.deepEqual(findings.map((f) => textAt(files, f.related[1])), ['COPY --from=build /out/app /app']);
	});

	describe('stays silent', () => {
		const silent: [string, Record<string, string>][] = [
			['alpine builder → alpine runtime: fits with cgo on or off', project(dockerfile('golang:1.22-alpine', 'alpine:3.20'))],
			['Debian builder with gcc → bookworm runtime: fits either way', project(dockerfile('golang:1.22', 'debian:bookworm-slim'))],
			['Debian builder with gcc → alpine: libc-mismatch reports it', project(dockerfile('golang:1.22', 'alpine:3.20'))],
			['CGO_ENABLED=0 inline', project(dockerfile('golang:1.22-alpine', 'scratch', 'CGO_ENABLED=0 go build -o /out/app .'))],
			['CGO_ENABLED=0 from ENV', project(dockerfile('golang:1.22-alpine', 'scratch').replace('WORKDIR /src\n', 'WORKDIR /src\nENV CGO_ENABLED=0\n'))],
			['CGO_ENABLED from a build ARG without a default', project(dockerfile('golang:1.22-alpine', 'scratch').replace('WORKDIR /src\n', 'WORKDIR /src\nARG CGO_ENABLED\n'))],
			['cgo on an Alpine builder with gcc → alpine', project(dockerfile('golang:1.22-alpine', 'alpine:3.20', 'apk add --no-cache gcc musl-dev && go build -o /out/app .'))],
			['a program that would not use cgo anyway', project(dockerfile('golang:1.22-alpine', 'scratch'), { 'main.go': PLAIN_MAIN })],
			['-tags netgo,osusergo with only net and os/user', project(dockerfile('golang:1.22-alpine', 'scratch', 'go build -tags netgo,osusergo -o /out/app .'), { 'main.go': USER_MAIN })],
			['a cross build: cgo is off whatever the compiler', project(dockerfile('--platform=linux/amd64 golang:1.22-alpine', 'scratch', 'GOARCH=arm64 go build -o /out/app .'))],
			['no delivery: the binary stays in the builder', project('FROM golang:1.22-alpine\nWORKDIR /src\nCOPY . .\nRUN go build -o /out/app .\nCMD ["/out/app"]\n')],
			['the binary runs in a stage built on the builder', project('FROM golang:1.22-alpine AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /out/app .\n\nFROM build AS run\nCOPY --from=build /out/app /app\n')],
		];
		for (const [name, files] of silent) {
			it(name, async () => {
				assert.deepEqual(await findingsOf(files, ID), []);
			});
		}
	});
});

