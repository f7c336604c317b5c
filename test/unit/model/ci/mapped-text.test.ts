import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateExpression, resolveExpressions, substituteExpressions } from '../../../../server/src/model/ci/expressions';
import { parseMappedShell } from '../../../../server/src/model/ci/mapped-shell';
import { mapRange, MappedTextBuilder } from '../../../../server/src/model/ci/mapped-text';
import { expandGithubMatrix, expandGitlabMatrix } from '../../../../server/src/model/ci/matrix';
import { asMap, getScalar, scalarText } from '../../../../server/src/model/ci/yaml-util';
import { parseYaml } from '../../../../server/src/parse/yaml';
import { testParsers } from '../../../helpers/engine';

async function runScalar(yaml: string, key = 'run') {
	const parsers = await testParsers();
	const scalar = getScalar(asMap(parseYaml(parsers, yaml).value), key)!;
	return { parsers, scalar, mapped: scalarText(yaml, scalar) };
}

describe('scalarText: shell text of a YAML scalar, mapped to the document', () => {
	it('| block: content without indentation, every character at its document offset', async () => {
		const yaml = 'run: |\n    echo "a  b"\n      go build \\\n        -o app .\n\n    ls\n';
		const { mapped } = await runScalar(yaml);
		assert.equal(mapped.text, 'echo "a  b"\n  go build \\\n    -o app .\n\nls\n');
		for (let i = 0; i < mapped.text.length; i++) assert.equal(yaml[mapped.starts[i]], mapped.text[i], `character ${i}`);
	});
	it('> block: line breaks between plain lines fold to spaces (mapped to the break), more-indented lines keep them', async () => {
		const { mapped } = await runScalar('run: >-\n  go build\n  -o app\n    ./cmd\n');
		assert.equal(mapped.text.startsWith('go build -o app\n  ./cmd'), true);
	});
	it('quoted scalars: an escape-free quoted value maps inside the quotes; with escapes the whole scalar', async () => {
		const plain = await runScalar('run: "go build ./..."\n');
		assert.equal(mapRange(plain.mapped, 0, 2).start, 6);
		const escaped = await runScalar('run: "go build\\t./..."\n');
		assert.equal(escaped.mapped.text, 'go build\t./...');
		assert.deepEqual(mapRange(escaped.mapped, 0, 2), { start: 5, end: 22 });
	});
	it('parseMappedShell returns document spans', async () => {
		const yaml = 'run: |\n  cd src\n  CGO_ENABLED=0 go build -o out .\n';
		const { parsers, mapped } = await runScalar(yaml);
		const script = parseMappedShell(parsers, mapped, { cwd: '/w' });
		const go = script.commands[1];
		assert.equal(yaml.slice(go.span.start, go.span.end), 'CGO_ENABLED=0 go build -o out .');
		assert.equal(yaml.slice(go.words[3].span.start, go.words[3].span.end), 'out');
		assert.equal(yaml.slice(go.assignments[0].span.start, go.assignments[0].span.end), 'CGO_ENABLED=0');
	});
	it('builder: replaced text maps every character to the span it stands for', () => {
		const b = new MappedTextBuilder(0).copy('abcdef', 0, 2).replace('XYZ', { start: 2, end: 4 }).copy('abcdef', 4, 6);
		const m = b.build();
		assert.equal(m.text, 'abXYZef');
		assert.deepEqual(mapRange(m, 2, 5), { start: 2, end: 4 });
		assert.deepEqual(mapRange(m, 5, 7), { start: 4, end: 6 });
	});
});

describe('GitHub expressions', () => {
	const matrix = new Map([['goarch', { kind: 'scalar' as const, value: 'arm64', span: { start: 0, end: 5 }, style: 'plain' as const }]]);
	it('matrix paths, env, literals and || fallbacks', () => {
		const scope = { matrix, env: new Map([['GOOS', 'linux']]) };
		assert.equal(evaluateExpression(' matrix.goarch ', scope), 'arm64');
		assert.equal(evaluateExpression("matrix['goarch']", scope), 'arm64');
		assert.equal(evaluateExpression('env.GOOS', scope), 'linux');
		assert.equal(evaluateExpression("'1.22'", scope), '1.22');
		assert.equal(evaluateExpression("matrix.missing || 'x'", scope), 'x');
		assert.equal(evaluateExpression('secrets.TOKEN', scope), undefined);
		assert.equal(evaluateExpression("inputs.arch || 'amd64'", scope), undefined);
		assert.equal(resolveExpressions('app-${{ matrix.goarch }}', scope), 'app-arm64');
		assert.equal(resolveExpressions('app-${{ github.sha }}', scope), undefined);
	});
	it('substitution keeps unknown expressions for the shell layer', async () => {
		const { mapped } = await runScalar('run: go build -o app-${{ matrix.goarch }}-${{ github.sha }} .\n');
		const out = substituteExpressions(mapped, { matrix });
		assert.equal(out.text, 'go build -o app-arm64-${{ github.sha }} .');
		assert.deepEqual(mapRange(out, 16, 21), { start: 21, end: 41 });
	});
});

describe('matrix expansion', () => {
	it('GitHub: product, exclude, include (merged into matching combinations or added)', async () => {
		const parsers = await testParsers();
		const value = parseYaml(parsers, 'os: [a, b]\ngo: ["1.22", "1.23"]\nexclude:\n  - os: a\n    go: "1.22"\ninclude:\n  - os: b\n    extra: x\n  - os: c\n').value;
		const { combinations, known } = expandGithubMatrix(value);
		assert.equal(known, true);
		assert.deepEqual(combinations.map((c) => c.label), ['os=a, go=1.23', 'os=b, go=1.22, extra=x', 'os=b, go=1.23, extra=x', 'os=c']);
	});
	it('GitHub: only include entries', async () => {
		const parsers = await testParsers();
		const { combinations } = expandGithubMatrix(parseYaml(parsers, 'include:\n  - goos: linux\n    goarch: amd64\n  - goos: darwin\n    goarch: arm64\n').value);
		assert.deepEqual(combinations.map((c) => c.label), ['goos=linux, goarch=amd64', 'goos=darwin, goarch=arm64']);
	});
	it('GitLab: each entry multiplied out', async () => {
		const parsers = await testParsers();
		const { combinations } = expandGitlabMatrix(parseYaml(parsers, '- GOOS: linux\n  GOARCH: [amd64, arm64]\n- GOOS: windows\n  GOARCH: amd64\n').value);
		assert.deepEqual(combinations.map((c) => c.label), ['GOOS=linux, GOARCH=amd64', 'GOOS=linux, GOARCH=arm64', 'GOOS=windows, GOARCH=amd64']);
	});
});
