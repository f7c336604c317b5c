// The one-byte fix of tree-sitter-yaml's scanner (server/src/parse/yaml-scanner-patch.ts): it applies to the
// pinned grammar, changes nothing else, and deep nesting then parses instead of corrupting the runtime.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isParseStopped } from '../../../server/src/parse/tree-sitter';
import { boundYamlScannerState, isPinnedGrammar } from '../../../server/src/parse/yaml-scanner-patch';
import { testParsers } from '../../helpers/engine';

const root = join(__dirname, '..', '..', '..');
const GRAMMAR = join(root, 'node_modules/@tree-sitter-grammars/tree-sitter-yaml/tree-sitter-yaml.wasm');

/**
 * Shapes that push the scanner's indentation stack past 253 levels (the buffer holds 253). Without the fix, the
 * first two trap with "memory access out of bounds" in the engine's set-up (checked by turning the fix off); the
 * third then overflows too, into memory where it does not trap at once.
 */
const DEEP = {
	// Valid YAML: 300 mappings, each one space deeper (the shape of the upstream report).
	mappings: Array.from({ length: 300 }, (_, i) => `${' '.repeat(i)}a:\n`).join(''),
	// What the fuzzer found: a `run:` of nested sequences on one line, under a mis-indented key.
	sequencesOnOneLine: `jobs:\n  build:\n    steps:\n      - uses: x\n        with:\n    container: golang\n        run: ${'- '.repeat(300)}\n`,
	sequences: Array.from({ length: 300 }, (_, i) => `${' '.repeat(2 * i)}- a\n`).join(''),
};

describe('tree-sitter-yaml scanner fix', () => {
	it('applies to the grammar package.json pins, and changes exactly the guard constant', () => {
		const pinned = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies['@tree-sitter-grammars/tree-sitter-yaml'];
		const original = new Uint8Array(readFileSync(GRAMMAR));
		assert.ok(isPinnedGrammar(original), `tree-sitter-yaml ${pinned}: re-check its scanner's serialize() and the patch in server/src/parse/yaml-scanner-patch.ts`);
		const fixed = boundYamlScannerState(original);
		const changed = [...fixed.keys()].filter((i) => fixed[i] !== original[i]);
		assert.deepEqual(changed.map((i) => [i, original[i], fixed[i]]), [[0x1728, 0xfc, 0xfa]]);
		assert.equal(original[0x1728], 0xfc, 'the input is not modified in place');
		assert.equal(boundYamlScannerState(fixed), fixed, 'an already fixed grammar is left alone');
	});

	for (const [name, text] of Object.entries(DEEP)) {
		it(`with the fix, ${name} nested 300 deep parses, and later YAML and bash parses still work`, async () => {
			const parsers = await testParsers();
			const deep = parsers.parseYaml(text);
			assert.ok(!isParseStopped(deep));
			deep.delete();
			const yaml = parsers.parseYaml('jobs:\n  build:\n    runs-on: ubuntu-latest\n');
			assert.ok(!isParseStopped(yaml));
			assert.equal(yaml.rootNode.hasError, false);
			assert.match(yaml.rootNode.toString(), /^\(stream \(document \(block_node \(block_mapping/);
			yaml.delete();
			const bash = parsers.parseBash('CGO_ENABLED=0 go build -o /out/app .');
			assert.ok(!isParseStopped(bash));
			assert.equal(bash.rootNode.hasError, false);
			bash.delete();
		});
	}
});
