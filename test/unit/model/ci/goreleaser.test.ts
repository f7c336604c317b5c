import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildText, ciOf, envOf, GO_MOD, jobNamed, NET_MAIN, projectOf, slice, type Files } from './helpers';
import { aliasExpansionLimit } from '../../../../server/src/parse/yaml';

const WF = '.github/workflows/release.yml';
const RELEASE = `on:
  push:
    tags: ["v*"]
jobs:
  release:
    runs-on: ubuntu-24.04
    env:
      GOFLAGS: -mod=readonly
    steps:
      - uses: actions/checkout@v4
      - uses: goreleaser/goreleaser-action@v6
        with:
          args: release --clean
`;

function repo(goreleaser: string, extra: Files = {}): Files {
	return { 'go.mod': GO_MOD, 'main.go': NET_MAIN, [WF]: RELEASE, '.goreleaser.yaml': goreleaser, ...extra };
}

describe('GoReleaser run by a workflow', () => {
	const config = `version: 2
project_name: app
env:
  - GO111MODULE=on
builds:
  - id: server
    main: ./cmd/server
    binary: server
    env:
      - CGO_ENABLED=0
    goos: [linux, windows]
    goarch: [amd64, arm64, arm]
    goarm: ["7"]
    ignore:
      - goos: windows
        goarch: arm
    flags:
      - -trimpath
    ldflags:
      - -s -w
      - -X main.version={{.Version}}
    tags:
      - netgo
      - osusergo
    overrides:
      - goos: linux
        goarch: arm64
        env:
          - CC=aarch64-linux-gnu-gcc
  - id: agent
    binary: agent
    goos: [linux]
    goarch: [amd64, arm64]
`;
	it('expands every build × target (ignore applied) as builds on the job\'s runner', async () => {
		const job = jobNamed(await ciOf(repo(config), WF), 'job "release"');
		const targets = job.builds.map((b) => `${b.host.label.replace('job "release" ', '')}`);
		assert.deepEqual(targets, [
			'(GoReleaser build "server" for linux/amd64)',
			'(GoReleaser build "server" for linux/arm64)',
			'(GoReleaser build "server" for linux/armv7)',
			'(GoReleaser build "server" for windows/amd64)',
			'(GoReleaser build "server" for windows/arm64)',
			'(GoReleaser build "agent" for linux/amd64)',
			'(GoReleaser build "agent" for linux/arm64)',
		]);
		assert.ok(job.builds.every((b) => b.file === '/w/.goreleaser.yaml' && b.host.file === '/w/.github/workflows/release.yml'));
	});
	it('env: the job\'s env, then top-level env, the build\'s env, overrides, and GOOS/GOARCH of the target', async () => {
		const files = repo(config);
		const [amd64, arm64] = jobNamed(await ciOf(files, WF), 'job "release"').builds;
		assert.deepEqual(envOf(amd64), { GOFLAGS: '-mod=readonly', GO111MODULE: 'on', CGO_ENABLED: '0', GOOS: 'linux', GOARCH: 'amd64' });
		assert.deepEqual(envOf(arm64), { GOFLAGS: '-mod=readonly', GO111MODULE: 'on', CGO_ENABLED: '0', CC: 'aarch64-linux-gnu-gcc', GOOS: 'linux', GOARCH: 'arm64' });
		assert.equal(slice(files, amd64.cgo.setAt!.file!, amd64.cgo.setAt!.span!), 'CGO_ENABLED=0');
		assert.equal(slice(files, amd64.env.get('GOARCH')!.file!, amd64.env.get('GOARCH')!.span!), 'amd64');
	});
	it('flags, ldflags and tags become the go command, each mapped to where it is written', async () => {
		const files = repo(config);
		const server = jobNamed(await ciOf(files, WF), 'job "release"').builds[0];
		const text = (span: { start: number; end: number }) => slice(files, server.file, span);
		assert.equal(text(server.command.trimpath!.span), '-trimpath');
		assert.equal(text(server.command.ldflags!.s!.span), '-s');
		assert.equal(text(server.command.ldflags!.w!.span), '-w');
		assert.deepEqual(server.command.tags!.values.map((v) => text(v.span)), ['netgo', 'osusergo']);
		assert.equal(server.command.packages[0].value, './cmd/server');
		assert.equal(server.outputPath, '/w/dist/server_linux_amd64_v1/server');
		assert.equal(buildText(files, server).split('\n')[0], 'id: server');
	});
	it('with no CGO_ENABLED, cgo stays on for the runner\'s own target only (SCENARIOS 5)', async () => {
		const builds = jobNamed(await ciOf(repo(config), WF), 'job "release"').builds.filter((b) => b.host.label.includes('"agent"'));
		assert.deepEqual(builds.map((b) => `${b.env.get('GOARCH')!.value}: ${b.cgo.state} ${b.linkage.kind}`), ['amd64: on dynamic', 'arm64: off static']);
		assert.match(builds[0].cgo.explanation, /gcc is preinstalled on the GitHub-hosted ubuntu-24\.04 runner image/);
	});
	it('the config file is an input of the workflow, and not modelled again on its own', async () => {
		const project = await projectOf(repo(config), WF);
		assert.deepEqual(project.ci?.map((c) => c.path), ['/w/.github/workflows/release.yml']);
		assert.ok(project.ci?.[0]?.inputs.includes('/w/.goreleaser.yaml'));
	});
	it('--single-target builds only the runner\'s own platform', async () => {
		const files = repo(config, { [WF]: RELEASE.replace('release --clean', 'build --single-target --snapshot') });
		const job = jobNamed(await ciOf(files, WF), 'job "release"');
		assert.deepEqual(job.builds.map((b) => `${b.env.get('GOOS')!.value}/${b.env.get('GOARCH')!.value}`), ['linux/amd64', 'linux/amd64']);
	});
	it('a goreleaser command in a run step and --config are followed too', async () => {
		const files = repo(config.replace('id: server', 'id: srv'), {
			[WF]: 'on: push\njobs:\n  r:\n    runs-on: ubuntu-22.04\n    steps:\n      - run: goreleaser release --clean --config build/goreleaser.yml\n',
			'build/goreleaser.yml': 'version: 2\nbuilds:\n  - id: only\n    binary: only\n    goos: [linux]\n    goarch: [amd64]\n',
		});
		const job = (await ciOf(files, WF)).jobs[0];
		assert.deepEqual(job.builds.map((b) => b.file), ['/w/build/goreleaser.yml']);
	});
	it('dockers: the image build gets the binaries of the matching target in its context', async () => {
		const files = repo(`${config}dockers:
  - dockerfile: build/Dockerfile
    ids: [agent]
    goos: linux
    goarch: amd64
`, { 'build/Dockerfile': 'FROM alpine:3.20\nCOPY agent /usr/bin/agent\n' });
		const job = jobNamed(await ciOf(files, WF), 'job "release"');
		const event = job.timeline.find((e) => e.kind === 'docker-build');
		assert.ok(event?.kind === 'docker-build');
		assert.equal(event.invocation.dockerfile, '/w/build/Dockerfile');
		assert.deepEqual(event.invocation.providedFiles?.map((f) => `${f.path} ${f.platform}`), ['agent linux/amd64']);
	});
	it('without a workflow, a config is modelled on its own with an unknown build machine', async () => {
		const files = repo('version: 2\nbuilds:\n  - env: [CGO_ENABLED=0]\n    goos: [linux]\n    goarch: [amd64]\n');
		delete files[WF];
		const ci = await ciOf(files, '.goreleaser.yaml');
		assert.equal(ci.system, 'goreleaser');
		const build = ci.jobs[0].builds[0];
		assert.equal(build.host.image, undefined);
		assert.equal(build.cgo.state, 'off');
		assert.match(build.host.compiler.reason, /no CI job that runs it was found/);
	});
});

describe('GoReleaser: aliases', () => {
	it('builds from aliases of aliases ("billion laughs"): the builds of the run are not known, and the job says why', async () => {
		const laughs = ['l0: &l0 [{id: a, env: [CGO_ENABLED=1], goos: [linux]}]', ...Array.from({ length: 30 }, (_, i) => `l${i + 1}: &l${i + 1} [${Array.from({ length: 11 }, () => `*l${i}`).join(', ')}]`)].join('\n');
		const files: Files = { 'go.mod': GO_MOD, 'main.go': NET_MAIN, [WF]: RELEASE, '.goreleaser.yaml': `${laughs}\nbuilds: *l30\n` };
		const job = (await ciOf(files, WF)).jobs[0];
		assert.deepEqual(job.builds, []);
		assert.ok(job.opaqueSteps.some((o) => o.description === `YAML aliases expand to more than ${aliasExpansionLimit(files['.goreleaser.yaml'].length)} nodes in /w/.goreleaser.yaml, so the builds of this GoReleaser run are not known`), JSON.stringify(job.opaqueSteps));
	});
});
