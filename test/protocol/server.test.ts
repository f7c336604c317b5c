// The bundled language server (server/out/server.js) over stdio, spoken to as VS Code's language client does:
// pull diagnostics, hover, code actions and their edits, incremental sync, a hostile document, per-resource
// settings through workspace/configuration, shutdown/exit; then a stress run of 2,000 rapid incremental edits
// with cancelled pulls, checked against a fresh in-process analysis and for flat memory (issue 4).
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, LSPErrorCodes, MarkupKind, ResponseError, type Diagnostic, type MarkupContent } from 'vscode-languageserver-protocol/node';
import type { Parsers } from '../../server/src/parse/tree-sitter';
import { testParsers } from '../helpers/engine';
import { comparable, expectedDiagnostics, positionAt, splice } from './expected';
import { ensureServerBuilt, LspSession, ROOT } from './lsp-client';
import { planEdits, seededRandom } from './typist';

const EXAMPLE = join(ROOT, 'examples/cgo-alpine-broken');

/** A fresh copy of the example in its own temp folder: the server reads go.mod and main.go from disk. */
function copyExample(temps: string[], tag: string): { dir: string; path: string; uri: string; text: string } {
	const dir = mkdtempSync(join(tmpdir(), `shipcheck-protocol-${tag}-`));
	temps.push(dir);
	cpSync(EXAMPLE, dir, { recursive: true });
	const path = join(dir, 'Dockerfile');
	return { dir, path, uri: pathToFileURL(path).toString(), text: readFileSync(path, 'utf8') };
}

function lineOf(text: string, needle: string): number {
	const at = text.indexOf(needle);
	assert.ok(at >= 0, `"${needle}" in the example`);
	return positionAt(text, at).line;
}

describe('language server over stdio (bundled server/out/server.js)', () => {
	const temps: string[] = [];
	let session: LspSession;
	let main: ReturnType<typeof copyExample>;
	let warned: ReturnType<typeof copyExample>;
	let disabled: ReturnType<typeof copyExample>;
	let diagnostic: Diagnostic;

	before(async () => {
		ensureServerBuilt();
		main = copyExample(temps, 'main');
		warned = copyExample(temps, 'warned');
		disabled = copyExample(temps, 'disabled');
		const started = await LspSession.start({
			// Per-resource settings, as VS Code answers workspace/configuration with a scopeUri.
			settingsFor: (scope) =>
				scope === warned.uri ? { enable: true, rules: { 'libc-mismatch': 'warning' } } : scope === disabled.uri ? { enable: false, rules: {} } : { enable: true, rules: {} },
		});
		session = started.session;
		const caps = started.init.capabilities;
		assert.equal(caps.textDocumentSync, 2, 'incremental sync');
		assert.deepEqual(caps.diagnosticProvider, { identifier: 'go-shipcheck', interFileDependencies: true, workspaceDiagnostics: false });
		assert.equal(caps.hoverProvider, true);
		assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.go-shipcheck'], resolveProvider: true });
	});

	after(() => {
		session?.kill();
		for (const dir of temps) rmSync(dir, { recursive: true, force: true });
	});

	it('pulls exactly one libc-mismatch error on the COPY line, with related information', async () => {
		await session.open(main.uri, main.text);
		const items = await session.diagnostics(main.uri);
		assert.equal(items.length, 1, JSON.stringify(items));
		diagnostic = items[0]!;
		const copyLine = lineOf(main.text, 'COPY --from=build');
		assert.equal(diagnostic.code, 'libc-mismatch');
		assert.equal(diagnostic.source, 'go-shipcheck');
		assert.equal(diagnostic.severity, DiagnosticSeverity.Error);
		assert.deepEqual(diagnostic.range, { start: { line: copyLine, character: 0 }, end: { line: copyLine, character: 'COPY --from=build /out/app /app'.length } });
		assert.match(diagnostic.message, /"alpine:3\.20" has musl/);
		assert.match(diagnostic.codeDescription?.href ?? '', /libc-mismatch\.md$/);
		const related = diagnostic.relatedInformation ?? [];
		assert.deepEqual(
			related.map((r) => [r.location.uri, r.location.range.start.line]),
			[
				[main.uri, lineOf(main.text, 'FROM golang:1.22')],
				[main.uri, lineOf(main.text, 'RUN go build')],
				[main.uri, lineOf(main.text, 'FROM alpine')],
			],
		);
		assert.ok(session.configurationRequests.includes(main.uri), 'the server asked for the settings of this document');
	});

	it('hovers the FROM alpine line with markdown that mentions musl', async () => {
		const line = lineOf(main.text, 'FROM alpine:3.20');
		const hover = await session.hover(main.uri, { line, character: 'FROM al'.length });
		assert.ok(hover, 'a hover');
		const contents = hover.contents as MarkupContent;
		assert.equal(contents.kind, MarkupKind.Markdown);
		assert.match(contents.value, /musl/);
		assert.equal(hover.range?.start.line, line);
		assert.equal(await session.hover(main.uri, { line: 0, character: 2 }), null, 'no hover on a comment');
	});

	it('offers "Set CGO_ENABLED=0" with an exact edit; applying it clears the diagnostic, undoing it brings it back', async () => {
		const actions = await session.codeActions(main.uri, diagnostic.range, [diagnostic]);
		const titles = actions.map((a) => a.title);
		const fix = actions.find((a) => a.title.startsWith('Set CGO_ENABLED=0'));
		assert.ok(fix, `a "Set CGO_ENABLED=0" fix among ${JSON.stringify(titles)}`);
		assert.ok(titles.includes('Ignore libc-mismatch for this instruction'));
		assert.ok(titles.includes('Ignore libc-mismatch for this file'));
		assert.ok(titles.includes('Show documentation for libc-mismatch'));
		assert.equal(fix.kind, 'quickfix');
		assert.equal(fix.isPreferred, true);
		const insertAt = main.text.indexOf('go build');
		const position = positionAt(main.text, insertAt);
		assert.deepEqual(fix.edit, { changes: { [main.uri]: [{ range: { start: position, end: position }, newText: 'CGO_ENABLED=0 ' }] } });

		const applied = splice(main.text, insertAt, insertAt, 'CGO_ENABLED=0 ');
		assert.match(applied.text, /RUN CGO_ENABLED=0 go build -o \/out\/app \./);
		await session.change(main.uri, [applied.change]);
		assert.deepEqual(await session.diagnostics(main.uri), []);
		// The fix was computed for version 1: on version 2 it would edit the wrong place, so it is not offered.
		const stale = await session.codeActions(main.uri, diagnostic.range, [diagnostic]);
		assert.ok(!stale.some((a) => a.title.startsWith('Set CGO_ENABLED=0')), 'no stale fix');

		const undone = splice(applied.text, insertAt, insertAt + 'CGO_ENABLED=0 '.length, '');
		assert.equal(undone.text, main.text);
		await session.change(main.uri, [undone.change]);
		const back = await session.diagnostics(main.uri);
		assert.equal(back.length, 1);
		assert.deepEqual({ ...back[0], data: undefined }, { ...diagnostic, data: undefined });
		assert.equal((back[0].data as { documentVersion: number }).documentVersion, 3);
	});

	it('answers for a 2 MB binary-garbage Dockerfile and keeps serving other documents', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'shipcheck-protocol-garbage-'));
		temps.push(dir);
		const random = seededRandom(7);
		const bytes = Buffer.alloc(2 * 1024 * 1024);
		for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(random() * 256);
		writeFileSync(join(dir, 'Dockerfile'), bytes);
		const uri = pathToFileURL(join(dir, 'Dockerfile')).toString();
		// VS Code decodes the file as UTF-8 (invalid sequences become U+FFFD) and sends it as one string.
		await session.open(uri, bytes.toString('utf8'));
		const [garbage, other] = await Promise.all([session.diagnostics(uri, 30_000), session.diagnostics(main.uri)]);
		assert.ok(Array.isArray(garbage), 'a report for the garbage document');
		assert.equal(other.length, 1, 'the other document still gets its diagnostic');
		// And after the garbage: an edit in the good document is still analysed.
		const insertAt = main.text.indexOf('go build');
		await session.change(main.uri, [splice(main.text, insertAt, insertAt, 'CGO_ENABLED=0 ').change]);
		assert.deepEqual(await session.diagnostics(main.uri), []);
		await session.change(main.uri, [splice(`${main.text.slice(0, insertAt)}CGO_ENABLED=0 ${main.text.slice(insertAt)}`, insertAt, insertAt + 14, '').change]);
		assert.equal((await session.diagnostics(main.uri)).length, 1);
		await session.close(uri);
		assert.doesNotMatch(session.logs.join('\n'), /uncaught|unhandled rejection/);
	});

	it('answers workspace/configuration per resource: a severity setting and enable=false are honoured', async () => {
		await session.open(warned.uri, warned.text);
		await session.open(disabled.uri, disabled.text);
		const items = await session.diagnostics(warned.uri);
		assert.deepEqual(
			items.map((d) => [d.code, d.severity]),
			[['libc-mismatch', DiagnosticSeverity.Warning]],
		);
		assert.deepEqual(await session.diagnostics(disabled.uri), []);
		assert.ok(session.configurationRequests.includes(warned.uri) && session.configurationRequests.includes(disabled.uri));
	});

	it('shuts down on shutdown + exit with exit code 0', async () => {
		assert.equal(await session.shutdown(), 0);
	});
});

describe('stress: 2,000 rapid incremental edits over the protocol (issue 4)', () => {
	const temps: string[] = [];
	let session: LspSession;
	let parsers: Parsers;

	before(async () => {
		ensureServerBuilt();
		parsers = await testParsers();
		session = (await LspSession.start()).session;
	});

	after(() => {
		session?.kill();
		for (const dir of temps) rmSync(dir, { recursive: true, force: true });
	});

	it('final diagnostics match a fresh analysis, cancelled pulls are answered, memory stays flat', async (t) => {
		const doc = copyExample(temps, 'stress');
		const steps = planEdits(20_240_611, doc.text, 2_000);
		assert.ok(steps.length >= 2_000);
		assert.ok(steps.some((s) => s.cgoOff) && steps.some((s) => !s.cgoOff), 'CGO_ENABLED=0 toggled on and off');
		await session.open(doc.uri, doc.text);
		assert.equal((await session.diagnostics(doc.uri)).length, 1);

		const checked: { version: number; text: string; result: Promise<Diagnostic[]> }[] = [];
		const cancelled: Promise<'result' | 'cancelled'>[] = [];
		let rssBefore = 0;
		for (let i = 0; i < steps.length; i++) {
			const version = await session.change(doc.uri, steps[i].changes);
			if (i === 300) {
				// Warmed up: JIT, wasm memory and caches have reached their working size.
				await session.diagnostics(doc.uri);
				rssBefore = session.rss();
			}
			if (i % 8 !== 7) continue;
			if (i % 24 === 23) {
				const pull = session.diagnosticsCancellable(doc.uri);
				// Cancel at once, or after one more edit has been sent (the server may be mid-way).
				if (i % 48 === 47) pull.cancel();
				else setImmediate(pull.cancel);
				cancelled.push(session.within(pull.result.then(() => 'result' as const, cancelledOrThrow), `cancelled pull at step ${i}`, 5_000));
			} else {
				checked.push({ version, text: steps[i].text, result: session.diagnostics(doc.uri) });
			}
		}
		const finalText = steps[steps.length - 1].text;
		const final = await session.diagnostics(doc.uri);
		const outcomes = await Promise.all(cancelled);

		// Every pull that was not cancelled answers for the text it was sent after; then the final one.
		for (const pull of checked) {
			const items = await pull.result;
			for (const d of items) assert.equal((d.data as { documentVersion: number }).documentVersion, pull.version);
			assert.deepEqual(comparable(items), expectedDiagnostics(parsers, doc.path, pull.text), `pull after version ${pull.version}`);
		}
		assert.deepEqual(comparable(final), expectedDiagnostics(parsers, doc.path, finalText));
		assert.equal(final.length, 1, 'the final text (CGO_ENABLED unset) has its libc-mismatch error');

		// Memory: a leak of 16 KB per edit (a kept tree-sitter tree or text copy) would grow RSS by ~27 MB over the
		// 1,700 edits after the baseline; V8's young generation (16 MB semi-spaces at most) and heap growth stay well
		// below that in practice (measured: a few MB), so 30 MB separates a leak from noise.
		const rssAfter = session.rss();
		const growth = rssAfter - rssBefore;
		t.diagnostic(`edits ${steps.length}, checked pulls ${checked.length}, cancelled pulls ${outcomes.length} (${outcomes.filter((o) => o === 'cancelled').length} answered RequestCancelled), RSS ${(rssBefore / 2 ** 20).toFixed(1)} → ${(rssAfter / 2 ** 20).toFixed(1)} MB`);
		assert.ok(growth < 30 * 2 ** 20, `server RSS grew by ${(growth / 2 ** 20).toFixed(1)} MB`);
		assert.doesNotMatch(session.logs.join('\n'), /uncaught|unhandled rejection|failed/);
		assert.equal(await session.shutdown(), 0);
	});
});

/** A cancelled request may still get its result, or a RequestCancelled/ServerCancelled error; anything else fails. */
function cancelledOrThrow(error: unknown): 'cancelled' {
	if (error instanceof ResponseError && (error.code === LSPErrorCodes.RequestCancelled || error.code === LSPErrorCodes.ServerCancelled)) return 'cancelled';
	throw error;
}
