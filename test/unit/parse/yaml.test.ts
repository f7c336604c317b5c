// parseYaml keeps aliases as shared nodes (the value is a DAG the size of the text), and refuses a document
// whose aliases expand to more than aliasExpansionLimit nodes: every reader that walks values as a tree would
// otherwise do the work of the expanded tree.
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { before, describe, it } from 'node:test';
import { initNodeParsers } from '../../../server/src/node/wasm';
import type { Parsers } from '../../../server/src/parse/tree-sitter';
import { aliasExpansionLimit, parseYaml } from '../../../server/src/parse/yaml';

let parsers: Parsers;
before(async () => {
	parsers = await initNodeParsers();
});

/** `levels` anchors, each a list of `width` aliases of the one before: width^levels leaves. */
function laughs(levels: number, width: number): string {
	const lines = [`l0: &l0 [${Array.from({ length: width }, () => 'x').join(', ')}]`];
	for (let i = 1; i <= levels; i++) lines.push(`l${i}: &l${i} [${Array.from({ length: width }, () => `*l${i - 1}`).join(', ')}]`);
	return `${lines.join('\n')}\n`;
}

describe('parseYaml: aliases', () => {
	it('keeps an alias as the anchored node (shared, not copied), merge keys included', () => {
		const document = parseYaml(parsers, 'a: &a {x: 1, y: [2]}\nb: *a\nc:\n  <<: *a\n  z: 3\n');
		assert.equal(document.unparsed, undefined);
		const root = document.value!;
		assert.equal(root.kind, 'map');
		if (root.kind !== 'map') return;
		const [a, b, c] = root.entries.map((e) => e.value);
		assert.equal(b, a);
		assert.deepEqual(c?.kind === 'map' ? c.entries.map((e) => e.key.value) : [], ['x', 'y', 'z']);
	});
	it('30 levels of 11 aliases ("billion laughs", engine fuzz seed 4242 case 16678) is not parsed, quickly, and says why', () => {
		const text = `${laughs(30, 11)}rules: *l30\nimages: {<<: *l30}\n`;
		const started = performance.now();
		const document = parseYaml(parsers, text);
		const ms = performance.now() - started;
		assert.ok(ms < 2_000, `${ms.toFixed(0)} ms`);
		assert.equal(document.value, undefined);
		assert.equal(document.unparsed?.reason, `YAML aliases expand to more than ${aliasExpansionLimit(text.length)} nodes`);
		// The alias at which the expansion went over the bound: one in l4, whose tree has 177,156 nodes.
		const span = document.unparsed.span;
		assert.equal(text.slice(span.start, span.end), '*l3');
		assert.equal(text.lastIndexOf('\n', span.start), text.indexOf('\nl4:'));
	});
	it('aliases that expand to fewer nodes than the bound are kept', () => {
		const document = parseYaml(parsers, laughs(3, 10)); // 11,111 nodes in l3
		assert.equal(document.unparsed, undefined);
		assert.equal(document.value?.kind, 'map');
	});
	it('a big real pipeline (2,000 jobs, each merging a 60-key template) is kept: the bound grows with the file', () => {
		// Each merge expands to at least its 60 values: 120,000 alias nodes, over the flat 100,000 part of the bound.
		const template = `.defaults: &defaults\n${Array.from({ length: 60 }, (_, i) => `  key${i}: value${i}\n`).join('')}`;
		const jobs = Array.from({ length: 2_000 }, (_, i) => `job${i}:\n  <<: *defaults\n  script: [go build ./cmd/s${i}]\n`).join('');
		const text = template + jobs;
		const document = parseYaml(parsers, text);
		assert.equal(document.unparsed, undefined);
		assert.equal(document.value?.kind === 'map' ? document.value.entries.length : 0, 2_001);
	});
});
