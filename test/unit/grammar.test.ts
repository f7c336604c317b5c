// The go.mod / go.work TextMate grammars and their language configuration: valid JSON, scopes that end
// in the language suffix, regexes that compile in JavaScript, and sample lines that get the right scopes.
// vscode-textmate is not a dependency, so a small line tokenizer below runs the grammar the TextMate way
// (earliest match wins, ties go to the end pattern and then to the first pattern listed; begin/end rules
// nest across lines). Oniguruma is not used, so the grammar must stay in the JavaScript-compatible subset.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const root = join(__dirname, '..', '..');

interface Capture {
	name?: string;
}
interface Rule {
	name?: string;
	match?: string;
	begin?: string;
	end?: string;
	include?: string;
	patterns?: Rule[];
	captures?: Record<string, Capture>;
	beginCaptures?: Record<string, Capture>;
	endCaptures?: Record<string, Capture>;
	comment?: string;
}
interface Grammar {
	scopeName: string;
	name: string;
	version: string;
	patterns: Rule[];
	repository: Record<string, Rule>;
}

function load<T>(file: string): T {
	return JSON.parse(readFileSync(join(root, 'syntaxes', file), 'utf8')) as T;
}

/** Every scope name in a grammar, including capture names. */
function scopeNames(g: Grammar): string[] {
	const out: string[] = [];
	const visit = (r: Rule): void => {
		if (r.name) out.push(r.name);
		for (const caps of [r.captures, r.beginCaptures, r.endCaptures]) for (const c of Object.values(caps ?? {})) if (c.name) out.push(c.name);
		for (const p of r.patterns ?? []) visit(p);
	};
	g.patterns.forEach(visit);
	Object.values(g.repository).forEach(visit);
	return out;
}

/** Every regex source in a grammar. */
function regexes(g: Grammar): string[] {
	const out: string[] = [];
	const visit = (r: Rule): void => {
		for (const src of [r.match, r.begin, r.end]) if (src !== undefined) out.push(src);
		for (const p of r.patterns ?? []) visit(p);
	};
	g.patterns.forEach(visit);
	Object.values(g.repository).forEach(visit);
	return out;
}

// --- a minimal TextMate line tokenizer -------------------------------------------------------------

interface Frame {
	rule: Rule;
	scopes: string[];
	end?: RegExp;
}

const compiled = new Map<string, RegExp>();
function re(src: string): RegExp {
	let r = compiled.get(src);
	if (!r) {
		r = new RegExp(src, 'dg');
		compiled.set(src, r);
	}
	return r;
}

class Tokenizer {
	private stack: Frame[];
	constructor(private readonly g: Grammar) {
		this.stack = [{ rule: { patterns: g.patterns }, scopes: [g.scopeName] }];
	}

	private flatten(patterns: Rule[] | undefined, out: Rule[] = []): Rule[] {
		for (const p of patterns ?? []) {
			if (p.include) {
				const target = this.g.repository[p.include.slice(1)];
				assert.ok(target, `missing repository entry ${p.include}`);
				if (target.match || target.begin) out.push(target);
				else this.flatten(target.patterns, out);
			} else if (p.match || p.begin) {
				out.push(p);
			} else {
				this.flatten(p.patterns, out);
			}
		}
		return out;
	}

	/** Scopes for each character of the line (the innermost last). */
	line(text: string): string[][] {
		const scopes: string[][] = Array.from({ length: text.length }, () => []);
		const paint = (from: number, to: number, s: string[]): void => {
			for (let i = from; i < to; i++) scopes[i] = s;
		};
		const paintCaptures = (m: RegExpExecArray, caps: Record<string, Capture> | undefined, base: string[]): void => {
			for (const [k, c] of Object.entries(caps ?? {})) {
				const idx = m.indices?.[Number(k)];
				if (idx && c.name) paint(idx[0], idx[1], [...base, c.name]);
			}
		};
		let pos = 0;
		for (let guard = 0; guard < 10_000; guard++) {
			const frame = this.stack[this.stack.length - 1];
			let best: { m: RegExpExecArray; rule?: Rule } | undefined;
			const tryRe = (r: RegExp, rule?: Rule): void => {
				r.lastIndex = pos;
				const m = r.exec(text);
				if (m && (!best || m.index < best.m.index)) best = rule ? { m, rule } : { m };
			};
			if (frame.end) tryRe(frame.end);
			for (const p of this.flatten(frame.rule.patterns)) tryRe(re((p.match ?? p.begin)!), p);
			if (!best) {
				paint(pos, text.length, frame.scopes);
				return scopes;
			}
			const { m, rule } = best;
			const end = m.index + m[0].length;
			paint(pos, m.index, frame.scopes);
			if (!rule) {
				// The end pattern of the current frame.
				paint(m.index, end, frame.scopes);
				paintCaptures(m, frame.rule.endCaptures ?? frame.rule.captures, frame.scopes);
				this.stack.pop();
				assert.ok(this.stack.length > 0, 'popped the root');
			} else if (rule.match) {
				const s = rule.name ? [...frame.scopes, rule.name] : frame.scopes;
				paint(m.index, end, s);
				paintCaptures(m, rule.captures, s);
			} else {
				const s = rule.name ? [...frame.scopes, rule.name] : frame.scopes;
				paint(m.index, end, s);
				paintCaptures(m, rule.beginCaptures ?? rule.captures, s);
				this.stack.push({ rule, scopes: s, end: re(rule.end!) });
			}
			pos = end;
			if (m[0].length === 0 && rule && !rule.begin) pos++;
			if (pos > text.length) return scopes;
		}
		assert.fail(`tokenizer did not finish on ${JSON.stringify(text)}`);
	}
}

/** Tokenizes a document and returns, for each probe [line, substring], the innermost scope over the whole substring. */
function scopesOf(g: Grammar, doc: string, probes: [number, string][]): string[] {
	const t = new Tokenizer(g);
	const lines = doc.split('\n').map((l) => t.line(l));
	const docLines = doc.split('\n');
	return probes.map(([ln, sub]) => {
		const text = docLines[ln];
		const at = text.indexOf(sub);
		assert.ok(at >= 0, `${JSON.stringify(sub)} not on line ${ln}`);
		const inner = new Set<string>();
		for (let i = at; i < at + sub.length; i++) inner.add(lines[ln][i].at(-1)!);
		return [...inner].join(' | ');
	});
}

// --- tests ------------------------------------------------------------------------------------------

const mod = load<Grammar>('go.mod.tmLanguage.json');
const work = load<Grammar>('go.work.tmLanguage.json');

describe('TextMate grammars: structure', () => {
	for (const [g, lang] of [
		[mod, 'go.mod'],
		[work, 'go.work'],
	] as const) {
		it(`${lang}: scope name, version note, every scope ends in .${lang}`, () => {
			assert.equal(g.scopeName, lang);
			assert.equal(g.name, lang);
			assert.match(g.version, /golang\.org\/x\/mod\/modfile/);
			const names = scopeNames(g);
			assert.ok(names.length > 20);
			for (const n of names) assert.ok(n.endsWith(`.${lang}`), `${n} does not end in .${lang}`);
		});

		it(`${lang}: every regex compiles in JavaScript and avoids Oniguruma-only syntax`, () => {
			const all = regexes(g);
			assert.ok(all.length > 20);
			for (const src of all) {
				assert.doesNotThrow(() => new RegExp(src, 'd'), src);
				assert.doesNotMatch(src, /\\[GhHAzZ]|\(\?>|[*+?}]\+|\(\?[imx]+[:)-]|\\p\{/, `Oniguruma-only construct in ${src}`);
			}
		});

		it(`${lang}: every include resolves and every repository entry is used`, () => {
			const used = new Set<string>();
			const visit = (r: Rule): void => {
				if (r.include) {
					assert.ok(g.repository[r.include.slice(1)], `missing ${r.include}`);
					used.add(r.include.slice(1));
				}
				for (const p of r.patterns ?? []) visit(p);
			};
			g.patterns.forEach(visit);
			Object.values(g.repository).forEach(visit);
			assert.deepEqual(Object.keys(g.repository).filter((k) => !used.has(k)), []);
		});
	}

	it('language configuration: // comments, () brackets, valid regexes', () => {
		const conf = load<{
			comments: { lineComment: string };
			brackets: string[][];
			wordPattern: string;
			indentationRules: { increaseIndentPattern: string; decreaseIndentPattern: string };
		}>('go.mod.language-configuration.json');
		assert.equal(conf.comments.lineComment, '//');
		assert.deepEqual(conf.brackets, [['(', ')']]);
		const word = new RegExp(conf.wordPattern, 'g');
		assert.deepEqual('\tgithub.com/a/b v1.2.3 // x'.match(word), ['github.com/a/b', 'v1.2.3', 'x']);
		assert.match('require (', new RegExp(conf.indentationRules.increaseIndentPattern));
		assert.match('require ( // deps', new RegExp(conf.indentationRules.increaseIndentPattern));
		assert.doesNotMatch('require x v1', new RegExp(conf.indentationRules.increaseIndentPattern));
		assert.match('\t)', new RegExp(conf.indentationRules.decreaseIndentPattern));
	});
});

describe('TextMate grammars: go.mod sample', () => {
	const doc = [
		'// Deprecated: use example.com/app/v2',
		'module example.com/app',
		'',
		'go 1.23.0',
		'toolchain go1.23.4',
		'godebug default=go1.21',
		'',
		'require (',
		'\tgithub.com/mattn/go-sqlite3 v1.14.22',
		'\tgolang.org/x/sys v0.0.0-20240101000000-abcdef123456 // indirect',
		'\t"example.com/q" v2.0.0+incompatible',
		')',
		'replace example.com/a v1.0.0 => ../a',
		'retract [v1.0.0, v1.0.5] // oops',
		'tool golang.org/x/tools/cmd/stringer',
		'ignore ./node_modules',
		'cgo 1.0',
		'exclude example.com/x v1.0.1',
	].join('\n');

	it('scopes keywords, paths, versions, comments and operators', () => {
		const probes: [number, string, string][] = [
			[0, '// ', 'punctuation.definition.comment.go.mod | comment.line.double-slash.go.mod'],
			[0, 'Deprecated:', 'keyword.other.deprecated.go.mod'],
			[0, 'use example.com', 'comment.line.double-slash.go.mod'],
			[1, 'module', 'keyword.other.directive.go.mod'],
			[1, 'example.com/app', 'string.unquoted.module-path.go.mod'],
			[3, 'go', 'keyword.other.directive.go.mod'],
			[3, '1.23.0', 'constant.other.version.go.mod'],
			[4, 'toolchain', 'keyword.other.directive.go.mod'],
			[4, 'go1.23.4', 'constant.other.version.go.mod'],
			[5, 'default', 'variable.other.key.go.mod'],
			[5, '=', 'keyword.operator.assignment.go.mod'],
			[5, 'go1.21', 'string.unquoted.value.go.mod'],
			[7, 'require', 'keyword.other.directive.go.mod'],
			[7, '(', 'punctuation.section.parens.begin.go.mod'],
			[8, 'github.com/mattn/go-sqlite3', 'string.unquoted.module-path.go.mod'],
			[8, 'v1.14.22', 'constant.other.version.go.mod'],
			[9, 'v0.0.0-20240101000000-abcdef123456', 'constant.other.version.go.mod'],
			[9, 'indirect', 'keyword.other.indirect.go.mod'],
			[10, '"example.com/q"', 'punctuation.definition.string.begin.go.mod | string.quoted.double.go.mod | punctuation.definition.string.end.go.mod'],
			[10, 'v2.0.0+incompatible', 'constant.other.version.go.mod'],
			[11, ')', 'punctuation.section.parens.end.go.mod'],
			[12, 'replace', 'keyword.other.directive.go.mod'],
			[12, 'example.com/a', 'string.unquoted.module-path.go.mod'],
			[12, 'v1.0.0', 'constant.other.version.go.mod'],
			[12, '=>', 'keyword.operator.arrow.go.mod'],
			[12, '../a', 'string.unquoted.directory-path.go.mod'],
			[13, '[', 'punctuation.definition.interval.begin.go.mod'],
			[13, 'v1.0.5', 'constant.other.version.go.mod'],
			[13, ',', 'punctuation.separator.comma.go.mod'],
			[13, 'oops', 'comment.line.double-slash.go.mod'],
			[14, 'golang.org/x/tools/cmd/stringer', 'string.unquoted.module-path.go.mod'],
			[15, './node_modules', 'string.unquoted.directory-path.go.mod'],
			[16, 'cgo', 'invalid.illegal.unknown-directive.go.mod'],
			[17, 'exclude', 'keyword.other.directive.go.mod'],
			[17, 'v1.0.1', 'constant.other.version.go.mod'],
		];
		assert.deepEqual(
			scopesOf(
				mod,
				doc,
				probes.map(([l, s]) => [l, s]),
			),
			probes.map(([, , want]) => want),
		);
	});

	it('ends a block at ) and does not leak scopes into the next line', () => {
		const t = new Tokenizer(mod);
		t.line('require (');
		assert.deepEqual(t.line('\tx.com/y v1.0.0').at(1), ['go.mod', 'meta.block.require.go.mod', 'string.unquoted.module-path.go.mod']);
		t.line(')');
		assert.deepEqual(t.line('go 1.22').at(0), ['go.mod', 'meta.directive.go.go.mod', 'keyword.other.directive.go.mod']);
	});

	it('ends an unterminated string at the end of its line', () => {
		const t = new Tokenizer(mod);
		assert.equal(t.line('module "example.com/m').at(-1)?.at(-1), 'string.quoted.double.go.mod');
		assert.deepEqual(t.line('go 1.22').at(0), ['go.mod', 'meta.directive.go.go.mod', 'keyword.other.directive.go.mod']);
	});

	it('treats ( ) on one line as an empty block, not an open one', () => {
		const t = new Tokenizer(mod);
		t.line('require ( )');
		assert.deepEqual(t.line('go 1.22').at(0), ['go.mod', 'meta.directive.go.go.mod', 'keyword.other.directive.go.mod']);
	});

	it('does not take a version-like path segment for a version', () => {
		assert.deepEqual(scopesOf(mod, 'require v1.example.com/x v1.0.0', [[0, 'v1.example.com/x']]), ['string.unquoted.module-path.go.mod']);
	});
});

describe('TextMate grammars: go.work sample', () => {
	const doc = ['go 1.23.0', 'use (', '\t./app // main', '\t"./with space"', ')', 'use ./lib', 'replace example.com/x => ../x', 'require x v1'].join('\n');

	it('scopes use, replace and go with the .go.work suffix', () => {
		const probes: [number, string, string][] = [
			[0, 'go', 'keyword.other.directive.go.work'],
			[0, '1.23.0', 'constant.other.version.go.work'],
			[1, 'use', 'keyword.other.directive.go.work'],
			[2, './app', 'string.unquoted.directory-path.go.work'],
			[2, 'main', 'comment.line.double-slash.go.work'],
			[3, 'with space', 'string.quoted.double.go.work'],
			[5, './lib', 'string.unquoted.directory-path.go.work'],
			[6, '=>', 'keyword.operator.arrow.go.work'],
			[6, '../x', 'string.unquoted.directory-path.go.work'],
			[7, 'require', 'invalid.illegal.unknown-directive.go.work'],
		];
		assert.deepEqual(
			scopesOf(
				work,
				doc,
				probes.map(([l, s]) => [l, s]),
			),
			probes.map(([, , want]) => want),
		);
	});
});
