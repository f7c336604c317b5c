import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, findingsOf, NET_MAIN, onlyFinding, PLAIN_MAIN, project, textAt, USER_MAIN } from './helpers';

const ID = 'static-glibc-nss';

const STATIC = `-ldflags '-linkmode external -extldflags "-static"'`;
const GLIBC_WARNING = 'glibc warns "Using \'getaddrinfo\' in statically linked applications requires at runtime the shared libraries from the glibc version used for linking"';

function dockerfile(build: string, builder = 'golang:1.22', prefix = ''): string {
	return `FROM ${builder} AS build\nWORKDIR /src\nCOPY . .\n${prefix}RUN ${build}\n\nFROM scratch\nCOPY --from=build /out/app /app\nENTRYPOINT ["/app"]\n`;
}

describe(ID, () => {
	it('reports static glibc linking of a program using net and os/user, and adds both tags', async () => {
		const files = project(dockerfile(`go build ${STATIC} -o /out/app .`), { 'main.go': USER_MAIN });
		const f = await onlyFinding(files, ID);
		assert.equal(f.severity, 'warning');
		assert.equal(textAt(files, f), '-extldflags "-static"');
		assert.equal(
			f.message,
			`"-extldflags -static" links glibc statically, but without the "netgo" and "osusergo" tags net and os/user can still call glibc's NSS, which stays dynamically loaded: ${GLIBC_WARNING}`,
		);
		assert.deepEqual(
			f.related.map((r) => [textAt(files, r), r.message]),
			[['FROM golang:1.22 AS build', 'built in stage "build": "golang:1.22" (Debian 12 bookworm, glibc 2.36, C compiler present); CGO_ENABLED is unset and gcc is present in golang:1.22, so cgo defaults to on']],
		);
		assert.deepEqual(f.fixes.map((x) => [x.title, x.isPreferred]), [['Add the build tags "netgo,osusergo" (pure-Go resolver and user lookup)', true]]);
		const fixed = applyFix(files, f.fixes[0]);
		assert.equal(fixed.Dockerfile, dockerfile(`go build -tags=netgo,osusergo ${STATIC} -o /out/app .`));
		assert.deepEqual(await findingsOf(fixed, ID), []);
	});

	it('netgo without osusergo still leaves os/user on glibc: the tag is merged into the existing list', async () => {
		const files = project(dockerfile(`go build -tags netgo ${STATIC} -o /out/app .`), { 'main.go': USER_MAIN });
		const f = await onlyFinding(files, ID);
		assert.equal(f.message, '"-extldflags -static" links glibc statically, but without the "osusergo" tag os/user can still call glibc\'s NSS, which stays dynamically loaded');
		assert.deepEqual(
			f.related.map((r) => [textAt(files, r), r.message]).slice(1),
			[['-tags netgo', 'build tags in effect: netgo']],
		);
		const fixed = applyFix(files, f.fixes[0]);
		assert.equal(fixed.Dockerfile, dockerfile(`go build -tags netgo,osusergo ${STATIC} -o /out/app .`));
		assert.deepEqual(await findingsOf(fixed, ID), []);
	});

	it('keeps the old space-separated -tags form', async () => {
		const files = project(dockerfile(`go build -tags 'sqlite_omit_load_extension json1' ${STATIC} -o /out/app .`), { 'main.go': USER_MAIN });
		const fixed = applyFix(files, (await onlyFinding(files, ID)).fixes[0]);
		assert.equal(fixed.Dockerfile, dockerfile(`go build -tags 'sqlite_omit_load_extension json1 netgo osusergo' ${STATIC} -o /out/app .`));
		assert.deepEqual(await findingsOf(fixed, ID), []);
	});

	it('carries GOFLAGS tags over into the new -tags flag', async () => {
		const files = project(dockerfile(`go build ${STATIC} -o /out/app .`, 'golang:1.22', 'ENV GOFLAGS=-tags=timetzdata\n'), { 'main.go': USER_MAIN });
		const fixed = applyFix(files, (await onlyFinding(files, ID)).fixes[0]);
		assert.equal(fixed.Dockerfile, dockerfile(`go build -tags=timetzdata,netgo,osusergo ${STATIC} -o /out/app .`, 'golang:1.22', 'ENV GOFLAGS=-tags=timetzdata\n'));
		assert.deepEqual(await findingsOf(fixed, ID), []);
	});

	it('asks only for netgo when the program does not use os/user', async () => {
		const files = project(dockerfile(`go build ${STATIC} -o /out/app .`), { 'main.go': NET_MAIN });
		const f = await onlyFinding(files, ID);
		assert.equal(f.message, `"-extldflags -static" links glibc statically, but without the "netgo" tag net can still call glibc's NSS, which stays dynamically loaded: ${GLIBC_WARNING}`);
		assert.equal(applyFix(files, f.fixes[0]).Dockerfile, dockerfile(`go build -tags=netgo ${STATIC} -o /out/app .`));
	});

	it('names the assumption when no Go sources are visible or third-party packages may import net', async () => {
		const hidden = await onlyFinding(project(dockerfile(`go build ${STATIC} -o /out/app .`), { 'main.go': undefined }), ID);
		assert.match(hidden.message, /tags net and os\/user can still call .* \(not certain: no Go sources were visible\)$/);
		const thirdParty = 'package main\n\nimport "github.com/spf13/cobra"\n\nfunc main() { _ = (&cobra.Command{}).Execute() }\n';
		const third = await onlyFinding(project(dockerfile(`go build ${STATIC} -o /out/app .`), { 'main.go': thirdParty }), ID);
		assert.match(third.message, /\(not certain: third-party packages such as github\.com\/spf13\/cobra may import net\)$/);
	});

	it('a direct net import is certain: only the os/user part is said to be assumed', async () => {
		const main = 'package main\n\nimport (\n\t"net/http"\n\n\t"github.com/spf13/cobra"\n)\n\nfunc main() { _ = (&cobra.Command{}).Execute(); _, _ = http.Get("http://example.com") }\n';
		const f = await onlyFinding(project(dockerfile(`go build ${STATIC} -o /out/app .`), { 'main.go': main }), ID);
		assert.match(f.message, /tags net and os\/user can still call .*\(os\/user is not certain: third-party packages such as github\.com\/spf13\/cobra may import os\/user\)$/);
	});

	describe('stays silent', () => {
		const silent: [string, Record<string, string>][] = [
			['-tags netgo,osusergo (the usual fix)', project(dockerfile(`go build -tags netgo,osusergo ${STATIC} -o /out/app .`), { 'main.go': USER_MAIN })],
			['static musl on an Alpine builder (no NSS warning with musl)', project(dockerfile(`apk add --no-cache gcc musl-dev && go build ${STATIC} -o /out/app .`, 'golang:1.22-alpine'), { 'main.go': USER_MAIN })],
			['CC=musl-gcc on a Debian builder', project(dockerfile(`CC=musl-gcc go build ${STATIC} -o /out/app .`), { 'main.go': USER_MAIN })],
			['cgo off: that is external-link-no-cgo', project(dockerfile(`CGO_ENABLED=0 go build ${STATIC} -o /out/app .`), { 'main.go': USER_MAIN })],
			['external linking without -static', project(dockerfile(`go build -ldflags '-linkmode external' -o /out/app .`), { 'main.go': USER_MAIN })],
			['a program that uses neither net nor os/user', project(dockerfile(`go build ${STATIC} -o /out/app .`), { 'main.go': PLAIN_MAIN })],
			['tags only known at build time', project(dockerfile(`go build -tags "$TAGS" ${STATIC} -o /out/app .`), { 'main.go': USER_MAIN })],
			['CGO_ENABLED=0 static build', project(dockerfile('CGO_ENABLED=0 go build -o /out/app .'), { 'main.go': USER_MAIN })],
		];
		for (const [name, files] of silent) {
			it(name, async () => {
				assert.deepEqual(await findingsOf(files, ID), []);
			});
		}
	});
});
