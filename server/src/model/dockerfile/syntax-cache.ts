import { parseDockerfile, type DockerfileSyntax } from '../../parse/dockerfile';
import { ParseCache } from '../../parse/parse-cache';

const dockerfileParses = new ParseCache<DockerfileSyntax>(64);

/** The syntax of a Dockerfile text, parsed once per text for the model and for everything that follows its RUNs. */
export function dockerfileSyntax(text: string): DockerfileSyntax {
	return dockerfileParses.get(text, parseDockerfile);
}
