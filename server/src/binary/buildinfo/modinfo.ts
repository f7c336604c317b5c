import { goUnquote, needsQuoteKey, needsQuoteValue } from "./go-quote";

/** A module line of build info (runtime/debug.Module). */
export interface GoModule {
	readonly path: string;
	readonly version: string;
	readonly sum: string;
	readonly replace: GoModule | null;
}

/** The parsed modinfo string (runtime/debug.BuildInfo without GoVersion). */
export interface GoModInfo {
	readonly path: string;
	readonly main: GoModule | null;
	readonly deps: readonly GoModule[];
	/** Build settings in file order (keys may repeat in theory; order matters for display). */
	readonly settings: readonly { key: string; value: string }[];
	/** First parse problem, like runtime/debug's "line N: ..." error; parsing stops there. */
	readonly error: string | null;
}

interface MutableModule {
	path: string;
	version: string;
	sum: string;
	replace: GoModule | null;
}

/**
 * Parses module info as runtime/debug.ParseBuildInfo does: lines "path\tP",
 * "mod\tP\tV[\tSUM]", "dep\t...", "=>\tP\tV\tSUM" (replaces the module on the
 * previous line) and "build\tKEY=VALUE" where KEY/VALUE may be Go-quoted.
 * A malformed line stops parsing and is reported in `error`.
 */
export function parseModInfo(data: string): GoModInfo {
	let path = "";
	let main: MutableModule | null = null;
	const deps: MutableModule[] = [];
	const settings: { key: string; value: string }[] = [];
	let last: MutableModule | null = null;
	const lines = data.split("\n");
	lines.pop(); // runtime/debug ignores a final line without "\n"
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i];
		const fail = (msg: string): GoModInfo => ({ path, main, deps, settings, error: `line ${i + 1}: ${msg}` });
		if (line.startsWith("path\t")) {
			path = line.slice(5);
		} else if (line.startsWith("mod\t") || line.startsWith("dep\t")) {
			const elem = line.slice(4).split("\t");
			if (elem.length !== 2 && elem.length !== 3) {
				return fail(`expected 2 or 3 columns; got ${elem.length}`);
			}
			last = { path: elem[0], version: elem[1], sum: elem[2] ?? "", replace: null };
			if (line.startsWith("mod\t")) {
				main = last;
			} else {
				deps.push(last);
			}
		} else if (line.startsWith("=>\t")) {
			const elem = line.slice(3).split("\t");
			if (elem.length !== 3) {
				return fail(`expected 3 columns for replacement; got ${elem.length}`);
			}
			if (!last) {
				return fail("replacement with no module on previous line");
			}
			last.replace = { path: elem[0], version: elem[1], sum: elem[2], replace: null };
			last = null;
		} else if (line.startsWith("build\t")) {
			const kv = parseBuildLine(line.slice(6));
			if (typeof kv === "string") {
				return fail(kv);
			}
			settings.push(kv);
		}
	}
	return { path, main, deps, settings, error: null };
}

// runtime/debug: KEY is either unquoted (no '=', space, tab, CR, LF, '"', '`')
// or a Go-quoted string; VALUE is unquoted (no space, tab, CR, LF, quotes) or quoted.
function parseBuildLine(kv: string): { key: string; value: string } | string {
	if (kv.length < 1) {
		return "build line missing '='";
	}
	let key: string;
	let rawValue: string;
	if (kv[0] === "=") {
		return "build line with missing key";
	}
	if (kv[0] === '"' || kv[0] === "`") {
		const rawKey = quotedPrefix(kv);
		if (rawKey === null) {
			return "invalid quoted key in build line";
		}
		if (kv.length === rawKey.length) {
			return "build line missing '=' after quoted key";
		}
		if (kv[rawKey.length] !== "=") {
			return "unexpected character after quoted key";
		}
		key = goUnquote(rawKey) ?? "";
		rawValue = kv.slice(rawKey.length + 1);
	} else {
		const eq = kv.indexOf("=");
		if (eq < 0) {
			return "build line missing '=' after key";
		}
		key = kv.slice(0, eq);
		rawValue = kv.slice(eq + 1);
		if (needsQuoteKey(key)) {
			return `unquoted key "${key}" must be quoted`;
		}
	}
	let value = "";
	if (rawValue.length > 0) {
		if (rawValue[0] === '"' || rawValue[0] === "`") {
			const v = goUnquote(rawValue);
			if (v === null) {
				return "invalid quoted value in build line";
			}
			value = v;
		} else {
			value = rawValue;
			if (needsQuoteValue(value)) {
				return `unquoted value "${value}" must be quoted`;
			}
		}
	}
	return { key, value };
}

// strconv.QuotedPrefix: the shortest prefix that is a complete quoted string.
function quotedPrefix(s: string): string | null {
	const q = s[0];
	for (let i = 1; i < s.length; i++) {
		if (q === '"' && s[i] === "\\") {
			i++;
			continue;
		}
		if (s[i] === q) {
			const p = s.slice(0, i + 1);
			return goUnquote(p) === null ? null : p;
		}
		if (q === '"' && s[i] === "\n") {
			return null;
		}
	}
	return null;
}
