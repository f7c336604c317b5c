// The describeBinary request handler's core (server/src/lsp/binary.ts) in-process: the result shapes (binary,
// error with offset, not executable), bounded reads of the file (never the whole file), and cancellation between
// stages.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CancellationTokenSource } from 'vscode-languageserver/node';
import { countingSource } from '../../../server/src/binary';
import { describeBinaryFile } from '../../../server/src/lsp/binary';
import { openFileSource, type FileSource } from '../../../server/src/node/file-source';
import { isDescribeBinaryError, isNotExecutable, type DescribedBinary } from '../../../server/src/protocol/binary';
import { fixtureBytes, fixturePath } from '../../binary/fixtures';

describe('describeBinary (server side)', () => {
	it('describes a binary: the contract, runsOn, tooling, details and the readelf-style text', async () => {
		const r = await describeBinaryFile(fixturePath('go126-linux-amd64-cgo-net'));
		assert.ok(!isDescribeBinaryError(r) && !isNotExecutable(r));
		const b: DescribedBinary = r;
		assert.equal(b.file.name, 'go126-linux-amd64-cgo-net');
		assert.equal(b.file.size, fixtureBytes('go126-linux-amd64-cgo-net').length);
		assert.equal(b.glibcMin, '2.34');
		assert.equal(b.runsOn.find((e) => e.image === 'alpine:3.20')?.ok, false);
		assert.deepEqual(b.tooling.map((t) => t.id), ['go-runtime', 'symbols', 'debugger']);
		assert.ok(b.details.versionSymbols.some((v) => v.version === 'GLIBC_2.34' && v.symbols.includes('pthread_create')));
		assert.match(b.text, /Section Headers:[\s\S]*Runs on:/);
		assert.doesNotThrow(() => JSON.stringify(b), 'JSON-safe: no bigint');
	});

	it('reads the file through bounded windows only, never the whole file', async () => {
		let served: ReturnType<typeof countingSource> | undefined;
		const file = fixturePath('go126-linux-amd64-cgo-net');
		const open = (p: string): FileSource => {
			const inner = openFileSource(p);
			served = countingSource(inner);
			return Object.assign(served, { close: () => inner.close() });
		};
		await describeBinaryFile(file, undefined, open);
		const size = fs.statSync(file).size;
		assert.ok(served && served.bytesRead < size / 2, `read ${served?.bytesRead} of ${size} bytes in ${served?.reads} reads`);
	});

	it('answers a format error with its offset, and a non-executable kindly', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipcheck-describe-'));
		try {
			const truncated = path.join(dir, 'app');
			fs.writeFileSync(truncated, fixtureBytes('go126-linux-amd64-nocgo').subarray(0, 4096));
			const e = await describeBinaryFile(truncated);
			assert.ok(isDescribeBinaryError(e));
			assert.equal(typeof e.error.offset, 'number');
			assert.match(e.error.message, /in record at byte 0x/);
			const text = path.join(dir, 'README');
			fs.writeFileSync(text, 'hello');
			assert.deepEqual(await describeBinaryFile(text), { notExecutable: true, reason: 'not an ELF, Mach-O or PE file' });
			const missing = await describeBinaryFile(path.join(dir, 'missing'));
			assert.ok(isDescribeBinaryError(missing) && /ENOENT/.test(missing.error.message));
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});

	it('stops at the next stage when cancelled', async () => {
		const source = new CancellationTokenSource();
		const pending = describeBinaryFile(fixturePath('go126-linux-amd64-cgo-net'), source.token);
		source.cancel();
		await assert.rejects(pending, /cancelled/);
	});
});
