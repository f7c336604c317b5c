import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeWorkspace } from '../helpers/engine';
import { covered, findingsFor, goMod, NET_MAIN, relatedOf, single, type Files } from './build-rule-support';

const RULE = 'libc-mismatch';
const WF = '.github/workflows/image.yml';

/** SCENARIOS 2: a binary built on the runner, uploaded, downloaded by the image job and copied into alpine. */
const WORKFLOW = `on: push
jobs:
  build:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@v4
      - run: go build -o dist/app .
      - uses: actions/upload-artifact@v4
        with:
          name: bin
          path: dist/
  image:
    needs: build
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@v4
      - uses: actions/download-artifact@v4
        with:
          name: bin
          path: dist
      - uses: docker/build-push-action@v6
        with:
          context: .
          push: true
`;

function repo(workflow = WORKFLOW, dockerfile = 'FROM alpine:3.20\nCOPY dist/app /usr/local/bin/app\nENTRYPOINT ["app"]\n', extra: Files = {}): Files {
	return { 'go.mod': goMod('1.22'), 'main.go': NET_MAIN, [WF]: workflow, Dockerfile: dockerfile, ...extra };
}

describe('libc-mismatch through a CI build and a build-context COPY', () => {
	it('every link known: error on the COPY, related information along the whole chain', async () => {
		const files = repo();
		for (const entry of [WF, 'Dockerfile']) {
			const finding = await single(files, RULE, entry);
			assert.equal(finding.severity, 'error');
			assert.equal(finding.file, '/w/Dockerfile');
			assert.equal(covered(files, finding), 'COPY dist/app /usr/local/bin/app');
			assert.equal(
				finding.message,
				'"/usr/local/bin/app" is dynamically linked against glibc (CGO_ENABLED is unset and gcc is preinstalled on the GitHub-hosted ubuntu-24.04 runner image, so cgo defaults to on) but "alpine:3.20" has musl 1.2.5, not glibc: it will fail to start with "no such file or directory"',
			);
			assert.deepEqual(relatedOf(files, finding), [
				`${WF}: "runs-on: ubuntu-24.04": built in job "build": "ubuntu-24.04" (Ubuntu 24.04, glibc 2.39, C compiler present)`,
				`${WF}: "go build -o dist/app .": this build links dynamically: cgo is on and the program imports net, which uses the C resolver when cgo is on (no netgo tag), so the binary is dynamically linked against the builder's C library`,
				'Dockerfile: "FROM alpine:3.20": runs in "alpine:3.20"',
				`${WF}: ${JSON.stringify(covered(files, { file: `/w/${WF}`, span: finding.related[3].span }))}: uploaded as artifact "bin" in job "build"`,
				`${WF}: ${JSON.stringify(covered(files, { file: `/w/${WF}`, span: finding.related[4].span }))}: downloaded as artifact "bin" in job "image"`,
				`${WF}: ${JSON.stringify(covered(files, { file: `/w/${WF}`, span: finding.related[5].span }))}: the image is built here (docker/build-push-action) with context "/w"`,
			]);
			assert.match(covered(files, { file: `/w/${WF}`, span: finding.related[3].span }), /^uses: actions\/upload-artifact@v4/);
		}
	});
	it('the fix sets CGO_ENABLED=0 in the run step of the workflow', async () => {
		const files = repo();
		const finding = await single(files, RULE, WF);
		const fix = finding.fixes.find((f) => f.title.startsWith('Set CGO_ENABLED=0'));
		assert.ok(fix);
		assert.equal(fix.edits[0].file, `/w/${WF}`);
		assert.equal(covered(files, fix.edits[0]), '');
		assert.equal(files[WF].slice(fix.edits[0].span.start, fix.edits[0].span.start + 8), 'go build');
	});
	it('a COPY source with a build argument (dist/app-${TARGETARCH}) is matched as an assumption: warning, saying why', async () => {
		const workflow = WORKFLOW.replace('go build -o dist/app .', 'go build -o dist/app-amd64 .');
		const files = repo(workflow, 'FROM alpine:3.20\nARG TARGETARCH\nCOPY dist/app-${TARGETARCH} /app\n');
		const finding = await single(files, RULE, WF);
		assert.equal(finding.severity, 'warning');
		assert.match(finding.message, /\(not certain: the COPY source is matched to the file built by job "build" through a glob, a build argument or an artifact layout assumed here\)$/);
	});
	it('silent: cgo off in the workflow, a glibc runtime image, a Git-context build (the workspace is not in it), an unrelated artifact', async () => {
		const cases: Files[] = [
			repo(WORKFLOW.replace('run: go build', 'run: CGO_ENABLED=0 go build')),
			repo(WORKFLOW, 'FROM ubuntu:24.04\nCOPY dist/app /usr/local/bin/app\n'),
			repo(WORKFLOW.replace('          context: .\n', '')),
			repo(WORKFLOW.replace('name: bin\n          path: dist\n', 'name: docs\n          path: dist\n')),
		];
		for (const files of cases) assert.deepEqual((await findingsFor(files, RULE, WF)).map((f) => f.message), []);
	});
	it('same job: go build then docker build -f in a run step, into scratch', async () => {
		const files = repo('on: push\njobs:\n  b:\n    runs-on: ubuntu-22.04\n    steps:\n      - run: |\n          go build -o out/server .\n          docker build -f deploy/Dockerfile -t srv .\n', undefined, {
			'deploy/Dockerfile': 'FROM scratch\nCOPY out/server /server\nENTRYPOINT ["/server"]\n',
		});
		const finding = await single(files, RULE, WF);
		assert.equal(finding.file, '/w/deploy/Dockerfile');
		assert.match(finding.message, /but "scratch" has no C library and no loader/);
	});
	it('GitLab: artifacts of the build stage, docker build in the package stage', async () => {
		const gitlab = `stages: [build, package]
build:
  stage: build
  image: golang:1.22-bookworm
  script:
    - go build -o bin/app .
  artifacts:
    paths: [bin/]
package:
  stage: package
  image: docker:27
  script:
    - docker build -t $CI_REGISTRY_IMAGE .
`;
		const files: Files = { 'go.mod': goMod('1.22'), 'main.go': NET_MAIN, '.gitlab-ci.yml': gitlab, Dockerfile: 'FROM gcr.io/distroless/static-debian12\nCOPY bin/app /app\n' };
		const finding = await single(files, RULE, '.gitlab-ci.yml');
		assert.equal(finding.severity, 'error');
		assert.equal(relatedOf(files, finding)[0], '.gitlab-ci.yml: "image: golang:1.22-bookworm": built in job "build": "golang:1.22-bookworm" (Debian 12 bookworm, glibc 2.36, C compiler present)');
	});
	it('a pragma on the COPY suppresses it', async () => {
		const files = repo(WORKFLOW, 'FROM alpine:3.20\n# shipcheck ignore=libc-mismatch gcompat is installed by the base image\nCOPY dist/app /usr/local/bin/app\n');
		assert.deepEqual((await analyzeWorkspace(files, { entry: WF })).findings.filter((f) => f.ruleId === RULE), []);
	});
});
