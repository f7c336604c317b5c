import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeWorkspace } from '../helpers/engine';
import { covered, findingsFor, goMod, NET_MAIN, PLAIN_MAIN, relatedOf, single, type Files } from './build-rule-support';

const RULE = 'glibc-too-old';
const WF = '.github/workflows/release.yml';

function repo(workflow: string, extra: Files = {}): Files {
	return { 'go.mod': goMod('1.22'), 'main.go': NET_MAIN, [WF]: workflow, ...extra };
}

const FAILS_BELOW_2_34 = 'RHEL 7, Amazon Linux 2, Ubuntu 18.04, Debian 10, RHEL 8, Debian 11, Ubuntu 20.04';

describe('glibc-too-old (CI): the floor of a CI-built cgo binary whose destination is not visible', () => {
	it('cgo on ubuntu-latest: info on the runs-on line, naming the job, the floor and the hosts it will not run on (SCENARIOS 5)', async () => {
		const files = repo(`on:
  push:
    tags: ["v*"]
jobs:
  release:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: go build -o dist/app .
      - uses: softprops/action-gh-release@v2
        with:
          files: dist/app
`);
		const finding = await single(files, RULE, WF);
		assert.equal(finding.severity, 'info');
		assert.equal(covered(files, finding), 'runs-on: ubuntu-latest');
		assert.equal(
			finding.message,
			`job "release": "app" is built with cgo on "ubuntu-latest" (now ubuntu-24.04), so it needs glibc ≥ 2.34 (up to 2.39); it will not run on ${FAILS_BELOW_2_34}; where it ships is not visible here`,
		);
		assert.deepEqual(relatedOf(files, finding), [
			`${WF}: "go build -o dist/app .": CGO_ENABLED is unset and gcc is preinstalled on the GitHub-hosted ubuntu-24.04 runner image, so cgo defaults to on; cgo is on and the program imports net, which uses the C resolver when cgo is on (no netgo tag), so the binary is dynamically linked against the builder's C library`,
		]);
		assert.deepEqual(finding.fixes.map((f) => f.title), ['Set CGO_ENABLED=0 for this go build (inline before "go build")']);
	});
	it('matrix: one finding per native combination, each naming it; cross combinations have cgo off and say nothing', async () => {
		const files = repo(`on: push
jobs:
  build:
    runs-on: \${{ matrix.os }}
    strategy:
      matrix:
        os: [ubuntu-22.04, ubuntu-24.04]
        goarch: [amd64, arm64]
    steps:
      - run: GOARCH=\${{ matrix.goarch }} go build -o app-\${{ matrix.goarch }} .
`);
		const findings = await findingsFor(files, RULE, WF);
		assert.deepEqual(findings.map((f) => f.message.slice(0, f.message.indexOf(' so it'))), [
			'job "build" (os=ubuntu-22.04, goarch=amd64): "app-amd64" is built with cgo on "ubuntu-22.04",',
			'job "build" (os=ubuntu-24.04, goarch=amd64): "app-amd64" is built with cgo on "ubuntu-24.04",',
		]);
		assert.ok(findings.every((f) => covered(files, f) === 'runs-on: ${{ matrix.os }}'));
		// Up to glibc 2.36 the need of Go's own C code is measured: exactly 2.34 (GO_OWN_C_GLIBC_NEEDS); 2.39 was not.
		assert.match(findings[0].message, /needs glibc ≥ 2\.34; it will not run on/);
		assert.match(findings[1].message, /needs glibc ≥ 2\.34 \(up to 2\.39\)/);
	});
	it('trap: building inside an older container on the runner takes the container\'s glibc, not the runner\'s', async () => {
		const files = repo(`on: push
jobs:
  build:
    runs-on: ubuntu-24.04
    container: golang:1.22-bullseye
    steps:
      - run: go build -o app .
`);
		const finding = await single(files, RULE, WF);
		assert.equal(covered(files, finding), 'golang:1.22-bullseye');
		assert.equal(
			finding.message,
			'job "build": "app" is built with cgo on "golang:1.22-bullseye" (glibc 2.31), so it needs at most glibc 2.31 (the exact floor depends on the glibc symbols it uses); it may not run on RHEL 7, Amazon Linux 2, Ubuntu 18.04, Debian 10, RHEL 8; where it ships is not visible here',
		);
	});
	it('silent: cgo off, a program that needs no cgo, non-Linux targets, and binaries delivered into an image (other rules judge those)', async () => {
		const cases: Files[] = [
			repo('on: push\njobs:\n  b:\n    runs-on: ubuntu-24.04\n    env:\n      CGO_ENABLED: 0\n    steps:\n      - run: go build -o app .\n'),
			repo('on: push\njobs:\n  b:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: go build -o app .\n', { 'main.go': PLAIN_MAIN }),
			repo('on: push\njobs:\n  b:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: GOOS=windows go build -o app.exe .\n'),
			repo('on: push\njobs:\n  b:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: go build -tags netgo -o app .\n', { 'main.go': NET_MAIN }),
			repo('on: push\njobs:\n  b:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: go build -o dist/app .\n      - run: docker build -t app .\n', { Dockerfile: 'FROM ubuntu:24.04\nCOPY dist/app /app\n' }),
		];
		for (const files of cases) assert.deepEqual((await findingsFor(files, RULE, WF)).map((f) => f.message), []);
	});
	it('trap: a correct cgo cross toolchain (apt cross gcc, explicit CC) is no error or warning; zig cc sets its own floor', async () => {
		const cross = repo(`on: push
jobs:
  arm64:
    runs-on: ubuntu-24.04
    steps:
      - run: sudo apt-get update && sudo apt-get install -y gcc-aarch64-linux-gnu
      - run: CGO_ENABLED=1 GOARCH=arm64 CC=aarch64-linux-gnu-gcc go build -o app-arm64 .
  zig:
    runs-on: ubuntu-24.04
    steps:
      - run: CGO_ENABLED=1 GOARCH=arm64 CC="zig cc -target aarch64-linux-gnu.2.28" go build -o app-zig .
`);
		const result = await analyzeWorkspace(cross, { entry: WF });
		assert.deepEqual(result.findings.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => `${f.ruleId}: ${f.message}`), []);
		assert.deepEqual(result.findings.filter((f) => f.ruleId === RULE).map((f) => f.message.slice(0, 12)), ['job "arm64":']);
	});
	it('trap: setup-go with go-version-file: the toolchain is the module\'s, so there is no version mismatch', async () => {
		const files = repo('on: push\njobs:\n  b:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: actions/setup-go@v5\n        with:\n          go-version-file: go.mod\n      - run: CGO_ENABLED=0 go build -o app .\n', { 'go.mod': goMod('1.24') });
		const result = await analyzeWorkspace(files, { entry: WF });
		assert.deepEqual(result.findings.map((f) => `${f.ruleId}: ${f.message}`), []);
	});
	it('a GoReleaser config with no CGO_ENABLED: the runner\'s own target gets the floor, on the workflow\'s runs-on line', async () => {
		const files = repo(
			'on: push\njobs:\n  release:\n    runs-on: ubuntu-22.04\n    steps:\n      - uses: goreleaser/goreleaser-action@v6\n        with:\n          args: release --clean\n',
			{ '.goreleaser.yaml': 'version: 2\nbuilds:\n  - binary: app\n    goos: [linux]\n    goarch: [amd64, arm64]\n' },
		);
		const finding = await single(files, RULE, WF);
		assert.equal(covered(files, finding), 'runs-on: ubuntu-22.04');
		assert.match(finding.message, /^job "release" \(GoReleaser build "default" for linux\/amd64\): "app" is built with cgo on "ubuntu-22\.04", so it needs glibc ≥ 2\.34; /);
		assert.equal(relatedOf(files, finding)[0].startsWith('.goreleaser.yaml: "binary: app": CGO_ENABLED is unset'), true);
		assert.deepEqual(finding.fixes, [], 'no edit is offered on text GoReleaser synthesizes');
	});
	it('a build through make is reported on the calling line, with the Makefile recipe as related information', async () => {
		const files = repo('on: push\njobs:\n  b:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: make release\n', { Makefile: 'release:\n\tgo build -o bin/app .\n' });
		const finding = await single(files, RULE, WF);
		assert.equal(covered(files, finding), 'runs-on: ubuntu-24.04');
		assert.deepEqual(relatedOf(files, finding).map((r) => r.split(': ').slice(0, 2).join(': ')), [`${WF}: "make release"`, 'Makefile: "go build -o bin/app ."']);
		assert.deepEqual(finding.fixes.map((f) => f.edits.map((e) => [covered(files, e), e.newText])), [[['', 'CGO_ENABLED=0 ']]]);
	});
	it('a pragma in the workflow suppresses it', async () => {
		const files = repo('on: push\njobs:\n  b:\n    # shipcheck ignore=glibc-too-old built for our own Ubuntu 24.04 hosts\n    runs-on: ubuntu-24.04\n    steps:\n      - run: go build -o app .\n');
		assert.deepEqual(await findingsFor(files, RULE, WF), []);
	});
});
