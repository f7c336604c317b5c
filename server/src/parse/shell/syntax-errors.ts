import type { ShellNode } from './flat-tree';
import { mapSpan, type OffsetMap } from './offset-map';
import type { ShellSyntaxError } from './types';

const MAX_ERRORS = 50;

/** ERROR and MISSING nodes as messages with document spans. Iterative: error trees can be deep. */
export function collectSyntaxErrors(root: ShellNode, text: string, map: OffsetMap, out: ShellSyntaxError[]): void {
	if (!root.hasError) return;
	const stack: ShellNode[] = [root];
	let reported = 0;
	while (stack.length > 0 && reported < MAX_ERRORS) {
		const node = stack.pop()!;
		if (node.type === 'ERROR') {
			out.push({ span: mapSpan(map, node.startIndex, node.endIndex), message: errorMessage(node, text) });
			reported++;
			continue;
		}
		if (node.isMissing) {
			out.push(missingError(node, map));
			reported++;
			continue;
		}
		const children = node.children;
		for (let i = children.length - 1; i >= 0; i--) {
			const child = children[i];
			if (child.hasError || child.isMissing || child.type === 'ERROR') stack.push(child);
		}
	}
}

function errorMessage(node: ShellNode, text: string): string {
	const snippet = text.slice(node.startIndex, node.endIndex);
	const first = snippet.trimStart()[0];
	if (first === "'" || first === '"' || snippet.trimStart().startsWith("$'")) return 'unterminated quoted string';
	const line = snippet.trim().split('\n')[0] ?? '';
	const shown = line.length > 30 ? `${line.slice(0, 30)}…` : line;
	return shown ? `shell syntax error near "${shown}"` : 'shell syntax error';
}

function missingError(node: ShellNode, map: OffsetMap): ShellSyntaxError {
	const parent = node.parent;
	if ((node.type === '"' || node.type === "'" || node.type === '`') && parent) {
		return { span: mapSpan(map, parent.startIndex, parent.endIndex), message: 'unterminated quoted string' };
	}
	const at = mapSpan(map, node.startIndex, node.startIndex);
	return { span: at, message: `shell syntax error: missing "${node.type}"` };
}
