/**
 * Glob patterns (Dockerfile COPY sources, artifact paths, GitLab include paths) as regular expressions that
 * cannot fail to compile: `*` and `?` stay within a path segment, `**` crosses segments (when allowed),
 * `[…]` is a character class only when it is closed (`[!…]` negates, as in Go's filepath.Match); everything
 * else is literal.
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
			const members = (negate ? body.slice(1) : body).replace(/[\\\]^]/g, '\\$&');
			out += `[${negate ? '^' : ''}${members}]`;
			i = close;
		} else out += c.replace(/[.+^${}()|\\/\]]/g, '\\$&');
	}
	return new RegExp(`^${out}${options.prefixOf ? '(/.*)?' : ''}$`);
}
