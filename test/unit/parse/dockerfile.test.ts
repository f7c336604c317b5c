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

describe('parseDockerfile: ARG declares one build arg per word', () => {
	/** name, default and the text each span covers. */
	const declared = (line: string, escape = '') => {
		const text = `${escape}FROM x\n${line}\n`;
		const arg = parseDockerfile(text).instructions.find((i) => i.keyword === 'ARG');
		assert.ok(arg);
		return arg.properties.map((p) => [p.name, p.value, text.slice(p.span.start, p.span.end), p.valueSpan && text.slice(p.valueSpan.start, p.valueSpan.end)]);
	};

	it('ARG TARGETOS TARGETARCH is two args without defaults (dockerfile-ast reads it like ENV NAME value)', () => {
		assert.deepEqual(declared('ARG TARGETOS TARGETARCH'), [['TARGETOS', undefined, 'TARGETOS', undefined], ['TARGETARCH', undefined, 'TARGETARCH', undefined]]);
		assert.deepEqual(declared('ARG TARGETOS TARGETARCH', '# escape=`\n'), [['TARGETOS', undefined, 'TARGETOS', undefined], ['TARGETARCH', undefined, 'TARGETARCH', undefined]]);
	});

	it('names and NAME=default words in any order, quotes, continuation lines', () => {
		assert.deepEqual(declared('ARG A B="x y" C'), [['A', undefined, 'A', undefined], ['B', 'x y', 'B="x y"', '"x y"'], ['C', undefined, 'C', undefined]]);
		assert.deepEqual(declared('ARG A=1 B'), [['A', '1', 'A=1', '1'], ['B', undefined, 'B', undefined]]);
		assert.deepEqual(declared('ARG A \\\n  B=2'), [['A', undefined, 'A', undefined], ['B', '2', 'B=2', '2']]);
		assert.deepEqual(declared('ARG A=\n'), [['A', '', 'A=', '']]);
	});

	it('a hostile line of 20,000 names, or of alternating names and defaults, stays linear', () => {
		const started = performance.now();
		assert.equal(declared(`ARG ${'a '.repeat(20_000)}`).length, 20_000);
		assert.equal(declared(`ARG ${'a b=1 '.repeat(5_000)}`).length, 10_000);
		assert.ok(performance.now() - started < 3_000);
	});
});
