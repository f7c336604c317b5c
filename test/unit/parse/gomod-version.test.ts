// Go version ordering (internal/gover) and module version helpers (x/mod/semver, x/mod/module).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
	canonicalModuleVersion,
	checkPathMajor,
	compareGoVersions,
	compareSemver,
	goLangVersion,
	isLangVersion,
	isValidGoDirectiveVersion,
	isValidGoVersion,
	isValidSemver,
	isValidToolchainName,
	maxGoVersion,
	parseGoVersion,
	pathMajor,
	semverMajor,
	toolchainGoVersion,
} from '../../../server/src/parse/gomod';

describe('compareGoVersions (gover.Compare)', () => {
	it('orders a list of versions exactly', () => {
		const ordered = ['1.9', '1.9.1', '1.19', '1.20', '1.20.1', '1.21', '1.21rc1', '1.21rc2', '1.21.0', '1.21.1', '1.21.10', '1.22beta1', '1.22rc1', '1.22.0', '2.0'];
		for (let i = 0; i < ordered.length; i++) {
			for (let j = 0; j < ordered.length; j++) {
				const want = i < j ? -1 : i > j ? 1 : 0;
				assert.equal(compareGoVersions(ordered[i], ordered[j]), want, `${ordered[i]} vs ${ordered[j]}`);
			}
		}
	});

	it('treats 1.21 < 1.21rc1 < 1.21.0 (language version first)', () => {
		assert.equal(compareGoVersions('1.21', '1.21rc1'), -1);
		assert.equal(compareGoVersions('1.21rc1', '1.21.0'), -1);
		assert.equal(compareGoVersions('1.21', '1.21.0'), -1);
		assert.equal(compareGoVersions('1.21.0', '1.21.1'), -1);
	});

	it('treats a missing patch before 1.21 as .0', () => {
		assert.equal(compareGoVersions('1.20', '1.20.0'), 0);
		assert.equal(compareGoVersions('1', '1.0.0'), 0);
		assert.equal(compareGoVersions('1.19', '1.19rc1'), 1);
	});

	it('orders alpha < beta < rc, and a patch prerelease before its release', () => {
		assert.equal(compareGoVersions('1.22alpha1', '1.22beta1'), -1);
		assert.equal(compareGoVersions('1.22beta2', '1.22rc1'), -1);
		assert.equal(compareGoVersions('1.21.3rc1', '1.21.3'), -1);
		assert.equal(compareGoVersions('1.21.3', '1.21.3rc1'), 1);
		assert.equal(compareGoVersions('1.21.2', '1.21.3rc1'), -1);
	});

	it('compares numbers numerically and accepts a go prefix', () => {
		assert.equal(compareGoVersions('1.9', '1.10'), -1);
		assert.equal(compareGoVersions('go1.21.0', '1.21.0'), 0);
		assert.equal(compareGoVersions('go1.22', 'go1.21.9'), 1);
	});

	it('sorts malformed versions first and equal to each other', () => {
		assert.equal(compareGoVersions('junk', '1.0'), -1);
		assert.equal(compareGoVersions('1.0', 'junk'), 1);
		assert.equal(compareGoVersions('junk', '1.2.3.4'), 0);
	});

	it('maxGoVersion picks the later one', () => {
		assert.equal(maxGoVersion('1.21', '1.21.0'), '1.21.0');
		assert.equal(maxGoVersion('1.22.1', '1.21.9'), '1.22.1');
	});
});

describe('parseGoVersion and friends', () => {
	it('parses the parts', () => {
		assert.deepEqual(parseGoVersion('1.21rc2'), { major: '1', minor: '21', patch: '', kind: 'rc', pre: '2' });
		assert.deepEqual(parseGoVersion('1.20'), { major: '1', minor: '20', patch: '0', kind: '', pre: '' });
		assert.deepEqual(parseGoVersion('go1.22.3'), { major: '1', minor: '22', patch: '3', kind: '', pre: '' });
		assert.equal(parseGoVersion('1.21.'), undefined);
		assert.equal(parseGoVersion('1.021'), undefined);
		assert.equal(parseGoVersion('1.21rc1x'), undefined);
		assert.equal(parseGoVersion(''), undefined);
	});

	it('tells language versions from releases', () => {
		assert.equal(isLangVersion('1.21'), true);
		assert.equal(isLangVersion('1.21.0'), false);
		assert.equal(isLangVersion('1.21rc1'), false);
		assert.equal(isLangVersion('1.20'), false); // 1.20 means 1.20.0
		assert.equal(goLangVersion('1.21.3'), '1.21');
		assert.equal(goLangVersion('1.21rc1'), '1.21');
		assert.equal(goLangVersion('1.0.5'), '1');
		assert.equal(goLangVersion('nope'), '');
	});

	it('validates go directive versions and toolchain names as modfile does', () => {
		assert.equal(isValidGoDirectiveVersion('1.21'), true);
		assert.equal(isValidGoDirectiveVersion('1.21.0rc1'), true);
		assert.equal(isValidGoDirectiveVersion('1'), false);
		assert.equal(isValidGoVersion('1'), true); // gover accepts it, the go line does not
		assert.equal(isValidToolchainName('default'), true);
		assert.equal(isValidToolchainName('go1.21.0'), true);
		assert.equal(isValidToolchainName('go10.1'), false);
		assert.equal(isValidToolchainName('local'), false);
	});

	it('turns toolchain names into versions (gover.FromToolchain)', () => {
		assert.equal(toolchainGoVersion('go1.21.3'), '1.21.3');
		assert.equal(toolchainGoVersion('go1.22.0-custom'), '1.22.0');
		assert.equal(toolchainGoVersion('gccgo-go1.21.1'), '1.21.1');
		assert.equal(toolchainGoVersion('default'), undefined);
		assert.equal(toolchainGoVersion('go1.21/x'), undefined);
		assert.equal(toolchainGoVersion('gojunk'), undefined);
	});
});

describe('module versions (x/mod/semver, x/mod/module)', () => {
	it('validates and canonicalizes', () => {
		for (const v of ['v1', 'v1.2', 'v1.2.3', 'v1.2.3-pre.1', 'v1.2.3+build.5', 'v0.0.0-20230102150405-abcdef123456', 'v2.0.0+incompatible']) {
			assert.equal(isValidSemver(v), true, v);
		}
		for (const v of ['1.2.3', 'v1.2.3.4', 'v01.2.3', 'v1.2.3-', 'v1.2.3-01', 'v1.2.3-a..b', 'v1.2.3+', 'v1-pre', 'V1.2.3', '']) {
			assert.equal(isValidSemver(v), false, v);
		}
		assert.equal(canonicalModuleVersion('v1.2'), 'v1.2.0');
		assert.equal(canonicalModuleVersion('v1'), 'v1.0.0');
		assert.equal(canonicalModuleVersion('v1.2.3+meta'), 'v1.2.3');
		assert.equal(canonicalModuleVersion('v2.0.0+incompatible'), 'v2.0.0+incompatible');
		assert.equal(canonicalModuleVersion('nope'), undefined);
		assert.equal(semverMajor('v3.1.0'), 'v3');
	});

	it('compares semver with prerelease rules', () => {
		assert.equal(compareSemver('v1.2.3', 'v1.10.0'), -1);
		assert.equal(compareSemver('v1.2.3-alpha', 'v1.2.3'), -1);
		assert.equal(compareSemver('v1.2.3-alpha.2', 'v1.2.3-alpha.10'), -1);
		assert.equal(compareSemver('v1.2.3-alpha.1', 'v1.2.3-alpha.beta'), -1);
		assert.equal(compareSemver('v1.2', 'v1.2.0'), 0);
		assert.equal(compareSemver('bad', 'v0.0.1'), -1);
	});

	it('splits major version suffixes from paths', () => {
		assert.equal(pathMajor('example.com/m'), '');
		assert.equal(pathMajor('example.com/m/v2'), '/v2');
		assert.equal(pathMajor('gopkg.in/yaml.v3'), '.v3');
		assert.equal(pathMajor('gopkg.in/check.v1-unstable'), '.v1-unstable');
		assert.equal(pathMajor('example.com/m/v1'), undefined);
		assert.equal(pathMajor('example.com/m/v0'), undefined);
		assert.equal(pathMajor('example.com/m/v2.1'), undefined);
		assert.equal(pathMajor('gopkg.in/yaml'), undefined);
		assert.equal(checkPathMajor('v2.0.0', '/v2'), undefined);
		assert.equal(checkPathMajor('v2.0.0', ''), 'should be v0 or v1, not v2');
		assert.equal(checkPathMajor('v1.0.0', '.v1-unstable'), undefined);
	});
});
