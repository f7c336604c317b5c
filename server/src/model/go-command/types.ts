import type { Span } from '../../parse/span';
import type { ShellCommand, ShellWord } from '../../parse/shell';
import type { GoSubcommand } from './flag-table';

export type { GoSubcommand } from './flag-table';

/** Where a go flag came from. The command line wins over GOFLAGS (cmd/go applies GOFLAGS first). */
export type GoFlagSource = 'command-line' | 'GOFLAGS';

/** One occurrence of a `go` flag: `-o /out/app`, `-ldflags=-s`, `--trimpath`, `-race=false`. */
export interface GoFlag {
	/** Without dashes: `ldflags`, `o`, `tags`, `trimpath`. */
	readonly name: string;
	/**
	 * Value flags: the value text after quote removal (unresolved `${VAR}` kept verbatim, see `dynamic`).
	 * Bool flags: the text after `=`, or undefined when written bare (`-trimpath`).
	 */
	readonly value: string | undefined;
	/** Bool flags: the parsed value (`-race` → true, `-race=false` → false); undefined for value flags. */
	readonly enabled: boolean | undefined;
	readonly dynamic: boolean;
	/** `-name`, `-name=value`, or `-name value`. */
	readonly form: 'bare' | 'equals' | 'separate';
	/** From the dash to the end of the value (quotes included). */
	readonly span: Span;
	readonly nameSpan: Span;
	/** The value's characters, without the quotes around them (`-ldflags="-s -w"` → `-s -w`). */
	readonly valueSpan: Span | undefined;
	/** The value as a word of its own (maps any part of the value to the document via `wordSubSpan`). */
	readonly valueWord: ShellWord | undefined;
	readonly source: GoFlagSource;
	/** False for a flag cmd/go does not define for this subcommand. */
	readonly known: boolean;
}

/** One field of a quoted-split value (`-ldflags`, `-extldflags`, `-tags 'a b'`). */
export interface SplitField {
	/** Without quotes. */
	readonly value: string;
	/** Including its quotes, if any. */
	readonly span: Span;
	readonly contentSpan: Span;
	readonly quoted: boolean;
	/** Part of it comes from an unresolved expansion (`-X main.v=${VERSION}`). */
	readonly dynamic: boolean;
}

/** A cmd/link flag inside -ldflags. */
export interface LinkerFlag {
	/** Without dashes: `s`, `w`, `linkmode`, `extldflags`, `X`. */
	readonly name: string;
	readonly value: string | undefined;
	/** Bool flags (`-s`, `-w`, `-w=0`): the parsed value. */
	readonly enabled: boolean | undefined;
	readonly form: 'bare' | 'equals' | 'separate';
	readonly span: Span;
	readonly nameSpan: Span;
	readonly valueSpan: Span | undefined;
	readonly dynamic: boolean;
	readonly known: boolean;
}

/** `-X importpath.name=value`. */
export interface LinkerDefinition {
	readonly symbol: string;
	readonly value: string;
	readonly flag: LinkerFlag;
}

/** The -ldflags in effect, split the way cmd/go (quoted.Split) and cmd/link (flag package) do. */
export interface LinkerFlags {
	/** The `-ldflags` occurrence that applies (the last one; command line over GOFLAGS). */
	readonly flag: GoFlag;
	/** `-ldflags=all=-s -w`: the package pattern (`all`). Undefined for the usual form. */
	readonly pattern: { readonly value: string; readonly span: Span } | undefined;
	/** The value after the pattern (unresolved expansions verbatim). */
	readonly value: string;
	readonly valueSpan: Span;
	readonly dynamic: boolean;
	/** The quoted.Split fields. */
	readonly args: readonly SplitField[];
	readonly flags: readonly LinkerFlag[];
	/** Arguments that are not flags; cmd/link stops parsing flags at the first one. */
	readonly positional: readonly SplitField[];
	/** Last `-s` / `-w` (`-w=0` and `-s=false` give `enabled: false`). */
	readonly s: LinkerFlag | undefined;
	readonly w: LinkerFlag | undefined;
	/** Last `-linkmode` (`value`: external, internal, auto). */
	readonly linkmode: LinkerFlag | undefined;
	/** Last `-extldflags`, and its value split into fields (`-static`, `-static-pie`, `-lfoo` …). */
	readonly extldflagsFlag: LinkerFlag | undefined;
	readonly extldflags: readonly SplitField[] | undefined;
	readonly definitions: readonly LinkerDefinition[];
	/** `-I` (ELF interpreter), `-H` (header type), `-B` (build-id note), `-buildid`, `-d` (no dynamic header). */
	readonly interpreter: LinkerFlag | undefined;
	readonly headType: LinkerFlag | undefined;
	readonly buildNote: LinkerFlag | undefined;
	readonly buildid: LinkerFlag | undefined;
	/** Problems cmd/go or cmd/link would report (unterminated quote, flag without its value …). */
	readonly problems: readonly GoCommandProblem[];
}

/** The -tags in effect: a comma list, or the pre-1.13 space list (`-tags 'a b'`). */
export interface BuildTags {
	readonly flag: GoFlag;
	readonly values: readonly SplitField[];
	/** The span of the whole value (inside its quotes): a tag is appended at `valueSpan.end`. */
	readonly valueSpan: Span;
	readonly separator: ',' | ' ';
	readonly dynamic: boolean;
}

export interface GoCommandProblem {
	readonly span: Span;
	readonly message: string;
}

/** How `go` is invoked. */
export interface GoDriver {
	/** `go` (any path to it), `go1.22.3` (golang.org/dl), `gotip`, `xx-go` (tonistiigi/xx: sets GOOS/GOARCH/CC for the target), `garble`. */
	readonly kind: 'go' | 'versioned-go' | 'gotip' | 'xx-go' | 'garble';
	readonly word: ShellWord;
	/** `go1.22.3` → `1.22.3`. */
	readonly version: string | undefined;
	/** garble's own flags (`-literals`, `-tiny`, `-seed=random`). */
	readonly flags: readonly ShellWord[];
}

/** A `go build` / `go install` / `go run` / `go test` command, from a shell command. */
export interface GoBuildCommand {
	/** The shell command it was read from (`command.index` is its place in the script). */
	readonly command: ShellCommand;
	/** The whole command, prefix assignments and wrappers included. */
	readonly span: Span;
	readonly driver: GoDriver;
	/** The span of the `go` (or `xx-go`, `garble`, `/usr/local/go/bin/go`) word. */
	readonly goSpan: Span;
	/**
	 * Where to insert `NAME=value ` to set a variable for this command only: before the driver word when a
	 * wrapper (`env`, `sudo`) is in the way, otherwise at the start of the command.
	 */
	readonly envInsertOffset: number;
	/** Wrapper commands around it (`env`, `sudo`, `time` …). */
	readonly wrappers: readonly ShellWord[];
	readonly subcommand: GoSubcommand;
	readonly subcommandSpan: Span;
	/** Every flag occurrence in the order cmd/go applies them: GOFLAGS first (after `withGoFlags`), then the command line. */
	readonly flags: readonly GoFlag[];
	/** GOFLAGS entries that do not apply to this subcommand (cmd/go ignores them). */
	readonly ignoredGoFlags: readonly GoFlag[];
	/** Package patterns or .go files (for `go run`: the package, then `runArgs`). */
	readonly packages: readonly ShellWord[];
	/** `go run pkg args…`: the program's arguments. */
	readonly runArgs: readonly ShellWord[];
	/** Unquoted unresolved expansions among the flags (`go build $FLAGS .`): they may expand to flags or packages. */
	readonly opaqueArgs: readonly ShellWord[];
	/** `go install pkg@version` (or `go run pkg@version`): the workspace go.mod is not what gets compiled. */
	readonly installsRemoteVersion: boolean;
	/** `go test -c`: only compiles the test binary. False for a plain `go test`, which builds and runs tests. */
	readonly compileOnly: boolean;
	/** `-C dir` (`go -C dir build` or `go build -C dir`). */
	readonly chdir: GoFlag | undefined;
	readonly output: GoFlag | undefined;
	readonly ldflags: LinkerFlags | undefined;
	readonly gcflags: GoFlag | undefined;
	readonly tags: BuildTags | undefined;
	readonly buildmode: GoFlag | undefined;
	readonly installsuffix: GoFlag | undefined;
	readonly mod: GoFlag | undefined;
	readonly pgo: GoFlag | undefined;
	readonly compiler: GoFlag | undefined;
	readonly toolexec: GoFlag | undefined;
	/** Bool flags: set only when in effect (`-race` → the flag; `-race=false`, or absent → undefined). */
	readonly race: GoFlag | undefined;
	readonly msan: GoFlag | undefined;
	readonly asan: GoFlag | undefined;
	readonly trimpath: GoFlag | undefined;
	readonly linkshared: GoFlag | undefined;
	readonly a: GoFlag | undefined;
	readonly v: GoFlag | undefined;
	readonly x: GoFlag | undefined;
	/** What cmd/go would reject or misread (flags after packages, a value flag at the end, unknown flags …). */
	readonly problems: readonly GoCommandProblem[];
}

/** The GOFLAGS value in effect (from `environmentAt(…).env.get('GOFLAGS')` or a Dockerfile ENV). */
export interface GoFlagsInput {
	readonly value: string | undefined;
	/** Where it was set (the value, or the whole assignment). */
	readonly span?: Span | undefined;
	/** The value word, when set in shell: gives each GOFLAGS entry its exact span. */
	readonly word?: ShellWord | undefined;
}
