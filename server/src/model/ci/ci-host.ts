import { lookupRunner, type RunnerFacts } from '../../knowledge/runners';
import { runnerToolchain } from '../../knowledge/runner-toolchains';
import type { ImageFacts } from '../../knowledge/types';
import type { Span } from '../../parse/span';
import type { CompilerPresence } from '../cgo';
import type { BuildHost } from '../project';

/** Where a CI job's commands run: a hosted runner, or a container image on it. */
export interface CiHost {
	readonly host: BuildHost;
	readonly runner: RunnerFacts | undefined;
	/** GOARCH of the machine, when known: a GOARCH other than this is a cross build. */
	readonly hostArch: string | undefined;
	/** False for macOS/Windows runners: their builds are for their own OS, not for Linux images. */
	readonly linux: boolean | undefined;
}

export interface HostInputs {
	readonly file: string;
	readonly label: string;
	/** `runs-on` labels after expression substitution; undefined entries are expressions we cannot resolve. */
	readonly runsOn: readonly (string | undefined)[];
	readonly runsOnSpan: Span | undefined;
	/** The container image reference (resolved), or undefined for none; `null` when it is an unresolved expression. */
	readonly container: string | undefined | null;
	readonly containerSpan: Span | undefined;
	readonly lookupImage: (reference: string, platform: string | undefined) => ImageFacts | undefined;
	/** The Go version `actions/setup-go` installs, when known. */
	readonly goVersion: string | undefined;
	readonly goVersionNote: string | undefined;
	readonly fallbackAnchor: Span;
}

/** The build host of a GitHub Actions job: the container if it has one (its libc is what cgo links), else the runner. */
export function githubJobHost(inputs: HostInputs): CiHost {
	const known = inputs.runsOn.every((l) => l !== undefined) && inputs.runsOn.length > 0;
	const runner = known ? lookupRunner(inputs.runsOn) : undefined;
	const hostArch = runner?.arch;
	const linux = runner ? runner.os === 'linux' : undefined;
	if (inputs.container !== undefined) {
		const reference = inputs.container ?? undefined;
		const facts = reference === undefined ? undefined : inputs.lookupImage(reference, undefined);
		const image = facts && inputs.goVersion ? { ...facts, goVersion: inputs.goVersion, notes: [...(facts.notes ?? []), ...(inputs.goVersionNote ? [inputs.goVersionNote] : [])] } : facts;
		return {
			host: {
				kind: 'ci-job',
				file: inputs.file,
				label: inputs.label,
				image,
				imageRef: reference,
				compiler: imageCompiler(reference, image),
				anchor: inputs.containerSpan ?? inputs.runsOnSpan ?? inputs.fallbackAnchor,
			},
			runner,
			hostArch,
			linux: true,
		};
	}
	const labelText = inputs.runsOn.map((l) => l ?? '${{ … }}').join(', ');
	const image = runner ? runnerImage(runner, inputs.goVersion, inputs.goVersionNote) : undefined;
	return {
		host: {
			kind: 'ci-job',
			file: inputs.file,
			label: inputs.label,
			image,
			imageRef: labelText || undefined,
			compiler: runnerCompiler(runner, labelText),
			anchor: inputs.runsOnSpan ?? inputs.fallbackAnchor,
		},
		runner,
		hostArch,
		linux,
	};
}

/** A hosted runner as an image: OS release, glibc, gcc from the runner-images READMEs. */
export function runnerImage(runner: RunnerFacts, goVersion: string | undefined, goNote: string | undefined): ImageFacts | undefined {
	if (runner.selfHosted) return undefined;
	const toolchain = runner.distro ? runnerToolchain(runner.distro.release) : undefined;
	return {
		reference: runner.label,
		os: runner.os ?? 'linux',
		...(runner.distro ? { distro: { name: 'ubuntu' as const, release: runner.distro.release } } : {}),
		libc: runner.libc,
		hasCCompiler: toolchain ? toolchain.hasGcc : undefined,
		hasShell: true,
		...(goVersion ? { goVersion } : {}),
		...(runner.floating ? { floating: runner.floating } : {}),
		notes: [...(runner.notes ?? []), ...(runner.retired ? [`retired: ${runner.retired}`] : []), ...(goNote ? [goNote] : [])],
		sources: [...runner.sources, ...(toolchain?.sources ?? [])],
	};
}

function runnerCompiler(runner: RunnerFacts | undefined, label: string): CompilerPresence {
	if (!runner) return { present: undefined, reason: label ? `the runner "${label}" is not a known GitHub-hosted image` : 'the runner is not known' };
	if (runner.selfHosted) return { present: undefined, reason: `the self-hosted runner "${runner.label}" is not known` };
	const toolchain = runner.distro ? runnerToolchain(runner.distro.release) : undefined;
	if (toolchain?.hasGcc) return { present: true, reason: `gcc is preinstalled on the GitHub-hosted ${runner.floating?.resolvedTo ?? runner.label} runner image` };
	return { present: undefined, reason: `whether the ${runner.label} runner image has gcc is not recorded` };
}

/** Compiler presence of a container image, from the knowledge base (as for a Dockerfile FROM). */
export function imageCompiler(reference: string | undefined, image: ImageFacts | undefined): CompilerPresence {
	const name = reference ?? 'the job image';
	if (!image) return { present: undefined, reason: `${reference === undefined ? 'the job image is only known at run time' : `${name} is not in the knowledge base`}` };
	if (image.hasCCompiler === true) return { present: true, reason: `gcc is present in ${name}` };
	if (image.hasCCompiler === false) return { present: false, reason: `${name} has no C compiler` };
	return { present: undefined, reason: `whether ${name} has a C compiler is not known` };
}

/** A host nobody describes (a GoReleaser config with no CI job found for it). */
export function unknownHost(file: string, label: string, anchor: Span, reason: string): CiHost {
	return {
		host: { kind: 'ci-job', file, label, image: undefined, imageRef: undefined, compiler: { present: undefined, reason }, anchor },
		runner: undefined,
		hostArch: undefined,
		linux: undefined,
	};
}
