import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expandDockerVars, type VarLookup } from '../../../server/src/model/docker-vars';

const vars: Record<string, string | undefined> = { GO_VERSION: '1.22', EMPTY: '', UNKNOWN: undefined };
const lookup: VarLookup = (name) => (name in vars ? { value: vars[name] } : undefined);

describe('expandDockerVars', () => {
	it('expands $VAR and ${VAR}', () => {
		assert.deepEqual(expandDockerVars('golang:${GO_VERSION}-alpine', lookup), { value: 'golang:1.22-alpine', unknown: [] });
		assert.deepEqual(expandDockerVars('golang:$GO_VERSION', lookup), { value: 'golang:1.22', unknown: [] });
	});
	it('expands an undeclared variable to the empty string, as BuildKit does', () => {
		assert.equal(expandDockerVars('a${NOPE}b', lookup).value, 'ab');
	});
	it('reports declared variables without a known value', () => {
		assert.deepEqual(expandDockerVars('golang:${UNKNOWN}', lookup), { value: undefined, unknown: ['UNKNOWN'] });
	});
	it('applies :- and - defaults', () => {
		assert.equal(expandDockerVars('${NOPE:-1.23}', lookup).value, '1.23');
		assert.equal(expandDockerVars('${EMPTY:-x}', lookup).value, 'x');
		assert.equal(expandDockerVars('${EMPTY-x}', lookup).value, '');
		assert.equal(expandDockerVars('${GO_VERSION:-x}', lookup).value, '1.22');
		assert.deepEqual(expandDockerVars('${UNKNOWN:-x}', lookup), { value: undefined, unknown: ['UNKNOWN'] });
	});
	it('applies :+ and + alternatives', () => {
		assert.equal(expandDockerVars('${GO_VERSION:+set}', lookup).value, 'set');
		assert.equal(expandDockerVars('${NOPE:+set}', lookup).value, '');
		assert.equal(expandDockerVars('${EMPTY:+set}', lookup).value, '');
		assert.equal(expandDockerVars('${EMPTY+set}', lookup).value, 'set');
	});
	it('keeps escaped dollars and lone dollars', () => {
		assert.equal(expandDockerVars('\\$GO_VERSION costs $5', lookup).value, '$GO_VERSION costs $5');
		assert.equal(expandDockerVars('`$GO_VERSION', lookup, '`').value, '$GO_VERSION');
	});
	it('leaves an unterminated ${ as text', () => {
		assert.equal(expandDockerVars('a${GO_VERSION', lookup).value, 'a${GO_VERSION');
	});
});
