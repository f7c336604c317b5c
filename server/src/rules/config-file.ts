import type { FileSystemView } from '../model/file-system';
import { dirname, joinPath } from '../model/paths';
import type { Parsers } from '../parse/tree-sitter';
import { parseYaml, type YamlValue } from '../parse/yaml';
import { isConfiguredSeverity, type ShipcheckConfig, type UserImageFacts } from './config';
import type { ConfiguredSeverity } from './types';

export const CONFIG_FILE_NAMES = ['.shipcheck.yaml', '.shipcheck.yml'];

export interface LoadedConfig {
	readonly path: string | undefined;
	readonly config: Partial<ShipcheckConfig>;
	readonly errors: readonly string[];
}

/** Finds `.shipcheck.yaml` in the directory of `fromPath` or a parent, stopping at a repository root. */
export function findConfigFile(fs: FileSystemView, fromPath: string): string | undefined {
	let dir = dirname(fromPath);
	for (let level = 0; level < 32; level++) {
		const entries = fs.listDir(dir);
		const name = CONFIG_FILE_NAMES.find((n) => entries.includes(n));
		if (name) return joinPath(dir, name);
		if (entries.includes('.git/') || entries.includes('.git')) return undefined;
		const parent = dirname(dir);
		if (parent === dir) return undefined;
		dir = parent;
	}
	return undefined;
}

export function loadConfigFile(fs: FileSystemView, parsers: Parsers, path: string | undefined): LoadedConfig {
	if (!path) return { path, config: {}, errors: [] };
	const text = fs.readFile(path);
	if (text === undefined) return { path, config: {}, errors: [`cannot read ${path}`] };
	return { path, ...parseConfigText(parsers, text) };
}

/** `rules: {id: severity}`, `ignore: [globs]` (or `ignorePaths`), `images: {ref: {libc, version}}`. */
export function parseConfigText(parsers: Parsers, text: string): { config: Partial<ShipcheckConfig>; errors: string[] } {
	const document = parseYaml(parsers, text);
	if (document.unparsed) return { config: {}, errors: [`${document.unparsed.reason}: the configuration is not read`] };
	const errors = document.errors.map((e) => `YAML syntax error at offset ${e.span.start}`);
	const root = document.value;
	if (!root) return { config: {}, errors };
	if (root.kind !== 'map') return { config: {}, errors: [...errors, 'the configuration must be a mapping'] };
	const config: { rules?: Record<string, ConfiguredSeverity>; ignorePaths?: string[]; images?: Record<string, UserImageFacts> } = {};
	for (const entry of root.entries) {
		const key = entry.key.value;
		if (key === 'rules') config.rules = readRules(entry.value, errors);
		else if (key === 'ignore' || key === 'ignorePaths') config.ignorePaths = readStrings(entry.value, key, errors);
		else if (key === 'images') config.images = readImages(entry.value, errors);
		else errors.push(`unknown key "${key}" (expected rules, ignore, images)`);
	}
	return { config, errors };
}

function readRules(value: YamlValue | undefined, errors: string[]): Record<string, ConfiguredSeverity> {
	const rules: Record<string, ConfiguredSeverity> = {};
	if (value?.kind !== 'map') {
		errors.push('"rules" must map rule ids to severities');
		return rules;
	}
	for (const entry of value.entries) {
		const severity = entry.value?.kind === 'scalar' ? entry.value.value : undefined;
		if (isConfiguredSeverity(severity)) rules[entry.key.value] = severity;
		else errors.push(`rule "${entry.key.value}": severity must be off, hint, info, warning or error`);
	}
	return rules;
}

function readStrings(value: YamlValue | undefined, key: string, errors: string[]): string[] {
	if (value?.kind === 'scalar') return [value.value];
	if (value?.kind !== 'seq') {
		errors.push(`"${key}" must be a list of path patterns`);
		return [];
	}
	return value.items.flatMap((i) => (i.kind === 'scalar' ? [i.value] : []));
}

function readImages(value: YamlValue | undefined, errors: string[]): Record<string, UserImageFacts> {
	const images: Record<string, UserImageFacts> = {};
	if (value?.kind !== 'map') {
		errors.push('"images" must map image references to { libc, version }');
		return images;
	}
	for (const entry of value.entries) {
		const facts = entry.value?.kind === 'map' ? entry.value : undefined;
		const libc = facts?.entries.find((e) => e.key.value === 'libc')?.value;
		const version = facts?.entries.find((e) => e.key.value === 'version')?.value;
		const family = libc?.kind === 'scalar' ? libc.value : undefined;
		if (family !== 'glibc' && family !== 'musl' && family !== 'none') {
			errors.push(`image "${entry.key.value}": libc must be glibc, musl or none`);
			continue;
		}
		images[entry.key.value] = version?.kind === 'scalar' ? { libc: family, version: version.value } : { libc: family };
	}
	return images;
}
