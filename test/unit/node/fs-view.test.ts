// NodeFileSystem answers lookups of files that do not exist from folder listings it has already read: that must
// never hide a file that does exist (a symbolic link, a file created later) or change what is read.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { NodeFileSystem } from '../../../server/src/node/fs-view';

const root = mkdtempSync(join(tmpdir(), 'shipcheck-fs-view-'));
after(() => rmSync(root, { recursive: true, force: true }));

describe('NodeFileSystem', () => {
	it('reads files, listed or not, and says undefined for missing files and folders', () => {
		mkdirSync(join(root, 'a/sub'), { recursive: true });
		writeFileSync(join(root, 'a/Dockerfile'), 'FROM scratch\n');
		const fs = new NodeFileSystem();
		assert.equal(fs.readFile(`${root}/a/Dockerfile`), 'FROM scratch\n');
		assert.deepEqual(fs.listDir(`${root}/a`), ['Dockerfile', 'sub/']);
		assert.equal(fs.readFile(`${root}/a/.dockerignore`), undefined);
		assert.equal(fs.readFile(`${root}/a/sub`), undefined, 'a folder is not a text file');
		assert.equal(fs.readFile(`${root}/missing/go.mod`), undefined);
	});

	it('a symbolic link to a file is read even though the listing (files and folders) leaves it out', () => {
		mkdirSync(join(root, 'b'));
		writeFileSync(join(root, 'b/real.mod'), 'module example.com/b\n');
		symlinkSync(join(root, 'b/real.mod'), join(root, 'b/go.mod'));
		const fs = new NodeFileSystem();
		assert.deepEqual(fs.listDir(`${root}/b`), ['real.mod']);
		assert.equal(fs.readFile(`${root}/b/go.mod`), 'module example.com/b\n');
	});

	it('a file created after its folder was listed is read once the watcher invalidates it', () => {
		mkdirSync(join(root, 'c'));
		const fs = new NodeFileSystem();
		fs.listDir(`${root}/c`);
		assert.equal(fs.readFile(`${root}/c/.dockerignore`), undefined);
		writeFileSync(join(root, 'c/.dockerignore'), 'dist\n');
		fs.invalidate(`${root}/c/.dockerignore`);
		assert.equal(fs.readFile(`${root}/c/.dockerignore`), 'dist\n');
		assert.deepEqual(fs.listDir(`${root}/c`), ['.dockerignore']);
	});

	it('reads a file larger than its read buffer whole, multi-byte characters across the buffer edges intact', () => {
		mkdirSync(join(root, 'd'));
		// 64 KB is the first buffer: 'é' (2 bytes) at odd offsets puts one across each power-of-two edge.
		const text = `x${'é'.repeat(200_000)}\n`;
		writeFileSync(join(root, 'd/big.go'), text);
		assert.equal(new NodeFileSystem().readFile(`${root}/d/big.go`), text);
		assert.equal(new NodeFileSystem().readFile(`${root}/d/big.go`), readFileSync(join(root, 'd/big.go'), 'utf8'));
	});

	it('a file over 4 MB is not read; one of exactly 4 MB is', () => {
		mkdirSync(join(root, 'e'));
		writeFileSync(join(root, 'e/huge'), Buffer.alloc(4 * 1024 * 1024 + 1, 0x41));
		writeFileSync(join(root, 'e/limit'), Buffer.alloc(4 * 1024 * 1024, 0x41));
		const fs = new NodeFileSystem();
		assert.equal(fs.readFile(`${root}/e/huge`), undefined);
		assert.equal(fs.readFile(`${root}/e/limit`)?.length, 4 * 1024 * 1024);
	});

	it('a FIFO named like a Dockerfile reads as empty instead of blocking for a writer', { skip: process.platform === 'win32' }, () => {
		mkdirSync(join(root, 'f'));
		execFileSync('mkfifo', [join(root, 'f/Dockerfile')]);
		assert.equal(new NodeFileSystem().readFile(`${root}/f/Dockerfile`), '');
	});
});
