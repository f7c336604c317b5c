// The typed syntax tree of a go.mod or go.work file. Field names follow golang.org/x/mod/modfile
// (File, Require, Replace, Retract, ...), but every meaningful token carries a Span (UTF-16 offsets,
// end exclusive) so that hovers and quick fixes can replace exactly one token.
import type { Span } from '../span';

export type GoModKind = 'go.mod' | 'go.work';

/** One `//` comment. `text` includes the `//` and excludes the line break (and a `\r` before it). */
export interface GoModComment {
	readonly text: string;
	readonly span: Span;
	/** True when code precedes the comment on its line (an end-of-line comment such as `// indirect`). */
	readonly suffix: boolean;
}

/** A raw lexer token: an identifier, a quoted string, or one of the punctuation tokens `( ) [ ] { } ,`. */
export interface GoModToken {
	/** Exactly the source text, quotes included. */
	readonly text: string;
	readonly span: Span;
	/** True for `"..."` and `` `...` `` tokens. */
	readonly quoted: boolean;
}

/** An argument of a directive: the interpreted value and where its token is. */
export interface GoModValue {
	/** Unquoted value (`"a b"` → `a b`); for unquoted tokens the token text itself. */
	readonly value: string;
	/** The whole token, quotes included: replace this span to change the value. */
	readonly span: Span;
	readonly quoted: boolean;
}

/** What every interpreted directive line carries. */
export interface GoModEntry {
	/** From the directive keyword (single-line form) or the first token (line inside a block) to the last token; comments excluded. */
	readonly span: Span;
	/** The whole physical line, from its first column through its line break: delete this span to remove the line. */
	readonly lineSpan: Span;
	/** The directive keyword; for a line inside a block, the keyword in front of the block's `(`. */
	readonly verbSpan: Span;
	readonly inBlock: boolean;
	/** Whole-line comments directly above the line (inside a block: since the previous line of the block). */
	readonly before: readonly GoModComment[];
	/** The end-of-line comment, if any. */
	readonly suffix?: GoModComment;
}

/** `module example.com/m`, with the `// Deprecated:` paragraph from its comments. */
export interface GoModModule extends GoModEntry {
	readonly path: GoModValue;
	/** The deprecation message (text after `Deprecated:` up to the end of its paragraph), as modfile's parseDeprecation. */
	readonly deprecated?: string;
	/** The comment lines that hold the deprecation paragraph. */
	readonly deprecatedSpan?: Span;
}

/** `go 1.23.0`. `version.value` is a valid go-directive version (modfile GoVersionRE). */
export interface GoModGo extends GoModEntry {
	readonly version: GoModValue;
}

/** `toolchain go1.23.4` or `toolchain default`. */
export interface GoModToolchain extends GoModEntry {
	readonly name: GoModValue;
}

/** `godebug key=value`: key and value are spans inside the one `key=value` token. */
export interface GoModGodebug extends GoModEntry {
	readonly key: GoModValue;
	readonly value: GoModValue;
}

/** A module path with an optional version (`example.com/m v1.2.3`). */
export interface GoModModuleVersion {
	readonly path: GoModValue;
	readonly version?: GoModValue;
}

/** `require path version`, with the `// indirect` marker. */
export interface GoModRequire extends GoModEntry {
	readonly path: GoModValue;
	readonly version: GoModValue;
	/** Has an `// indirect` (or `// indirect; ...`) end-of-line comment, as modfile's isIndirect. */
	readonly indirect: boolean;
	/** The `// indirect` comment, when `indirect`. */
	readonly indirectSpan?: Span;
}

/** `exclude path version`. */
export interface GoModExclude extends GoModEntry {
	readonly path: GoModValue;
	readonly version: GoModValue;
}

/** `replace old [v] => new [v]`. */
export interface GoModReplace extends GoModEntry {
	readonly old: GoModModuleVersion;
	readonly new: GoModModuleVersion;
	readonly arrowSpan: Span;
	/** The replacement is a directory (`./x`, `../x`, `/abs`, `C:\x`): modfile's IsDirectoryPath. */
	readonly local: boolean;
}

/** `retract v1.0.1` or `retract [v1.0.0, v1.0.5]`, with the rationale from its comments. */
export interface GoModRetract extends GoModEntry {
	/** For a single version, `low` and `high` are the same value. */
	readonly low: GoModValue;
	readonly high: GoModValue;
	readonly interval: boolean;
	/** The version token, or `[low, high]` from bracket to bracket. */
	readonly versionSpan: Span;
	/** Comment text without `//`, lines joined by `\n` (modfile parseDirectiveComment). */
	readonly rationale: string;
}

/** `tool example.com/cmd/x` (Go 1.24). */
export interface GoModTool extends GoModEntry {
	readonly path: GoModValue;
}

/** `ignore ./node_modules` (Go 1.25). */
export interface GoModIgnore extends GoModEntry {
	readonly path: GoModValue;
}

/** go.work `use ./dir`. */
export interface GoWorkUse extends GoModEntry {
	readonly path: GoModValue;
}

/** Stable error categories, for quick fixes that key on the kind of problem. */
export type GoModErrorCode =
	| 'syntax' // lexer and parenthesis structure
	| 'unknown-directive'
	| 'unknown-block'
	| 'usage' // wrong number or shape of arguments
	| 'repeated' // second module, go or toolchain statement
	| 'invalid-go-version'
	| 'invalid-toolchain'
	| 'invalid-quoted-string'
	| 'invalid-version' // module version is not semver, or its major version does not fit the path
	| 'invalid-module-path'
	| 'invalid-replacement'
	| 'invalid-retract'
	| 'too-many-errors';

/** A problem in the file. Messages follow golang.org/x/mod/modfile's wording where it has one. */
export interface GoModSyntaxError {
	readonly code: GoModErrorCode;
	readonly message: string;
	/** The offending token where there is one, else the directive line. */
	readonly span: Span;
}

/** A raw line: the tokens of one directive, before interpretation. */
export interface GoModSyntaxLine {
	readonly kind: 'line';
	/** For a line inside a block, the block keyword is not repeated here. */
	readonly tokens: readonly GoModToken[];
	readonly inBlock: boolean;
	readonly span: Span;
	readonly lineSpan: Span;
	readonly before: readonly GoModComment[];
	readonly suffix?: GoModComment;
	/** The lexer reported an error on this line, so it was not interpreted (avoids cascading errors). */
	readonly bad: boolean;
}

/** A raw `verb ( ... )` block. */
export interface GoModSyntaxBlock {
	readonly kind: 'block';
	/** Tokens before `(`: normally just the directive keyword. */
	readonly verb: readonly GoModToken[];
	readonly lparen: Span;
	/** Absent when the block is not closed. */
	readonly rparen?: Span;
	readonly lines: readonly GoModSyntaxLine[];
	/** From the keyword to `)`, or to the end of the last line when unterminated. */
	readonly span: Span;
	readonly before: readonly GoModComment[];
	/** The comment after `(`. */
	readonly suffix?: GoModComment;
}

export type GoModStatement = GoModSyntaxLine | GoModSyntaxBlock;

/** A parsed go.mod or go.work file. Typed lists hold only the entries that passed validation; the rest are in `errors`. */
export interface GoModFile {
	readonly kind: GoModKind;
	readonly module?: GoModModule;
	readonly go?: GoModGo;
	readonly toolchain?: GoModToolchain;
	readonly godebug: readonly GoModGodebug[];
	readonly require: readonly GoModRequire[];
	readonly exclude: readonly GoModExclude[];
	readonly replace: readonly GoModReplace[];
	readonly retract: readonly GoModRetract[];
	readonly tool: readonly GoModTool[];
	readonly ignore: readonly GoModIgnore[];
	/** go.work only. */
	readonly use: readonly GoWorkUse[];
	/** Every comment in source order. */
	readonly comments: readonly GoModComment[];
	/** Top-level statements in source order (for folding, outlines and raw access). */
	readonly syntax: readonly GoModStatement[];
	readonly errors: readonly GoModSyntaxError[];
}

export interface GoModParseOptions {
	/**
	 * True (default): the main module's rules (modfile.Parse): unknown directives and blocks are errors.
	 * False: a dependency's go.mod (modfile.ParseLax): only module, go, require and retract are read, everything
	 * else (unknown directives included) is skipped silently, and a go version like `1.21-custom` is read as `1.21`.
	 * go.work files are always strict (modfile.ParseWork has no lax mode).
	 */
	readonly strict?: boolean;
}
