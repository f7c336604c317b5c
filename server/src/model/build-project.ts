import type { ImageFacts } from '../knowledge/types';
import type { Parsers } from '../parse/tree-sitter';
import { buildDockerfileModel } from './dockerfile/build';
import { findDeliveries } from './deliveries';
import type { FileSystemView } from './file-system';
import { buildGoModule, findGoMod } from './go-module';
import { basename, dirname } from './paths';
import type { DockerfileModel, GoModuleModel, ProjectModel } from './project';

export interface ProjectInputs {
	readonly fs: FileSystemView;
	readonly parsers: Parsers;
	readonly lookupImage: (reference: string, platform: string | undefined) => ImageFacts | undefined;
	/** The files to model: Dockerfiles and go.mod files (CI files later). */
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
	for (const file of inputs.files) {
		if (basename(file) === 'go.mod') {
			moduleAt(file);
			continue;
		}
		if (!isDockerfileName(file)) continue;
		const text = inputs.fs.readFile(file);
		if (text === undefined) continue;
		const contextDir = dirname(file);
		const module = moduleAt(findGoMod(inputs.fs, contextDir));
		dockerfiles.push(buildDockerfileModel(file, text, { parsers: inputs.parsers, lookupImage: inputs.lookupImage, module, contextDir }));
	}
	const builds = dockerfiles.flatMap((d) => d.stages.flatMap((s) => s.builds));
	return {
		dockerfiles,
		modules: [...modules.values()].filter((m): m is GoModuleModel => m !== undefined),
		builds,
		deliveries: dockerfiles.flatMap((d) => findDeliveries(d)),
	};
}

/** `Dockerfile`, `Dockerfile.*`, `*.Dockerfile`, `*.dockerfile`, `Containerfile` (package.json's patterns). */
export function isDockerfileName(path: string): boolean {
	const name = basename(path);
	return /^(Dockerfile|Containerfile)(\..+)?$/.test(name) || /\.[Dd]ockerfile$/.test(name);
}
