import type { ImageFacts } from '../knowledge/types';
import type { BuildHost, StageModel } from '../model/project';

/** Short phrases shared by rule messages, so every rule describes stages and images the same way. */
export function stageLabel(stage: StageModel): string {
	return stage.syntax.name ? `stage "${stage.syntax.name}"` : `stage ${stage.syntax.index}`;
}

export function imageName(stage: StageModel): string {
	return `"${stage.imageRef ?? stage.syntax.image.raw}"`;
}

/** `"alpine:3.20"` or `"golang:1.20" (bookworm since 2023-06-13)` for a floating tag. */
export function describeImage(stage: StageModel): string {
	const floating = stage.image?.floating;
	return floating ? `${imageName(stage)} (now ${floating.resolvedTo}${floating.since ? ` since ${floating.since}` : ''})` : imageName(stage);
}

/** `"golang:1.22" (now golang:1.22-bookworm since …) (Debian 12 bookworm, glibc 2.36, C compiler present)`. */
export function describeBuilder(host: BuildHost): string {
	const facts = host.image;
	const parts = [distroText(facts), libcText(facts), host.compiler.present === true ? 'C compiler present' : host.compiler.present === false ? 'no C compiler' : undefined].filter(Boolean);
	const floating = facts?.floating;
	const name = `"${host.imageRef ?? 'unknown image'}"${floating ? ` (now ${floating.resolvedTo}${floating.since ? ` since ${floating.since}` : ''})` : ''}`;
	return `${name}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
}

function distroText(facts: ImageFacts | undefined): string | undefined {
	const distro = facts?.distro;
	if (!distro) return undefined;
	const name = distro.name.charAt(0).toUpperCase() + distro.name.slice(1);
	return [name, distro.release, distro.codename].filter(Boolean).join(' ');
}

function libcText(facts: ImageFacts | undefined): string | undefined {
	const libc = facts?.libc;
	if (!libc) return undefined;
	if (libc.family === 'none') return 'no libc';
	return libc.version ? `${libc.family} ${libc.version}` : libc.family;
}

/** `"golang:1.20" (now golang:1.20-bookworm since 2023-06-13)`: the builder's image, and where a floating tag points now. */
export function describeHostImage(host: BuildHost): string {
	const floating = host.image?.floating;
	const name = host.imageRef === undefined ? 'an unknown image' : `"${host.imageRef}"`;
	return floating ? `${name} (now ${floating.resolvedTo}${floating.since ? ` since ${floating.since}` : ''})` : name;
}
