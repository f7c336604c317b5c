import {
	allEnvironments,
	commandBasename,
	isRangeDynamic,
	sliceWord,
	unwrapCommand,
	wordSubSpan,
	type ShellCommand,
	type ShellScript,
	type ShellWord,
} from '../parse/shell';
import type { Span } from '../parse/span';
import { garbleFlagKind, goFlagKind, type GoSubcommand } from './go-command/flag-table';
import { parseGoFlags } from './go-command/goflags';
import { parseLinkerFlags } from './go-command/ldflags';
import { parseGoBool } from './go-command/quoted';
import { parseBuildTags } from './go-command/tags';
import type { GoBuildCommand, GoCommandProblem, GoDriver, GoFlag, GoFlagsInput } from './go-command/types';

/**
 * The `go build` command-line model: from a shell command to subcommand, packages, output, linker flags,
 * tags, … with document spans, following cmd/go's own flag handling (Go `flag` package; per-package flags;
 * GOFLAGS applied before the command line).
 */

export type * from './go-command/types';
export { tagAppendEdit } from './go-command/tags';
export { parseGoFlags, syntheticWord } from './go-command/goflags';
export { splitQuotedFields, parseGoBool, type QuotedField } from './go-command/quoted';

const SUBCOMMANDS = new Set<GoSubcommand>(['build', 'install', 'run', 'test']);
const ASSIGNING_WRAPPERS = new Set(['env', 'sudo', 'doas']);

/** Recognises a go build/install/run/test command; undefined for anything else (`go mod download`, `make`). */
export function parseGoCommand(command: ShellCommand, options: { goflags?: GoFlagsInput | undefined } = {}): GoBuildCommand | undefined {
	// Most commands of a script are not go: the driver is one of the words, so look for its name before unwrapping.
	if (command.kind !== 'simple' || !command.words.some(mayNameDriver)) return undefined;
	const unwrapped = unwrapCommand(command.words);
	const argv = unwrapped.argv;
	const head = argv[0];
	const driverKind = head ? detectDriver(head) : undefined;
	if (!head || !driverKind) return undefined;
	const problems: GoCommandProblem[] = [];
	let i = 1;
	const driverFlags: ShellWord[] = [];
	if (driverKind.kind === 'garble') {
		for (; i < argv.length && argv[i].text.startsWith('-'); i++) {
			driverFlags.push(argv[i]);
			const name = argv[i].text.replace(/^--?/, '');
			if (!name.includes('=') && garbleFlagKind(name) === 'value' && argv[i + 1]) driverFlags.push(argv[++i]);
		}
	}
	// `go -C dir build`: cmd/go takes -C right after the go command too (main.go handleChdirFlag).
	const leading: GoFlag[] = [];
	const chdir = readFlagAt(argv, i, 'build', 'command-line');
	if (chdir && chdir.flag.name === 'C') {
		leading.push(chdir.flag);
		i = chdir.next;
	}
	const sub = argv[i];
	const subcommand = sub?.value as GoSubcommand | undefined;
	if (!sub || subcommand === undefined || !SUBCOMMANDS.has(subcommand)) return undefined;
	const parsed = parseArguments(argv.slice(i + 1), subcommand, problems);
	const flags = [...leading, ...parsed.flags];
	checkChdirFirst(flags, problems);
	const go: GoBuildCommand = {
		command,
		span: command.span,
		driver: { ...driverKind, word: head, flags: driverFlags },
		goSpan: head.span,
		envInsertOffset: envInsertOffset(command, unwrapped.wrappers, head),
		wrappers: unwrapped.wrappers,
		subcommand,
		subcommandSpan: sub.span,
		flags,
		ignoredGoFlags: [],
		packages: parsed.packages,
		runArgs: parsed.runArgs,
		opaqueArgs: parsed.opaqueArgs,
		installsRemoteVersion: (subcommand === 'install' || subcommand === 'run') && parsed.packages.some((p) => p.text.includes('@')),
		problems,
		...derived(flags),
	};
	return options.goflags ? withGoFlags(go, options.goflags) : go;
}

/**
 * The command with GOFLAGS merged in, lower precedence than the command line (cmd/go applies GOFLAGS
 * first, so for every flag the command line's last occurrence wins). Flags keep their `source`.
 */
export function withGoFlags(command: GoBuildCommand, goflags: GoFlagsInput | undefined): GoBuildCommand {
	const own = command.flags.filter((f) => f.source === 'command-line');
	const ownProblems = command.problems.filter((p) => !p.message.includes('$GOFLAGS'));
	if (!goflags) return { ...command, flags: own, ignoredGoFlags: [], problems: ownProblems, ...derived(own) };
	const parsed = parseGoFlags(goflags, command.subcommand);
	const flags = [...parsed.flags, ...own];
	return { ...command, flags, ignoredGoFlags: parsed.ignored, problems: [...ownProblems, ...parsed.problems], ...derived(flags) };
}

/**
 * Every go build/install/run/test command of a script, with the GOFLAGS in effect at each (from the
 * script's initial env and its exports) merged in.
 */
export function goCommandsIn(script: ShellScript): GoBuildCommand[] {
	const environments = allEnvironments(script);
	const out: GoBuildCommand[] = [];
	for (const command of script.commands) {
		const goflags = environments[command.index]?.env.get('GOFLAGS');
		const go = parseGoCommand(command, goflags ? { goflags: { value: goflags.value, span: goflags.span, word: goflags.word } } : {});
		if (go) out.push(go);
	}
	return out;
}

/** Whether the command leaves a binary behind (`go run` and a plain `go test` build, but only in a temp dir). */
export function producesBinary(command: GoBuildCommand): boolean {
	return command.subcommand === 'build' || command.subcommand === 'install' || (command.subcommand === 'test' && command.compileOnly);
}

/** A necessary condition for `detectDriver`: the word's file name is one it accepts. */
function mayNameDriver(word: ShellWord): boolean {
	const name = commandBasename(word.text);
	return DRIVER_NAMES.has(name) || name.startsWith('go1');
}
const DRIVER_NAMES: ReadonlySet<string> = new Set(['go', 'gotip', 'xx-go', 'garble']);

function detectDriver(word: ShellWord): Omit<GoDriver, 'word' | 'flags'> | undefined {
	const text = word.text;
	const slash = text.lastIndexOf('/');
	// `$(go env GOROOT)/bin/go`: the directory may be dynamic as long as the file name is not.
	if (word.dynamic && isRangeDynamic(word, slash + 1, text.length)) return undefined;
	const name = commandBasename(text);
	if (name === 'go') return { kind: 'go', version: undefined };
	if (name === 'gotip') return { kind: 'gotip', version: undefined };
	if (name === 'xx-go') return { kind: 'xx-go', version: undefined };
	if (name === 'garble') return { kind: 'garble', version: undefined };
	const versioned = /^go(1\.\d+(?:\.\d+|rc\d+|beta\d+)?)$/.exec(name);
	if (versioned) return { kind: 'versioned-go', version: versioned[1] };
	return undefined;
}

function envInsertOffset(command: ShellCommand, wrappers: readonly ShellWord[], driver: ShellWord): number {
	let last = -1;
	wrappers.forEach((w, i) => {
		if (w.value !== undefined && ASSIGNING_WRAPPERS.has(commandBasename(w.value))) last = i;
	});
	if (last < 0) return command.span.start;
	// Right after that wrapper's options and assignments: before the next wrapper, or the go word.
	return (wrappers[last + 1] ?? driver).span.start;
}

interface ParsedArguments {
	flags: GoFlag[];
	packages: ShellWord[];
	runArgs: ShellWord[];
	opaqueArgs: ShellWord[];
}

/** Go `flag` parsing as cmd/go does it per subcommand (go test also takes flags after its packages). */
function parseArguments(args: readonly ShellWord[], subcommand: GoSubcommand, problems: GoCommandProblem[]): ParsedArguments {
	const out: ParsedArguments = { flags: [], packages: [], runArgs: [], opaqueArgs: [] };
	let flagsDone = false;
	for (let i = 0; i < args.length; ) {
		const word = args[i];
		const text = word.text;
		if (!flagsDone && text === '--') {
			flagsDone = true;
			i++;
			continue;
		}
		if (!flagsDone && text.startsWith('-') && text !== '-') {
			const read = readFlagAt(args, i, subcommand, 'command-line');
			if (read) {
				out.flags.push(read.flag);
				if (!read.flag.known) problems.push({ span: read.flag.nameSpan, message: `go ${subcommand}: unknown flag "-${read.flag.name}"` });
				if (read.missingValue) problems.push({ span: read.flag.span, message: `go ${subcommand}: flag needs an argument: -${read.flag.name}` });
				i = read.next;
				continue;
			}
		}
		if (!flagsDone && word.splittable && !text.startsWith('-')) {
			// `go build $BUILD_FLAGS ./cmd/app`: may be flags, packages, or nothing.
			out.opaqueArgs.push(word);
			i++;
			continue;
		}
		if (subcommand === 'run' && !flagsDone) {
			// `go run file.go other.go args…` or `go run ./pkg args…`: the rest belongs to the program.
			let j = i;
			if (text.endsWith('.go')) while (j < args.length && args[j].text.endsWith('.go')) out.packages.push(args[j++]);
			else out.packages.push(args[j++]);
			out.runArgs.push(...args.slice(j));
			return out;
		}
		if (subcommand !== 'test' && !flagsDone && out.packages.length === 0) flagsDone = true;
		else if (subcommand !== 'test' && text.startsWith('-') && text.length > 1 && !word.dynamic) {
			problems.push({ span: word.span, message: `go ${subcommand} stops reading flags at the first package: "${text}" is taken as a package` });
		}
		if (subcommand === 'test' && text.startsWith('-') && text !== '-') {
			i++;
			continue;
		}
		out.packages.push(word);
		i++;
	}
	return out;
}

interface ReadFlag {
	flag: GoFlag;
	next: number;
	missingValue: boolean;
}

/** Reads the flag at `args[i]` (`-name`, `--name`, `-name=value`, `-name value`); undefined if not a flag. */
function readFlagAt(args: readonly ShellWord[], i: number, subcommand: GoSubcommand, source: GoFlag['source']): ReadFlag | undefined {
	const word = args[i];
	if (!word) return undefined;
	const text = word.text;
	if (!text.startsWith('-') || text === '-' || text === '--' || text.startsWith('---')) return undefined;
	const dashes = text.startsWith('--') ? 2 : 1;
	const body = text.slice(dashes);
	const eq = body.indexOf('=');
	const name = eq >= 0 ? body.slice(0, eq) : body;
	if (name === '') return undefined;
	const kind = goFlagKind(subcommand, name);
	const nameSpan = sliceWord(word, 0, dashes + name.length).span;
	if (eq >= 0) {
		const valueWord = sliceWord(word, dashes + eq + 1, text.length);
		const value = valueWord.text;
		const flag: GoFlag = {
			name,
			value,
			enabled: kind === 'bool' ? parseGoBool(value) : undefined,
			dynamic: word.dynamic,
			form: 'equals',
			span: word.span,
			nameSpan,
			valueSpan: valueWord.span,
			valueWord,
			source,
			known: kind !== undefined,
		};
		return { flag, next: i + 1, missingValue: false };
	}
	if (kind !== 'value') {
		const flag: GoFlag = { name, value: undefined, enabled: true, dynamic: word.dynamic, form: 'bare', span: word.span, nameSpan, valueSpan: undefined, valueWord: undefined, source, known: kind !== undefined };
		return { flag, next: i + 1, missingValue: false };
	}
	const valueWord = args[i + 1];
	const flag: GoFlag = {
		name,
		value: valueWord?.text,
		enabled: undefined,
		dynamic: word.dynamic || (valueWord?.dynamic ?? false),
		form: valueWord ? 'separate' : 'bare',
		span: valueWord ? { start: word.span.start, end: Math.max(word.span.end, valueWord.span.end) } : word.span,
		nameSpan,
		valueSpan: valueWord ? wordSubSpan(valueWord, 0, valueWord.text.length) : undefined,
		valueWord,
		source,
		known: true,
	};
	return { flag, next: valueWord ? i + 2 : i + 1, missingValue: !valueWord };
}

function checkChdirFirst(flags: readonly GoFlag[], problems: GoCommandProblem[]): void {
	flags.forEach((f, i) => {
		if (f.name === 'C' && i > 0 && f.source === 'command-line') problems.push({ span: f.span, message: 'go: -C flag must be first flag on command line' });
	});
}

type Derived = Pick<
	GoBuildCommand,
	| 'chdir' | 'output' | 'ldflags' | 'gcflags' | 'tags' | 'buildmode' | 'installsuffix' | 'mod' | 'pgo' | 'compiler' | 'toolexec'
	| 'race' | 'msan' | 'asan' | 'trimpath' | 'linkshared' | 'a' | 'v' | 'x' | 'compileOnly'
>;

/** The flag values in effect: for every flag the last occurrence wins (GOFLAGS come first in `flags`). */
function derived(flags: readonly GoFlag[]): Derived {
	const last = (name: string): GoFlag | undefined => {
		for (let i = flags.length - 1; i >= 0; i--) if (flags[i].name === name) return flags[i];
		return undefined;
	};
	const on = (name: string): GoFlag | undefined => {
		const f = last(name);
		return f && f.enabled === true ? f : undefined;
	};
	const ld = last('ldflags');
	const tags = last('tags');
	return {
		chdir: last('C'),
		output: last('o'),
		ldflags: ld ? parseLinkerFlags(ld) : undefined,
		gcflags: last('gcflags'),
		tags: tags ? parseBuildTags(tags) : undefined,
		buildmode: last('buildmode'),
		installsuffix: last('installsuffix'),
		mod: last('mod'),
		pgo: last('pgo'),
		compiler: last('compiler'),
		toolexec: last('toolexec'),
		race: on('race'),
		msan: on('msan'),
		asan: on('asan'),
		trimpath: on('trimpath'),
		linkshared: on('linkshared'),
		a: on('a'),
		v: on('v'),
		x: on('x'),
		compileOnly: on('c')?.known === true,
	};
}

/** The span from the first to the last flag or package of a command (for messages about "the flags"). */
export function argumentsSpan(command: GoBuildCommand): Span {
	const spans = [...command.flags.filter((f) => f.source === 'command-line').map((f) => f.span), ...command.packages.map((p) => p.span)];
	if (spans.length === 0) return command.subcommandSpan;
	return { start: Math.min(...spans.map((s) => s.start)), end: Math.max(...spans.map((s) => s.end)) };
}

/**
 * `parseGoCommand` with GOFLAGS taken from the command's process environment (`environmentAt(…).env`, or
 * the model's `Env`): anything with a `GOFLAGS` entry of the shape `{ value, span?, word? }`.
 */
export function recognizeGoCommand(
	command: ShellCommand,
	env?: ReadonlyMap<string, { readonly value: string | undefined; readonly span?: Span | undefined; readonly word?: ShellWord | undefined }>,
): GoBuildCommand | undefined {
	const goflags = env?.get('GOFLAGS');
	return parseGoCommand(command, goflags ? { goflags: { value: goflags.value, span: goflags.span, word: goflags.word } } : {});
}
