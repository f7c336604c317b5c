/**
 * Same-length rewrites of shell text before it goes to tree-sitter-bash. Because no character is added or
 * removed, an offset into the rewritten text is an offset into the original, and spans need no map.
 */

export interface PreparedText {
	/** What tree-sitter parses and the word evaluator reads literals from. */
	readonly parseText: string;
	/** Ranges (local, end exclusive) that stand for a GitHub `${{ … }}` expression, sorted. */
	readonly placeholders: readonly { readonly start: number; readonly end: number }[];
}

export interface PrepareOptions {
	/** Dockerfile shell-form body with this escape character (`\` or a backtick). */
	readonly dockerEscape?: string | undefined;
	readonly githubExpressions?: boolean | undefined;
}

export function prepareShellText(text: string, options: PrepareOptions): PreparedText {
	if (!needsRewrite(text, options)) return { parseText: text, placeholders: [] };
	const chars = text.split('');
	if (options.dockerEscape !== undefined) joinDockerContinuations(chars, options.dockerEscape);
	normalizeCarriageReturns(chars);
	const placeholders = options.githubExpressions ? replaceGithubExpressions(chars) : [];
	return { parseText: chars.join(''), placeholders };
}

/** Each rewrite starts at a character most texts do not have: the escape character, a CR, `${{`. */
function needsRewrite(text: string, options: PrepareOptions): boolean {
	return (options.dockerEscape !== undefined && text.includes(options.dockerEscape)) || text.includes('\r') || (options.githubExpressions === true && text.includes('${{'));
}

/**
 * Docker (BuildKit's parser) joins a continued instruction before the shell sees it: a line continues when
 * it ends with the escape character, blanks allowed after it; following comment lines and empty lines are
 * dropped. We blank such lines, line break included, and write the continuation as bash's "\⏎" at the very
 * end of the line (also for a backtick escape), so bash reads the text as Docker does.
 */
function joinDockerContinuations(chars: string[], escape: string): void {
	let continuing = false;
	let lineStart = 0;
	while (lineStart < chars.length) {
		let lineEnd = lineStart; // index of '\n' or chars.length
		while (lineEnd < chars.length && chars[lineEnd] !== '\n') lineEnd++;
		let contentEnd = lineEnd; // before a '\r' of CRLF
		if (contentEnd > lineStart && chars[contentEnd - 1] === '\r') contentEnd--;
		if (continuing && lineEnd < chars.length && isBlankOrComment(chars, lineStart, contentEnd)) {
			for (let i = lineStart; i <= lineEnd; i++) chars[i] = ' ';
		} else {
			// BuildKit's continuation is the escape character followed by optional blanks at the end of a line.
			let last = contentEnd - 1;
			while (last >= lineStart && (chars[last] === ' ' || chars[last] === '\t')) last--;
			continuing = lineEnd < chars.length && last >= lineStart && chars[last] === escape;
			if (continuing) {
				// Move the continuation to the very end of the line, where bash expects it.
				chars[last] = ' ';
				chars[contentEnd - 1] = '\\';
			}
		}
		lineStart = lineEnd + 1;
	}
}

function isBlankOrComment(chars: readonly string[], start: number, end: number): boolean {
	let i = start;
	while (i < end && (chars[i] === ' ' || chars[i] === '\t')) i++;
	return i === end || chars[i] === '#';
}

/**
 * CRLF files: bash would keep `\r` as a character of the last word of each line. Blank it. A continuation
 * `\`+CR+LF becomes space+`\`+LF, which bash reads as the same continuation (only when the backslash is not
 * itself escaped, i.e. an odd run of backslashes).
 */
function normalizeCarriageReturns(chars: string[]): void {
	for (let i = 0; i + 1 < chars.length; i++) {
		if (chars[i] !== '\r' || chars[i + 1] !== '\n') continue;
		let backslashes = 0;
		while (i - backslashes - 1 >= 0 && chars[i - backslashes - 1] === '\\') backslashes++;
		if (backslashes % 2 === 1) {
			chars[i - 1] = ' ';
			chars[i] = '\\';
		} else {
			chars[i] = ' ';
		}
	}
}

/**
 * `${{ expr }}` → `${____}` of the same length: a parameter expansion of a variable nobody sets, so the
 * word is dynamic and bash sees no syntax error (PARSING.md). Inside single quotes the evaluator checks
 * `placeholders` to still treat it as dynamic.
 */
function replaceGithubExpressions(chars: string[]): { start: number; end: number }[] {
	const found: { start: number; end: number }[] = [];
	for (let i = 0; i + 4 < chars.length; i++) {
		if (chars[i] !== '$' || chars[i + 1] !== '{' || chars[i + 2] !== '{') continue;
		let j = i + 3;
		while (j + 1 < chars.length && !(chars[j] === '}' && chars[j + 1] === '}')) j++;
		if (j + 1 >= chars.length) break;
		const end = j + 2;
		chars[i + 1] = '{';
		for (let k = i + 2; k < end - 1; k++) chars[k] = '_';
		chars[end - 1] = '}';
		found.push({ start: i, end });
		i = end - 1;
	}
	return found;
}
