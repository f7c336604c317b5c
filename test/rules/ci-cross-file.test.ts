import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { memoryFileSystem } from '../../server/src/model/file-system';
import { withCiContext } from '../../server/src/rules/ci-findings';
import { entryFilesFor, projectFilesUnder } from '../../server/src/rules/discover';
import { analyzeWorkspace } from '../helpers/engine';
import { applyFix, covered, fixTitled, goMod, NET_MAIN, single, SQLITE_MAIN, type Files } from './build-rule-support';

const WF = '.github/workflows/ci.yml';
const SQLITE = 'github.com/mattn/go-sqlite3 v1.14.22';

function files(extra: Files = {}): Files {
	return {
		'go.mod': goMod('1.22', [SQLITE]),
		'main.go': SQLITE_MAIN,
		[WF]: 'on: push\njobs:\n  build:\n    runs-on: ubuntu-22.04\n    env:\n      CGO_ENABLED: 0\n    steps:\n      - uses: actions/checkout@v4\n      - run: go build -o app .\n',
		...extra,
	};
}

describe('cross-file: CI files are entry files of go.mod, and go.mod of CI files', () => {
	it('a COPY glob over the artifacts of three jobs: each finding carries the chain of its own binary only', async () => {
		const uploads = [0, 1, 2].map((i) => `  b${i}:\n    runs-on: ubuntu-22.04\n    steps:\n      - run: go build -o bin/app${i} .\n      - uses: actions/upload-artifact@v4\n        with: { name: a${i}, path: "bin/*" }\n`);
		const image = '  img:\n    runs-on: ubuntu-22.04\n    needs: [b0, b1, b2]\n    steps:\n      - uses: actions/download-artifact@v4\n        with: { pattern: "a*", path: bin, merge-multiple: true }\n      - uses: docker/build-push-action@v6\n        with: { context: . }\n';
		const result = await analyzeWorkspace({ 'go.mod': goMod('1.22'), 'main.go': NET_MAIN, [WF]: `on: push\njobs:\n${uploads.join('')}${image}`, Dockerfile: 'FROM gcr.io/distroless/static-debian12\nCOPY bin/* /bin/\n' }, { entry: WF });
		const findings = result.findings.filter((f) => f.ruleId === 'libc-mismatch');
		assert.equal(findings.length, 3);
		for (const finding of findings) {
			const binary = /"\/bin\/(app\d)"/.exec(finding.message)![1];
			const uploads = finding.related.filter((r) => r.message.startsWith('uploaded as artifact'));
			assert.deepEqual(uploads.map((r) => r.message), [`uploaded as artifact "a${binary.slice(3)}" in job "b${binary.slice(3)}"`]);
		}
	});
	it('a COPY glob over the artifacts of 700 jobs that one job downloads: in about linear time (was 12 s for 800)', async () => {
		const uploads = Array.from({ length: 700 }, (_, i) => `  b${i}:\n    runs-on: ubuntu-22.04\n    steps:\n      - run: go build -o bin/app${i} .\n      - uses: actions/upload-artifact@v4\n        with: { name: a${i}, path: "bin/*" }\n`);
		const image = `  img:\n    runs-on: ubuntu-22.04\n    needs: [${uploads.map((_, i) => `b${i}`).join(', ')}]\n    steps:\n      - uses: actions/download-artifact@v4\n        with: { pattern: "a*", path: bin, merge-multiple: true }\n      - uses: docker/build-push-action@v6\n        with: { context: . }\n`;
		const started = performance.now();
		const result = await analyzeWorkspace({ 'go.mod': goMod('1.22'), 'main.go': NET_MAIN, [WF]: `on: push\njobs:\n${uploads.join('')}${image}`, Dockerfile: 'FROM gcr.io/distroless/static-debian12\nCOPY bin/* /bin/\n' }, { entry: WF });
		const ms = performance.now() - started;
		assert.equal(result.findings.filter((f) => f.ruleId === 'libc-mismatch').length, 700);
		assert.ok(ms < 6_000, `${ms.toFixed(0)} ms`);
	});
	it('a .gitlab-ci.yml of 400 jobs, each extending the template before, is analysed in about linear time (was cubic: 23 s for 500)', async () => {
		const templates = Array.from({ length: 400 }, (_, i) => (i === 0 ? '.base0:\n  image: golang:1.22\n  script: [go build -o app .]\n' : `.base${i}:\n  extends: .base${i - 1}\n  variables: { V${i}: x }\n`));
		const jobs = Array.from({ length: 400 }, (_, i) => `job${i}:\n  extends: .base${i}\n  script:\n    - CGO_ENABLED=1 go build -o app${i} .\n  artifacts: { paths: [app${i}] }\n`);
		const started = performance.now();
		const result = await analyzeWorkspace({ 'go.mod': goMod('1.22'), 'main.go': NET_MAIN, '.gitlab-ci.yml': [...templates, ...jobs].join('') }, { entry: '.gitlab-ci.yml' });
		const ms = performance.now() - started;
		assert.equal(result.findings.filter((f) => f.ruleId === 'glibc-too-old').length, 400);
		assert.ok(ms < 5_000, `${ms.toFixed(0)} ms`);
	});
	it('editing go.mod (adding go-sqlite3) lights up the CGO_ENABLED=0 line of the workflow (SCENARIOS 6)', async () => {
		const workspace = files();
		const finding = await single(workspace, 'cgo-required', 'go.mod');
		assert.equal(finding.file, `/w/${WF}`);
		assert.equal(covered(workspace, finding), 'CGO_ENABLED: 0');
		assert.equal(finding.severity, 'error');
	});
	it('a fix edit that writes NAME=value over a YAML `NAME: value` pair is written in YAML', async () => {
		const workspace = files();
		const result = await analyzeWorkspace(workspace, { entry: WF });
		const finding = result.findings.find((f) => f.ruleId === 'cgo-required')!;
		const pair = finding.span;
		const withFix = { ...finding, fixes: [{ title: 'Set CGO_ENABLED=1', edits: [{ file: finding.file, span: pair, newText: 'CGO_ENABLED=1' }] }] };
		const [rewritten] = withCiContext(result.project, [withFix]);
		const after = applyFix(workspace, fixTitled(rewritten, 'Set CGO_ENABLED=1'));
		assert.equal(after[WF], workspace[WF].replace('CGO_ENABLED: 0', 'CGO_ENABLED: "1"'));
		assert.deepEqual((await analyzeWorkspace(after, { entry: WF })).findings.filter((f) => f.ruleId === 'cgo-required'), []);
	});
	it('a GoReleaser `env: [CGO_ENABLED=0]` with go-sqlite3 is reported on that env item', async () => {
		const workspace = files({ '.goreleaser.yaml': 'version: 2\nbuilds:\n  - env:\n      - CGO_ENABLED=0\n    goos: [linux]\n    goarch: [amd64]\n' });
		delete workspace[WF];
		const finding = await single(workspace, 'cgo-required', 'go.mod');
		assert.equal(finding.file, '/w/.goreleaser.yaml');
		assert.equal(covered(workspace, finding), 'CGO_ENABLED=0');
	});
	it('entry files: go.mod → Dockerfiles and CI files of the repository; a workflow → the repository\'s go.mod files and CI files', () => {
		const fs = memoryFileSystem({
			'/w/go.mod': 'module a\n',
			'/w/.git/HEAD': 'ref: refs/heads/main\n',
			'/w/Dockerfile': 'FROM scratch\n',
			'/w/.github/workflows/ci.yml': 'on: push\n',
			'/w/.github/workflows/release.yaml': 'on: push\n',
			'/w/.github/dependabot.yml': 'version: 2\n',
			'/w/.goreleaser.yaml': 'version: 2\n',
			'/w/tools/go.mod': 'module tools\n',
			'/w/.gitlab-ci.yml': 'build:\n  script: [make]\n',
		});
		assert.deepEqual(entryFilesFor(fs, '/w/go.mod'), ['/w/go.mod', '/w/Dockerfile', '/w/.github/workflows/ci.yml', '/w/.github/workflows/release.yaml', '/w/.gitlab-ci.yml', '/w/.goreleaser.yaml']);
		assert.deepEqual(entryFilesFor(fs, '/w/.github/workflows/ci.yml'), ['/w/.github/workflows/ci.yml', '/w/go.mod', '/w/tools/go.mod', '/w/.github/workflows/release.yaml', '/w/.gitlab-ci.yml', '/w/.goreleaser.yaml']);
		assert.deepEqual(entryFilesFor(fs, '/w/.goreleaser.yaml').slice(0, 3), ['/w/.goreleaser.yaml', '/w/go.mod', '/w/tools/go.mod']);
		assert.deepEqual(projectFilesUnder(fs, '/w').sort(), ['/w/.github/workflows/ci.yml', '/w/.github/workflows/release.yaml', '/w/.gitlab-ci.yml', '/w/.goreleaser.yaml', '/w/Dockerfile', '/w/go.mod', '/w/tools/go.mod']);
	});
	it('the Dockerfile a workflow builds is modelled with it, even when it is not an entry file', async () => {
		const workspace: Files = { 'go.mod': goMod('1.22'), 'main.go': NET_MAIN, [WF]: 'on: push\njobs:\n  b:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: go build -o bin/app . && docker build -f build/Containerfile .\n', 'build/Containerfile': 'FROM alpine:3.20\nCOPY bin/app /app\n' };
		const result = await analyzeWorkspace(workspace, { entry: WF });
		assert.deepEqual(result.project.dockerfiles.map((d) => d.path), ['/w/build/Containerfile']);
		assert.deepEqual(result.findings.map((f) => `${f.ruleId} ${f.file}`), ['libc-mismatch /w/build/Containerfile']);
	});
});

describe('shipcheck check examples/release-workflow: cross-file findings with related locations', () => {
	const root = resolve(__dirname, '../..');
	const run = (format: string) => spawnSync(process.execPath, ['--import', 'tsx', join(root, 'server/src/cli/main.ts'), 'check', 'examples/release-workflow', '--format', format], { cwd: root, encoding: 'utf8' });

	it('text', () => {
		const out = run('text');
		assert.equal(out.status, 1);
		assert.match(out.stdout, /^examples\/release-workflow\/\.github\/workflows\/release\.yml:\d+:\d+: info: job "cli" \(goarch=amd64\): "app-amd64" is built with cgo on "ubuntu-latest"/m);
		assert.match(out.stdout, /^examples\/release-workflow\/Dockerfile:3:1: error: "\/app" is dynamically linked against glibc .* \[libc-mismatch\]$/m);
	});
	it('json: the Dockerfile error points back to the workflow, the GoReleaser build and its dockers entry', () => {
		const json = JSON.parse(run('json').stdout) as { findings: { rule: string; file: string; related: { file: string; line: number; message: string }[] }[] };
		const error = json.findings.find((f) => f.rule === 'libc-mismatch');
		assert.ok(error);
		assert.equal(error.file, 'examples/release-workflow/Dockerfile');
		const relatedFiles = new Set(error.related.map((r) => r.file));
		assert.deepEqual([...relatedFiles].sort(), ['examples/release-workflow/.github/workflows/release.yml', 'examples/release-workflow/.goreleaser.yaml', 'examples/release-workflow/Dockerfile']);
		assert.ok(error.related.some((r) => /^built in job "goreleaser" \(GoReleaser build "app" for linux\/amd64\)/.test(r.message)));
		assert.ok(error.related.some((r) => /GoReleaser puts the binary of build "app" \(linux\/amd64\) into the image build context as "app"/.test(r.message)));
	});
	it('sarif: relatedLocations across files', () => {
		const sarif = JSON.parse(run('sarif').stdout) as { runs: { results: { ruleId: string; relatedLocations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
		const error = sarif.runs[0].results.find((r) => r.ruleId === 'libc-mismatch');
		assert.ok(error);
		const uris = new Set(error.relatedLocations.map((l) => l.physicalLocation.artifactLocation.uri));
		assert.ok(uris.has('examples/release-workflow/.goreleaser.yaml'));
		assert.ok(uris.has('examples/release-workflow/.github/workflows/release.yml'));
	});
});
