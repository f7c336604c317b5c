// `ignore:` globs of .shipcheck.yaml (and the VS Code setting): what they match, and that a long list is compiled
// once rather than once per file.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_CONFIG, isIgnoredPath, mergeConfigs } from '../../../server/src/rules/config';

const ignoring = (...ignorePaths: string[]) => mergeConfigs(DEFAULT_CONFIG, { ignorePaths });

describe('ignore globs', () => {
	it('** spans folders, * and ? stay within a name, a match on a folder covers what is under it', () => {
		const config = ignoring('vendor', 'testdata/**', 'deploy/*.yml', 'legacy?/Dockerfile');
		assert.ok(isIgnoredPath('vendor/x/Dockerfile', config));
		assert.ok(isIgnoredPath('testdata/a/b/go.mod', config));
		assert.ok(isIgnoredPath('deploy/ci.yml', config));
		assert.ok(!isIgnoredPath('deploy/sub/ci.yml', config));
		assert.ok(isIgnoredPath('legacy1/Dockerfile', config));
		assert.ok(!isIgnoredPath('legacy10/Dockerfile', config));
		assert.ok(!isIgnoredPath('src/vendor.go', config));
		assert.ok(!isIgnoredPath('a.b/Dockerfile', ignoring('a?b/x')), 'a ? never matches a slash');
		assert.ok(!isIgnoredPath('axb/Dockerfile', ignoring('a.b')), 'a dot is literal');
	});

	it('2,000 globs over 2,000 paths: each glob is compiled once (was once per path: 10 s for the bench corpus)', () => {
		const config = ignoring(...Array.from({ length: 2_000 }, (_, i) => `vendor${i}/**`));
		const started = performance.now();
		let ignored = 0;
		for (let i = 0; i < 2_000; i++) if (isIgnoredPath(`vendor${i}/svc/Dockerfile`, config)) ignored++;
		const ms = performance.now() - started;
		assert.equal(ignored, 2_000);
		assert.ok(ms < 3_000, `${ms.toFixed(0)} ms`);
	});
});
