import { parseYamlCached } from './yaml-cache';
import type { Span } from '../../parse/span';
import { type YamlMap, type YamlScalar, type YamlValue } from '../../parse/yaml';
import type { Parsers } from '../../parse/tree-sitter';
import type { EnvVar } from '../env';
import { asMap, asScalar, asSeq, get, getString, isTrue, pairOf, scalarList } from './yaml-util';

/**
 * A `.goreleaser.yaml` as far as builds go: `builds[]` (env, goos/goarch/goarm, targets, ignore, flags,
 * ldflags, tags, buildmode, overrides), top-level `env`, `dockers[]` and `dockers_v2[]`. Defaults follow
 * GoReleaser's Go builder (`internal/builders/golang/build.go` `WithDefaults`, goreleaser/goreleaser):
 * goos linux/darwin/windows, goarch amd64/arm64/386, goarm 6, and ldflags
 * `-s -w -X main.version={{.Version}} -X main.commit={{.Commit}} -X main.date={{.Date}} -X main.builtBy=goreleaser`.
 */
export const GORELEASER_DEFAULTS = {
	goos: ['linux', 'darwin', 'windows'],
	goarch: ['amd64', 'arm64', '386'],
	goarm: '6',
	ldflags: '-s -w -X main.version={{.Version}} -X main.commit={{.Commit}} -X main.date={{.Date}} -X main.builtBy=goreleaser',
	source: 'https://github.com/goreleaser/goreleaser/blob/main/internal/builders/golang/build.go',
} as const;

/** A value written in the config (a list item or scalar) with its span. */
export interface Written {
	readonly value: string;
	readonly span: Span;
	readonly node: YamlScalar;
}

export interface GoreleaserBuild {
	readonly id: string;
	/** The first line of the `builds:` item (where the synthesized go command sits). */
	readonly anchor: Span;
	readonly span: Span;
	readonly dir: string;
	readonly main: Written | undefined;
	readonly binary: string | undefined;
	readonly env: readonly EnvVar[];
	readonly goos: readonly Written[];
	readonly goarch: readonly Written[];
	readonly goarm: readonly Written[];
	readonly targets: readonly Written[];
	readonly ignore: readonly Readonly<Record<string, string>>[];
	readonly flags: readonly Written[];
	readonly ldflags: readonly Written[] | undefined;
	readonly ldflagsKey: Span | undefined;
	readonly tags: readonly Written[];
	readonly buildmode: Written | undefined;
	readonly overrides: readonly GoreleaserOverride[];
	readonly skip: boolean;
	readonly builder: string;
}

export interface GoreleaserOverride {
	readonly when: Readonly<Record<string, string>>;
	readonly env: readonly EnvVar[];
	readonly flags: readonly Written[] | undefined;
	readonly ldflags: readonly Written[] | undefined;
	readonly tags: readonly Written[] | undefined;
}

export interface GoreleaserDocker {
	readonly version: 1 | 2;
	readonly span: Span;
	readonly anchor: Span;
	readonly ids: readonly string[];
	readonly dockerfile: string;
	/** v1: one target (`goos`/`goarch`, default linux/amd64); v2: `platforms` (default linux/amd64 and linux/arm64). */
	readonly platforms: readonly string[];
}

export interface GoreleaserConfig {
	readonly path: string;
	readonly text: string;
	readonly projectName: string | undefined;
	readonly env: readonly EnvVar[];
	readonly builds: readonly GoreleaserBuild[];
	readonly dockers: readonly GoreleaserDocker[];
	/** Why the file was not parsed (YAML parse budget, nesting limit); its builds are then not known. */
	readonly unparsed?: string | undefined;
}

export function readGoreleaserConfig(path: string, text: string, parsers: Parsers): GoreleaserConfig {
	const document = parseYamlCached(parsers, path, text);
	const root = asMap(document.value);
	const projectName = getString(root, 'project_name');
	const builds = (asSeq(get(root, 'builds'))?.items ?? []).map(asMap).filter((b): b is YamlMap => b !== undefined);
	const single = asMap(get(root, 'build'));
	if (single) builds.push(single); // GoReleaser v0 `build:` (single build)
	return {
		path,
		text,
		projectName,
		env: envItems(get(root, 'env'), path),
		builds: (builds.length > 0 ? builds : [undefined]).map((b, i) => readBuild(b, i, path, text, projectName, root)),
		dockers: [...readDockers(get(root, 'dockers'), 1, text), ...readDockers(get(root, 'dockers_v2'), 2, text)],
		unparsed: document.unparsed?.reason,
	};
}

function readBuild(build: YamlMap | undefined, index: number, path: string, text: string, projectName: string | undefined, root: YamlMap | undefined): GoreleaserBuild {
	const span = build?.span ?? pairOf(root, 'builds')?.span ?? { start: 0, end: 0 };
	const lineEnd = text.indexOf('\n', span.start);
	const anchor = { start: span.start, end: lineEnd < 0 || lineEnd > span.end ? span.end : lineEnd };
	const ldflagsPair = pairOf(build, 'ldflags');
	return {
		id: getString(build, 'id') ?? (index === 0 ? (projectName ?? 'default') : `build-${index}`),
		anchor,
		span,
		dir: getString(build, 'dir') ?? '.',
		main: written(get(build, 'main'))[0],
		binary: getString(build, 'binary') ?? projectName,
		env: envItems(get(build, 'env'), path),
		goos: written(get(build, 'goos')),
		goarch: written(get(build, 'goarch')),
		goarm: written(get(build, 'goarm')),
		targets: written(get(build, 'targets')),
		ignore: selectors(get(build, 'ignore')),
		flags: written(get(build, 'flags')),
		ldflags: ldflagsPair ? written(ldflagsPair.value) : undefined,
		ldflagsKey: ldflagsPair?.key.span,
		tags: written(get(build, 'tags')),
		buildmode: written(get(build, 'buildmode'))[0],
		overrides: (asSeq(get(build, 'overrides'))?.items ?? []).map(asMap).filter((o): o is YamlMap => o !== undefined).map((o) => ({
			when: selector(o),
			env: envItems(get(o, 'env'), path),
			flags: pairOf(o, 'flags') ? written(get(o, 'flags')) : undefined,
			ldflags: pairOf(o, 'ldflags') ? written(get(o, 'ldflags')) : undefined,
			tags: pairOf(o, 'tags') ? written(get(o, 'tags')) : undefined,
		})),
		skip: isTrue(get(build, 'skip')),
		builder: getString(build, 'builder') ?? 'go',
	};
}

function readDockers(value: YamlValue | undefined, version: 1 | 2, text: string): GoreleaserDocker[] {
	return (asSeq(value)?.items ?? []).map(asMap).filter((d): d is YamlMap => d !== undefined).map((d) => {
		const lineEnd = text.indexOf('\n', d.span.start);
		const goos = getString(d, 'goos') ?? 'linux';
		const goarch = getString(d, 'goarch') ?? 'amd64';
		const platforms = version === 2 ? scalarList(get(d, 'platforms')).map((p) => p.value) : [`${goos}/${goarch}`];
		return {
			version,
			span: d.span,
			anchor: { start: d.span.start, end: lineEnd < 0 || lineEnd > d.span.end ? d.span.end : lineEnd },
			ids: scalarList(get(d, 'ids')).map((i) => i.value),
			dockerfile: getString(d, 'dockerfile') ?? 'Dockerfile',
			platforms: platforms.length > 0 ? platforms : ['linux/amd64', 'linux/arm64'],
		};
	});
}

/** A scalar or list of scalars; a list of strings is also accepted where GoReleaser takes one string. */
function written(value: YamlValue | undefined): Written[] {
	return scalarList(value).map((node) => ({ value: node.value, span: node.span, node }));
}

/** `env: [CGO_ENABLED=0, 'CC={{ … }}']`: templated values are not known. */
function envItems(value: YamlValue | undefined, file: string): EnvVar[] {
	const out: EnvVar[] = [];
	for (const item of scalarList(value)) {
		const eq = item.value.indexOf('=');
		if (eq <= 0 || item.value.slice(0, eq).includes('{{')) continue;
		const raw = item.value.slice(eq + 1);
		out.push({ name: item.value.slice(0, eq), value: raw.includes('{{') ? undefined : raw, origin: 'ci', file, span: item.span });
	}
	return out;
}

function selectors(value: YamlValue | undefined): Record<string, string>[] {
	return (asSeq(value)?.items ?? []).map(asMap).filter((m): m is YamlMap => m !== undefined).map(selector);
}

function selector(map: YamlMap): Record<string, string> {
	const out: Record<string, string> = {};
	for (const key of ['goos', 'goarch', 'goarm', 'goamd64']) {
		const v = asScalar(get(map, key))?.value;
		if (v !== undefined) out[key] = v;
	}
	return out;
}
