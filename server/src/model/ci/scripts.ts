import { parseShell } from '../../parse/shell';
import type { Env } from '../env';
import { emptyResult, type IndirectContext, type IndirectGoCommand, type IndirectOrigin, type IndirectResult } from './indirect-types';
import { analyseScript, type ScriptItem } from './shell-analysis';
import { initialEnvOf } from '../shell-env';

/** Interpreters that are not a POSIX shell: their scripts stay opaque. */
const NOT_SHELL = /^#!.*\b(python[\d.]*|node|ruby|perl|pwsh|powershell|deno|bun|go)\b/;

/**
 * Follows a shell script called from a RUN line, a CI step, a Makefile recipe or another script: parses
 * it with the bash grammar, starting from the caller's exported environment and working directory (a
 * script runs where it is called from, not where it lives), and collects its go builds.
 */
export function followScript(runtimePath: string, written: string, env: Env, cwd: string | undefined, context: IndirectContext): IndirectResult {
	const file = context.toWorkspace(runtimePath);
	const text = file === undefined ? undefined : context.fs.readFile(file);
	if (file === undefined || text === undefined) {
		return emptyResult(`"${written}" is not a file in the workspace (generated at build time, or copied from elsewhere), so what it builds is not known`);
	}
	if (NOT_SHELL.test(text.slice(0, text.indexOf('\n') >>> 0))) return { ...emptyResult(`"${written}" is not a shell script, so what it builds is not known`), inputs: [file] };
	const script = parseShell(context.parsers, text, { initialEnv: initialEnvOf(env), cwd });
	const items = analyseScript(script, { file, baseEnv: env, indirect: { ...context, depth: context.depth + 1 } });
	return collectIndirect(items, file, { file, span: { start: 0, end: Math.min(text.length, firstLineEnd(text)) }, description: `"${written}"` });
}

function firstLineEnd(text: string): number {
	const newline = text.indexOf('\n');
	return newline < 0 ? text.length : newline;
}

/**
 * Gathers what the commands of a followed file do: its own go builds (the chain ends at the go command) and
 * those of calls it follows in turn (the chain goes through the calling line).
 */
export function collectIndirect(items: readonly ScriptItem[], file: string, origin: IndirectOrigin): IndirectResult {
	const goCommands: IndirectGoCommand[] = [];
	const installs: IndirectResult['installs'][number][] = [];
	const dockerBuilds: IndirectResult['dockerBuilds'][number][] = [];
	const opaque: string[] = [];
	const inputs = new Set<string>([file]);
	for (const item of items) {
		switch (item.kind) {
			case 'go':
				goCommands.push({ file, go: item.go, env: item.env, workdir: item.workdir, chain: [{ ...origin, span: item.go.span }] });
				break;
			case 'install':
				installs.push(item.install);
				break;
			case 'docker':
				dockerBuilds.push({ build: item.build, cwd: item.cwd, chain: [{ ...origin, span: item.build.span }] });
				break;
			case 'indirect': {
				const via: IndirectOrigin = { ...origin, span: item.command.span };
				for (const g of item.result.goCommands) goCommands.push({ ...g, chain: [via, ...g.chain] });
				for (const d of item.result.dockerBuilds) dockerBuilds.push({ ...d, chain: [via, ...d.chain] });
				installs.push(...item.result.installs);
				for (const input of item.result.inputs) inputs.add(input);
				if (item.result.opaque) opaque.push(item.result.opaque);
				break;
			}
			case 'opaque':
				opaque.push(item.description);
				break;
			case 'goreleaser':
				opaque.push(`"${item.command.words.map((w) => w.raw).join(' ')}" runs GoReleaser from a script; its config is read only from a CI step`);
				break;
		}
	}
	return { goCommands, installs, dockerBuilds, opaque: opaque.length > 0 ? opaque.join('; ') : undefined, inputs: [...inputs] };
}
