import type { FileSystemView } from '../model/file-system';
import type { ProjectModel } from '../model/project';
import type { ShipcheckConfig } from './config';
import { isSuppressed, type Suppressions } from './pragmas';
import type { Rule } from './rule';
import type { Finding, FindingInput } from './types';

export interface RuleFailure {
	readonly ruleId: string;
	readonly error: unknown;
}

export interface EngineResult {
	readonly findings: Finding[];
	/** Exceptions thrown by rules: logged by the caller; the other rules still ran (STYLE §7.3). */
	readonly failures: RuleFailure[];
}

export interface EngineOptions {
	readonly config: ShipcheckConfig;
	/** The pragmas of a file; undefined when it has none. */
	readonly suppressionsFor: (file: string) => Suppressions | undefined;
	/** Checked between rules so a superseded request stops early. */
	readonly isCancelled?: () => boolean;
	/** The workspace view, handed to rules that read files the model does not hold (RuleContext.fs). */
	readonly fs?: FileSystemView;
}

export function runRules(project: ProjectModel, rules: readonly Rule[], options: EngineOptions): EngineResult {
	const findings: Finding[] = [];
	const failures: RuleFailure[] = [];
	for (const rule of rules) {
		if (options.isCancelled?.()) break;
		const configured = options.config.rules[rule.id];
		if (configured === 'off') continue;
		const collected: FindingInput[] = [];
		try {
			rule.check({ project, fs: options.fs, report: (finding) => collected.push(finding) });
		} catch (error) {
			failures.push({ ruleId: rule.id, error });
			continue;
		}
		for (const input of collected) {
			const suppressions = options.suppressionsFor(input.file);
			if (suppressions && isSuppressed(suppressions, rule.id, input.span.start)) continue;
			findings.push({
				ruleId: rule.id,
				severity: configured ?? input.severity ?? rule.defaultSeverity,
				file: input.file,
				span: input.span,
				message: input.message,
				related: input.related ?? [],
				fixes: input.fixes ?? [],
			});
		}
	}
	return { findings: dedupe(findings).sort(compareFindings), failures };
}

/** The same finding can be reached from two builds (e.g. two Dockerfiles sharing a go.mod): keep one. */
function dedupe(findings: Finding[]): Finding[] {
	const seen = new Set<string>();
	return findings.filter((f) => {
		const key = `${f.ruleId}\u0000${f.file}\u0000${f.span.start}\u0000${f.span.end}\u0000${f.message}`;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}

export function compareFindings(a: Finding, b: Finding): number {
	return a.file < b.file ? -1 : a.file > b.file ? 1 : a.span.start - b.span.start || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}
