import type { FileSystemView } from '../model/file-system';
import type { ProjectModel } from '../model/project';
import type { FindingInput, Severity } from './types';

/** What a rule sees: the model of everything analysed together, and a way to report. */
export interface RuleContext {
	readonly project: ProjectModel;
	/**
	 * The read-only workspace the model was built from, for facts the model does not hold: the bytes of a
	 * workspace binary copied into an image (context-binary.ts). Undefined when a host runs rules on a model alone.
	 */
	readonly fs?: FileSystemView;
	report(finding: FindingInput): void;
}

/**
 * A rule is one file named by its stable id (STYLE §7.2). Ids are public: users type them in
 * `# shipcheck ignore=<id>` and in configuration, so they are never renamed or reused.
 */
export interface Rule {
	readonly id: string;
	readonly defaultSeverity: Severity;
	/** One sentence; also the hover text for a finding and the doc page's Summary. */
	readonly summary: string;
	check(context: RuleContext): void;
}

/** The project repository; rule docs live next to each rule as `server/src/rules/<id>.md`. */
export const REPOSITORY_URL = 'https://github.com/go-shipcheck/go-shipcheck';

/** Where a rule's documentation page is. */
export function ruleDocUrl(id: string): string {
	return `${REPOSITORY_URL}/blob/main/server/src/rules/${id}.md`;
}
