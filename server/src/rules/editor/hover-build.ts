import { explainBuildTag, explainEnv, explainGoFlag } from '../../knowledge/build-flags';
import { lookupLinkerFlag } from '../../knowledge/linker-flags';
import type { GoBuild } from '../../model/project';
import type { AnalysisResult } from '../analyze';
import { describeLinkage } from './describe-build';
import { inside, sourcesLine, type HoverContent } from './hover';

/** Hovers inside a `go build` command: a linker flag, a tag, a go flag, an env prefix, or the build as a whole. */
export function buildHover(result: AnalysisResult, path: string, offset: number): HoverContent | undefined {
	const build = result.project.builds.find((b) => b.file === path && inside(b.span, offset));
	if (!build) return undefined;
	return linkerFlagHover(build, offset) ?? tagHover(build, offset) ?? goFlagHover(build, offset) ?? prefixHover(build, offset) ?? wholeBuildHover(build);
}

function linkerFlagHover(build: GoBuild, offset: number): HoverContent | undefined {
	const flag = build.command.ldflags?.flags.find((f) => inside(f.span, offset));
	if (!flag) return undefined;
	const spelling = flag.value === undefined ? `-${flag.name}` : `-${flag.name}=${flag.value}`;
	const known = lookupLinkerFlag(spelling) ?? lookupLinkerFlag(`-${flag.name}`);
	if (!known) return { markdown: `\`${spelling}\`: a cmd/link flag this extension has no notes for.`, span: flag.span };
	const lines = [`**\`${known.flag}\`** (linker): ${known.summary}`];
	if (known.breaks.length > 0) lines.push('', 'Stops working:', ...known.breaks.map((b) => `- ${b}`));
	if (known.keepsWorking.length > 0) lines.push('', 'Keeps working:', ...known.keepsWorking.map((k) => `- ${k}`));
	for (const note of known.byGoVersion ?? []) lines.push('', `_${note.since ? `Go ${note.since}+` : `Before Go ${note.before}`}_: ${note.text}`);
	return { markdown: lines.join('\n') + sourcesLine(known.sources), span: flag.span };
}

function tagHover(build: GoBuild, offset: number): HoverContent | undefined {
	const tag = build.command.tags?.values.find((t) => inside(t.span, offset));
	if (!tag) return undefined;
	const known = explainBuildTag(tag.value);
	const text = known ? `**\`${tag.value}\`** (build tag): ${known.text}${sourcesLine(known.sources)}` : `**\`${tag.value}\`**: a build tag; it only selects files with a matching \`//go:build\` line.`;
	return { markdown: text, span: tag.span };
}

function goFlagHover(build: GoBuild, offset: number): HoverContent | undefined {
	const flag = build.command.flags.find((f) => f.source === 'command-line' && inside(f.nameSpan, offset));
	if (!flag) return undefined;
	const known = explainGoFlag(`-${flag.name}`);
	if (!known) return undefined;
	return { markdown: `**\`${known.name}\`**: ${known.text}${sourcesLine(known.sources)}`, span: flag.nameSpan };
}

function prefixHover(build: GoBuild, offset: number): HoverContent | undefined {
	const assignment = build.command.command.assignments.find((a) => inside(a.span, offset));
	if (!assignment) return undefined;
	const known = explainEnv(assignment.name);
	const lines = [`**\`${assignment.name}=${assignment.value.value ?? assignment.value.raw}\`** for this command only.`];
	if (known) lines.push('', known.text);
	if (assignment.name === 'CGO_ENABLED' || assignment.name === 'GOOS' || assignment.name === 'GOARCH' || assignment.name === 'CC') lines.push('', `Effective here: ${build.cgo.explanation}.`);
	return { markdown: lines.join('\n') + (known ? sourcesLine(known.sources) : ''), span: assignment.span };
}

function wholeBuildHover(build: GoBuild): HoverContent {
	const env = (name: string) => build.env.get(name)?.value;
	const lines = [
		`**go ${build.command.subcommand}** in ${build.host.label}`,
		'',
		`- cgo: **${build.cgo.state}**: ${build.cgo.explanation}`,
		`- result: ${describeLinkage(build)}`,
		`- target: ${env('GOOS') ?? 'linux'}/${env('GOARCH') ?? '(builder\'s architecture)'}`,
	];
	if (build.outputPath) lines.push(`- output: \`${build.outputPath}\``);
	if (build.remoteInstall) lines.push('- installs a module at a version: the workspace go.mod is not compiled here');
	return { markdown: lines.join('\n'), span: build.command.goSpan };
}
