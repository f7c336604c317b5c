import type { DfInstruction, DockerfileSyntax } from '../../parse/dockerfile';
import type { Span } from '../../parse/span';
import { PLATFORM_ARGS } from '../../knowledge/buildkit-platforms';
import { expandDockerVars, type VarLookup } from '../docker-vars';


export interface ExpandedText {
	readonly raw: string;
	readonly span: Span;
	/** After ARG substitution; undefined when it depends on a build arg without a known value. */
	readonly expanded: string | undefined;
	readonly unknownVars: readonly string[];
}

export interface StageSyntax {
	readonly index: number;
	/** Lower-cased alias from `FROM x AS name` (BuildKit compares aliases case-insensitively). */
	readonly name: string | undefined;
	readonly nameSpan: Span | undefined;
	readonly from: DfInstruction;
	readonly image: ExpandedText;
	readonly platform: ExpandedText | undefined;
	/** Index of an earlier stage when the FROM names a stage alias (`FROM build AS test`). */
	readonly baseStage: number | undefined;
	/** Instructions after FROM, up to the next FROM. */
	readonly instructions: readonly DfInstruction[];
}

export interface GlobalArg {
	readonly name: string;
	readonly value: string | undefined;
	readonly span: Span;
	/** For an unknown value: the build-time variables it comes from (`ARG ARCH=$TARGETARCH` → TARGETARCH). */
	readonly unknownFrom?: readonly string[];
}

/** Splits a Dockerfile into stages and resolves each FROM against the global ARGs. */
export function splitStages(syntax: DockerfileSyntax): { globalArgs: Map<string, GlobalArg>; stages: StageSyntax[] } {
	const globalArgs = new Map<string, GlobalArg>();
	const stages: StageSyntax[] = [];
	let current: { from: DfInstruction; instructions: DfInstruction[] } | undefined;
	const finish = () => {
		if (current) stages.push(makeStage(stages, current.from, current.instructions, globalArgs, syntax.escapeChar));
	};
	for (const instruction of syntax.instructions) {
		if (instruction.keyword === 'FROM') {
			finish();
			current = { from: instruction, instructions: [] };
		} else if (current) {
			current.instructions.push(instruction);
		} else if (instruction.keyword === 'ARG') {
			for (const p of instruction.properties) {
				const expansion = p.value === undefined ? undefined : expandDockerVars(p.value, globalLookup(globalArgs), syntax.escapeChar);
				const unknownFrom = expansion && expansion.value === undefined ? expansion.unknown.flatMap((name) => globalArgs.get(name)?.unknownFrom ?? [name]) : undefined;
				globalArgs.set(p.name, { name: p.name, value: expansion?.value, span: p.span, ...(unknownFrom && { unknownFrom }) });
			}
		}
	}
	finish();
	return { globalArgs, stages };
}

function globalLookup(globalArgs: Map<string, GlobalArg>): VarLookup {
	return (name) => {
		const arg = globalArgs.get(name);
		if (arg) return { value: arg.value };
		return PLATFORM_ARGS.includes(name) ? { value: undefined } : undefined;
	};
}

function makeStage(previous: StageSyntax[], from: DfInstruction, instructions: DfInstruction[], globalArgs: Map<string, GlobalArg>, escapeChar: string): StageSyntax {
	const lookup = globalLookup(globalArgs);
	const imageWord = from.args[0];
	const image = imageWord ? expandWord(imageWord.value, imageWord.span, lookup, escapeChar) : { raw: '', span: from.keywordSpan, expanded: undefined, unknownVars: [] };
	const asIndex = from.args.findIndex((a, i) => i > 0 && a.value.toUpperCase() === 'AS');
	const nameWord = asIndex > 0 ? from.args[asIndex + 1] : undefined;
	const platformFlag = from.flags.find((f) => f.name === 'platform');
	const platform = platformFlag?.value !== undefined ? expandWord(platformFlag.value, platformFlag.valueSpan ?? platformFlag.span, lookup, escapeChar) : undefined;
	const imageName = image.expanded?.toLowerCase();
	const base = imageName === undefined ? undefined : previous.find((s) => s.name === imageName);
	return {
		index: previous.length,
		name: nameWord?.value.toLowerCase(),
		nameSpan: nameWord?.span,
		from,
		image,
		platform,
		baseStage: base?.index,
		instructions,
	};
}

function expandWord(raw: string, span: Span, lookup: VarLookup, escapeChar: string): ExpandedText {
	const result = expandDockerVars(raw, lookup, escapeChar);
	return { raw, span, expanded: result.value, unknownVars: result.unknown };
}
