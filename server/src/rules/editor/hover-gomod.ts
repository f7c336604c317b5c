import { lookupCgoModule } from '../../knowledge/cgo-modules';
import type { AnalysisResult } from '../analyze';
import { godebugKeyText } from './hover-env';
import { inside, sourcesLine, type HoverContent } from './hover';

/** go.mod: the go/toolchain lines against the builders that compile the module, godebug keys, cgo requirements. */
export function goModHover(result: AnalysisResult, path: string, offset: number): HoverContent | undefined {
	const module = result.project.modules.find((m) => m.path === path);
	if (!module) return undefined;
	const file = module.syntax;
	if (file.go && inside(file.go.span, offset)) return versionHover(result, module.path, `go ${file.go.version.value}`, file.go.span);
	if (file.toolchain && inside(file.toolchain.span, offset)) return versionHover(result, module.path, `toolchain ${file.toolchain.name.value}`, file.toolchain.span);
	const godebug = file.godebug.find((g) => inside(g.span, offset));
	if (godebug) return { markdown: godebugKeyText(godebug.key.value, module.goVersion), span: godebug.span };
	const require = file.require.find((r) => inside(r.span, offset));
	if (require) {
		const match = lookupCgoModule(require.path.value);
		if (!match) return undefined;
		const entry = match.module;
		const lines = [`**${require.path.value}** wraps ${entry.wraps}: it needs cgo (\`CGO_ENABLED=1\` and a C compiler in the builder).`];
		if (entry.withCgoDisabled === 'runtime-panic') lines.push('', `With \`CGO_ENABLED=0\` it still compiles and then fails at run time${entry.errorText ? `: \`${entry.errorText}\`` : ''}.`);
		else lines.push('', `With \`CGO_ENABLED=0\` the build fails${entry.errorText ? `: \`${entry.errorText}\`` : ''}.`);
		if (entry.alternatives.length > 0) lines.push('', `Pure-Go alternatives: ${entry.alternatives.join(', ')}.`);
		return { markdown: lines.join('\n') + sourcesLine(entry.sources), span: require.span };
	}
	return undefined;
}

function versionHover(result: AnalysisResult, goModPath: string, line: string, span: { start: number; end: number }): HoverContent {
	const builders = result.project.builds.filter((b) => b.module?.path === goModPath && !b.remoteInstall);
	const lines = [`**${line}**`, ''];
	if (builders.length === 0) lines.push('No builder of this module was found in the analysed files.');
	for (const build of builders) lines.push(`- built in ${build.host.label} of \`${build.file.split('/').pop()}\` with ${build.host.imageRef ?? 'an unknown image'}${build.host.image?.goVersion ? ` (Go ${build.host.image.goVersion})` : ''}`);
	return { markdown: lines.join('\n'), span };
}
