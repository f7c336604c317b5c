import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertFixResolves, covered, findingsFor, goMod, KAFKA_MAIN, NET_MAIN, PLAIN_MAIN, relatedOf, single, SQLITE_MAIN, type Files } from './build-rule-support';

const RULE = 'cgo-no-compiler';
const KAFKA = 'github.com/confluentinc/confluent-kafka-go/v2 v2.5.0';
const NO_GCC = 'cgo: C compiler \\"gcc\\" not found: exec: \\"gcc\\": executable file not found in $PATH';

/** SCENARIOS 7: confluent-kafka-go on golang:*-alpine with cgo on and -tags musl, but no gcc musl-dev. */
const KAFKA_ALPINE = `FROM golang:1.22-alpine AS build
WORKDIR /src
COPY . .
ENV CGO_ENABLED=1
RUN go build -tags musl -o /out/consumer .

FROM alpine:3.20
COPY --from=build /out/consumer /usr/local/bin/consumer
ENTRYPOINT ["consumer"]
`;

function project(dockerfile: string, main = KAFKA_MAIN, requires = [KAFKA]): Files {
	return { Dockerfile: dockerfile, 'go.mod': goMod('1.22', requires), 'main.go': main };
}

describe('cgo-no-compiler', () => {
	it('confluent-kafka-go with CGO_ENABLED=1 on golang:1.22-alpine: error on the assignment, fix installs gcc musl-dev', async () => {
		const files = project(KAFKA_ALPINE);
		const finding = await single(files, RULE);
		assert.equal(finding.severity, 'error');
		assert.equal(covered(files, finding), 'CGO_ENABLED=1');
		assert.equal(
			finding.message,
			`cgo is on (CGO_ENABLED=1 is set) but golang:1.22-alpine has no C compiler and "github.com/confluentinc/confluent-kafka-go/v2" wraps librdkafka: the build fails with "${NO_GCC.replaceAll('\\"', '"')}"`,
		);
		assert.deepEqual(relatedOf(files, finding), [
			'Dockerfile: "FROM golang:1.22-alpine AS build": built in stage "build": "golang:1.22-alpine" (now golang:1.22-alpine3.21 since 2024-12-05) (Alpine 3.21, musl 1.2.5, no C compiler)',
			'Dockerfile: "go build": this build runs with cgo on',
		]);
		assert.deepEqual(finding.fixes.map((f) => [f.title, f.isPreferred]), [['Install gcc musl-dev before this RUN', true]]);
		await assertFixResolves(files, finding, 'Install gcc musl-dev', 'Dockerfile', KAFKA_ALPINE.replace('RUN go build', 'RUN apk add --no-cache gcc musl-dev\nRUN go build'), RULE);
	});

	it('net only: error, and CGO_ENABLED=0 is offered as a second fix because net falls back to pure Go', async () => {
		const dockerfile = 'FROM golang:1.23-alpine AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=1 go build -o /out/api .\n';
		const files = project(dockerfile, NET_MAIN, []);
		const finding = await single(files, RULE);
		assert.equal(finding.severity, 'error');
		assert.match(finding.message, /and the program imports net, which uses the C resolver when cgo is on: the build fails with/);
		assert.deepEqual(finding.fixes.map((f) => [f.title, f.isPreferred]), [
			['Install gcc musl-dev before this RUN', true],
			['Set CGO_ENABLED=0 where it is set to 1', false],
		]);
		await assertFixResolves(files, finding, 'Set CGO_ENABLED=0', 'Dockerfile', dockerfile.replace('CGO_ENABLED=1', 'CGO_ENABLED=0'), RULE);
	});

	it('keeps CRLF line endings when it inserts the install line', async () => {
		const dockerfile = KAFKA_ALPINE.replaceAll('\n', '\r\n');
		const files = project(dockerfile);
		const finding = await single(files, RULE);
		await assertFixResolves(files, finding, 'Install gcc musl-dev', 'Dockerfile', dockerfile.replace('RUN go build', 'RUN apk add --no-cache gcc musl-dev\r\nRUN go build'), RULE);
	});

	it('a Debian image without gcc gets the apt-get line', async () => {
		const dockerfile = 'FROM debian:bookworm-slim AS build\nRUN apt-get update && apt-get install -y --no-install-recommends golang-go ca-certificates\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=1 go build -o /out/app .\n';
		const files = project(dockerfile, SQLITE_MAIN, ['github.com/mattn/go-sqlite3 v1.14.22']);
		const finding = await single(files, RULE);
		assert.equal(finding.severity, 'error');
		await assertFixResolves(
			files,
			finding,
			'Install gcc libc6-dev',
			'Dockerfile',
			dockerfile.replace('RUN CGO_ENABLED=1', 'RUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev\nRUN CGO_ENABLED=1'),
			RULE,
		);
	});

	it('a cgo module on a Go 1.19 alpine builder: cgo is on by default there, and the C code needs gcc', async () => {
		const dockerfile = 'FROM golang:1.19-alpine AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /out/app .\n';
		const files = project(dockerfile, SQLITE_MAIN, ['github.com/mattn/go-sqlite3 v1.14.16']);
		const finding = await single(files, RULE);
		assert.equal(finding.severity, 'error');
		assert.equal(covered(files, finding), 'go build');
		assert.match(finding.message, /^cgo is on \(CGO_ENABLED is unset and Go 1\.19 \(before 1\.20\) defaults to cgo on for native builds\) but golang:1\.19-alpine has no C compiler and "github\.com\/mattn\/go-sqlite3" wraps SQLite/);
	});

	it('net alone on a pre-1.20 builder is only a warning that says what is not known', async () => {
		const files = project('FROM golang:1.19-alpine AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /out/app .\n', NET_MAIN, []);
		const finding = await single(files, RULE);
		assert.equal(finding.severity, 'warning');
		assert.match(finding.message, /\(not certain for Go 1\.19: before Go 1\.20 whether net needs gcc here is not known\)$/);
	});

	it('warns when a script this analysis cannot see into runs before the build', async () => {
		const dockerfile = 'FROM golang:1.22-alpine AS build\nWORKDIR /src\nCOPY . .\nRUN ./scripts/install-build-deps.sh\nENV CGO_ENABLED=1\nRUN go build -tags musl -o /out/consumer .\n';
		const files = project(dockerfile);
		const finding = await single(files, RULE);
		assert.equal(finding.severity, 'warning');
		assert.match(finding.message, /\(unless an earlier step this analysis does not see into installs one\)$/);
		assert.match(relatedOf(files, finding)[2], /^Dockerfile: "\.\/scripts\/install-build-deps\.sh": /);
	});

	it('no Go sources visible: a warning naming the unknown', async () => {
		const files = { Dockerfile: 'FROM golang:1.22-alpine AS build\nCOPY . .\nRUN CGO_ENABLED=1 go build -o /out/app .\n' };
		const finding = await single(files, RULE);
		assert.equal(finding.severity, 'warning');
		assert.match(finding.message, /\(if anything uses cgo: no Go sources are visible to tell whether anything uses cgo\)$/);
	});

	it('silent: gcc installed (build-base), nothing uses cgo, netgo+osusergo, CC set, cgo off by default', async () => {
		const withGcc = KAFKA_ALPINE.replace('ENV CGO_ENABLED=1', 'RUN apk add --no-cache build-base\nENV CGO_ENABLED=1');
		assert.deepEqual(await findingsFor(project(withGcc), RULE), []);
		const plain = project('FROM golang:1.22-alpine AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=1 go build -o /out/app .\n', PLAIN_MAIN, []);
		assert.deepEqual(await findingsFor(plain, RULE), []);
		const netgo = project('FROM golang:1.22-alpine AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=1 go build -tags netgo,osusergo -o /out/app .\n', NET_MAIN, []);
		assert.deepEqual(await findingsFor(netgo, RULE), []);
		const cc = project('FROM golang:1.22-alpine AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=1 CC=musl-gcc go build -o /out/app .\n', NET_MAIN, []);
		assert.deepEqual(await findingsFor(cc, RULE), []);
		const byDefault = project('FROM golang:1.22-alpine AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /out/app .\n', NET_MAIN, []);
		assert.deepEqual(await findingsFor(byDefault, RULE), []);
	});
});
