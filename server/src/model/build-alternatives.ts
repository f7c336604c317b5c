import type { Libc } from '../knowledge/types';
import { builderLibc, linkageFlags } from './build-decision';
import type { CgoState } from './cgo';
import { predictLinkage, type Linkage, type ProgramCgoUse } from './linkage';
import type { GoBuild } from './project';

/**
 * Questions rules ask about a build beyond its own decision: what program it compiles, which C library the
 * linker sees, and what the linkage would be under the other cgo default ("what if gcc appears here").
 */

/** The program the build compiles; the assumed net-importing one when no sources are visible. */
export function programOf(build: GoBuild): ProgramCgoUse {
	return build.program;
}

/** The C library the build links against: the builder's, unless `CC` names another (`CC=musl-gcc`). */
export function libcOfBuild(build: GoBuild): Libc | undefined {
	return builderLibc({ env: build.env }, { image: build.host.image });
}

/** The linkage the same command would have with cgo `state` (flags, tags and program unchanged). */
export function linkageIfCgo(build: GoBuild, state: Exclude<CgoState, 'unknown'>): Linkage {
	return predictLinkage({ cgo: { ...build.cgo, state }, flags: linkageFlags(build.command), program: programOf(build), builderLibc: libcOfBuild(build) });
}
