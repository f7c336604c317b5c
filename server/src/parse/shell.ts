import type { Parsers } from './tree-sitter';
import { commandEnvironment, replay } from './shell/environment';
import type { ParseShellOptions, ShellEnvironment, ShellScript } from './shell/types';
import { walkFragment } from './shell/walker';

/**
 * Shell text (a Dockerfile RUN body, a heredoc body, a CI `run:` block) → a flat list of simple commands
 * with exact document spans, an event list for the environment at each command, and syntax errors.
 *
 * ```ts
 * const script = parseShell(parsers, body, { baseOffset, dockerfile: { escapeChar }, initialEnv });
 * for (const command of script.commands) {
 *   const env = environmentAt(script, command.index).env; // CGO_ENABLED, GOOS, GOFLAGS … for that command
 * }
 * ```
 */

export type * from './shell/types';
export { unwrapCommand, type UnwrappedCommand } from './shell/wrappers';
export { MAX_SHELL_TEXT } from './shell/walker';
export { wordSubSpan, isRangeDynamic } from './shell/offset-map';
export { sliceWord, assignmentFromWord, commandBasename } from './shell/word-utils';

/**
 * Parses `text` (which starts at `options.baseOffset` in the document). Never throws on malformed input:
 * what was recognised is returned, with `syntaxErrors` for the rest. Text over `MAX_SHELL_TEXT`, or whose
 * parse ran past its budget, is listed in `unparsed` (with no commands from it): callers treat it as
 * opaque.
 */
export function parseShell(parsers: Pick<Parsers, 'parseBash'>, text: string, options: ParseShellOptions = {}): ShellScript {
	try {
		const result = walkFragment(parsers, text, options);
		return { commands: result.commands, events: result.events, syntaxErrors: result.errors, unparsed: result.unparsed, options };
	} catch (error) {
		// A bug of ours must not take the document's analysis down: report it where the user can see it.
		const base = options.baseOffset ?? 0;
		const message = `internal error while analysing shell text: ${error instanceof Error ? error.message : String(error)}`;
		return { commands: [], events: [], syntaxErrors: [{ span: { start: base, end: base + text.length }, message }], unparsed: [], options };
	}
}

/**
 * The environment in effect at `script.commands[index]`: the script's initial env (`options.initialEnv`),
 * then every export / assignment / unset / cd before it in execution order, scoped by subshells and child
 * shells, then the command's own prefix assignments and `env`/`sudo` wrapper assignments.
 * Values were resolved while parsing, from the same options.
 */
export function environmentAt(script: ShellScript, index: number): ShellEnvironment {
	let found: ShellEnvironment | undefined;
	replay(script, (command, state) => {
		if (command.index !== index) return false;
		found = commandEnvironment(state, command);
		return true;
	});
	if (!found) throw new RangeError(`no command ${index} in script (${script.commands.length} commands)`);
	return found;
}

/** `environmentAt` for every command, in one pass (index = command index). */
export function allEnvironments(script: ShellScript): ShellEnvironment[] {
	const out: ShellEnvironment[] = new Array(script.commands.length);
	replay(script, (command, state) => {
		out[command.index] = commandEnvironment(state, command);
	});
	return out;
}
