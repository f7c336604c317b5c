// The shell layer walks plain-object copies of tree-sitter trees (parse/shell/flat-tree.ts), made in one cursor
// pass and cached by text (parse/shell/bash-parses.ts). The copy must say exactly what web-tree-sitter's Node API
// says, offsets included (UTF-16), and the cache must never keep a parse stopped by its budget.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Node } from 'web-tree-sitter';
import { initNodeParsers } from '../../../server/src/node/wasm';
import { parseShell } from '../../../server/src/parse/shell';
import { MAX_CACHED_LENGTH, parseBashFlat } from '../../../server/src/parse/shell/bash-parses';
import { childByField, childrenByField, flattenTree, nodeText, type ShellNode } from '../../../server/src/parse/shell/flat-tree';
import { isParseStopped, type Parsers } from '../../../server/src/parse/tree-sitter';

let parsers: Parsers;
before(async () => {
	parsers = await initNodeParsers();
});

/** The flat copy of `text`'s tree, and the tree itself for comparison (deleted by the caller). */
function both(text: string): { flat: ShellNode; root: Node; done: () => void } {
	const tree = parsers.parseBash(text);
	assert.ok(!isParseStopped(tree));
	return { flat: flattenTree(tree), root: tree.rootNode, done: () => tree.delete() };
}

/** Every node of the copy against the Node API: type, flags, offsets, children, fields. */
function assertSameTree(node: Node, flat: ShellNode, parent: ShellNode | undefined): void {
	const at = `${node.type} at ${node.startIndex}`;
	assert.equal(flat.type, node.type, at);
	assert.equal(flat.isNamed, node.isNamed, at);
	assert.equal(flat.isMissing, node.isMissing, at);
	assert.equal(flat.type === 'ERROR', node.isError, at);
	assert.equal(flat.hasError, node.hasError, at);
	assert.equal(flat.startIndex, node.startIndex, at);
	assert.equal(flat.endIndex, node.endIndex, at);
	assert.equal(flat.parent, parent, at);
	const children = node.children;
	assert.equal(flat.children.length, children.length, at);
	assert.deepEqual(flat.namedChildren, flat.children.filter((c) => c.isNamed), at);
	assert.equal(flat.namedChildren.length, node.namedChildren.length, at);
	for (const field of parsers.bash.fields) {
		if (!field) continue;
		assert.equal(childByField(flat, field)?.startIndex, node.childForFieldName(field)?.startIndex, `${at}: ${field}`);
		assert.deepEqual(childrenByField(flat, field).map((c) => c.startIndex), node.childrenForFieldName(field).map((c) => c?.startIndex), `${at}: ${field}s`);
	}
	children.forEach((child, i) => {
		assert.equal(flat.children[i].field, node.fieldNameForChild(i) ?? undefined, `${at}: field of child ${i}`);
		assertSameTree(child, flat.children[i], flat);
	});
}

/** A tiny stand-in parser that counts the parses it does. */
function countingParsers(parse: Parsers['parseBash'] = (text) => parsers.parseBash(text)): Pick<Parsers, 'parseBash'> & { parses: number } {
	const counting = {
		parses: 0,
		parseBash: (text: string) => {
			counting.parses++;
			return parse(text);
		},
	};
	return counting;
}

describe('flat shell trees', () => {
	it('keeps types, fields and both child lists of a command', () => {
		const text = 'CGO_ENABLED=0 go build -o /app . 2>/dev/null';
		const { flat, done } = both(text);
		done(); // the copy does not need the tree any more
		assert.equal(flat.type, 'program');
		const statement = flat.namedChildren[0];
		assert.equal(statement.type, 'redirected_statement');
		const command = childByField(statement, 'body')!;
		assert.equal(command.type, 'command');
		assert.deepEqual(command.children.map((c) => `${c.field ?? '-'}:${c.type}`), ['-:variable_assignment', 'name:command_name', 'argument:word', 'argument:word', 'argument:word', 'argument:word']);
		assert.equal(nodeText(childByField(command, 'name')!, text), 'go');
		assert.deepEqual(childrenByField(command, 'argument').map((c) => nodeText(c, text)), ['build', '-o', '/app', '.']);
		const assignment = command.children[0];
		assert.deepEqual(assignment.children.map((c) => c.type), ['variable_name', '=', 'number']);
		assert.deepEqual(assignment.namedChildren.map((c) => c.type), ['variable_name', 'number']);
		assert.equal(assignment.parent, command);
		assert.equal(flat.hasError, false);
	});

	it('offsets are UTF-16 code units, as Node.startIndex: é and emoji before and inside words', () => {
		const text = 'echo é😀 "$(printf %s é)" && x=😀😀; echo "${x}" \'ü\' # ✓\nCGO_ENABLED=0 go build -o /out/ñ .';
		const { flat, root, done } = both(text);
		try {
			assertSameTree(root, flat, undefined);
		} finally {
			done();
		}
		const words = flat.namedChildren[0].namedChildren[0].namedChildren.map((c) => nodeText(c, text));
		assert.deepEqual(words, ['echo', 'é😀', '"$(printf %s é)"']);
		const last = flat.namedChildren[flat.namedChildren.length - 1];
		assert.equal(nodeText(last.children[last.children.length - 1], text), '.');
	});

	it('MISSING and ERROR nodes, and hasError, as tree-sitter reports them', () => {
		for (const text of ['echo "unterminated', 'if true; then echo x', 'echo )', 'a=$(echo', '(cd /x', "echo 'abc", 'for a{ in amd64 arm64; do echo', 'export A[[=0 && export B', 'case x in\n a) echo', 'echo ${A:-']) {
			const { flat, root, done } = both(text);
			try {
				assert.equal(root.hasError, true, text);
				assertSameTree(root, flat, undefined);
			} finally {
				done();
			}
		}
		const { flat, done } = both('(cd /x');
		done();
		const subshell = flat.namedChildren[0];
		const missing = subshell.children[subshell.children.length - 1];
		assert.deepEqual([missing.type, missing.isMissing, missing.startIndex, missing.endIndex, subshell.hasError, flat.hasError], [')', true, 6, 6, true, true]);
		const error = both('echo )');
		error.done();
		assert.deepEqual(error.flat.children.map((c) => `${c.type} ${c.hasError}`), ['command false', 'ERROR true']);
	});

	it('agrees with the Node API on heredocs, loops, functions, redirects, expansions and declarations', () => {
		const texts = [
			'cat <<EOF | sh\ngo build ./...\nEOF\n',
			'for GOARCH in amd64 arm64; do GOOS=linux go build -o /out/$GOARCH .; done',
			'f() { export CGO_ENABLED=0; }; f && go build',
			'go build 2>/dev/null -o x . > /dev/null',
			'echo ${A:-x} ${#B} ${C+y} $\'a\\tb\' $"t" `date` <(ls) $((1+2)) ~/x {a,b}',
			'declare -x A=1 B; unset -f g; local C+=2; readonly D',
			'case "$GOOS" in linux) echo l;; *) echo o;; esac; while read l; do :; done < f; [[ -n $A ]] && (cd /x; make)',
		];
		for (const text of texts) {
			const { flat, root, done } = both(text);
			try {
				assertSameTree(root, flat, undefined);
			} finally {
				done();
			}
		}
	});
});

describe('cached shell parses', () => {
	it('a text is parsed once; the walk is done every time (it depends on the options)', () => {
		const counting = countingParsers();
		const text = 'go build -o "$OUT" .';
		const a = parseShell(counting, text, { initialEnv: { OUT: '/a' } });
		const b = parseShell(counting, text, { initialEnv: { OUT: '/b' } });
		assert.equal(counting.parses, 1);
		assert.equal(a.commands[0].words[3].value, '/a');
		assert.equal(b.commands[0].words[3].value, '/b');
	});

	it('nested scripts (sh -c, a heredoc fed to a shell) are cached too', () => {
		const counting = countingParsers();
		const text = "sh -c 'go build ./...'\nbash <<'EOF'\ngo vet ./...\nEOF\n";
		const first = parseShell(counting, text);
		assert.equal(counting.parses, 3);
		const again = parseShell(counting, text);
		assert.equal(counting.parses, 3);
		assert.deepEqual(again, first);
		assert.deepEqual(first.commands.map((c) => c.name), ['sh', 'go', 'bash', 'go']);
	});

	it('a parse stopped at its work limit is kept (it would stop again); one stopped by the clock is not', () => {
		const stopping = countingParsers((text) => parsers.parseBash(text, undefined, { workBudget: 0 }));
		const text = 'go build ./...\n'.repeat(50);
		const stop = parseBashFlat(stopping, text);
		assert.deepEqual(stop, { stopped: true, limit: 'its work limit', repeatable: true });
		assert.equal(parseBashFlat(stopping, text), stop);
		assert.equal(parseShell(stopping, text).unparsed.length, 1);
		assert.equal(stopping.parses, 1);
		const clocked = countingParsers(() => ({ stopped: true, limit: 'its 5000 ms time limit', repeatable: false }));
		assert.ok(isParseStopped(parseBashFlat(clocked, text)));
		assert.ok(isParseStopped(parseBashFlat(clocked, text)));
		assert.equal(clocked.parses, 2);
	});

	it('each parser has its own cache, and texts over the length limit are not kept', () => {
		const one = countingParsers();
		const two = countingParsers();
		assert.equal(parseBashFlat(one, 'go mod download'), parseBashFlat(one, 'go mod download'));
		parseBashFlat(two, 'go mod download');
		assert.deepEqual([one.parses, two.parses], [1, 1]);
		const long = 'go build ./...; '.repeat(MAX_CACHED_LENGTH / 16 + 1);
		parseBashFlat(one, long);
		parseBashFlat(one, long);
		assert.equal(one.parses, 3);
	});
});
