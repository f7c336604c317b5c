import { viaOf } from '../model/ci/index';
import type { Delivery, GoBuild, ProjectModel } from '../model/project';
import type { Span } from '../parse/span';
import type { Finding, Fix, RelatedInformation } from './types';

/**
 * Cross-file context every rule's findings get, whatever the rule (applied once, after the rules ran):
 *  - a finding on a build-context COPY of a CI-built binary carries the chain (job → artifact → image build)
 *    as related information, and is at most a warning when a link of that chain is an assumption;
 *  - a finding on a `make build` / `./build.sh` line points into the Makefile/script that holds the go
 *    command, and loses fixes that would rewrite the calling line as if it were the go command;
 *  - fix edits that write `NAME=value` over a YAML `NAME: value` pair are written in YAML;
 *  - fixes that would edit synthesized text (GoReleaser's go command, mapped onto the build item) are dropped.
 */
export function withCiContext(project: ProjectModel, findings: readonly Finding[]): Finding[] {
	const contextDeliveries = project.deliveries.filter((d) => d.source === 'build-context');
	const indirect = project.builds.filter((b) => viaOf(b) !== undefined);
	const envPairs = (project.ci ?? []).flatMap((c) => c.envPairs);
	const synthetic = (project.ci ?? []).flatMap((c) => c.synthetic);
	if (contextDeliveries.length === 0 && indirect.length === 0 && envPairs.length === 0 && synthetic.length === 0) return [...findings];
	return findings.map((finding) => {
		let out = finding;
		const deliveries = contextDeliveries.filter((d) => d.copy.file === finding.file && sameSpan(d.copy.instruction.span, finding.span));
		if (deliveries.length > 0) out = withDeliveryChain(out, deliveries);
		// On the calling line itself, or pointing at it ("this build links dynamically" from a COPY finding).
		const builds = indirect.filter((b) => {
			const caller = viaOf(b)!.callerSpan;
			return (b.file === finding.file && inside(finding.span, caller)) || finding.related.some((r) => r.file === b.file && inside(r.span, caller));
		});
		if (builds.length > 0) out = withIndirectOrigin(out, builds);
		if (envPairs.length > 0 && out.fixes.length > 0) out = { ...out, fixes: out.fixes.map((fix) => yamlEnvFix(fix, envPairs)) };
		// Text nobody wrote (GoReleaser's go command) cannot be edited.
		if (synthetic.length > 0) out = { ...out, fixes: out.fixes.filter((fix) => !fix.edits.some((e) => synthetic.some((s) => s.file === e.file && overlaps(e.span, s.span)))) };
		return out;
	});
}

function withDeliveryChain(finding: Finding, deliveries: readonly Delivery[]): Finding {
	const related = [...finding.related];
	for (const d of deliveries) for (const link of d.trace ?? []) addRelated(related, link);
	const uncertain = deliveries.every((d) => d.certain === false);
	if (!uncertain || finding.severity !== 'error') return { ...finding, related };
	const d = deliveries[0];
	const note = ` (not certain: the COPY source is matched to the file built by ${d.build.host.label} through a glob, a build argument or an artifact layout assumed here)`;
	return { ...finding, severity: 'warning', message: finding.message + note, related };
}

function withIndirectOrigin(finding: Finding, builds: readonly GoBuild[]): Finding {
	const related = [...finding.related];
	for (const build of builds) {
		const via = viaOf(build)!;
		addRelated(related, { file: via.file, span: via.span, message: `the go command this line runs: ${via.chain.map((c) => c.description).join(' → ')}` });
	}
	// Edits inside the calling line would rewrite `make build` itself; only an env prefix in front of it is right.
	const fixes = finding.fixes.filter((fix) =>
		fix.edits.every((edit) => {
			const caller = builds.find((b) => b.file === edit.file && overlaps(edit.span, viaOf(b)!.callerSpan));
			if (!caller) return true;
			const span = viaOf(caller)!.callerSpan;
			return edit.span.start === span.start && edit.span.end === span.start && /^[A-Za-z_]\w*=\S* $/.test(edit.newText);
		}),
	);
	return { ...finding, related, fixes };
}

function yamlEnvFix(fix: Fix, pairs: readonly { file: string; span: Span; name: string }[]): Fix {
	let changed = false;
	const edits = fix.edits.map((edit) => {
		const pair = pairs.find((p) => p.file === edit.file && sameSpan(p.span, edit.span));
		const assignment = /^([A-Za-z_]\w*)=(.*)$/s.exec(edit.newText);
		if (!pair || !assignment || assignment[1] !== pair.name) return edit;
		changed = true;
		return { ...edit, newText: `${pair.name}: "${assignment[2].replace(/["\\]/g, '\\$&')}"` };
	});
	return changed ? { ...fix, edits } : fix;
}

function addRelated(related: RelatedInformation[], item: RelatedInformation): void {
	if (!related.some((r) => r.file === item.file && sameSpan(r.span, item.span) && r.message === item.message)) related.push(item);
}

function sameSpan(a: Span, b: Span): boolean {
	return a.start === b.start && a.end === b.end;
}

function inside(inner: Span, outer: Span): boolean {
	return inner.start >= outer.start && inner.end <= outer.end;
}

function overlaps(a: Span, b: Span): boolean {
	return a.start <= b.end && a.end >= b.start;
}
