import { parseGoMod } from '../../parse/gomod';
import type { Span } from '../../parse/span';
import type { YamlMap } from '../../parse/yaml';
import { basename, joinPath, resolveContainerPath } from '../paths';
import { resolveExpressions, type ExpressionScope } from './expressions';
import type { CiBuildContext } from './job-builder';
import type { ArtifactDownload, ArtifactUpload, DockerBuildInvocation, GoSetup } from './types';
import { getMap, getString, isTrue } from './yaml-util';

/** `echo "NAME=value" >> $GITHUB_ENV` (and `>> "${GITHUB_ENV}"`). */
export const GITHUB_ENV_LINE = /echo\s+["']?([A-Za-z_]\w*)=([^"'\n>]*?)["']?\s*>>\s*["']?\$\{?GITHUB_ENV\}?["']?/g;

/**
 * `actions/setup-go`: `go-version` when it names a release (`1.22`, `1.22.x`, `1.22.5`), or the version a
 * `go-version-file` asks for (go.mod/go.work `toolchain`, else `go`; `.go-version`; `.tool-versions`). With a
 * version file the toolchain matches the module, so no version mismatch is possible.
 */
export function setupGoOf(steps: readonly YamlMap[], file: string, root: string, context: CiBuildContext, scope: ExpressionScope): { setup: GoSetup; version: string | undefined; note: string } | undefined {
	const step = steps.find((s) => /^actions\/setup-go@/i.test(getString(s, 'uses') ?? ''));
	if (!step) return undefined;
	const withMap = getMap(step, 'with');
	const written = getString(withMap, 'go-version');
	const versionFileName = getString(withMap, 'go-version-file');
	const checkLatest = isTrue(withMap?.entries.find((e) => e.key.value === 'check-latest')?.value);
	const resolved = written === undefined ? undefined : resolveExpressions(written, scope);
	let version = resolved === undefined ? undefined : normaliseGoVersion(resolved);
	let versionFile: string | undefined;
	let note: string;
	if (versionFileName !== undefined && written === undefined) {
		const name = resolveExpressions(versionFileName, scope);
		versionFile = name === undefined ? undefined : resolveContainerPath(root, name);
		const fileText = versionFile === undefined ? undefined : context.fs.readFile(versionFile);
		version = fileText === undefined || versionFile === undefined ? undefined : versionFromFile(basename(versionFile), fileText);
		note = `Go ${version ?? '(version from file)'} from actions/setup-go go-version-file: ${versionFileName}`;
	} else {
		note = version ? `Go ${version} from actions/setup-go go-version: ${written}` : `actions/setup-go go-version: ${written ?? '(none)'} is not a fixed release`;
	}
	return { setup: { file, span: step.span, version, versionFile, checkLatest }, version, note };
}

function normaliseGoVersion(value: string): string | undefined {
	const v = value.trim().replace(/^go/, '');
	const m = /^(\d+\.\d+)(?:\.x)?$/.exec(v) ?? /^(\d+\.\d+\.\d+)$/.exec(v);
	return m?.[1];
}

function versionFromFile(name: string, text: string): string | undefined {
	if (name === 'go.mod' || name === 'go.work') {
		// The same parser as the module model, so indentation, comments and `toolchain default` read alike.
		const file = parseGoMod(text, name);
		const toolchain = /^go(\d.*)$/.exec(file.toolchain?.name.value ?? '')?.[1];
		return toolchain ?? file.go?.version.value;
	}
	if (name === '.tool-versions') return /^(?:golang|go)\s+(\S+)/m.exec(text)?.[1];
	return normaliseGoVersion(text.trim()) ?? (text.trim() || undefined);
}

/** `actions/upload-artifact` `name:` and `path:` (one path or glob per line, relative to the workspace). */
export function uploadOf(withMap: YamlMap | undefined, file: string, span: Span, root: string, scope: ExpressionScope): ArtifactUpload {
	const name = resolveExpressions(getString(withMap, 'name') ?? 'artifact', scope);
	const paths = (getString(withMap, 'path') ?? '')
		.split('\n')
		.map((p) => p.trim())
		.filter((p) => p !== '' && !p.startsWith('!'))
		.map((p) => resolveExpressions(p, scope))
		.filter((p): p is string => p !== undefined)
		.map((p) => resolveContainerPath(root, p.replace(/^~\//, '/home/runner/')) + (p.endsWith('/') ? '/' : ''));
	return { file, span, name, paths };
}

/**
 * `actions/download-artifact`: by `name` the files land directly in `path`; without a name (all artifacts,
 * or those matching `pattern`) each lands in `path/<artifact name>/` unless `merge-multiple: true`.
 */
export function downloadOf(withMap: YamlMap | undefined, file: string, span: Span, root: string, scope: ExpressionScope): ArtifactDownload {
	const nameText = getString(withMap, 'name');
	const name = nameText === undefined ? undefined : resolveExpressions(nameText, scope);
	const patternText = getString(withMap, 'pattern');
	const pattern = patternText === undefined ? undefined : resolveExpressions(patternText, scope);
	const path = resolveContainerPath(root, resolveExpressions(getString(withMap, 'path') ?? '.', scope) ?? '.');
	const merge = isTrue(withMap?.entries.find((e) => e.key.value === 'merge-multiple')?.value);
	return { file, span, name, pattern, path, flat: nameText !== undefined || merge, unresolved: (nameText !== undefined && name === undefined) || (patternText !== undefined && pattern === undefined) };
}

/**
 * `docker/build-push-action`: `context:` is a path in the workspace; without it the action builds from the
 * Git context (the repository at the commit), where files built by earlier steps are absent.
 */
export function buildPushOf(withMap: YamlMap | undefined, file: string, span: Span, root: string, scope: ExpressionScope): DockerBuildInvocation | undefined {
	const contextText = getString(withMap, 'context');
	const context = contextText === undefined ? undefined : resolveExpressions(contextText, scope);
	const gitContext = contextText === undefined || (context !== undefined && /^[a-z]+:\/\/|^\{\{\s*defaultContext\s*\}\}/.test(context));
	const contextDir = gitContext || context === undefined ? undefined : resolveContainerPath(root, context);
	const fileText = getString(withMap, 'file');
	const dockerfileName = fileText === undefined ? undefined : resolveExpressions(fileText, scope);
	if (fileText !== undefined && dockerfileName === undefined) return undefined;
	const dockerfile = dockerfileName !== undefined ? resolveContainerPath(root, dockerfileName) : joinPath(contextDir ?? root, 'Dockerfile');
	const platforms = (resolveExpressions(getString(withMap, 'platforms') ?? '', scope) ?? '').split(/[,\n]/).map((p) => p.trim()).filter(Boolean);
	return { file, span, dockerfile, contextDir, platforms, gitContext, description: 'docker/build-push-action' };
}
