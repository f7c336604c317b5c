// A binary in the workspace copied into an image from the build context, end to end through the shipped
// bundles: the CLI (`server/out/cli.js check <dir>`) and the language server over stdio both read it from disk
// (NodeFileSystem.readBinary) and report libc-mismatch / glibc-too-old from the file; an edit of the Dockerfile
// re-judges the cached facts, and a rebuilt binary (new size and mtime) is read again.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol/node';
import { fixtureBytes } from '../binary/fixtures';
import { ensureServerBuilt, LspSession, ROOT } from './lsp-client';

const ALPINE = 'FROM alpine:3.20\nCOPY dist/app /app\nENTRYPOINT ["/app"]\n';

describe('workspace binaries through the CLI and the language server', () => {
	let dir: string;

	before(() => {
		ensureServerBuilt();
		dir = mkdtempSync(join(tmpdir(), 'shipcheck-context-binary-'));
		mkdirSync(join(dir, 'dist'));
		// Not executable on purpose: the file is read, never run.
		writeFileSync(join(dir, 'dist/app'), fixtureBytes('go126-linux-amd64-cgo-net'), { mode: 0o644 });
		writeFileSync(join(dir, 'Dockerfile'), ALPINE);
		writeFileSync(join(dir, 'Dockerfile.bullseye'), 'FROM debian:bullseye-slim\nCOPY dist/app /app\n');
		writeFileSync(join(dir, 'Dockerfile.bookworm'), 'FROM debian:bookworm-slim\nCOPY dist/app /app\n');
	});
	after(() => rmSync(dir, { recursive: true, force: true }));

	it('shipcheck check <dir>: libc-mismatch in alpine, glibc-too-old in bullseye, nothing in bookworm', () => {
		const run = spawnSync(process.execPath, [join(ROOT, 'server/out/cli.js'), 'check', dir, '--format', 'json'], { cwd: ROOT, encoding: 'utf8' });
		assert.equal(run.stderr, '');
		assert.equal(run.status, 1);
		const { findings } = JSON.parse(run.stdout) as { findings: { rule: string; file: string; line: number; message: string }[] };
		assert.deepEqual(
			findings.map((f) => [f.rule, f.file.slice(f.file.lastIndexOf('/') + 1), f.line]),
			[
				['libc-mismatch', 'Dockerfile', 2],
				['glibc-too-old', 'Dockerfile.bullseye', 2],
			],
		);
		assert.match(findings[0].message, /with the loader "\/lib64\/ld-linux-x86-64\.so\.2" \(read from the file in the workspace\)/);
		assert.match(findings[1].message, /needs GLIBC_2\.34 for pthread_attr_getstack, .* \(read from the file in the workspace\) but "debian:bullseye-slim" has glibc 2\.31/);
	});

	it('the language server: a diagnostic on the COPY, kept across edits, gone once the binary is rebuilt static', async () => {
		const { session } = await LspSession.start();
		try {
			const uri = pathToFileURL(join(dir, 'Dockerfile')).toString();
			await session.open(uri, ALPINE);
			const [d, ...rest] = await session.diagnostics(uri);
			assert.equal(rest.length, 0);
			assert.equal(d?.code, 'libc-mismatch');
			assert.equal(d?.severity, DiagnosticSeverity.Error);
			assert.equal(d?.range.start.line, 1);
			assert.match(d?.message ?? '', /read from the file in the workspace/);
			// A keystroke: same binary, same finding (the facts come from the cache under the file's version).
			await session.change(uri, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '# edited\n' }]);
			assert.deepEqual((await session.diagnostics(uri)).map((x) => x.code), ['libc-mismatch']);
			// The binary is rebuilt with cgo off: a new size and mtime, so the next analysis reads it again.
			writeFileSync(join(dir, 'dist/app'), fixtureBytes('go126-linux-amd64-nocgo'));
			await session.change(uri, [{ range: { start: { line: 2, character: 0 }, end: { line: 3, character: 0 } }, text: '' }]);
			assert.deepEqual(await session.diagnostics(uri), []);
		} finally {
			writeFileSync(join(dir, 'dist/app'), fixtureBytes('go126-linux-amd64-cgo-net'));
			await session.shutdown();
		}
	});
});
