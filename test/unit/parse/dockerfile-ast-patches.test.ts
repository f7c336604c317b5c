// The prototype patches of server/src/parse/dockerfile-ast-patches.ts: written against one dockerfile-ast
// version, and each one still changes no result.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DockerfileParser } from 'dockerfile-ast';
import { PATCHED_DOCKERFILE_AST_VERSION } from '../../../server/src/parse/dockerfile-ast-patches';

const root = join(__dirname, '..', '..', '..');

describe('dockerfile-ast patches', () => {
	it('dockerfile-ast is the version the patches were checked against', () => {
		const installed = (JSON.parse(readFileSync(require.resolve('dockerfile-ast/package.json'), 'utf8')) as { version: string }).version;
		const pinned = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies['dockerfile-ast'];
		const reCheck = 're-check every patch in server/src/parse/dockerfile-ast-patches.ts against the new source, then update PATCHED_DOCKERFILE_AST_VERSION';
		assert.equal(pinned, PATCHED_DOCKERFILE_AST_VERSION, `package.json pins dockerfile-ast ${pinned}: ${reCheck}`);
		assert.equal(installed, PATCHED_DOCKERFILE_AST_VERSION, `dockerfile-ast ${installed} is installed: ${reCheck}`);
	});

	it('raw arguments are tokenised once, and each caller gets its own array', () => {
		const run = DockerfileParser.parse('RUN --mount=type=cache,target=/x go build .\n').getInstructions()[0];
		// getRawArguments is private in dockerfile-ast's typings.
		const tokenized = run as unknown as { getRawArguments(): unknown[] };
		const first = tokenized.getRawArguments();
		first.length = 0;
		const second = tokenized.getRawArguments();
		assert.equal(second.length, 4);
		assert.notEqual(first, second);
		assert.equal(second[0], tokenized.getRawArguments()[0]);
		assert.deepEqual(run.getArguments().map((a) => a.getValue()), ['go', 'build', '.']);
	});
});
