// The bundled language server over stdio, for two things that span files or findings:
// - issue 5: an unsaved go.mod edit (adding go-sqlite3) makes the server ask for a diagnostics refresh, and the
//   pulls that follow put cgo-required on the CGO_ENABLED=0 lines of the open Dockerfile and workflow; taking the
//   requirement out clears them. Same fixture as the real-VS-Code suite (test/integration/workspace/cgo-refresh).
// - issue 4: Fix all, as the quick-fix entry "Fix all <rule> problems in file" and as the source action
//   source.fixAll.go-shipcheck, both resolved lazily (codeAction/resolve) as VS Code does.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-protocol/node';
import { positionAt, splice } from './expected';
import { ensureServerBuilt, LspSession, ROOT } from './lsp-client';

const FIXTURE = join(ROOT, 'test/integration/workspace/cgo-refresh');
const REQUIRE = 'require github.com/mattn/go-sqlite3 v1.14.22\n';

interface OpenFile {
	readonly path: string;
	readonly uri: string;
	text: string;
}

function file(dir: string, relative: string): OpenFile {
	const path = join(dir, relative);
	return { path, uri: pathToFileURL(path).toString(), text: readFileSync(path, 'utf8') };
}

/** The zero-based line of `needle` in `text`, and the range `needle` covers there. */
function rangeOf(text: string, needle: string): { line: number; range: { start: { line: number; character: number }; end: { line: number; character: number } } } {
	const at = text.indexOf(needle);
	assert.ok(at >= 0, `"${needle}" is in the file`);
	return { line: positionAt(text, at).line, range: { start: positionAt(text, at), end: positionAt(text, at + needle.length) } };
}

function cgoRequired(diagnostics: readonly Diagnostic[]): Diagnostic[] {
	return diagnostics.filter((d) => d.code === 'cgo-required');
}

/** Applies LSP text edits (non-overlapping, as the protocol requires) to `text`. */
function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
	const lineStarts = [0];
	for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
	const offset = (p: { line: number; character: number }) => lineStarts[p.line] + p.character;
	let out = text;
	for (const edit of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))) {
		out = out.slice(0, offset(edit.range.start)) + edit.newText + out.slice(offset(edit.range.end));
	}
	return out;
}

describe('an unsaved go.mod edit refreshes the open Dockerfile and workflow (issue 5)', () => {
	let dir: string;
	let session: LspSession;

	before(async () => {
		ensureServerBuilt();
		dir = mkdtempSync(join(tmpdir(), 'shipcheck-protocol-dependents-'));
		cpSync(FIXTURE, dir, { recursive: true });
		session = (await LspSession.start()).session;
	});

	after(() => {
		session?.kill();
		if (dir) rmSync(dir, { recursive: true, force: true });
	});

	it('cgo-required appears on both CGO_ENABLED=0 lines after the require is typed, and clears when it is taken out', async () => {
		const dockerfile = file(dir, 'Dockerfile');
		const workflow = file(dir, '.github/workflows/build.yml');
		const goMod = file(dir, 'go.mod');
		await session.open(dockerfile.uri, dockerfile.text);
		await session.open(workflow.uri, workflow.text, 'yaml');
		await session.open(goMod.uri, goMod.text, 'go.mod');
		assert.deepEqual(cgoRequired(await session.diagnostics(dockerfile.uri)), []);
		assert.deepEqual(cgoRequired(await session.diagnostics(workflow.uri)), []);
		// Opening go.mod and the workflow already asked for a refresh: let it arrive, so the next one is the edit's.
		await session.refreshAfter(0);

		let seen = session.refreshRequests;
		const added = splice(goMod.text, goMod.text.length, goMod.text.length, `\n${REQUIRE}`);
		await session.change(goMod.uri, [added.change]);
		await session.refreshAfter(seen);
		assert.equal(readFileSync(goMod.path, 'utf8'), goMod.text, 'go.mod on disk is unchanged: the edit is unsaved');

		const inDockerfile = cgoRequired(await session.diagnostics(dockerfile.uri));
		assert.deepEqual(inDockerfile.map((d) => d.range), [rangeOf(dockerfile.text, 'CGO_ENABLED=0').range]);
		assert.match(inDockerfile[0].message, /"github\.com\/mattn\/go-sqlite3" needs cgo but cgo is off for this build/);
		const inWorkflow = cgoRequired(await session.diagnostics(workflow.uri));
		assert.equal(inWorkflow.length, 1, JSON.stringify(inWorkflow));
		assert.equal(inWorkflow[0].range.start.line, rangeOf(workflow.text, 'CGO_ENABLED: 0').line);
		const related = inWorkflow[0].relatedInformation ?? [];
		assert.ok(related.some((r) => r.location.uri === goMod.uri && r.location.range.start.line === positionAt(added.text, added.text.indexOf('require')).line),
			`related information points at the require line of the unsaved go.mod: ${JSON.stringify(related)}`);

		seen = session.refreshRequests;
		const removed = splice(added.text, goMod.text.length, added.text.length, '');
		assert.equal(removed.text, goMod.text);
		await session.change(goMod.uri, [removed.change]);
		await session.refreshAfter(seen);
		assert.deepEqual(cgoRequired(await session.diagnostics(dockerfile.uri)), []);
		assert.deepEqual(cgoRequired(await session.diagnostics(workflow.uri)), []);
	});
});

describe('Fix all over the protocol (issue 4)', () => {
	let dir: string;
	let session: LspSession;
	const DOCKERFILE = `# Two services from one builder stage, each shipped on alpine.
FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN go build -o /out/api ./cmd/api
RUN go build -ldflags "-s -w" -o /out/worker ./cmd/worker

FROM alpine:3.20 AS api
COPY --from=build /out/api /api

FROM alpine:3.20 AS worker
COPY --from=build /out/worker /worker
`;

	before(async () => {
		ensureServerBuilt();
		dir = mkdtempSync(join(tmpdir(), 'shipcheck-protocol-fix-all-'));
		const files: Record<string, string> = {
			'go.mod': 'module example.com/shop\n\ngo 1.22\n',
			'cmd/api/main.go': 'package main\n\nimport "net/http"\n\nfunc main() { _ = http.ListenAndServe(":8080", nil) }\n',
			'cmd/worker/main.go': 'package main\n\nimport "os/user"\n\nfunc main() { _, _ = user.Current() }\n',
			Dockerfile: DOCKERFILE,
		};
		for (const [relative, text] of Object.entries(files)) {
			mkdirSync(dirname(join(dir, relative)), { recursive: true });
			writeFileSync(join(dir, relative), text);
		}
		session = (await LspSession.start()).session;
	});

	after(() => {
		session?.kill();
		if (dir) rmSync(dir, { recursive: true, force: true });
	});

	it('offers "Fix all libc-mismatch problems in file" after the rule\'s own fixes and a source.fixAll action; applying it twice changes nothing the second time', async () => {
		const doc = file(dir, 'Dockerfile');
		await session.open(doc.uri, doc.text);
		const diagnostics = await session.diagnostics(doc.uri);
		assert.deepEqual(diagnostics.map((d) => d.code), ['stripped-binary', 'libc-mismatch', 'libc-mismatch']);
		const libc = diagnostics[1];

		const quickFixes = await session.codeActions(doc.uri, libc.range, [libc], ['quickfix']);
		const titles = quickFixes.map((a) => a.title);
		const fixAll = titles.indexOf('Fix all libc-mismatch problems in file');
		assert.ok(fixAll > titles.findIndex((t) => t.startsWith('Set CGO_ENABLED=0')) && fixAll < titles.indexOf('Ignore libc-mismatch for this instruction'), titles.join(' | '));
		assert.ok(!quickFixes.some((a) => a.kind?.startsWith('source')), 'no source action in a quick-fix request');
		const entry = quickFixes[fixAll];
		assert.equal(entry.kind, 'quickfix');
		assert.equal(entry.edit, undefined, 'the edit waits for codeAction/resolve');
		const resolved = await session.resolveCodeAction(entry);
		const expected = DOCKERFILE.replaceAll('RUN go build', 'RUN CGO_ENABLED=0 go build');
		assert.equal(applyTextEdits(doc.text, resolved.edit?.changes?.[doc.uri] ?? []), expected);
		assert.equal(resolved.edit?.changes?.[doc.uri]?.length, 2, 'two exact insertions, not a rewrite of the file');

		// stripped-binary has one finding and no always-safe fix: no Fix all entry for it.
		const stripped = await session.codeActions(doc.uri, diagnostics[0].range, [diagnostics[0]], ['quickfix']);
		assert.ok(!stripped.some((a) => a.title.startsWith('Fix all')), stripped.map((a) => a.title).join(' | '));

		// The Source Action menu / editor.codeActionsOnSave ask for source.fixAll, without diagnostics.
		const source = await session.codeActions(doc.uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll']);
		assert.deepEqual(source.map((a) => [a.title, a.kind]), [['Fix all Go Ship Check problems in file', 'source.fixAll.go-shipcheck']]);
		const sourceEdit = (await session.resolveCodeAction(source[0])).edit?.changes?.[doc.uri] ?? [];
		const fixed = applyTextEdits(doc.text, sourceEdit);
		assert.equal(fixed, expected);

		await session.change(doc.uri, [splice(doc.text, 0, doc.text.length, fixed).change]);
		assert.deepEqual((await session.diagnostics(doc.uri)).map((d) => d.code), ['stripped-binary'], 'only the finding without a safe fix is left');
		const second = await session.codeActions(doc.uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source']);
		assert.deepEqual(second, [], 'nothing left for a second Fix all');
	});
});
