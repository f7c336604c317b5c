// A binary that exists in the workspace and is copied into an image from the build context: the verdict comes
// from the file (its loader, libc and GLIBC_x.y floor), read through the FileSystemView's optional readBinary hook
// with bounded reads. Also the Node implementation of that hook.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { memoryFileSystem, overlayFileSystem, type FileSystemView } from '../../../server/src/model/file-system';
import { NodeFileSystem } from '../../../server/src/node/fs-view';
import { contextBinaries } from '../../../server/src/rules/context-binary';
import { fixtureBytes } from '../../binary/fixtures';
import { analyzeWorkspace, testParsers } from '../../helpers/engine';
import { analyze } from '../../../server/src/rules/analyze';
import { DEFAULT_CONFIG } from '../../../server/src/rules/config';

/** An in-memory workspace at /w: text files plus binaries served through readBinary, counting bytes served. */
function workspace(texts: Record<string, string>, binaries: Record<string, Uint8Array>): { fs: FileSystemView; served: () => number } {
	const all: Record<string, string> = {};
	for (const [p, t] of Object.entries(texts)) all[`/w/${p}`] = t;
	for (const p of Object.keys(binaries)) all[`/w/${p}`] = '';
	const base = memoryFileSystem(all);
	let served = 0;
	const view: FileSystemView = {
		readFile: (p) => base.readFile(p),
		listDir: (p) => base.listDir(p),
		readBinary: (p, offset, length) => {
			const bytes = binaries[p.replace(/^\/w\//, '')];
			if (!bytes) return undefined;
			const out = bytes.subarray(offset, offset + length);
			served += out.length;
			return { bytes: out, size: bytes.length };
		},
	};
	return { fs: view, served: () => served };
}

async function verdicts(dockerfile: string, binaries: Record<string, Uint8Array>) {
	const texts = { Dockerfile: dockerfile };
	const { project } = await analyzeWorkspace(texts);
	const w = workspace(texts, binaries);
	return { found: contextBinaries(project, w.fs), served: w.served() };
}

const CGO = fixtureBytes('go126-linux-amd64-cgo-net');

describe('context binaries: the verdict from the file copied into the image', () => {
	it('a cgo binary copied into debian:bullseye: the real GLIBC_2.34 floor and the symbols that set it', async () => {
		const { found, served } = await verdicts('FROM debian:bullseye\nCOPY dist/app /app\nENTRYPOINT ["/app"]\n', { 'dist/app': CGO });
		assert.equal(found.length, 1);
		const b = found[0];
		assert.ok(b);
		assert.equal(b.path, '/w/dist/app');
		assert.equal(b.verdict.ok, false);
		assert.equal(b.info.glibcMin, '2.34');
		assert.equal(b.landing, '/app');
		assert.deepEqual(b.info.glibcMinSymbols, ['pthread_attr_getstack', 'pthread_attr_getstacksize', 'pthread_create', 'pthread_key_create', 'pthread_setspecific']);
		assert.equal(b.verdict.why, 'needs GLIBC_2.34 (pthread_attr_getstack, pthread_attr_getstacksize, pthread_create, pthread_key_create, pthread_setspecific) but the image has glibc 2.31: "version `GLIBC_2.34\' not found"');
		assert.ok(served < CGO.length / 2, `bounded reads: ${served} of ${CGO.length} bytes`);
	});

	it('the same binary in bookworm runs; in alpine and scratch it does not', async () => {
		assert.equal((await verdicts('FROM debian:bookworm\nCOPY dist/app /app\n', { 'dist/app': CGO })).found[0]?.verdict.ok, true);
		const alpine = (await verdicts('FROM alpine:3.20\nCOPY ./dist/app /usr/local/bin/app\n', { 'dist/app': CGO })).found[0];
		assert.equal(alpine?.verdict.ok, false);
		assert.match(alpine?.verdict.why ?? '', /needs glibc .* but the image has musl 1\.2\.5/);
		const scratch = (await verdicts('FROM golang:1.22 AS build\nRUN echo\nFROM scratch\nCOPY dist/app /app\n', { 'dist/app': CGO })).found;
		assert.equal(scratch.length, 1);
		assert.equal(scratch[0]?.stage.imageRef, 'scratch');
		assert.equal(scratch[0]?.verdict.ok, false);
	});

	it('a copied directory delivers the binaries in it; text files and stage copies are not judged', async () => {
		const { found } = await verdicts('FROM alpine:3.20\nCOPY dist/ /usr/local/bin/\nCOPY README.md /\n', { 'dist/app': fixtureBytes('go126-linux-amd64-musl-dynamic'), 'dist/notes.txt': new TextEncoder().encode('hello') });
		assert.deepEqual(found.map((b) => [b.path, b.verdict.ok]), [['/w/dist/app', true]]);
		const staged = await verdicts('FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM debian:bullseye\nCOPY --from=build /app /app\n', { app: CGO });
		assert.deepEqual(staged.found, []);
	});

	it('nothing without the readBinary hook (hosts that cannot read binaries keep the model-based rules only)', async () => {
		const texts = { Dockerfile: 'FROM debian:bullseye\nCOPY dist/app /app\n' };
		const { project } = await analyzeWorkspace(texts);
		assert.deepEqual(contextBinaries(project, memoryFileSystem({ '/w/Dockerfile': texts.Dockerfile })), []);
	});
});

describe('context binaries on disk', () => {
	it('a copied file that is a symbolic link is judged by the file it points to (COPY follows it)', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipcheck-context-link-'));
		try {
			fs.mkdirSync(path.join(dir, 'dist'));
			fs.writeFileSync(path.join(dir, 'dist/app-v1'), CGO);
			fs.symlinkSync(path.join(dir, 'dist/app-v1'), path.join(dir, 'dist/app'));
			fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM debian:bullseye\nCOPY dist/app /app\n');
			const view = new NodeFileSystem();
			const { project } = analyze({ fs: view, parsers: await testParsers(), config: DEFAULT_CONFIG, entryFiles: [`${dir}/Dockerfile`] });
			assert.deepEqual(contextBinaries(project, view).map((b) => [b.contextPath, b.verdict.ok]), [['dist/app', false]]);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('NodeFileSystem.readBinary and the overlay', () => {
	it('serves bounded windows with the file size, nothing for directories or missing files', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipcheck-readbinary-'));
		try {
			const file = path.join(dir, 'app');
			fs.writeFileSync(file, Buffer.from('0123456789'));
			const view = new NodeFileSystem();
			const window = view.readBinary(file, 2, 3);
			assert.deepEqual(window && { bytes: window.bytes, size: window.size }, { bytes: new Uint8Array(Buffer.from('234')), size: 10 });
			assert.match(window?.version ?? '', /^10:/, 'the version starts with the size, then mtime, ctime and inode');
			assert.equal(view.readBinary(file, 0, 1)?.version, window?.version, 'unchanged file, same version');
			fs.writeFileSync(file, Buffer.from('01234567890'));
			assert.notEqual(view.readBinary(file, 0, 1)?.version, window?.version, 'rewritten file, new version');
			assert.equal(view.readBinary(file, 8, 100)?.bytes.length, 3);
			assert.equal(view.readBinary(file, 11, 4)?.bytes.length, 0);
			assert.equal(view.readBinary(file, -1, 4)?.bytes.length, 0);
			assert.equal(view.readBinary(dir, 0, 4), undefined);
			assert.equal(view.readBinary(path.join(dir, 'missing'), 0, 4), undefined);
			const overlay = overlayFileSystem(new Map([[path.join(dir, 'Dockerfile'), 'FROM scratch\n']]), view);
			assert.equal(overlay.readBinary?.(file, 0, 1)?.size, 11, 'the editor overlay keeps the hook');
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});
