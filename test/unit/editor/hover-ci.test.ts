import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hoverAt } from '../../../server/src/rules/editor/hover';
import { analyzeWorkspace } from '../../helpers/engine';

const workflow = `name: build
on: push
jobs:
  linux:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-go@v5
        with:
          go-version: '1.22'
      - run: go build -o dist/app .
  pinned:
    runs-on: ubuntu-22.04
    steps:
      - uses: actions/setup-go@v5
        with:
          go-version-file: go.mod
          check-latest: true
      - run: go build -o dist/app .
  matrix:
    strategy:
      matrix:
        os: [ubuntu-22.04, ubuntu-24.04]
    runs-on: \${{ matrix.os }}
    steps:
      - run: go build ./...
  own:
    runs-on: [self-hosted, linux]
    steps:
      - run: go build ./...
  boxed:
    runs-on: ubuntu-24.04
    container: golang:1.22-alpine
    steps:
      - run: go build ./...
`;
const files = {
	'.github/workflows/build.yml': workflow,
	'go.mod': 'module example.com/app\n\ngo 1.22\n',
	'main.go': 'package main\n\nimport "net/http"\n\nfunc main() { _ = http.ListenAndServe(":80", nil) }\n',
};

async function hover(needle: string, nth = 0) {
	const result = await analyzeWorkspace(files, { entry: '.github/workflows/build.yml' });
	let offset = -1;
	for (let i = 0; i <= nth; i++) offset = workflow.indexOf(needle, offset + 1);
	assert.ok(offset >= 0, needle);
	return hoverAt(result, '/w/.github/workflows/build.yml', offset + 2)?.markdown;
}

describe('hovers in CI files', () => {
	it('runs-on: a hosted runner\'s OS, glibc and compiler, and what that means for cgo builds', async () => {
		const text = (await hover('runs-on: ubuntu-24.04'))!;
		assert.match(text, /\*\*ubuntu-24\.04\*\*/);
		assert.match(text, /C library: glibc 2\.39/);
		assert.match(text, /cgo binary built here needs a glibc at least as new/);
		assert.match(text, /GitHub-hosted runner of job "linux"/);
		assert.match(text, /_Sources: /);
	});

	it('a matrix runs-on: one section per runner, each naming its combination', async () => {
		const text = (await hover('runs-on: ${{ matrix.os }}'))!;
		assert.match(text, /\*\*ubuntu-22\.04\*\*[\s\S]*glibc 2\.35[\s\S]*_Matrix: os=ubuntu-22\.04_/);
		assert.match(text, /\*\*ubuntu-24\.04\*\*[\s\S]*glibc 2\.39[\s\S]*_Matrix: os=ubuntu-24\.04_/);
	});

	it('a self-hosted runner: nothing is claimed', async () => {
		assert.match((await hover('runs-on: [self-hosted'))!, /self-hosted runner: its OS, C library and compiler are not known/);
	});

	it('container: the image\'s facts, not the runner\'s', async () => {
		const text = (await hover('golang:1.22-alpine'))!;
		assert.match(text, /\*\*golang:1\.22-alpine\*\*/);
		assert.match(text, /musl/);
		assert.match(text, /Container image of job "boxed"/);
	});

	it('setup-go: a fixed version, or a version file that follows go.mod', async () => {
		assert.match((await hover('uses: actions/setup-go', 0))!, /Go version: 1\.22 for the `go` commands of this job/);
		const pinned = (await hover('uses: actions/setup-go', 1))!;
		assert.match(pinned, /from `[^`]*go\.mod`\. setup-go reads the Go version from this file when the job runs/);
		assert.match(pinned, /check-latest: true/);
		assert.match(pinned, /_Sources: https:\/\/github\.com\/actions\/setup-go#readme \(as of 2026-11-23\); [^\n]*releases\/tag\/v2\.2\.0/);
	});

	it('nothing on a plain step', async () => {
		assert.equal(await hover('uses: actions/checkout'), undefined);
	});
});
