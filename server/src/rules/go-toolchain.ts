import { familiarName, golangImageGotoolchain, lookupImage, parseImageRef } from '../knowledge';
import { compareGoVersions, goMinor, parseGoVersion } from '../knowledge/version';
import type { GoBuild, StageModel } from '../model/project';
import type { Span } from '../parse/span';
import type { Fix } from './types';

/**
 * GOTOOLCHAIN as go.dev/doc/toolchain defines it: `local` never switches; `auto` (= `local+auto`) downloads
 * the toolchain go.mod asks for; `path` (= `local+path`) only looks on PATH; `go1.N.M[+auto|+path]` names one.
 */
export interface ToolchainMode {
	readonly mode: 'local' | 'auto' | 'path' | 'named' | 'unknown';
	/** For `named`: the version it names. */
	readonly version?: string;
	/** `GOTOOLCHAIN=local is set by the image`, `GOTOOLCHAIN=auto is set at …`. */
	readonly why: string;
	readonly setAt?: { readonly file: string; readonly span: Span };
}

export function toolchainMode(build: GoBuild, builderGo: string): ToolchainMode {
	const variable = build.env.get('GOTOOLCHAIN');
	if (variable) {
		const setAt = variable.file && variable.span ? { file: variable.file, span: variable.span } : undefined;
		const value = variable.value;
		if (value === undefined) return { mode: 'unknown', why: 'GOTOOLCHAIN is set to a value only known at build time', ...(setAt ? { setAt } : {}) };
		const why = `GOTOOLCHAIN=${value} is set`;
		const [base, suffix] = value.split('+');
		if (base === 'local' || base === 'default') return { mode: suffix === 'auto' ? 'auto' : suffix === 'path' ? 'path' : 'local', why, ...(setAt ? { setAt } : {}) };
		if (value === 'auto' || value === 'path') return { mode: value, why, ...(setAt ? { setAt } : {}) };
		const named = /^go(.+)$/.exec(base ?? '');
		if (named && parseGoVersion(named[1])) return { mode: 'named', version: named[1], why, ...(setAt ? { setAt } : {}) };
		return { mode: 'unknown', why: `GOTOOLCHAIN=${value} is not understood`, ...(setAt ? { setAt } : {}) };
	}
	const image = golangImageGotoolchain(builderGo);
	if (image.value === 'local') return { mode: 'local', why: 'GOTOOLCHAIN=local is set by the official golang image' };
	if (image.value === 'unset') return { mode: 'auto', why: 'GOTOOLCHAIN is unset, so the go command uses its default, auto' };
	return { mode: 'unknown', why: image.why };
}

/** True when a toolchain of `builder` (`1.23` = any 1.23.x, or `1.23.4`) is older than `required`. */
export function olderThan(builder: string, required: string): boolean | undefined {
	const b = parseGoVersion(builder);
	const r = parseGoVersion(required);
	if (!b || !r) return undefined;
	// A minor-only tag (golang:1.23) follows the newest 1.23.x: only a newer minor is certainly newer.
	if (b.patch === undefined && !b.pre) return b.major < r.major || (b.major === r.major && b.minor < r.minor);
	return compareGoVersions(b, r) < 0;
}

/** The root stage of a `FROM <stage>` chain: its FROM names the image. */
/** `golang:1.23-alpine` → `golang:1.24-alpine` (variant kept), only to tags the knowledge base knows exist. */
export function builderTagFix(stage: StageModel, version: string): Fix | undefined {
	const raw = stage.syntax.image.raw;
	const ref = parseImageRef(raw);
	const minor = goMinor(version);
	if (!ref || !minor || ref.digest || ref.canonicalName !== 'docker.io/library/golang' || ref.tag === undefined) return undefined;
	const tag = /^1\.\d+(?:\.\d+)?(-.+)?$/.exec(ref.tag);
	if (!tag) return undefined;
	const newTag = `${minor}${tag[1] ?? ''}`;
	const newRaw = `${raw.slice(0, raw.length - ref.tag.length)}${newTag}`;
	if (!raw.endsWith(ref.tag) || !lookupImage(newRaw)) return undefined;
	return {
		title: `Use "${familiarName({ ...ref, tag: newTag })}" (Go ${minor}) for the builder`,
		edits: [{ file: stage.file, span: stage.syntax.image.span, newText: newRaw }],
		isPreferred: true,
	};
}
