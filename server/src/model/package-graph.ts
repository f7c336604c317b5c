import type { GoBuild, GoModuleModel, StageModel } from './project';
import { dirname, isInside } from './paths';

/**
 * The module's own packages and which of them import which (from the import lists the source scan reads), so
 * a rule can tell whether a file belongs to what one `go build` compiles. Directories are module-relative
 * (`''` is the module root, `cmd/server`).
 */
export interface GoPackageGraph {
	readonly imports: ReadonlyMap<string, ReadonlySet<string>>;
}

export class PackageGraphBuilder {
	private readonly imports = new Map<string, Set<string>>();
	constructor(private readonly moduleDir: string, private readonly modulePath: string | undefined) {}

	add(path: string, imported: readonly string[]): void {
		const dir = this.relative(dirname(path));
		const local = this.imports.get(dir) ?? new Set<string>();
		this.imports.set(dir, local);
		if (!this.modulePath) return;
		for (const i of imported) if (i.startsWith(`${this.modulePath}/`)) local.add(i.slice(this.modulePath.length + 1));
	}

	build(): GoPackageGraph {
		return { imports: this.imports };
	}

	private relative(dir: string): string {
		return dir === this.moduleDir ? '' : dir.slice(this.moduleDir.length + 1);
	}
}

/**
 * The module directories one build compiles (its packages and the local packages they import), or undefined
 * when the package patterns cannot be placed in the module (dynamic patterns, `-C`, an unknown layout).
 */
export function builtPackages(build: GoBuild, module: GoModuleModel): ReadonlySet<string> | undefined {
	const graph = module.packageGraph;
	const base = workdirInModule(build, module);
	if (base === undefined || build.command.chdir) return undefined;
	const roots: string[] = [];
	const words = build.command.packages.length > 0 ? build.command.packages.map((p) => p.value) : ['.'];
	for (const word of words) {
		if (word === undefined || word.includes('@')) return undefined;
		const recursive = word.endsWith('/...') || word === '...';
		const pattern = word.replace(/\/?\.\.\.$/, '') || '.';
		let rel: string | undefined;
		if (module.modulePath && (pattern === module.modulePath || pattern.startsWith(`${module.modulePath}/`))) rel = pattern.slice(module.modulePath.length + 1);
		else if (pattern === '.' || pattern.startsWith('./') || pattern.endsWith('.go')) rel = joinRel(base, pattern.endsWith('.go') ? dirnameRel(pattern) : pattern);
		if (rel === undefined) return undefined;
		const matched = [...graph.imports.keys()].filter((d) => d === rel || (recursive && (rel === '' || d.startsWith(`${rel}/`))));
		if (matched.length === 0) return undefined;
		roots.push(...matched);
	}
	const seen = new Set<string>();
	const queue = [...roots];
	while (queue.length > 0) {
		const dir = queue.pop()!;
		if (seen.has(dir)) continue;
		seen.add(dir);
		for (const next of graph.imports.get(dir) ?? []) queue.push(next);
	}
	return seen;
}

/** Where the build's WORKDIR is inside the module, from the COPY that put the build context (or go.mod) there. */
function workdirInModule(build: GoBuild, module: GoModuleModel): string | undefined {
	const workdir = build.workdir;
	if (!build.stage || workdir === undefined || dirname(build.file) !== module.dir) return undefined;
	for (let stage: StageModel | undefined = build.stage; stage; stage = stage.base) {
		for (const copy of stage.copies) {
			if (copy.fromStage || copy.fromImage || !copy.destination) continue;
			const root = copy.sources.some((s) => s.path === '.' || s.path === './') ? copy.destination.path.replace(/\/+$/, '') : copy.sources.some((s) => s.path === 'go.mod') ? (copy.destination.path.endsWith('/') || copy.sources.length > 1 ? copy.destination.path.replace(/\/+$/, '') : dirname(copy.destination.path)) : undefined;
			if (root === undefined) continue;
			const top = root === '' ? '/' : root;
			if (workdir === top) return '';
			if (isInside(workdir, top)) return workdir.slice(top === '/' ? 1 : top.length + 1);
		}
	}
	return undefined;
}

function joinRel(base: string, pattern: string): string {
	const parts = base === '' ? [] : base.split('/');
	for (const part of pattern.split('/')) {
		if (part === '.' || part === '') continue;
		if (part === '..') parts.pop();
		else parts.push(part);
	}
	return parts.join('/');
}

function dirnameRel(file: string): string {
	const slash = file.lastIndexOf('/');
	return slash < 0 ? '.' : file.slice(0, slash);
}
