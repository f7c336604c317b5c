import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeWorkspace } from '../helpers/engine';
import { applyFix, findingsOf, fixTitled, goMod, onlyFinding, project, textAt, USER_MAIN } from './helpers';

const ID = 'external-link-no-cgo';

const STATIC_LDFLAGS = `-ldflags '-s -w -linkmode external -extldflags "-static"'`;

function staticScratch(prefix: string, build: string): string {
	return `FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\n${prefix}RUN ${build}\n\nFROM scratch\nCOPY --from=build /out/app /app\nENTRYPOINT ["/app"]\n`;
}

describe(ID, () => {
	it('reports -linkmode external with ENV CGO_ENABLED=0 (the go1.19 SIGTRAP recipe), with both fixes', async () => {
		const files = project(staticScratch('ENV CGO_ENABLED=0\n', `go build -tags netgo,osusergo ${STATIC_LDFLAGS} -o /out/app .`), { 'main.go': USER_MAIN });
		const f = await onlyFinding(files, ID);
		assert.equal(f.severity, 'error');
		assert.equal(textAt(files, f), '-linkmode external');
		assert.equal(
			f.message,
			'"-linkmode external" needs cgo (external linking imports runtime/cgo) but CGO_ENABLED=0 is set: current Go stops with "-linkmode=external requires external (cgo) linking, but cgo is not enabled", and go1.19 printed "loadinternal: cannot find runtime/cgo" and built a binary that crashed at start (SIGTRAP)',
		);
		assert.deepEqual(
			f.related.map((r) => [textAt(files, r), r.message]),
			[
				['FROM golang:1.22 AS build', 'built in stage "build": "golang:1.22" (Debian 12 bookworm, glibc 2.36, C compiler present)'],
				['CGO_ENABLED=0', 'cgo is turned off here'],
			],
		);
		assert.deepEqual(
			f.fixes.map((x) => [x.title, x.isPreferred === true]),
			[
				['Remove "-linkmode external -extldflags -static" from -ldflags (with cgo off the Go linker already links statically)', true],
				['Set CGO_ENABLED=1 where it is set to 0', false],
			],
		);
		const removed = applyFix(files, fixTitled(f, 'Remove'));
		assert.equal(removed.Dockerfile, staticScratch('ENV CGO_ENABLED=0\n', `go build -tags netgo,osusergo -ldflags '-s -w' -o /out/app .`));
		assert.deepEqual(await findingsOf(removed, ID), []);
		const cgoOn = applyFix(files, fixTitled(f, 'Set CGO_ENABLED=1'));
		assert.equal(cgoOn.Dockerfile, staticScratch('ENV CGO_ENABLED=1\n', `go build -tags netgo,osusergo ${STATIC_LDFLAGS} -o /out/app .`));
		assert.deepEqual(await findingsOf(cgoOn, ID), []);
	});

	it('drops the whole -ldflags when nothing else is in it', async () => {
		const files = project(staticScratch('', 'CGO_ENABLED=0 go build -ldflags "-linkmode=external" -o /out/app .'));
		const f = await onlyFinding(files, ID);
		assert.equal(textAt(files, f), '-linkmode=external');
		const removed = applyFix(files, fixTitled(f, 'Remove "-linkmode=external" from -ldflags'));
		assert.equal(removed.Dockerfile, staticScratch('', 'CGO_ENABLED=0 go build -o /out/app .'));
		assert.deepEqual(await findingsOf(removed, ID), []);
	});

	it('prefers CGO_ENABLED=1 for a static-pie build: without external linking the PIE needs a loader', async () => {
		const files = project(staticScratch('', `CGO_ENABLED=0 go build -buildmode=pie -ldflags '-linkmode external -extldflags "-static-pie"' -o /out/app .`));
		const f = await onlyFinding(files, ID);
		assert.deepEqual(
			f.fixes.map((x) => [x.title, x.isPreferred === true]),
			[
				['Remove "-linkmode external -extldflags -static-pie" from -ldflags', false],
				['Set CGO_ENABLED=1 where it is set to 0', true],
			],
		);
	});

	it('reports -race on an Alpine builder without gcc, where cgo defaults to off', async () => {
		const text = 'FROM golang:1.22-alpine AS build\nWORKDIR /src\nCOPY . .\nRUN go build -race -o /out/app .\n\nFROM alpine:3.20\nCOPY --from=build /out/app /app\n';
		const files = project(text);
		const f = await onlyFinding(files, ID);
		assert.equal(f.severity, 'error');
		assert.equal(textAt(files, f), '-race');
		assert.equal(
			f.message,
			'"-race" needs cgo (the race detector needs a C toolchain on Linux) but CGO_ENABLED is unset and golang:1.22-alpine has no C compiler; since Go 1.20 cgo then defaults to off: the build fails with "go: -race requires cgo; enable cgo by setting CGO_ENABLED=1"',
		);
		assert.deepEqual(f.fixes.map((x) => x.title), ['Remove "-race" (a race-detector build is for testing, not for shipping)']);
		const fixed = applyFix(files, f.fixes[0]);
		assert.equal(fixed.Dockerfile, text.replace('go build -race -o', 'go build -o'));
		assert.deepEqual(await findingsOf(fixed, ID), []);
	});

	it('quotes the cross-build error for -race when GOARCH differs from the builder platform', async () => {
		const text = 'FROM --platform=linux/amd64 golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN GOARCH=arm64 go build -race -o /out/app .\n';
		const f = await onlyFinding(project(text), ID);
		assert.equal(
			f.message,
			'"-race" needs cgo (the race detector needs a C toolchain on Linux) but CGO_ENABLED is unset and the build cross-compiles for linux/arm64, so cgo defaults to off: the build fails with "go: -race requires cgo"',
		);
		assert.deepEqual(f.fixes.map((x) => x.title), ['Remove "-race" (a race-detector build is for testing, not for shipping)']);
	});

	it('reports -buildmode=plugin and c-shared with CGO_ENABLED=0, preferring CGO_ENABLED=1 where gcc is present', async () => {
		for (const mode of ['plugin', 'c-shared']) {
			const text = `FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -buildmode=${mode} -o /out/ext.so ./ext\n`;
			const files = project(text);
			const f = await onlyFinding(files, ID);
			assert.equal(f.severity, 'error');
			assert.equal(textAt(files, f), `-buildmode=${mode}`);
			assert.equal(
				f.message,
				`"-buildmode=${mode}" needs cgo (it always links externally) but CGO_ENABLED=0 is set: the build fails with "-buildmode=${mode} requires external (cgo) linking, but cgo is not enabled"`,
			);
			const fix = fixTitled(f, 'Set CGO_ENABLED=1');
			assert.equal(fix.isPreferred, true);
			const fixed = applyFix(files, fix);
			assert.equal(fixed.Dockerfile, text.replace('CGO_ENABLED=0', 'CGO_ENABLED=1'));
			assert.deepEqual(await findingsOf(fixed, ID), []);
		}
	});

	it('is a warning for -buildmode=c-archive: FACTS lists it as needing cgo, but cmd/go has no check to quote', async () => {
		const text = 'FROM golang:1.22-alpine AS build\nWORKDIR /src\nCOPY . .\nRUN go build -buildmode=c-archive -o /out/libapp.a ./capi\n';
		const f = await onlyFinding(project(text), ID);
		assert.equal(f.severity, 'warning');
		assert.equal(
			f.message,
			'"-buildmode=c-archive" needs cgo (the C archive and its exported functions are built through cgo) but CGO_ENABLED is unset and golang:1.22-alpine has no C compiler; since Go 1.20 cgo then defaults to off: cmd/go does not check this, and what the linker builds without cgo is not verified',
		);
		assert.deepEqual(f.fixes, []);
	});

	it('reports each cgo-only setting of one build separately', async () => {
		const files = project(staticScratch('', `CGO_ENABLED=0 go build -race ${STATIC_LDFLAGS} -o /out/app .`));
		assert.deepEqual((await findingsOf(files, ID)).map((f) => textAt(files, f)), ['-race', '-linkmode external']);
	});

	it('reports a GoReleaser build whose arm64 cross target has cgo off, without edits (the config also builds amd64 with cgo)', async () => {
		const files = {
			'.github/workflows/release.yml':
				'name: release\non:\n  push:\n    tags: ["v*"]\njobs:\n  goreleaser:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-go@v5\n        with:\n          go-version-file: go.mod\n      - uses: goreleaser/goreleaser-action@v6\n        with:\n          args: release --clean\n',
			'.goreleaser.yaml': 'version: 2\nbuilds:\n  - id: app\n    goos: [linux]\n    goarch: [amd64, arm64]\n    ldflags:\n      - -linkmode external -extldflags "-static"\n',
			'go.mod': goMod('1.22'),
			'main.go': USER_MAIN,
		};
		const result = await analyzeWorkspace(files, { entry: '.goreleaser.yaml' });
		const findings = result.findings.filter((f) => f.ruleId === ID);
		assert.equal(findings.length, 1);
		const f = findings[0];
		assert.equal(f.file, '/w/.goreleaser.yaml');
		assert.match(f.message, /^"-linkmode external" needs cgo \(external linking imports runtime\/cgo\) but CGO_ENABLED is unset and the build cross-compiles for linux\/arm64, so cgo defaults to off:/);
		assert.deepEqual(f.fixes, []);
	});

	describe('stays silent', () => {
		const silent: [string, string][] = [
			['cgo on by default (gcc present) with static external linking', `go build -tags netgo,osusergo ${STATIC_LDFLAGS} -o /out/app .`],
			['CGO_ENABLED=1 with -race', 'CGO_ENABLED=1 go build -race -o /out/app .'],
			['CGO_ENABLED=0 with -linkmode internal', `CGO_ENABLED=0 go build -ldflags '-linkmode internal' -o /out/app .`],
			['a later -linkmode internal wins', `CGO_ENABLED=0 go build -ldflags '-linkmode external -linkmode internal' -o /out/app .`],
			['CGO_ENABLED=0 with -buildmode=pie (internal linking, FACTS §3.5)', 'CGO_ENABLED=0 go build -buildmode=pie -o /out/app .'],
			['-race=false', 'CGO_ENABLED=0 go build -race=false -o /out/app .'],
			['not Linux: GOOS=windows c-shared', 'CGO_ENABLED=0 GOOS=windows go build -buildmode=c-shared -o /out/app.dll .'],
			['CGO_ENABLED=0 static build into scratch', 'CGO_ENABLED=0 go build -ldflags="-s -w" -o /out/app .'],
		];
		for (const [name, build] of silent) {
			it(name, async () => {
				assert.deepEqual(await findingsOf(project(staticScratch('', build)), ID), []);
			});
		}
		it('cgo unknown: an image the knowledge base does not describe', async () => {
			const text = 'FROM registry.example.com/go-builder:1 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -race -o /out/app .\n';
			assert.deepEqual(await findingsOf(project(text), ID), []);
		});
	});
});
