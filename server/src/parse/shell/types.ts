import type { Span } from '../span';

/**
 * Plain-data types of the shell layer. Nothing here refers to tree-sitter: the walker copies what it needs
 * out of the syntax tree and frees the tree. Every span is in the ORIGINAL document's coordinates.
 */

/** How a command is joined to the one before it (in the same command sequence). */
export type Connector = '&&' | '||' | ';' | '|' | '|&' | '&' | 'newline';

export type QuoteKind = 'none' | 'single' | 'double' | 'ansi-c';

export type ExpansionKind =
	| 'parameter' // $A, ${A}, ${A:-x}, $1, $@ …
	| 'command' // $(…), `…`
	| 'process' // <(…), >(…)
	| 'arithmetic' // $((…))
	| 'tilde' // ~, ~user
	| 'ci-expression' // GitHub Actions ${{ … }}
	| 'other'; // brace expansion and anything the evaluator does not model

/** A piece of a word's `text`: literal characters or one expansion. */
export interface WordPart {
	readonly kind: 'literal' | 'expansion';
	/** Range in the word's `text` (end exclusive). */
	readonly textStart: number;
	readonly textEnd: number;
	/** Where the piece is in the document (for a resolved expansion: the whole `$X`). */
	readonly span: Span;
	readonly quoted: QuoteKind;
	/** Expansions only. */
	readonly expansion?: ExpansionKind;
	/** Expansions only: the parameter name (`GOOS` for `$GOOS`, `${GOOS:-linux}`), when there is one. */
	readonly variable?: string;
	/** Expansions only: true when its value was known, so `text` holds the value instead of the `$…` text. */
	readonly resolved?: boolean;
}

/**
 * One shell word (an argument after quote removal). `text` is the unquoted text with unresolved
 * expansions kept verbatim (`-X main.version=${VERSION}`); `value` is the same text when nothing in it is
 * dynamic. `charStarts[i]`/`charEnds[i]` give the document range each character of `text` came from (an
 * escape `\"` yields one character spanning two; a resolved `$X` yields characters that all span `$X`).
 * Use `wordSubSpan` to map a range of `text` to the document.
 */
export interface ShellWord {
	readonly span: Span;
	/** The word as written in the document (quotes, escapes and `$…` intact). */
	readonly raw: string;
	/** The unquoted value, when statically known (variables resolved from the script and the initial env). */
	readonly value: string | undefined;
	/** True when some part could not be resolved (`$VAR` of unknown value, `$(…)`, `${{ … }}` …). */
	readonly dynamic: boolean;
	readonly text: string;
	readonly charStarts: readonly number[];
	readonly charEnds: readonly number[];
	readonly parts: readonly WordPart[];
	/** Contains unquoted `*`, `?` or `[`, which the shell may expand to file names. */
	readonly glob: boolean;
	/** Contains an unquoted unresolved expansion: at run time it may become several words, or none. */
	readonly splittable: boolean;
}

/** `NAME=value` (or `NAME+=value`), as a command prefix, alone, or as an `export`/`declare` argument. */
export interface ShellAssignment {
	readonly name: string;
	readonly nameSpan: Span;
	/** The whole `NAME=value`. */
	readonly span: Span;
	/** The value word; for `NAME=` an empty static word placed right after `=`. */
	readonly value: ShellWord;
	/** `NAME+=value`. */
	readonly append: boolean;
}

/** What a declaration builtin (`export`, `declare`, `local`, `readonly`, `typeset`, `unset`) does to a name. */
export interface ShellDeclaration {
	readonly name: string;
	readonly nameSpan: Span;
	/** The whole argument (`A=1`, `A`). */
	readonly span: Span;
	/** The value, when the argument assigns one. */
	readonly value: ShellWord | undefined;
	/** `export` (or `declare -x`): true; `export -n`/`declare +x`: false; otherwise undefined (unchanged). */
	readonly exported: boolean | undefined;
	/** `unset NAME`. */
	readonly unset: boolean;
}

export type ShellCommandKind =
	| 'simple' // a program or builtin run with arguments (`go build …`, `cd /src` is `cd`)
	| 'assignment' // only `A=B …`: sets shell variables
	| 'declaration' // export / declare / typeset / local / readonly
	| 'unset'
	| 'cd';

/** Constructs around a command, outermost first. */
export type ShellContextKind =
	| 'subshell' // ( … )
	| 'group' // { … }
	| 'if'
	| 'loop'
	| 'case'
	| 'function' // body of a function definition: runs only when called
	| 'command-substitution' // $( … ) / ` … `
	| 'process-substitution'
	| 'child-shell' // the script of `sh -c '…'`, `su -c '…'`, `bash <<EOF`
	| 'eval' // the arguments of `eval`, read again by the same shell
	| 'pipeline'; // an element of a | pipeline (runs in a subshell)

/** One simple command of the script, in execution order. */
export interface ShellCommand {
	/** Position in `ShellScript.commands`. */
	readonly index: number;
	readonly kind: ShellCommandKind;
	/** From the first assignment or word to the last word (redirections excluded when they come last). */
	readonly span: Span;
	/**
	 * Prefix assignments: `CGO_ENABLED=0 GOOS=linux go build` → both. For kind `assignment` these are the
	 * shell-variable assignments themselves (they persist; exported only if the name is exported).
	 */
	readonly assignments: readonly ShellAssignment[];
	/** The argument vector after field splitting of resolved unquoted expansions; `words[0]` is the name. */
	readonly words: readonly ShellWord[];
	/** `words[0].value`: the command name when static (`go`, `/usr/local/go/bin/go`, `export`). */
	readonly name: string | undefined;
	/** For `declaration` and `unset` commands. */
	readonly declarations: readonly ShellDeclaration[];
	/** The operator between the previous command of the same sequence and this one; undefined for the first. */
	readonly connector: Connector | undefined;
	/** The operator after this command (undefined for the last of its sequence). */
	readonly nextConnector: Connector | undefined;
	readonly within: readonly ShellContextKind[];
	/** True when the command may not run: inside if/case/loop/function, or after `||`. */
	readonly conditional: boolean;
	/** Index of the `sh -c` (or `eval`) command whose script contains this command, if any (innermost). */
	readonly parentCommand: number | undefined;
}

/** Events in execution order; replaying them gives the environment at each command (`environmentAt`). */
export type ShellEvent =
	| { readonly kind: 'command'; readonly command: number }
	/** A persistent variable change by an assignment-only command, a declaration, a `for` loop variable … */
	| {
			readonly kind: 'set';
			readonly command: number | undefined;
			readonly name: string;
			/** The new value; undefined = value unchanged (`export A`) or unknown (`for A in …`, see `unknown`). */
			readonly value: ShellWord | undefined;
			/** True when the value becomes unknown (loop variable, `read A` …). */
			readonly unknown: boolean;
			/** true: export; false: un-export; undefined: keep the attribute (or allexport). */
			readonly exported: boolean | undefined;
			readonly append: boolean;
			readonly span: Span;
	  }
	| { readonly kind: 'unset'; readonly command: number; readonly name: string; readonly span: Span }
	| { readonly kind: 'cd'; readonly command: number; readonly dir: ShellWord | undefined; readonly span: Span }
	| { readonly kind: 'allexport'; readonly command: number; readonly on: boolean }
	/**
	 * Enters a scope whose changes are dropped at the matching `leave`. `child-shell` keeps only exported
	 * variables (plus the inline assignments of `command`, the `sh -c` command); the others copy everything.
	 * `conditional` (if/case/loops, the right side of `||`) is not dropped but merged: what it changed
	 * becomes unknown, since it may not have run.
	 */
	| {
			readonly kind: 'enter';
			readonly scope: 'subshell' | 'pipeline' | 'command-substitution' | 'function' | 'child-shell' | 'conditional';
			readonly command: number | undefined;
	  }
	| { readonly kind: 'leave' };

export interface ShellSyntaxError {
	readonly span: Span;
	readonly message: string;
}

/**
 * Shell text that was not parsed: tree-sitter-bash ran past its work budget, or the text is over the size
 * limit. Nothing in it is known (no commands, no variable changes), so the model treats it as opaque.
 */
export interface ShellUnparsed {
	readonly span: Span;
	/** Why, for messages: `shell parse stopped at its work limit`, `shell text of 130 KB is over the 64 KB parse limit`. */
	readonly reason: string;
	/** False for the whole text given to `parseShell`; true for the script of a `sh -c`, `eval` or `bash <<EOF` in it. */
	readonly nested: boolean;
}

/** A variable given to the script from outside (Dockerfile ENV/ARG, image defaults, CI env). */
export interface InitialVariable {
	/** undefined = set, but the value is unknown. */
	readonly value: string | undefined;
	/** Where it was set (e.g. the Dockerfile ENV value), for provenance. */
	readonly span?: Span | undefined;
	/** Defaults to true: what a process inherits is its environment. */
	readonly exported?: boolean;
}

export type InitialEnv =
	| ReadonlyMap<string, InitialVariable>
	| Readonly<Record<string, string | undefined | InitialVariable>>;

export interface ParseShellOptions {
	/** Document offset of `text[0]`. Default 0. */
	readonly baseOffset?: number;
	/**
	 * Set for a Dockerfile RUN/CMD/ENTRYPOINT body in shell form (not for a `RUN <<EOF` heredoc body):
	 * continuation lines are treated as Docker joins them (comment and empty lines inside a continuation are
	 * dropped; with a backtick escape, "`⏎" continues the line). The text is rewritten to a same-length copy
	 * before parsing, so offsets stay exact.
	 */
	readonly dockerfile?: { readonly escapeChar: string };
	/** Variables set before the script runs. Names not listed are unknown unless `envComplete`. */
	readonly initialEnv?: InitialEnv;
	/** True when `initialEnv` lists every variable: other names are unset (expand to ""). */
	readonly envComplete?: boolean;
	/** Working directory at the start (Dockerfile WORKDIR); `cd` is tracked from there. */
	readonly cwd?: string;
	/** Treat GitHub Actions `${{ … }}` as dynamic expansions (they are substituted before the shell runs). */
	readonly githubExpressions?: boolean;
}

export type VariableOrigin = 'initial' | 'assignment' | 'export' | 'declaration' | 'inline' | 'env-command' | 'loop';

export interface ShellVariable {
	readonly name: string;
	/** undefined = set, value unknown. */
	readonly value: string | undefined;
	readonly exported: boolean;
	readonly origin: VariableOrigin;
	/** Where it was last set (undefined for initial variables given without a span). */
	readonly span: Span | undefined;
	/** The word the value came from, when set in the script (maps value characters to the document). */
	readonly word: ShellWord | undefined;
}

/** The environment in effect at one command. */
export interface ShellEnvironment {
	/** Variables of the shell that runs the command (exported or not), before the command's own prefixes. */
	readonly shellVariables: ReadonlyMap<string, ShellVariable>;
	/**
	 * What the command's process receives: exported variables, then its prefix assignments
	 * (`CGO_ENABLED=0 go build`), then those of an `env A=B` / `sudo A=B` wrapper.
	 */
	readonly env: ReadonlyMap<string, ShellVariable>;
	/** Names removed by `unset`, `env -u`, or everything by `env -i` (see `cleared`). */
	readonly unset: ReadonlySet<string>;
	/** `env -i`: the process starts from an empty environment. */
	readonly cleared: boolean;
	/** Working directory when known (from `ParseShellOptions.cwd` and static `cd`s). */
	readonly cwd: string | undefined;
}

export interface ShellScript {
	readonly commands: readonly ShellCommand[];
	readonly events: readonly ShellEvent[];
	readonly syntaxErrors: readonly ShellSyntaxError[];
	/** Text that was not parsed (also listed in `syntaxErrors`); empty when everything was. */
	readonly unparsed: readonly ShellUnparsed[];
	/** The options the script was parsed with (environmentAt starts from them). */
	readonly options: ParseShellOptions;
}
