import type { Span } from '../span';
import type { Lookup } from './words';
import { resolvePath } from './word-utils';
import { unwrapCommand } from './wrappers';
import type {
	InitialEnv,
	InitialVariable,
	ParseShellOptions,
	ShellCommand,
	ShellEnvironment,
	ShellEvent,
	ShellScript,
	ShellVariable,
	ShellWord,
	VariableOrigin,
} from './types';

/**
 * The shell's variable state, with POSIX semantics: `A=B` sets a shell variable (exported only if `A`
 * already is, or under `set -a`); `export` marks for export; a prefix `A=B cmd` only reaches that
 * command's environment; a child shell (`sh -c`) sees only exported variables. The walker and
 * `environmentAt` drive the same transitions (`applyEvent`), so what words were resolved with during
 * parsing is exactly what `environmentAt` reports.
 */
export class ShellState {
	private constructor(
		readonly vars: Map<string, ShellVariable>,
		/** Names known to be unset (by `unset`, `env -u`, or because the parent did not export them). */
		readonly unsetNames: Set<string>,
		/** `export A` for an unset `A`: exported when it is later assigned. */
		readonly exportMarks: Set<string>,
		public allexport: boolean,
		public cwd: string | undefined,
		/** Every variable that exists is in `vars`: others are unset. */
		readonly complete: boolean,
	) {}

	static initial(options: ParseShellOptions): ShellState {
		const vars = new Map<string, ShellVariable>();
		for (const [name, v] of initialEntries(options.initialEnv)) {
			vars.set(name, { name, value: v.value, exported: v.exported ?? true, origin: 'initial', span: v.span ?? undefined, word: undefined });
		}
		return new ShellState(vars, new Set(), new Set(), false, options.cwd, options.envComplete ?? false);
	}

	clone(): ShellState {
		return new ShellState(new Map(this.vars), new Set(this.unsetNames), new Set(this.exportMarks), this.allexport, this.cwd, this.complete);
	}

	/** The state of a child shell started with environment `env` (`cleared`: `env -i`). */
	child(env: ReadonlyMap<string, ShellVariable>, cleared: boolean): ShellState {
		const vars = new Map<string, ShellVariable>();
		for (const [name, v] of env) vars.set(name, { ...v, exported: true });
		const unsetNames = new Set<string>();
		// What the parent knew but did not pass on is unset in the child.
		for (const name of this.unsetNames) if (!env.has(name)) unsetNames.add(name);
		for (const [name] of this.vars) if (!env.has(name)) unsetNames.add(name);
		return new ShellState(vars, unsetNames, new Set(), false, this.cwd, this.complete || cleared);
	}

	lookup(name: string): Lookup {
		const v = this.vars.get(name);
		if (v) return v.value === undefined ? { kind: 'set-unknown' } : { kind: 'value', value: v.value };
		if (this.unsetNames.has(name) || this.complete) return { kind: 'unset' };
		return { kind: 'unknown' };
	}

	/** Assigns a value (`unknown`: the variable is set to something we do not know). */
	assign(name: string, word: ShellWord | undefined, unknown: boolean, exported: boolean | undefined, append: boolean, origin: VariableOrigin, span: Span): void {
		const prev = this.vars.get(name);
		const isExported = exported ?? (prev?.exported || this.exportMarks.has(name) || this.allexport);
		let value = unknown || !word ? undefined : word.value;
		if (append && value !== undefined) {
			const before = this.lookup(name);
			value = before.kind === 'value' ? before.value + value : before.kind === 'unset' ? value : undefined;
		}
		this.vars.set(name, { name, value, exported: isExported, origin, span, word: append ? undefined : word });
		this.unsetNames.delete(name);
		if (isExported) this.exportMarks.delete(name);
	}

	/** `export A` / `export -n A` without a value: only the attribute changes. */
	setExported(name: string, exported: boolean, origin: VariableOrigin, span: Span): void {
		const prev = this.vars.get(name);
		if (prev) this.vars.set(name, { ...prev, exported, origin: exported ? origin : prev.origin, span: exported ? span : prev.span });
		else if (exported) this.exportMarks.add(name);
		if (!exported) this.exportMarks.delete(name);
	}

	unset(name: string): void {
		this.vars.delete(name);
		this.exportMarks.delete(name);
		this.unsetNames.add(name);
	}

	cd(dir: ShellWord | undefined): void {
		if (!dir) {
			const home = this.lookup('HOME');
			this.cwd = home.kind === 'value' ? resolvePath(this.cwd, home.value) : undefined;
			return;
		}
		this.cwd = dir.value === undefined || dir.value === '-' ? undefined : resolvePath(this.cwd, dir.value);
	}

	/** After a construct that may or may not have run (`if`, `||` …): what differs becomes unknown. */
	mergeMaybe(after: ShellState): void {
		const names = new Set([...this.vars.keys(), ...after.vars.keys(), ...after.unsetNames]);
		for (const name of names) {
			const a = this.vars.get(name);
			const b = after.vars.get(name);
			if (a && b && a.value === b.value && a.exported === b.exported) continue;
			if (!a && !b && this.lookup(name).kind === after.lookup(name).kind) continue;
			const origin = b?.origin ?? a?.origin ?? 'assignment';
			const span = b?.span ?? a?.span;
			// Either value is possible: unknown (but possibly unset, so not `set-unknown` when one side is unset).
			// Either value is possible, maybe even unset: keep it as "set, value unknown" (errs on unknown).
			if (a || b) {
				this.vars.set(name, { name, value: undefined, exported: (a?.exported ?? false) || (b?.exported ?? false), origin, span, word: undefined });
				this.unsetNames.delete(name);
			}
		}
		if (this.cwd !== after.cwd) this.cwd = undefined;
		if (this.allexport !== after.allexport) this.allexport = this.allexport || after.allexport;
	}
}

function initialEntries(env: InitialEnv | undefined): [string, InitialVariable][] {
	if (!env) return [];
	if (env instanceof Map) return [...(env as ReadonlyMap<string, InitialVariable>)];
	return Object.entries(env as Record<string, string | undefined | InitialVariable>).map(([name, v]) => [
		name,
		typeof v === 'object' && v !== null ? v : { value: v },
	]);
}

export type ScopeKind = Extract<ShellEvent, { kind: 'enter' }>['scope'];

/** A stack of states: `enter` pushes a copy (or a child shell's state), `leave` pops. */
export class StateStack {
	private readonly states: ShellState[];
	private readonly kinds: ScopeKind[] = [];

	constructor(initial: ShellState) {
		this.states = [initial];
	}

	get top(): ShellState {
		return this.states[this.states.length - 1];
	}

	apply(event: ShellEvent, commands: readonly ShellCommand[]): void {
		const state = this.top;
		switch (event.kind) {
			case 'command':
				return;
			case 'set':
				if (event.value === undefined && !event.unknown) {
					if (event.exported !== undefined) state.setExported(event.name, event.exported, 'export', event.span);
				} else {
					state.assign(event.name, event.value, event.unknown, event.exported, event.append, originOf(event, commands), event.span);
				}
				return;
			case 'unset':
				state.unset(event.name);
				return;
			case 'cd':
				state.cd(event.dir);
				return;
			case 'allexport':
				state.allexport = event.on;
				return;
			case 'enter': {
				const command = event.command === undefined ? undefined : commands[event.command];
				if (event.scope === 'child-shell' && command) {
					const env = commandEnvironment(state, command);
					this.states.push(state.child(env.env, env.cleared));
				} else {
					this.states.push(state.clone());
				}
				this.kinds.push(event.scope);
				return;
			}
			case 'leave': {
				if (this.states.length <= 1) return;
				const inner = this.states.pop()!;
				const kind = this.kinds.pop();
				if (kind === 'conditional') this.top.mergeMaybe(inner);
				return;
			}
		}
	}
}

function originOf(event: Extract<ShellEvent, { kind: 'set' }>, commands: readonly ShellCommand[]): VariableOrigin {
	const command = event.command === undefined ? undefined : commands[event.command];
	if (!command) return 'loop';
	if (command.kind === 'declaration') return command.name === 'export' ? 'export' : 'declaration';
	return command.kind === 'assignment' ? 'assignment' : 'declaration';
}

/** The environment a command's process gets in state `state` (see `ShellEnvironment.env`). */
export function commandEnvironment(state: ShellState, command: ShellCommand): ShellEnvironment {
	const unwrapped = unwrapCommand(command.words);
	let env = new Map<string, ShellVariable>();
	for (const [name, v] of state.vars) if (v.exported) env.set(name, v);
	if (command.kind !== 'assignment') {
		for (const a of command.assignments) {
			let value = a.value.value;
			if (a.append && value !== undefined) {
				const before = env.get(a.name);
				value = before ? (before.value === undefined ? undefined : before.value + value) : state.lookup(a.name).kind === 'unset' ? value : undefined;
			}
			env.set(a.name, { name: a.name, value, exported: true, origin: 'inline', span: a.span, word: a.value });
		}
	}
	const unset = new Set(state.unsetNames);
	if (unwrapped.clearEnv) {
		for (const name of env.keys()) unset.add(name);
		env = new Map();
	}
	for (const u of unwrapped.unsetNames) {
		env.delete(u.name);
		unset.add(u.name);
	}
	for (const a of unwrapped.assignments) {
		env.set(a.name, { name: a.name, value: a.value.value, exported: true, origin: 'env-command', span: a.span, word: a.value });
		unset.delete(a.name);
	}
	for (const name of env.keys()) unset.delete(name);
	return { shellVariables: new Map(state.vars), env, unset, cleared: unwrapped.clearEnv, cwd: state.cwd };
}

/** Replays the events of `script` and calls `visit` with the state in effect at each command. */
export function replay(script: ShellScript, visit: (command: ShellCommand, state: ShellState) => boolean | void): void {
	const stack = new StateStack(ShellState.initial(script.options));
	for (const event of script.events) {
		if (event.kind === 'command') {
			const command = script.commands[event.command];
			if (command && visit(command, stack.top) === true) return;
		}
		stack.apply(event, script.commands);
	}
}
