import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { performance } from 'node:perf_hooks';
import { expandDockerVars, MAX_EXPANDED_LENGTH, type VarLookup } from '../../../server/src/model/docker-vars';
import { analyzeWorkspace, testParsers } from '../../helpers/engine';

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
	it('makes a value longer than MAX_EXPANDED_LENGTH unknown instead of building it (literal text is not counted)', () => {
		const long: VarLookup = (name) => (name === 'A' ? { value: 'a'.repeat(MAX_EXPANDED_LENGTH / 2 + 1) } : undefined);
		assert.equal(expandDockerVars('$A', long).value?.length, MAX_EXPANDED_LENGTH / 2 + 1);
		assert.deepEqual(expandDockerVars('$A$A', long), { value: undefined, unknown: ['A'] });
		assert.deepEqual(expandDockerVars('${B:-$A$A}', long), { value: undefined, unknown: ['A'] });
		const literal = 'x'.repeat(MAX_EXPANDED_LENGTH * 2);
		assert.equal(expandDockerVars(literal, long).value, literal);
	});
	it('ENV A=$A$A on 2,000 lines: a result in linear time, not a RangeError (engine fuzz, seed 4242 cases 2005, 6055, 10481)', async () => {
		await testParsers();
		const dockerfile = `FROM golang:1.22 AS build\nENV A=x\n${'ENV A=$A$A\n'.repeat(2_000)}RUN go build -o /app .\n`;
		const started = performance.now();
		const result = await analyzeWorkspace({ Dockerfile: dockerfile, 'go.mod': 'module m\n\ngo 1.22\n' });
		const ms = performance.now() - started;
		assert.deepEqual(result.failures, []);
		assert.ok(ms < 5_000, `${ms.toFixed(0)} ms`);
		const env = result.project.dockerfiles[0].stages[0].envAtEnd;
		assert.equal(env.get('A')?.value, undefined);
		assert.equal(result.project.builds.length, 1);
	});
});
