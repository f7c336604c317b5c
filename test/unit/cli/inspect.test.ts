// `shipcheck inspect FILE [--format text|json]` on the real fixtures, run as users run it: a child process of
// `node --import tsx server/src/cli/main.ts`. Exit 0 when described (also for a binary that is not Go), 2 for
// usage errors, unreadable or non-executable files and format errors (with the offset in the message).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { fixtureBytes, fixturePath } from '../../binary/fixtures';

const root = path.resolve(__dirname, '../../..');

function shipcheck(...args: string[]): { status: number | null; stdout: string; stderr: string } {
	const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'server/src/cli/main.ts'), ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
	return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const CONTRACT_KEYS = ['format', 'class', 'machine', 'type', 'linkage', 'interpreter', 'libc', 'glibcMin', 'needed', 'versionNeeds', 'sections', 'segments', 'symtab', 'dwarf', 'gopclntab', 'go', 'runsOn'];

describe('shipcheck inspect', () => {
	it('--format json prints exactly the contract for a cgo binary', () => {
		const r = shipcheck('inspect', fixturePath('go126-linux-amd64-cgo-net'), '--format', 'json');
		assert.equal(r.status, 0, r.stderr);
		const j = JSON.parse(r.stdout);
		assert.deepEqual(Object.keys(j), CONTRACT_KEYS);
		assert.deepEqual(
			{ format: j.format, class: j.class, machine: j.machine, type: j.type, linkage: j.linkage, interpreter: j.interpreter, libc: j.libc, glibcMin: j.glibcMin, needed: j.needed },
			{ format: 'elf', class: 64, machine: 'x86-64', type: 'EXEC', linkage: 'dynamic', interpreter: '/lib64/ld-linux-x86-64.so.2', libc: 'glibc', glibcMin: '2.34', needed: ['libc.so.6'] },
		);
		assert.deepEqual(j.versionNeeds, [{ file: 'libc.so.6', versions: ['GLIBC_2.34', 'GLIBC_2.32', 'GLIBC_2.3.2', 'GLIBC_2.2.5'] }]);
		const text = j.sections.find((s: { name: string }) => s.name === '.text');
		assert.deepEqual(Object.keys(text), ['name', 'type', 'address', 'offset', 'size', 'flags']);
		assert.deepEqual({ type: text.type, address: text.address, offset: text.offset, flags: text.flags }, { type: 'PROGBITS', address: '0x401000', offset: 4096, flags: 'AX' });
		assert.ok(j.segments.some((s: { type: string }) => s.type === 'INTERP'));
		assert.deepEqual([j.symtab, j.dwarf, j.gopclntab], [true, true, true]);
		assert.equal(j.go.version, 'go1.26.8');
		assert.equal(j.go.settings.CGO_ENABLED, '1');
		const alpine = j.runsOn.find((e: { image: string }) => e.image === 'alpine:3.20');
		assert.equal(alpine.ok, false);
		assert.match(alpine.why, /needs glibc/);
		assert.equal(j.runsOn.find((e: { image: string }) => e.image === 'debian:bookworm').ok, true);
		assert.equal(j.runsOn.find((e: { image: string }) => e.image === 'debian:bullseye').ok, false);
		for (const e of j.runsOn) assert.deepEqual(Object.keys(e), ['image', 'ok', 'why']);
	});

	it('text prints the readelf layout, then Go build info, then the verdict', () => {
		const r = shipcheck('inspect', fixturePath('go126-linux-amd64-cgo-net'));
		assert.equal(r.status, 0, r.stderr);
		const order = ['Section Headers:', 'Program Headers:', 'Dynamic section at offset', 'Version needs section', 'Summary:', 'go126-linux-amd64-cgo-net: go1.26.8', '\tbuild\tCGO_ENABLED=1', 'Runs on:', 'Tooling:'];
		let at = -1;
		for (const marker of order) {
			const next = r.stdout.indexOf(marker, at + 1);
			assert.ok(next > at, `${JSON.stringify(marker)} comes after the previous part`);
			at = next;
		}
		assert.match(r.stdout, /\n {2}debian:bullseye +FAILS {2}needs GLIBC_2\.34 \(pthread_attr_getstack/);
	});

	it('-trimpath: the text says -ldflags is not recorded, never absent', () => {
		const r = shipcheck('inspect', fixturePath('go126-linux-amd64-trimpath'));
		assert.equal(r.status, 0, r.stderr);
		assert.match(r.stdout, /build info: -ldflags not recorded: -trimpath omits -ldflags from build info/);
	});

	it('a binary that is not Go is a result: exit 0, "go": null', () => {
		const r = shipcheck('inspect', fixturePath('c-linux-amd64-gcc'), '--format=json');
		assert.equal(r.status, 0, r.stderr);
		const j = JSON.parse(r.stdout);
		assert.equal(j.go, null);
		assert.equal(j.libc, 'glibc');
		const text = shipcheck('inspect', fixturePath('c-linux-amd64-gcc'));
		assert.equal(text.status, 0);
		assert.match(text.stdout, /c-linux-amd64-gcc: not a Go binary \(no build info magic\)/);
	});

	it('Mach-O and PE: described, and run on no Linux image', () => {
		for (const [name, format] of [['go126-darwin-arm64', 'macho'], ['go126-windows-amd64', 'pe']]) {
			const r = shipcheck('inspect', fixturePath(name), '--format', 'json');
			assert.equal(r.status, 0, r.stderr);
			const j = JSON.parse(r.stdout);
			assert.equal(j.format, format);
			assert.ok(j.runsOn.every((e: { ok: boolean | null }) => e.ok === false));
		}
	});

	it('exit 2 with the offset for a truncated file, and for a file that is not an executable', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipcheck-inspect-'));
		try {
			const truncated = path.join(dir, 'truncated');
			fs.writeFileSync(truncated, fixtureBytes('go126-linux-amd64-nocgo').subarray(0, 4096));
			const r = shipcheck('inspect', truncated);
			assert.equal(r.status, 2);
			assert.equal(r.stdout, '');
			assert.match(r.stderr, /^shipcheck: .*truncated: malformed executable: .* in record at byte 0x[0-9a-f]+ \(file offset \d+\)\n$/);
			const notes = path.join(dir, 'notes.txt');
			fs.writeFileSync(notes, 'just text\n');
			const n = shipcheck('inspect', notes, '--format', 'json');
			assert.equal(n.status, 2);
			assert.match(n.stderr, /notes\.txt: not an executable \(not an ELF, Mach-O or PE file\)/);
			assert.match(shipcheck('inspect', path.join(dir, 'missing')).stderr, /missing: no such file/);
			assert.equal(shipcheck('inspect', dir).status, 2);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});

	it('usage errors exit 2 and print the usage', () => {
		for (const args of [['inspect'], ['inspect', 'a', 'b'], ['inspect', 'x', '--format', 'sarif'], ['inspect', 'x', '--fail-on', 'error']]) {
			const r = shipcheck(...args);
			assert.equal(r.status, 2, args.join(' '));
			assert.match(r.stderr, /usage: shipcheck check[\s\S]*shipcheck inspect FILE \[--format text\|json\]/);
		}
	});
});
