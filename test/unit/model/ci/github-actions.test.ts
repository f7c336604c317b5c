import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildText, ciOf, envOf, GO_MOD, jobNamed, NET_MAIN, slice, type Files } from './helpers';
import { aliasExpansionLimit } from '../../../../server/src/parse/yaml';

const WF = '.github/workflows/build.yml';

function repo(workflow: string, extra: Files = {}): Files {
	return { 'go.mod': GO_MOD, 'main.go': NET_MAIN, [WF]: workflow, ...extra };
}

describe('GitHub Actions: env, working directory, runners', () => {
	const workflow = `name: build
on: push
env:
  GOOS: linux
  CGO_ENABLED: 1
  GOFLAGS: -mod=mod
defaults:
  run:
    working-directory: cmd
jobs:
  build:
    runs-on: ubuntu-22.04
    env:
      CGO_ENABLED: 0
      GOARCH: amd64
    steps:
      - uses: actions/checkout@v4
      - name: server
        env:
          GOARCH: arm64
        run: go build -o ../dist/server ./server
      - name: tool
        working-directory: tools
        run: go build -o ../dist/tool .
    services:
      db:
        image: postgres:16
`;
	it('step env wins over job env, job env over workflow env; each value keeps its YAML pair as provenance', async () => {
		const files = repo(workflow);
		const job = jobNamed(await ciOf(files, WF), 'job "build"');
		const [server, tool] = job.builds;
		assert.ok(server && tool);
		assert.deepEqual(envOf(server), { GOOS: 'linux', CGO_ENABLED: '0', GOFLAGS: '-mod=mod', GOARCH: 'arm64' });
		assert.deepEqual(envOf(tool), { GOOS: 'linux', CGO_ENABLED: '0', GOFLAGS: '-mod=mod', GOARCH: 'amd64' });
		const cgo = server.env.get('CGO_ENABLED')!;
		assert.equal(cgo.origin, 'ci');
		assert.equal(slice(files, cgo.file!, cgo.span!), 'CGO_ENABLED: 0');
		assert.equal(slice(files, server.cgo.setAt!.file!, server.cgo.setAt!.span!), 'CGO_ENABLED: 0');
	});
	it('defaults.run.working-directory and a step working-directory set where go build runs', async () => {
		const files = repo(workflow);
		const [server, tool] = jobNamed(await ciOf(files, WF), 'job "build"').builds;
		assert.equal(server.workdir, '/w/cmd');
		assert.equal(server.outputPath, '/w/dist/server');
		assert.equal(tool.workdir, '/w/tools');
		assert.equal(tool.outputPath, '/w/dist/tool');
	});
	it('runs-on names a hosted runner: its Ubuntu release, glibc and gcc; the anchor is the runs-on line; services are ignored', async () => {
		const files = repo(workflow);
		const job = jobNamed(await ciOf(files, WF), 'job "build"');
		assert.equal(job.runner?.label, 'ubuntu-22.04');
		assert.equal(job.host.kind, 'ci-job');
		assert.equal(job.host.image?.libc?.version, '2.35');
		assert.equal(job.host.compiler.present, true);
		assert.equal(slice(files, job.host.file, job.host.anchor), 'runs-on: ubuntu-22.04');
		assert.equal(job.builds.length, 2);
	});
	it('self-hosted and expression labels leave the host unknown', async () => {
		const files = repo(`on: push
jobs:
  a:
    runs-on: [self-hosted, linux, x64]
    steps:
      - run: go build .
  b:
    runs-on: \${{ inputs.runner }}
    steps:
      - run: go build .
`);
		const ci = await ciOf(files, WF);
		for (const job of ci.jobs) {
			assert.equal(job.host.image, undefined, job.label);
			assert.equal(job.host.compiler.present, undefined);
			assert.equal(job.builds[0].cgo.state, 'unknown');
		}
		assert.equal(jobNamed(ci, 'job "a"').runner?.selfHosted, true);
	});
	it('container: the job builds in the container image, so its libc (not the runner\'s) is the builder\'s', async () => {
		const files = repo(`on: push
jobs:
  build:
    runs-on: ubuntu-24.04
    container:
      image: golang:1.22-bullseye
    steps:
      - uses: actions/checkout@v4
      - run: go build -o app .
`);
		const job = jobNamed(await ciOf(files, WF), 'job "build"');
		assert.equal(job.container, 'golang:1.22-bullseye');
		assert.equal(job.host.image?.libc?.version, '2.31');
		assert.equal(slice(files, job.host.file, job.host.anchor), 'golang:1.22-bullseye');
		const build = job.builds[0];
		assert.equal(build.linkage.kind, 'dynamic');
		assert.deepEqual(build.linkage.kind === 'dynamic' ? build.linkage.glibcFloor : undefined, { atLeast: undefined, atMost: '2.31' });
	});
	it('a macOS runner builds for macOS: its run steps are not read as Linux builds', async () => {
		const files = repo('on: push\njobs:\n  mac:\n    runs-on: macos-14\n    steps:\n      - run: go build .\n');
		assert.deepEqual(jobNamed(await ciOf(files, WF), 'job "mac"').builds, []);
	});
	it('a step with a non-POSIX shell is recorded as opaque, not parsed', async () => {
		const files = repo('on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - shell: pwsh\n        run: go build .\n');
		const job = jobNamed(await ciOf(files, WF), 'job "a"');
		assert.deepEqual(job.builds, []);
		assert.match(job.opaqueSteps[0].description, /shell "pwsh"/);
	});
	it('echo NAME=value >> $GITHUB_ENV sets NAME for the later steps of the job', async () => {
		const files = repo(`on: push
jobs:
  a:
    runs-on: ubuntu-24.04
    steps:
      - run: echo "CGO_ENABLED=0" >> "$GITHUB_ENV"
      - run: go build -o app .
`);
		const build = jobNamed(await ciOf(files, WF), 'job "a"').builds[0];
		assert.equal(build.cgo.state, 'off');
		assert.equal(slice(files, build.cgo.setAt!.file!, build.cgo.setAt!.span!), 'echo "CGO_ENABLED=0" >> "$GITHUB_ENV"');
	});
});

describe('GitHub Actions: run blocks map to exact offsets', () => {
	it('a | block: every command keeps its document offsets (indentation removed, lines verbatim)', async () => {
		const workflow = `on: push
jobs:
  build:
    runs-on: ubuntu-24.04
    steps:
      - name: build
        run: |
          set -eu
          export GOFLAGS="-trimpath"
          CGO_ENABLED=0 GOOS=linux \\
            go build -ldflags "-s -w" \\
              -o dist/app ./cmd/app
`;
		const files = repo(workflow);
		const build = jobNamed(await ciOf(files, WF), 'job "build"').builds[0];
		assert.equal(buildText(files, build), 'CGO_ENABLED=0 GOOS=linux \\\n            go build -ldflags "-s -w" \\\n              -o dist/app ./cmd/app');
		assert.equal(slice(files, build.file, build.command.ldflags!.s!.span), '-s');
		assert.equal(slice(files, build.file, build.command.output!.span), '-o dist/app');
		assert.equal(slice(files, build.file, build.env.get('CGO_ENABLED')!.span!), 'CGO_ENABLED=0');
		assert.equal(build.env.get('GOFLAGS')!.value, '-trimpath');
		assert.equal(slice(files, build.file, build.instructionSpan).split('\n')[0], 'name: build');
	});
	it('a > folded block and a plain scalar map too', async () => {
		const files = repo(`on: push
jobs:
  build:
    runs-on: ubuntu-24.04
    steps:
      - run: >
          go build
          -o out/app .
      - run: go build -tags netgo -o out/other ./other
`);
		const [folded, plain] = jobNamed(await ciOf(files, WF), 'job "build"').builds;
		assert.equal(buildText(files, folded), 'go build\n          -o out/app .');
		assert.equal(folded.outputPath, '/w/out/app');
		assert.equal(buildText(files, plain), 'go build -tags netgo -o out/other ./other');
		assert.equal(slice(files, plain.file, plain.command.tags!.values[0].span), 'netgo');
	});
	it('unknown ${{ }} expressions stay dynamic words; known ones are substituted and map to the whole expression', async () => {
		const files = repo(`on: push
jobs:
  build:
    runs-on: ubuntu-24.04
    strategy:
      matrix:
        goarch: [arm64]
    steps:
      - run: GOARCH=\${{ matrix.goarch }} go build -ldflags "-X main.v=\${{ github.ref_name }}" -o dist/app-\${{ matrix.goarch }} .
`);
		const build = jobNamed(await ciOf(files, WF), 'job "build" (goarch=arm64)').builds[0];
		assert.equal(build.env.get('GOARCH')!.value, 'arm64');
		assert.equal(slice(files, build.file, build.env.get('GOARCH')!.span!), 'GOARCH=${{ matrix.goarch }}');
		assert.equal(build.outputPath, '/w/dist/app-arm64');
		assert.equal(build.command.ldflags?.flag.dynamic, true);
	});
});

describe('GitHub Actions: matrix', () => {
	const workflow = `on: push
jobs:
  build:
    runs-on: \${{ matrix.os }}
    strategy:
      matrix:
        os: [ubuntu-22.04, ubuntu-24.04]
        goarch: [amd64, arm64]
        exclude:
          - os: ubuntu-22.04
            goarch: arm64
        include:
          - os: ubuntu-24.04
            goarch: arm64
            cc: aarch64-linux-gnu-gcc
          - os: ubuntu-24.04
            goarch: riscv64
    env:
      GOARCH: \${{ matrix.goarch }}
    steps:
      - run: go build -o app .
`;
	it('expands include/exclude as GitHub does, and names each combination', async () => {
		const ci = await ciOf(repo(workflow), WF);
		assert.deepEqual(ci.jobs.map((j) => j.label), [
			'job "build" (os=ubuntu-22.04, goarch=amd64)',
			'job "build" (os=ubuntu-24.04, goarch=amd64)',
			'job "build" (os=ubuntu-24.04, goarch=arm64, cc=aarch64-linux-gnu-gcc)',
			'job "build" (os=ubuntu-24.04, goarch=riscv64)',
		]);
	});
	it('resolves runs-on and env per combination: the native build has cgo on, the cross builds off', async () => {
		const ci = await ciOf(repo(workflow), WF);
		const states = ci.jobs.map((j) => `${j.runner?.label}/${j.builds[0].env.get('GOARCH')!.value}: ${j.builds[0].cgo.state}`);
		assert.deepEqual(states, ['ubuntu-22.04/amd64: on', 'ubuntu-24.04/amd64: on', 'ubuntu-24.04/arm64: off', 'ubuntu-24.04/riscv64: off']);
		assert.equal(ci.jobs[0].host.label, 'job "build" (os=ubuntu-22.04, goarch=amd64)');
	});
	it('a matrix from an expression is one job with unknown values', async () => {
		const files = repo('on: push\njobs:\n  b:\n    runs-on: ubuntu-24.04\n    strategy:\n      matrix: ${{ fromJSON(needs.plan.outputs.matrix) }}\n    env:\n      GOARCH: ${{ matrix.goarch }}\n    steps:\n      - run: go build .\n');
		const ci = await ciOf(files, WF);
		assert.equal(ci.jobs.length, 1);
		const goarch = ci.jobs[0].builds[0].env.get('GOARCH')!;
		assert.equal(goarch.value, undefined);
		assert.equal(slice(files, goarch.file!, goarch.span!), 'GOARCH: ${{ matrix.goarch }}');
	});
});

describe('GitHub Actions: setup-go', () => {
	const withSetup = (inputs: string) => repo(`on: push
jobs:
  build:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/setup-go@v5
        with:
${inputs}
      - run: go build .
`);
	it('go-version names the toolchain (1.23.x → 1.23); check-latest is recorded', async () => {
		const job = jobNamed(await ciOf(withSetup('          go-version: 1.23.x\n          check-latest: true'), WF), 'job "build"');
		assert.equal(job.goSetup?.version, '1.23');
		assert.equal(job.goSetup?.checkLatest, true);
		assert.equal(job.host.image?.goVersion, '1.23');
	});
	it('go-version-file: go.mod gives the module\'s own version (toolchain line first), so no mismatch is possible', async () => {
		const files = withSetup('          go-version-file: go.mod');
		files['go.mod'] = 'module example.com/app\n\ngo 1.22\n\ntoolchain go1.22.6\n';
		const job = jobNamed(await ciOf(files, WF), 'job "build"');
		assert.equal(job.goSetup?.versionFile, '/w/go.mod');
		assert.equal(job.host.image?.goVersion, '1.22.6');
	});
	it('go-version-file: go.mod is read as Go reads it: an indented go line, a commented-out toolchain, a go.work', async () => {
		const files = withSetup('          go-version-file: go.mod');
		files['go.mod'] = 'module example.com/app\n\n  go 1.23.2 // indented, still the go directive\n// toolchain go1.25.0 is only a comment\n';
		assert.equal(jobNamed(await ciOf(files, WF), 'job "build"').host.image?.goVersion, '1.23.2');
		const work = withSetup('          go-version-file: go.work');
		work['go.work'] = 'go 1.24.0\n\ntoolchain go1.24.3\n\nuse ./svc\n';
		assert.equal(jobNamed(await ciOf(work, WF), 'job "build"').host.image?.goVersion, '1.24.3');
	});
	it('stable/oldstable are not a fixed release', async () => {
		const job = jobNamed(await ciOf(withSetup('          go-version: stable'), WF), 'job "build"');
		assert.equal(job.goSetup?.version, undefined);
		assert.equal(job.host.image?.goVersion, undefined);
	});
});

describe('GitHub Actions: artifacts and image builds', () => {
	it('records uploads, downloads and docker/build-push-action (context, file, platforms) in step order', async () => {
		const files = repo(`on: push
jobs:
  build:
    runs-on: ubuntu-24.04
    steps:
      - run: go build -o dist/app .
      - uses: actions/upload-artifact@v4
        with:
          name: bin
          path: dist/app
  image:
    needs: [build]
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/download-artifact@v4
        with:
          name: bin
          path: dist
      - uses: docker/build-push-action@v6
        with:
          context: .
          file: deploy/Dockerfile
          platforms: linux/amd64,linux/arm64
`);
		const ci = await ciOf(files, WF);
		assert.deepEqual(jobNamed(ci, 'job "build"').timeline.map((e) => e.kind), ['build', 'upload']);
		const image = jobNamed(ci, 'job "image"');
		assert.deepEqual(image.needs, ['build']);
		const [download, docker] = image.timeline;
		assert.equal(download?.kind === 'download' && download.download.path, '/w/dist');
		assert.ok(docker?.kind === 'docker-build');
		assert.equal(docker.invocation.dockerfile, '/w/deploy/Dockerfile');
		assert.equal(docker.invocation.contextDir, '/w');
		assert.deepEqual(docker.invocation.platforms, ['linux/amd64', 'linux/arm64']);
		assert.ok(ci.inputs.includes('/w/deploy/Dockerfile'));
	});
	it('build-push-action without context builds from the Git context: the workspace is not in it', async () => {
		const ci = await ciOf(repo('on: push\njobs:\n  i:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          push: true\n'), WF);
		const event = ci.jobs[0].timeline[0];
		assert.ok(event.kind === 'docker-build');
		assert.equal(event.invocation.gitContext, true);
		assert.equal(event.invocation.dockerfile, '/w/Dockerfile');
	});
	it('docker build -f X . in a run step, from the step\'s working directory', async () => {
		const ci = await ciOf(repo('on: push\njobs:\n  i:\n    runs-on: ubuntu-24.04\n    steps:\n      - working-directory: services/api\n        run: docker buildx build --platform linux/arm64 -f ../../build/Dockerfile -t api --push .\n'), WF);
		const event = ci.jobs[0].timeline[0];
		assert.ok(event.kind === 'docker-build');
		assert.equal(event.invocation.dockerfile, '/w/build/Dockerfile');
		assert.equal(event.invocation.contextDir, '/w/services/api');
		assert.deepEqual(event.invocation.platforms, ['linux/arm64']);
	});
	it('a reusable workflow call is opaque', async () => {
		const ci = await ciOf(repo('on: push\njobs:\n  call:\n    uses: org/repo/.github/workflows/build.yml@main\n'), WF);
		assert.match(ci.opaqueSteps[0].description, /reusable workflow "org\/repo\/\.github\/workflows\/build\.yml@main"/);
	});
	it('a module in a subdirectory is found from the build\'s working directory', async () => {
		const files: Files = {
			[WF]: 'on: push\njobs:\n  b:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: go build -C services/api -o ../../dist/api .\n',
			'services/api/go.mod': 'module example.com/api\n\ngo 1.23\n',
			'services/api/main.go': NET_MAIN,
		};
		const build = (await ciOf(files, WF)).jobs[0].builds[0];
		assert.equal(build.module?.path, '/w/services/api/go.mod');
		assert.equal(build.workdir, '/w/services/api');
		assert.equal(build.outputPath, '/w/dist/api');
	});
});

describe('GitHub Actions: aliases', () => {
	it('steps, matrix and env from aliases of aliases ("billion laughs"): the workflow is not analysed, and says why', async () => {
		const laughs = ['l0: &l0 [{run: go build .}, {run: go vet .}]', ...Array.from({ length: 30 }, (_, i) => `l${i + 1}: &l${i + 1} [${Array.from({ length: 11 }, () => `*l${i}`).join(', ')}]`)].join('\n');
		const workflow = `${laughs}\non: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        include: *l30\n    steps: *l30\n`;
		const ci = await ciOf(repo(workflow), WF);
		assert.deepEqual(ci.jobs, []);
		assert.deepEqual(ci.opaqueSteps.map((o) => o.description), [`YAML aliases expand to more than ${aliasExpansionLimit(workflow.length)} nodes: this workflow is not analysed`]);
	});
});
