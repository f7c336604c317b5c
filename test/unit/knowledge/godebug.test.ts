import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allGodebugKeys, GODEBUG_SETTINGS, lookupGodebug } from '../../../server/src/knowledge';

describe('lookupGodebug', () => {
	it('clock_gettime64 is not a setting (false claim with explanation)', () => {
		for (const v of [undefined, '1.20.9', '1.27']) {
			const r = lookupGodebug('clock_gettime64', v);
			assert.equal(r.status, 'unknown');
			assert.equal(r.reason, 'false-claim');
			assert.match(r.falseClaim?.truth ?? '', /vDSO/);
		}
	});
	it('x509sha1 was removed in 1.24', () => {
		assert.equal(lookupGodebug('x509sha1', '1.23').status, 'known');
		const r = lookupGodebug('x509sha1', '1.24');
		assert.equal(r.status, 'removed');
		assert.equal(r.removedIn, '1.24');
		assert.equal(lookupGodebug('x509sha1', '1.17').status, 'unknown');
	});
	it('panicnil is known in 1.21+ and unknown in 1.20', () => {
		assert.equal(lookupGodebug('panicnil', '1.21').status, 'known');
		assert.equal(lookupGodebug('panicnil', 'go1.22.5').status, 'known');
		const r = lookupGodebug('panicnil', '1.20');
		assert.equal(r.status, 'unknown');
		assert.equal(r.reason, 'added-later');
		assert.equal(r.addedIn, '1.21');
		assert.equal(r.setting?.oldValue, '1');
	});
	it('settings removed in 1.27', () => {
		for (const k of ['gotypesalias', 'tls10server', 'tlsrsakex', 'tlsunsafeekm', 'asynctimerchan', 'tls3des', 'x509keypairleaf']) {
			assert.equal(lookupGodebug(k, '1.27').status, 'removed', k);
			assert.equal(lookupGodebug(k, '1.26').status, 'known', k);
		}
		assert.equal(lookupGodebug('tlskyber', '1.24').status, 'removed');
	});
	it('backports and point-release additions', () => {
		assert.equal(lookupGodebug('tlsmaxrsasize', '1.20.8').status, 'known');
		assert.equal(lookupGodebug('tlsmaxrsasize', '1.20.7').status, 'unknown');
		assert.equal(lookupGodebug('tlsmaxrsasize', '1.20').dependsOnPatch, '1.20.8');
		assert.equal(lookupGodebug('disablethp', '1.21.6').status, 'known');
		assert.equal(lookupGodebug('disablethp', '1.21').dependsOnPatch, '1.21.6');
		assert.equal(lookupGodebug('netedns0', '1.22.5').status, 'known');
		assert.equal(lookupGodebug('netedns0', '1.22.4').status, 'unknown');
		assert.equal(lookupGodebug('netedns0', '1.23').status, 'known');
	});
	it('approximate added-in versions are flagged', () => {
		const r = lookupGodebug('htmlmetacontenturlescape', '1.26');
		assert.equal(r.status, 'unknown');
		assert.equal(r.addedInUncertain, true);
	});
	it('runtime-only variables and cpu.* are known', () => {
		const g = lookupGodebug('gctrace', '1.22');
		assert.equal(g.status, 'known');
		assert.equal(g.setting?.runtimeOnly, true);
		assert.equal(lookupGodebug('cpu.avx', '1.22').status, 'known');
		assert.equal(lookupGodebug('madvdontneed').status, 'known');
	});
	it('unknown keys', () => {
		const r = lookupGodebug('foo', '1.22');
		assert.equal(r.status, 'unknown');
		assert.equal(r.reason, 'not-a-setting');
		assert.equal(lookupGodebug('cpu.').status, 'unknown');
	});
	it('without a version, table keys are known or removed', () => {
		assert.equal(lookupGodebug('netdns').status, 'known');
		assert.equal(lookupGodebug('x509sha1').status, 'removed');
	});
	it('has no duplicate keys and covers FACTS §1.2', () => {
		const keys = GODEBUG_SETTINGS.map((s) => s.key);
		assert.equal(new Set(keys).size, keys.length);
		assert.equal(new Set(allGodebugKeys()).size, allGodebugKeys().length);
		for (const k of ['netdns', 'http2client', 'gocachetest', 'multipathtcp', 'fips140', 'containermaxprocs', 'httpcookiemaxnum', 'tracebacklabels', 'x509sslcertoverrideplatform']) {
			assert.ok(keys.includes(k), k);
		}
	});
});
