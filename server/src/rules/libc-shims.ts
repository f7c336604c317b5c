import { libcOfInterpreter, lookupCompilerPackage } from '../knowledge';
import type { StageModel } from '../model/project';
import type { Span } from '../parse/span';

/**
 * Workarounds for running glibc binaries on musl (FACTS §4.2, SCENARIOS 12): a glibc compatibility package
 * (`libc6-compat`, `gcompat`, role `libc-shim` in the knowledge base) or a glibc loader path linked into the
 * image. Shared by `libc-workaround`, which explains them, and `libc-mismatch`, which then says the binary
 * may start instead of "no such file or directory".
 */
export interface LibcShim {
	readonly file: string;
	readonly span: Span;
	/** `"libc6-compat"`, or the `ln` command as written. */
	readonly label: string;
	readonly kind: 'package' | 'loader-link';
}

export function libcShims(stage: StageModel): LibcShim[] {
	if (stage.image?.libc?.family !== 'musl') return [];
	const out: LibcShim[] = [];
	for (const install of stage.installs) {
		if (install.action !== 'install' || install.crossTarget || install.manager !== 'apk') continue;
		for (const pkg of install.packages) {
			if (lookupCompilerPackage('apk', pkg.name)?.role !== 'libc-shim') continue;
			out.push({ file: install.file ?? stage.file, span: pkg.span, label: `"${pkg.name}"`, kind: 'package' });
		}
	}
	for (const link of stage.links) {
		if (libcOfInterpreter(link.path)?.family !== 'glibc') continue;
		out.push({ file: link.file ?? stage.file, span: link.span, label: `"${link.text}"`, kind: 'loader-link' });
	}
	return out;
}

/** `"libc6-compat"` or `"libc6-compat" and "ln -s …"`. */
export function shimLabels(shims: readonly LibcShim[]): string {
	return [...new Set(shims.map((s) => s.label))].join(' and ');
}
