import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decideCgo, type CompilerPresence } from '../../../server/src/model/cgo';
import { EMPTY_ENV, withVar, type Env } from '../../../server/src/model/env';

function env(vars: Record<string, string | undefined>): Env {
	let e = EMPTY_ENV;
	for (const [name, value] of Object.entries(vars)) e = withVar(e, { name, value, origin: 'ENV', file: '/Dockerfile', span: { start: 0, end: 1 } });
	return e;
}
const gcc: CompilerPresence = { present: true, reason: 'gcc is present in golang:1.22' };
const none: CompilerPresence = { present: false, reason: 'golang:1.22-alpine has no C compiler' };
const unknown: CompilerPresence = { present: undefined, reason: 'example.com/builder is not in the knowledge base' };

describe('decideCgo (FACTS §3.1)', () => {
	it('explicit CGO_ENABLED wins over everything', () => {
		assert.equal(decideCgo({ env: env({ CGO_ENABLED: '0' }), goVersion: '1.22', compiler: gcc, hostArch: undefined }).state, 'off');
		const on = decideCgo({ env: env({ CGO_ENABLED: '1', GOARCH: 'arm64' }), goVersion: '1.22', compiler: none, hostArch: 'amd64' });
		assert.equal(on.state, 'on');
		assert.equal(on.reason, 'explicit');
		assert.deepEqual(on.setAt, { file: '/Dockerfile', span: { start: 0, end: 1 } });
	});
	it('an explicit value only known at build time is unknown', () => {
		assert.equal(decideCgo({ env: env({ CGO_ENABLED: undefined }), goVersion: '1.22', compiler: gcc, hostArch: undefined }).reason, 'explicit-unknown');
	});
	it('native build with gcc defaults to on', () => {
		const d = decideCgo({ env: EMPTY_ENV, goVersion: '1.22', compiler: gcc, hostArch: undefined });
		assert.equal(d.state, 'on');
		assert.equal(d.reason, 'default-native');
		assert.match(d.explanation, /gcc is present/);
	});
	it('Go 1.20+ without a C compiler defaults to off', () => {
		assert.deepEqual([decideCgo({ env: EMPTY_ENV, goVersion: '1.20', compiler: none, hostArch: undefined }).state, decideCgo({ env: EMPTY_ENV, goVersion: '1.20', compiler: none, hostArch: undefined }).reason], ['off', 'default-no-compiler']);
	});
	it('Go 1.19 without a C compiler still defaults to on', () => {
		assert.equal(decideCgo({ env: EMPTY_ENV, goVersion: '1.19', compiler: none, hostArch: undefined }).state, 'on');
	});
	it('CC set counts as a compiler for the native default', () => {
		assert.equal(decideCgo({ env: env({ CC: 'clang' }), goVersion: '1.22', compiler: none, hostArch: undefined }).state, 'on');
	});
	it('cross builds default to off, and CC alone does not turn cgo on', () => {
		const d = decideCgo({ env: env({ GOARCH: 'arm64', CC: 'aarch64-linux-gnu-gcc' }), goVersion: '1.22', compiler: gcc, hostArch: 'amd64' });
		assert.equal(d.state, 'off');
		assert.equal(d.reason, 'default-cross');
		assert.equal(decideCgo({ env: env({ GOOS: 'windows' }), goVersion: '1.22', compiler: gcc, hostArch: undefined }).reason, 'default-cross');
	});
	it('GOARCH without a known host architecture is undecided', () => {
		assert.equal(decideCgo({ env: env({ GOARCH: 'arm64' }), goVersion: '1.22', compiler: gcc, hostArch: undefined }).reason, 'unknown-platform');
	});
	it('GOARCH equal to the host architecture is a native build', () => {
		assert.equal(decideCgo({ env: env({ GOARCH: 'amd64' }), goVersion: '1.22', compiler: gcc, hostArch: 'amd64' }).state, 'on');
	});
	it('unknown compiler presence on Go 1.20+ is unknown', () => {
		assert.equal(decideCgo({ env: EMPTY_ENV, goVersion: '1.22', compiler: unknown, hostArch: undefined }).reason, 'unknown-compiler');
		assert.equal(decideCgo({ env: EMPTY_ENV, goVersion: undefined, compiler: none, hostArch: undefined }).reason, 'unknown-go-version');
	});
});
