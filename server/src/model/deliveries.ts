import { basename, isInside } from './paths';
import type { CopyStep, Delivery, DockerfileModel, GoBuild, StageModel } from './project';

/**
 * Follows `COPY --from=<stage>` from the build outputs to the stages that receive them, through chains of
 * stages (build → test → final). A copied directory that contains the output delivers it too.
 */
export function findDeliveries(dockerfile: DockerfileModel): Delivery[] {
	// For each stage, the binaries it holds: path in that stage → the build that produced it.
	const held = new Map<StageModel, Map<string, GoBuild>>();
	const deliveries: Delivery[] = [];
	for (const stage of dockerfile.stages) {
		const own = new Map<string, GoBuild>(stage.base ? held.get(stage.base) : undefined);
		for (const build of stage.builds) if (build.outputPath) own.set(build.outputPath, build);
		for (const copy of stage.copies) {
			const from = copy.fromStage ? held.get(copy.fromStage) : undefined;
			if (!from) continue;
			for (const [path, build] of from) {
				const landed = landingPath(copy, path);
				if (landed === undefined) continue;
				own.set(landed, build);
				deliveries.push({ build, copy, stage, path: landed });
			}
		}
		held.set(stage, own);
	}
	return deliveries;
}

/** Where the file at `path` in the source stage lands through `copy`, or undefined if it is not copied. */
function landingPath(copy: CopyStep, path: string): string | undefined {
	const destination = copy.destination?.path;
	for (const source of copy.sources) {
		const src = source.path.replace(/\/+$/, '') || '/';
		if (src === path) {
			if (!destination) return undefined;
			return destination.endsWith('/') || copy.sources.length > 1 ? `${destination.replace(/\/+$/, '')}/${basename(path)}` : destination;
		}
		if (isInside(path, src) || hasGlob(src) && globMatches(src, path)) {
			if (!destination) return undefined;
			const rest = hasGlob(src) ? basename(path) : path.slice(src.length + 1);
			return `${destination.replace(/\/+$/, '')}/${rest}`;
		}
	}
	return undefined;
}

function hasGlob(path: string): boolean {
	return /[*?[]/.test(path);
}

function globMatches(glob: string, path: string): boolean {
	const source = glob.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
	return new RegExp(`^${source}$`).test(path);
}
