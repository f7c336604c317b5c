import type { CiJobModel, GoSetup } from '../../model/ci/types';
import type { AnalysisResult } from '../analyze';
import { SETUP_GO } from '../../knowledge/setup-go';
import type { Source } from '../../knowledge/types';
import { sourcesLine, type HoverContent } from './hover';
import { imageFactsHover } from './hover-image';

/** Matrix jobs of one `runs-on:` line shown at most; the rest are counted. */
const MAX_HOSTS = 4;

/**
 * Hovers in CI files: a `runs-on:` / `container:` / `image:` line shows the facts of the runner or image each job
 * (or matrix combination) runs on; an `actions/setup-go` step shows which Go it installs and where that comes from.
 */
export function ciHover(result: AnalysisResult, path: string, offset: number): HoverContent | undefined {
	const file = result.project.ci?.find((c) => c.path === path);
	if (!file) return undefined;
	const setup = file.jobs.find((j) => j.goSetup?.file === path && contains(j.goSetup.span, offset))?.goSetup;
	if (setup) return { markdown: setupGoHover(setup), span: setup.span };
	const jobs = file.jobs.filter((j) => j.host.file === path && contains(j.host.anchor, offset));
	if (jobs.length === 0) return undefined;
	return { markdown: hostsHover(jobs), span: jobs[0].host.anchor };
}

function contains(span: { readonly start: number; readonly end: number }, offset: number): boolean {
	return offset >= span.start && offset <= span.end;
}

/** One section per distinct runner or image; matrix combinations that share one are listed together. */
function hostsHover(jobs: readonly CiJobModel[]): string {
	const byHost = new Map<string, CiJobModel[]>();
	for (const job of jobs) {
		const key = job.host.imageRef ?? '';
		byHost.set(key, [...(byHost.get(key) ?? []), job]);
	}
	const sections = [...byHost.entries()].slice(0, MAX_HOSTS).map(([ref, group]) => hostSection(ref, group));
	if (byHost.size > MAX_HOSTS) sections.push(`… and ${byHost.size - MAX_HOSTS} more runners or images in this matrix.`);
	return sections.join('\n\n---\n\n');
}

function hostSection(ref: string, jobs: readonly CiJobModel[]): string {
	const first = jobs[0];
	const combinations = jobs.map((j) => j.combination?.label).filter((l): l is string => !!l);
	const matrix = combinations.length > 0 ? `\n\n_Matrix: ${combinations.join('; ')}_` : '';
	const runner = first.runner;
	if (runner?.selfHosted) return `**${ref}**: a self-hosted runner: its OS, C library and compiler are not known, so no compatibility claim is made.${matrix}`;
	if (runner?.retired) return `**${ref}**: ${runner.retired}${matrix}`;
	if (!first.host.image) {
		const what = ref === '' || ref.includes('${{') ? 'the label depends on an expression whose value is not known here' : 'it is not in the knowledge base';
		return `**${ref || 'runs-on'}**: the C library of this ${first.container !== undefined ? 'image' : 'runner'} is not known: ${what}.${matrix}`;
	}
	const kind = first.container !== undefined ? `container image of ${first.label}` : `GitHub-hosted runner of ${first.label}`;
	const notes = [...(runner?.preview ? [`Preview: ${runner.preview}`] : []), ...(runner?.notes ?? [])].map((n) => `\n\n${n}`).join('');
	return `${imageFactsHover(ref, first.host.image)}\n\n_${capitalise(kind)}._${notes}${matrix}`;
}

function setupGoHover(setup: GoSetup): string {
	const lines = ['**actions/setup-go**', ''];
	const sources: Source[] = [];
	if (setup.versionFile) {
		lines.push(`- Go version: from \`${setup.versionFile}\`. ${SETUP_GO.versionFile.text}`);
		sources.push(...SETUP_GO.versionFile.sources);
	} else if (setup.version) {
		lines.push(`- Go version: ${setup.version} for the \`go\` commands of this job; go-version-mismatch compares it with the \`go\` and \`toolchain\` lines of the go.mod each build uses.`);
	} else {
		lines.push('- Go version: not known here (`stable`, `oldstable` or an expression): no version claim is made for this job.');
	}
	if (setup.checkLatest) {
		lines.push(`- ${SETUP_GO.checkLatest.text}`);
		sources.push(...SETUP_GO.checkLatest.sources);
	}
	return lines.join('\n') + sourcesLine(sources);
}

function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}
