import type { ImportCgoFacts } from './go-sources';
import type { ProgramCgoUse } from './linkage';
import type { GoBuild, GoModuleModel, StageModel } from './project';
import { dirname, isInside } from './paths';

/**
 * The module's own packages and which of them import which (from the import lists the source scan reads), so
 * a rule can tell whether a file belongs to what one `go build` compiles. Directories are module-relative
 * (`''` is the module root, `cmd/server`).
 */
export interface GoPackageGraph {
	readonly imports: ReadonlyMap<string, ReadonlySet<string>>;
	/** What each package's files import that matters for cgo, by directory. */
	readonly cgoFacts: ReadonlyMap<string, PackageCgoFacts>;
}

export interface PackageCgoFacts {
	readonly cgoFiles: string[];
	net: boolean;
	osUser: boolean;
	readonly thirdParty: Set<string>;
}

export class PackageGraphBuilder {
	private readonly imports = new Map<string, Set<string>>();
	private readonly cgoFacts = new Map<string, PackageCgoFacts>();
	constructor(private readonly moduleDir: string, private readonly modulePath: string | undefined) {}

	add(path: string, imported: readonly string[], facts: ImportCgoFacts): void {
		const dir = this.relative(dirname(path));
		const local = this.imports.get(dir) ?? new Set<string>();
		this.imports.set(dir, local);
		this.addCgoFacts(dir, path, facts);
		if (!this.modulePath) return;
		for (const i of imported) if (i.startsWith(`${this.modulePath}/`)) local.add(i.slice(this.modulePath.length + 1));
	}

	build(): GoPackageGraph {
		return { imports: this.imports, cgoFacts: this.cgoFacts };
	}

	private addCgoFacts(dir: string, path: string, file: ImportCgoFacts): void {
		let facts = this.cgoFacts.get(dir);
		if (!facts) {
			facts = { cgoFiles: [], net: false, osUser: false, thirdParty: new Set() };
			this.cgoFacts.set(dir, facts);
		}
		if (file.importsC) facts.cgoFiles.push(path);
		facts.net ||= file.net;
		facts.osUser ||= file.osUser;
		for (const i of file.thirdParty) facts.thirdParty.add(i);
	}

	private relative(dir: string): string {
		return dir === this.moduleDir ? '' : dir.slice(this.moduleDir.length + 1);
	}
}

/**
 * The module directories one build compiles (its packages and the local packages they import), or undefined
 * when the package patterns cannot be placed in the module (dynamic patterns, `-C`, an unknown layout).
 */
export function builtPackages(build: BuildSite, module: GoModuleModel): ReadonlySet<string> | undefined {
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

/** What `builtPackages` needs of a build: known before its cgo and linkage are decided. */
export type BuildSite = Pick<GoBuild, 'file' | 'workdir' | 'stage' | 'command'>;

/**
 * The program one build compiles: the module's facts narrowed to the packages it builds (`go build ./tools/x`
 * of a module whose server imports net compiles no net). A cgo module the built packages do not import stays
 * possible only when they import third-party packages, which may import it.
 */
export function programOfPackages(module: GoModuleModel, dirs: ReadonlySet<string>): ProgramCgoUse {
	const whole = module.program;
	const cgoFiles: string[] = [];
	const thirdParty = new Set<string>();
	let net = false;
	let osUser = false;
	for (const dir of dirs) {
		const facts = module.packageGraph.cgoFacts.get(dir);
		if (!facts) continue;
		cgoFiles.push(...facts.cgoFiles);
		net ||= facts.net;
		osUser ||= facts.osUser;
		for (const i of facts.thirdParty) thirdParty.add(i);
	}
	const thirdPartyImports = [...thirdParty].sort();
	const importedModule = (path: string) => thirdPartyImports.some((i) => i === path || i.startsWith(`${path}/`));
	const cgoModules = whole.cgoModules.map((m) => ({ path: m.path, imported: importedModule(m.path) })).filter((m) => m.imported || thirdPartyImports.length > 0);
	return { sourcesVisible: true, sourcesTruncated: whole.sourcesTruncated, ownCgoFiles: cgoFiles, importsNet: net, importsOsUser: osUser, thirdPartyImports, cgoModules };
}

/** Where the build's WORKDIR is inside the module, from the COPY that put the build context (or go.mod) there. */
function workdirInModule(build: BuildSite, module: GoModuleModel): string | undefined {
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
