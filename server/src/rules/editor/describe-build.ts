import type { GoBuild } from '../../model/project';

/** `dynamic glibc (needs GLIBC_2.34 or newer, up to 2.36)`, `static`, … for hovers, hints and summaries. */
export function describeLinkage(build: GoBuild): string {
	const l = build.linkage;
	switch (l.kind) {
		case 'static':
			return 'static';
		case 'static-pie':
			return 'static PIE';
		case 'unknown':
			return `unknown (${l.because})`;
		case 'dynamic': {
			const libc = l.libc ?? 'unknown libc';
			const floor = l.glibcFloor ? (l.glibcFloor.atLeast ? ` ≥ ${l.glibcFloor.atLeast}` : ` ≤ ${l.glibcFloor.atMost ?? '?'}`) : '';
			const assumed = l.certainty === 'certain' ? '' : ` (${l.certainty})`;
			return `${l.loaderOnly ? 'dynamic PIE (needs the loader)' : 'dynamic'} ${libc}${floor}${assumed}`;
		}
	}
}

/** The short inlay-hint form: `cgo on (gcc present) → dynamic glibc ≥ 2.34`. */
export function buildHintLabel(build: GoBuild): string {
	const why: Record<string, string> = {
		explicit: 'set',
		'explicit-unknown': 'build arg',
		'default-native': build.env.get('CC') ? 'CC set' : 'gcc present',
		'default-no-compiler': 'no C compiler',
		'default-cross': 'cross build',
		'unknown-compiler': 'compiler unknown',
		'unknown-platform': 'platform unknown',
		'unknown-go-version': 'Go version unknown',
	};
	return `cgo ${build.cgo.state} (${why[build.cgo.reason] ?? build.cgo.reason}) → ${describeLinkage(build)}`;
}
