import type { DockerfileModel, ProjectModel, StageModel } from '../model/project';
import type { Span } from '../parse/span';
import { blankStartBefore } from './flag-edits';
import type { TextEdit } from './types';

/**
 * Every place a GODEBUG setting is written, with the Go version that reads it (FACTS §1.4, §1.5): the
 * environment variable (Dockerfile ENV/ARG, `GODEBUG=… go build`), go.mod `godebug` lines and `//go:debug`
 * lines of main packages.
 */
export interface GodebugEntry {
	readonly key: string;
	readonly value: string;
	/** `key=value`. */
	readonly span: Span;
	/** Deletes this entry (and its comma, or the whole line when it is the only one); undefined when not exact. */
	readonly removal: TextEdit | undefined;
}

export interface GodebugPlace {
	readonly kind: 'environment' | 'go.mod' | 'directive';
	readonly file: string;
	/** The Go version that reads it: the builder's for the environment, go.mod's go line otherwise. */
	readonly goVersion: string | undefined;
	/** For the environment: does a `go` command run with it (a build stage)? */
	readonly inBuildStage: boolean;
	readonly entries: readonly GodebugEntry[];
}

export function godebugPlaces(project: ProjectModel): GodebugPlace[] {
	const places: GodebugPlace[] = [];
	for (const dockerfile of project.dockerfiles) places.push(...dockerfilePlaces(project, dockerfile));
	for (const module of project.modules) {
		const entries = module.syntax.godebug.map((g) => ({ key: g.key.value, value: g.value.value, span: { start: g.key.span.start, end: g.value.span.end }, removal: { file: module.path, span: g.lineSpan, newText: '' } }));
		if (entries.length > 0) places.push({ kind: 'go.mod', file: module.path, goVersion: module.goVersion, inBuildStage: false, entries });
		for (const source of module.sourceFiles) {
			if (source.packageName !== 'main') continue; // elsewhere go vet reports the line as misplaced (FACTS §1.5)
			for (const d of source.debugDirectives) {
				const entry = { key: d.key, value: d.value, span: { start: d.keySpan.start, end: d.valueSpan.end }, removal: { file: source.path, span: d.lineSpan, newText: '' } };
				places.push({ kind: 'directive', file: source.path, goVersion: module.goVersion, inBuildStage: false, entries: [entry] });
			}
		}
	}
	return places;
}

function dockerfilePlaces(project: ProjectModel, dockerfile: DockerfileModel): GodebugPlace[] {
	const places: GodebugPlace[] = [];
	const text = dockerfile.text;
	for (const stage of dockerfile.stages) {
		const goVersion = stageGoVersion(project, stage);
		const inBuildStage = stage.builds.length > 0;
		for (const instruction of stage.syntax.instructions) {
			if (instruction.keyword !== 'ENV' && instruction.keyword !== 'ARG') continue;
			for (const p of instruction.properties) {
				if (p.name !== 'GODEBUG' || p.value === undefined || !p.valueSpan || p.value.includes('$')) continue;
				// One of several properties: it goes with the blanks before it, a line continuation included
				// (`ENV TZ=UTC \⏎    GODEBUG=…` must not keep a dangling `\` that would join the next line).
				const only = instruction.properties.length === 1 ? lineOf(text, instruction.span) : { start: blankStartBefore(text, p.span.start), end: p.span.end };
				const entries = splitEntries(dockerfile.path, text, p.valueSpan, p.value, only);
				places.push({ kind: 'environment', file: dockerfile.path, goVersion, inBuildStage, entries });
			}
		}
		for (const build of stage.builds) {
			const variable = build.env.get('GODEBUG');
			if (!variable?.span || variable.value === undefined || (variable.origin !== 'inline' && variable.origin !== 'export')) continue;
			const valueStart = variable.span.start + 'GODEBUG='.length;
			const whole = { start: variable.span.start, end: variable.span.end + (/^[ \t]+/.exec(text.slice(variable.span.end))?.[0].length ?? 0) };
			const entries = splitEntries(dockerfile.path, text, { start: valueStart, end: variable.span.end }, variable.value, variable.origin === 'inline' ? whole : undefined);
			places.push({ kind: 'environment', file: dockerfile.path, goVersion: build.host.image?.goVersion, inBuildStage: true, entries });
		}
	}
	return places;
}

/** The Go that reads GODEBUG in a stage: the builder's Go where builds run, else the Go of the binaries copied in. */
function stageGoVersion(project: ProjectModel, stage: StageModel): string | undefined {
	if (stage.builds.length > 0) return stage.image?.goVersion;
	const delivered = new Set(project.deliveries.filter((d) => d.stage === stage).map((d) => d.build.host.image?.goVersion));
	return delivered.size === 1 ? [...delivered][0] : delivered.size === 0 ? stage.image?.goVersion : undefined;
}

/** `a=1,b=2` at `span` (quotes allowed around it) → entries with their own spans. */
function splitEntries(file: string, text: string, span: Span, value: string, whole: Span | undefined): GodebugEntry[] {
	const raw = text.slice(span.start, span.end);
	const offset = raw === value ? span.start : raw.length === value.length + 2 && raw.slice(1, -1) === value ? span.start + 1 : undefined;
	const parts: { text: string; start: number }[] = [];
	let start = 0;
	for (const piece of value.split(',')) {
		parts.push({ text: piece, start });
		start += piece.length + 1;
	}
	return parts.flatMap((part, i) => {
		const eq = part.text.indexOf('=');
		if (part.text.trim() === '' || eq < 0) return [];
		const at = (offset ?? span.start) + part.start;
		const entrySpan = offset === undefined ? span : { start: at, end: at + part.text.length };
		let removal: TextEdit | undefined;
		if (offset !== undefined && parts.length > 1) {
			removal = { file, span: i < parts.length - 1 ? { start: at, end: at + part.text.length + 1 } : { start: at - 1, end: at + part.text.length }, newText: '' };
		} else if (offset !== undefined && whole) {
			removal = { file, span: whole, newText: '' };
		}
		return [{ key: part.text.slice(0, eq).trim(), value: part.text.slice(eq + 1), span: entrySpan, removal }];
	});
}

/** An instruction's whole line(s), with the line break after it. */
function lineOf(text: string, span: Span): Span {
	const start = text.lastIndexOf('\n', span.start - 1) + 1;
	const end = text.indexOf('\n', span.end);
	return { start, end: end < 0 ? text.length : end + 1 };
}
