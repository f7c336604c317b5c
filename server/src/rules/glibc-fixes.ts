import { compareDottedVersions, DEBIAN_RELEASES, lookupImage } from '../knowledge';
import { rootStage } from '../model/dockerfile/stage-chain';
import type { GoBuild } from '../model/project';
import type { Fix, RelatedInformation } from './types';

/**
 * Fixes and related information for rules about a binary's glibc: building on an older Debian release of
 * the same `golang` image (the fix docker-library/golang#466 recommends, FACTS §4.3), and pointing at the
 * go.mod requirement that pulls in C code.
 */

/** The stage whose FROM names an image (following `FROM <stage>` chains). */
/**
 * Pin the builder to the newest Debian release whose glibc is not newer than `runtimeGlibc`, e.g.
 * `golang:1.20` → `golang:1.20-bullseye`. Offered only when the knowledge base knows the new tag, it is
 * still published, and it really has that glibc.
 */
export function pinBuilderReleaseFix(build: GoBuild, runtimeGlibc: string): Fix | undefined {
	const root = rootStage(build.stage);
	const current = root?.image;
	if (!root || !current?.goVersion || current.distro?.name !== 'debian') return undefined;
	const raw = root.syntax.image.raw;
	if (/[$@]/.test(raw)) return undefined;
	const fitting = [...DEBIAN_RELEASES].filter((r) => compareDottedVersions(r.glibc, runtimeGlibc) <= 0).sort((a, b) => compareDottedVersions(b.glibc, a.glibc));
	for (const release of fitting) {
		const candidate = withDebianVariant(raw, release.codename);
		if (candidate === undefined || candidate === raw) continue;
		const facts = lookupImage(candidate);
		if (!facts || facts.deprecated || facts.libc?.family !== 'glibc' || facts.libc.version !== release.glibc) continue;
		return {
			title: `Build on "${candidate}" (glibc ${release.glibc}; the runtime has ${runtimeGlibc})`,
			edits: [{ file: root.file, span: root.syntax.image.span, newText: candidate }],
		};
	}
	return undefined;
}

/** `golang:1.20` → `golang:1.20-bullseye`; `golang:1.22-bookworm` → `golang:1.22-bullseye`; other tags: undefined. */
function withDebianVariant(reference: string, codename: string): string | undefined {
	const colon = reference.lastIndexOf(':');
	if (colon < 0 || reference.indexOf('/', colon) >= 0) return undefined;
	const name = reference.slice(0, colon);
	const tag = reference.slice(colon + 1);
	const codenames = DEBIAN_RELEASES.map((r) => r.codename).join('|');
	const variant = new RegExp(`^(\\d+(?:\\.\\d+){1,2})(?:-(?:${codenames}))?$`).exec(tag);
	return variant ? `${name}:${variant[1]}-${codename}` : undefined;
}

/** The go.mod line of the module that wraps a C library, when one is why the build uses cgo. */
export function cgoRequirementRelated(build: GoBuild): RelatedInformation | undefined {
	const module = build.module;
	if (!module) return undefined;
	const imported = build.program.cgoModules.find((m) => m.imported);
	const path = imported?.path ?? (build.linkage.kind === 'dynamic' && build.linkage.certainty === 'possible' ? build.program.cgoModules[0]?.path : undefined);
	const requirement = module.cgoRequirements.find((r) => r.module === path);
	if (!requirement) return undefined;
	return { file: module.path, span: requirement.span, message: `requires ${requirement.module} ${requirement.version}, which wraps a C library: cgo links it against the builder's glibc` };
}
