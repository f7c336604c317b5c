import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hoverAt } from '../../../server/src/rules/editor/hover';
import { analyzeWorkspace } from '../../helpers/engine';

const dockerfile = `FROM golang:1.22 AS build
ENV GODEBUG=clock_gettime64=0,panicnil=1
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -tags netgo,osusergo -ldflags="-s -w" -trimpath -o /out/app .

FROM alpine:3.20
COPY --from=build /out/app /app
`;
const files = {
	Dockerfile: dockerfile,
	'go.mod': 'module example.com/app\n\ngo 1.22\n\nrequire github.com/mattn/go-sqlite3 v1.14.22\n',
	'main.go': 'package main\n\nimport "net/http"\n\nfunc main() { _ = http.ListenAndServe(":80", nil) }\n',
};

async function hover(file: string, needle: string, delta = 0) {
	const result = await analyzeWorkspace(files, { entry: file });
	const text = files[file as keyof typeof files];
	const offset = text.indexOf(needle);
	assert.ok(offset >= 0, needle);
	return hoverAt(result, `/w/${file}`, offset + delta);
}

describe('hovers', () => {
	it('FROM alpine: musl, version, what it means', async () => {
		const h = await hover('Dockerfile', 'alpine:3.20', 1);
		assert.match(h!.markdown, /C library: musl 1\.2\.5/);
		assert.match(h!.markdown, /musl, not glibc/);
		assert.match(h!.markdown, /Sources: /);
		assert.equal(dockerfile.slice(h!.span.start, h!.span.end), 'alpine:3.20');
	});
	it('FROM golang: Debian, gcc, Go version, floating tag', async () => {
		const h = await hover('Dockerfile', 'golang:1.22', 1);
		assert.match(h!.markdown, /glibc 2\.36/);
		assert.match(h!.markdown, /gcc present/);
		assert.match(h!.markdown, /Go: 1\.22/);
	});
	it('-s: symbol table gone, pprof keeps working', async () => {
		const h = await hover('Dockerfile', '-s -w', 1);
		assert.match(h!.markdown, /`-s`/);
		assert.match(h!.markdown, /pprof profiles keep function names/);
		assert.equal(dockerfile.slice(h!.span.start, h!.span.end), '-s');
	});
	it('-w: delve', async () => {
		const h = await hover('Dockerfile', '-w"', 1);
		assert.match(h!.markdown, /could not open debug info/);
	});
	it('netgo tag', async () => {
		const h = await hover('Dockerfile', 'netgo', 1);
		assert.match(h!.markdown, /pure-Go DNS resolver/);
	});
	it('-trimpath hides ldflags from the build info', async () => {
		const h = await hover('Dockerfile', 'trimpath', 1);
		assert.match(h!.markdown, /keeps `-ldflags`/);
	});
	it('inline CGO_ENABLED shows the effective decision', async () => {
		const h = await hover('Dockerfile', 'CGO_ENABLED=0', 2);
		assert.match(h!.markdown, /Effective here: CGO_ENABLED=0 is set/);
	});
	it('the go word shows the whole build', async () => {
		const h = await hover('Dockerfile', 'go build', 0);
		assert.match(h!.markdown, /cgo: \*\*off\*\*/);
		assert.match(h!.markdown, /result: static/);
	});
	it('GODEBUG clock_gettime64 is not a setting in any Go release', async () => {
		const h = await hover('Dockerfile', 'clock_gettime64', 2);
		assert.match(h!.markdown, /not a GODEBUG setting in any Go release/);
		assert.equal(dockerfile.slice(h!.span.start, h!.span.end), 'clock_gettime64=0');
	});
	it('GODEBUG panicnil is known in Go 1.22', async () => {
		const h = await hover('Dockerfile', 'panicnil', 1);
		assert.match(h!.markdown, /\*\*`panicnil`\*\* \(runtime\)/);
	});
	it('go.mod require of a cgo module', async () => {
		const h = await hover('go.mod', 'github.com/mattn/go-sqlite3', 3);
		assert.match(h!.markdown, /needs cgo/);
		assert.match(h!.markdown, /This is a stub/);
	});
	it('go.mod go line lists the builders', async () => {
		const h = await hover('go.mod', 'go 1.22', 1);
		assert.match(h!.markdown, /built in stage "build"/);
	});
	it('nothing on an empty line', async () => {
		assert.equal(await hover('Dockerfile', '\n\nFROM alpine', 1), undefined);
	});
});
