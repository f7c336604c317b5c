import { lookupCompilerPackage, type PackageManager } from '../knowledge/cross-compilers';
import type { CompilerPresence } from './cgo';
import type { PackageInstall } from './package-install';

/**
 * cmd/go's "no C compiler" check looks for the default CC, which is `gcc` on Linux (FACTS §3.1); so
 * only packages that put `gcc` on PATH change the cgo default (a lone `clang` does not).
 */
const DEFAULT_CC = 'gcc';

export function compilerAfterInstalls(current: CompilerPresence, installs: readonly PackageInstall[]): CompilerPresence {
	if (current.present === true) return current;
	for (const install of installs) {
		// xx-apk installs for the target platform; a removal adds nothing.
		if (install.crossTarget || install.action !== 'install') continue;
		const manager = managerOf(install.manager);
		if (!manager) continue;
		for (const pkg of install.packages) {
			const known = lookupCompilerPackage(manager, pkg.name);
			if (known?.commands?.includes(DEFAULT_CC) && !known.target) {
				return { present: true, reason: `gcc is installed by "${install.manager} ${pkg.name}"`, file: install.file, span: pkg.span };
			}
		}
	}
	return current;
}

function managerOf(manager: string): PackageManager | undefined {
	if (manager === 'apk') return 'apk';
	if (manager === 'apt-get' || manager === 'apt') return 'apt';
	return undefined;
}
