import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CgoDecision } from '../../../server/src/model/cgo';
import { predictLinkage, type BuildFlagsForLinkage, type ProgramCgoUse } from '../../../server/src/model/linkage';

const on: CgoDecision = { state: 'on', reason: 'default-native', explanation: 'cgo on' };
const off: CgoDecision = { state: 'off', reason: 'explicit', explanation: 'CGO_ENABLED=0 is set' };
const noFlags: BuildFlagsForLinkage = { buildmode: undefined, linkmodeExternal: false, extldflagsStatic: false, extldflagsStaticPie: false, race: false, tags: [] };
const server: ProgramCgoUse = { sourcesVisible: true, ownCgoFiles: [], importsNet: true, importsOsUser: false, thirdPartyImports: [], cgoModules: [] };
const bookworm = { family: 'glibc' as const, version: '2.36' };
const bullseye = { family: 'glibc' as const, version: '2.31' };

describe('predictLinkage', () => {
	it('cgo off: static', () => {
		assert.equal(predictLinkage({ cgo: off, flags: noFlags, program: server, builderLibc: bookworm }).kind, 'static');
	});
	it('cgo off with -buildmode=pie: needs the loader of the builder (FACTS §3.5)', () => {
		const l = predictLinkage({ cgo: off, flags: { ...noFlags, buildmode: 'pie' }, program: server, builderLibc: bookworm });
		assert.equal(l.kind, 'dynamic');
		assert.ok(l.kind === 'dynamic' && l.loaderOnly && l.libc === 'glibc');
	});
	it('cgo on, program imports net: dynamic glibc with the 2.34 floor on glibc ≥ 2.34 (FACTS §4.3)', () => {
		const l = predictLinkage({ cgo: on, flags: noFlags, program: { ...server, thirdPartyImports: ['github.com/go-chi/chi/v5'] }, builderLibc: bookworm });
		assert.ok(l.kind === 'dynamic');
		assert.deepEqual([l.libc, l.certainty, l.glibcFloor], ['glibc', 'certain', { atLeast: '2.34', atMost: '2.36' }]);
	});
	it('only Go\'s own C code (net, os/user, -race), builder glibc ≤ 2.36: exactly 2.34, as measured', () => {
		const exact = { atLeast: '2.34', atMost: '2.34' };
		for (const flags of [noFlags, { ...noFlags, race: true }, { ...noFlags, linkmodeExternal: true }, { ...noFlags, buildmode: 'pie' }]) {
			const l = predictLinkage({ cgo: on, flags, program: { ...server, importsOsUser: true }, builderLibc: bookworm });
			assert.deepEqual(l.kind === 'dynamic' && l.glibcFloor, exact);
		}
		const ubuntu2204 = predictLinkage({ cgo: on, flags: noFlags, program: server, builderLibc: { family: 'glibc', version: '2.35' } });
		assert.deepEqual(ubuntu2204.kind === 'dynamic' && ubuntu2204.glibcFloor, exact);
	});
	it('the exact 2.34 is not claimed where it was not measured or other C code may be linked', () => {
		const range = (program: ProgramCgoUse, version = '2.36', flags = noFlags) => {
			const l = predictLinkage({ cgo: on, flags, program, builderLibc: { family: 'glibc', version } });
			return l.kind === 'dynamic' ? l.glibcFloor : undefined;
		};
		assert.deepEqual(range(server, '2.41'), { atLeast: '2.34', atMost: '2.41' }, 'trixie: not measured');
		assert.deepEqual(range({ ...server, ownCgoFiles: ['db.go'] }), { atLeast: '2.34', atMost: '2.36' }, 'its own import "C"');
		assert.deepEqual(range({ ...server, cgoModules: [{ path: 'github.com/mattn/go-sqlite3', imported: false }] }), { atLeast: '2.34', atMost: '2.36' }, 'a cgo module');
		assert.deepEqual(range({ ...server, sourcesTruncated: true }), { atLeast: '2.34', atMost: '2.36' }, 'sources not all read');
		assert.deepEqual(range({ ...server, sourcesVisible: false }), { atLeast: '2.34', atMost: '2.36' }, 'no sources');
		assert.deepEqual(range(server, '2.36', { ...noFlags, buildmode: 'c-shared' }), { atLeast: '2.34', atMost: '2.36' }, 'c-shared');
	});
	it('cgo on a glibc < 2.34 builder: only an upper bound', () => {
		const l = predictLinkage({ cgo: on, flags: noFlags, program: server, builderLibc: bullseye });
		assert.ok(l.kind === 'dynamic');
		assert.deepEqual(l.glibcFloor, { atLeast: undefined, atMost: '2.31' });
	});
	it('cgo on with netgo,osusergo and no other cgo user: static (SCENARIOS trap)', () => {
		const l = predictLinkage({ cgo: on, flags: { ...noFlags, tags: ['netgo', 'osusergo'] }, program: { ...server, importsOsUser: true }, builderLibc: bookworm });
		assert.equal(l.kind, 'static');
	});
	it('netgo without osusergo leaves os/user on libc', () => {
		const l = predictLinkage({ cgo: on, flags: { ...noFlags, tags: ['netgo'] }, program: { ...server, importsOsUser: true }, builderLibc: bookworm });
		assert.equal(l.kind, 'dynamic');
	});
	it('a program that imports neither net nor os/user is static even with cgo on (SCENARIOS trap)', () => {
		assert.equal(predictLinkage({ cgo: on, flags: noFlags, program: { ...server, importsNet: false }, builderLibc: bookworm }).kind, 'static');
	});
	it('-linkmode external -extldflags -static: static; -static-pie: static-pie', () => {
		assert.equal(predictLinkage({ cgo: on, flags: { ...noFlags, linkmodeExternal: true, extldflagsStatic: true }, program: server, builderLibc: bookworm }).kind, 'static');
		assert.equal(predictLinkage({ cgo: on, flags: { ...noFlags, linkmodeExternal: true, extldflagsStaticPie: true }, program: server, builderLibc: bookworm }).kind, 'static-pie');
	});
	it('no visible sources: assumes net and says so', () => {
		const l = predictLinkage({ cgo: on, flags: noFlags, program: { ...server, sourcesVisible: false }, builderLibc: bookworm });
		assert.ok(l.kind === 'dynamic' && l.certainty === 'assumed');
		assert.match(l.because, /assumed to import net/);
	});
	it('-race always links cgo', () => {
		const l = predictLinkage({ cgo: on, flags: { ...noFlags, race: true }, program: { ...server, importsNet: false }, builderLibc: { family: 'musl' } });
		assert.ok(l.kind === 'dynamic' && l.libc === 'musl' && l.certainty === 'certain');
	});
	it('unknown cgo state gives unknown linkage', () => {
		assert.equal(predictLinkage({ cgo: { state: 'unknown', reason: 'unknown-compiler', explanation: 'x' }, flags: noFlags, program: server, builderLibc: bookworm }).kind, 'unknown');
	});
});
