import type { FileSystemView } from './file-system';
import { basename, dirname, joinPath, normalizePath } from './paths';

/**
 * Whether `.dockerignore` keeps a build-context file out of the context, so that `COPY` never sees it. The rules
 * follow moby's patternmatcher: one pattern per line, `#` comments, `!` re-includes, `**` spans directories,
 * a pattern that matches a parent directory excludes what is under it, and the last matching line decides.
 * BuildKit reads `<Dockerfile>.dockerignore` next to the Dockerfile in preference to the context's file.
 */
export interface DockerIgnore {
	/** `excluded`: a pattern excludes the path; `unknown`: a pattern could not be read (callers then stay silent). */
	status(relativePath: string): 'included' | 'excluded' | 'unknown';
}

interface Pattern {
	readonly negated: boolean;
	readonly regex: RegExp | undefined;
}

/** The ignore rules that apply to the context of `dockerfile`, or undefined when there are none. */
export function dockerIgnoreFor(fs: FileSystemView, dockerfile: string, contextDir: string): DockerIgnore | undefined {
	const text = fs.readFile(`${dockerfile}.dockerignore`) ?? fs.readFile(joinPath(contextDir, '.dockerignore'));
	if (text === undefined) return undefined;
	const patterns: Pattern[] = [];
	for (const raw of text.split(/\r?\n/)) {
		const line = raw.trim();
		if (line === '' || line.startsWith('#')) continue;
		const negated = line.startsWith('!');
		const body = normalizePath((negated ? line.slice(1) : line).trim().replace(/^\/+/, ''));
		if (body === '' || body === '.') continue;
		patterns.push({ negated, regex: patternRegex(body) });
	}
	// Every COPY asks about the files it names, and many COPY lines name the same files: each path is matched
	// against the patterns once (1,000 `COPY bin/tool* …` lines over 500 files and 2,000 patterns took 44 s).
	const known = new Map<string, Status>();
	return {
		status(relativePath) {
			const path = normalizePath(relativePath);
			let status = known.get(path);
			if (status === undefined) {
				status = statusOf(patterns, path);
				known.set(path, status);
			}
			return status;
		},
	};
}

type Status = ReturnType<DockerIgnore['status']>;

/** The last pattern that matches `path` or a parent of it decides; one that could not be read makes it unknown. */
function statusOf(patterns: readonly Pattern[], path: string): Status {
	let status: Status = 'included';
	for (const p of patterns) {
		if (!p.regex) {
			status = 'unknown';
			continue;
		}
		if (matchesOrParent(p.regex, path)) status = p.negated ? 'included' : 'excluded';
	}
	return status;
}

function matchesOrParent(regex: RegExp, path: string): boolean {
	for (let p = path; p !== '.' && p !== '/' && p !== ''; p = dirname(p)) {
		if (regex.test(p)) return true;
		if (basename(p) === p) break;
	}
	return false;
}

/** moby patternmatcher's translation: `**` any number of directories, `*` and `?` within one, `[…]` classes. */
function patternRegex(pattern: string): RegExp | undefined {
	let out = '^';
	for (let i = 0; i < pattern.length; i++) {
		const c = pattern[i];
		if (c === '*') {
			if (pattern[i + 1] === '*') {
				i++;
				if (pattern[i + 1] === '/') i++;
				// `**` at the end matches everything; `**/` matches zero or more directories.
				out += i + 1 >= pattern.length ? '.*' : '(?:.*/)?';
			} else out += '[^/]*';
		} else if (c === '?') out += '[^/]';
		else if (c === '[') {
			const close = pattern.indexOf(']', i + 1);
			const body = close < 0 ? '' : pattern.slice(i + 1, close);
			// Escapes inside a class are rare: such a pattern is left unknown rather than half understood.
			if (close < 0 || body === '' || body.includes('\\')) return undefined;
			out += body.startsWith('^') || body.startsWith('!') ? `[^${body.slice(1)}]` : `[${body}]`;
			i = close;
		} else if (c === '\\') {
			const next = pattern[i + 1];
			if (next === undefined) return undefined;
			out += next.replace(/[.+^${}()|[\]\\*?]/g, '\\$&');
			i++;
		} else out += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
	}
	try {
		return new RegExp(`${out}$`);
	} catch {
		return undefined;
	}
}
