import { commandBasename, unwrapCommand, type ShellCommand, type ShellWord } from '../../parse/shell';
import type { Span } from '../../parse/span';

/** `docker build -f build/Dockerfile --platform linux/amd64,linux/arm64 .`, as written in a CI step. */
export interface DockerBuildCommand {
	readonly span: Span;
	/** `-f`/`--file` as written (relative to the working directory); undefined = `<context>/Dockerfile`. */
	readonly dockerfile: string | undefined;
	/** The context argument; undefined when dynamic. `-` (stdin) and URLs are returned as written. */
	readonly context: string | undefined;
	readonly platforms: readonly string[];
	readonly text: string;
}

/** Options of `docker build` / `buildx build` / `podman build` that take no value. */
const BOOLEAN_OPTIONS = new Set([
	'--push', '--load', '--pull', '--no-cache', '-q', '--quiet', '--rm', '--force-rm', '--compress', '--squash', '--disable-content-trust',
	'--check', '--debug', '--no-cache-filter', '--layers', '--disable-compression', '--all-platforms', '--stdin',
]);

/**
 * Recognises an image build: `docker build`, `docker image build`, `docker buildx build` (and `b`),
 * `podman build`, `buildah bud`/`build`.
 */
export function recognizeDockerBuild(command: ShellCommand): DockerBuildCommand | undefined {
	if (command.kind !== 'simple') return undefined;
	const argv = unwrapCommand(command.words).argv;
	const tool = argv[0]?.value === undefined ? undefined : commandBasename(argv[0].value);
	let i = 1;
	if (tool === 'docker') {
		if (argv[i]?.value === 'image' || argv[i]?.value === 'buildx') i++;
		if (argv[i]?.value !== 'build' && !(argv[i - 1]?.value === 'buildx' && argv[i]?.value === 'b')) return undefined;
		i++;
	} else if (tool === 'podman') {
		if (argv[i]?.value === 'image') i++;
		if (argv[i]?.value !== 'build') return undefined;
		i++;
	} else if (tool === 'buildah') {
		if (argv[i]?.value !== 'bud' && argv[i]?.value !== 'build') return undefined;
		i++;
	} else {
		return undefined;
	}
	let dockerfile: string | undefined;
	let context: string | undefined;
	let contextSeen = false;
	const platforms: string[] = [];
	for (; i < argv.length; i++) {
		const word = argv[i];
		const text = word.text;
		if (!text.startsWith('-') || text === '-') {
			if (!contextSeen) context = word.value;
			contextSeen = true;
			continue;
		}
		const eq = text.indexOf('=');
		const name = eq > 0 ? text.slice(0, eq) : text;
		const inline = eq > 0 ? valueAfter(word, eq + 1) : undefined;
		const takesValue = !BOOLEAN_OPTIONS.has(name) && eq < 0;
		const value = takesValue ? argv[i + 1]?.value : inline;
		if (takesValue) i++;
		if (name === '-f' || name === '--file') dockerfile = value;
		else if (name === '--platform') platforms.push(...(value ?? '').split(',').map((p) => p.trim()).filter(Boolean));
	}
	return { span: command.span, dockerfile, context, platforms, text: command.words.map((w) => w.raw).join(' ') };
}

function valueAfter(word: ShellWord, from: number): string | undefined {
	return word.value === undefined ? undefined : word.value.slice(from);
}
