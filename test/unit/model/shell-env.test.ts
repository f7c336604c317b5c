import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDockerfile } from '../../../server/src/parse/dockerfile';
import { allEnvironments, parseShell } from '../../../server/src/parse/shell';
import { analyseRun } from '../../../server/src/model/dockerfile/run-step';
import { analyseScript } from '../../../server/src/model/ci/shell-analysis';
import { envOf, initialEnvOf, OPAQUE_BUILD_TOOLS } from '../../../server/src/model/shell-env';
import type { Env } from '../../../server/src/model/env';
import { testParsers } from '../../helpers/engine';

const DOCKERFILE_ENV: Env = new Map([['CGO_ENABLED', { name: 'CGO_ENABLED', value: '0', origin: 'ENV', file: 'Dockerfile', span: { start: 10, end: 23 } }]]);

async function runOpaque(line: string): Promise<string[]> {
	const parsers = await testParsers();
	const [instruction] = parseDockerfile(`RUN ${line}\n`).instructions;
	return analyseRun(instruction, { parsers, env: DOCKERFILE_ENV, workdir: '/src', escapeChar: '\\', file: 'Dockerfile' }).opaque.map((o) => o.description);
}

async function scriptOpaque(line: string): Promise<string[]> {
	const parsers = await testParsers();
	const script = parseShell(parsers, line, { initialEnv: initialEnvOf(DOCKERFILE_ENV) });
	return analyseScript(script, { file: 'ci.yml', baseEnv: DOCKERFILE_ENV, indirect: undefined }).flatMap((i) => (i.kind === 'opaque' ? [i.description] : []));
}

describe('shell-env: one meaning for a command in a RUN and in a CI script', () => {
	for (const tool of OPAQUE_BUILD_TOOLS) {
		it(`"${tool} build" is opaque in both`, async () => {
			const expected = [`"${tool} build" runs steps this analysis does not see into`];
			assert.deepEqual(await runOpaque(`${tool} build`), expected);
			assert.deepEqual(await scriptOpaque(`${tool} build`), expected);
		});
	}

	it('a RUN of make with no Makefile in the build context, and of goreleaser, is opaque too', async () => {
		assert.deepEqual(await runOpaque('make build'), ['"make build" runs steps this analysis does not see into']);
		assert.deepEqual(await runOpaque('goreleaser build --single-target'), ['"goreleaser build --single-target" runs steps this analysis does not see into']);
	});

	it('a go build is not opaque, and a plain command is nothing', async () => {
		assert.deepEqual(await runOpaque('go build -o /out/app .'), []);
		assert.deepEqual(await runOpaque('echo hello'), []);
		assert.deepEqual(await scriptOpaque('echo hello'), []);
	});

	it('envOf keeps the provenance of what the script inherited and marks what it set', async () => {
		const parsers = await testParsers();
		const script = parseShell(parsers, 'export GOOS=linux; GOARCH=arm64 go build', { initialEnv: initialEnvOf(DOCKERFILE_ENV) });
		const env = envOf(allEnvironments(script)[script.commands.length - 1], DOCKERFILE_ENV, 'ci.yml');
		assert.equal(env.get('CGO_ENABLED'), DOCKERFILE_ENV.get('CGO_ENABLED'));
		assert.deepEqual([env.get('GOOS')?.origin, env.get('GOOS')?.value, env.get('GOOS')?.file], ['export', 'linux', 'ci.yml']);
		assert.deepEqual([env.get('GOARCH')?.origin, env.get('GOARCH')?.value], ['inline', 'arm64']);
	});
});
