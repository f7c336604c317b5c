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
