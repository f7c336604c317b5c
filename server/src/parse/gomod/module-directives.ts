// require, exclude, replace and retract: the directives whose arguments are module paths and versions.
// Checks and messages follow modfile rule.go (add, parseReplace, parseVersionInterval, parseVersion).
import type { Span } from '../span';
import { isIndirectComment, directiveComment } from './comments';
import { goQuote, type ErrorSink } from './errors';
import { isDirectoryPath, parseString } from './quote';
import { checkParsedPathMajor, parseSemver, pathMajor } from './semver';
import type { GoModEntry, GoModExclude, GoModReplace, GoModRequire, GoModRetract, GoModSyntaxBlock, GoModSyntaxLine, GoModToken, GoModValue } from './types';

/** One directive line being interpreted. */
export interface DirectiveLine {
	readonly line: GoModSyntaxLine;
	readonly block: GoModSyntaxBlock | undefined;
	readonly verb: string;
	readonly verbTok: GoModToken;
	readonly args: readonly GoModToken[];
}

/**
 * The entry for a directive line: the common GoModEntry fields plus `fields`.
 * (Built with Object.assign rather than object spread, which is many times slower in V8 here.)
 */
export function entry<T extends object>(d: DirectiveLine, fields: T): GoModEntry & T {
	const l = d.line;
	const base: GoModEntry = { span: l.span, lineSpan: l.lineSpan, verbSpan: d.verbTok.span, inBlock: l.inBlock, before: l.before, suffix: l.suffix };
	return Object.assign(base, fields);
}

/** parseString, reporting the error; undefined when the token is not a valid argument. */
export function stringArg(errors: ErrorSink, tok: GoModToken): GoModValue | undefined {
	const r = parseString(tok);
	if ('error' in r) {
		errors.add('invalid-quoted-string', r.error, tok.span);
		return undefined;
	}
	return r.value;
}

/** modfile parseVersion without a fixer: the version must be valid semver (`v1.2` is accepted, as module.CanonicalVersion does). */
function versionArg(errors: ErrorSink, verb: string, path: string, tok: GoModToken): GoModValue | undefined {
	const v = stringArg(errors, tok);
	if (!v) return undefined;
	if (!parseSemver(v.value)) {
		const prefix = path ? `${verb} ${path}` : verb;
		errors.add('invalid-version', `${prefix}: version ${goQuote(v.value)} invalid: must be of the form v1.2.3`, tok.span);
		return undefined;
	}
	return v;
}

/** The major-version suffix of a module path, reporting a malformed one. */
function majorOf(errors: ErrorSink, verb: string, path: GoModValue): string | undefined {
	const major = pathMajor(path.value);
	if (major === undefined) errors.add('invalid-module-path', `${verb} ${path.value}: invalid module path`, path.span);
	return major;
}

/** module.CheckPathMajor, reported on the version token. */
function fitsMajor(errors: ErrorSink, verb: string, path: GoModValue, version: GoModValue, major: string): boolean {
	const reason = checkParsedPathMajor(version.value, parseSemver(version.value), major);
	if (reason === undefined) return true;
	errors.add('invalid-version', `${verb} ${path.value}: version ${goQuote(version.value)} invalid: ${reason}`, version.span);
	return false;
}

/** `require path version` and `exclude path version`. */
export function parseRequireOrExclude(errors: ErrorSink, d: DirectiveLine): GoModRequire | GoModExclude | undefined {
	if (d.args.length !== 2) {
		errors.add('usage', `usage: ${d.verb} module/path v1.2.3`, d.line.span);
		return undefined;
	}
	const path = stringArg(errors, d.args[0]);
	if (!path) return undefined;
	const version = versionArg(errors, d.verb, path.value, d.args[1]);
	if (!version) return undefined;
	const major = majorOf(errors, d.verb, path);
	if (major === undefined || !fitsMajor(errors, d.verb, path, version, major)) return undefined;
	if (d.verb === 'exclude') return entry(d, { path, version });
	// The hot path of large files: built as one literal (see entry()).
	const l = d.line;
	const indirect = isIndirectComment(l.suffix);
	const require: GoModRequire = {
		span: l.span,
		lineSpan: l.lineSpan,
		verbSpan: d.verbTok.span,
		inBlock: l.inBlock,
		before: l.before,
		suffix: l.suffix,
		path,
		version,
		indirect,
		indirectSpan: indirect ? l.suffix!.span : undefined,
	};
	return require;
}

/** `replace old [v] => new [v]` (go.mod and go.work). */
export function parseReplace(errors: ErrorSink, d: DirectiveLine): GoModReplace | undefined {
	const args = d.args;
	const arrow = args.length >= 2 && args[1].text === '=>' ? 1 : 2;
	if (args.length < arrow + 2 || args.length > arrow + 3 || args[arrow].text !== '=>') {
		errors.add('usage', `usage: ${d.verb} module/path [v1.2.3] => other/module v1.4 or ${d.verb} module/path [v1.2.3] => ../local/directory`, d.line.span);
		return undefined;
	}
	const oldPath = stringArg(errors, args[0]);
	if (!oldPath) return undefined;
	const major = majorOf(errors, d.verb, oldPath);
	if (major === undefined) return undefined;
	let oldVersion: GoModValue | undefined;
	if (arrow === 2) {
		oldVersion = versionArg(errors, d.verb, oldPath.value, args[1]);
		if (!oldVersion || !fitsMajor(errors, d.verb, oldPath, oldVersion, major)) return undefined;
	}
	const newPath = stringArg(errors, args[arrow + 1]);
	if (!newPath) return undefined;
	const local = isDirectoryPath(newPath.value);
	let newVersion: GoModValue | undefined;
	if (args.length === arrow + 2) {
		if (!local) {
			const message = newPath.value.includes('@')
				? "replacement module must match format 'path version', not 'path@version'"
				: 'replacement module without version must be directory path (rooted or starting with . or ..)';
			errors.add('invalid-replacement', message, newPath.span);
			return undefined;
		}
	} else {
		newVersion = versionArg(errors, d.verb, newPath.value, args[arrow + 2]);
		if (!newVersion) return undefined;
		if (local) {
			errors.add('invalid-replacement', `replacement module directory path ${goQuote(newPath.value)} cannot have version`, newVersion.span);
			return undefined;
		}
	}
	return entry(d, {
		old: { path: oldPath, version: oldVersion },
		new: { path: newPath, version: newVersion },
		arrowSpan: args[arrow].span,
		local,
	});
}

/** `retract v1.0.1` or `retract [v1.0.0, v1.0.5]`, with its rationale. */
export function parseRetract(errors: ErrorSink, d: DirectiveLine, strict: boolean): GoModRetract | undefined {
	const toks = d.args;
	// In a dependency's go.mod, modfile silently skips retractions it cannot read (room for future syntax).
	const fail = (message: string, at: Span): undefined => {
		if (strict) errors.add('invalid-retract', message, at);
		return undefined;
	};
	const lineEnd: Span = { start: d.line.span.end, end: d.line.span.end };
	const version = (tok: GoModToken): GoModValue | undefined => (strict ? versionArg(errors, d.verb, '', tok) : parseStringQuiet(tok));
	let low: GoModValue | undefined;
	let high: GoModValue | undefined;
	let versionSpan: Span;
	let next: number;
	const first = toks[0];
	if (!first || first.text === '(') return fail("expected '[' or version", first?.span ?? lineEnd);
	if (first.text !== '[') {
		low = high = version(first);
		if (!low) return undefined;
		versionSpan = first.span;
		next = 1;
	} else {
		const lowTok = toks[1];
		if (!lowTok) return fail("expected version after '['", lineEnd);
		low = version(lowTok);
		if (!low) return undefined;
		if (toks[2]?.text !== ',') return fail("expected ',' after version", toks[2]?.span ?? lineEnd);
		const highTok = toks[3];
		if (!highTok) return fail("expected version after ','", lineEnd);
		high = version(highTok);
		if (!high) return undefined;
		if (toks[4]?.text !== ']') return fail("expected ']' after version", toks[4]?.span ?? lineEnd);
		versionSpan = { start: first.span.start, end: toks[4].span.end };
		next = 5;
	}
	if (next < toks.length && strict) return fail(`unexpected token after version: ${goQuote(toks[next].text)}`, toks[next].span);
	return entry(d, { low, high: high!, interval: first.text === '[', versionSpan, rationale: directiveComment(d.block, d.line) });
}

function parseStringQuiet(tok: GoModToken): GoModValue | undefined {
	const r = parseString(tok);
	return 'value' in r ? r.value : undefined;
}
