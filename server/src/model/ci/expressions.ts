import type { YamlValue } from '../../parse/yaml';
import { MappedTextBuilder, mapRange, type MappedText } from './mapped-text';

/**
 * GitHub Actions `${{ … }}` expressions, as far as a static reading can resolve them: `matrix.<path>`,
 * `env.<NAME>`, string and number literals, and `a || b` when `a` is known. Everything else (secrets,
 * inputs, step outputs, functions) stays unknown, and the text keeps the expression so the shell layer
 * treats it as a dynamic word.
 */
export interface ExpressionScope {
	/** The matrix combination of the job, by key (values are YAML values: maps allow `matrix.target.goos`). */
	readonly matrix?: ReadonlyMap<string, YamlValue | undefined>;
	/** Workflow/job env known so far (`env.GOOS`). */
	readonly env?: ReadonlyMap<string, string | undefined>;
	/** False when the matrix comes from an expression (`fromJSON(…)`): `matrix.*` is then unknown. */
	readonly matrixKnown?: boolean;
	/** Other known context values by full path (`github.workspace`). */
	readonly known?: ReadonlyMap<string, string>;
}

/** The value of one expression body (the text between `${{` and `}}`), or undefined when not known. */
export function evaluateExpression(body: string, scope: ExpressionScope): string | undefined {
	const expr = body.trim();
	const or = splitTopLevel(expr, '||');
	if (or.length > 1) {
		for (const part of or) {
			const value = evaluateExpression(part, scope);
			if (value === undefined) return undefined; // an unknown operand decides nothing
			if (value !== '' && value !== 'false' && value !== '0') return value;
		}
		return '';
	}
	let m = /^'((?:[^']|'')*)'$/.exec(expr);
	if (m) return m[1].replace(/''/g, "'");
	if (/^-?\d+(\.\d+)?$/.test(expr)) return expr;
	if (expr === 'true' || expr === 'false') return expr;
	m = /^matrix((?:\.[A-Za-z_][\w-]*|\[\s*'[^']*'\s*\])+)$/.exec(expr);
	if (m) {
		if (scope.matrixKnown === false || !scope.matrix) return undefined;
		const path = [...m[1].matchAll(/\.([A-Za-z_][\w-]*)|\[\s*'([^']*)'\s*\]/g)].map((p) => p[1] ?? p[2]);
		// A key the (known) matrix does not have is null, which GitHub renders as an empty string.
		if (!scope.matrix.has(path[0])) return '';
		return scalarAt(scope.matrix.get(path[0]), path.slice(1));
	}
	m = /^env\.([A-Za-z_]\w*)$/.exec(expr);
	if (m) return scope.env?.get(m[1]);
	return scope.known?.get(expr);
}

function scalarAt(value: YamlValue | undefined, path: readonly string[]): string | undefined {
	let current = value;
	for (const key of path) {
		if (current?.kind !== 'map') return undefined;
		current = current.entries.find((e) => e.key.value === key)?.value;
	}
	if (current?.kind !== 'scalar') return undefined;
	return current.value.includes('${{') ? undefined : current.value;
}

function splitTopLevel(expr: string, operator: string): string[] {
	const parts: string[] = [];
	let depth = 0;
	let quoted = false;
	let last = 0;
	for (let i = 0; i < expr.length; i++) {
		const c = expr[i];
		if (c === "'") quoted = !quoted;
		if (quoted) continue;
		if (c === '(') depth++;
		else if (c === ')') depth--;
		else if (depth === 0 && expr.startsWith(operator, i)) {
			parts.push(expr.slice(last, i));
			last = i + operator.length;
			i += operator.length - 1;
		}
	}
	parts.push(expr.slice(last));
	return parts;
}

/** A YAML value with its expressions resolved, when every one of them is known. */
export function resolveExpressions(text: string, scope: ExpressionScope): string | undefined {
	let unknown = false;
	const out = text.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, body: string) => {
		const value = evaluateExpression(body, scope);
		if (value === undefined) unknown = true;
		return value ?? '';
	});
	return unknown ? undefined : out;
}

/**
 * Substitutes known expressions in mapped text (GitHub substitutes them before the shell runs); each
 * substituted character maps to the whole `${{ … }}`. Unknown expressions stay for the shell layer's
 * `githubExpressions` placeholders.
 */
export function substituteExpressions(mapped: MappedText, scope: ExpressionScope): MappedText {
	if (!mapped.text.includes('${{')) return mapped;
	const builder = new MappedTextBuilder(mapped.endOffset);
	let last = 0;
	for (const m of mapped.text.matchAll(/\$\{\{([\s\S]*?)\}\}/g)) {
		const value = evaluateExpression(m[1], scope);
		if (value === undefined) continue;
		builder.copyMapped(mapped, last, m.index);
		builder.replace(value, mapRange(mapped, m.index, m.index + m[0].length));
		last = m.index + m[0].length;
	}
	builder.copyMapped(mapped, last, mapped.text.length);
	return builder.build();
}
