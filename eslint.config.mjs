// Lint for client/, server/, test/, scripts/ and media/src: typescript-eslint's recommendedTypeChecked, "lite":
// the no-unsafe-* family is off (JSON, LSP payloads and test fixtures are `any` by nature; tsc's strict mode
// covers the rest), while promise misuse is an error everywhere (STYLE house style: no-floating-promises).
// Types come from each file's tsconfig through the TypeScript project service (solution references included).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{
		ignores: [
			'**/node_modules/**', '**/out/**', 'build/**', '.tmp/**', 'test-results/**', '.vscode-test/**',
			'e2e/code-server/**', 'test/integration/workspace/**', 'test/**/fixtures/**', 'examples/**', '**/*.d.ts',
		],
	},
	{
		files: ['**/*.ts'],
		extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
		languageOptions: {
			parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
		},
		linterOptions: { reportUnusedDisableDirectives: 'error' },
		rules: {
			// node:test's describe/it return promises the runner itself awaits.
			'@typescript-eslint/no-floating-promises': ['error', {
				allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite', 'before', 'after', 'beforeEach', 'afterEach'] }],
			}],
			'@typescript-eslint/no-misused-promises': 'error',
			'@typescript-eslint/await-thenable': 'error',
			'@typescript-eslint/no-unsafe-assignment': 'off',
			'@typescript-eslint/no-unsafe-member-access': 'off',
			'@typescript-eslint/no-unsafe-call': 'off',
			'@typescript-eslint/no-unsafe-return': 'off',
			'@typescript-eslint/no-unsafe-argument': 'off',
			// A warning, not an error: without noUncheckedIndexedAccess, `items[i]!` is a harmless note of intent
			// (and `eslint --fix` removes it). Shown in the output, does not fail the build.
			'@typescript-eslint/no-unnecessary-type-assertion': 'warn',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
			eqeqeq: ['error', 'always', { null: 'ignore' }],
		},
	},
	{
		// STYLE §1: a custom protocol message is one namespace (the vscode-languageserver `XRequest.type` idiom).
		files: ['server/src/protocol/**/*.ts'],
		rules: { '@typescript-eslint/no-namespace': 'off' },
	},
	{
		// STYLE §8: the client talks to the server only through server/src/protocol.
		files: ['client/**/*.ts'],
		rules: {
			'no-restricted-imports': ['error', {
				patterns: [{ regex: String.raw`(^|/)server/src/(?!protocol(/|$))`, message: 'The client may import only server/src/protocol/** from the server.' }],
			}],
		},
	},
	{
		files: ['**/*.{js,mjs,cjs}', 'bin/shipcheck'],
		extends: [js.configs.recommended],
		languageOptions: { globals: { ...globals.node } },
	},
	{
		files: ['bin/shipcheck', '**/*.cjs'],
		languageOptions: { sourceType: 'commonjs' },
	},
);
