import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as K from '../../../server/src/knowledge';

describe('GOTOOLCHAIN in the official golang images', () => {
	it('is local from Go 1.21 on, unset before, not known for images built before the change', () => {
		assert.equal(K.golangImageGotoolchain('1.24').value, 'local');
		assert.equal(K.golangImageGotoolchain('1.21.5').value, 'local');
		assert.equal(K.golangImageGotoolchain('1.20').value, 'unset');
		assert.equal(K.golangImageGotoolchain('1.21.0').value, undefined);
		assert.ok(K.golangImageGotoolchain('1.24').sources.some((s) => s.ref.includes('docker-library/golang')));
	});
});

describe('removed GODEBUG settings', () => {
	it('lists the 1.27-era Removed keys with the old values go1.27.0 rejects', () => {
		assert.deepEqual(
			K.REMOVED_GODEBUGS.map((r) => `${r.key}=${r.oldValue}@${r.removedIn}`),
			['x509sha1=1@1.24', 'tlskyber=0@1.24', 'gotypesalias=0@1.27', 'tlsunsafeekm=1@1.27', 'tlsrsakex=1@1.27', 'tls3des=1@1.27', 'tls10server=1@1.27', 'x509keypairleaf=0@1.27', 'asynctimerchan=1@1.27'],
		);
		for (const r of K.REMOVED_GODEBUGS) assert.equal(K.lookupGodebug(r.key, '1.27').status, 'removed', r.key);
	});
	it('every observed fact has a dated source', () => {
		for (const fact of [...Object.values(K.OBSERVED_ERRORS), ...Object.values(K.REMOVED_GODEBUG_BEHAVIOUR)]) {
			assert.ok(fact.sources.length > 0 && fact.sources.every((s) => K.isIsoDate(s.asOf) && s.ref.length > 0));
		}
	});
});
