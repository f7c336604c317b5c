/**
 * BuildKit's automatic platform ARGs (the Dockerfile reference, "Automatic platform ARGs in the global scope"),
 * and the platform a build targets when `--platform` is not given.
 */
import type { Source } from './types';
import { url } from './sources';

export const BUILDKIT_PLATFORMS = {
	/** The platform of the build result and its parts. */
	targetArgs: ['TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT'],
	/** The platform of the node performing the build and its parts. */
	buildArgs: ['BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT'],
	/** With no `--platform`, the target is the build platform: a plain `docker build` targets the builder itself. */
	implicitTargetIsBuildPlatform: true,
	sources: [
		url('https://github.com/moby/moby/issues/32487', '2026-11-24', 'the proposal BuildKit implemented: TARGET* args take the value of --platform, "if no flag is specified this defaults to current platform"; BUILD* args are the platform of the node doing the build'),
		url(
			'https://github.com/moby/buildkit/blob/08a5847eff4a76f30e327a48d53d537b34aa546c/frontend/dockerfile/dockerfile2llb/platform.go',
			'2026-11-24',
			'buildPlatformOpt: when no target platform is given, the target is the first build platform (implicitTarget)',
		),
	] satisfies readonly Source[],
} as const;

/** Every automatic platform ARG: declared in the global scope, its value known only when the image is built. */
export const PLATFORM_ARGS: readonly string[] = [...BUILDKIT_PLATFORMS.targetArgs, ...BUILDKIT_PLATFORMS.buildArgs];
