// Meaning carried by comments, following modfile rule.go: isIndirect, parseDirectiveComment, parseDeprecation.
import type { Span } from '../span';
import type { GoModComment, GoModSyntaxBlock, GoModSyntaxLine } from './types';

/** modfile isIndirect: the end-of-line comment is `// indirect` or starts `// indirect;`. */
export function isIndirectComment(c: GoModComment | undefined): boolean {
	if (!c) return false;
	if (c.text === '// indirect') return true;
	const f = c.text.slice(2).trim().split(/\s+/);
	return (f.length === 1 && f[0] === 'indirect') || (f.length > 1 && f[0] === 'indirect;');
}

/** The comments that describe a directive: its own, or (when it has none) its block's. */
function directiveComments(block: GoModSyntaxBlock | undefined, line: GoModSyntaxLine): GoModComment[] {
	let comments = line.suffix ? [...line.before, line.suffix] : [...line.before];
	if (block && comments.length === 0) comments = block.suffix ? [...block.before, block.suffix] : [...block.before];
	return comments;
}

function commentBody(c: GoModComment): string {
	return c.text.slice(2).trim();
}

/** modfile parseDirectiveComment: the comment text without `//`, one line per comment. */
export function directiveComment(block: GoModSyntaxBlock | undefined, line: GoModSyntaxLine): string {
	return directiveComments(block, line).map(commentBody).join('\n');
}

// modfile deprecatedRE: `(?s)(?:^|\n\n)Deprecated: *(.*?)(?:$|\n\n)`, a paragraph that starts "Deprecated:".
const DEPRECATED_RE = /(?:^|\n\n)Deprecated: *([\s\S]*?)(?:$|\n\n)/;

/** modfile parseDeprecation, plus the span of the comment lines holding the paragraph. */
export function deprecation(block: GoModSyntaxBlock | undefined, line: GoModSyntaxLine): { message: string; span: Span } | undefined {
	const comments = directiveComments(block, line);
	const bodies = comments.map(commentBody);
	const text = bodies.join('\n');
	const m = DEPRECATED_RE.exec(text);
	if (!m) return undefined;
	const from = m.index + (m[0].startsWith('\n\n') ? 2 : 0);
	const to = m.index + m[0].length;
	// Map text offsets back to the comments they came from: bodies[i] starts at offset, followed by one '\n'.
	let first = -1;
	let last = -1;
	let offset = 0;
	for (let i = 0; i < bodies.length; i++) {
		const end = offset + bodies[i].length;
		if (first < 0 && from >= offset && from <= end) first = i;
		if (first >= 0 && (offset < to || i === first)) last = i;
		offset = end + 1;
	}
	if (first < 0) return undefined;
	// A trailing paragraph break belongs to the next paragraph, not to this one.
	while (last > first && bodies[last] === '') last--;
	return { message: m[1], span: { start: comments[first].span.start, end: comments[last].span.end } };
}
