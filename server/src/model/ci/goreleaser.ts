import type { Span } from '../../parse/span';
import type { EnvVar } from '../env';
import { recognizeGoCommand } from '../go-command';
import { basename, joinPath, resolveContainerPath } from '../paths';
import { readGoreleaserConfig, GORELEASER_DEFAULTS, type GoreleaserBuild, type GoreleaserConfig, type Written } from './goreleaser-config';
import type { GoreleaserCall, JobBuilder } from './job-builder';
import { parseMappedShell } from './mapped-shell';
import { MappedTextBuilder, type MappedText } from './mapped-text';
import type { ShellCommand } from '../../parse/shell';
import type { ProducedFile } from './types';

/** GoReleaser's config file names, in the order it looks for them. */
export const GORELEASER_NAMES = ['.goreleaser.yml', '.goreleaser.yaml', 'goreleaser.yml', 'goreleaser.yaml'];

interface Target {
	readonly goos: string;
	readonly goarch: string;
	readonly goarm: string | undefined;
	/** Where the target was written (a goos/goarch item), or the build item for defaults. */
	readonly goosSpan: Span;
	readonly goarchSpan: Span;
}

/** The GoReleaser config a call reads (`--config`, else the first default name in its directory). */
export function goreleaserConfigPath(call: Pick<GoreleaserCall, 'cwd' | 'config'>, readFile: (path: string) => string | undefined): string | undefined {
	if (call.config) return resolveContainerPath(call.cwd, call.config);
	return GORELEASER_NAMES.map((n) => joinPath(call.cwd, n)).find((p) => readFile(p) !== undefined);
}

/**
 * Runs a GoReleaser config in a job: every build × target becomes a `GoBuild` on the job's host, its env
 * the job's env, then the config's top-level `env`, the build's `env`, matching `overrides`, and GOOS/GOARCH
 * of the target. With no CGO_ENABLED anywhere, cgo stays on for the runner's own target (SCENARIOS 5).
 * `dockers:` become image builds whose context is "a new temporary build context with the artifacts you can
 * use in its root" (goreleaser.com/errors/docker-build): `COPY app /app` receives the build's binary.
 * `dockers_v2` (alpha since v2.12) is read with its binaries under `<os>/<arch>/`, as an assumption.
 */
export function runGoreleaser(call: GoreleaserCall, job: JobBuilder, options: { stepSpan: Span; label: string }): void {
	const fs = job.context.fs;
	const path = goreleaserConfigPath(call, (p) => fs.readFile(p));
	const text = path === undefined ? undefined : fs.readFile(path);
	if (path === undefined || text === undefined) {
		job.opaque.push({ file: job.file, span: call.span, description: `GoReleaser runs here, but no ${call.config ?? `GoReleaser config (${GORELEASER_NAMES.join(', ')})`} was found in ${call.cwd}, so its builds are not known` });
		return;
	}
	job.inputs.add(path);
	job.sources.set(path, text);
	const config = readGoreleaserConfig(path, text, job.context.parsers);
	if (config.unparsed) {
		job.opaque.push({ file: job.file, span: call.span, description: `${config.unparsed} in ${path}, so the builds of this GoReleaser run are not known` });
		return;
	}
	const produced = new Map<string, ProducedFile[]>();
	for (const build of config.builds) {
		if (build.skip || build.builder !== 'go') continue;
		for (const target of targetsOf(build, call, job)) {
			const site = siteFor(config, build, target, call, job, options.label);
			if (!site) continue;
			const key = build.id;
			const list = produced.get(key) ?? [];
			list.push({ path: basename(build.binary ?? 'app') + (target.goos === 'windows' ? '.exe' : ''), build: site, platform: `${target.goos}/${target.goarch}`, trace: [], certain: build.binary !== undefined && !build.binary.includes('{{') });
			produced.set(key, list);
		}
	}
	for (const docker of config.dockers) {
		const files: ProducedFile[] = [];
		for (const [id, list] of produced) {
			if (docker.ids.length > 0 && !docker.ids.includes(id)) continue;
			for (const file of list) {
				if (!docker.platforms.includes(file.platform ?? '')) continue;
				const contextPath = docker.version === 2 ? `${file.platform}/${file.path}` : file.path;
				const message = `GoReleaser puts the binary of build "${id}" (${file.platform}) into the image build context as "${contextPath}"`;
				files.push({ ...file, path: contextPath, certain: file.certain && docker.version === 1, trace: [{ file: path, span: docker.anchor, message }] });
			}
		}
		job.addInvocation({
			file: path,
			span: docker.anchor,
			dockerfile: resolveContainerPath(call.cwd, docker.dockerfile),
			contextDir: undefined,
			platforms: docker.platforms,
			gitContext: false,
			description: `GoReleaser ${docker.version === 2 ? 'dockers_v2' : 'dockers'}`,
			providedFiles: files,
		});
	}
}

function targetsOf(build: GoreleaserBuild, call: GoreleaserCall, job: JobBuilder): Target[] {
	const at = build.anchor;
	if (call.singleTarget) {
		const goos = call.env.get('GOOS')?.value ?? 'linux';
		const goarch = call.env.get('GOARCH')?.value ?? job.ciHost.hostArch ?? 'amd64';
		return [{ goos, goarch, goarm: undefined, goosSpan: call.span, goarchSpan: call.span }];
	}
	if (build.targets.length > 0) {
		return build.targets.flatMap((t) => {
			const [goos, goarch, variant] = t.value.split('_');
			return goos && goarch ? [{ goos, goarch, goarm: goarch === 'arm' ? variant : undefined, goosSpan: t.span, goarchSpan: t.span }] : [];
		});
	}
	const list = (written: readonly Written[], defaults: readonly string[]) => (written.length > 0 ? written.map((w) => ({ value: w.value, span: w.span })) : defaults.map((value) => ({ value, span: at })));
	const out: Target[] = [];
	for (const os of list(build.goos, GORELEASER_DEFAULTS.goos)) {
		for (const arch of list(build.goarch, GORELEASER_DEFAULTS.goarch)) {
			if (os.value.includes('{{') || arch.value.includes('{{') || (os.value === 'darwin' && (arch.value === '386' || arch.value === 'arm'))) continue;
			const goarms = arch.value === 'arm' ? list(build.goarm, [GORELEASER_DEFAULTS.goarm]).map((a) => a.value) : [undefined];
			for (const goarm of goarms) {
				const ignored = build.ignore.some((ig) => (ig.goos ?? os.value) === os.value && (ig.goarch ?? arch.value) === arch.value && (ig.goarm === undefined || ig.goarm === goarm));
				if (!ignored) out.push({ goos: os.value, goarch: arch.value, goarm, goosSpan: os.span, goarchSpan: arch.span });
			}
		}
	}
	return out;
}

function siteFor(config: GoreleaserConfig, build: GoreleaserBuild, target: Target, call: GoreleaserCall, job: JobBuilder, label: string) {
	const overrides = build.overrides.filter((o) => Object.entries(o.when).every(([k, v]) => (k === 'goos' ? target.goos : k === 'goarch' ? target.goarch : k === 'goarm' ? target.goarm : undefined) === v || k === 'goamd64'));
	const env = new Map<string, EnvVar>(call.env);
	for (const v of [...config.env, ...build.env, ...overrides.flatMap((o) => o.env)]) env.set(v.name, v);
	env.set('GOOS', { name: 'GOOS', value: target.goos, origin: 'ci', file: config.path, span: target.goosSpan });
	env.set('GOARCH', { name: 'GOARCH', value: target.goarch, origin: 'ci', file: config.path, span: target.goarchSpan });
	if (target.goarm) env.set('GOARM', { name: 'GOARM', value: target.goarm, origin: 'ci', file: config.path, span: target.goarchSpan });
	const last = <T>(pick: (o: (typeof overrides)[number]) => T | undefined, fallback: T) => overrides.map(pick).filter((x) => x !== undefined).pop() ?? fallback;
	const flags = last((o) => o.flags, build.flags);
	const ldflags = last((o) => o.ldflags, build.ldflags);
	const tags = last((o) => o.tags, build.tags);
	const dist = distDir(build, target);
	// The output path differs per target; it is kept out of the command so one parse serves every target.
	const command = synthesize(config.text, build, { flags, ldflags, tags });
	const shellCommand = parsedCommand(job, command);
	const go = shellCommand ? recognizeGoCommand(shellCommand, env) : undefined;
	if (!go) return undefined;
	const workdir = resolveContainerPath(call.cwd, build.dir);
	const module = job.context.moduleFor(workdir);
	const outputPath = build.binary && !build.binary.includes('{{') ? resolveContainerPath(call.cwd, `${dist}/${build.binary}`) : undefined;
	const host = { ...job.ciHost.host, label: `${label} (GoReleaser build "${build.id}" for ${target.goos}/${target.goarch}${target.goarm ? `v${target.goarm}` : ''})` };
	job.synthetic.push({ file: config.path, span: build.anchor });
	return job.addSite({ file: config.path, span: go.span, instructionSpan: build.anchor, command: go, env, workdir, outputPath }, module, host);
}

/** Targets of one build share most of their go command: each distinct text is parsed once. */
const commandParses = new WeakMap<JobBuilder, Map<string, ShellCommand | undefined>>();

function parsedCommand(job: JobBuilder, mapped: MappedText): ShellCommand | undefined {
	let cache = commandParses.get(job);
	if (!cache) commandParses.set(job, (cache = new Map()));
	const key = `${mapped.text}\u0000${mapped.starts.join(',')}`;
	if (!cache.has(key)) cache.set(key, parseMappedShell(job.context.parsers, mapped, {}).commands[0]);
	return cache.get(key);
}

/** GoReleaser's per-target dist folder (`dist/<id>_<goos>_<goarch>[_v1|_<goarm>|_v8.0]`). */
function distDir(build: GoreleaserBuild, target: Target): string {
	const variant = target.goarch === 'amd64' ? '_v1' : target.goarch === 'arm' ? `_${target.goarm ?? GORELEASER_DEFAULTS.goarm}` : target.goarch === 'arm64' ? '_v8.0' : '';
	return `dist/${build.id}_${target.goos}_${target.goarch}${variant}`;
}

/**
 * The `go build` GoReleaser runs (without its per-target `-o`), as shell text mapped onto the config: each
 * flag maps to its list item, the ldflags to their items, `go build` to the build item's first line.
 */
function synthesize(text: string, build: GoreleaserBuild, parts: { flags: readonly Written[]; ldflags: readonly Written[] | undefined; tags: readonly Written[] }) {
	const b = new MappedTextBuilder(build.anchor.start);
	b.replace('go build', build.anchor);
	for (const flag of parts.flags) {
		b.glue(' ');
		quoted(b, text, [flag], flag.span);
	}
	// Without `ldflags:` GoReleaser uses its default (`-s -w -X main.version=…`); it is not written anywhere,
	// so it is not modelled (nothing in it changes cgo or linkage).
	if (parts.ldflags !== undefined && parts.ldflags.length > 0) {
		b.glue(' ').replace('-ldflags=', build.ldflagsKey ?? parts.ldflags[0].span);
		quoted(b, text, parts.ldflags, parts.ldflags[0].span, ' ');
	}
	if (parts.tags.length > 0) {
		b.glue(' ').replace('-tags=', parts.tags[0].span);
		quoted(b, text, parts.tags, parts.tags[0].span, ',');
	}
	if (build.buildmode) b.glue(' ').replace('-buildmode=', build.buildmode.span).value(text, build.buildmode.value, build.buildmode.span);
	b.glue(' ');
	if (build.main) quoted(b, text, [build.main], build.main.span);
	else b.replace('.', build.anchor);
	return b.build();
}

/** Values as one shell word: single-quoted, each value mapped to where it is written. */
function quoted(b: MappedTextBuilder, text: string, values: readonly Written[], span: Span, separator = ''): void {
	if (values.some((v) => v.value.includes("'"))) {
		b.replace(`'${values.map((v) => v.value).join(separator).replace(/'/g, "'\\''")}'`, span);
		return;
	}
	b.replace("'", span);
	values.forEach((v, i) => {
		if (i > 0) b.replace(separator, v.span);
		b.value(text, v.value, v.span);
	});
	b.replace("'", values[values.length - 1]?.span ?? span);
}
