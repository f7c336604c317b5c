/**
 * What `actions/setup-go` does with its inputs, for hovers on setup-go steps. Each explanation carries its source.
 */
import { RETRIEVED, url } from './sources';
import type { Source } from './types';

export interface SetupGoFact {
	/** Markdown, one sentence. */
	readonly text: string;
	readonly sources: readonly Source[];
}

const README = url('https://github.com/actions/setup-go#readme', RETRIEVED, 'README, "V6 Changes: Toolchain Directive Support"');

export const SETUP_GO = {
	versionFile: {
		text: 'setup-go reads the Go version from this file when the job runs (from go.mod: the `go` line; since setup-go v6 the `toolchain` line when there is one), so the job\'s Go follows the module and go-version-mismatch does not apply.',
		sources: [README, url('https://github.com/actions/setup-go/issues/543', RETRIEVED, 'before v6 only the go directive was read')],
	},
	checkLatest: {
		text: '`check-latest: true`: setup-go first checks whether the version cached on the runner is the newest one matching the requested version, and downloads a newer one when it is not.',
		sources: [url('https://github.com/actions/setup-go/releases/tag/v2.2.0', RETRIEVED, 'release notes that introduced check-latest')],
	},
} as const satisfies Record<string, SetupGoFact>;
