// go.mod and go.work parser: a pure, error-tolerant port of golang.org/x/mod/modfile's behaviour
// (read.go lexer and grammar, rule.go and work.go directives). It never throws: any input gives a
// GoModFile whose `errors` say what is wrong. Every position is a Span of UTF-16 offsets into `text`.
//
// Layout: gomod/lexer.ts (tokens per line) → gomod/syntax.ts (lines and blocks, comments) →
// gomod/directives.ts + gomod/module-directives.ts (typed directives and their checks);
// gomod/go-version.ts (gover ordering) and gomod/semver.ts (module versions) are reusable on their own.
import type { Span } from './span';
import { ErrorSink } from './gomod/errors';
import { Interpreter } from './gomod/directives';
import { lexLines } from './gomod/lexer';
import { SyntaxBuilder } from './gomod/syntax';
import type { GoModFile, GoModKind, GoModParseOptions } from './gomod/types';

export type * from './gomod/types';
export {
	compareGoVersions,
	goLangVersion,
	isLangVersion,
	isValidGoDirectiveVersion,
	isValidGoVersion,
	isValidToolchainName,
	maxGoVersion,
	parseGoVersion,
	toolchainGoVersion,
	type GoVersion,
} from './gomod/go-version';
export { canonicalModuleVersion, checkPathMajor, compareSemver, isValidSemver, pathMajor, semverMajor } from './gomod/semver';
export { isDirectoryPath } from './gomod/quote';

/**
 * Parses a go.mod (default) or go.work file. Never throws.
 * In strict mode (the default, modfile.Parse) unknown directives are errors; pass `{ strict: false }`
 * for a dependency's go.mod (modfile.ParseLax).
 */
export function parseGoMod(text: string, kind: GoModKind = 'go.mod', options: GoModParseOptions = {}): GoModFile {
	const errors = new ErrorSink();
	const strict = options.strict ?? true;
	try {
		const syntax = new SyntaxBuilder(text, kind, errors);
		syntax.build(lexLines(text, errors));
		const interp = new Interpreter(kind, strict, errors);
		interp.run(syntax.statements);
		const o = interp.out;
		return {
			kind,
			module: o.module,
			go: o.go,
			toolchain: o.toolchain,
			godebug: o.godebug,
			require: o.require,
			exclude: o.exclude,
			replace: o.replace,
			retract: o.retract,
			tool: o.tool,
			ignore: o.ignore,
			use: o.use,
			comments: syntax.comments,
			syntax: syntax.statements,
			errors: errors.list,
		};
	} catch (e) {
		// A bug here must not take the language server down: report it like modfile's "internal error".
		errors.list.push({ code: 'syntax', message: `internal error: ${e instanceof Error ? e.message : String(e)}`, span: { start: 0, end: 0 } });
		return { kind, godebug: [], require: [], exclude: [], replace: [], retract: [], tool: [], ignore: [], use: [], comments: [], syntax: [], errors: errors.list };
	}
}

/** The `go` line's version ("1.23.0"), if the file has a valid one. */
export function goVersionOf(file: GoModFile): string | undefined {
	return file.go?.version.value;
}

/** The `toolchain` line's name ("go1.23.4" or "default"), if any; gomod/go-version's toolchainGoVersion turns it into "1.23.4". */
export function toolchainOf(file: GoModFile): string | undefined {
	return file.toolchain?.name.value;
}

/** One `require` entry, flattened for rules and hovers. */
export interface RequiredModule {
	readonly path: string;
	readonly version: string;
	readonly indirect: boolean;
	/** The directive line without comments. */
	readonly span: Span;
	readonly pathSpan: Span;
	/** Replace this span to change the version. */
	readonly versionSpan: Span;
}

/** The valid `require` entries in source order. */
export function requiredModules(file: GoModFile): RequiredModule[] {
	return file.require.map((r) => ({
		path: r.path.value,
		version: r.version.value,
		indirect: r.indirect,
		span: r.span,
		pathSpan: r.path.span,
		versionSpan: r.version.span,
	}));
}
