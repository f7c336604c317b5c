// libc-mismatch and glibc-too-old fed by a binary that exists in the workspace and is copied into an image from
// the build context (`COPY dist/app /app`): the facts come from the file (ELF interpreter, NEEDED, GLIBC_x.y
// version needs), read through the FileSystemView with bounded reads, never run. Fixtures: test/binary/fixtures.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { memoryFileSystem, type FileSystemView } from '../../server/src/model/file-system';
import { analyze, type AnalysisResult } from '../../server/src/rules/analyze';
import { DEFAULT_CONFIG } from '../../server/src/rules/config';
import { entryFilesFor } from '../../server/src/rules/discover';
import type { Finding } from '../../server/src/rules/types';
import { fixtureBytes } from '../binary/fixtures';
import { testParsers } from '../helpers/engine';

type Texts = Record<string, string>;
type Binaries = Record<string, Uint8Array>;

const CGO = fixtureBytes('go126-linux-amd64-cgo-net');
const STATIC = fixtureBytes('go126-linux-amd64-nocgo');
const MUSL = fixtureBytes('go126-linux-amd64-musl-dynamic');
const PIE_NOCGO = fixtureBytes('go126-linux-amd64-pie-nocgo');
const ARM64_CGO = fixtureBytes('go126-linux-arm64-cgo');
const CGO_SYMBOLS = 'pthread_attr_getstack, pthread_attr_getstacksize, pthread_create, pthread_key_create and 1 more';

function absolute<T>(files: Record<string, T>): Record<string, T> {
	return Object.fromEntries(Object.entries(files).map(([p, v]) => [`/w/${p}`, v]));
}

/** A workspace at /w with text files and binaries (served only through readBinary), counting the bytes read. */
function workspace(texts: Texts, binaries: Binaries): { fs: FileSystemView; bytesRead: () => number } {
	const base = memoryFileSystem(absolute(texts), absolute(binaries));
	let bytes = 0;
	return {
		fs: {
			readFile: (p) => base.readFile(p),
			listDir: (p) => base.listDir(p),
			readBinary: (p, offset, length) => {
				const window = base.readBinary?.(p, offset, length);
				bytes += window?.bytes.length ?? 0;
				return window;
			},
		},
		bytesRead: () => bytes,
	};
}

async function analyzeIn(fs: FileSystemView, entry = 'Dockerfile'): Promise<AnalysisResult> {
	const result = analyze({ fs, parsers: await testParsers(), config: DEFAULT_CONFIG, entryFiles: entryFilesFor(fs, `/w/${entry}`) });
	assert.deepEqual(result.failures, []);
	return result;
}

async function findings(texts: Texts, binaries: Binaries): Promise<Finding[]> {
	return [...(await analyzeIn(workspace(texts, binaries).fs)).findings];
}

/** `rule severity "covered text"` per finding. */
function summary(texts: Texts, list: readonly Finding[]): string[] {
	return list.map((f) => `${f.ruleId} ${f.severity} ${JSON.stringify((texts[f.file.replace(/^\/w\//, '')] ?? '').slice(f.span.start, f.span.end))}`);
}

function dockerfile(image: string, copy = 'COPY dist/app /app'): Texts {
	return { Dockerfile: `FROM ${image}\n${copy}\nENTRYPOINT ["/app"]\n` };
}

describe('context binary: libc-mismatch from the file', () => {
	it('a dynamically linked glibc binary copied into alpine: error on the COPY naming the real interpreter, read from the file', async () => {
		const texts = dockerfile('alpine:3.20');
		const list = await findings(texts, { 'dist/app': CGO });
		assert.deepEqual(summary(texts, list), ['libc-mismatch error "COPY dist/app /app"']);
		const [f] = list;
		assert.equal(
			f.message,
			'"/app" (dist/app in the build context) is dynamically linked against glibc with the loader "/lib64/ld-linux-x86-64.so.2" (read from the file in the workspace) but "alpine:3.20" has musl 1.2.5, not glibc: it will fail to start with "no such file or directory"',
		);
		assert.deepEqual(
			f.related.map((r) => [texts.Dockerfile.slice(r.span.start, r.span.end), r.message]),
			[
				['dist/app', 'read from dist/app in the build context (never run): ELF x86-64, interpreter "/lib64/ld-linux-x86-64.so.2", needs libc.so.6, highest symbol version GLIBC_2.34'],
				['FROM alpine:3.20', 'runs in "alpine:3.20" (musl 1.2.5)'],
			],
		);
	});
	for (const image of ['scratch', 'gcr.io/distroless/static-debian12']) {
		it(`a glibc binary copied into ${image}: no C library and no loader`, async () => {
			const [f, ...rest] = await findings(dockerfile(image), { 'dist/app': CGO });
			assert.equal(rest.length, 0);
			assert.equal(f?.ruleId, 'libc-mismatch');
			assert.equal(f?.severity, 'error');
			assert.match(f.message, new RegExp(`^"/app" \\(dist/app in the build context\\) is dynamically linked against glibc with the loader "/lib64/ld-linux-x86-64\\.so\\.2" \\(read from the file in the workspace\\) but "${image.replace(/[./]/g, '\\$&')}" has no C library and no loader`));
		});
	}
	it('a musl binary in Debian is a mismatch; in alpine it runs', async () => {
		const [f] = await findings(dockerfile('debian:bookworm-slim', 'COPY ./dist/app /usr/local/bin/'), { 'dist/app': MUSL });
		assert.equal(f?.ruleId, 'libc-mismatch');
		assert.match(f.message, /^"\/usr\/local\/bin\/app" \(dist\/app in the build context\) is dynamically linked against musl with the loader "\/lib\/ld-musl-x86_64\.so\.1" .* has glibc 2\.36, not musl/);
		assert.deepEqual(await findings(dockerfile('alpine:3.20'), { 'dist/app': MUSL }), []);
	});
	it('a PIE built without cgo needs only the loader: scratch has none', async () => {
		const [f] = await findings(dockerfile('scratch'), { 'dist/app': PIE_NOCGO });
		assert.match(f?.message ?? '', /but "scratch" has no ELF loader: it will fail to start/);
	});
	it('an arm64 cgo binary names its own loader', async () => {
		const [f] = await findings(dockerfile('alpine:3.20'), { 'dist/app': ARM64_CGO });
		assert.match(f?.message ?? '', /with the loader "\/lib\/ld-linux-aarch64\.so\.1"/);
	});
	it('with libc6-compat in alpine: a warning naming the shim', async () => {
		const texts = { Dockerfile: 'FROM alpine:3.20\nRUN apk add --no-cache libc6-compat\nCOPY dist/app /app\n' };
		const list = await findings(texts, { 'dist/app': CGO });
		const f = list.find((x) => x.ruleId === 'libc-mismatch');
		assert.equal(f?.severity, 'warning');
		assert.match(f.message, /with "libc6-compat" it may start, then fail with "Error relocating …: symbol not found"$/);
	});
	it('an image the knowledge base does not describe: information, never an error', async () => {
		const texts = dockerfile('registry.example.com/base:1');
		const list = await findings(texts, { 'dist/app': CGO });
		assert.deepEqual(summary(texts, list), ['libc-mismatch info "COPY dist/app /app"']);
		assert.match(list[0].message, /^the C library of "registry\.example\.com\/base:1" is not known, so whether "\/app" \(dist\/app in the build context\) \(dynamically linked against glibc with the loader "\/lib64\/ld-linux-x86-64\.so\.2", read from the file in the workspace\) can start there cannot be checked/);
	});
	it('a directory copy and a glob in the last path element reach the binary', async () => {
		const dir = await findings(dockerfile('alpine:3.20', 'COPY dist/ /usr/local/bin/'), { 'dist/app': CGO });
		assert.match(dir[0]?.message ?? '', /^"\/usr\/local\/bin\/app" \(dist\/ in the build context\)/);
		const glob = await findings(dockerfile('alpine:3.20', 'COPY dist/app-* /usr/local/bin/'), { 'dist/app-linux': CGO });
		assert.match(glob[0]?.message ?? '', /^"\/usr\/local\/bin\/app-linux" \(dist\/app-\* in the build context\)/);
	});
	it('the ignore pragma works as for any finding', async () => {
		const texts = { Dockerfile: 'FROM alpine:3.20\n# shipcheck ignore=libc-mismatch the loader is provided by a volume\nCOPY dist/app /app\n' };
		assert.deepEqual(await findings(texts, { 'dist/app': CGO }), []);
	});
});

describe('context binary: glibc-too-old from the file', () => {
	it('GLIBC_2.34 needed, debian:bullseye has 2.31: error naming the symbols that set the floor', async () => {
		const texts = dockerfile('debian:bullseye');
		const list = await findings(texts, { 'dist/app': CGO });
		assert.deepEqual(summary(texts, list), ['glibc-too-old error "COPY dist/app /app"']);
		assert.equal(
			list[0].message,
			`"/app" (dist/app in the build context) needs GLIBC_2.34 for ${CGO_SYMBOLS} (read from the file in the workspace) but "debian:bullseye" has glibc 2.31: it will fail to start with "version \`GLIBC_2.34' not found"`,
		);
		assert.match(list[0].related[0].message, /highest symbol version GLIBC_2\.34; GLIBC_2\.34 is newer than the glibc of .*Debian 11.*Ubuntu 20\.04/);
		assert.equal(list[0].related[1].message, 'runs in "debian:bullseye" (glibc 2.31)');
	});
	for (const image of ['debian:bookworm', 'gcr.io/distroless/base-debian12', 'ubuntu:22.04']) {
		it(`the same binary in ${image} (glibc ≥ 2.34) is silent`, async () => {
			assert.deepEqual(await findings(dockerfile(image), { 'dist/app': CGO }), []);
		});
	}
	it('the older go1.19 cgo binary needs the same floor (read, not predicted from a builder)', async () => {
		const [f] = await findings(dockerfile('ubuntu:20.04'), { 'dist/app': fixtureBytes('go119-linux-amd64-cgo-net') });
		assert.equal(f?.ruleId, 'glibc-too-old');
		assert.match(f.message, /needs GLIBC_2\.34 for .*pthread_create.* but "ubuntu:20\.04" has glibc 2\.31/);
	});
});

describe('context binary: silent when the binary fits or the file says nothing', () => {
	for (const image of ['scratch', 'alpine:3.20', 'debian:bullseye', 'gcr.io/distroless/static-debian12']) {
		it(`a static binary into ${image}`, async () => {
			assert.deepEqual(await findings(dockerfile(image), { 'dist/app': STATIC }), []);
			assert.deepEqual(await findings(dockerfile(image), { 'dist/app': fixtureBytes('go126-linux-amd64-glibc-static') }), []);
		});
	}
	it('a file that is not an executable (a shell script, random bytes, an empty file)', async () => {
		const texts = dockerfile('scratch');
		assert.deepEqual(await findings(texts, { 'dist/app': new TextEncoder().encode('#!/bin/sh\nexec /real-app\n') }), []);
		assert.deepEqual(await findings(texts, { 'dist/app': Uint8Array.from({ length: 4096 }, (_, i) => (i * 131) & 0xff) }), []);
		assert.deepEqual(await findings(texts, { 'dist/app': new Uint8Array(0) }), []);
	});
	it('a truncated or corrupted binary: no finding and no rule failure', async () => {
		const texts = dockerfile('alpine:3.20');
		for (const length of [4, 64, 200, 4096, CGO.length >> 1]) assert.deepEqual(await findings(texts, { 'dist/app': CGO.slice(0, length) }), [], `truncated to ${length}`);
		const corrupt = CGO.slice();
		corrupt.fill(0xff, 0x20, 0x40); // e_phoff, e_shoff and the header sizes
		assert.deepEqual(await findings(texts, { 'dist/app': corrupt }), []);
	});
	it('Mach-O and PE executables are not Linux binaries these rules judge (and are not read past their magic)', async () => {
		const w = workspace(dockerfile('alpine:3.20', 'COPY dist/ /usr/local/bin/'), { 'dist/app': fixtureBytes('go126-darwin-arm64'), 'dist/app.exe': fixtureBytes('go126-windows-amd64') });
		assert.deepEqual((await analyzeIn(w.fs)).findings, []);
		assert.equal(w.bytesRead(), 32, 'two 16-byte headers');
	});
	it('a missing file, a COPY --from and a text file in a copied directory are not judged', async () => {
		assert.deepEqual(await findings(dockerfile('alpine:3.20'), {}), []);
		assert.deepEqual(await findings(dockerfile('alpine:3.20', 'COPY dist/ /srv/'), { 'dist/notes.txt': CGO }), []);
		const staged = { Dockerfile: 'FROM golang:1.22 AS build\nRUN CGO_ENABLED=0 go build -o /app .\nFROM alpine:3.20\nCOPY --from=build /app /app\n' };
		assert.deepEqual(summary(staged, await findings(staged, { app: CGO })).filter((s) => s.startsWith('libc')), []);
	});
});

describe('context binary: is the workspace file what the image gets?', () => {
	it('.dockerignore excluding the file keeps it out of the context; a later !pattern brings it back', async () => {
		const texts = dockerfile('alpine:3.20');
		assert.deepEqual(await findings({ ...texts, '.dockerignore': 'dist/\n' }, { 'dist/app': CGO }), []);
		assert.deepEqual(await findings({ ...texts, '.dockerignore': '**/app\n' }, { 'dist/app': CGO }), []);
		assert.equal((await findings({ ...texts, '.dockerignore': 'dist/*\n!dist/app\n' }, { 'dist/app': CGO }))[0]?.ruleId, 'libc-mismatch');
		assert.equal((await findings({ ...texts, '.dockerignore': '# build outputs\n*.o\n' }, { 'dist/app': CGO }))[0]?.ruleId, 'libc-mismatch');
		assert.deepEqual(await findings({ ...texts, 'Dockerfile.dockerignore': 'dist\n' }, { 'dist/app': CGO }), [], 'the Dockerfile-specific ignore file wins');
	});
	it('1,000 COPY lines over 300 files and a .dockerignore of 2,000 patterns: each file is matched once (was 44 s)', async () => {
		const copies = Array.from({ length: 1_000 }, (_, i) => `COPY bin/tool* /usr/local/bin${i}/\n`).join('');
		const ignore = Array.from({ length: 1_000 }, (_, i) => `bin/x${i}*\n!bin/tool${i}\n`).join('');
		const tools = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`bin/tool${i}`, STATIC]));
		const started = performance.now();
		const result = await findings({ Dockerfile: `FROM alpine:3.20\n${copies}`, '.dockerignore': ignore }, { ...tools, 'bin/tool1': CGO });
		const ms = performance.now() - started;
		assert.deepEqual(new Set(result.map((f) => f.ruleId)), new Set(['libc-mismatch']));
		assert.ok(ms < 10_000, `${ms.toFixed(0)} ms`);
	});
	it('a CI job that builds dist/app before the image build: its prediction is reported, the stale workspace file is not', async () => {
		const workflow = (env: string) => `on: push\njobs:\n  image:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: actions/checkout@v4\n      - run: ${env}go build -o dist/app .\n      - uses: docker/build-push-action@v6\n        with:\n          context: .\n`;
		const base = { 'go.mod': 'module example.com/app\n\ngo 1.22\n', 'main.go': 'package main\n\nimport "net/http"\n\nfunc main() { _ = http.ListenAndServe(":8080", nil) }\n', ...dockerfile('alpine:3.20') };
		// CGO_ENABLED=0 in CI: the image gets a static binary, whatever dist/app holds on this machine.
		assert.deepEqual(await findings({ ...base, '.github/workflows/image.yml': workflow('CGO_ENABLED=0 ') }, { 'dist/app': CGO }), []);
		// cgo on in CI: one finding, the prediction's (it names the build), not a second one from the file.
		const list = await findings({ ...base, '.github/workflows/image.yml': workflow('') }, { 'dist/app': CGO });
		assert.deepEqual(list.map((f) => f.ruleId), ['libc-mismatch']);
		assert.doesNotMatch(list[0].message, /read from the file/);
	});
});

describe('context binary: bounded, cached reads', () => {
	it('reads a small part of the binary, and only its 16-byte header again while the file is unchanged', async () => {
		const texts = dockerfile('alpine:3.20');
		const bytes = CGO.slice(); // a buffer of its own: a fresh version, whatever other tests cached
		const w = workspace(texts, { 'dist/app': bytes });
		await analyzeIn(w.fs);
		const first = w.bytesRead();
		assert.ok(first > 0 && first < bytes.length / 100, `first analysis read ${first} of ${bytes.length} bytes`);
		// A keystroke: the Dockerfile changes, the binary does not.
		const edited = workspace({ Dockerfile: texts.Dockerfile.replace('ENTRYPOINT', '# edited\nENTRYPOINT') }, { 'dist/app': bytes });
		const again = await analyzeIn(edited.fs);
		assert.equal(again.findings[0]?.ruleId, 'libc-mismatch');
		assert.equal(edited.bytesRead(), 16, 'only the header, for the version');
		// A rebuilt binary (a new version) is read again, and judged anew.
		const rebuilt = workspace(texts, { 'dist/app': STATIC.slice() });
		assert.deepEqual((await analyzeIn(rebuilt.fs)).findings, []);
		assert.ok(rebuilt.bytesRead() > 16);
	});
});

describe('context binary: the rule docs show the real messages', () => {
	// The docs' Bad/Good examples are text-only workspaces (test/docs/rule-docs.test.ts); the binary case is
	// documented in prose with a sample message, checked here against the engine.
	for (const [rule, image] of [['libc-mismatch', 'alpine:3.20'], ['glibc-too-old', 'debian:bullseye']] as const) {
		it(`${rule}.md "Binaries in the workspace" quotes the message for a cgo binary in ${image}`, async () => {
			const doc = readFileSync(join(__dirname, `../../server/src/rules/${rule}.md`), 'utf8');
			const section = /^## Binaries in the workspace\n([\s\S]*?)^## /m.exec(doc)?.[1] ?? '';
			const quoted = /^```text\n(.*)\n```$/m.exec(section)?.[1];
			const [f] = await findings(dockerfile(image), { 'dist/app': CGO });
			assert.equal(f?.ruleId, rule);
			assert.equal(quoted, f.message);
		});
	}
});
