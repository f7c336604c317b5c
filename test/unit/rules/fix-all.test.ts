// Fix all in file (server/src/rules/fix-all.ts): the preferred fixes of every finding in a realistic multi-build
// Dockerfile, applied together; the whole resulting text and the findings after it are compared, and a second
// Fix all must change nothing.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { memoryFileSystem } from '../../../server/src/model/file-system';
import type { Parsers } from '../../../server/src/parse/tree-sitter';
import { analyze } from '../../../server/src/rules/analyze';
import { DEFAULT_CONFIG } from '../../../server/src/rules/config';
import { entryFilesFor } from '../../../server/src/rules/discover';
import { applyFileEdits, changedRegion, conflicts, fixAllInText, fixableFindings, planFixAll } from '../../../server/src/rules/fix-all';
import type { Finding } from '../../../server/src/rules/types';
import { testParsers } from '../../helpers/engine';

const DOCKERFILE = '/w/Dockerfile';
const NET_MAIN = 'package main\n\nimport "net/http"\n\nfunc main() { _ = http.ListenAndServe(":8080", nil) }\n';

let parsers: Parsers;

/** Findings of the in-memory project `/w` with `Dockerfile` holding `dockerfile` (synchronous, for the passes). */
function findingsOf(files: Record<string, string>, dockerfile: string): readonly Finding[] {
	const absolute: Record<string, string> = {};
	for (const [path, text] of Object.entries(files)) absolute[`/w/${path}`] = text;
	absolute[DOCKERFILE] = dockerfile;
	const fs = memoryFileSystem(absolute);
	return analyze({ fs, parsers, config: DEFAULT_CONFIG, entryFiles: entryFilesFor(fs, DOCKERFILE) }).findings;
}

/** `line:col [rule]` of the findings in the Dockerfile, 1-based. */
function brief(findings: readonly Finding[], text: string): string[] {
	return findings.filter((f) => f.file === DOCKERFILE).map((f) => {
		const lines = text.slice(0, f.span.start).split('\n');
		return `${lines.length}:${lines[lines.length - 1].length + 1} [${f.ruleId}]`;
	});
}

/** Runs Fix all on the project's Dockerfile, checks that a second run changes nothing, and returns the outcome. */
function fixAll(files: Record<string, string>, ruleId?: string): { text: string; passes: number; fixes: number; after: string[] } {
	const text = files.Dockerfile;
	const result = fixAllInText(DOCKERFILE, text, findingsOf(files, text), (next) => findingsOf(files, next), ruleId);
	const again = fixAllInText(DOCKERFILE, result.text, findingsOf(files, result.text), (next) => findingsOf(files, next), ruleId);
	assert.equal(again.passes, 0, 'a second Fix all finds nothing to do');
	assert.equal(again.text, result.text, 'a second Fix all changes nothing');
	if (result.passes === 1) assert.equal(applyFileEdits(text, result.firstEdits), result.text, 'one pass: its edits are the whole change');
	const region = changedRegion(DOCKERFILE, text, result.text);
	assert.equal(applyFileEdits(text, [region]), result.text, 'the changed region reproduces the result');
	return { text: result.text, passes: result.passes, fixes: result.fixes, after: brief(findingsOf(files, result.text), result.text) };
}

describe('Fix all in file', () => {
	before(async () => {
		parsers = await testParsers();
	});

	it('two services built in one stage and each shipped on alpine: CGO_ENABLED=0 before both go builds', () => {
		const files = {
			'go.mod': 'module example.com/shop\n\ngo 1.22\n',
			'cmd/api/main.go': NET_MAIN,
			'cmd/worker/main.go': 'package main\n\nimport "os/user"\n\nfunc main() { _, _ = user.Current() }\n',
			Dockerfile: `# Two services from one builder stage, each shipped on alpine.
FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN go build -o /out/api ./cmd/api
RUN go build -ldflags "-s -w" -o /out/worker ./cmd/worker

FROM alpine:3.20 AS api
COPY --from=build /out/api /api
ENTRYPOINT ["/api"]

FROM alpine:3.20 AS worker
COPY --from=build /out/worker /worker
ENTRYPOINT ["/worker"]
`,
		};
		assert.deepEqual(brief(findingsOf(files, files.Dockerfile), files.Dockerfile), ['6:24 [stripped-binary]', '9:1 [libc-mismatch]', '13:1 [libc-mismatch]']);
		const result = fixAll(files);
		assert.equal(result.text, `# Two services from one builder stage, each shipped on alpine.
FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /out/api ./cmd/api
RUN CGO_ENABLED=0 go build -ldflags "-s -w" -o /out/worker ./cmd/worker

FROM alpine:3.20 AS api
COPY --from=build /out/api /api
ENTRYPOINT ["/api"]

FROM alpine:3.20 AS worker
COPY --from=build /out/worker /worker
ENTRYPOINT ["/worker"]
`);
		assert.deepEqual([result.passes, result.fixes], [1, 2]);
		// stripped-binary has no always-safe fix: it stays for the user to decide.
		assert.deepEqual(result.after, ['6:38 [stripped-binary]']);
	});

	it('one build copied into alpine and into distroless/static: the two identical fixes become one edit', () => {
		const files = {
			'go.mod': 'module example.com/app\n\ngo 1.22\n',
			'main.go': NET_MAIN,
			Dockerfile: `FROM golang:1.22-bookworm AS build
WORKDIR /src
COPY . .
RUN go build -o /out/app .

FROM alpine:3.20 AS alpine
COPY --from=build /out/app /app

FROM gcr.io/distroless/static-debian12 AS distroless
COPY --from=build /out/app /app
`,
		};
		const findings = findingsOf(files, files.Dockerfile);
		assert.deepEqual(brief(findings, files.Dockerfile), ['7:1 [libc-mismatch]', '10:1 [libc-mismatch]']);
		const plan = planFixAll(findings, DOCKERFILE);
		assert.equal(plan.edits.length, 1, 'one insertion, not two at the same offset');
		assert.equal(plan.fixed.length, 2);
		const result = fixAll(files);
		assert.equal(result.text, files.Dockerfile.replace('RUN go build', 'RUN CGO_ENABLED=0 go build'));
		assert.deepEqual(result.after, []);
	});

	it('confluent-kafka-go on golang:alpine with CGO_ENABLED=1: gcc musl-dev installed once, before the first go build, and -tags musl', () => {
		const files = {
			'go.mod': 'module example.com/shop\n\ngo 1.22\n\nrequire github.com/confluentinc/confluent-kafka-go/v2 v2.4.0\n',
			'cmd/api/main.go': NET_MAIN,
			'cmd/consumer/main.go': 'package main\n\nimport "github.com/confluentinc/confluent-kafka-go/v2/kafka"\n\nfunc main() { _, _ = kafka.NewConsumer(nil) }\n',
			Dockerfile: `FROM golang:1.22-alpine AS build
WORKDIR /src
COPY . .
ENV CGO_ENABLED=1
RUN go build -o /out/api ./cmd/api
RUN go build -o /out/consumer ./cmd/consumer

FROM alpine:3.20
COPY --from=build /out/api /out/consumer /usr/local/bin/
`,
		};
		const findings = findingsOf(files, files.Dockerfile);
		assert.deepEqual(brief(findings, files.Dockerfile), ['4:5 [cgo-no-compiler]', '4:5 [cgo-no-compiler]', '6:5 [musl-tag-missing]']);
		const plan = planFixAll(findings, DOCKERFILE);
		assert.deepEqual(plan.fixed.map((f) => f.ruleId), ['cgo-no-compiler', 'musl-tag-missing']);
		assert.deepEqual(plan.deferred.map((f) => f.ruleId), ['cgo-no-compiler'], 'the same install for the same ENV line is not repeated');
		const result = fixAll(files);
		assert.equal(result.text, `FROM golang:1.22-alpine AS build
WORKDIR /src
COPY . .
ENV CGO_ENABLED=1
RUN apk add --no-cache gcc musl-dev
RUN go build -o /out/api ./cmd/api
RUN go build -tags=musl -o /out/consumer ./cmd/consumer

FROM alpine:3.20
COPY --from=build /out/api /out/consumer /usr/local/bin/
`);
		assert.deepEqual(result.after, []);

		// Limited to one rule (the "Fix all musl-tag-missing problems in file" entry): the install is left alone.
		const tagsOnly = fixAll(files, 'musl-tag-missing');
		assert.equal(tagsOnly.text, files.Dockerfile.replace('go build -o /out/consumer', 'go build -tags=musl -o /out/consumer'));
		assert.deepEqual(tagsOnly.after, ['4:5 [cgo-no-compiler]', '4:5 [cgo-no-compiler]']);
	});

	it('two unknown GODEBUG keys in one ENV: the removals share a comma, so the second waits for a second pass', () => {
		const files = {
			'go.mod': 'module example.com/app\n\ngo 1.22\n',
			'main.go': NET_MAIN,
			Dockerfile: `FROM golang:1.22-bookworm AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /out/app .

FROM debian:bookworm-slim
ENV GODEBUG=clock_gettime64=0,nosuchkey=1
COPY --from=build /out/app /app
`,
		};
		const findings = findingsOf(files, files.Dockerfile);
		assert.deepEqual(brief(findings, files.Dockerfile), ['7:13 [godebug-unknown]', '7:31 [godebug-unknown]']);
		const [first, second] = fixableFindings(findings, DOCKERFILE).map((f) => f.fixes[0].edits[0].span);
		assert.ok(conflicts(first, second), 'the two removals overlap');
		const plan = planFixAll(findings, DOCKERFILE);
		assert.deepEqual([plan.fixed.length, plan.deferred.length], [1, 1]);
		const result = fixAll(files);
		assert.equal(result.passes, 2);
		assert.equal(result.fixes, 2);
		assert.equal(result.text, `FROM golang:1.22-bookworm AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /out/app .

FROM debian:bookworm-slim
COPY --from=build /out/app /app
`);
		assert.deepEqual(result.after, []);
	});

	it('keeps CRLF line ends and non-ASCII text intact', () => {
		const files = {
			'go.mod': 'module example.com/app\n\ngo 1.22\n',
			'main.go': NET_MAIN,
			Dockerfile: 'FROM golang:1.22 AS build\r\nLABEL maintainer="Zoë 🐳"\r\nWORKDIR /src\r\nCOPY . .\r\nRUN go build -o /out/a .\r\nRUN go build -o /out/b .\r\n\r\nFROM alpine:3.20\r\nCOPY --from=build /out/a /a\r\nCOPY --from=build /out/b /b\r\n',
		};
		const result = fixAll(files);
		assert.equal(result.text, files.Dockerfile.replaceAll('RUN go build', 'RUN CGO_ENABLED=0 go build'));
		assert.deepEqual(result.after, []);
	});

	it('leaves out fixes that are not preferred or that edit another file', () => {
		const finding = (ruleId: string, start: number, fixes: Finding['fixes']): Finding => ({ ruleId, file: DOCKERFILE, span: { start, end: start + 1 }, severity: 'error', message: 'm', related: [], fixes });
		const edit = (file: string, start: number, end: number, newText: string) => ({ file, span: { start, end }, newText });
		const findings = [
			finding('a', 0, [{ title: 'not safe', edits: [edit(DOCKERFILE, 0, 1, 'x')] }]),
			finding('b', 2, [{ title: 'go.mod too', edits: [edit(DOCKERFILE, 2, 3, 'y'), edit('/w/go.mod', 0, 0, 'z')], isPreferred: true }]),
			finding('c', 4, [{ title: 'safe', edits: [edit(DOCKERFILE, 4, 5, 'Q')], isPreferred: true }]),
			finding('d', 5, [{ title: 'inserts after c', edits: [edit(DOCKERFILE, 5, 5, '!')], isPreferred: true }]),
			finding('e', 4, [{ title: 'inserts where c starts', edits: [edit(DOCKERFILE, 4, 4, '?')], isPreferred: true }]),
		];
		assert.deepEqual(fixableFindings(findings, DOCKERFILE).map((f) => f.ruleId), ['c', 'd', 'e']);
		const plan = planFixAll(findings, DOCKERFILE);
		assert.deepEqual(plan.fixed.map((f) => f.ruleId), ['c', 'd']);
		assert.deepEqual(plan.deferred.map((f) => f.ruleId), ['e']);
		assert.equal(applyFileEdits('0123456789', plan.edits), '0123Q!56789', 'no text lost');
	});

	it('stops at a fix that would bring back an earlier text, and after the pass limit', () => {
		const flip = (text: string): Finding[] => [{
			ruleId: 'flip', file: DOCKERFILE, span: { start: 0, end: 1 }, severity: 'error', message: 'm', related: [],
			fixes: [{ title: 'flip', edits: [{ file: DOCKERFILE, span: { start: 0, end: 1 }, newText: text.startsWith('a') ? 'b' : 'a' }], isPreferred: true }],
		}];
		assert.deepEqual(fixAllInText(DOCKERFILE, 'a', flip('a'), flip), { text: 'b', firstEdits: flip('a')[0].fixes[0].edits, passes: 1, fixes: 1 });
		let n = 0;
		const grow = (): Finding[] => [{
			ruleId: 'grow', file: DOCKERFILE, span: { start: 0, end: 0 }, severity: 'error', message: 'm', related: [],
			fixes: [{ title: 'grow', edits: [{ file: DOCKERFILE, span: { start: 0, end: 0 }, newText: String(n++ % 10) }], isPreferred: true }],
		}];
		assert.equal(fixAllInText(DOCKERFILE, '', grow(), grow).passes, 10);
	});
});
