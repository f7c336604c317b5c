import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertFixResolves, covered, findingsFor, goMod, KAFKA_MAIN, relatedOf, single, type Files } from './build-rule-support';

const RULE = 'musl-tag-missing';
const KAFKA = 'github.com/confluentinc/confluent-kafka-go/v2 v2.5.0';

/** SCENARIOS 7: confluent-kafka-go on an alpine builder with gcc, but no -tags musl. */
const ALPINE = `FROM golang:1.22-alpine AS build
RUN apk add --no-cache gcc musl-dev
WORKDIR /src
COPY . .
RUN go build -o /out/consumer .

FROM alpine:3.20
COPY --from=build /out/consumer /usr/local/bin/consumer
ENTRYPOINT ["consumer"]
`;

function project(dockerfile: string): Files {
	return { Dockerfile: dockerfile, 'go.mod': goMod('1.22', [KAFKA]), 'main.go': KAFKA_MAIN };
}

describe('musl-tag-missing', () => {
	it('alpine builder without -tags musl: error on "go build", the link failure quoted, fix adds -tags=musl', async () => {
		const files = project(ALPINE);
		const finding = await single(files, RULE);
		assert.equal(finding.severity, 'error');
		assert.equal(covered(files, finding), 'go build');
		assert.equal(
			finding.message,
			'"github.com/confluentinc/confluent-kafka-go/v2" is built with cgo against musl ("golang:1.22-alpine" uses musl) without -tags musl: it links the bundled glibc librdkafka archive and fails with undefined references such as "__strdup" or "getcontext"',
		);
		assert.deepEqual(relatedOf(files, finding), [
			'go.mod: "require github.com/confluentinc/confluent-kafka-go/v2 v2.5.0": "github.com/confluentinc/confluent-kafka-go/v2" is required here',
			'main.go: "\\"github.com/confluentinc/confluent-kafka-go/v2/kafka\\"": imported here',
			'Dockerfile: "FROM golang:1.22-alpine AS build": built in stage "build": "golang:1.22-alpine" (now golang:1.22-alpine3.21 since 2024-12-05) (Alpine 3.21, musl 1.2.5, C compiler present)',
		]);
		assert.deepEqual(finding.fixes.map((f) => [f.title, f.isPreferred]), [['Add -tags musl to this go build', true]]);
		await assertFixResolves(files, finding, 'Add -tags musl', 'Dockerfile', ALPINE.replace('go build -o', 'go build -tags=musl -o'), RULE);
	});

	it('merges into an existing -tags list', async () => {
		const dockerfile = ALPINE.replace('go build -o', 'go build -tags netgo,osusergo -o');
		const files = project(dockerfile);
		const finding = await single(files, RULE);
		await assertFixResolves(files, finding, 'Add "musl" to -tags', 'Dockerfile', ALPINE.replace('go build -o', 'go build -tags netgo,osusergo,musl -o'), RULE);
	});

	it('carries GOFLAGS tags into the new -tags flag (a command-line -tags replaces them)', async () => {
		const dockerfile = ALPINE.replace('WORKDIR /src', 'ENV GOFLAGS=-tags=netgo\nWORKDIR /src');
		const files = project(dockerfile);
		const finding = await single(files, RULE);
		await assertFixResolves(files, finding, 'Add -tags musl', 'Dockerfile', dockerfile.replace('go build -o', 'go build -tags=netgo,musl -o'), RULE);
	});

	it('CC=musl-gcc on a Debian builder links musl too', async () => {
		const dockerfile = 'FROM golang:1.22-bookworm AS build\nRUN apt-get update && apt-get install -y --no-install-recommends musl-tools\nWORKDIR /src\nCOPY . .\nRUN CC=musl-gcc go build -o /out/consumer .\n';
		const finding = await single(project(dockerfile), RULE);
		assert.equal(finding.severity, 'error');
		assert.match(finding.message, /against musl \(CC=musl-gcc links musl\) without -tags musl/);
	});

	it('-tags dynamic: silent with a system librdkafka installed, a warning without one', async () => {
		const withLib = ALPINE.replace('gcc musl-dev', 'gcc musl-dev librdkafka-dev pkgconf').replace('go build -o', 'go build -tags dynamic -o');
		assert.deepEqual(await findingsFor(project(withLib), RULE), []);
		const without = ALPINE.replace('go build -o', 'go build -tags dynamic -o');
		const finding = await single(project(without), RULE);
		assert.equal(finding.severity, 'warning');
		assert.match(finding.message, /without -tags musl: -tags dynamic links the system librdkafka, but no librdkafka-dev install is visible in this stage$/);
	});

	it('TRAP: alpine builder to alpine runtime with -tags musl stays silent', async () => {
		assert.deepEqual(await findingsFor(project(ALPINE.replace('go build -o', 'go build -tags musl -o')), RULE), []);
	});

	it('silent on a glibc builder, with cgo off, and without the module', async () => {
		assert.deepEqual(await findingsFor(project('FROM golang:1.22-bookworm AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /out/consumer .\n'), RULE), []);
		assert.deepEqual(await findingsFor(project(ALPINE.replace('RUN go build', 'RUN CGO_ENABLED=0 go build')), RULE), []);
		assert.deepEqual(await findingsFor({ ...project(ALPINE), 'go.mod': goMod('1.22'), 'main.go': 'package main\n\nfunc main() {}\n' }, RULE), []);
	});
});
