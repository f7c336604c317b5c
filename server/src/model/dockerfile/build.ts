import type { ImageFacts } from '../../knowledge/types';
import type { DfInstruction } from '../../parse/dockerfile';
import type { Span } from '../../parse/span';
import type { Parsers } from '../../parse/tree-sitter';
import type { CompilerPresence } from '../cgo';
import { expandDockerVars, type Expansion, type VarLookup } from '../docker-vars';
import { EMPTY_ENV, unknownSources, withVar, type Env, type EnvVar } from '../env';
import type { BuildHost, CopyStep, DockerfileModel, GoBuild, GoModuleModel, OpaqueStep, StageModel } from '../project';
import type { PackageInstall } from '../package-install';
import type { FileLink } from '../file-links';
import { basename, dirname, resolveContainerPath } from '../paths';
import { analyseRun } from './run-step';
import { splitStages, type GlobalArg, type StageSyntax } from './stages';
import { dockerfileSyntax } from './syntax-cache';
import { compilerAfterInstalls } from '../compiler';
import { stagePlatform } from './stage-chain';
import { decideBuild } from '../build-decision';

export interface DockerfileContext {
	readonly parsers: Parsers;
	readonly lookupImage: (reference: string, platform: string | undefined) => ImageFacts | undefined;
	/** The Go module compiled by builds in this Dockerfile (go.mod found from the build context). */
	readonly module: GoModuleModel | undefined;
	readonly contextDir: string;
}

/** Builds the model of one Dockerfile: stages, environment, builds, copies. */
export function buildDockerfileModel(path: string, text: string, context: DockerfileContext): DockerfileModel {
	const syntax = dockerfileSyntax(text);
	const { globalArgs, stages: stageSyntaxes } = splitStages(syntax);
	const stages: StageModel[] = [];
	for (const stageSyntax of stageSyntaxes) {
		stages.push(buildStage(path, stageSyntax, stages, globalArgs, syntax.escapeChar, context));
	}
	return { path, text, syntax, stages, contextDir: context.contextDir, module: context.module };
}

interface StageState {
	env: Env;
	/** Stage-scoped ARGs: usable in ENV/COPY/WORKDIR expansion and present in RUN's environment. */
	workdir: string | undefined;
	compiler: CompilerPresence;
	installs: PackageInstall[];
	links: FileLink[];
	builds: GoBuild[];
	copies: CopyStep[];
	opaque: OpaqueStep[];
	entrypoint: DfInstruction | undefined;
}

function buildStage(path: string, syntax: StageSyntax, previous: readonly StageModel[], globalArgs: Map<string, GlobalArg>, escapeChar: string, context: DockerfileContext): StageModel {
	const base = syntax.baseStage === undefined ? undefined : previous[syntax.baseStage];
	const imageRef = base ? base.imageRef : syntax.image.expanded;
	const platform = syntax.platform?.expanded;
	const image = base ? base.image : imageRef === undefined ? undefined : context.lookupImage(imageRef, platform);
	const state: StageState = {
		env: base ? base.envAtEnd : EMPTY_ENV,
		workdir: base?.workdirAtEnd,
		compiler: base ? base.compiler : initialCompiler(imageRef, image),
		installs: base ? [...base.installs] : [],
		links: base ? [...base.links] : [],
		builds: [],
		copies: [],
		opaque: [],
		entrypoint: base?.entrypoint,
	};
	// Builds and copies point back at their stage, so the object exists before the walk and is completed
	// after it; nothing reads the fields filled in below until buildStage returns, except `copies`, which
	// grows as the walk goes: a build asks which COPY put the module where it builds (model/package-graph.ts).
	const started: Pick<StageModel, 'file' | 'syntax' | 'image' | 'imageRef' | 'base' | 'copies'> = { file: path, syntax, image, imageRef, base, copies: state.copies };
	const stage = started as StageModel;
	for (const instruction of syntax.instructions) {
		applyInstruction(instruction, state, stage, previous, globalArgs, escapeChar, context);
	}
	Object.assign(stage, {
		compiler: state.compiler,
		installs: state.installs,
		links: state.links,
		builds: state.builds,
		copies: state.copies,
		opaqueSteps: state.opaque,
		entrypoint: state.entrypoint,
		envAtEnd: state.env,
		workdirAtEnd: state.workdir,
	});
	return stage;
}

function initialCompiler(imageRef: string | undefined, image: ImageFacts | undefined): CompilerPresence {
	const name = imageRef ?? 'the base image';
	if (!image) return { present: undefined, reason: `${name} is not in the knowledge base` };
	if (image.hasCCompiler === true) return { present: true, reason: `gcc is present in ${name}` };
	if (image.hasCCompiler === false) return { present: false, reason: `${name} has no C compiler` };
	return { present: undefined, reason: `whether ${name} has a C compiler is not known` };
}

function applyInstruction(instruction: DfInstruction, state: StageState, stage: StageModel, previous: readonly StageModel[], globalArgs: Map<string, GlobalArg>, escapeChar: string, context: DockerfileContext): void {
	const lookup = envLookup(state.env);
	switch (instruction.keyword) {
		case 'ARG':
			for (const p of instruction.properties) {
				// `ARG NAME` inside a stage re-imports the global default; `ARG NAME=v` sets a default.
				// `ARG NAME` re-imports a global ARG, and with it where an unknown default came from.
				const global = globalArgs.get(p.name);
				const expansion = p.value !== undefined ? expandDockerVars(p.value, lookup, escapeChar) : { value: global?.value, unknown: global?.unknownFrom ?? [p.name] };
				state.env = withVar(state.env, variableOf(p, expansion, 'ARG', stage.file, state.env));
			}
			return;
		case 'ENV':
			for (const p of instruction.properties) {
				const expansion = p.value === undefined ? { value: '', unknown: [] } : expandDockerVars(p.value, lookup, escapeChar);
				state.env = withVar(state.env, variableOf(p, expansion, 'ENV', stage.file, state.env));
			}
			return;
		case 'WORKDIR': {
			const raw = instruction.args.map((a) => a.value).join(' ');
			const dir = expandDockerVars(raw, lookup, escapeChar).value;
			state.workdir = dir === undefined ? undefined : resolveContainerPath(state.workdir, dir);
			return;
		}
		case 'RUN':
			applyRun(instruction, state, stage, context, escapeChar);
			return;
		case 'COPY':
		case 'ADD':
			state.copies.push(copyStep(instruction, state, stage, previous, lookup, escapeChar));
			return;
		case 'ENTRYPOINT':
			state.entrypoint = instruction;
			return;
		case 'CMD':
			if (!state.entrypoint) state.entrypoint = instruction;
			return;
		default:
			return;
	}
}

/** An ARG or ENV variable; an unknown value remembers which build-time variables it came from. */
function variableOf(property: { name: string; span: Span }, expansion: Expansion, origin: 'ARG' | 'ENV', file: string, env: Env): EnvVar {
	const variable: EnvVar = { name: property.name, value: expansion.value, origin, file, span: property.span };
	return expansion.value === undefined ? { ...variable, unknownFrom: unknownSources(expansion.unknown, env) } : variable;
}

function applyRun(instruction: DfInstruction, state: StageState, stage: StageModel, context: DockerfileContext, escapeChar: string): void {
	const result = analyseRun(instruction, {
		parsers: context.parsers,
		env: state.env,
		workdir: state.workdir,
		escapeChar,
		file: stage.file,
	});
	state.installs.push(...result.installs);
	state.links.push(...result.links);
	state.compiler = compilerAfterInstalls(state.compiler, result.installs);
	state.opaque.push(...result.opaque);
	const hostArch = stagePlatform(stage)?.expanded?.split('/')[1];
	for (const site of result.goCommands) {
		const host: BuildHost = {
			kind: 'dockerfile-stage',
			file: stage.file,
			label: stage.syntax.name ? `stage "${stage.syntax.name}"` : `stage ${stage.syntax.index}`,
			image: stage.image,
			imageRef: stage.imageRef,
			compiler: state.compiler,
			anchor: stage.syntax.from.span,
		};
		state.builds.push(decideBuild(site, { host, stage, image: stage.image, compiler: state.compiler, module: context.module, hostArch }));
	}
}

function copyStep(instruction: DfInstruction, state: StageState, stage: StageModel, previous: readonly StageModel[], lookup: VarLookup, escapeChar: string): CopyStep {
	const fromFlag = instruction.flags.find((f) => f.name === 'from');
	const fromText = fromFlag?.value === undefined ? undefined : expandDockerVars(fromFlag.value, lookup, escapeChar).value;
	const fromStage = fromText === undefined ? undefined : findStage(previous, fromText);
	const words = instruction.args.map((a) => ({ path: expandDockerVars(a.value, lookup, escapeChar).value ?? a.value, span: a.span }));
	const destinationWord = words.length >= 2 ? words[words.length - 1] : undefined;
	const destination = destinationWord ? { path: resolveContainerPath(state.workdir, destinationWord.path) + (destinationWord.path.endsWith('/') ? '/' : ''), span: destinationWord.span } : undefined;
	return {
		file: stage.file,
		instruction,
		stage,
		fromStage,
		fromImage: fromText !== undefined && !fromStage ? fromText : undefined,
		sources: destinationWord ? words.slice(0, -1) : [],
		destination,
	};
}

/** `--from=` takes a stage alias (case-insensitive) or a stage index. */
function findStage(stages: readonly StageModel[], name: string): StageModel | undefined {
	if (/^\d+$/.test(name)) return stages[Number(name)];
	const lower = name.toLowerCase();
	return stages.find((s) => s.syntax.name === lower);
}

function envLookup(env: Env): VarLookup {
	return (name) => {
		const variable = env.get(name);
		return variable ? { value: variable.value } : undefined;
	};
}

/** Where `go build` writes its binary: `-o` resolved against WORKDIR, or the package's name. */
export function buildOutputPath(output: string | undefined, packages: readonly string[], workdir: string | undefined, install: boolean, env: Env): string | undefined {
	if (output !== undefined) {
		const resolved = resolveContainerPath(workdir, output);
		if (output.endsWith('/')) return packages.length === 1 ? `${resolved}/${binaryName(packages[0], workdir)}` : undefined;
		return resolved;
	}
	const pkg = packages[0] ?? '.';
	const name = binaryName(pkg.replace(/@.*$/, ''), workdir);
	if (install) {
		const gobin = env.get('GOBIN')?.value;
		const gopath = env.get('GOPATH')?.value ?? '/go';
		return resolveContainerPath(undefined, `${gobin ?? `${gopath}/bin`}/${name}`);
	}
	return workdir ? resolveContainerPath(workdir, name) : undefined;
}

function binaryName(pkg: string, workdir: string | undefined): string {
	const cleaned = pkg.replace(/\/\.\.\.$/, '').replace(/\/$/, '');
	if (cleaned === '.' || cleaned === '') return basename(workdir ?? '/app') || 'app';
	const last = basename(cleaned);
	// `example.com/cmd/v2` builds `cmd` (the major-version suffix is dropped by cmd/go).
	return /^v\d+$/.test(last) ? basename(dirname(cleaned)) : last;
}
