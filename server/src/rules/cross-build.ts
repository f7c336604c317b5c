import { stagePlatform } from '../model/dockerfile/stage-chain';
import { COMPILER_PACKAGES, lookupCCompilerCommand, type CompilerPackage } from '../knowledge/cross-compilers';
import type { EnvVar } from '../model/env';
import type { DockerfileModel, GoBuild, StageModel } from '../model/project';
import { insertBeforeRun } from './compiler-install';
import type { Fix, TextEdit } from './types';

/**
 * Platforms of a Dockerfile build for cgo-cross-compile: where `go build` runs (`FROM --platform=…`) and
 * which C compiler it has for its target; and the fixes that install one or take GOARCH from TARGETARCH.
 */

/**
 * The builder's architecture: known (`--platform=linux/amd64`), the BuildKit host's (`$BUILDPLATFORM`), or the
 * target's (no `--platform`: the stage runs on the platform the image is built for). `unless(target)` names the
 * unknown for a message: when the build is native after all.
 */
export function buildArchOf(stage: StageModel): { arch: string | undefined; describe: string; native: boolean; unless: (target: string) => string } {
	const platform = stagePlatform(stage);
	const arch = platform?.expanded?.split('/')[1];
	if (arch) return { arch, describe: `a ${platform.expanded} builder`, native: false, unless: (target) => `unless ${target} is ${platform.expanded}` };
	if (platform && /BUILDPLATFORM|BUILDARCH/.test(platform.raw)) {
		return { arch: undefined, describe: 'the builder\'s own platform ($BUILDPLATFORM, not known here)', native: true, unless: (target) => `unless the machine that builds the image is ${target}` };
	}
	return {
		arch: undefined,
		describe: 'the platform the image is built for (FROM has no --platform; not known here)',
		native: false,
		unless: (target) => `unless the image is built for ${target}: docker build --platform ${target}, or a plain docker build on a ${target} machine`,
	};
}

/** Whether the stage installs a package that provides the compiler command `exe`. */
export function installsCompiler(stage: StageModel, exe: string): boolean {
	return stage.installs.some((i) => i.action === 'install' && !i.crossTarget && i.packages.some((p) => COMPILER_PACKAGES.some((c) => c.name === p.name && c.commands?.includes(exe))));
}

/** What CC means for a cross build to goos/goarch. */
export function ccFor(build: GoBuild, goos: string, goarch: string | undefined): { ok: boolean | undefined; why: string } {
	const variable = build.env.get('CC');
	if (!variable) return { ok: false, why: 'CC is unset, so cgo uses the native gcc' };
	const cc = variable.value;
	// `case $TARGETARCH in arm64) export CC=aarch64-linux-gnu-gcc ;; esac`: set, to a value chosen at build time.
	if (cc === undefined) return { ok: undefined, why: 'CC is set to a value known only at build time' };
	const info = lookupCCompilerCommand(cc);
	if (!info) return { ok: undefined, why: `CC=${cc} is not a compiler this analysis knows` };
	if (info.kind === 'cross-helper' || /^(\S*\/)?zig\s+cc\b/.test(cc)) return { ok: true, why: `CC=${cc} cross-compiles` };
	if (info.kind === 'native') return { ok: false, why: `CC=${cc} compiles for the builder itself` };
	const target = info.target!;
	if (target.goos !== goos || (goarch !== undefined && target.goarch !== goarch)) return { ok: false, why: `CC=${cc} targets ${target.goos}/${target.goarch}` };
	const exe = cc.trim().split(/\s+/)[0].replace(/^.*\//, '');
	if (build.stage && !installsCompiler(build.stage, exe) && build.stage.opaqueSteps.length === 0 && build.stage.image !== undefined) {
		return { ok: false, why: `CC=${cc} is not installed in this stage` };
	}
	return { ok: true, why: `CC=${cc} targets ${target.goos}/${target.goarch}` };
}

/** The Debian cross-compiler package for a target: a crossbuild-essential meta package (it brings the libc headers) or mingw-w64. */
function crossPackageFor(goos: string, goarch: string): CompilerPackage | undefined {
	const candidates = COMPILER_PACKAGES.filter((p) => p.manager === 'apt' && p.target?.goos === goos && p.target.goarch === goarch && p.commands?.length === 1);
	return goos === 'windows' ? candidates.find((p) => p.role === 'cross-c') : candidates.find((p) => p.role === 'meta');
}

/** Installs a cross compiler before the RUN and sets CC for this build (Debian/Ubuntu builders only). */
export function installCrossCompilerFix(build: GoBuild, text: string, goos: string, goarch: string): Fix | undefined {
	const distro = build.stage?.image?.distro?.name;
	const pkg = distro === 'debian' || distro === 'ubuntu' ? crossPackageFor(goos, goarch) : undefined;
	if (!pkg || build.env.has('CC')) return undefined;
	const cc = pkg.commands![0];
	const at = build.command.envInsertOffset;
	return {
		title: `Install ${pkg.name} and build with CC=${cc}`,
		edits: [insertBeforeRun(build, text, `RUN apt-get update && apt-get install -y --no-install-recommends ${pkg.name}`), { file: build.file, span: { start: at, end: at }, newText: `CC=${cc} ` }],
	};
}

/** `GOARCH=amd64` → `GOARCH=$TARGETARCH`, declaring `ARG TARGETARCH` in the stage that sets it when needed. */
export function targetArchFix(dockerfile: DockerfileModel, variable: EnvVar): Fix | undefined {
	if (!variable.span || variable.file !== dockerfile.path) return undefined;
	const at = variable.span.start;
	const stage = [...dockerfile.stages].reverse().find((s) => s.syntax.from.span.start <= at);
	if (!stage) return undefined;
	const edits: TextEdit[] = [];
	// By its words, not its properties: the parser keeps one property per ARG, so `ARG TARGETOS TARGETARCH`
	// (several names in one ARG) would otherwise get a second `ARG TARGETARCH`.
	const declared = stage.syntax.instructions.some((i) => i.keyword === 'ARG' && i.span.start < at && i.args.some((a) => a.value.split('=')[0] === 'TARGETARCH'));
	if (!declared) {
		const end = stage.syntax.from.span.end;
		const eol = dockerfile.text.includes('\r\n') ? '\r\n' : '\n';
		edits.push({ file: dockerfile.path, span: { start: end, end }, newText: `${eol}ARG TARGETARCH` });
	}
	edits.push({ file: dockerfile.path, span: variable.span, newText: 'GOARCH=$TARGETARCH' });
	return { title: 'Take GOARCH from $TARGETARCH (declared with ARG TARGETARCH)', edits, isPreferred: true };
}
