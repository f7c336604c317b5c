import type { Language, Tree, TreeCursor } from 'web-tree-sitter';

/**
 * A tree-sitter syntax tree copied into plain objects, in one pass of a tree cursor. Every read of a
 * web-tree-sitter `Node` (`children`, `childForFieldName`, `fieldNameForChild` …) crosses into wasm and
 * marshals nodes, a large share of the walk's time; a copy costs a handful of cursor calls per node, is read
 * at JS speed afterwards, frees the wasm tree at once and, being plain data, can be cached by text.
 *
 * Offsets are in UTF-16 code units, as `Node.startIndex` (web-tree-sitter parses JS strings as UTF-16).
 */
export interface ShellNode {
	/** The grammar's type name (`command`, `word`, `&&` …); `ERROR` for an error node. */
	readonly type: string;
	readonly isNamed: boolean;
	/** Inserted by error recovery (a `"` or `fi` the text lacks). Always zero width. */
	readonly isMissing: boolean;
	/**
	 * As `Node.hasError`: this node or one under it is MISSING, or an ERROR node with children (a recovery),
	 * or an ERROR leaf that tree-sitter counts as an error (most ERROR leaves, characters its lexer could not
	 * read, have no error cost and do not count).
	 */
	readonly hasError: boolean;
	readonly startIndex: number;
	readonly endIndex: number;
	/** The field this node fills in its parent (`name`, `argument`, `body` …). */
	readonly field: string | undefined;
	readonly parent: ShellNode | undefined;
	/** Named and anonymous children, in text order. */
	readonly children: readonly ShellNode[];
	readonly namedChildren: readonly ShellNode[];
}

type Building = { -readonly [K in keyof ShellNode]: ShellNode[K] } & { children: ShellNode[]; namedChildren: ShellNode[] };

/** Shared by every leaf (most nodes), so leaves allocate no arrays. Never written to: see `addChild`. */
const NONE: ShellNode[] = [];

/** What a grammar says of its node types, by type id (read once: a cursor call less for every node). */
interface Grammar {
	readonly types: readonly string[];
	readonly fields: readonly (string | null)[];
	readonly named: readonly boolean[];
}

const grammars = new WeakMap<Language, Grammar>();

function grammarOf(language: Language): Grammar {
	let grammar = grammars.get(language);
	if (!grammar) {
		// `types` has holes (hidden symbols): Array.from visits them too, so every id below the count is asked.
		const named = Array.from(language.types, (_, id) => language.nodeTypeIsNamed(id));
		grammar = { types: language.types, fields: language.fields, named };
		grammars.set(language, grammar);
	}
	return grammar;
}

/** Copies `tree` (which the caller still owns and deletes). */
export function flattenTree(tree: Tree): ShellNode {
	const cursor = tree.walk();
	try {
		const grammar = grammarOf(tree.language);
		const root = nodeAt(cursor, grammar, undefined);
		let node = root;
		for (;;) {
			if (cursor.gotoFirstChild()) {
				node = addChild(node, nodeAt(cursor, grammar, node));
				continue;
			}
			// A leaf: climb to the nearest ancestor with a next sibling, finishing the nodes on the way.
			for (;;) {
				const parent = node.parent as Building | undefined;
				if (!parent) return root;
				if (node.hasError) parent.hasError = true;
				if (cursor.gotoNextSibling()) {
					node = addChild(parent, nodeAt(cursor, grammar, parent));
					break;
				}
				cursor.gotoParent();
				node = parent;
			}
		}
	} finally {
		cursor.delete();
	}
}

function nodeAt(cursor: TreeCursor, grammar: Grammar, parent: Building | undefined): Building {
	const typeId = cursor.nodeTypeId;
	const type = grammar.types[typeId] ?? 'ERROR';
	const startIndex = cursor.startIndex;
	const endIndex = cursor.endIndex;
	// Only a zero-width node can be MISSING: one wasm call less for every other node.
	const isMissing = startIndex === endIndex && cursor.nodeIsMissing;
	return {
		type,
		// An ERROR node's id (65535) is past the grammar's symbols; it is named.
		isNamed: grammar.named[typeId] ?? true,
		isMissing,
		// An ERROR node's cost is tree-sitter's to tell; they are rare, so asking for a `Node` costs nothing.
		hasError: isMissing || (type === 'ERROR' && cursor.currentNode.hasError),
		startIndex,
		endIndex,
		field: grammar.fields[cursor.currentFieldId] ?? undefined,
		parent,
		children: NONE,
		namedChildren: NONE,
	};
}

function addChild(parent: Building, child: Building): Building {
	if (parent.children === NONE) parent.children = [child];
	else parent.children.push(child);
	if (child.isNamed) {
		if (parent.namedChildren === NONE) parent.namedChildren = [child];
		else parent.namedChildren.push(child);
	}
	return child;
}

/**
 * The first child in `field`, as `Node.childForFieldName`: which finds nothing on an ERROR node (it has no
 * production, so no field map), though the children of one keep the fields of the rule they were parsed for.
 */
export function childByField(node: ShellNode, field: string): ShellNode | undefined {
	return node.type === 'ERROR' ? undefined : node.children.find((c) => c.field === field);
}

/** The children in `field`, in text order (as `Node.childrenForFieldName`, ERROR nodes included). */
export function childrenByField(node: ShellNode, field: string): ShellNode[] {
	return node.children.filter((c) => c.field === field);
}

/** The text a node spans in the text that was parsed (as `Node.text`). */
export function nodeText(node: ShellNode, parsedText: string): string {
	return parsedText.slice(node.startIndex, node.endIndex);
}
