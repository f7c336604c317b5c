import { commandBasename, unwrapCommand, type ShellCommand } from '../parse/shell';
import type { Span } from '../parse/span';
import { basename, resolveContainerPath } from './paths';

/**
 * `ln [-s] TARGET LINK` in a RUN step: which path it creates and where it points. Rules use it to spot a
 * glibc loader path pointed at musl (`ln -s /lib/libc.musl-x86_64.so.1 /lib64/ld-linux-x86-64.so.2`,
 * SCENARIOS 12). Only statically known words are modelled; `-t DIR` and one-operand forms are left out.
 */
export interface FileLink {
	readonly file: string | undefined;
	/** The whole `ln …` command. */
	readonly span: Span;
	/** What the link points to, as written. */
	readonly target: string;
	/** The path the link creates (`DIR/basename(TARGET)` when the last operand is a directory with a slash). */
	readonly path: string;
	readonly symbolic: boolean;
	/** The command as written, for messages. */
	readonly text: string;
}

export function recognizeFileLinks(command: ShellCommand, file: string | undefined, cwd: string | undefined): FileLink[] {
	if (command.kind !== 'simple') return [];
	const argv = unwrapCommand(command.words).argv;
	const head = argv[0]?.value;
	if (head === undefined || commandBasename(head) !== 'ln') return [];
	let symbolic = false;
	const operands: string[] = [];
	let options = true;
	for (const word of argv.slice(1)) {
		if (word.value === undefined) return [];
		const value = word.value;
		if (options && value === '--') {
			options = false;
		} else if (options && value.startsWith('--')) {
			if (value === '--symbolic') symbolic = true;
			if (value.startsWith('--target-directory')) return [];
		} else if (options && value.startsWith('-') && value.length > 1) {
			if (value.includes('t')) return [];
			if (value.includes('s')) symbolic = true;
		} else {
			operands.push(value);
		}
	}
	if (operands.length < 2) return [];
	const last = operands[operands.length - 1];
	const targets = operands.slice(0, -1);
	const intoDir = targets.length > 1 || last.endsWith('/');
	const text = command.words.map((w) => w.raw).join(' ');
	return targets.map((target) => ({
		file,
		span: command.span,
		target,
		path: resolveContainerPath(cwd, intoDir ? `${last.replace(/\/+$/, '')}/${basename(target)}` : last),
		symbolic,
		text,
	}));
}
