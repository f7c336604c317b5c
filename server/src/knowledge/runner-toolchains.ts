/**
 * What GitHub-hosted Ubuntu runner images carry for Go builds: a C compiler on PATH (so cgo is on by
 * default for native builds, FACTS §3.1) and Go toolchains in the tool cache. Read from the image READMEs
 * in actions/runner-images ("Installed apt packages": gcc; "Cached Tools": Go).
 */
import { url } from './sources';
import type { Source } from './types';

export interface RunnerToolchain {
	/** Runner labels (and the Ubuntu release they run). */
	readonly release: string;
	/** `gcc` is an installed apt package of the image. */
	readonly hasGcc: boolean;
	/** The apt `gcc` package version the README lists (for hovers). */
	readonly gccPackage: string;
	readonly sources: readonly Source[];
}

const README = 'https://github.com/actions/runner-images/blob/main/images/ubuntu';

export const RUNNER_TOOLCHAINS: readonly RunnerToolchain[] = [
	{
		release: '22.04',
		hasGcc: true,
		gccPackage: '4:11.2.0-1ubuntu1',
		sources: [url(`${README}/Ubuntu2204-Readme.md`, '2025-02-02', 'Installed apt packages: gcc 4:11.2.0-1ubuntu1, g++; libc6-dev 2.35')],
	},
	{
		release: '24.04',
		hasGcc: true,
		gccPackage: '4:13.2.0-7ubuntu1',
		sources: [url(`${README}/Ubuntu2404-Readme.md`, '2025-02-02', 'Installed apt packages: gcc 4:13.2.0-7ubuntu1, g++; Cached Tools: Go 1.21.13, 1.22.11, 1.23.5')],
	},
];

/** Toolchain facts for a hosted Ubuntu release (`24.04`), when recorded. */
export function runnerToolchain(release: string): RunnerToolchain | undefined {
	return RUNNER_TOOLCHAINS.find((t) => t.release === release);
}
