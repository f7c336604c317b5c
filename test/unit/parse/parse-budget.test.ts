// Every tree-sitter parse has a work budget (parse/tree-sitter.ts): tree-sitter-bash's error recovery is
// quadratic or worse on long runs of `|`, `<`, `)` or NUL (10,000 `|` took about 4 s, a 114 KB input 714 s).
// A stopped parse gives a defined result: the shell text or YAML file is treated as opaque, with a message.
// The budget counts tree-sitter's callbacks, not time, so which parses stop never depends on the machine's
// load. Time bounds are asserted with generous slack; before the budget these inputs took many seconds each.
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { before, describe, it } from 'node:test';
import { goCommandsIn } from '../../../server/src/model/go-command';
import { initNodeParsers } from '../../../server/src/node/wasm';
import { MAX_SHELL_TEXT, parseShell, type ShellScript } from '../../../server/src/parse/shell';
import { isParseStopped, parseWorkBudget, type Parsers } from '../../../server/src/parse/tree-sitter';
import { parseYaml } from '../../../server/src/parse/yaml';

let parsers: Parsers;
before(async () => {
	parsers = await initNodeParsers();
});

/** Well above what these stopped parses take (at most about 0.2 s), far below the unbounded times. */
const BOUND_MS = 2_000;

function timed<T>(body: () => T): { value: T; ms: number } {
	const started = performance.now();
	const value = body();
	return { value, ms: performance.now() - started };
}

function run(body: string, baseOffset = 4): { script: ShellScript; ms: number } {
	const { value, ms } = timed(() => parseShell(parsers, body, { baseOffset, dockerfile: { escapeChar: '\\' } }));
	return { script: value, ms };
}

/** Parses fine, quickly, with the same parser: a stopped parse must not leave it half-way (parser.reset()). */
function assertParserStillWorks(): void {
	const script = parseShell(parsers, 'CGO_ENABLED=0 go build -o /app .');
	assert.deepEqual(script.unparsed, []);
	assert.equal(goCommandsIn(script)[0]?.output?.value, '/app');
	const yaml = parseYaml(parsers, 'jobs:\n  build:\n    runs-on: ubuntu-latest\n');
	assert.equal(yaml.value?.kind, 'map');
}

describe('parse work budget', () => {
	it('grows with the input from a floor: 1,000 units of work, plus 50 per KB', () => {
		assert.equal(parseWorkBudget(0), 1000);
		assert.equal(parseWorkBudget(10 * 1024), 1500);
		assert.equal(parseWorkBudget(MAX_SHELL_TEXT), 4200);
	});

	it('stops the same parses whatever the machine\'s load: a busy CPU changes the time taken, not the outcome', () => {
		const stopped = () => parseShell(parsers, '|'.repeat(10_000)).unparsed.map((u) => u.reason);
		const calm = stopped();
		const until = performance.now() + 30;
		const busy = (() => {
			// Burn CPU between callbacks of the parse, as a loaded machine would: nothing but the work counts.
			const slow: Parsers = { ...parsers, parseBash: (text, previous, options) => {
				while (performance.now() < until) {
					// busy
				}
				return parsers.parseBash(text, previous, options);
			} };
			return parseShell(slow, '|'.repeat(10_000)).unparsed.map((u) => u.reason);
		})();
		assert.deepEqual(calm, ['shell parse stopped at its work limit']);
		assert.deepEqual(busy, calm);
	});

	for (const [name, body] of [
		['10,000 "|"', '|'.repeat(10_000)],
		['10,000 "<"', '<'.repeat(10_000)],
		['10,000 ")"', ')'.repeat(10_000)],
		['5,000 "||"', '||'.repeat(5_000)],
		// Never reaches tree-sitter's progress callback: stopped from the input callback instead.
		['10,000 NUL', '\0'.repeat(10_000)],
		// At the size limit: the budget grows with the text, the time it takes to spend it must not run away.
		['64 KB of ")"', ')'.repeat(MAX_SHELL_TEXT)],
	] as const) {
		it(`a RUN body of ${name} stops within its budget and is opaque`, () => {
			const { script, ms } = run(body);
			assert.ok(ms < BOUND_MS, `${ms.toFixed(0)} ms`);
			assert.deepEqual(script.commands, []);
			assert.deepEqual(script.events, []);
			assert.equal(script.unparsed.length, 1);
			const [unparsed] = script.unparsed;
			assert.deepEqual(unparsed.span, { start: 4, end: 4 + body.length });
			assert.equal(unparsed.nested, false);
			assert.match(unparsed.reason, /^shell parse stopped at its work limit$/);
			assert.deepEqual(
				script.syntaxErrors.map((e) => e.message),
				[`${unparsed.reason}: the shell text is treated as opaque`],
			);
			assertParserStillWorks();
		});
	}

	it('shell text over the 64 KB limit is not given to tree-sitter at all', () => {
		const body = '|'.repeat(MAX_SHELL_TEXT + 1);
		const { script, ms } = run(body, 0);
		assert.ok(ms < 200, `${ms.toFixed(0)} ms`);
		assert.deepEqual(script.commands, []);
		assert.deepEqual(script.unparsed, [{ span: { start: 0, end: body.length }, reason: 'shell text of 65 KB is over the 64 KB parse limit', nested: false }]);
	});

	it('a stopped `sh -c` script is opaque on its own: the commands around it are kept', () => {
		const inner = '|'.repeat(10_000);
		const body = `sh -c '${inner}' && CGO_ENABLED=0 go build -o /app .`;
		const { script, ms } = run(body, 0);
		assert.ok(ms < BOUND_MS, `${ms.toFixed(0)} ms`);
		assert.equal(goCommandsIn(script)[0]?.output?.value, '/app');
		assert.equal(script.unparsed.length, 1);
		assert.deepEqual(script.unparsed[0].span, { start: 7, end: 7 + inner.length });
		assert.equal(script.unparsed[0].nested, true);
	});

	it('a realistic long RUN (300 continued lines, 45 KB) parses fully, far within its budget', () => {
		const line = 'apt-get install -y --no-install-recommends gcc libc6-dev && CGO_ENABLED=1 GOOS=linux go build -trimpath -ldflags "-s -w -X main.version=${VERSION}" -o /out/app-$i ./cmd/app && rm -rf /var/lib/apt/lists/*';
		const body = Array.from({ length: 300 }, (_, i) => line.replace('$i', String(i))).join('; \\\n  ');
		assert.ok(body.length > 45_000 && body.length < MAX_SHELL_TEXT);
		const { script, ms } = run(body);
		assert.deepEqual(script.unparsed, []);
		assert.deepEqual(script.syntaxErrors, []);
		assert.equal(goCommandsIn(script).length, 300);
		assert.equal(goCommandsIn(script)[299]?.output?.value, '/out/app-299');
		assert.ok(ms < BOUND_MS, `${ms.toFixed(0)} ms`);
	});

	it('a tiny budget stops a YAML parse: the file is not parsed, and says why', () => {
		const stopped = { parseYaml: (text: string) => parsers.parseYaml(text, undefined, { workBudget: 0 }) };
		const text = 'jobs:\n  build:\n    runs-on: ubuntu-latest\n'.repeat(200);
		const document = parseYaml(stopped, text);
		assert.equal(document.value, undefined);
		assert.match(document.unparsed?.reason ?? '', /^YAML parse stopped at its work limit$/);
		assert.deepEqual(document.unparsed?.span, { start: 0, end: text.length });
		assert.deepEqual(document.errors, [{ span: { start: 0, end: text.length }, message: `${document.unparsed.reason}: not parsed` }]);
		assertParserStillWorks();
	});

	it('node text stays readable after the parse (the tree reads it through the input callback, which then counts nothing)', () => {
		const tree = parsers.parseYaml('a: b # note\n', undefined, { workBudget: 1_000_000 });
		assert.ok(!isParseStopped(tree));
		const result = parsers.parseBash('go build .', undefined, { workBudget: 4 }); // exactly what it needs
		assert.ok(!isParseStopped(result));
		for (let i = 0; i < 10; i++) assert.equal(result.rootNode.text, 'go build .', 'read more often than the budget allows');
		assert.equal(result.rootNode.text, 'go build .');
		assert.equal(tree.rootNode.text, 'a: b # note\n');
		result.delete();
		tree.delete();
	});

	it('a YAML run of 64,000 "{" is converted in linear time (70 s before, on a loaded machine: node.child(i) is quadratic there)', () => {
		const { value: document, ms } = timed(() => parseYaml(parsers, '{'.repeat(64_000)));
		assert.ok(ms < 5_000, `${ms.toFixed(0)} ms`);
		assert.equal(document.value, undefined);
		assert.ok(document.errors.length > 0);
	});
});
