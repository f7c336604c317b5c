import { GOOS_IMPLIES, KNOWN_GOARCH, KNOWN_GOOS, UNIX_GOOS } from '../knowledge/go-platforms';

/**
 * Build constraints of Go files (`//go:build` expressions, old `// +build` lines, `_GOOS_GOARCH.go` file names),
 * following go/build/constraint and go/build's goodOSArchFile, evaluated with three-valued logic: a tag
 * whose value the model does not know makes the result unknown unless the rest decides it.
 */
export type Constraint =
	| { readonly kind: 'tag'; readonly name: string }
	| { readonly kind: 'not'; readonly x: Constraint }
	| { readonly kind: 'and' | 'or'; readonly x: Constraint; readonly y: Constraint };

/** The value of one build tag for a build: true, false, or undefined when not known. */
export type TagValue = (tag: string) => boolean | undefined;

/** Parses a `//go:build` expression (`cgo && !windows`); undefined when it is not valid. */
export function parseBuildExpression(text: string): Constraint | undefined {
	const tokens = text.match(/\|\||&&|!|\(|\)|[A-Za-z0-9_.]+|\S/g) ?? [];
	let i = 0;
	const peek = () => tokens[i];
	const or = (): Constraint | undefined => {
		let x = and();
		while (x && peek() === '||') {
			i++;
			const y = and();
			x = y ? { kind: 'or', x, y } : undefined;
		}
		return x;
	};
	const and = (): Constraint | undefined => {
		let x = unary();
		while (x && peek() === '&&') {
			i++;
			const y = unary();
			x = y ? { kind: 'and', x, y } : undefined;
		}
		return x;
	};
	const unary = (): Constraint | undefined => {
		const token = tokens[i++];
		if (token === '!') {
			const x = unary();
			return x ? { kind: 'not', x } : undefined;
		}
		if (token === '(') {
			const x = or();
			return tokens[i++] === ')' ? x : undefined;
		}
		return token !== undefined && /^[A-Za-z0-9_.]+$/.test(token) ? { kind: 'tag', name: token } : undefined;
	};
	const result = or();
	return i === tokens.length ? result : undefined;
}

/** `// +build a,b !c` lines: each line ORs its space-separated terms, a term ANDs its comma-separated tags; lines AND. */
export function parsePlusBuildLines(lines: readonly string[]): Constraint | undefined {
	const lineExprs = lines.map((line) => line.trim().split(/\s+/).filter(Boolean).map((term) => term.split(',').join(' && ')).join(' || '));
	const text = lineExprs.filter(Boolean).map((e) => `(${e})`).join(' && ');
	return text ? parseBuildExpression(text) : undefined;
}

/** The constraint a file name implies (`db_linux.go`, `x_windows_amd64.go`); the part before the first `_` never counts. */
export function fileNameConstraint(fileName: string): Constraint | undefined {
	const name = fileName.replace(/\.go$/, '');
	const underscore = name.indexOf('_');
	if (underscore < 0) return undefined;
	const parts = name.slice(underscore).split('_');
	const last = parts[parts.length - 1];
	const before = parts.length >= 2 ? parts[parts.length - 2] : '';
	if (KNOWN_GOARCH.has(last) && KNOWN_GOOS.has(before)) return { kind: 'and', x: { kind: 'tag', name: before }, y: { kind: 'tag', name: last } };
	if (KNOWN_GOOS.has(last) || KNOWN_GOARCH.has(last)) return { kind: 'tag', name: last };
	return undefined;
}

/** Evaluates a constraint; undefined when unknown tags leave it open. */
export function evaluateConstraint(constraint: Constraint, value: TagValue): boolean | undefined {
	switch (constraint.kind) {
		case 'tag':
			return value(constraint.name);
		case 'not': {
			const x = evaluateConstraint(constraint.x, value);
			return x === undefined ? undefined : !x;
		}
		case 'and': {
			const x = evaluateConstraint(constraint.x, value);
			const y = evaluateConstraint(constraint.y, value);
			return x === false || y === false ? false : x === true && y === true ? true : undefined;
		}
		case 'or': {
			const x = evaluateConstraint(constraint.x, value);
			const y = evaluateConstraint(constraint.y, value);
			return x === true || y === true ? true : x === false && y === false ? false : undefined;
		}
	}
}

/** What a build sets, for {@link tagValueFor}. Undefined fields are not known. */
export interface BuildTagContext {
	readonly goos: string | undefined;
	readonly goarch: string | undefined;
	readonly cgo: boolean | undefined;
	/** The `1.N` minor of the toolchain, for `go1.N` release tags. */
	readonly goMinor: number | undefined;
	/** `-tags` values; undefined when the list is not statically known. */
	readonly tags: readonly string[] | undefined;
}

/** The tag satisfier cmd/go uses (go/build matchTag), in three-valued form. */
export function tagValueFor(context: BuildTagContext): TagValue {
	return (tag) => {
		if (tag === 'cgo') return context.cgo;
		if (tag === 'gc') return true;
		if (tag === 'gccgo') return false;
		if (tag === 'unix') return context.goos === undefined ? undefined : UNIX_GOOS.has(context.goos);
		if (KNOWN_GOOS.has(tag)) return context.goos === undefined ? undefined : context.goos === tag || GOOS_IMPLIES[context.goos] === tag;
		if (KNOWN_GOARCH.has(tag)) return context.goarch === undefined ? undefined : context.goarch === tag;
		const release = /^go1\.(\d+)$/.exec(tag);
		if (release) return context.goMinor === undefined ? undefined : Number(release[1]) <= context.goMinor;
		if (tag.startsWith('goexperiment.')) return undefined;
		if (context.tags === undefined) return undefined;
		return context.tags.includes(tag);
	};
}
