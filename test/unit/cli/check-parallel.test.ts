import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseArgs, UsageError } from '../../../server/src/cli/args';
import { balance, checkBatch, disjointReads, inBatchesOf, independentShares, threadCount } from '../../../server/src/cli/parallel';
import { memoryFileSystem } from '../../../server/src/model/file-system';
import { NodeFileSystem } from '../../../server/src/node/fs-view';
import { projectFilesUnder } from '../../../server/src/rules/discover';
import { initNodeParsers } from '../../../server/src/node/wasm';
import { DEFAULT_CONFIG } from '../../../server/src/rules/config';
import type { Parsers } from '../../../server/src/parse/tree-sitter';

const root = resolve(__dirname, '../../..');
const cli = join(root, 'server/out/cli.js');

const CGO_INTO_ALPINE = 'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\n\nFROM alpine:3.20\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]\n';
const STATIC_INTO_SCRATCH = 'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /app .\n\nFROM scratch\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]\n';
const goMod = (name: string, extra = '') => `module example.com/${name}\n\ngo 1.22\n${extra}`;

describe('shipcheck check --jobs', () => {
	it('parses --jobs as a whole number and rejects anything else', () => {
		assert.equal((parseArgs(['check', '.', '--jobs', '3']) as { jobs?: number }).jobs, 3);
		assert.equal((parseArgs(['check', '.']) as { jobs?: number }).jobs, undefined);
		for (const bad of ['0', '-1', '1.5', 'two', '']) assert.throws(() => parseArgs(['check', '--jobs', bad]), UsageError, bad);
	});

	it('uses one thread per two idle cores from the file threshold, or what --jobs asks, and never more threads than shares', () => {
		assert.equal(threadCount(50, 10, undefined, 8), 1);
		assert.equal(threadCount(5000, 1, undefined, 8), 1);
		assert.equal(threadCount(5000, 10, undefined, 8), 4, 'one thread per two idle cores');
		assert.equal(threadCount(5000, 10, undefined, 2), 1, 'on two cores one thread is faster');
		assert.equal(threadCount(5000, 10, undefined, 1), 1, 'no idle core to spare');
		assert.equal(threadCount(50, 10, 4), 4);
		assert.equal(threadCount(50, 3, 8), 3);
		assert.equal(threadCount(5000, 10, 1), 1);
	});

	it('splits a folder only by its top-level folders, and not at all when it is a repository or inside a module', () => {
		const tree: Record<string, string> = { '/w/a/Dockerfile': '', '/w/a/go.mod': '', '/w/b/svc/Dockerfile': '', '/w/b/go.mod': '' };
		const files = Object.keys(tree);
		assert.deepEqual(independentShares(memoryFileSystem(tree), '/w', files), [['/w/a/Dockerfile', '/w/a/go.mod'], ['/w/b/svc/Dockerfile', '/w/b/go.mod']]);
		const markers = { 'go.mod': '/w/go.mod', '.git/': '/w/.git/HEAD', '.github/': '/w/.github/workflows/ci.yml', '.gitlab-ci.yml': '/w/.gitlab-ci.yml', '.goreleaser.yaml': '/w/.goreleaser.yaml', 'a go.mod above': '/go.mod' };
		for (const [marker, path] of Object.entries(markers)) assert.equal(independentShares(memoryFileSystem({ ...tree, [path]: 'module x\n' }), '/w', files), undefined, marker);
		assert.equal(independentShares(memoryFileSystem({ ...tree, '/w/Dockerfile': '' }), '/w', [...files, '/w/Dockerfile']), undefined, 'a file directly in the folder');
	});

	it('balances shares by file count, largest first', () => {
		const batches = balance([['a1'], ['b1', 'b2', 'b3'], ['c1', 'c2'], ['d1']], 2);
		assert.deepEqual(batches.map((b) => b.length).sort(), [3, 4]);
		assert.deepEqual(balance([['a1']], 4), [['a1']], 'no empty batches');
	});

	describe('read sets', () => {
		let parsers: Parsers;
		before(async () => {
			parsers = await initNodeParsers();
		});

		it('separate projects read separate files; two folders under one go.mod share it, so their results are not combined', () => {
			const fs = memoryFileSystem({
				'/w/a/go.mod': goMod('a'),
				'/w/a/Dockerfile': CGO_INTO_ALPINE,
				'/w/b/go.mod': goMod('b'),
				'/w/b/Dockerfile': STATIC_INTO_SCRATCH,
				'/m/go.mod': goMod('m'),
				'/m/root/x/Dockerfile': CGO_INTO_ALPINE,
				'/m/root/y/Dockerfile': CGO_INTO_ALPINE,
			});
			const batch = (files: string[]) => checkBatch({ files, config: DEFAULT_CONFIG, cwd: '/' }, parsers, fs);
			const separate = [batch(['/w/a/Dockerfile', '/w/a/go.mod']), batch(['/w/b/Dockerfile', '/w/b/go.mod'])];
			assert.ok(separate[0].read.includes('/w/a/go.mod') && separate[0].read.includes('/w/a/Dockerfile'), separate[0].read.join(', '));
			assert.ok(disjointReads(separate));
			assert.deepEqual(separate[0].findings.map((f) => `${f.file} ${f.finding.ruleId}`), ['w/a/Dockerfile libc-mismatch']);
			const shared = [batch(['/m/root/x/Dockerfile']), batch(['/m/root/y/Dockerfile'])];
			assert.ok(shared.every((r) => r.read.includes('/m/go.mod')));
			assert.equal(disjointReads(shared), false);
		});
	});

	describe('the bundled CLI', { skip: !existsSync(cli) && 'not built (npm run build)' }, () => {
		let dir: string;
		const write = (path: string, text: string) => {
			mkdirSync(dirname(join(dir, path)), { recursive: true });
			writeFileSync(join(dir, path), text);
		};
		const run = (args: string[]) => {
			const result = spawnSync(process.execPath, [cli, 'check', ...args, '--format', 'json'], { cwd: dir, encoding: 'utf8' });
			return { status: result.status, stdout: result.stdout, stderr: result.stderr };
		};
		before(() => {
			dir = mkdtempSync(join(tmpdir(), 'shipcheck-jobs-'));
			for (let i = 0; i < 6; i++) {
				write(`corpus/svc-${i}/main.go`, 'package main\n\nimport "net/http"\n\nfunc main() { _ = http.ListenAndServe(":8080", nil) }\n');
				write(`corpus/svc-${i}/go.mod`, goMod(`svc${i}`, i % 3 === 0 ? 'require github.com/mattn/go-sqlite3 v1.14.22\n' : ''));
				write(`corpus/svc-${i}/Dockerfile`, i % 2 === 0 ? CGO_INTO_ALPINE : i === 3 ? STATIC_INTO_SCRATCH : STATIC_INTO_SCRATCH.replace('CGO_ENABLED=0 ', ''));
			}
			write('module/go.mod', goMod('m'));
			write('module/main.go', 'package main\n\nimport "net"\n\nfunc main() { _, _ = net.Dial("tcp", "x:1") }\n');
			write('module/services/x/Dockerfile', CGO_INTO_ALPINE);
			write('module/services/y/Dockerfile', STATIC_INTO_SCRATCH);
		});
		after(() => rmSync(dir, { recursive: true, force: true }));

		it('prints the same findings, in the same order, with one thread and with several', () => {
			const one = run(['corpus', '--jobs', '1']);
			const three = run(['corpus', '--jobs', '3']);
			assert.equal(one.status, 1, one.stderr);
			assert.equal(three.status, 1, three.stderr);
			assert.equal(three.stdout, one.stdout);
			const files = (JSON.parse(one.stdout) as { findings: { file: string }[] }).findings.map((f) => f.file);
			assert.ok(new Set(files).size >= 3, `findings in several projects: ${files.join(', ')}`);
			assert.deepEqual(files, [...files].sort(), 'sorted by file');
		});

		it('the corpus really is analysed apart: its threads read no file in common, so their results are kept', async () => {
			const fs = new NodeFileSystem();
			const root = join(dir, 'corpus');
			const files = projectFilesUnder(fs, root);
			const shares = independentShares(fs, root, files);
			assert.equal(shares?.length, 6);
			const parsers = await initNodeParsers();
			const results = balance(shares, 3).map((batch) => checkBatch({ files: batch, config: DEFAULT_CONFIG, cwd: dir }, parsers, fs));
			assert.equal(results.length, 3);
			assert.ok(disjointReads(results));
		});

		it('on one thread, more than 100 files are analysed in batches of projects: the same findings as each project alone', () => {
			for (let i = 0; i < 60; i++) {
				write(`big/svc-${i}/main.go`, 'package main\n\nimport "net/http"\n\nfunc main() { _ = http.ListenAndServe(":8080", nil) }\n');
				write(`big/svc-${i}/go.mod`, goMod(`svc${i}`, i % 3 === 0 ? 'require github.com/mattn/go-sqlite3 v1.14.22\n' : ''));
				write(`big/svc-${i}/Dockerfile`, i % 2 === 0 ? CGO_INTO_ALPINE : STATIC_INTO_SCRATCH);
			}
			// A Dockerfile and a go.mod each: 120 files, two batches.
			assert.equal(projectFilesUnder(new NodeFileSystem(), join(dir, 'big')).length, 120);
			const batched = run(['big', '--jobs', '1']);
			assert.equal(batched.status, 1, batched.stderr);
			const alone = run([...Array.from({ length: 60 }, (_, i) => `big/svc-${i}`), '--jobs', '1']);
			assert.equal(batched.stdout, alone.stdout);
			assert.equal((JSON.parse(batched.stdout) as { findings: unknown[] }).findings.length >= 20, true);
		});

		it('batches join whole projects until each holds at least the batch size', () => {
			assert.deepEqual(inBatchesOf(3, [['a1', 'a2'], ['b1'], ['c1', 'c2', 'c3'], ['d1']]), [['a1', 'a2', 'b1'], ['c1', 'c2', 'c3'], ['d1']]);
			assert.deepEqual(inBatchesOf(100, [['a'], ['b']]), [['a', 'b']]);
			assert.deepEqual(inBatchesOf(1, []), []);
		});

		it('folders that share a go.mod above them give the same result as one analysis', () => {
			const one = run(['module/services', '--jobs', '1']);
			const two = run(['module/services', '--jobs', '2']);
			assert.equal(two.stderr, '');
			assert.equal(two.stdout, one.stdout);
			assert.ok(one.stdout.includes('libc-mismatch'), one.stdout);
		});
	});
});
