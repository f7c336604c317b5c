import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { describe, it } from 'node:test';
import { buildText, ciOf, envOf, GO_MOD, jobNamed, NET_MAIN, projectOf, slice, type Files } from './helpers';
import { aliasExpansionLimit } from '../../../../server/src/parse/yaml';

const CI = '.gitlab-ci.yml';

function repo(gitlab: string, extra: Files = {}): Files {
	return { 'go.mod': GO_MOD, 'main.go': NET_MAIN, [CI]: gitlab, ...extra };
}

describe('GitLab CI', () => {
	const pipeline = `stages: [build, package]
variables:
  GOOS: linux
  CGO_ENABLED: "1"
  BIN_DIR: dist
default:
  image: golang:1.22-bookworm
  before_script:
    - export GOFLAGS=-trimpath
.go-job:
  variables:
    GOARCH: amd64
  tags: [docker]
build:
  extends: .go-job
  stage: build
  variables:
    CGO_ENABLED: "0"
  script:
    - mkdir -p $BIN_DIR
    - go build -o $BIN_DIR/app .
  artifacts:
    paths:
      - dist/
package:
  stage: package
  image: docker:27
  services: [docker:27-dind]
  script:
    - docker build -t registry.example.com/app .
`;
	it('runs before_script + script in one shell, in the job image, with global then job variables (extends merged)', async () => {
		const files = repo(pipeline);
		const build = jobNamed(await ciOf(files, CI), 'job "build"');
		assert.equal(build.host.imageRef, 'golang:1.22-bookworm');
		assert.equal(build.host.image?.libc?.version, '2.36');
		assert.equal(slice(files, build.host.file, build.host.anchor), 'image: golang:1.22-bookworm');
		const go = build.builds[0];
		assert.equal(buildText(files, go), 'go build -o $BIN_DIR/app .');
		assert.deepEqual(envOf(go), { GOOS: 'linux', CGO_ENABLED: '0', BIN_DIR: 'dist', GOARCH: 'amd64', GOFLAGS: '-trimpath' });
		assert.equal(slice(files, go.cgo.setAt!.file!, go.cgo.setAt!.span!), 'CGO_ENABLED: "0"');
		assert.equal(go.outputPath, '/w/dist/app');
	});
	it('artifacts of an earlier stage reach the package job at the same paths, and its docker build', async () => {
		const files = repo(pipeline, { Dockerfile: 'FROM alpine:3.20\nCOPY dist/app /app\n' });
		const ci = await ciOf(files, CI);
		const image = jobNamed(ci, 'job "package"');
		assert.deepEqual(image.timeline.map((e) => e.kind), ['download', 'docker-build']);
		const project = await projectOf(files, CI);
		assert.deepEqual(project.deliveries.map((d) => `${d.source} ${d.path} ${d.certain}`), ['build-context /app true']);
	});
	it('needs: [] fetches no artifacts; needs: [build] fetches that job\'s even from the same stage', async () => {
		const none = repo(pipeline.replace('  image: docker:27\n', '  image: docker:27\n  needs: []\n'), { Dockerfile: 'FROM alpine:3.20\nCOPY dist/app /app\n' });
		assert.deepEqual((await projectOf(none, CI)).deliveries, []);
		const same = repo(pipeline.replace('  stage: package\n', '  stage: build\n  needs: [build]\n'), { Dockerfile: 'FROM alpine:3.20\nCOPY dist/app /app\n' });
		assert.equal((await projectOf(same, CI)).deliveries.length, 1);
	});
	it('parallel: matrix expands into one job per combination, its variables set', async () => {
		const files = repo(`build:
  image: golang:1.23
  parallel:
    matrix:
      - GOARCH: [amd64, arm64]
        GOOS: linux
  script:
    - go build -o app-$GOARCH .
`);
		const ci = await ciOf(files, CI);
		assert.deepEqual(ci.jobs.map((j) => j.label), ['job "build" (GOARCH=amd64, GOOS=linux)', 'job "build" (GOARCH=arm64, GOOS=linux)']);
		assert.deepEqual(ci.jobs.map((j) => j.builds[0].outputPath), ['/w/app-amd64', '/w/app-arm64']);
		const goarch = ci.jobs[1].builds[0].env.get('GOARCH')!;
		assert.equal(slice(files, goarch.file!, goarch.span!), 'arm64');
	});
	it('!reference splices lines from another job; hidden jobs are templates only', async () => {
		const files = repo(`.setup:
  script:
    - export CGO_ENABLED=0
build:
  image: golang:1.23-alpine
  script:
    - !reference [.setup, script]
    - go build -o app .
`);
		const ci = await ciOf(files, CI);
		assert.deepEqual(ci.jobs.map((j) => j.id), ['build']);
		assert.equal(ci.jobs[0].builds[0].cgo.state, 'off');
		assert.equal(slice(files, ci.jobs[0].builds[0].cgo.setAt!.file!, ci.jobs[0].builds[0].cgo.setAt!.span!), 'CGO_ENABLED=0');
	});
	it('local include: jobs from the included file, with spans in that file; remote includes are opaque', async () => {
		const files = repo(`include:
  - local: ci/go.yml
  - remote: https://example.com/ci.yml
variables:
  GOFLAGS: -mod=mod
`, { 'ci/go.yml': 'compile:\n  image: golang:1.22\n  script:\n    - go build -o bin/app .\n' });
		const ci = await ciOf(files, CI);
		const job = jobNamed(ci, 'job "compile"');
		assert.equal(job.file, '/w/ci/go.yml');
		const build = job.builds[0];
		assert.equal(build.file, '/w/ci/go.yml');
		assert.equal(buildText(files, build), 'go build -o bin/app .');
		assert.equal(build.env.get('GOFLAGS')!.value, '-mod=mod');
		assert.ok(ci.inputs.includes('/w/ci/go.yml'));
		assert.match(ci.opaqueSteps[0].description, /remote "https:\/\/example\.com\/ci\.yml" is not read/);
	});
	it('a job without image runs on the runner\'s default image: unknown', async () => {
		const job = (await ciOf(repo('build:\n  script:\n    - go build .\n'), CI)).jobs[0];
		assert.equal(job.host.image, undefined);
		assert.match(job.host.compiler.reason, /runner's default image/);
	});
	it('image variables are expanded ($GO_VERSION)', async () => {
		const job = (await ciOf(repo('variables:\n  GO_VERSION: "1.22"\nbuild:\n  image: golang:${GO_VERSION}-alpine\n  script:\n    - go build .\n'), CI)).jobs[0];
		assert.equal(job.host.imageRef, 'golang:1.22-alpine');
		assert.equal(job.host.compiler.present, false);
	});
});

describe('GitLab CI: bounded resolution', () => {
	const BUILD = 'build:\n  image: golang:1.22\n  script:\n    - go build -o bin/app .\n';
	const lists = (levels: number, item: (i: number) => string) => Array.from({ length: levels }, (_, i) => `.l${i + 1}: [${Array.from({ length: 10 }, () => item(i)).join(', ')}]`).join('\n');

	async function timedCi(gitlab: string): Promise<{ ci: Awaited<ReturnType<typeof ciOf>>; ms: number }> {
		await ciOf(repo(BUILD), CI); // parsers loaded and warm
		const started = performance.now();
		const ci = await ciOf(repo(gitlab), CI);
		return { ci, ms: performance.now() - started };
	}

	it('aliases of aliases ("billion laughs", engine fuzz seed 4242 case 16678): the file is not analysed, quickly, and says why', async () => {
		const laughs = ['l0: &l0 [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 30 }, (_, i) => `l${i + 1}: &l${i + 1} [${Array.from({ length: 11 }, () => `*l${i}`).join(', ')}]`)].join('\n');
		const text = `${laughs}\n${BUILD}`;
		const { ci, ms } = await timedCi(text);
		assert.ok(ms < 5_000, `${ms.toFixed(0)} ms`);
		assert.deepEqual(ci.jobs, []);
		assert.deepEqual(ci.opaqueSteps.map((o) => o.description), [`YAML aliases expand to more than ${aliasExpansionLimit(text.length)} nodes: jobs and variables from it are not known`]);
	});
	it('!reference lists of !reference lists (10^5 script lines): the file is not analysed, quickly, and says why', async () => {
		const gitlab = `.l0: [a, b, c, d, e, f, g, h, i, j]\n${lists(30, (i) => `!reference [.l${i}]`)}\nbuild:\n  image: golang:1.22\n  script:\n    - !reference [.l30]\n    - go build -o bin/app .\n`;
		const { ci, ms } = await timedCi(gitlab);
		assert.ok(ms < 5_000, `${ms.toFixed(0)} ms`);
		assert.deepEqual(ci.jobs, []);
		assert.equal(ci.opaqueSteps.length, 1);
		assert.match(ci.opaqueSteps[0].description, /^`extends:` and `!reference` expand to more than \d+ nodes: this file is not analysed$/);
	});
	it('extends: chains of ten parents, 30 deep, and 500 jobs extending them: resolved once per template, in linear time', async () => {
		const templates = ['.p0:\n  variables:\n    CGO_ENABLED: "0"', ...Array.from({ length: 30 }, (_, i) => `.p${i + 1}:\n  extends: [${Array.from({ length: 10 }, () => `.p${i}`).join(', ')}]`)].join('\n');
		const jobs = Array.from({ length: 500 }, (_, i) => `job${i}:\n  extends: .p10\n  image: golang:1.22\n  script: [go build -o bin/app${i} .]`).join('\n');
		const { ci, ms } = await timedCi(`${templates}\n${jobs}\n`);
		assert.ok(ms < 5_000, `${ms.toFixed(0)} ms`);
		assert.equal(ci.jobs.length, 500);
		assert.equal(ci.jobs[499].builds[0].cgo.state, 'off');
	});
	it('variables doubling each other (A1: $A0$A0, 2,000 of them) are unknown past the bound, not a RangeError', async () => {
		const variables = Array.from({ length: 2_000 }, (_, i) => `  A${i + 1}: $A${i}$A${i}`).join('\n');
		const { ci, ms } = await timedCi(`variables:\n  A0: x\n${variables}\n  SHORT: $A3\nbuild:\n  image: golang:1.22\n  script: [go build -o bin/$SHORT/app$A2000 .]\n`);
		assert.ok(ms < 5_000, `${ms.toFixed(0)} ms`);
		const build = ci.jobs[0].builds[0];
		assert.equal(build.env.get('SHORT')?.value, 'xxxxxxxx');
		assert.equal(build.env.get('A2000')?.value, undefined);
		assert.equal(build.outputPath, undefined);
	});
	it('!reference still resolves as before: nested lists are spliced, maps are shared', async () => {
		const gitlab = `.setup:\n  script: [export CGO_ENABLED=0]\n  variables: {GOOS: linux}\n.steps: [!reference [.setup, script], go vet ./...]\nbuild:\n  image: golang:1.22\n  variables: !reference [.setup, variables]\n  script:\n    - !reference [.steps]\n    - go build -o bin/app .\n`;
		const build = (await ciOf(repo(gitlab), CI)).jobs[0].builds[0];
		assert.equal(build.cgo.state, 'off');
		assert.equal(build.env.get('GOOS')?.value, 'linux');
	});
});
