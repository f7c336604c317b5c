import type { StageModel } from '../project';

/**
 * A stage and the stages it is built `FROM`, nearest first. A stage's base is always an earlier stage of the same
 * Dockerfile (model/dockerfile/build.ts), so the chain ends.
 */
export function stageChain(stage: StageModel): StageModel[] {
	const chain: StageModel[] = [];
	for (let s: StageModel | undefined = stage; s; s = s.base) chain.push(s);
	return chain;
}

/** The stage at the start of the `FROM <stage>` chain: the one that names an image. */
export function rootStage(stage: StageModel): StageModel;
export function rootStage(stage: StageModel | undefined): StageModel | undefined;
export function rootStage(stage: StageModel | undefined): StageModel | undefined {
	return stage && stageChain(stage).at(-1);
}

/** The `--platform` of the stage, following `FROM <stage>` chains to the FROM that names one. */
export function stagePlatform(stage: StageModel): { raw: string; expanded: string | undefined } | undefined {
	const named = stageChain(stage).find((s) => s.syntax.platform)?.syntax.platform;
	return named && { raw: named.raw, expanded: named.expanded };
}

/**
 * Whether the stage runs on the build platform (`FROM --platform=$BUILDPLATFORM`) rather than the target's: then
 * `GOARCH=$TARGETARCH` is a native build only when the target is the build platform itself.
 */
export function runsOnBuildPlatform(stage: StageModel): boolean {
	const platform = stagePlatform(stage);
	return platform !== undefined && platform.expanded === undefined && /\$\{?BUILD(PLATFORM|OS|ARCH)\b/.test(platform.raw);
}
