import { viaOf } from '../model/ci/index';
import type { Delivery, GoBuild, ProjectModel } from '../model/project';
import type { Span } from '../parse/span';
import { buildText } from './flag-edits';
import type { Finding, Fix, RelatedInformation, TextEdit } from './types';

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
	const envPairs = pairsByPlace((project.ci ?? []).flatMap((c) => c.envPairs.map((p) => ({ ...p, text: c.sources.get(p.file) ?? (p.file === c.path ? c.text : undefined) }))));
	const synthetic = (project.ci ?? []).flatMap((c) => c.synthetic);
	if (contextDeliveries.length === 0 && indirect.length === 0 && envPairs.size === 0 && synthetic.length === 0) return [...findings];
	return findings.map((finding) => {
		let out = finding;
		const deliveries = contextDeliveries.filter((d) => d.copy.file === finding.file && sameSpan(d.copy.instruction.span, finding.span));
		if (deliveries.length > 0) out = withDeliveryChain(out, deliveries);
		// On the calling line itself, or pointing at it ("this build links dynamically" from a COPY finding).
		const builds = indirect.filter((b) => {
			const caller = viaOf(b)!.callerSpan;
			return (b.file === finding.file && inside(finding.span, caller)) || finding.related.some((r) => r.file === b.file && inside(r.span, caller));
		});
		if (builds.length > 0) out = withIndirectOrigin(project, out, builds);
		if (envPairs.size > 0 && out.fixes.length > 0) out = { ...out, fixes: out.fixes.map((fix) => yamlEnvFix(fix, envPairs)).filter((fix) => fix !== undefined) };
		// Text nobody wrote (GoReleaser's go command) cannot be edited.
		if (synthetic.length > 0) out = { ...out, fixes: out.fixes.filter((fix) => !fix.edits.some((e) => synthetic.some((s) => s.file === e.file && overlaps(e.span, s.span)))) };
		return out;
	});
}

function withDeliveryChain(finding: Finding, all: readonly Delivery[]): Finding {
	const deliveries = ownDeliveries(finding, all);
	const related = withRelated(finding.related, deliveries.flatMap((d) => d.trace ?? []));
	const uncertain = deliveries.every((d) => d.certain === false);
	if (!uncertain || finding.severity !== 'error') return { ...finding, related };
	const d = deliveries[0];
	const note = ` (not certain: the COPY source is matched to the file built by ${d.build.host.label} through a glob, a build argument or an artifact layout assumed here)`;
	return { ...finding, severity: 'warning', message: finding.message + note, related };
}

function withIndirectOrigin(project: ProjectModel, finding: Finding, builds: readonly GoBuild[]): Finding {
	const related = withRelated(
		finding.related,
		builds.map((build) => {
			const via = viaOf(build)!;
			return { file: via.file, span: via.span, message: `the go command this line runs: ${via.chain.map((c) => c.description).join(' → ')}` };
		}),
	);
	// Edits inside the calling line would rewrite `make build` itself; only an env prefix in front of it is right.
	const callerOf = (edit: TextEdit) => builds.find((b) => b.file === edit.file && overlaps(edit.span, viaOf(b)!.callerSpan));
	const fixes = finding.fixes.filter((fix) =>
		fix.edits.every((edit) => {
			const caller = callerOf(edit);
			if (!caller) return true;
			const span = viaOf(caller)!.callerSpan;
			return edit.span.start === span.start && edit.span.end === span.start && /^[A-Za-z_]\w*=\S* $/.test(edit.newText);
		}),
	);
	return { ...finding, related, fixes: fixes.map((fix) => retitledForCaller(project, fix, callerOf)) };
}

/** `… (inline before "go build")` says where the edit goes: with the prefix put before `make build`, say that. */
function retitledForCaller(project: ProjectModel, fix: Fix, callerOf: (edit: TextEdit) => GoBuild | undefined): Fix {
	const caller = fix.edits.map(callerOf).find((b) => b !== undefined);
	const text = caller && buildText(project, caller);
	if (!caller || text === undefined || !/ \(inline before "[^"]*"\)$/.test(fix.title)) return fix;
	const span = viaOf(caller)!.callerSpan;
	const words = text.slice(span.start, span.end).split(/\s+/).slice(0, 2).join(' ');
	return { ...fix, title: fix.title.replace(/ \(inline before "[^"]*"\)$/, ` (inline before "${words}")`) };
}

/**
 * The fix with `NAME=value` edits over YAML env pairs written as YAML; undefined (no fix) when such a pair's
 * value is computed (`${{ matrix.cgo }}`, `$OTHER`): a literal there would change every matrix combination
 * or drop the variable it comes from, not just the value that was found.
 */
interface EnvPair {
	readonly file: string;
	readonly span: Span;
	readonly name: string;
	readonly text: string | undefined;
}

/**
 * The env pairs by file and span, the first of each place kept. A pair is listed once per job that inherits it
 * (GitLab `extends:`), so a scan per fix edit grew with jobs × findings: a 40 KB .gitlab-ci.yml of 500 jobs
 * each extending the one before took 23 s.
 */
function pairsByPlace(pairs: readonly EnvPair[]): ReadonlyMap<string, EnvPair> {
	const byPlace = new Map<string, EnvPair>();
	for (const pair of pairs) {
		const key = placeKey(pair.file, pair.span);
		if (!byPlace.has(key)) byPlace.set(key, pair);
	}
	return byPlace;
}

function placeKey(file: string, span: Span): string {
	return `${span.start}:${span.end}:${file}`;
}

function yamlEnvFix(fix: Fix, pairs: ReadonlyMap<string, EnvPair>): Fix | undefined {
	let changed = false;
	let computed = false;
	const edits = fix.edits.map((edit) => {
		const pair = pairs.get(placeKey(edit.file, edit.span));
		const assignment = /^([A-Za-z_]\w*)=(.*)$/s.exec(edit.newText);
		if (!pair || !assignment || assignment[1] !== pair.name) return edit;
		changed = true;
		const quoted = `"${assignment[2].replace(/["\\]/g, '\\$&')}"`;
		// GitLab's expanded form `NAME: { value: "1", description: … }` (block or flow): only the value changes,
		// rewriting the whole pair would drop the description and options.
		const value = pair.text === undefined ? undefined : expandedValueSpan(pair.text, pair.span, pair.name);
		const written = pair.text?.slice(value?.start ?? pair.span.start + pair.name.length, value?.end ?? pair.span.end) ?? '';
		if (written.includes('$')) computed = true;
		if (value) return { file: edit.file, span: value, newText: quoted };
		return { ...edit, newText: `${pair.name}: ${quoted}` };
	});
	return computed ? undefined : changed ? { ...fix, edits } : fix;
}

/**
 * The span of the `value:` scalar when the pair at `span` is `NAME:` followed by a mapping (GitLab's expanded
 * variable form), undefined for `NAME: value`. Reads the mapping's own keys only: quoted strings and comments
 * are skipped, and in the block form only keys at the mapping's first indentation count.
 */
function expandedValueSpan(text: string, span: Span, name: string): Span | undefined {
	const head = new RegExp(`^${name}[ \\t]*:[ \\t]*`).exec(text.slice(span.start, span.end));
	if (!head) return undefined;
	let i = span.start + head[0].length;
	const flow = text[i] === '{';
	if (!flow && !/^(#.*)?\r?\n/.test(text.slice(i, span.end))) return undefined;
	let depth = 0;
	let keyIndent: number | undefined;
	let keyStart = flow; // at a place where a key of the mapping can start
	while (i < span.end) {
		const c = text[i];
		if (c === '"' || c === "'") {
			i = quotedEnd(text, i, span.end);
			keyStart = false;
		} else if (c === '#' && /\s/.test(text[i - 1] ?? ' ')) {
			while (i < span.end && text[i] !== '\n') i++;
		} else if (c === '\n' && !flow) {
			i++;
			const indent = /^[ \t]*/.exec(text.slice(i, span.end))![0].length;
			keyIndent ??= indent;
			keyStart = indent === keyIndent;
			i += indent;
		} else if (flow && (c === '{' || c === '[' || c === ',' || c === '}' || c === ']')) {
			depth += c === '{' || c === '[' ? 1 : c === ',' ? 0 : -1;
			keyStart = depth === 1 && c !== ']' && c !== '}';
			i++;
		} else if (c === ' ' || c === '\t' || c === '\r' || c === '\n') {
			i++;
		} else {
			const key = /^value[ \t]*:[ \t]*/.exec(text.slice(i, span.end));
			if (keyStart && key) return scalarSpan(text, i + key[0].length, span.end, flow);
			keyStart = false;
			i++;
		}
	}
	return undefined;
}

/** The end of the quoted scalar starting at `start` (`\"` escapes in double quotes, `''` in single quotes). */
function quotedEnd(text: string, start: number, limit: number): number {
	const quote = text[start];
	let i = start + 1;
	while (i < limit) {
		if (quote === '"' && text[i] === '\\') i += 2;
		else if (text[i] === quote && quote === "'" && text[i + 1] === "'") i += 2;
		else if (text[i] === quote) return i + 1;
		else i++;
	}
	return limit;
}

/** The scalar at `start`: quoted, or plain up to a comment, the line end (or `,`/`}` in flow style). */
function scalarSpan(text: string, start: number, limit: number, flow: boolean): Span | undefined {
	if (text[start] === '"' || text[start] === "'") return { start, end: quotedEnd(text, start, limit) };
	let end = start;
	while (end < limit && text[end] !== '\n' && text[end] !== '\r' && !(flow && /[,}\]]/.test(text[end])) && !(text[end] === '#' && /\s/.test(text[end - 1]))) end++;
	while (end > start && /[ \t]/.test(text[end - 1])) end--;
	return end > start ? { start, end } : undefined;
}

/**
 * The deliveries of the finding's own binary: a COPY glob over the artifacts of several jobs delivers several
 * binaries, and a finding about one of them points at its build (the `go build` line or its step). All of
 * them when the finding names no build.
 */
function ownDeliveries(finding: Finding, deliveries: readonly Delivery[]): readonly Delivery[] {
	if (deliveries.length < 2) return deliveries;
	const own = deliveries.filter((d) => finding.related.some((r) => r.file === d.build.file && (overlaps(r.span, d.build.span) || overlaps(r.span, d.build.instructionSpan))));
	return own.length > 0 ? own : deliveries;
}

/**
 * `related` with `items` appended, each once. By key, not by scanning: a COPY glob that takes the artifacts of
 * 800 jobs has thousands of links, and this runs for each of its findings.
 */
function withRelated(related: readonly RelatedInformation[], items: readonly RelatedInformation[]): RelatedInformation[] {
	const out = [...related];
	const key = (r: RelatedInformation) => `${r.span.start}:${r.span.end}:${r.file}\u0000${r.message}`;
	const seen = new Set(related.map(key));
	for (const item of items) {
		const k = key(item);
		if (seen.has(k)) continue;
		seen.add(k);
		out.push(item);
	}
	return out;
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
