import type { AnalysisResult } from '../analyze';
import { describeLinkage } from './describe-build';

/**
 * A read-only Markdown summary of every build in a file (the "Show effective build" command): stage, image,
 * libc, cgo and why, linkage, and where the binary ends up.
 */
export function effectiveBuildSummary(result: AnalysisResult, path: string, displayPath: string): string {
	const builds = result.project.builds.filter((b) => b.file === path);
	const lines = [`# Effective build: ${displayPath}`, ''];
	if (builds.length === 0) lines.push('No `go build` or `go install` was found in this file.');
	for (const build of builds) {
		const libc = build.host.image?.libc;
		lines.push(`## go ${build.command.subcommand} in ${build.host.label}`, '');
		lines.push(`- image: \`${build.host.imageRef ?? 'unknown'}\`${libc ? ` (${libc.family}${libc.version ? ` ${libc.version}` : ''})` : ' (libc not known)'}`);
		lines.push(`- C compiler: ${build.host.compiler.present === undefined ? 'not known' : build.host.compiler.present ? 'present' : 'absent'} (${build.host.compiler.reason})`);
		lines.push(`- cgo: **${build.cgo.state}**: ${build.cgo.explanation}`);
		lines.push(`- linkage: ${describeLinkage(build)}`);
		lines.push(`- output: ${build.outputPath ? `\`${build.outputPath}\`` : 'not known'}`);
		const deliveries = result.project.deliveries.filter((d) => d.build === build);
		if (deliveries.length === 0) lines.push('- ends up: not copied into another stage of this file');
		for (const d of deliveries) {
			const libcThere = d.stage.image?.libc;
			lines.push(`- ends up: \`${d.path ?? '?'}\` in stage ${d.stage.syntax.name ? `"${d.stage.syntax.name}"` : d.stage.syntax.index} (\`${d.stage.imageRef ?? d.stage.syntax.image.raw}\`, ${libcThere ? `${libcThere.family}${libcThere.version ? ` ${libcThere.version}` : ''}` : 'libc not known'})`);
		}
		lines.push('');
	}
	const findings = result.findings.filter((f) => f.file === path);
	lines.push(`## Findings (${findings.length})`, '');
	for (const f of findings) lines.push(`- ${f.severity} [${f.ruleId}]: ${f.message}`);
	return lines.join('\n');
}
