// The prototype patches of server/src/parse/dockerfile-ast-patches.ts: written against one dockerfile-ast
// version, and each one still changes no result.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, mock } from 'node:test';
import { DockerfileParser } from 'dockerfile-ast';
import { Parser } from 'dockerfile-ast/lib/parser';
import { Util } from 'dockerfile-ast/lib/util';
import { seededRandom } from '../../helpers/seeded-random';
import { originalGetRawArguments, PATCHED_DOCKERFILE_AST_VERSION, tokenizeArguments } from '../../../server/src/parse/dockerfile-ast-patches';

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

	it('the faster tokeniser gives exactly the original\'s arguments and ranges, on 20,000 generated instructions', () => {
		// Pieces that steer the state machine: escapes before spaces, line ends and `$`, comment lines inside
		// an instruction, CRLF, both escape characters, quotes, and plain words.
		const pieces = [' ', '  ', '\t', '\n', '\r\n', '\\', '\\\n', '\\ \n', '\\\t\r\n', '`', '`\n', '#', '# c', '\n# c\n', '$', '\\$', '"', "'", '[', ']', '=', '--', 'a', 'go', 'build', 'x=1'];
		const keywords = ['RUN', 'COPY', 'ENV', 'ARG', 'FROM', 'CMD', 'LABEL', 'ONBUILD RUN'];
		const next = seededRandom(20261124);
		const random = (n: number) => Math.floor(next() * n);
		let compared = 0;
		for (let c = 0; c < 20_000; c++) {
			const directive = random(4) === 0 ? '# escape=`\n' : '';
			let body = '';
			for (let n = 1 + random(12); n > 0; n--) body += pieces[random(pieces.length)];
			const text = `${directive}${keywords[random(keywords.length)]} ${body}${random(2) === 0 ? '\n' : ''}FROM b\n`;
			for (const instruction of DockerfileParser.parse(text).getInstructions()) {
				const expected = originalGetRawArguments.call(instruction).map((a) => ({ value: a.getValue(), range: a.getRange() }));
				const actual = tokenizeArguments(instruction as unknown as Parameters<typeof tokenizeArguments>[0]).map((a) => ({ value: a.getValue(), range: a.getRange() }));
				if (JSON.stringify(actual) !== JSON.stringify(expected)) assert.deepEqual(actual, expected, JSON.stringify(text));
				compared++;
			}
		}
		assert.ok(compared >= 40_000, `${compared} instructions compared`);
	});
});
