import type { ImageFacts } from '../../knowledge/types';
import type { StageModel } from '../../model/project';

/** Hover text for a FROM line: the image's facts, then what its libc means for Go binaries. */
export function imageHover(stage: StageModel): string {
	const name = stage.imageRef ?? stage.syntax.image.raw;
	const facts = stage.image;
	if (stage.base) return `**${name}** is stage "${stage.base.syntax.name ?? stage.base.syntax.index}": it inherits that stage's image ${stage.base.imageRef ?? ''}.`;
	if (!facts) {
		const why = stage.imageRef === undefined ? `it depends on a build argument (${stage.syntax.image.unknownVars.join(', ')}) without a known value` : 'it is not in the knowledge base; state its libc in `.shipcheck.yaml` (`images:`) to get checks';
		return `**${name}**: the libc of this image is not known: ${why}.`;
	}
	return imageFactsHover(name, facts);
}

/** The facts of an image or hosted-runner image, what its libc means for Go binaries, and the sources. */
export function imageFactsHover(name: string, facts: ImageFacts): string {
	const lines = [`**${name}**`, '', ...factLines(facts), '', meaningFor(facts)];
	const sources = facts.sources.map((s) => `${s.ref} (as of ${s.asOf})`).join('; ');
	if (sources) lines.push('', `_Sources: ${sources}_`);
	return lines.join('\n');
}

function factLines(facts: ImageFacts): string[] {
	const lines: string[] = [];
	const distro = facts.distro ? [facts.distro.name, facts.distro.release, facts.distro.codename ? `(${facts.distro.codename})` : undefined].filter(Boolean).join(' ') : facts.os;
	lines.push(`- OS: ${distro}`);
	lines.push(`- C library: ${libcLine(facts)}`);
	if (facts.hasCCompiler !== undefined) lines.push(`- C compiler: ${facts.hasCCompiler ? 'gcc present (cgo defaults to on for native builds)' : 'none (since Go 1.20 cgo defaults to off here)'}`);
	if (facts.goVersion) lines.push(`- Go: ${facts.goVersion}`);
	if (facts.floating) lines.push(`- Floating tag: now ${facts.floating.resolvedTo}${facts.floating.since ? ` since ${facts.floating.since}` : ''}. ${facts.floating.history}`);
	if (facts.platformDependent) lines.push(`- Depends on the platform: ${facts.platformDependent}`);
	if (facts.deprecated) lines.push(`- Deprecated: ${facts.deprecated}`);
	return lines;
}

function libcLine(facts: ImageFacts): string {
	const libc = facts.libc;
	if (!libc) return 'not known';
	if (libc.family === 'none') return 'none (no libc, no ELF loader)';
	return libc.version ? `${libc.family} ${libc.version}` : `${libc.family} (version not known)`;
}

/** Three to five lines on what the libc means for Go binaries built in or copied into this image (FACTS §3, §4). */
function meaningFor(facts: ImageFacts): string {
	switch (facts.libc?.family) {
		case 'musl':
			return 'musl, not glibc: a binary dynamically linked against glibc (a cgo build on Debian or Ubuntu) cannot start here; its loader `/lib64/ld-linux-x86-64.so.2` is missing, so exec fails with "no such file or directory". Static binaries (`CGO_ENABLED=0`) run. A cgo build made here links musl and needs musl where it runs.';
		case 'glibc':
			return `glibc${facts.libc.version ? ` ${facts.libc.version}` : ''}: a cgo binary built here needs a glibc at least as new where it runs (since glibc 2.34, any cgo binary needs \`GLIBC_2.34\`). musl-linked binaries from Alpine cannot start here. Static binaries run.`;
		case 'none':
			return 'No C library and no ELF loader: only static binaries run here (`CGO_ENABLED=0`, or cgo linked statically). A dynamically linked binary fails at start with "no such file or directory".';
		default:
			return 'The C library is not known, so no compatibility claim is made.';
	}
}
