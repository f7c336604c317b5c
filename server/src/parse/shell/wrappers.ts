import type { Span } from '../span';
import { assignmentFromWord, commandBasename } from './word-utils';
import type { ShellAssignment, ShellWord } from './types';

/**
 * Commands that run another command: `env CGO_ENABLED=0 go build`, `sudo -E go build`, `exec go run .`,
 * `time go build`, `gosu app ./server` … `unwrapCommand` finds the program really run and what the
 * wrappers add to (or remove from) its environment.
 */
export interface UnwrappedCommand {
	/** The program that finally runs and its arguments. Empty when a wrapper has no command. */
	readonly argv: readonly ShellWord[];
	/** Index of `argv[0]` in the command's `words`. */
	readonly argvStart: number;
	/** The wrapper names, outermost first (`env`, `sudo` …). */
	readonly wrappers: readonly ShellWord[];
	/** `NAME=value` given to `env` or `sudo`, in order. */
	readonly assignments: readonly ShellAssignment[];
	/** `env -i` (or `env -`): the program starts from an empty environment. */
	readonly clearEnv: boolean;
	/** `env -u NAME`. */
	readonly unsetNames: readonly { readonly name: string; readonly span: Span }[];
	/** `env -C DIR` / `env --chdir=DIR`. */
	readonly chdir: ShellWord | undefined;
}

type Step = { next: number; clear?: boolean; chdir?: ShellWord } | undefined;

/** Options that take a value as the next word, per wrapper. Looked up as own keys only: `toString` is a command name too. */
const VALUE_OPTIONS: Record<string, ReadonlySet<string>> = {
	sudo: new Set(['-u', '-g', '-C', '-D', '-h', '-p', '-r', '-t', '-U', '-T', '-R', '--user', '--group', '--chdir', '--prompt', '--role', '--type', '--other-user', '--host', '--close-from', '--command-timeout', '--chroot']),
	doas: new Set(['-u', '-C']),
	exec: new Set(['-a']),
	nice: new Set(['-n', '--adjustment']),
	timeout: new Set(['-s', '-k', '--signal', '--kill-after']),
	stdbuf: new Set(['-i', '-o', '-e', '--input', '--output', '--error']),
	time: new Set(['-f', '-o', '--format', '--output']),
	command: new Set(),
	nohup: new Set(),
};

export function unwrapCommand(words: readonly ShellWord[]): UnwrappedCommand {
	const wrappers: ShellWord[] = [];
	const assignments: ShellAssignment[] = [];
	const unsetNames: { name: string; span: Span }[] = [];
	let clearEnv = false;
	let chdir: ShellWord | undefined;
	let at = 0;
	for (let guard = 0; guard < 16 && at < words.length; guard++) {
		const head = words[at];
		const name = head.value === undefined ? undefined : commandBasename(head.value);
		if (name === undefined) break;
		let step: Step;
		if (name === 'env') step = unwrapEnv(words, at, assignments, unsetNames);
		else if (name === 'sudo' || name === 'doas') step = unwrapWithAssignments(words, at, name, assignments);
		else if (name === 'gosu' || name === 'su-exec') step = at + 2 < words.length ? { next: at + 2 } : undefined;
		else if (name === 'timeout') step = unwrapTimeout(words, at);
		else if (Object.hasOwn(VALUE_OPTIONS, name)) step = unwrapPlain(words, at, name);
		if (!step || step.next <= at || step.next > words.length) break;
		wrappers.push(head);
		if (step.clear) clearEnv = true;
		if (step.chdir) chdir = step.chdir;
		at = step.next;
	}
	return { argv: words.slice(at), argvStart: at, wrappers, assignments, clearEnv, unsetNames, chdir };
}

function unwrapEnv(words: readonly ShellWord[], at: number, assignments: ShellAssignment[], unsetNames: { name: string; span: Span }[]): Step {
	let i = at + 1;
	let clear = false;
	let chdir: ShellWord | undefined;
	for (; i < words.length; i++) {
		const w = words[i];
		const t = w.value;
		if (t === undefined) return undefined;
		if (t === '--') {
			i++;
			break;
		}
		if (t === '-' || t === '-i' || t === '--ignore-environment') clear = true;
		else if (t === '-u' || t === '--unset') {
			const v = words[++i];
			if (v?.value !== undefined) unsetNames.push({ name: v.value, span: v.span });
		} else if (t.startsWith('--unset=')) unsetNames.push({ name: t.slice(8), span: w.span });
		else if (/^-u./.test(t)) unsetNames.push({ name: t.slice(2), span: w.span });
		else if (t === '-C' || t === '--chdir') chdir = words[++i];
		else if (t.startsWith('--chdir=')) chdir = w;
		else if (t === '-S' || t.startsWith('--split-string') || /^-[^-]*S/.test(t)) return undefined; // one string split again: not modelled
		else if (t.startsWith('-')) continue;
		else {
			const assignment = assignmentFromWord(w);
			if (!assignment) break;
			assignments.push(assignment);
		}
	}
	if (i >= words.length) return undefined;
	return { next: i, clear, ...(chdir ? { chdir } : {}) };
}

function unwrapWithAssignments(words: readonly ShellWord[], at: number, name: string, assignments: ShellAssignment[]): Step {
	const options = skipOptions(words, at + 1, VALUE_OPTIONS[name]);
	if (options === undefined) return undefined;
	let i = options;
	for (; i < words.length; i++) {
		const assignment = assignmentFromWord(words[i]);
		if (!assignment) break;
		assignments.push(assignment);
	}
	return i < words.length ? { next: i } : undefined;
}

function unwrapTimeout(words: readonly ShellWord[], at: number): Step {
	const i = skipOptions(words, at + 1, VALUE_OPTIONS['timeout']);
	// After the options comes the duration, then the command.
	return i !== undefined && i + 1 < words.length ? { next: i + 1 } : undefined;
}

function unwrapPlain(words: readonly ShellWord[], at: number, name: string): Step {
	if (name === 'command' && words.slice(at + 1).some((w) => w.value === '-v' || w.value === '-V')) return undefined; // lookup only
	const i = skipOptions(words, at + 1, VALUE_OPTIONS[name]);
	return i !== undefined && i < words.length ? { next: i } : undefined;
}

/** Index of the first word after the options; undefined when a dynamic word makes it unclear. */
function skipOptions(words: readonly ShellWord[], from: number, withValue: ReadonlySet<string>): number | undefined {
	let i = from;
	for (; i < words.length; i++) {
		const t = words[i].value;
		if (t === undefined) return undefined;
		if (t === '--') return i + 1;
		if (!t.startsWith('-') || t === '-') return i;
		if (withValue.has(t)) i++;
	}
	return i;
}
