/**
 * GitHub-hosted runner labels: OS, architecture and glibc. Self-hosted runners are unknown.
 */
import { facts, url } from './sources';
import type { FloatingInfo, Libc, OperatingSystem, Source } from './types';
import { UBUNTU_RELEASES } from './images/ubuntu';

/** What the knowledge base knows about a `runs-on` label. */
export interface RunnerFacts {
	readonly label: string;
	readonly os: OperatingSystem | undefined;
	/** GOARCH of the runner, when known. */
	readonly arch?: 'amd64' | 'arm64';
	readonly distro?: { readonly name: 'ubuntu'; readonly release: string };
	/** Linux runners only; `undefined` when not known. */
	readonly libc: Libc | undefined;
	readonly selfHosted: boolean;
	/** Why the label no longer works, and since when. */
	readonly retired?: string;
	readonly preview?: string;
	readonly floating?: FloatingInfo;
	readonly notes?: readonly string[];
	readonly sources: readonly Source[];
}

const RUNNER_IMAGES = 'https://github.com/actions/runner-images/issues';

function ubuntu(label: string, release: string, arch: 'amd64' | 'arm64', extra: Partial<RunnerFacts> = {}): RunnerFacts {
	const r = UBUNTU_RELEASES.find((u) => u.release === release);
	return {
		label,
		os: 'linux',
		arch,
		distro: { name: 'ubuntu', release },
		libc: r ? { family: 'glibc', version: r.glibc } : { family: 'glibc' },
		selfHosted: false,
		...extra,
		sources: [...(r?.sources ?? []), ...(extra.sources ?? [])],
	};
}

const ARM_PREVIEW = url(
	'https://github.blog/changelog/2025-01-16-linux-arm64-hosted-runners-now-available-for-free-in-public-repositories-public-preview/',
	'2025-01-16',
	'ubuntu-24.04-arm and ubuntu-22.04-arm for public repositories (cited in heroku/buildpacks-python#321); not supported for private repositories at first (swiftlang/github-workflows#209)',
);
const PREVIEW_2604 = url(`${RUNNER_IMAGES}/14226`, '2026-06-11', 'ubuntu-26.04 and ubuntu-26.04-arm in public preview');

/** GitHub-hosted runner labels. */
export const RUNNERS: readonly RunnerFacts[] = [
	ubuntu('ubuntu-18.04', '18.04', 'amd64', { retired: 'retired (date not recorded)' }),
	ubuntu('ubuntu-20.04', '20.04', 'amd64', {
		retired: 'removed on 2025-04-15 (deprecation from 2025-02-01; brownouts in March 2025)',
		sources: [url(`${RUNNER_IMAGES}/11101`, '2025-04-15', 'Ubuntu 20.04 LTS runner removed on 2025-04-15')],
	}),
	ubuntu('ubuntu-22.04', '22.04', 'amd64'),
	ubuntu('ubuntu-24.04', '24.04', 'amd64'),
	ubuntu('ubuntu-26.04', '26.04', 'amd64', { preview: 'public preview since 2026-06-11', sources: [PREVIEW_2604] }),
	ubuntu('ubuntu-22.04-arm', '22.04', 'arm64', { preview: 'public preview for public repositories since 2025-01-16', sources: [ARM_PREVIEW] }),
	ubuntu('ubuntu-24.04-arm', '24.04', 'arm64', { preview: 'public preview for public repositories since 2025-01-16', sources: [ARM_PREVIEW] }),
	ubuntu('ubuntu-26.04-arm', '26.04', 'arm64', { preview: 'public preview since 2026-06-11', sources: [PREVIEW_2604] }),
	ubuntu('ubuntu-latest', '24.04', 'amd64', {
		floating: {
			resolvedTo: 'ubuntu-24.04',
			since: '2025-01-17',
			asOf: '2026-06-11',
			history:
				'ubuntu-20.04 from 2021-03, ubuntu-22.04 from late 2022, ubuntu-24.04 rolled out 2024-12-05 … 2025-01-17; ubuntu-26.04 entered public preview on 2026-06-11 with ubuntu-latest still on 24.04; any later move was not verified',
		},
		sources: [
			url(`${RUNNER_IMAGES}/10636`, '2025-01-17', '"Ubuntu-latest workflows will use Ubuntu-24.04 image", rolled out from 2024-12-05, complete 2025-01-17'),
			url('https://github.com/canonical/authd/pull/1577', '2026-06-11', 'ubuntu-26.04 is in public preview; "ubuntu-latest" still resolves to ubuntu-24.04'),
			url('https://github.com/actions/runner-images/pull/2852', '2021-03-05', 'ubuntu-latest updated to ubuntu-20.04'),
			url(`${RUNNER_IMAGES}/6399`, '2022-12-01', 'ubuntu-latest migration to ubuntu-22.04, October 3 to December 1, 2022'),
		],
	}),
];

const OTHER_SOURCES: Source[] = [url('https://github.com/actions/runner-images', '2026-11-23', 'runner image families')];

/**
 * Facts for a `runs-on` value: a label or a list of labels. Self-hosted runners and unknown labels
 * have an unknown libc. macOS and Windows runners have no glibc (`libc: undefined`).
 */
export function lookupRunner(labels: string | readonly string[]): RunnerFacts | undefined {
	const list = (typeof labels === 'string' ? [labels] : [...labels]).map((l) => l.trim()).filter((l) => l !== '');
	if (list.length === 0) {
		return undefined;
	}
	if (list.some((l) => l.toLowerCase() === 'self-hosted')) {
		const lower = list.map((l) => l.toLowerCase());
		const os: OperatingSystem | undefined = lower.includes('linux') ? 'linux' : lower.includes('windows') ? 'windows' : lower.includes('macos') ? 'darwin' : undefined;
		const arch = lower.includes('arm64') ? 'arm64' : lower.includes('x64') ? 'amd64' : undefined;
		return {
			label: list.join(','),
			os,
			...(arch ? { arch } : {}),
			libc: undefined,
			selfHosted: true,
			notes: ['self-hosted runner: its OS release and glibc are not known'],
			sources: [facts('5.2', 'no entry for self-hosted machines')],
		};
	}
	const label = list[0];
	const known = RUNNERS.find((r) => r.label === label);
	if (known) {
		return known;
	}
	if (/^macos-/.test(label)) {
		return { label, os: 'darwin', libc: undefined, selfHosted: false, notes: ['macOS runner: no glibc'], sources: OTHER_SOURCES };
	}
	if (/^windows-/.test(label)) {
		return {
			label,
			os: 'windows',
			...(/-arm$/.test(label) ? { arch: 'arm64' as const } : {}),
			libc: undefined,
			selfHosted: false,
			sources: OTHER_SOURCES,
		};
	}
	return undefined;
}
