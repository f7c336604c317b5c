import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pragmaCompletions } from '../../../server/src/rules/editor/completion';
import { effectiveBuildSummary } from '../../../server/src/rules/editor/effective-build';
import { inlayHints } from '../../../server/src/rules/editor/inlay-hints';
import { stageDefinitionAt, stageLinks, stageReferencesAt } from '../../../server/src/rules/editor/links';
import { analyzeWorkspace } from '../../helpers/engine';

const dockerfile = `FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN go build -o /out/app .

FROM build AS test
RUN go vet ./...

FROM alpine:3.20
COPY --from=build /out/app /app
`;
const files = {
	Dockerfile: dockerfile,
	'go.mod': 'module example.com/app\n\ngo 1.22\n',
	'main.go': 'package main\n\nimport "net/http"\n\nfunc main() { _ = http.ListenAndServe(":80", nil) }\n',
};

describe('inlay hints', () => {
	it('libc after FROM and cgo/linkage after go build', async () => {
		const result = await analyzeWorkspace(files);
		const hints = inlayHints(result, '/w/Dockerfile', { start: 0, end: dockerfile.length });
		assert.deepEqual(
			hints.map((h) => [dockerfile.slice(0, h.offset).split('\n').length, h.label]),
			[
				[1, 'glibc 2.36'],
				[4, 'cgo on (gcc present) → dynamic glibc ≥ 2.34'],
				[9, 'musl 1.2.5'],
			],
		);
	});
	it('only within the requested range', async () => {
		const result = await analyzeWorkspace(files);
		const start = dockerfile.indexOf('FROM alpine');
		assert.deepEqual(inlayHints(result, '/w/Dockerfile', { start, end: dockerfile.length }).map((h) => h.label), ['musl 1.2.5']);
	});
});

describe('stage links', () => {
	it('COPY --from and FROM <stage> point at the alias; the alias lists its uses', async () => {
		const result = await analyzeWorkspace(files);
		const links = stageLinks(result, '/w/Dockerfile');
		assert.deepEqual(links.map((l) => [dockerfile.slice(l.span.start, l.span.end), dockerfile.slice(l.target.start, l.target.end)]), [['build', 'build'], ['build', 'build']]);
		const fromOffset = dockerfile.indexOf('--from=build') + 8;
		assert.equal(stageDefinitionAt(result, '/w/Dockerfile', fromOffset)?.start, dockerfile.indexOf('build\n'));
		assert.equal(stageReferencesAt(result, '/w/Dockerfile', dockerfile.indexOf('build\n') + 1).length, 2);
	});
});

describe('pragma completion', () => {
	it('completes rule ids after ignore= and after a comma, not repeating ids', () => {
		const text = '# shipcheck ignore=libc';
		const items = pragmaCompletions(text, text.length);
		assert.ok(items.length > 0 && items.every((i) => i.label.startsWith('libc')), items.map((i) => i.label).join());
		assert.ok(items.some((i) => i.label === 'libc-mismatch'));
		assert.deepEqual(items[0].replace, { start: text.length - 4, end: text.length });
		const list = '# shipcheck ignore=libc-mismatch,';
		assert.ok(!pragmaCompletions(list, list.length).some((i) => i.label === 'libc-mismatch'));
		assert.deepEqual(pragmaCompletions('RUN go build', 12), []);
	});
});

describe('effective build summary', () => {
	it('lists each build with image, cgo, linkage and destination', async () => {
		const result = await analyzeWorkspace(files);
		const summary = effectiveBuildSummary(result, '/w/Dockerfile', 'w/Dockerfile');
		assert.match(summary, /## go build in stage "build"/);
		assert.match(summary, /- cgo: \*\*on\*\*: CGO_ENABLED is unset and gcc is present in golang:1\.22/);
		assert.match(summary, /- ends up: `\/app` in stage 2 \(`alpine:3\.20`, musl 1\.2\.5\)/);
		assert.match(summary, /## Findings \(1\)/);
	});
});

describe('.shipcheck.yaml schema', () => {
	it('names exactly the registered rule ids', async () => {
		const { readFileSync } = await import('node:fs');
		const { RULES } = await import('../../../server/src/rules/index');
		const schema = JSON.parse(readFileSync(`${__dirname}/../../../syntaxes/shipcheck.schema.json`, 'utf8')) as { properties: { rules: { propertyNames: { enum: string[] } } } };
		assert.deepEqual([...schema.properties.rules.propertyNames.enum].sort(), RULES.map((r) => r.id).sort());
	});
});
