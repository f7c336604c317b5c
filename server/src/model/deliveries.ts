import { basename, isInside, normalizePath } from './paths';
import type { CopyStep, Delivery, DeliveryLink, DockerfileModel, GoBuild, StageModel } from './project';

/** A file placed in the build context by something outside the Dockerfile (a CI job's `go build`, GoReleaser). */
export interface ContextFile {
	/** Path relative to the build context (`dist/app`). */
	readonly path: string;
	readonly build: GoBuild;
	/** How it got there, for related information. */
	readonly trace: readonly DeliveryLink[];
	readonly certain: boolean;
}

interface Held {
	readonly build: GoBuild;
	readonly trace?: readonly DeliveryLink[];
	readonly certain?: boolean;
	readonly external: boolean;
}

/**
 * Follows `COPY --from=<stage>` from the build outputs to the stages that receive them, through chains of
 * stages (build → test → final). A copied directory that contains the output delivers it too. With
 * `contextFiles`, build-context copies (`COPY dist/app /app`, no `--from`) deliver those files as well.
 */
export function findDeliveries(dockerfile: DockerfileModel, contextFiles: readonly ContextFile[] = []): Delivery[] {
	// For each stage, the binaries it holds: path in that stage → the build that produced it.
	const held = new Map<StageModel, Map<string, Held>>();
	const deliveries: Delivery[] = [];
	for (const stage of dockerfile.stages) {
		const own = new Map<string, Held>(stage.base ? held.get(stage.base) : undefined);
		for (const build of stage.builds) if (build.outputPath) own.set(build.outputPath, { build, external: false });
		for (const copy of stage.copies) {
			if (copy.fromStage) {
				for (const [path, item] of held.get(copy.fromStage) ?? []) {
					const landed = landingPath(copy, path);
					if (landed === undefined) continue;
					own.set(landed, item);
					deliveries.push(deliveryOf(item, copy, stage, landed, item.external ? 'build-context' : 'stage'));
				}
			} else if (!copy.fromImage && contextFiles.length > 0) {
				for (const file of contextFiles) {
					const match = landingPath(copy, normalizePath(file.path), true);
					if (match === undefined) continue;
					const item: Held = { build: file.build, trace: file.trace, certain: file.certain && !match.assumed, external: true };
					own.set(match.path, item);
					deliveries.push(deliveryOf(item, copy, stage, match.path, 'build-context'));
				}
			}
		}
		held.set(stage, own);
	}
	return deliveries;
}

function deliveryOf(item: Held, copy: CopyStep, stage: StageModel, path: string, source: 'stage' | 'build-context'): Delivery {
	if (!item.external) return { build: item.build, copy, stage, path, source };
	return { build: item.build, copy, stage, path, source, trace: item.trace ?? [], certain: item.certain ?? false };
}

/** Where the file at `path` in the source stage lands through `copy`, or undefined if it is not copied. */
function landingPath(copy: CopyStep, path: string): string | undefined;
function landingPath(copy: CopyStep, path: string, context: true): { path: string; assumed: boolean } | undefined;
function landingPath(copy: CopyStep, path: string, context = false): string | { path: string; assumed: boolean } | undefined {
	const destination = copy.destination?.path;
	for (const source of copy.sources) {
		// Context sources are relative to the context root (`./dist/app`, `dist/`); a build arg we cannot
		// resolve (`dist/app-${TARGETARCH}`) matches like a glob, as an assumption.
		const variable = context && /\$\{?\w+/.test(source.path);
		const written = context ? source.path.replace(/\$\{?(\w+)(?::?[-+][^}]*)?\}?/g, '*') : source.path;
		const src = (context ? normalizePath(written.replace(/^\/+/, '')) : written.replace(/\/+$/, '')) || '/';
		const result = (p: string) => (context ? { path: p, assumed: variable || hasGlob(src) } : p);
		if (src === path) {
			if (!destination) return undefined;
			return result(destination.endsWith('/') || copy.sources.length > 1 ? `${destination.replace(/\/+$/, '')}/${basename(path)}` : destination);
		}
		if (context && src === '.' && destination) return result(`${destination.replace(/\/+$/, '')}/${path}`);
		if (isInside(path, src) || (hasGlob(src) && globMatches(src, path))) {
			if (!destination) return undefined;
			const rest = hasGlob(src) ? basename(path) : path.slice(src.length + 1);
			return result(`${destination.replace(/\/+$/, '')}/${rest}`);
		}
	}
	return undefined;
}

function hasGlob(path: string): boolean {
	return /[*?[]/.test(path);
}

/** A COPY source glob (`*`, `?`) against one path; a malformed pattern matches nothing. */
export function globMatches(glob: string, path: string): boolean {
	if (!hasGlob(glob)) return glob === path;
	let pattern = compiledGlobs.get(glob);
	if (pattern === undefined) {
		pattern = compileGlob(glob);
		// Every COPY source is matched against every file of its folder: compile each glob once.
		if (compiledGlobs.size >= MAX_COMPILED_GLOBS) compiledGlobs.clear();
		compiledGlobs.set(glob, pattern);
	}
	return pattern !== null && pattern.test(path);
}

const compiledGlobs = new Map<string, RegExp | null>();
const MAX_COMPILED_GLOBS = 512;

function compileGlob(glob: string): RegExp | null {
	const source = glob.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
	// An unterminated `[` is a bad pattern (Go's filepath.Match, which BuildKit uses, fails the COPY): no match,
	// never a SyntaxError out of the analysis (found by test/fuzz).
	try {
		return new RegExp(`^${source}$`);
	} catch {
		return null;
	}
}
