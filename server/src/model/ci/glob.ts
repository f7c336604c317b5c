/**
 * Glob patterns (Dockerfile COPY sources, artifact paths, GitLab include paths) as regular expressions that
 * cannot fail to compile: `*` and `?` stay within a path segment, `**` crosses segments (when allowed),
 * `[…]` is a character class only when it is closed (`[!…]` negates, as in Go's filepath.Match); everything
 * else is literal. Characters are code points (the `u` flag): `?` matches one emoji, as Go's `?` matches one rune.
 */
export function globToRegExp(glob: string, options: { globstar?: boolean; prefixOf?: boolean } = {}): RegExp {
	let out = '';
	for (let i = 0; i < glob.length; i++) {
		const c = glob[i];
		if (c === '*') {
			if (options.globstar && glob[i + 1] === '*') {
				const slash = glob[i + 2] === '/';
				out += slash ? '(?:.*/)?' : '.*';
				i += slash ? 2 : 1;
			} else out += '[^/]*';
		} else if (c === '?') out += '[^/]';
		else if (c === '[') {
			const close = glob.indexOf(']', i + 2);
			if (close < 0) {
				out += '\\[';
				continue;
			}
			const body = glob.slice(i + 1, close);
			const negate = body.startsWith('!') || body.startsWith('^');
			const members = classMembers(negate ? body.slice(1) : body);
			// A range out of order (`[z-a]`) is a bad pattern to Go's filepath.Match, which then matches nothing.
			out += members === undefined ? '(?!)' : `[${negate ? '^' : ''}${members}]`;
			i = close;
		} else out += c.replace(/[.+^${}()|\\/\]]/g, '\\$&');
	}
	return new RegExp(`^${out}${options.prefixOf ? '(/.*)?' : ''}$`, 'u');
}

/**
 * The members of a character class as regular-expression source: `a-z` ranges by code point, every other
 * character literal; undefined when a range runs backwards (found by test/fuzz: `[🐳-}]` made `new RegExp` throw).
 */
function classMembers(body: string): string | undefined {
	const chars = [...body];
	let out = '';
	for (let i = 0; i < chars.length; i++) {
		if (chars[i + 1] === '-' && i + 2 < chars.length) {
			if (chars[i].codePointAt(0)! > chars[i + 2].codePointAt(0)!) return undefined;
			out += `${classLiteral(chars[i])}-${classLiteral(chars[i + 2])}`;
			i += 2;
		} else out += classLiteral(chars[i]);
	}
	return out;
}

function classLiteral(char: string): string {
	return /[\\\][^-]/.test(char) ? `\\${char}` : char;
}
