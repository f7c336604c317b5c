import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { documentMapper, rangeOf, textMapper } from '../../../server/src/lsp/convert';
import { analyzeWorkspace } from '../../helpers/engine';

/** Non-ASCII text keeps the offset → UTF-16 position conversion honest (STYLE §7.9). */
const dockerfile = `FROM golang:1.22 AS build
LABEL maintainer="Zoë 🐳"
WORKDIR /src
COPY . .
RUN echo "🐳 building" && go build -o /out/app .

FROM alpine:3.20
LABEL description="Ünïcödé 🚀"
COPY --from=build /out/app /app
`;

describe('offsets to LSP positions (UTF-16)', () => {
	it('spans from tree-sitter and dockerfile-ast are UTF-16 offsets into the document', async () => {
		const result = await analyzeWorkspace({ Dockerfile: dockerfile, 'go.mod': 'module m\n\ngo 1.22\n', 'main.go': 'package main\nimport "net"\nvar _ = net.Dial\nfunc main() {}\n' });
		const build = result.project.builds[0];
		assert.equal(dockerfile.slice(build.span.start, build.span.end), 'go build -o /out/app .');
		const finding = result.findings.find((f) => f.ruleId === 'libc-mismatch')!;
		assert.equal(dockerfile.slice(finding.span.start, finding.span.end), 'COPY --from=build /out/app /app');
	});
	it('positions count UTF-16 code units (an emoji is two)', () => {
		const document = TextDocument.create('file:///w/Dockerfile', 'dockerfile', 1, dockerfile);
		const offset = dockerfile.indexOf('go build');
		const range = rangeOf(documentMapper(document), { start: offset, end: offset + 8 });
		// `RUN echo "🐳 building" && ` is 26 UTF-16 units: 🐳 counts 2.
		assert.deepEqual(range, { start: { line: 4, character: 26 }, end: { line: 4, character: 34 } });
		assert.deepEqual(rangeOf(textMapper(dockerfile), { start: offset, end: offset + 8 }), range);
	});
	it('textMapper handles CRLF like TextDocument', () => {
		const crlf = dockerfile.replace(/\n/g, '\r\n');
		const document = TextDocument.create('file:///w/Dockerfile', 'dockerfile', 1, crlf);
		for (const offset of [0, 10, crlf.indexOf('go build'), crlf.length - 1, crlf.length]) {
			assert.deepEqual(textMapper(crlf).positionAt(offset), document.positionAt(offset));
			assert.equal(textMapper(crlf).offsetAt(document.positionAt(offset)), document.offsetAt(document.positionAt(offset)));
		}
	});
});
