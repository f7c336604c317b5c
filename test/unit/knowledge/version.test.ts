import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareDottedVersions, compareGoVersions, goAtLeast, goMinor, isIsoDate, parseGoVersion } from '../../../server/src/knowledge';

describe('Go versions', () => {
	it('parses the usual spellings', () => {
		assert.deepEqual(parseGoVersion('1.22'), { major: 1, minor: 22 });
		assert.deepEqual(parseGoVersion('go1.22.5'), { major: 1, minor: 22, patch: 5 });
		assert.deepEqual(parseGoVersion('1.23rc1'), { major: 1, minor: 23, pre: { kind: 'rc', n: 1 } });
		assert.equal(parseGoVersion('1'), undefined);
		assert.equal(parseGoVersion('latest'), undefined);
	});

	it('orders language version < pre-release < release < patch', () => {
		const order = ['1.20.14', '1.21', '1.21rc1', '1.21rc2', '1.21.0', '1.21.1', '1.21.10', '1.22'];
		for (let i = 0; i + 1 < order.length; i++) {
			assert.ok(compareGoVersions(order[i], order[i + 1]) < 0, `${order[i]} < ${order[i + 1]}`);
		}
		assert.equal(compareGoVersions('go1.21.0', '1.21.0'), 0);
		assert.ok(compareGoVersions('1.9', '1.10') < 0);
	});

	it('answers goAtLeast', () => {
		assert.equal(goAtLeast('1.21.5', '1.21'), true);
		assert.equal(goAtLeast('1.20.14', '1.21'), false);
		assert.equal(goAtLeast('nonsense', '1.21'), undefined);
		assert.equal(goMinor('1.22.5'), '1.22');
	});

	it('throws on unparseable input to compareGoVersions', () => {
		assert.throws(() => compareGoVersions('x', '1.2'));
	});
});

describe('dotted versions and dates', () => {
	it('compares glibc and musl versions numerically', () => {
		assert.ok(compareDottedVersions('2.31', '2.34') < 0);
		assert.ok(compareDottedVersions('2.4', '2.36') < 0);
		assert.equal(compareDottedVersions('2.36', '2.36.0'), 0);
		assert.ok(compareDottedVersions('1.2.4_git20230717', '1.2.5') < 0);
		assert.equal(compareDottedVersions('1.2.4_git20230717', '1.2.4'), 0);
	});

	it('validates ISO dates', () => {
		assert.ok(isIsoDate('2026-08-21'));
		assert.ok(isIsoDate('2024-02-29'));
		assert.ok(!isIsoDate('2023-02-29'));
		assert.ok(!isIsoDate('2026-13-01'));
		assert.ok(!isIsoDate('2026-8-21'));
	});
});
