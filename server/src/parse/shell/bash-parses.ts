import { ParseCache } from '../parse-cache';
import { isParseStopped, type ParseStopped, type Parsers } from '../tree-sitter';
import { flattenTree, type ShellNode } from './flat-tree';

/**
 * Shell parses as flat trees, cached by the exact text parsed. The same RUN bodies (`go mod download`,
 * `apk add --no-cache git`) recur across the Dockerfiles of a repository, and the language server re-analyses
 * unchanged files after every edit; the walk depends on the options (environment, working directory) and is
 * done every time, the parse only once per text.
 *
 * 512 entries hold the RUN bodies, CI steps and Makefile recipes of a large workspace (a few hundred texts,
 * nested `sh -c` scripts included): an LRU cache smaller than the set of texts a re-analysis goes through evicts
 * every text before its next use. A flat tree takes about 50 bytes of heap per character of its text, and texts
 * over 2 KB (rare, seldom repeated verbatim, a few milliseconds to parse) are not kept: a full cache stays under
 * 60 MB even of the longest texts, and is a few megabytes for usual ones (RUN bodies of 100 characters).
 */
const CAPACITY = 512;
export const MAX_CACHED_LENGTH = 2 * 1024;

/** One cache per parser object: a tree is the product of one parser (tests also hand over stand-ins). */
const caches = new WeakMap<Pick<Parsers, 'parseBash'>, ParseCache<ShellNode | ParseStopped>>();

/**
 * The flat tree of `text`, or the stop of its parse. A stop at the work limit is kept (the same text stops there
 * again: a hostile RUN is not re-parsed on every keystroke); one by the time backstop is not.
 */
export function parseBashFlat(parsers: Pick<Parsers, 'parseBash'>, text: string): ShellNode | ParseStopped {
	if (text.length > MAX_CACHED_LENGTH) return parseAndFlatten(parsers, text);
	let cache = caches.get(parsers);
	if (!cache) {
		cache = new ParseCache<ShellNode | ParseStopped>(CAPACITY, (result) => !isParseStopped(result) || result.repeatable);
		caches.set(parsers, cache);
	}
	return cache.get(text, (t) => parseAndFlatten(parsers, t));
}

function parseAndFlatten(parsers: Pick<Parsers, 'parseBash'>, text: string): ShellNode | ParseStopped {
	const tree = parsers.parseBash(text);
	if (isParseStopped(tree)) return tree;
	try {
		return flattenTree(tree);
	} finally {
		tree.delete();
	}
}
