// The prototype patches of server/src/parse/dockerfile-ast-patches.ts: written against one dockerfile-ast
// version, and each one still changes no result.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, mock } from 'node:test';
import { DockerfileParser } from 'dockerfile-ast';
import { Parser } from 'dockerfile-ast/lib/parser';
import { Util } from 'dockerfile-ast/lib/util';
import { PATCHED_DOCKERFILE_AST_VERSION } from '../../../server/src/parse/dockerfile-ast-patches';

const root = join(__dirname, '..', '..', '..');

/** Counts the instructions dockerfile-ast constructs while parsing `text`. */
function constructedWhileParsing(text: string): number {
	const createInstruction = mock.method(Parser, 'createInstruction');
	try {
		DockerfileParser.parse(text);
		return createInstruction.mock.callCount();
	} finally {
		createInstruction.mock.restore();
	}
}

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

	it('an instruction is constructed once, not once more for the heredoc lookup', () => {
		assert.equal(constructedWhileParsing('FROM a AS b\nRUN --mount=type=cache,target=/x go build .\nCOPY --from=b /x /y\nARG A=1\nCMD ["x"]\n'), 5);
		// The trigger of an ONBUILD is a second instance by design: processHeredocs looks into it.
		assert.equal(constructedWhileParsing('ONBUILD RUN x\n'), 2);
	});

	it('a heredoc that moves the end of its instruction still gives a new instance with the whole range', () => {
		assert.equal(constructedWhileParsing('RUN <<EOF\ngo build .\nEOF\nCOPY a b\n'), 3);
		const run = DockerfileParser.parse('RUN <<EOF\ngo build .\nEOF\n').getInstructions()[0];
		assert.deepEqual(run.getRange(), { start: { line: 0, character: 0 }, end: { line: 2, character: 3 } });
	});

	it('the byte order mark test on the first character agrees with its UTF-8 encoding for every code unit', () => {
		const encodesAsBom = (char: string) => {
			const bytes = Buffer.from(char, 'utf8');
			return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
		};
		assert.equal(Util.isUTF8BOM(''), false);
		for (let code = 0; code <= 0xffff; code++) {
			const char = String.fromCharCode(code);
			if (Util.isUTF8BOM(char) !== encodesAsBom(char)) assert.fail(`U+${code.toString(16)}`);
		}
		assert.equal(DockerfileParser.parse('\uFEFFFROM a\n').getInstructions()[0].getKeyword(), 'FROM');
	});
});
