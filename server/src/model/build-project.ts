import type { ImageFacts } from '../knowledge/types';
import type { Parsers } from '../parse/tree-sitter';
import { buildDockerfileModel } from './dockerfile/build';
import { withDockerfileIndirect } from './ci/dockerfile-indirect';
import { buildCiFiles, ciDeliveries, dockerfilesBuiltBy, isCiFilePath, type CiBuildContext } from './ci/index';
import { findDeliveries } from './deliveries';
import type { FileSystemView } from './file-system';
import { buildGoModule, findGoMod } from './go-module';
import { basename, dirname } from './paths';
import type { DockerfileModel, GoModuleModel, ProjectModel } from './project';

export interface ProjectInputs {
	readonly fs: FileSystemView;
	readonly parsers: Parsers;
	readonly lookupImage: (reference: string, platform: string | undefined) => ImageFacts | undefined;
	/** The files to model: Dockerfiles, go.mod files, and CI files (workflows, `.gitlab-ci.yml`, GoReleaser configs). */
	readonly files: readonly string[];
}

/** Builds the project model of a set of files; modules are shared between the Dockerfiles that use them. */
export function buildProject(inputs: ProjectInputs): ProjectModel {
	const modules = new Map<string, GoModuleModel | undefined>();
	const moduleAt = (goModPath: string | undefined) => {
		if (goModPath === undefined) return undefined;
		if (!modules.has(goModPath)) modules.set(goModPath, buildGoModule(inputs.fs, goModPath));
		return modules.get(goModPath);
	};
	const dockerfiles: DockerfileModel[] = [];
	const modelled = new Set<string>();
	const addDockerfile = (file: string) => {
		if (modelled.has(file)) return;
		const text = inputs.fs.readFile(file);
		if (text === undefined) return;
		modelled.add(file);
		const contextDir = dirname(file);
		const module = moduleAt(findGoMod(inputs.fs, contextDir));
		const scope = { fs: inputs.fs, parsers: inputs.parsers, path: file, text, contextDir };
		dockerfiles.push(withDockerfileIndirect(scope, () => buildDockerfileModel(file, text, { parsers: inputs.parsers, lookupImage: inputs.lookupImage, module, contextDir })));
	};
	for (const file of inputs.files) {
		if (basename(file) === 'go.mod') {
			moduleAt(file);
			continue;
		}
		if (isDockerfileName(file)) addDockerfile(file);
	}
	// CI files: their jobs are build hosts too, and the Dockerfiles they build are modelled with them.
	const ciContext: CiBuildContext = { fs: inputs.fs, parsers: inputs.parsers, lookupImage: inputs.lookupImage, moduleFor: (dir) => moduleAt(findGoMod(inputs.fs, dir)) };
	const ci = buildCiFiles(inputs.files.filter(isCiFilePath), ciContext);
	for (const file of dockerfilesBuiltBy(ci)) addDockerfile(file);
	const builds = [...dockerfiles.flatMap((d) => d.stages.flatMap((s) => s.builds)), ...ci.flatMap((c) => c.jobs.flatMap((j) => j.builds))];
	return {
		dockerfiles,
		ci,
		modules: [...modules.values()].filter((m): m is GoModuleModel => m !== undefined),
		builds,
		deliveries: [...dockerfiles.flatMap((d) => findDeliveries(d)), ...ciDeliveries(ci, dockerfiles)],
	};
}

/**
 * `Dockerfile`, `Dockerfile.*`, `*.Dockerfile`, `*.dockerfile`, `Containerfile` (package.json's patterns), except
 * `Dockerfile.dockerignore`: BuildKit's per-Dockerfile ignore file, which `Dockerfile.*` would otherwise take in.
 */
export function isDockerfileName(path: string): boolean {
	const name = basename(path);
	if (name.endsWith('.dockerignore')) return false;
	return /^(Dockerfile|Containerfile)(\..+)?$/.test(name) || /\.[Dd]ockerfile$/.test(name);
}
