import { MAX_SUBSTITUTED_CHARS } from '../../parse/expansion-limit';
import type { ShellCommand, ShellWord } from '../../parse/shell';
import type { Span } from '../../parse/span';
import type { Env, EnvVar } from '../env';
import { basename, joinPath, resolveContainerPath } from '../paths';
import { parseMakefile, type MakeAssignment, type MakeRule, type ParsedMakefile } from './make-parse';
import { parseMappedShell } from './mapped-shell';
import { MappedTextBuilder, type MappedText } from './mapped-text';
import { emptyResult, MAX_INDIRECT_WORK, spendIndirectWork, type IndirectContext, type IndirectResult } from './indirect-types';
import { collectIndirect } from './scripts';
import { analyseScript } from './shell-analysis';
import { initialEnvOf } from '../shell-env';

/** GNU make's Makefile names, in the order it tries them. */
const MAKEFILE_NAMES = ['GNUmakefile', 'makefile', 'Makefile'];
/** make options that take a separate value. */
const VALUE_OPTIONS = new Set(['-C', '--directory', '-f', '--file', '--makefile', '-o', '--old-file', '-W', '--what-if', '--new-file', '-I', '--include-dir']);
const MAX_EXPANSION_DEPTH = 20;
/**
 * Expansion is bounded, so that a Makefile costs time in proportion to its text: `X := $(X)$(X)` (or `+=`)
 * repeated doubles a value per line, and `X = $(Y)$(Y)`, `Y = $(Z)$(Z)`… multiplies the work per level (make
 * itself stops on a recursive variable that references itself; we stop at MAX_EXPANSION_DEPTH). A value longer
 * than MAX_SUBSTITUTED_CHARS, or any expansion after MAX_EXPANSION_WORK characters and references of one `make`
 * call, is unknown, as a `$(shell …)` would be. Real values are a few kilobytes at most.
 */
const MAX_EXPANSION_WORK = 10_000_000;

/** What is left of one `make` call's expansion work (shared by all its expansions). */
interface Budget {
	work: number;
}

interface MakeVar {
	readonly name: string;
	/** The raw value (recursive variables expand at use) or the expanded one; undefined = not known. */
	readonly value: string | undefined;
	readonly recursive: boolean;
	readonly origin: 'env' | 'file' | 'command-line' | 'default';
	readonly exported: boolean;
	readonly file: string | undefined;
	readonly span: Span | undefined;
	/** The caller's variable, for variables that came from the environment unchanged. */
	readonly envVar?: EnvVar;
}

type Scope = Map<string, MakeVar>;

/**
 * Follows `make [options] [VAR=value…] [targets]`: finds the Makefile in the working directory (or `-C`,
 * `-f`), resolves the goals through their prerequisites, expands variables (`=`, `:=`, `?=`, `+=`, `$(X)`,
 * `${X}`, command-line overrides, `export`), and analyses each recipe line as a shell command with the
 * environment make gives it. Functions (`$(shell …)`), conditionals and missing includes stay unknown and
 * are reported in `opaque`.
 */
export function followMake(args: readonly ShellWord[], caller: ShellCommand, env: Env, cwd: string | undefined, context: IndirectContext, callerFile: string): IndirectResult {
	const cli = parseMakeArgs(args);
	const written = `"${caller.words.map((w) => w.raw).join(' ')}"`;
	if (cli.dynamic) return emptyResult(`${written} has arguments only known at run time`);
	if (cli.dryRun) return emptyResult(undefined);
	const dir = resolveContainerPath(cwd, cli.directory ?? '.');
	const found = findMakefile(dir, cli.file, context);
	if (!found) return emptyResult(`${written}: no Makefile found in ${dir}${cwd === undefined ? ' (the working directory is not known)' : ''}, so what it builds is not known`);
	// The same make again (a recipe's `$(MAKE) <target>` reached along another path): its builds are already in.
	const invocation = invocationKey(found.file, dir, cli, env);
	if (context.work.makes.has(invocation)) return { ...emptyResult(undefined), inputs: [found.file] };
	context.work.makes.add(invocation);
	const opaque: string[] = [];
	const makefile = withIncludes(parseMakefile(found.file, found.text), dir, context, opaque);
	const budget: Budget = { work: MAX_EXPANSION_WORK };
	const scope = variables(makefile, env, cli, dir, callerFile, { opaque, budget });
	const goals = cli.goals.length > 0 ? cli.goals : defaultGoal(makefile, scope, budget);
	if (goals.length === 0) return emptyResult(`${written}: the Makefile has no default target`);
	const runner = new RecipeRunner(makefile, scope, env, dir, context, { opaque, budget });
	for (const goal of goals) runner.run(goal, scope);
	const merged = runner.results;
	const inputs = new Set([found.file, ...makefile.includedFiles, ...merged.flatMap((r) => r.inputs)]);
	for (const r of merged) if (r.opaque) opaque.push(r.opaque);
	if (budget.work <= 0) opaque.push(`the Makefile's variables expand to too much text to follow (over ${MAX_EXPANSION_WORK / 1_000_000} million characters)`);
	return {
		goCommands: merged.flatMap((r) => r.goCommands),
		installs: merged.flatMap((r) => r.installs),
		dockerBuilds: merged.flatMap((r) => r.dockerBuilds),
		opaque: opaque.length > 0 ? [...new Set(opaque)].join('; ') : undefined,
		inputs: [...inputs],
	};
}

/** What makes two make invocations do the same: the Makefile, the directory, goals, overrides and environment. */
function invocationKey(file: string, dir: string, cli: MakeArgs, env: Env): string {
	const environment = [...env].map(([name, v]) => `${name}=${v.value ?? '\u0001'}`).sort();
	const overrides = cli.overrides.map((o) => `${o.name}=${o.value ?? '\u0001'}`);
	return JSON.stringify([file, dir, cli.goals, overrides, cli.envOverrides, environment]);
}

interface MakeArgs {
	directory: string | undefined;
	file: string | undefined;
	goals: string[];
	overrides: { name: string; value: string | undefined; span: Span }[];
	envOverrides: boolean;
	dryRun: boolean;
	dynamic: boolean;
}

function parseMakeArgs(args: readonly ShellWord[]): MakeArgs {
	const out: MakeArgs = { directory: undefined, file: undefined, goals: [], overrides: [], envOverrides: false, dryRun: false, dynamic: false };
	for (let i = 0; i < args.length; i++) {
		const word = args[i];
		const text = word.value;
		if (text === undefined) {
			if (word.splittable || !/^[A-Za-z_]\w*=/.test(word.text)) out.dynamic = true;
			else out.overrides.push({ name: word.text.slice(0, word.text.indexOf('=')), value: undefined, span: word.span });
			continue;
		}
		const assignment = /^([A-Za-z_][\w.]*)(?::{0,2}|\?|\+)?=(.*)$/s.exec(text);
		if (assignment && !text.startsWith('-')) {
			out.overrides.push({ name: assignment[1], value: assignment[2], span: word.span });
			continue;
		}
		if (!text.startsWith('-')) {
			out.goals.push(text);
			continue;
		}
		const eq = text.indexOf('=');
		const name = eq > 0 ? text.slice(0, eq) : /^-[Cf]./.test(text) ? text.slice(0, 2) : text;
		const value = eq > 0 ? text.slice(eq + 1) : name !== text ? text.slice(2) : VALUE_OPTIONS.has(name) ? args[++i]?.value : undefined;
		if (name === '-C' || name === '--directory') out.directory = out.directory && value ? joinPath(out.directory, value) : value;
		else if (name === '-f' || name === '--file' || name === '--makefile') out.file = value;
		else if (name === '-e' || name === '--environment-overrides') out.envOverrides = true;
		else if (/^-[a-zA-Z]*n/.test(name) && !name.startsWith('--') || name === '--dry-run' || name === '--just-print' || name === '--recon') out.dryRun = true;
		else if ((name === '-j' || name === '-l') && /^\d+$/.test(args[i + 1]?.value ?? '')) i++;
	}
	return out;
}

function findMakefile(dir: string, file: string | undefined, context: IndirectContext): { file: string; text: string } | undefined {
	const candidates = file ? [resolveContainerPath(dir, file)] : MAKEFILE_NAMES.map((n) => joinPath(dir, n));
	for (const runtimePath of candidates) {
		const workspacePath = context.toWorkspace(runtimePath);
		const text = workspacePath === undefined ? undefined : context.fs.readFile(workspacePath);
		if (workspacePath !== undefined && text !== undefined) return { file: workspacePath, text };
	}
	return undefined;
}

type Makefile = ParsedMakefile & { readonly includedFiles: readonly string[]; readonly all: readonly ParsedMakefile[] };

/** Includes are read in place when they are workspace files; generated or missing ones make the result partial. */
function withIncludes(main: ParsedMakefile, dir: string, context: IndirectContext, opaque: string[]): Makefile {
	const all: ParsedMakefile[] = [main];
	const includedFiles: string[] = [];
	for (const include of main.includes) {
		for (const name of include.paths.split(/\s+/).filter(Boolean)) {
			if (name.includes('$') || /[*?[]/.test(name)) {
				opaque.push(`the Makefile includes "${name}", which is only known at run time`);
				continue;
			}
			const workspacePath = context.toWorkspace(resolveContainerPath(dir, name));
			const text = workspacePath === undefined ? undefined : context.fs.readFile(workspacePath);
			if (workspacePath === undefined || text === undefined) {
				if (!include.optional) opaque.push(`the Makefile includes "${name}", which is not in the workspace`);
				continue;
			}
			all.push(parseMakefile(workspacePath, text));
			includedFiles.push(workspacePath);
		}
	}
	return { ...main, includedFiles, all };
}

function variables(makefile: Makefile, env: Env, cli: MakeArgs, dir: string, callerFile: string, state: { opaque: string[]; budget: Budget }): Scope {
	const scope: Scope = new Map();
	scope.set('MAKE', { name: 'MAKE', value: 'make', recursive: false, origin: 'default', exported: false, file: undefined, span: undefined });
	scope.set('CURDIR', { name: 'CURDIR', value: dir, recursive: false, origin: 'default', exported: false, file: undefined, span: undefined });
	for (const [name, variable] of env) scope.set(name, { name, value: variable.value, recursive: false, origin: 'env', exported: true, file: variable.file, span: variable.span, envVar: variable });
	const exportAll = makefile.all.some((m) => m.exportAll);
	for (const part of makefile.all) {
		for (const assignment of part.assignments) assign(scope, assignment, part.path, { cli, exportAll, ...state });
		for (const exported of part.exports) {
			const current = scope.get(exported.name);
			if (current) scope.set(exported.name, { ...current, exported: true });
		}
	}
	for (const o of cli.overrides) scope.set(o.name, { name: o.name, value: o.value, recursive: false, origin: 'command-line', exported: true, file: callerFile, span: o.span });
	return scope;
}

function assign(scope: Scope, a: MakeAssignment, file: string, options: { cli: MakeArgs; exportAll: boolean; opaque: string[]; budget: Budget }): void {
	if (options.cli.overrides.some((o) => o.name === a.name) && !a.override) return;
	const current = scope.get(a.name);
	if (current?.origin === 'env' && options.cli.envOverrides && !a.override) return;
	const exported = a.export || current?.exported === true || options.exportAll;
	const base = { name: a.name, origin: 'file' as const, exported, file, span: a.span };
	if (a.multiline || a.operator === '!=' || a.conditional) {
		if (a.operator === '?=' && current) return;
		if (a.operator === '!=') options.opaque.push(`"${a.name} != …" in the Makefile runs a shell command`);
		scope.set(a.name, { ...base, value: undefined, recursive: false });
		return;
	}
	switch (a.operator) {
		case '?=':
			if (current) return;
			scope.set(a.name, { ...base, value: a.value, recursive: true });
			return;
		case '+=':
			if (current) {
				const added = current.recursive ? a.value : expandString(a.value, scope, options.budget);
				const value = current.value === undefined || added === undefined ? undefined : `${current.value} ${added}`.trim();
				// A simple variable's value grows by expansion (`X += $(X)` doubles it); a recursive one's by its text.
				const tooLong = !current.recursive && value !== undefined && value.length > MAX_SUBSTITUTED_CHARS;
				scope.set(a.name, { ...base, value: tooLong ? undefined : value, recursive: current.recursive });
				return;
			}
			scope.set(a.name, { ...base, value: a.value, recursive: true });
			return;
		case '=':
			scope.set(a.name, { ...base, value: a.value, recursive: true });
			return;
		default:
			scope.set(a.name, { ...base, value: expandString(a.value, scope, options.budget), recursive: false });
	}
}

/** The value of a variable reference, fully expanded; undefined when any part is not known. */
function valueOf(variable: MakeVar | undefined, scope: Scope, budget: Budget, depth = 0): string | undefined {
	if (!variable) return ''; // make expands undefined variables to nothing
	if (variable.value === undefined) return undefined;
	return variable.recursive ? expandString(variable.value, scope, budget, depth + 1) : variable.value;
}

/**
 * Expands `$(…)`/`${…}`/`$X` in a string; undefined when a function or unknown variable is involved, or when
 * the expansion is too long or the call's budget is spent (see MAX_SUBSTITUTED_CHARS).
 */
function expandString(text: string, scope: Scope, budget: Budget, depth = 0): string | undefined {
	if (depth > MAX_EXPANSION_DEPTH) return undefined;
	budget.work -= text.length + 1;
	if (budget.work < 0) return undefined;
	let out = '';
	let substituted = 0;
	for (let i = 0; i < text.length; i++) {
		if (text[i] !== '$') {
			out += text[i];
			continue;
		}
		const ref = referenceAt(text, i);
		if (!ref) {
			out += '$';
			continue;
		}
		if (ref.literalDollar) out += '$';
		else {
			const value = ref.name === undefined ? undefined : valueOf(scope.get(ref.name), scope, budget, depth);
			if (value === undefined) return undefined;
			substituted += value.length;
			budget.work -= value.length;
			if (substituted > MAX_SUBSTITUTED_CHARS || budget.work < 0) return undefined;
			out += value;
		}
		i = ref.end - 1;
	}
	return out;
}

/** `$$`, `$(NAME)`, `${NAME}`, `$X` at `i`; `name` undefined for functions and substitution references. */
function referenceAt(text: string, i: number): { end: number; name: string | undefined; literalDollar?: boolean } | undefined {
	const next = text[i + 1];
	if (next === undefined) return undefined;
	if (next === '$') return { end: i + 2, name: undefined, literalDollar: true };
	if (next === '(' || next === '{') {
		const close = next === '(' ? ')' : '}';
		let depth = 0;
		for (let j = i + 1; j < text.length; j++) {
			if (text[j] === next) depth++;
			else if (text[j] === close && --depth === 0) {
				const inner = text.slice(i + 2, j);
				return { end: j + 1, name: /^[^\s:,=$()]+$/.test(inner) ? inner : undefined };
			}
		}
		return undefined;
	}
	return { end: i + 2, name: next };
}

function defaultGoal(makefile: Makefile, scope: Scope, budget: Budget): string[] {
	const explicit = valueOf(scope.get('.DEFAULT_GOAL'), scope, budget);
	if (explicit) return [explicit];
	for (const rule of makefile.rules) {
		const first = expandString(rule.targets, scope, budget)?.split(/\s+/)[0];
		if (first && (!first.startsWith('.') || first.includes('/')) && !first.includes('%')) return [first];
	}
	return [];
}

/** Runs goals the way make does: prerequisites first, each target once, every recipe line in its own shell. */
class RecipeRunner {
	readonly results: IndirectResult[] = [];
	private readonly visited = new Set<string>();
	private readonly rules = new Map<string, MakeRule[]>();

	constructor(
		private readonly makefile: Makefile,
		scope: Scope,
		private readonly callerEnv: Env,
		private readonly dir: string,
		private readonly context: IndirectContext,
		private readonly state: { readonly opaque: string[]; readonly budget: Budget },
	) {
		for (const part of makefile.all) {
			for (const rule of part.rules) {
				const targets = expandString(rule.targets, scope, state.budget);
				if (targets === undefined) state.opaque.push(`the Makefile target "${rule.targets}" is only known at run time`);
				for (const target of (targets ?? '').split(/\s+/).filter(Boolean)) this.rules.set(target, [...(this.rules.get(target) ?? []), rule]);
			}
		}
	}

	run(target: string, parentScope: Scope): void {
		if (this.visited.has(target) || this.visited.size > 200) return;
		this.visited.add(target);
		const rules = this.rules.get(target) ?? [];
		const scope = new Map(parentScope);
		for (const rule of rules) for (const a of rule.assignments) assign(scope, a, this.fileOf(rule), { cli: NO_ARGS, exportAll: false, ...this.state });
		const prerequisites = rules.flatMap((r) => (expandString(r.prerequisites, scope, this.state.budget) ?? '').replace('|', ' ').split(/\s+/).filter(Boolean));
		for (const prerequisite of prerequisites) this.run(prerequisite, scope);
		const withRecipe = rules.filter((r) => r.recipe.length > 0);
		const rule = withRecipe[withRecipe.length - 1];
		if (!rule) return;
		const automatic = automaticVars(target, prerequisites);
		const env = recipeEnv(scope, this.callerEnv, this.state.budget);
		const file = this.fileOf(rule);
		const text = this.makefile.all.find((m) => m.path === file)!.text;
		const lines = this.makefile.oneShell ? [joinRecipe(text, rule)] : rule.recipe.map((line) => recipeText(text, line.span));
		for (const line of lines) {
			if (!spendIndirectWork(this.context.work)) {
				this.state.opaque.push(`the Makefile leads to more than ${MAX_INDIRECT_WORK} recipe lines and scripts, more than this analysis follows`);
				return;
			}
			const expanded = expandMapped(line, scope, automatic, this.state.budget);
			const script = parseMappedShell(this.context.parsers, expanded, { initialEnv: initialEnvOf(env), cwd: this.dir });
			const items = analyseScript(script, { file, baseEnv: env, indirect: { ...this.context, depth: this.context.depth + 1 } });
			const span = { start: line.starts[0] ?? line.endOffset, end: line.endOffset };
			this.results.push(collectIndirect(items, file, { file, span, description: `target "${target}" of ${basename(file)}` }));
		}
	}

	private fileOf(rule: MakeRule): string {
		return this.makefile.all.find((m) => m.rules.includes(rule))?.path ?? this.makefile.path;
	}
}

const NO_ARGS: MakeArgs = { directory: undefined, file: undefined, goals: [], overrides: [], envOverrides: false, dryRun: false, dynamic: false };

function automaticVars(target: string, prerequisites: readonly string[]): Map<string, string> {
	return new Map([
		['@', target],
		['<', prerequisites[0] ?? ''],
		['^', [...new Set(prerequisites)].join(' ')],
		['@D', target.includes('/') ? target.slice(0, target.lastIndexOf('/')) : '.'],
		['@F', basename(target)],
	]);
}

/** make exports to recipes: the caller's environment, with exported Makefile and command-line variables. */
function recipeEnv(scope: Scope, callerEnv: Env, budget: Budget): Env {
	const env = new Map(callerEnv);
	for (const variable of scope.values()) {
		if (!variable.exported || variable.origin === 'default') continue;
		if (variable.origin === 'env' && variable.envVar) continue;
		env.set(variable.name, {
			name: variable.name,
			value: valueOf(variable, scope, budget),
			origin: variable.origin === 'command-line' ? 'inline' : 'export',
			file: variable.file,
			span: variable.span,
		});
	}
	return env;
}

/** A recipe line without its `@`/`-`/`+` prefixes; make drops one TAB after each continuation. */
function recipeText(text: string, span: Span): MappedText {
	const builder = new MappedTextBuilder(span.start);
	let i = span.start;
	while (i < span.end && /[@+\-\s]/.test(text[i])) i++;
	while (i < span.end) {
		builder.copy(text, i, i + 1);
		if (text[i] === '\n' && text[i + 1] === '\t') i++;
		i++;
	}
	return builder.build();
}

function joinRecipe(text: string, rule: MakeRule): MappedText {
	const builder = new MappedTextBuilder(rule.span.end);
	rule.recipe.forEach((line, i) => {
		if (i > 0) builder.glue('\n');
		const part = recipeText(text, line.span);
		builder.copyMapped(part, 0, part.text.length);
	});
	return builder.build();
}

/**
 * Make's expansion of a recipe line before the shell sees it. Known references are substituted (mapped to
 * the `$(NAME)` they replace), `$$` becomes `$`; unknown references (functions, `$(shell …)`) are kept as
 * written, which bash reads as a command substitution or parameter expansion: a dynamic word.
 */
function expandMapped(line: MappedText, scope: Scope, automatic: Map<string, string>, budget: Budget): MappedText {
	const text = line.text;
	const builder = new MappedTextBuilder(line.endOffset);
	let last = 0;
	for (let i = 0; i < text.length; i++) {
		if (text[i] !== '$') continue;
		const ref = referenceAt(text, i);
		if (!ref) continue;
		builder.copyMapped(line, last, i);
		const span = { start: line.starts[i], end: line.ends[ref.end - 1] };
		if (ref.literalDollar) builder.replace('$', span);
		else {
			const value = ref.name === undefined ? undefined : automatic.has(ref.name) ? automatic.get(ref.name) : valueOf(scope.get(ref.name), scope, budget);
			if (value === undefined) builder.copyMapped(line, i, ref.end);
			else builder.replace(value, span);
		}
		last = ref.end;
		i = ref.end - 1;
	}
	builder.copyMapped(line, last, text.length);
	return builder.build();
}
