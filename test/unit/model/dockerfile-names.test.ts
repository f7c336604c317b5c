import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isDockerfileName } from '../../../server/src/model/build-project';
import { memoryFileSystem } from '../../../server/src/model/file-system';
import { projectFilesUnder } from '../../../server/src/rules/discover';

describe('Dockerfile names', () => {
	it('takes the names package.json gives the dockerfile language', () => {
		for (const name of ['Dockerfile', 'Dockerfile.prod', 'api.Dockerfile', 'api.dockerfile', 'Containerfile', 'Containerfile.dev', 'deploy/Dockerfile']) {
			assert.equal(isDockerfileName(name), true, name);
		}
	});

	it('leaves out ignore files and look-alikes: Dockerfile.dockerignore is BuildKit\'s ignore file for that Dockerfile', () => {
		for (const name of ['Dockerfile.dockerignore', 'api.Dockerfile.dockerignore', '.dockerignore', 'Dockerfiles', 'my-Dockerfile', 'docker-compose.yml']) {
			assert.equal(isDockerfileName(name), false, name);
		}
	});

	it('the CLI does not analyse Dockerfile.dockerignore as a Dockerfile', () => {
		const fs = memoryFileSystem({ '/w/Dockerfile': 'FROM scratch\n', '/w/Dockerfile.dockerignore': '**/*.md\n', '/w/go.mod': 'module x\n\ngo 1.22\n' });
		assert.deepEqual(projectFilesUnder(fs, '/w'), ['/w/Dockerfile', '/w/go.mod']);
	});
});
