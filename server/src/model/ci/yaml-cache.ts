import { ParseCache } from '../../parse/parse-cache';
import type { Parsers } from '../../parse/tree-sitter';
import { parseYaml, type YamlDocument } from '../../parse/yaml';

/**
 * CI files are re-read on every analysis (an edit of go.mod or a Dockerfile re-runs the workflows): their
 * YAML is parsed once per text. Keyed by path too, because GitLab ties nodes to the file they came from.
 */
const yamlParses = new ParseCache<YamlDocument>(64, (doc) => !doc.unparsed?.parseStopped);

export function parseYamlCached(parsers: Parsers, path: string, text: string): YamlDocument {
	return yamlParses.get(`${path}\u0000${text}`, () => parseYaml(parsers, text));
}
