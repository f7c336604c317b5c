import type { DocumentSelector } from 'vscode-languageclient/node';

/**
 * The files the server analyses. Language ids are reused from the extensions that own them (VS Code's
 * built-in `dockerfile`, vscode-go's `go.mod`/`go.work`); CI YAML is matched by path only, so whatever
 * language the YAML or GitHub Actions extension assigns (`yaml`, `github-actions-workflow`) still works and
 * this extension never contributes a yaml language of its own. The path patterns repeat the Dockerfile and
 * go.mod names in case another extension claims those files under a different language id.
 */
export const documentSelector: DocumentSelector = [
	{ language: 'dockerfile' },
	{ language: 'go.mod' },
	{ language: 'go.work' },
	{ scheme: 'file', pattern: '**/{Dockerfile,Dockerfile.*,*.Dockerfile,*.dockerfile,Containerfile}' },
	{ scheme: 'file', pattern: '**/go.{mod,work}' },
	{ scheme: 'file', pattern: '**/.github/workflows/*.{yml,yaml}' },
	{ scheme: 'file', pattern: '**/.gitlab-ci.yml' },
];

/**
 * Files whose changes the server hears about (workspace/didChangeWatchedFiles) although they may not be open:
 * each can change the verdict for an open file (a go.mod's go directive, a `.go` file's `import "C"`, a
 * Makefile's or build script's `CGO_ENABLED`, a release config's build flags, the project config, a .dockerignore).
 */
export const watchedFilePatterns: readonly string[] = [
	'**/go.mod',
	'**/go.work',
	'**/.shipcheck.yaml',
	'**/Dockerfile*',
	'**/*.{Dockerfile,dockerfile}',
	'**/Containerfile*',
	'**/.github/workflows/*.{yml,yaml}',
	'**/.gitlab-ci.yml',
	'**/.goreleaser.{yml,yaml}',
	'**/Makefile',
	'**/*.mk',
	'**/*.sh',
	'**/*.go',
	// Which build-context files a COPY sends (a workspace binary copied into an image is judged from the file).
	'**/.dockerignore',
	'**/*.dockerignore',
];
