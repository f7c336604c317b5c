import { commandBasename, unwrapCommand, type ShellCommand, type ShellWord } from '../../parse/shell';
import type { Env } from '../env';
import { resolveContainerPath } from '../paths';
import { emptyResult, MAX_INDIRECT_DEPTH, MAX_INDIRECT_WORK, spendIndirectWork, type IndirectContext, type IndirectResult } from './indirect-types';
import { followMake } from './make';
import { followScript } from './scripts';

const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh']);

/**
 * Follows a command that runs build steps written elsewhere: `make [target]` (GNU make semantics, see
 * `make.ts`) and shell scripts (`./scripts/build.sh`, `bash build.sh`, `. ./env.sh`). Returns undefined for
 * any other command; a call that cannot be followed returns a result whose `opaque` says why.
 */
export function followIndirect(command: ShellCommand, env: Env, cwd: string | undefined, context: IndirectContext | undefined, callerFile: string): IndirectResult | undefined {
	if (command.kind !== 'simple') return undefined;
	const argv = unwrapCommand(command.words).argv;
	const head = argv[0];
	const name = head?.value === undefined ? undefined : commandBasename(head.value);
	if (!head || !name) return undefined;
	const text = `"${command.words.map((w) => w.raw).join(' ')}"`;
	const tooMuch = () => emptyResult(`${text} is past the ${MAX_INDIRECT_WORK} Makefile recipe lines and scripts this analysis follows from one line`);
	if (name === 'make' || name === 'gmake') {
		if (!context) return emptyResult(`${text} runs Makefile recipes this analysis does not see into`);
		if (context.depth >= MAX_INDIRECT_DEPTH) return emptyResult(`${text} nests make and scripts too deeply to follow`);
		if (context.work.remaining <= 0) return tooMuch();
		return followMake(argv.slice(1), command, env, cwd, context, callerFile);
	}
	const scriptWord = scriptOf(argv, name);
	if (!scriptWord) return undefined;
	if (!context) return emptyResult(`${text} runs a script this analysis does not see into`);
	if (context.depth >= MAX_INDIRECT_DEPTH) return emptyResult(`${text} nests make and scripts too deeply to follow`);
	if (scriptWord.value === undefined) return emptyResult(`${text} runs a script whose path is only known at run time`);
	if (!spendIndirectWork(context.work)) return tooMuch();
	const path = resolveContainerPath(cwd, scriptWord.value);
	return followScript(path, scriptWord.value, env, cwd, context);
}

/** The script word of `./x.sh`, `scripts/build`, `bash x.sh`, `sh -e x.sh`, `. x.sh`, `source x.sh`. */
function scriptOf(argv: readonly ShellWord[], name: string): ShellWord | undefined {
	const head = argv[0];
	if (name === '.' || name === 'source') return argv[1];
	if (SHELLS.has(name)) {
		for (let i = 1; i < argv.length; i++) {
			const text = argv[i].text;
			if (text === '-c' || text === '-s') return undefined; // `sh -c '…'` is parsed by the shell layer itself
			if (!text.startsWith('-') && !text.startsWith('+')) return argv[i];
		}
		return undefined;
	}
	const value = head.value ?? '';
	return /\.(sh|bash)$/.test(value) || value.startsWith('./') || value.startsWith('../') ? head : undefined;
}
