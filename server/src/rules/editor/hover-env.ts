import { explainEnv } from '../../knowledge/build-flags';
import { lookupGodebug } from '../../knowledge/godebug';
import type { DfProperty } from '../../parse/dockerfile';
import type { StageModel } from '../../model/project';
import type { AnalysisResult } from '../analyze';
import { inside, sourcesLine, type HoverContent } from './hover';

/** ENV/ARG in a Dockerfile: what the variable does, and for GODEBUG the key under the cursor. */
export function envHover(result: AnalysisResult, path: string, offset: number): HoverContent | undefined {
	const dockerfile = result.project.dockerfiles.find((d) => d.path === path);
	if (!dockerfile) return undefined;
	for (const stage of dockerfile.stages) {
		for (const instruction of stage.syntax.instructions) {
			if ((instruction.keyword !== 'ENV' && instruction.keyword !== 'ARG') || !inside(instruction.span, offset)) continue;
			const property = instruction.properties.find((p) => inside(p.span, offset));
			if (!property) return undefined;
			if (property.name === 'GODEBUG' && inside(property.valueSpan, offset)) return godebugKeyHover(dockerfile.text, property, offset, stage);
			return variableHover(property, instruction.keyword, stage);
		}
	}
	return undefined;
}

function variableHover(property: DfProperty, keyword: string, stage: StageModel): HoverContent | undefined {
	const known = explainEnv(property.name);
	if (!known) return undefined;
	const lines = [`**\`${property.name}\`** = \`${property.value ?? '(set at build time)'}\` (${keyword}${keyword === 'ARG' ? ': also in the environment of later RUN steps' : ''})`, '', known.text];
	const affected = stage.builds.filter((b) => b.env.get(property.name)?.span === property.span);
	for (const build of affected) lines.push('', `Effective for the go ${build.command.subcommand} at offset ${build.span.start}: ${build.cgo.explanation}.`);
	return { markdown: lines.join('\n') + sourcesLine(known.sources), span: property.nameSpan };
}

/** A `key=value` entry of a GODEBUG value: what the key is, for the stage's Go version. */
function godebugKeyHover(text: string, property: DfProperty, offset: number, stage: StageModel): HoverContent | undefined {
	const valueSpan = property.valueSpan!;
	const written = text.slice(valueSpan.start, valueSpan.end);
	const body = /^["'].*["']$/s.test(written) ? { text: written.slice(1, -1), start: valueSpan.start + 1 } : { text: written, start: valueSpan.start };
	let start = body.start;
	for (const entry of body.text.split(',')) {
		const end = start + entry.length;
		if (offset >= start && offset <= end) {
			const key = entry.split('=')[0].trim();
			return { markdown: godebugKeyText(key, stage.image?.goVersion), span: { start, end } };
		}
		start = end + 1;
	}
	return undefined;
}

export function godebugKeyText(key: string, goVersion: string | undefined): string {
	const found = lookupGodebug(key, goVersion);
	const version = goVersion ? `Go ${goVersion}` : 'the Go version in use';
	if (found.falseClaim) return `**\`${key}\`** is not a GODEBUG setting in any Go release: ${found.falseClaim.truth}${sourcesLine(found.falseClaim.sources)}`;
	if (found.status === 'unknown' && found.reason === 'added-later') return `**\`${key}\`** is not known to ${version}: it was added in Go ${found.addedIn}. Unknown keys in the GODEBUG environment variable are ignored.`;
	if (found.status === 'unknown') return `**\`${key}\`** is not a known GODEBUG setting. Unknown keys in the GODEBUG environment variable are silently ignored by the runtime.`;
	const setting = found.setting!;
	const lines = [`**\`${key}\`** (${setting.package})${found.status === 'removed' ? `: removed in Go ${found.removedIn}` : ''}`];
	if (setting.addedIn) lines.push(`- added in Go ${setting.addedIn}`);
	if (setting.changedIn) lines.push(`- default changed in Go ${setting.changedIn}${setting.oldValue !== undefined ? `; \`${key}=${setting.oldValue}\` restores the old behaviour` : ''}`);
	if (setting.defaultNow) lines.push(`- default: ${setting.defaultNow}`);
	for (const note of setting.notes ?? []) lines.push(`- ${note}`);
	return lines.join('\n') + sourcesLine(setting.sources);
}
