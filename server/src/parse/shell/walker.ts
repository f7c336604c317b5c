import { isParseStopped, type Parsers } from '../tree-sitter';
import type { Span } from '../span';
import { ShellState, StateStack } from './environment';
import { parseBashFlat } from './bash-parses';
import { childByField, childrenByField, nodeText, type ShellNode } from './flat-tree';
import { charMap, mapSpan, shiftMap, type OffsetMap } from './offset-map';
import { prepareShellText } from './prepare';
import { collectSyntaxErrors } from './syntax-errors';
import type {
	Connector,
	ParseShellOptions,
	ShellAssignment,
	ShellCommand,
	ShellCommandKind,
	ShellContextKind,
	ShellDeclaration,
	ShellEvent,
	ShellSyntaxError,
	ShellUnparsed,
	ShellWord,
} from './types';
import { emptyWord, evalWord, expansionBudget, type EvalContext, type ExpansionBudget, type Lookup, type OpaqueRange } from './words';
import { commandBasename, joinWords, spanUnion } from './word-utils';
import { unwrapCommand } from './wrappers';

/**
 * Walks a tree-sitter-bash tree and produces the flat command list and the event list. It copes with the
 * grammar's quirks (tree-sitter-bash 0.25.1): `cmd 2>/dev/null -o x` puts `-o x` under the redirect; `$"…"`
 * comes as a `$` token next to a string; `a\⏎b` comes as two words; `a | b || c` nests the list in the
 * pipeline. Commands inside `$(…)` and `sh -c '…'` are recorded too (with their context).
 */

const MAX_DEPTH = 200;
const MAX_NESTED_SCRIPTS = 8;
/**
 * Longer shell text is not given to tree-sitter at all (no real RUN body or CI step comes near it): within
 * the limit, a parse is bounded by its work budget (`parseWorkBudget`).
 */
export const MAX_SHELL_TEXT = 64 * 1024;
const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'mksh', 'busybox']);
const CONNECTORS: Record<string, Connector> = { '&&': '&&', '||': '||', ';': ';', ';;': ';', '&': '&', '|': '|', '|&': '|&' };
const WORD_TYPES = new Set([
	'word', 'string', 'raw_string', 'ansi_c_string', 'translated_string', 'concatenation', 'simple_expansion', 'expansion',
	'number', 'command_substitution', 'process_substitution', 'arithmetic_expansion', 'brace_expression', 'variable_name',
	'special_variable_name', 'regex', 'extglob_pattern', 'test_operator', 'file_descriptor',
]);

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

interface Sequence {
	pending: Connector | undefined;
	last: Mutable<ShellCommand> | undefined;
	lastEnd: number;
}

interface Shared {
	readonly parsers: Pick<Parsers, 'parseBash'>;
	readonly commands: Mutable<ShellCommand>[];
	readonly events: ShellEvent[];
	readonly errors: ShellSyntaxError[];
	readonly unparsed: ShellUnparsed[];
	readonly stack: StateStack;
	/** `EvalContext.rawOf` and `lookup`: the same for every level, so made once. */
	readonly rawOf: (span: Span) => string;
	readonly lookup: (name: string) => Lookup;
	nested: number;
	visitDepth: number;
	tooDeep: boolean;
	readonly budget: ExpansionBudget;
}

interface Level {
	readonly shared: Shared;
	readonly parseText: string;
	readonly originalText: string;
	readonly map: OffsetMap;
	readonly opaque: readonly OpaqueRange[];
	readonly seq: Sequence;
	readonly within: readonly ShellContextKind[];
	readonly conditional: boolean;
	readonly parentCommand: number | undefined;
	/** Extra argument nodes of a command, found under a following redirect (grammar quirk), by command node. */
	readonly extraArgs: Map<ShellNode, ShellNode[]>;
	readonly ctx: EvalContext;
}

export interface WalkResult {
	readonly commands: ShellCommand[];
	readonly events: ShellEvent[];
	readonly errors: ShellSyntaxError[];
	readonly unparsed: ShellUnparsed[];
}

/** Parses and walks a top-level fragment. */
export function walkFragment(parsers: Pick<Parsers, 'parseBash'>, text: string, options: ParseShellOptions): WalkResult {
	const base = options.baseOffset ?? 0;
	const stack = new StateStack(ShellState.initial(options));
	const shared: Shared = {
		parsers,
		commands: [],
		events: [],
		errors: [],
		unparsed: [],
		stack,
		rawOf: (span) => text.slice(Math.max(0, span.start - base), Math.max(0, span.end - base)),
		lookup: (name) => stack.top.lookup(name),
		nested: 0,
		visitDepth: 0,
		tooDeep: false,
		budget: expansionBudget(),
	};
	const map = shiftMap(base);
	if (text.length > MAX_SHELL_TEXT) {
		addUnparsed(shared, map, text, `shell text of ${Math.ceil(text.length / 1024)} KB is over the ${MAX_SHELL_TEXT / 1024} KB parse limit`, false);
	} else {
		const prepared = prepareShellText(text, { dockerEscape: options.dockerfile?.escapeChar, githubExpressions: options.githubExpressions });
		const opaque: OpaqueRange[] = prepared.placeholders.map((p) => ({ ...p, kind: 'ci-expression' }));
		walkText(shared, prepared.parseText, text, map, opaque, { within: [], conditional: false, parentCommand: undefined });
	}
	return { commands: shared.commands, events: shared.events, errors: shared.errors, unparsed: shared.unparsed };
}

/** Records text that was not parsed, as unparsed and as a syntax error (`reason` ends before the colon). */
function addUnparsed(shared: Shared, map: OffsetMap, text: string, reason: string, nested: boolean): void {
	const span = mapSpan(map, 0, text.length);
	shared.unparsed.push({ span, reason, nested });
	shared.errors.push({ span, message: `${reason}: the shell text is treated as opaque` });
}

function walkText(
	shared: Shared,
	parseText: string,
	originalText: string,
	map: OffsetMap,
	opaque: readonly OpaqueRange[],
	outer: { within: readonly ShellContextKind[]; conditional: boolean; parentCommand: number | undefined },
): void {
	const root = parseBashFlat(shared.parsers, parseText);
	if (isParseStopped(root)) {
		addUnparsed(shared, map, parseText, `shell parse stopped at ${root.limit}`, outer.parentCommand !== undefined);
		return;
	}
	const level = makeLevel({
		shared,
		parseText,
		originalText,
		map,
		opaque,
		seq: newSequence(),
		within: outer.within,
		conditional: outer.conditional,
		parentCommand: outer.parentCommand,
		extraArgs: new Map(),
	});
	visit(root, level);
	collectSyntaxErrors(root, parseText, map, shared.errors);
}

function makeLevel(base: Omit<Level, 'ctx'>): Level {
	// Fields listed rather than spread: a level is made for every pipeline element and every scope.
	const level: Level = {
		shared: base.shared,
		parseText: base.parseText,
		originalText: base.originalText,
		map: base.map,
		opaque: base.opaque,
		seq: base.seq,
		within: base.within,
		conditional: base.conditional,
		parentCommand: base.parentCommand,
		extraArgs: base.extraArgs,
		ctx: {
			parseText: base.parseText,
			originalText: base.originalText,
			map: base.map,
			opaque: base.opaque,
			rawOf: base.shared.rawOf,
			lookup: base.shared.lookup,
			onSubstitution: (node: ShellNode) => substitution(node, level),
			budget: base.shared.budget,
		},
	};
	return level;
}

function derive(level: Level, change: { within?: ShellContextKind; conditional?: boolean; seq?: Sequence }): Level {
	return makeLevel({
		shared: level.shared,
		parseText: level.parseText,
		originalText: level.originalText,
		map: level.map,
		opaque: level.opaque,
		seq: change.seq ?? level.seq,
		within: change.within ? [...level.within, change.within] : level.within,
		conditional: level.conditional || (change.conditional ?? false),
		parentCommand: level.parentCommand,
		extraArgs: level.extraArgs,
	});
}

function emit(level: Level, event: ShellEvent): void {
	level.shared.events.push(event);
	level.shared.stack.apply(event, level.shared.commands);
}

function scoped(level: Level, scope: Extract<ShellEvent, { kind: 'enter' }>['scope'], command: number | undefined, body: () => void): void {
	emit(level, { kind: 'enter', scope, command });
	try {
		body();
	} finally {
		emit(level, { kind: 'leave' });
	}
}

function visitChildren(node: ShellNode, level: Level): void {
	const children = node.children;
	for (let i = 0; i < children.length; i++) {
		const child = children[i];
		// `cmd &` runs in a subshell: what it sets does not reach the commands after it.
		if (child.isNamed && children[i + 1]?.type === '&') scoped(level, 'subshell', undefined, () => visit(child, level));
		else visit(child, level);
	}
}

function visit(node: ShellNode, level: Level): void {
	const shared = level.shared;
	if (shared.visitDepth > MAX_DEPTH) {
		if (!shared.tooDeep) {
			shared.tooDeep = true;
			shared.errors.push({ span: mapSpan(level.map, node.startIndex, node.endIndex), message: 'shell script nested too deeply to analyse' });
		}
		return;
	}
	shared.visitDepth++;
	try {
		visitNode(node, level);
	} finally {
		shared.visitDepth--;
	}
}

function visitNode(node: ShellNode, level: Level): void {
	if (!node.isNamed) {
		const connector = CONNECTORS[node.type];
		if (connector) level.seq.pending = connector;
		return;
	}
	// The right side of `||` may not run: its effects become "maybe" (merged as unknown).
	if (level.seq.pending === '||' && node.type !== 'list' && node.type !== 'comment' && !WORD_TYPES.has(node.type)) {
		scoped(level, 'conditional', undefined, () => visitStatement(node, derive(level, { conditional: true })));
		return;
	}
	visitStatement(node, level);
}

function visitStatement(node: ShellNode, level: Level): void {
	switch (node.type) {
		case 'command':
			simpleCommand(node, level);
			return;
		case 'variable_assignment':
			assignmentCommand([node], node, level);
			return;
		case 'variable_assignments':
			assignmentCommand(node.namedChildren.filter((c) => c.type === 'variable_assignment'), node, level);
			return;
		case 'declaration_command':
			declarationCommand(node, level);
			return;
		case 'unset_command':
			unsetCommand(node, level);
			return;
		case 'subshell':
			scoped(level, 'subshell', undefined, () => visitChildren(node, derive(level, { within: 'subshell' })));
			return;
		case 'compound_statement':
			visitChildren(node, derive(level, { within: 'group' }));
			return;
		case 'pipeline':
			pipeline(node, level);
			return;
		case 'redirected_statement':
			redirected(node, level);
			return;
		case 'if_statement':
			scoped(level, 'conditional', undefined, () => visitChildren(node, derive(level, { within: 'if', conditional: true })));
			return;
		case 'while_statement':
		case 'c_style_for_statement':
			scoped(level, 'conditional', undefined, () => visitChildren(node, derive(level, { within: 'loop', conditional: true })));
			return;
		case 'for_statement':
			forStatement(node, level);
			return;
		case 'case_statement':
			scoped(level, 'conditional', undefined, () => visitChildren(node, derive(level, { within: 'case', conditional: true })));
			return;
		case 'function_definition': {
			const body = childByField(node, 'body');
			if (body) scoped(level, 'function', undefined, () => visit(body, derive(level, { within: 'function', conditional: true, seq: newSequence() })));
			return;
		}
		case 'comment':
		case 'heredoc_body':
		case 'heredoc_start':
		case 'heredoc_end':
		case 'file_redirect':
		case 'herestring_redirect':
			return;
		case 'test_command':
			scanSubstitutions(node, level);
			return;
		case 'command_substitution':
		case 'process_substitution':
			substitution(node, level);
			return;
		default:
			if (WORD_TYPES.has(node.type)) scanSubstitutions(node, level);
			else visitChildren(node, level);
	}
}

function newSequence(): Sequence {
	return { pending: undefined, last: undefined, lastEnd: 0 };
}

function pipeline(node: ShellNode, level: Level): void {
	for (const child of node.children) {
		if (!child.isNamed) visit(child, level);
		else scoped(level, 'pipeline', undefined, () => visit(child, derive(level, { within: 'pipeline' })));
	}
}

function forStatement(node: ShellNode, level: Level): void {
	scoped(level, 'conditional', undefined, () => {
		const inner = derive(level, { within: 'loop', conditional: true });
		for (const value of childrenByField(node, 'value')) scanSubstitutions(value, inner);
		const variable = childByField(node, 'variable');
		if (variable) {
			emit(inner, { kind: 'set', command: undefined, name: nodeText(variable, level.parseText), value: undefined, unknown: true, exported: undefined, append: false, span: mapSpan(level.map, variable.startIndex, variable.endIndex) });
		}
		const body = childByField(node, 'body');
		if (body) visit(body, inner);
	});
}

function redirected(node: ShellNode, level: Level): void {
	const body = childByField(node, 'body');
	const redirects = childrenByField(node, 'redirect');
	const extras = redirects.flatMap((r) => extraDestinations(r));
	if (body && extras.length > 0) {
		const target = lastCommandNode(body);
		if (target) level.extraArgs.set(target, [...(level.extraArgs.get(target) ?? []), ...extras]);
	}
	const before = level.shared.commands.length;
	if (body) visit(body, level);
	const shell = body?.type === 'command' ? level.shared.commands.slice(before).find((c) => c.span.start === level.map.start(body.startIndex)) : undefined;
	for (const r of redirects) {
		if (r.type !== 'heredoc_redirect') continue;
		if (shell) heredocScript(r, shell, level);
		// Statements written after the heredoc start on its line: `cat <<EOF | sh`, `<<EOF && go build`.
		for (const child of r.children) {
			if (!child.isNamed) visit(child, level);
			else if (!WORD_TYPES.has(child.type) && !child.type.startsWith('heredoc') && child.type !== 'file_redirect') visit(child, level);
		}
	}
}

/** `cmd 2>/dev/null -o x .`: tree-sitter-bash puts `-o x .` under the redirect; they are arguments of cmd. */
function extraDestinations(redirect: ShellNode): ShellNode[] {
	if (redirect.type !== 'file_redirect') return [];
	return childrenByField(redirect, 'destination').slice(1);
}

function lastCommandNode(node: ShellNode): ShellNode | undefined {
	if (node.type === 'command') return node;
	if (node.type === 'redirected_statement') {
		const body = childByField(node, 'body');
		return body ? lastCommandNode(body) : undefined;
	}
	if (node.type === 'list' || node.type === 'pipeline') {
		const named = node.namedChildren;
		const last = named[named.length - 1];
		return last ? lastCommandNode(last) : undefined;
	}
	return undefined;
}

function scanSubstitutions(node: ShellNode, level: Level, depth = 0): void {
	if (depth > MAX_DEPTH) return;
	for (const child of node.namedChildren) {
		if (child.type === 'command_substitution' || child.type === 'process_substitution') substitution(child, level);
		else scanSubstitutions(child, level, depth + 1);
	}
}

function substitution(node: ShellNode, level: Level): void {
	if (level.opaque.some((r) => node.startIndex >= r.start && node.startIndex < r.end)) return;
	const kind = node.type === 'process_substitution' ? 'process-substitution' : 'command-substitution';
	scoped(level, 'command-substitution', undefined, () => visitChildren(node, derive(level, { within: kind, seq: newSequence() })));
}

/** Groups argument nodes that form one word: adjacent, or joined only by `\⏎` (grammar quirks). */
function wordGroups(nodes: readonly ShellNode[], text: string): ShellNode[][] {
	const groups: ShellNode[][] = [];
	let prev: ShellNode | undefined;
	for (const node of nodes) {
		if (prev && onlyContinuations(text, prev.endIndex, node.startIndex)) groups[groups.length - 1].push(node);
		else groups.push([node]);
		prev = node;
	}
	return groups;
}

/** Whether `text` from `from` to `to` is empty (so also when `to` is before `from`) or only `\⏎` pairs. */
function onlyContinuations(text: string, from: number, to: number): boolean {
	if (to <= from) return true;
	if ((to - from) % 2 !== 0) return false;
	for (let i = from; i < to; i += 2) if (text[i] !== '\\' || text[i + 1] !== '\n') return false;
	return true;
}

function evalWords(nodes: readonly ShellNode[], level: Level, ctx: EvalContext = level.ctx): ShellWord[] {
	const words: ShellWord[] = [];
	for (const group of wordGroups(inTextOrder(nodes), level.parseText)) words.push(...evalWord(ctx, group, true));
	return words;
}

/** Nodes sorted by start; usually they already are (only extra arguments found under a redirect come last). */
function inTextOrder(nodes: readonly ShellNode[]): readonly ShellNode[] {
	for (let i = 1; i < nodes.length; i++) if (nodes[i].startIndex < nodes[i - 1].startIndex) return [...nodes].sort((a, b) => a.startIndex - b.startIndex);
	return nodes;
}

function evalAssignment(node: ShellNode, ctx: EvalContext, level: Level): ShellAssignment {
	const nameNode = childByField(node, 'name') ?? node.namedChildren[0] ?? node;
	const valueNode = childByField(node, 'value');
	const op = node.children.find((c) => !c.isNamed && (c.type === '=' || c.type === '+='));
	const append = op?.type === '+=';
	const eq = op ? op.endIndex : nameNode.endIndex;
	let value: ShellWord;
	if (valueNode) {
		// A value may be split over adjacent nodes (`A=$"x"`); take everything up to the end of the node.
		const nodes = node.namedChildren.filter((c) => c.startIndex >= eq);
		value = evalWord(ctx, nodes.length > 0 ? nodes : [valueNode], false)[0] ?? emptyWord(ctx, eq);
	} else {
		value = emptyWord(ctx, eq);
	}
	return {
		name: level.parseText.slice(nameNode.startIndex, nameNode.endIndex),
		nameSpan: mapSpan(level.map, nameNode.startIndex, nameNode.endIndex),
		span: mapSpan(level.map, node.startIndex, node.endIndex),
		value,
		append,
	};
}

/** Prefix assignments see the ones before them (bash evaluates them left to right). */
function evalPrefixAssignments(nodes: readonly ShellNode[], level: Level): ShellAssignment[] {
	if (nodes.length === 0) return [];
	const overlay = new Map<string, Lookup>();
	const ctx: EvalContext = { ...level.ctx, lookup: (name) => overlay.get(name) ?? level.ctx.lookup(name) };
	return nodes.map((node) => {
		const a = evalAssignment(node, ctx, level);
		overlay.set(a.name, a.value.value === undefined || a.append ? { kind: 'set-unknown' } : { kind: 'value', value: a.value.value });
		return a;
	});
}

function addCommand(
	level: Level,
	node: ShellNode,
	kind: ShellCommandKind,
	assignments: readonly ShellAssignment[],
	words: readonly ShellWord[],
	declarations: readonly ShellDeclaration[],
): Mutable<ShellCommand> {
	const shared = level.shared;
	const seq = level.seq;
	let connector = seq.pending;
	if (!connector && seq.last) connector = hasLineBreak(level.parseText, seq.lastEnd, node.startIndex) ? 'newline' : ';';
	// From the first to the last word or assignment: a redirect after them is not part of the command's span.
	let span: Span | undefined;
	for (const a of assignments) span = span ? spanUnion(span, a.span) : a.span;
	for (const w of words) span = span ? spanUnion(span, w.span) : w.span;
	span ??= mapSpan(level.map, node.startIndex, node.endIndex);
	const command: Mutable<ShellCommand> = {
		index: shared.commands.length,
		kind,
		span,
		assignments,
		words,
		name: words[0]?.value,
		declarations,
		connector,
		nextConnector: undefined,
		within: level.within,
		conditional: level.conditional || connector === '||',
		parentCommand: level.parentCommand,
	};
	if (seq.last) seq.last.nextConnector = connector;
	seq.pending = undefined;
	seq.last = command;
	seq.lastEnd = node.endIndex;
	shared.commands.push(command);
	emit(level, { kind: 'command', command: command.index });
	return command;
}

/** Whether `text` from `from` to `to` has a line break that is not a `\⏎` continuation. */
function hasLineBreak(text: string, from: number, to: number): boolean {
	for (let i = from; i < to; i++) if (text[i] === '\n' && (i === from || text[i - 1] !== '\\')) return true;
	return false;
}

function simpleCommand(node: ShellNode, level: Level): void {
	const prefix: ShellNode[] = [];
	const args: ShellNode[] = [];
	let nameNode: ShellNode | undefined;
	for (const child of node.children) {
		const field = child.field;
		if (field === 'name') nameNode = child;
		else if (field === 'argument') args.push(child);
		else if (field === 'redirect') args.push(...extraDestinations(child));
		else if (child.type === 'variable_assignment' && !nameNode) prefix.push(child);
	}
	args.push(...(level.extraArgs.get(node) ?? []));
	const assignments = evalPrefixAssignments(prefix, level);
	const nameNodes = nameNode ? (nameNode.namedChildren.length > 0 ? nameNode.namedChildren : [nameNode]) : [];
	const words = evalWords([...nameNodes, ...args], level);
	if (words.length === 0) {
		addCommand(level, node, 'assignment', assignments, [], []);
		setAll(level, assignments, level.shared.commands.length - 1);
		return;
	}
	const name = words[0].value;
	const kind: ShellCommandKind = name === 'cd' || name === 'pushd' ? 'cd' : 'simple';
	const command = addCommand(level, node, kind, assignments, words, []);
	builtinEffects(command, level);
	const script = shellScriptWord(words);
	if (script) nestedScript(script, command, level, 'child-shell');
	else if (name === 'eval' && words.length > 1) {
		// eval re-reads its (already expanded) arguments in the same shell: no new scope.
		const joined = joinWords(words.slice(1));
		if (joined) nestedScript(joined, command, level, 'eval');
	}
}

function setAll(level: Level, assignments: readonly ShellAssignment[], command: number): void {
	for (const a of assignments) {
		emit(level, { kind: 'set', command, name: a.name, value: a.value, unknown: a.value.dynamic, exported: undefined, append: a.append, span: a.span });
	}
}

function assignmentCommand(nodes: readonly ShellNode[], node: ShellNode, level: Level): void {
	// `A=1 B=$A` alone: each assignment is done before the next one is expanded.
	const assignments = evalPrefixAssignments(nodes, level);
	const command = addCommand(level, node, 'assignment', assignments, [], []);
	setAll(level, assignments, command.index);
}

function declarationCommand(node: ShellNode, level: Level): void {
	const keywordNode = node.children[0];
	const keyword = keywordNode && !keywordNode.isNamed ? keywordNode.type : level.parseText.slice(node.startIndex, node.endIndex).split(/\s/)[0] ?? '';
	const options = node.namedChildren
		.filter((c) => c.type === 'word')
		.map((c) => level.parseText.slice(c.startIndex, c.endIndex))
		.filter((t) => /^[-+][A-Za-z]+$/.test(t));
	const has = (sign: string, letter: string) => options.some((o) => o[0] === sign && o.includes(letter));
	if (has('-', 'f') || has('-', 'F') || has('-', 'p')) {
		addCommand(level, node, 'simple', [], evalWords(node.children, level), []);
		return;
	}
	let exported: boolean | undefined;
	if (keyword === 'export') exported = !has('-', 'n');
	else if (has('-', 'x')) exported = true;
	else if (has('+', 'x')) exported = false;
	const declarations: ShellDeclaration[] = [];
	const words: ShellWord[] = [];
	for (const child of node.children) {
		if (child.type === 'variable_assignment') {
			const decl = declarationItem(child, level, exported);
			if (decl) declarations.push(decl);
			words.push(wordOfAssignment(child, decl, level));
			continue;
		}
		if (child.type === 'variable_name') {
			const decl = declarationItem(child, level, exported);
			if (decl) declarations.push(decl);
		}
		words.push(...evalWords([child], level));
	}
	const command = addCommand(level, node, 'declaration', [], words, declarations);
	for (const d of declarations) {
		if (d.value) emit(level, { kind: 'set', command: command.index, name: d.name, value: d.value, unknown: d.value.dynamic, exported, append: false, span: d.span });
		else if (exported !== undefined) emit(level, { kind: 'set', command: command.index, name: d.name, value: undefined, unknown: false, exported, append: false, span: d.span });
	}
}

function declarationItem(item: ShellNode, level: Level, exported: boolean | undefined): ShellDeclaration | undefined {
	if (item.type === 'variable_assignment') {
		const a = evalAssignment(item, level.ctx, level);
		return { name: a.name, nameSpan: a.nameSpan, span: a.span, value: a.value, exported, unset: false };
	}
	if (item.type === 'variable_name') {
		const span = mapSpan(level.map, item.startIndex, item.endIndex);
		return { name: nodeText(item, level.parseText), nameSpan: span, span, value: undefined, exported, unset: false };
	}
	return undefined;
}

/** The argv word of a declaration's `A=1` argument (its text with the value resolved). */
function wordOfAssignment(item: ShellNode, decl: ShellDeclaration | undefined, level: Level): ShellWord {
	const ctx: EvalContext = { ...level.ctx, onSubstitution: () => undefined };
	return evalWord(ctx, [item], false)[0] ?? decl?.value ?? emptyWord(level.ctx, item.startIndex);
}

function unsetCommand(node: ShellNode, level: Level): void {
	const options = node.namedChildren
		.filter((c) => c.type === 'word' && nodeText(c, level.parseText).startsWith('-'))
		.map((c) => nodeText(c, level.parseText));
	const words = evalWords(node.children, level);
	const functionsOnly = options.some((o) => o.includes('f'));
	const declarations: ShellDeclaration[] = [];
	if (!functionsOnly) {
		for (const w of words.slice(1)) {
			if (w.value === undefined || w.value.startsWith('-')) continue;
			declarations.push({ name: w.value, nameSpan: w.span, span: w.span, value: undefined, exported: undefined, unset: true });
		}
	}
	const command = addCommand(level, node, 'unset', [], words, declarations);
	for (const d of declarations) emit(level, { kind: 'unset', command: command.index, name: d.name, span: d.span });
}

/** `cd`, `set -a`, `read VAR`: the builtins whose effect on later commands we track. */
function builtinEffects(command: ShellCommand, level: Level): void {
	const args = command.words.slice(1);
	if (command.kind === 'cd') {
		const dir = args.find((w) => !(w.value !== undefined && /^-[LPe@]+$/.test(w.value)) && w.value !== '--');
		emit(level, { kind: 'cd', command: command.index, dir, span: command.span });
		return;
	}
	if (command.name === 'set') {
		for (let i = 0; i < args.length; i++) {
			const t = args[i].value ?? '';
			if ((t === '-o' || t === '+o') && args[i + 1]?.value === 'allexport') emit(level, { kind: 'allexport', command: command.index, on: t === '-o' });
			else if (/^[-+][A-Za-z]*a[A-Za-z]*$/.test(t)) emit(level, { kind: 'allexport', command: command.index, on: t[0] === '-' });
		}
		return;
	}
	if (command.name === 'read') {
		for (let i = 0; i < args.length; i++) {
			const t = args[i].value;
			if (t === undefined) continue;
			if (/^-[adnNptu]$/.test(t)) i++;
			else if (!t.startsWith('-') && /^[A-Za-z_][A-Za-z0-9_]*$/.test(t)) {
				emit(level, { kind: 'set', command: command.index, name: t, value: undefined, unknown: true, exported: undefined, append: false, span: args[i].span });
			}
		}
	}
}

/** The script word of `sh -c 'script'` (also through `env`, `sudo` …, with clustered `-ec`, and `su -c`). */
function shellScriptWord(words: readonly ShellWord[]): ShellWord | undefined {
	const argv = unwrapCommand(words).argv;
	const name = argv[0]?.value;
	if (name !== undefined && (commandBasename(name) === 'su' || commandBasename(name) === 'runuser')) {
		const at = argv.findIndex((w) => w.value === '-c' || w.value === '--command' || w.value === '--session-command');
		return at > 0 ? argv[at + 1] : undefined;
	}
	if (name === undefined || !SHELLS.has(commandBasename(name))) return undefined;
	let i = 1;
	if (commandBasename(name) === 'busybox') {
		if (argv[1]?.value !== 'sh' && argv[1]?.value !== 'ash') return undefined;
		i = 2;
	}
	let dashC = false;
	for (; i < argv.length; i++) {
		const t = argv[i].value;
		if (t === undefined) return undefined;
		if (t === '--' || t === '-') {
			i++;
			break;
		}
		if (t.startsWith('--')) {
			if (t === '--rcfile' || t === '--init-file') i++;
			continue;
		}
		if ((t.startsWith('-') || t.startsWith('+')) && t.length > 1) {
			if (t.slice(1).includes('c')) dashC = true;
			if (t.slice(1).includes('o')) i++;
			continue;
		}
		break;
	}
	return dashC ? argv[i] : undefined;
}

/**
 * Parses the string of `sh -c` (or a heredoc fed to a shell) as a script of its own, in a child shell; or
 * the arguments of `eval`, in the same shell.
 */
function nestedScript(script: ShellWord, command: ShellCommand, level: Level, kind: 'child-shell' | 'eval'): void {
	const shared = level.shared;
	if (shared.nested >= MAX_NESTED_SCRIPTS) return;
	// What the outer shell left unresolved stays dynamic inside, even if the inner shell could expand it.
	const opaque: OpaqueRange[] = script.parts
		.filter((p) => p.kind === 'expansion' && !p.resolved && p.textEnd > p.textStart)
		.map((p) => ({ start: p.textStart, end: p.textEnd, kind: p.expansion ?? 'other', variable: p.variable }));
	const prepared = prepareShellText(script.text, {});
	const walk = () =>
		walkText(shared, prepared.parseText, script.text, charMap(script.charStarts, script.charEnds, script.span.start), opaque, {
			within: [...level.within, kind],
			conditional: level.conditional,
			parentCommand: command.index,
		});
	shared.nested++;
	try {
		if (kind === 'child-shell') scoped(level, 'child-shell', command.index, walk);
		else walk();
	} finally {
		shared.nested--;
	}
}

/** `bash <<EOF … EOF` / `sh -s <<'EOF'`: the heredoc body is the script. */
function heredocScript(redirect: ShellNode, command: ShellCommand, level: Level): void {
	const argv = unwrapCommand(command.words).argv;
	const name = argv[0]?.value;
	if (name === undefined || !SHELLS.has(commandBasename(name)) || argv.some((w) => w.value !== undefined && /^-[a-z]*c/.test(w.value))) return;
	if (argv.slice(1).some((w) => w.value === undefined || !w.value.startsWith('-'))) return; // `bash script.sh <<EOF`: data
	const body = redirect.namedChildren.find((c) => c.type === 'heredoc_body');
	const start = redirect.namedChildren.find((c) => c.type === 'heredoc_start');
	if (!body || !start) return;
	const quotedDelimiter = /['"\\]/.test(nodeText(start, level.parseText));
	const ctx: EvalContext = { ...level.ctx, onSubstitution: () => undefined };
	const word = heredocWord(body, quotedDelimiter, ctx);
	nestedScript(word, command, level, 'child-shell');
}

function heredocWord(body: ShellNode, literalOnly: boolean, ctx: EvalContext): ShellWord {
	if (literalOnly) {
		const starts: number[] = [];
		const ends: number[] = [];
		for (let i = body.startIndex; i < body.endIndex; i++) {
			starts.push(ctx.map.start(i));
			ends.push(ctx.map.end(i + 1));
		}
		const span = mapSpan(ctx.map, body.startIndex, body.endIndex);
		const text = ctx.originalText.slice(body.startIndex, body.endIndex);
		return { span, raw: ctx.rawOf(span), value: text, dynamic: false, text, charStarts: starts, charEnds: ends, parts: [], glob: false, splittable: false };
	}
	// An unquoted delimiter: expansions happen as inside double quotes.
	return evalWord(ctx, [body], false)[0] ?? emptyWord(ctx, body.startIndex);
}
