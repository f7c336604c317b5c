// From statements to typed directives, following modfile rule.go (parseToFile, File.add) and work.go
// (ParseWork, WorkFile.add). Each line is checked on its own; an invalid line is reported and left out
// of the typed lists, and the rest of the file is still interpreted.
import { deprecation } from './comments';
import type { ErrorSink } from './errors';
import { GO_DIRECTIVE_VERSION_RE, LAX_GO_VERSION_RE, TOOLCHAIN_RE } from './go-version';
import { entry, parseReplace, parseRequireOrExclude, parseRetract, stringArg, type DirectiveLine } from './module-directives';
import type {
	GoModEntry,
	GoModExclude,
	GoModFile,
	GoModGo,
	GoModGodebug,
	GoModIgnore,
	GoModKind,
	GoModModule,
	GoModRequire,
	GoModReplace,
	GoModRetract,
	GoModStatement,
	GoModSyntaxBlock,
	GoModSyntaxLine,
	GoModTool,
	GoModToolchain,
	GoModToken,
	GoWorkUse,
} from './types';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Directives that may be written as blocks. */
const BLOCK_VERBS: Record<GoModKind, ReadonlySet<string>> = {
	'go.mod': new Set(['module', 'godebug', 'require', 'exclude', 'replace', 'retract', 'tool', 'ignore']),
	'go.work': new Set(['godebug', 'use', 'replace']),
};

/** What modfile.ParseLax still reads in a dependency's go.mod; everything else is skipped. */
const LAX_VERBS: ReadonlySet<string> = new Set(['go', 'module', 'retract', 'require']);

/** The typed part of a GoModFile. */
export type Directives = Pick<GoModFile, 'module' | 'go' | 'toolchain' | 'godebug' | 'require' | 'exclude' | 'replace' | 'retract' | 'tool' | 'ignore' | 'use'>;

export class Interpreter {
	readonly out: Mutable<Directives> & {
		godebug: GoModGodebug[];
		require: GoModRequire[];
		exclude: GoModExclude[];
		replace: GoModReplace[];
		retract: GoModRetract[];
		tool: GoModTool[];
		ignore: GoModIgnore[];
		use: GoWorkUse[];
	} = { godebug: [], require: [], exclude: [], replace: [], retract: [], tool: [], ignore: [], use: [] };
	private moduleSeen = false;

	constructor(
		private readonly kind: GoModKind,
		private readonly strict: boolean,
		private readonly errors: ErrorSink,
	) {}

	run(statements: readonly GoModStatement[]): void {
		for (const stmt of statements) {
			if (stmt.kind === 'line') {
				if (!stmt.bad) this.add(stmt, undefined, stmt.tokens[0], stmt.tokens.slice(1));
				continue;
			}
			const verb = stmt.verb[0];
			if (stmt.verb.length > 1 || !BLOCK_VERBS[this.kind].has(verb.text)) {
				if (this.strict || this.kind === 'go.work') {
					const span = { start: verb.span.start, end: stmt.verb[stmt.verb.length - 1].span.end };
					this.errors.add('unknown-block', `unknown block type: ${stmt.verb.map((t) => t.text).join(' ')}`, span);
				}
				continue;
			}
			for (const line of stmt.lines) if (!line.bad) this.add(line, stmt, verb, line.tokens);
		}
		const firstRetract = this.out.retract[0];
		if (firstRetract && !this.out.module) {
			// modfile fixRetract: reported once, at the first retraction.
			this.errors.add('invalid-retract', 'no module directive found, so retract cannot be used', firstRetract.span);
		}
	}

	private add(line: GoModSyntaxLine, block: GoModSyntaxBlock | undefined, verbTok: GoModToken, args: readonly GoModToken[]): void {
		const verb = verbTok.text;
		const work = this.kind === 'go.work';
		const lax = !this.strict && !work;
		if (lax && !LAX_VERBS.has(verb)) return;
		const d: DirectiveLine = { line, block, verb, verbTok, args };
		const e = this.errors;
		const o = this.out;
		switch (work ? `work:${verb}` : verb) {
			case 'go':
			case 'work:go':
				return this.goLine(d, lax);
			case 'toolchain':
			case 'work:toolchain':
				return this.toolchainLine(d);
			case 'godebug':
			case 'work:godebug': {
				const g = this.godebugLine(d);
				if (g) o.godebug.push(g);
				return;
			}
			case 'module':
				return this.moduleLine(d);
			case 'require':
			case 'exclude': {
				const r = parseRequireOrExclude(e, d);
				if (r && verb === 'require') o.require.push(r as GoModRequire);
				else if (r) o.exclude.push(r);
				return;
			}
			case 'replace':
			case 'work:replace': {
				const r = parseReplace(e, d);
				if (r) o.replace.push(r);
				return;
			}
			case 'retract': {
				const r = parseRetract(e, d, this.strict);
				if (r) o.retract.push(r);
				return;
			}
			case 'tool':
			case 'ignore':
			case 'work:use': {
				const p = this.pathLine(d, verb === 'use' ? `usage: use local/dir` : `${verb} directive expects exactly one argument`);
				if (p) (verb === 'tool' ? o.tool : verb === 'ignore' ? o.ignore : o.use).push(p);
				return;
			}
			default:
				if (!lax) e.add('unknown-directive', `unknown directive: ${verb}`, verbTok.span);
		}
	}

	private goLine(d: DirectiveLine, lax: boolean): void {
		if (this.out.go) return this.errors.add('repeated', 'repeated go statement', d.line.span);
		if (d.args.length !== 1) return this.errors.add('usage', 'go directive expects exactly one argument', d.line.span);
		const tok = d.args[0];
		let value = tok.text;
		if (!GO_DIRECTIVE_VERSION_RE.test(value)) {
			const m = lax ? LAX_GO_VERSION_RE.exec(value) : null;
			if (!m) return this.errors.add('invalid-go-version', `invalid go version '${value}': must match format 1.23.0`, tok.span);
			value = m[1]!;
		}
		const go: GoModGo = entry(d, { version: { value, span: tok.span, quoted: tok.quoted } });
		this.out.go = go;
	}

	private toolchainLine(d: DirectiveLine): void {
		if (this.out.toolchain) return this.errors.add('repeated', 'repeated toolchain statement', d.line.span);
		if (d.args.length !== 1) return this.errors.add('usage', 'toolchain directive expects exactly one argument', d.line.span);
		const tok = d.args[0];
		if (!TOOLCHAIN_RE.test(tok.text)) {
			return this.errors.add('invalid-toolchain', `invalid toolchain version '${tok.text}': must match format go1.23.0 or default`, tok.span);
		}
		const toolchain: GoModToolchain = entry(d, { name: { value: tok.text, span: tok.span, quoted: tok.quoted } });
		this.out.toolchain = toolchain;
	}

	private godebugLine(d: DirectiveLine): GoModGodebug | undefined {
		const tok = d.args[0];
		const eq = tok ? tok.text.indexOf('=') : -1;
		if (d.args.length !== 1 || !tok || /["`',]/.test(tok.text) || eq < 0) {
			this.errors.add('usage', 'usage: godebug key=value', d.line.span);
			return undefined;
		}
		const s = tok.span.start;
		return entry(d, {
			key: { value: tok.text.slice(0, eq), span: { start: s, end: s + eq }, quoted: false },
			value: { value: tok.text.slice(eq + 1), span: { start: s + eq + 1, end: tok.span.end }, quoted: false },
		});
	}

	private moduleLine(d: DirectiveLine): void {
		if (this.moduleSeen) return this.errors.add('repeated', 'repeated module statement', d.line.span);
		this.moduleSeen = true;
		if (d.args.length !== 1) return this.errors.add('usage', 'usage: module module/path', d.line.span);
		const path = stringArg(this.errors, d.args[0]);
		if (!path) return;
		const dep = deprecation(d.block, d.line);
		const module: GoModModule = entry(d, { path, deprecated: dep?.message, deprecatedSpan: dep?.span });
		this.out.module = module;
	}

	/** tool, ignore, use: exactly one path argument. */
	private pathLine(d: DirectiveLine, usage: string): (GoModEntry & { path: NonNullable<ReturnType<typeof stringArg>> }) | undefined {
		if (d.args.length !== 1) {
			this.errors.add('usage', usage, d.line.span);
			return undefined;
		}
		const path = stringArg(this.errors, d.args[0]);
		return path ? entry(d, { path }) : undefined;
	}
}
