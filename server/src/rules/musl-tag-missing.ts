import { lookupCCompilerCommand } from '../knowledge/cross-compilers';
import { OBSERVED_ERRORS } from '../knowledge/verified';
import { tagAppendEdit } from '../model/go-command';
import type { GoBuild, GoModuleModel } from '../model/project';
import { cgoRequiresOf, goWordsSpan, importRelated, importStatus, type CgoRequire } from './build-facts';
import { describeBuilder } from './describe';
import type { Rule, RuleContext } from './rule';
import type { FindingInput, RelatedInformation } from './types';

const CONFLUENT = 'github.com/confluentinc/confluent-kafka-go';
/** Package names that put a system librdkafka in place for `-tags dynamic` (Alpine and Debian). */
const SYSTEM_LIBRDKAFKA = new Set(['librdkafka-dev', 'librdkafka']);

/**
 * confluent-kafka-go links a bundled static librdkafka built for glibc unless `-tags musl` selects the musl
 * archive (FACTS §7); against musl the glibc archive fails to link (SCENARIOS 7; observed in knowledge/verified.ts).
 */
export const muslTagMissing: Rule = {
	id: 'musl-tag-missing',
	defaultSeverity: 'error',
	summary: 'confluent-kafka-go is built with cgo against musl (an Alpine builder or CC=musl-gcc) without -tags musl: it links the bundled glibc librdkafka archive and fails with undefined references.',
	check(context: RuleContext) {
		for (const build of context.project.builds) {
			const module = build.module;
			if (build.remoteInstall || !module || build.cgo.state !== 'on') continue;
			const req = cgoRequiresOf(module).find((r) => r.module.path === CONFLUENT);
			const finding = req ? checkBuild(build, module, req) : undefined;
			if (finding) context.report(finding);
		}
	},
};

/** Why the C toolchain of this build links musl, or undefined when it is not musl (or not known). */
function muslReason(build: GoBuild): string | undefined {
	const cc = build.env.get('CC')?.value;
	if (cc !== undefined) {
		const info = lookupCCompilerCommand(cc);
		return info?.libc === 'musl' || info?.target?.libc === 'musl' ? `CC=${cc} links musl` : undefined;
	}
	return build.host.image?.libc?.family === 'musl' ? `"${build.host.imageRef}" uses musl` : undefined;
}

function checkBuild(build: GoBuild, module: GoModuleModel, req: CgoRequire): FindingInput | undefined {
	const musl = muslReason(build);
	const tags = build.command.tags;
	if (!musl || tags?.values.some((t) => t.value === 'musl')) return undefined;
	const dynamic = tags?.values.some((t) => t.value === 'dynamic');
	const systemLib = build.stage?.installs.some((i) => i.action === 'install' && !i.crossTarget && i.packages.some((p) => SYSTEM_LIBRDKAFKA.has(p.name)));
	if (dynamic && systemLib) return undefined;
	const status = importStatus(build, module, req, true);
	if (status.state === 'excluded') return undefined;
	const unknowns = [
		status.state === 'undecided' ? `if ${status.file.path.slice(module.dir.length + 1)} is built: "${status.file.constraintText}" depends on values not known here` : undefined,
		status.state === 'not-visible' ? `if the build uses it: ${status.why}` : undefined,
		tags?.dynamic ? 'unless the -tags value known only at build time adds musl' : undefined,
	].filter((u): u is string => u !== undefined);
	const related: RelatedInformation[] = [{ file: module.path, span: req.span, message: `"${req.path}" is required here` }];
	if (status.state === 'imported' || status.state === 'undecided') related.push(importRelated(status.file, status.importSpan, 'imported here'));
	related.push({ file: build.host.file, span: build.host.anchor, message: `built in ${build.host.label}: ${describeBuilder(build.host)}` });
	const consequence = dynamic
		? '-tags dynamic links the system librdkafka, but no librdkafka-dev install is visible in this stage'
		: `it links the bundled glibc librdkafka archive and fails with undefined references such as "__strdup" or "${OBSERVED_ERRORS.kafkaMuslWithoutTag.text.replace(/^undefined reference to `(.*)'$/, '$1')}"`;
	const edit = tagAppendEdit(build.command, 'musl');
	return {
		file: build.file,
		span: goWordsSpan(build),
		severity: unknowns.length === 0 && !dynamic ? 'error' : 'warning',
		message: `"${req.path}" is built with cgo against musl (${musl}) without -tags musl: ${consequence}${unknowns.length > 0 ? ` (${unknowns.join('; ')})` : ''}`,
		related,
		fixes: edit ? [{ title: tags && tags.flag.source === 'command-line' ? 'Add "musl" to -tags' : 'Add -tags musl to this go build', edits: [{ file: build.file, ...edit }], isPreferred: true }] : [],
	};
}
