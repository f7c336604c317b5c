import type { BinaryInfo } from '../binary';
import { compareDottedVersions, libcOfInterpreter, lookupImage, type ImageFacts, type ImageLookup } from '../knowledge';
import { LIBC_SONAMES, MACHINE_GOARCH, RUNTIME_TARGETS } from './binary-targets';

/**
 * Whether one runtime image can start the binary: `true` runs, `false` does not, `null` cannot be told from what
 * the knowledge base knows. `why` is one lowercase sentence for the user. This is the `runsOn` entry of the
 * `shipcheck inspect --format json` contract and of the describeBinary request.
 */
export interface RunsOnEntry {
	readonly image: string;
	readonly ok: boolean | null;
	readonly why: string;
}

export interface VerdictOptions {
	/** Image references to judge; default {@link RUNTIME_TARGETS}. */
	readonly images?: readonly string[];
	/** The platform the image is pulled for (`linux/arm64`); default: the binary's own architecture. */
	readonly platform?: string;
	/** Image facts; default the built-in knowledge base (a `.shipcheck.yaml` may layer user facts on top). */
	readonly lookup?: ImageLookup;
}

/** `linux/<goarch>` of an ELF binary, or undefined when the machine has no GOARCH the knowledge base knows. */
export function binaryPlatform(info: BinaryInfo): string | undefined {
	const goarch = info.go?.settings.find((s) => s.key === 'GOARCH')?.value ?? MACHINE_GOARCH[info.machine];
	if (goarch === 'ppc64' && info.littleEndian) return 'linux/ppc64le';
	if (goarch === 'mips' && info.littleEndian) return 'linux/mipsle';
	return goarch ? `linux/${goarch}` : undefined;
}

/** Why the binary cannot run on Linux at all (wrong format or GOOS), or undefined. */
export function notLinuxReason(info: BinaryInfo): string | undefined {
	if (info.format === 'macho') return `a Mach-O executable for macOS (${info.machine}): Linux images cannot run it`;
	if (info.format === 'pe') return `a Windows PE executable (${info.machine}): Linux containers cannot run it`;
	const goos = info.go?.settings.find((s) => s.key === 'GOOS')?.value;
	if (goos !== undefined && goos !== 'linux' && goos !== 'android') return `built for GOOS=${goos} (build info): Linux cannot run it`;
	const d = info.detail;
	// EI_OSABI: Go's linker writes FreeBSD's 9 for freebsd; Linux binaries carry 0 (System V) or 3 (GNU).
	if (d.kind === 'elf' && ![0, 3].includes(d.elf.header.osAbi)) return `an ELF executable for another OS (EI_OSABI ${d.elf.header.osAbi}): Linux cannot run it`;
	if (info.type !== 'EXEC' && info.type !== 'DYN') return `an ELF ${info.type} file, not an executable`;
	return undefined;
}

/**
 * The verdict for every target image: static binaries run on any image of their architecture; dynamic ones need
 * the loader named in PT_INTERP, the same libc family, and a glibc at least as new as the highest GLIBC_x.y they
 * need (FACTS §4.1-§4.3, §5.2, §5.3).
 */
export function binaryVerdict(info: BinaryInfo, options: VerdictOptions = {}): RunsOnEntry[] {
	const lookup = options.lookup ?? lookupImage;
	return (options.images ?? RUNTIME_TARGETS).map((image) => ({ image, ...judge(info, lookup(image), options.platform) }));
}

type Judgement = { ok: boolean | null; why: string };

function judge(info: BinaryInfo, facts: ImageFacts | undefined, platform: string | undefined): Judgement {
	const notLinux = notLinuxReason(info);
	if (notLinux) return { ok: false, why: notLinux };
	const own = binaryPlatform(info);
	if (platform && own && platform.replace(/\/v\d+$/, '') !== own) return { ok: false, why: `a ${own} binary on a ${platform} image: exec fails with "exec format error"` };
	const on = own ? ` (${own})` : '';
	if (info.linkage !== 'dynamic') return { ok: true, why: staticWhy(info, on) };
	if (!facts) return { ok: null, why: 'the knowledge base does not know this image' };
	if (facts.os !== 'linux') return { ok: false, why: `a ${facts.os} image: it cannot run a Linux binary` };
	return dynamicJudgement(info, facts);
}

function staticWhy(info: BinaryInfo, on: string): string {
	const kind = info.linkage === 'static-pie' ? 'static-pie' : 'statically linked';
	if (info.libc === 'glibc') {
		// FACTS §3.5: glibc warns that getaddrinfo in a static binary loads NSS modules of the same glibc at run time.
		return `${kind} with glibc inside: starts on any image${on}; name lookups through NSS may still want the shared libraries of the glibc it was linked with`;
	}
	return `${kind}, no loader and no libc needed: runs on any Linux image${on}`;
}

/**
 * The C library a dynamically linked binary needs: the family of the loader its PT_INTERP names, else what its
 * NEEDED libraries and version needs say; undefined for a loader the knowledge base does not know.
 */
export function dynamicLibcFamily(info: BinaryInfo): 'glibc' | 'musl' | undefined {
	const loader = info.interpreter ? libcOfInterpreter(info.interpreter)?.family : undefined;
	if (loader === 'glibc' || loader === 'musl') return loader;
	return info.libc === 'glibc' || info.libc === 'musl' ? info.libc : undefined;
}

function dynamicJudgement(info: BinaryInfo, facts: ImageFacts): Judgement {
	const interp = info.interpreter;
	const libc = facts.libc;
	const family = dynamicLibcFamily(info);
	const loaderText = interp ? `the loader "${interp}"` : 'a dynamic loader';
	if (libc?.family === 'none') {
		return { ok: false, why: `needs ${loaderText}, and the image has no libc or loader: exec fails with "no such file or directory"` };
	}
	if (!family) return { ok: null, why: `needs ${loaderText}, which is neither the glibc nor the musl loader the knowledge base knows` };
	if (!libc) return { ok: null, why: `needs ${family} (${loaderText}); the image's libc is not known` };
	const imageLibc = `${libc.family}${libc.version ? ` ${libc.version}` : ''}`;
	if (libc.family !== family) {
		return { ok: false, why: `needs ${family} (${loaderText}) but the image has ${imageLibc}: exec fails with "no such file or directory"` };
	}
	if (family === 'glibc' && info.glibcMin) {
		const symbols = info.glibcMinSymbols.length > 0 ? ` (${info.glibcMinSymbols.join(', ')})` : '';
		if (!libc.version) return { ok: null, why: `needs GLIBC_${info.glibcMin}${symbols}; the image's glibc version is not known` };
		if (compareDottedVersions(libc.version, info.glibcMin) < 0) {
			return { ok: false, why: `needs GLIBC_${info.glibcMin}${symbols} but the image has glibc ${libc.version}: "version \`GLIBC_${info.glibcMin}' not found"` };
		}
	}
	const others = info.needed.filter((n) => !LIBC_SONAMES[family].test(n));
	if (others.length > 0) {
		return { ok: null, why: `${imageLibc} fits, but it also needs ${others.map((n) => `"${n}"`).join(', ')}, which the knowledge base cannot confirm in this image` };
	}
	const floor = family === 'glibc' && info.glibcMin ? `GLIBC_${info.glibcMin} ≤ ${imageLibc}` : `${imageLibc} has ${loaderText}`;
	return { ok: true, why: `dynamically linked against ${family}: ${floor}` };
}
