import { CGO_MODULES, lookupCgoModule } from '../knowledge/cgo-modules';
import { parseGoMod } from '../parse/gomod';
import { ParseCache } from '../parse/parse-cache';
import type { FileSystemView } from './file-system';
import { readGoSourceFile, type GoSourceFile } from './go-source-facts';
import { scanGoSources } from './go-sources';
import { PackageGraphBuilder } from './package-graph';
import type { ProgramCgoUse } from './linkage';
import { dirname, joinPath } from './paths';
import type { CgoRequirement, GoModuleModel } from './project';

/** How far up from a Dockerfile we look for the go.mod of its build context. */
const MAX_LEVELS_UP = 6;

/** Finds the go.mod that governs `dir`: in it or the nearest parent. */
export function findGoMod(fs: FileSystemView, dir: string): string | undefined {
	let current = dir;
	for (let level = 0; level <= MAX_LEVELS_UP; level++) {
		const candidate = joinPath(current, 'go.mod');
		if (fs.readFile(candidate) !== undefined) return candidate;
		const parent = dirname(current);
		if (parent === current) break;
		current = parent;
	}
	return undefined;
}

const goModParses = new ParseCache<ReturnType<typeof parseGoMod>>(64);

const CGO_PACKAGE_PREFIXES = CGO_MODULES.flatMap((m) => [m.path, ...(m.aliases ?? [])]);

/** Builds the model of one module: go.mod, cgo requirements and what its sources import. */
export function buildGoModule(fs: FileSystemView, goModPath: string): GoModuleModel | undefined {
	const text = fs.readFile(goModPath);
	if (text === undefined) return undefined;
	const syntax = goModParses.get(text, (t) => parseGoMod(t, 'go.mod'));
	const dir = dirname(goModPath);
	const modulePath = syntax.module?.path.value;
	const sourceFiles: GoSourceFile[] = [];
	const graph = new PackageGraphBuilder(dir, modulePath);
	const scan = scanGoSources(fs, dir, modulePath ?? '', (path, text, imports, facts) => {
		graph.add(path, imports, facts);
		// Kept only for files rules point at: importers of cgo packages and files with //go:debug lines.
		if (!text.includes('//go:debug') && !CGO_PACKAGE_PREFIXES.some((prefix) => text.includes(prefix))) return;
		const file = readGoSourceFile(path, text);
		if (file.debugDirectives.length > 0 || file.imports.some((i) => lookupCgoModule(i.path))) sourceFiles.push(file);
	});
	const cgoRequirements: CgoRequirement[] = [];
	for (const req of syntax.require) {
		if (!lookupCgoModule(req.path.value)) continue;
		cgoRequirements.push({ module: req.path.value, version: req.version.value, span: req.span, indirect: req.indirect });
	}
	const program: ProgramCgoUse = {
		sourcesVisible: scan.visible,
		ownCgoFiles: scan.cgoFiles,
		importsNet: scan.visible ? scan.importsNet : true,
		importsOsUser: scan.importsOsUser,
		thirdPartyImports: scan.thirdPartyImports,
		sourcesTruncated: scan.truncated,
		cgoModules: cgoRequirements.map((r) => ({ path: r.module, imported: scan.thirdPartyImports.some((i) => i === r.module || i.startsWith(`${r.module}/`)) })),
	};
	return { path: goModPath, dir, text, syntax, modulePath, goVersion: syntax.go?.version.value, program, cgoRequirements, sourceFiles, packageGraph: graph.build() };
}
