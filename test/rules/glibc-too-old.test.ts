import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, findingsOf, fixTitled, goMod, onlyFinding, project, textAt, USER_MAIN } from './helpers';

const ID = 'glibc-too-old';

/** A two-stage Dockerfile: `builder` compiles with `build`, the binary is copied into `runtime`. */
function dockerfile(builder: string, runtime: string, build = 'go build -o /out/app .'): string {
	return `FROM ${builder} AS build\nWORKDIR /src\nCOPY go.mod ./\nCOPY . .\nRUN ${build}\n\nFROM ${runtime}\nCOPY --from=build /out/app /app\nENTRYPOINT ["/app"]\n`;
}

const SQLITE_MAIN = 'package main\n\nimport (\n\t"database/sql"\n\n\t_ "github.com/mattn/go-sqlite3"\n)\n\nfunc main() { db, _ := sql.Open("sqlite3", "/data/app.db"); _ = db.Ping() }\n';

describe(ID, () => {
	it('reports a floating golang tag (bookworm since 2023-06-13) built with cgo into bullseye, with the chain and fixes', async () => {
		const files = project(dockerfile('golang:1.20', 'debian:bullseye-slim'), { 'go.mod': goMod('1.20') });
		const f = await onlyFinding(files, ID);
		assert.equal(f.severity, 'error');
		assert.equal(textAt(files, f), 'COPY --from=build /out/app /app');
		assert.equal(
			f.message,
			'"/app" needs GLIBC_2.34 (cgo is on and the builder "golang:1.20" (now golang:1.20-bookworm since 2023-06-13) has glibc 2.36) but "debian:bullseye-slim" has glibc 2.31: it will fail to start with "version `GLIBC_2.34\' not found"',
		);
		assert.deepEqual(
			f.related.map((r) => [textAt(files, r), r.message]),
			[
				[
					'FROM golang:1.20 AS build',
					'built in stage "build": "golang:1.20" (now golang:1.20-bookworm since 2023-06-13) (Debian 12 bookworm, glibc 2.36, C compiler present); cgo binaries built here need GLIBC_2.34 and fail on RHEL 7, Amazon Linux 2, Ubuntu 18.04, Debian 10, RHEL 8, Debian 11, Ubuntu 20.04',
				],
				[
					'go build -o /out/app .',
					'CGO_ENABLED is unset and gcc is present in golang:1.20, so cgo defaults to on; cgo is on and the program imports net, which uses the C resolver when cgo is on (no netgo tag), so the binary is dynamically linked against the builder\'s C library',
				],
				['FROM debian:bullseye-slim', 'runs in "debian:bullseye-slim" (glibc 2.31)'],
			],
		);
		assert.deepEqual(
			f.fixes.map((x) => [x.title, x.isPreferred === true]),
			[
				['Set CGO_ENABLED=0 for this go build (inline before "go build")', true],
				['Build on "golang:1.20-bullseye" (glibc 2.31; the runtime has 2.31)', false],
				['Switch the runtime image to "debian:bookworm-slim" (same C library as the builder)', false],
				['Switch the runtime image to "gcr.io/distroless/base-debian12" (same C library as the builder)', false],
			],
		);
	});

	it('each fix yields the expected Dockerfile, and re-analysis no longer reports or offers it', async () => {
		const files = project(dockerfile('golang:1.20', 'debian:bullseye-slim'), { 'go.mod': goMod('1.20') });
		const f = await onlyFinding(files, ID);
		const cases: [string, string][] = [
			['Set CGO_ENABLED=0', dockerfile('golang:1.20', 'debian:bullseye-slim', 'CGO_ENABLED=0 go build -o /out/app .')],
			['Build on', dockerfile('golang:1.20-bullseye', 'debian:bullseye-slim')],
			['Switch the runtime image to "debian:bookworm-slim"', dockerfile('golang:1.20', 'debian:bookworm-slim')],
			['Switch the runtime image to "gcr.io/distroless/base-debian12"', dockerfile('golang:1.20', 'gcr.io/distroless/base-debian12')],
		];
		for (const [title, expected] of cases) {
			const fixed = applyFix(files, fixTitled(f, title));
			assert.equal(fixed.Dockerfile, expected, title);
			assert.deepEqual(await findingsOf(fixed, ID), [], `after "${title}"`);
		}
	});

	it('points at the go.mod requirement when a cgo module is why the binary links glibc', async () => {
		const files = project(dockerfile('golang:1.22-bookworm', 'ubuntu:20.04'), {
			'go.mod': goMod('1.22', ['github.com/mattn/go-sqlite3 v1.14.22']),
			'main.go': SQLITE_MAIN,
		});
		const f = await onlyFinding(files, ID);
		assert.equal(f.severity, 'error');
		assert.equal(
			f.message,
			'"/app" needs GLIBC_2.34 (cgo is on and the builder "golang:1.22-bookworm" has glibc 2.36) but "ubuntu:20.04" has glibc 2.31: it will fail to start with "version `GLIBC_2.34\' not found"',
		);
		const requirement = f.related.find((r) => r.file === '/w/go.mod');
		assert.ok(requirement);
		assert.equal(textAt(files, requirement), 'github.com/mattn/go-sqlite3 v1.14.22');
		assert.equal(requirement.message, 'requires github.com/mattn/go-sqlite3 v1.14.22, which wraps a C library: cgo links it against the builder\'s glibc');
		// go-sqlite3 needs cgo: turning it off is offered but not preferred.
		assert.equal(fixTitled(f, 'Set CGO_ENABLED=0').isPreferred, false);
		const pinned = applyFix(files, fixTitled(f, 'Build on "golang:1.22-bullseye"'));
		assert.equal(pinned.Dockerfile, dockerfile('golang:1.22-bullseye', 'ubuntu:20.04'));
		assert.deepEqual(await findingsOf(pinned, ID), []);
	});

	it('is an error for distroless base-debian11, UBI 8 and Amazon Linux 2 runtimes', async () => {
		for (const [runtime, glibc] of [
			['gcr.io/distroless/base-debian11', '2.31'],
			['registry.access.redhat.com/ubi8/ubi-minimal', '2.28'],
			['amazonlinux:2', '2.26'],
		] as const) {
			const files = project(dockerfile('golang:1.22-bookworm', runtime));
			const f = await onlyFinding(files, ID);
			assert.equal(f.severity, 'error', runtime);
			assert.match(f.message, new RegExp(`but "${runtime.replace(/[./]/g, '\\$&')}" has glibc ${glibc.replace('.', '\\.')}: it will fail to start`));
		}
	});

	it('warns when only the builder\'s glibc is newer: golang:1.24 moved to trixie (2.41) on 2025-08-12, runtime bookworm (2.36)', async () => {
		const files = project(dockerfile('golang:1.24', 'debian:bookworm-slim'), { 'go.mod': goMod('1.24') });
		const f = await onlyFinding(files, ID);
		assert.equal(f.severity, 'warning');
		assert.equal(
			f.message,
			'"/app" may need up to GLIBC_2.41 (cgo is on and the builder "golang:1.24" (now golang:1.24-trixie since 2025-08-12) has glibc 2.41) but "debian:bookworm-slim" has glibc 2.36: it fails to start with "version `GLIBC_2.41\' not found" if it uses a glibc symbol newer than 2.36',
		);
		const pinned = applyFix(files, fixTitled(f, 'Build on'));
		assert.equal(pinned.Dockerfile, dockerfile('golang:1.24-bookworm', 'debian:bookworm-slim'));
		assert.deepEqual(await findingsOf(pinned, ID), []);
	});

	it('silent for bookworm into Ubuntu 22.04 (2.35) when only Go\'s own C code is linked: it needs exactly GLIBC_2.34 (measured)', async () => {
		assert.deepEqual(await findingsOf(project(dockerfile('golang:1.22-bookworm', 'ubuntu:22.04')), ID), []);
	});

	it('warns for bookworm into Ubuntu 22.04 (2.35) when a third-party package may bring C code: above the 2.34 floor, below the builder', async () => {
		const main = 'package main\n\nimport (\n\t"net/http"\n\n\t"github.com/go-chi/chi/v5"\n)\n\nfunc main() { _ = http.ListenAndServe(":8080", chi.NewRouter()) }\n';
		const f = await onlyFinding(project(dockerfile('golang:1.22-bookworm', 'ubuntu:22.04'), { 'main.go': main }), ID);
		assert.equal(f.severity, 'warning');
		assert.match(f.message, /^"\/app" may need up to GLIBC_2\.36 .* but "ubuntu:22\.04" has glibc 2\.35:/);
		// No Debian release of golang:1.22 has glibc ≤ 2.35 other than bullseye: pinning goes there.
		assert.equal(fixTitled(f, 'Build on').edits[0].newText, 'golang:1.22-bullseye');
	});

	it('offers no pin to a tag that is no longer published (golang:1.20-buster)', async () => {
		const f = await onlyFinding(project(dockerfile('golang:1.20-bullseye', 'debian:buster-slim'), { 'go.mod': goMod('1.20') }), ID);
		assert.equal(f.severity, 'warning');
		assert.match(f.message, /may need up to GLIBC_2\.31 .* has glibc 2\.28/);
		assert.equal(f.fixes.some((x) => x.title.startsWith('Build on')), false);
	});

	it('is a warning naming the assumption when no Go sources are visible', async () => {
		const files = project(dockerfile('golang:1.20', 'debian:bullseye-slim'), { 'go.mod': goMod('1.20'), 'main.go': undefined });
		const f = await onlyFinding(files, ID);
		assert.equal(f.severity, 'warning');
		assert.match(f.message, /it will fail to start with "version `GLIBC_2\.34' not found" \(not certain: cgo is on and the program is assumed to import net \(no Go sources were visible\)/);
	});

	it('reports every COPY along a chain of stages', async () => {
		const text = 'FROM golang:1.20 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /out/app .\n\nFROM debian:bullseye AS test\nCOPY --from=build /out/app /usr/local/bin/app\n\nFROM debian:bullseye-slim\nCOPY --from=test /usr/local/bin/app /app\n';
		const files = project(text, { 'go.mod': goMod('1.20') });
		const findings = await findingsOf(files, ID);
		assert.deepEqual(
			findings.map((f) => [textAt(files, f), f.severity]),
			[
				['COPY --from=build /out/app /usr/local/bin/app', 'error'],
				['COPY --from=test /usr/local/bin/app /app', 'error'],
			],
		);
	});

	describe('stays silent', () => {
		const silent: [string, Record<string, string>][] = [
			['bookworm builder → distroless/base-debian12 (same glibc)', project(dockerfile('golang:1.22-bookworm', 'gcr.io/distroless/base-debian12'))],
			['bookworm builder → debian:bookworm-slim', project(dockerfile('golang:1.22', 'debian:bookworm-slim'))],
			['CGO_ENABLED=0 → bullseye', project(dockerfile('golang:1.20', 'debian:bullseye-slim', 'CGO_ENABLED=0 go build -o /out/app .'))],
			['cgo with -tags netgo,osusergo and only net/os/user → bullseye', project(dockerfile('golang:1.22', 'debian:bullseye-slim', 'go build -tags netgo,osusergo -o /out/app .'), { 'main.go': USER_MAIN })],
			[
				'static glibc (-linkmode external -extldflags -static) → ubuntu:20.04',
				project(dockerfile('golang:1.22', 'ubuntu:20.04', 'go build -tags netgo,osusergo -ldflags \'-linkmode external -extldflags "-static"\' -o /out/app .')),
			],
			['glibc binary into alpine: that is libc-mismatch', project(dockerfile('golang:1.22', 'alpine:3.20'))],
			['alpine builder with gcc → alpine (musl)', project(dockerfile('golang:1.22-alpine', 'alpine:3.20', 'apk add --no-cache gcc musl-dev && go build -o /out/app .'))],
			['runtime image the knowledge base does not know', project(dockerfile('golang:1.22', 'registry.example.com/base:1'))],
			['no delivery: the binary is never copied out', project('FROM golang:1.20\nWORKDIR /src\nCOPY . .\nRUN go build -o /out/app .\nCMD ["/out/app"]\n')],
		];
		for (const [name, files] of silent) {
			it(name, async () => {
				assert.deepEqual(await findingsOf(files, ID), []);
			});
		}
	});
});
