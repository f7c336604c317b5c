/**
 * The `golang` official image per Go minor: default Debian release and variants (FACTS §5.1,
 * from the git history of docker-library/official-images `library/golang`, read up to 2026-08-21).
 */
import { facts } from '../sources';
import type { Source } from '../types';

/** A Debian variant tag (`-bullseye`) of one Go minor. */
export interface GolangDebianVariant {
	readonly codename: string;
	/** Last date the variant was published, when it stopped. */
	readonly until?: string;
}

/** What the unsuffixed `-alpine` tag of a Go minor points to. */
export interface GolangAlpineDefault {
	readonly release: string;
	readonly since?: string;
	readonly history: string;
}

/** One Go minor of the `golang` image. */
export interface GolangMinor {
	readonly minor: string;
	/** Debian release of the unsuffixed tag as of the knowledge date; undefined = not known. */
	readonly defaultCodename?: string;
	/** When the unsuffixed tag moved between Debian releases. */
	readonly moved?: {
		readonly from: string;
		readonly on: string;
		/** First patch version published on the new release, when known (1.20.5). */
		readonly atPatch?: number;
	};
	readonly defaultHistory?: string;
	/** Debian variants listed in FACTS §5.1; empty = not covered by FACTS. */
	readonly debian: readonly GolangDebianVariant[];
	/** Alpine releases with an `-alpineX.YY` variant; empty = not covered by FACTS. */
	readonly alpine: readonly string[];
	readonly alpineDefault?: GolangAlpineDefault;
	readonly sources: readonly Source[];
}

const BUSTER: GolangDebianVariant = { codename: 'buster', until: '2023-06-06' };
const T51 = facts('5.1');

/** Go 1.16–1.27. 1.16–1.18 are outside the FACTS §5.1 table; only the `latest` history covers 1.17–1.18. */
export const GOLANG_MINORS: readonly GolangMinor[] = [
	{ minor: '1.16', debian: [], alpine: [], sources: [facts('5.1', 'Go 1.16 is not covered by the golang history read')] },
	...['1.17', '1.18'].map(
		(minor): GolangMinor => ({
			minor,
			defaultCodename: 'bullseye',
			defaultHistory: `bullseye while golang:latest pointed to ${minor} (golang:latest history: bullseye for 1.17–1.19); frozen since`,
			debian: [],
			alpine: [],
			sources: [facts('5.1', 'golang:latest history: bullseye (1.17–1.19 …)')],
		}),
	),
	{
		minor: '1.19',
		defaultCodename: 'bookworm',
		moved: { from: 'bullseye', on: '2023-06-13' },
		debian: [BUSTER, { codename: 'bullseye' }, { codename: 'bookworm' }],
		alpine: ['3.15', '3.16', '3.17', '3.18'],
		alpineDefault: { release: '3.18', history: '3.16 until 2022-11, 3.17 until 2023-05, then 3.18' },
		sources: [T51],
	},
	{
		minor: '1.20',
		defaultCodename: 'bookworm',
		moved: { from: 'bullseye', on: '2023-06-13', atPatch: 5 },
		debian: [BUSTER, { codename: 'bullseye' }, { codename: 'bookworm' }],
		alpine: ['3.16', '3.17', '3.18', '3.19'],
		alpineDefault: { release: '3.19', since: '2023-12-08', history: '3.18 from 2023-05-10, 3.19 from 2023-12-08' },
		sources: [T51],
	},
	{
		minor: '1.21',
		defaultCodename: 'bookworm',
		debian: [{ codename: 'bullseye' }, { codename: 'bookworm' }],
		alpine: ['3.17', '3.18', '3.19', '3.20'],
		alpineDefault: { release: '3.20', since: '2024-05-22', history: '3.20 from 2024-05-22' },
		sources: [T51],
	},
	{
		minor: '1.22',
		defaultCodename: 'bookworm',
		debian: [{ codename: 'bullseye' }, { codename: 'bookworm' }],
		alpine: ['3.18', '3.19', '3.20', '3.21'],
		alpineDefault: { release: '3.21', since: '2024-12-05', history: '3.21 from 2024-12-05' },
		sources: [T51],
	},
	{
		minor: '1.23',
		defaultCodename: 'bookworm',
		debian: [{ codename: 'bullseye' }, { codename: 'bookworm' }],
		alpine: ['3.19', '3.20', '3.21', '3.22'],
		alpineDefault: { release: '3.22', since: '2025-05-30', history: '3.22 from 2025-05-30' },
		sources: [T51],
	},
	{
		minor: '1.24',
		defaultCodename: 'trixie',
		moved: { from: 'bookworm', on: '2025-08-12' },
		debian: [{ codename: 'bullseye', until: '2025-08-10' }, { codename: 'bookworm' }, { codename: 'trixie' }],
		alpine: ['3.20', '3.21', '3.22', '3.23'],
		alpineDefault: { release: '3.23', since: '2025-12-03', history: '3.23 from 2025-12-03' },
		sources: [T51],
	},
	{
		minor: '1.25',
		defaultCodename: 'trixie',
		debian: [{ codename: 'bookworm' }, { codename: 'trixie' }],
		alpine: ['3.21', '3.22', '3.23', '3.24'],
		alpineDefault: { release: '3.24', since: '2026-06-10', history: '3.24 from 2026-06-10' },
		sources: [T51],
	},
	...['1.26', '1.27'].map(
		(minor): GolangMinor => ({
			minor,
			defaultCodename: 'trixie',
			debian: [{ codename: 'bookworm' }, { codename: 'trixie' }],
			alpine: ['3.22', '3.23', '3.24'],
			alpineDefault: { release: '3.24', history: 'the newest alpine variant listed (3.24); switch date not recorded' },
			sources: [T51],
		}),
	),
];

/** History of `golang:latest` (and the other version-less tags). */
export const GOLANG_LATEST_HISTORY = {
	codename: 'trixie',
	since: '2025-08-12',
	history: 'bullseye (1.17–1.19, and 1.20 until 2023-06-12) → bookworm from 2023-06-13 (1.20.5) → trixie from 2025-08-12 (1.25.0)',
	sources: [T51] as readonly Source[],
};

/** Go minors that docker-library still updates (FACTS §5.1: only the two latest minors). */
export const GOLANG_UPDATED_MINORS: readonly string[] = ['1.26', '1.27'];

export function golangMinor(minor: string): GolangMinor | undefined {
	return GOLANG_MINORS.find((m) => m.minor === minor);
}
