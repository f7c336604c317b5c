// parseDockerfile over dockerfile-ast: whatever the library does with malformed input, the result is data.
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { describe, it } from 'node:test';
import { DockerfileParser } from 'dockerfile-ast';
import { parseDockerfile } from '../../../server/src/parse/dockerfile';

describe('parseDockerfile: heredocs', () => {
	it('RUN <<"A\'" (mismatched quotes; engine fuzz seed 4242 case 18797): dockerfile-ast throws, the body is plain shell text', () => {
		const text = 'RUN <<"A\'"\nA\n';
		// The library bug this works around; when it is fixed upstream, the fallback is no longer needed here.
		const instruction = DockerfileParser.parse(text).getInstructions()[0] as unknown as { getHeredocs(): unknown[] };
		assert.throws(() => instruction.getHeredocs(), TypeError);
		const started = performance.now();
		const syntax = parseDockerfile(text);
		assert.ok(performance.now() - started < 1_000);
		const run = syntax.instructions[0];
		assert.equal(run.keyword, 'RUN');
		assert.deepEqual(run.shell, [{ text: '<<"A\'"\nA\n', baseOffset: 4, heredoc: false }]);
	});
	it('well-formed heredocs still give their bodies', () => {
		const text = 'RUN <<EOF\ngo build -o /app .\nEOF\n';
		assert.deepEqual(parseDockerfile(text).instructions[0].shell, [{ text: 'go build -o /app .', baseOffset: 10, heredoc: true }]);
	});
	it('no instruction throws with a mismatched-quote heredoc, wherever it is (every call parseDockerfile makes)', () => {
		const keywords = ['RUN', 'CMD', 'ENTRYPOINT', 'COPY', 'ADD', 'ONBUILD RUN', 'ENV', 'ARG', 'RUN --mount=type=cache,target=/x'];
		const openers = ['"A\'"', "'A\"", '-"A\'"', '"A\'" <<B', 'B <<"A\'"'];
		const bodies = ['A\n', 'x\nA\n', 'A\nB\n', 'A\'\n', '\n'];
		for (const keyword of keywords) {
			for (const opener of openers) {
				for (const body of bodies) {
					const text = `FROM golang:1.22\n${keyword} <<${opener}\n${body}FROM alpine\n`;
					assert.doesNotThrow(() => parseDockerfile(text), JSON.stringify(text));
				}
			}
		}
	});
});
