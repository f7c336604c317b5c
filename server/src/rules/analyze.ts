import { withUserImages } from '../knowledge';
import type { FileSystemView } from '../model/file-system';
import { buildProject } from '../model/build-project';
import type { ProjectModel } from '../model/project';
import type { Parsers } from '../parse/tree-sitter';
import type { Span } from '../parse/span';
import type { ShipcheckConfig } from './config';
import { withCiContext } from './ci-findings';
import { runRules, type RuleFailure } from './engine';
import { RULES } from './index';
import { computeSuppressions, lineStatements, type Suppressions } from './pragmas';
import type { Finding } from './types';

export interface AnalysisRequest {
	readonly fs: FileSystemView;
	readonly parsers: Parsers;
	readonly config: ShipcheckConfig;
	/** Files to model together (see `discover.ts`). */
	readonly entryFiles: readonly string[];
	readonly isCancelled?: () => boolean;
}

export interface AnalysisResult {
	readonly project: ProjectModel;
	readonly findings: readonly Finding[];
	readonly failures: readonly RuleFailure[];
}

/** The one entry point of the engine: model the files, run every rule, apply pragmas and configuration. */
export function analyze(request: AnalysisRequest): AnalysisResult {
	const images = withUserImages(request.config.images);
	const project = buildProject({
		fs: request.fs,
		parsers: request.parsers,
		lookupImage: (reference, platform) => images(reference, platform === undefined ? undefined : { platform }),
		files: request.entryFiles,
	});
	const { findings, failures } = runRules(project, RULES, {
		config: request.config,
		suppressionsFor: suppressionsOf(project, request.fs),
		isCancelled: request.isCancelled,
		fs: request.fs,
	});
	return { project, findings: withCiContext(project, findings), failures };
}

/** Pragmas per file, computed on first use; Dockerfiles tie them to instructions, other files to lines. */
function suppressionsOf(project: ProjectModel, fs: FileSystemView): (file: string) => Suppressions | undefined {
	const cache = new Map<string, Suppressions | undefined>();
	for (const dockerfile of project.dockerfiles) {
		const statements: Span[] = dockerfile.syntax.instructions.map((i) => i.span);
		cache.set(dockerfile.path, computeSuppressions(dockerfile.text, statements));
	}
	return (file) => {
		if (!cache.has(file)) {
			const text = fs.readFile(file);
			cache.set(file, text === undefined ? undefined : computeSuppressions(text, lineStatements(text)));
		}
		return cache.get(file);
	};
}
