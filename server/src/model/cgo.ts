import type { Span } from '../parse/span';
import type { Env } from './env';
import { BUILDKIT_PLATFORMS } from '../knowledge/buildkit-platforms';
import { goAtLeast } from '../knowledge/version';

/** Whether the build environment has a C compiler, and how we know. */
export interface CompilerPresence {
	/** Undefined when not known (an image the knowledge base does not describe, an opaque script). */
	readonly present: boolean | undefined;
	readonly reason: string;
	/** The package install that added it, when one did. */
	readonly file?: string;
	readonly span?: Span;
}

export type CgoState = 'on' | 'off' | 'unknown';

export type CgoReason =
	| 'explicit' // CGO_ENABLED=0/1 set somewhere we can point at
	| 'explicit-unknown' // CGO_ENABLED set to a value we cannot resolve
	| 'default-native' // unset, native build, C compiler present (or Go < 1.20)
	| 'default-no-compiler' // unset, native, Go ≥ 1.20, no C compiler on PATH, CC unset
	| 'default-cross' // unset, cross build: cgo must be enabled explicitly
	| 'unknown-compiler' // unset, Go ≥ 1.20, compiler presence unknown
	| 'unknown-platform' // unset, GOARCH set but the builder's own architecture is not known
	| 'unknown-go-version'; // unset, no compiler, Go version unknown

export interface CgoDecision {
	readonly state: CgoState;
	readonly reason: CgoReason;
	/** One clause a person can read, e.g. `CGO_ENABLED is unset and gcc is present, so cgo defaults to on`. */
	readonly explanation: string;
	/** Where CGO_ENABLED was set, for related information and fixes. */
	readonly setAt?: { readonly file: string | undefined; readonly span: Span | undefined };
	/**
	 * The decision holds for a target that is the platform the stage runs on; other targets cross-compile with
	 * cgo off (`FROM --platform=$BUILDPLATFORM` with `GOARCH=$TARGETARCH`, unset CGO_ENABLED).
	 */
	readonly nativeTargetOnly?: boolean;
}

export interface CgoInputs {
	readonly env: Env;
	/** The builder's Go version (`1.22`, `1.22.5`), undefined when not known. */
	readonly goVersion: string | undefined;
	readonly compiler: CompilerPresence;
	/** The architecture the build runs on, when known (from `--platform` or the CI runner). */
	readonly hostArch: string | undefined;
	/** The build runs on a platform of its own (`FROM --platform=$BUILDPLATFORM`), not necessarily the target's. */
	readonly targetMayDiffer?: boolean;
}

/** BuildKit's per-target ARGs: a GOOS/GOARCH made of these is the target's, known only when the image is built. */
const TARGET_ARGS: ReadonlySet<string> = new Set(BUILDKIT_PLATFORMS.targetArgs);

/** `GOARCH=$TARGETARCH`: the variable follows the target, and its value is only known when the image is built. */
export function followsTarget(env: Env, name: 'GOOS' | 'GOARCH'): string | undefined {
	const variable = env.get(name);
	const sources = variable && variable.value === undefined ? variable.unknownFrom : undefined;
	return sources && sources.length > 0 && sources.every((source) => TARGET_ARGS.has(source)) ? `${name} follows $${sources[0]}` : undefined;
}

/**
 * The effective CGO_ENABLED of one `go build`, following cmd/go (FACTS §3.1): explicit value wins; cross
 * builds default to off (CC alone does not turn cgo on); native builds default to on, except that since
 * Go 1.20 an unset CC with no C compiler on PATH defaults to off.
 */
export function decideCgo(inputs: CgoInputs): CgoDecision {
	const explicit = inputs.env.get('CGO_ENABLED');
	if (explicit) {
		const setAt = { file: explicit.file, span: explicit.span };
		if (explicit.value === '0') return { state: 'off', reason: 'explicit', explanation: 'CGO_ENABLED=0 is set', setAt };
		if (explicit.value === '1') return { state: 'on', reason: 'explicit', explanation: 'CGO_ENABLED=1 is set', setAt };
		return { state: 'unknown', reason: 'explicit-unknown', explanation: 'CGO_ENABLED is set to a value that is only known at build time', setAt };
	}
	const goos = inputs.env.get('GOOS')?.value;
	const goarch = inputs.env.get('GOARCH')?.value;
	if ((goos !== undefined && goos !== 'linux') || (goarch !== undefined && inputs.hostArch !== undefined && goarch !== inputs.hostArch)) {
		const target = `${goos ?? 'linux'}/${goarch ?? inputs.hostArch ?? '?'}`;
		return { state: 'off', reason: 'default-cross', explanation: `CGO_ENABLED is unset and the build cross-compiles for ${target}, so cgo defaults to off` };
	}
	const followed = inputs.targetMayDiffer ? followsTarget(inputs.env, 'GOARCH') ?? followsTarget(inputs.env, 'GOOS') : undefined;
	if (followed && goarch === undefined) return decideForTarget(inputs, followed);
	if (goarch !== undefined && inputs.hostArch === undefined) {
		return {
			state: 'unknown',
			reason: 'unknown-platform',
			explanation: `CGO_ENABLED is unset and GOARCH=${goarch}: cgo is off if the builder is not ${goarch} (a cross build) and follows the native default otherwise`,
		};
	}
	return decideNativeDefault(inputs);
}

/**
 * GOOS/GOARCH follow the target while the stage runs on the build platform: building for the build platform
 * itself (what a plain `docker build` does) is native and gets the native default; every other target is a cross
 * build with cgo off.
 */
function decideForTarget(inputs: CgoInputs, followed: string): CgoDecision {
	const native = decideNativeDefault(inputs);
	if (native.state !== 'on') return native;
	return {
		...native,
		explanation: `${native.explanation} when the image is built for the platform this stage runs on (${followed})`,
		nativeTargetOnly: true,
	};
}

function decideNativeDefault(inputs: CgoInputs): CgoDecision {
	const cc = inputs.env.get('CC');
	const compiler = inputs.compiler;
	if (compiler.present === true || cc?.value !== undefined) {
		const why = compiler.present === true ? compiler.reason : `CC=${cc!.value} is set`;
		return { state: 'on', reason: 'default-native', explanation: `CGO_ENABLED is unset and ${why}, so cgo defaults to on` };
	}
	const version = inputs.goVersion;
	if (version !== undefined && goAtLeast(version, '1.20') === false) {
		return { state: 'on', reason: 'default-native', explanation: `CGO_ENABLED is unset and Go ${version} (before 1.20) defaults to cgo on for native builds` };
	}
	if (compiler.present === undefined) {
		return { state: 'unknown', reason: 'unknown-compiler', explanation: `CGO_ENABLED is unset and whether a C compiler is present is not known (${compiler.reason})` };
	}
	if (version === undefined) {
		return { state: 'unknown', reason: 'unknown-go-version', explanation: 'CGO_ENABLED is unset, no C compiler is present, and the Go version is not known (Go 1.20+ turns cgo off then, older releases do not)' };
	}
	return { state: 'off', reason: 'default-no-compiler', explanation: `CGO_ENABLED is unset and ${compiler.reason}; since Go 1.20 cgo then defaults to off` };
}
