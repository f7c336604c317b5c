import { ByteView, cString } from "../byte-view";
import { BinaryFormatError } from "../errors";
import { RandomAccessSource, readExact, subSource, toSafeOffset } from "../source";
import { findName } from "../name-table";
import { machoTooling } from "./macho-tooling";
import * as N from "./macho-names";
import { MachoBuildVersion, MachoDylib, MachoFat, MachoFile, MachoSegment } from "./macho-types";

const DYLIB_CMDS = new Set([N.LC_LOAD_DYLIB, N.LC_LOAD_WEAK_DYLIB, N.LC_REEXPORT_DYLIB, N.LC_LAZY_LOAD_DYLIB, N.LC_LOAD_UPWARD_DYLIB]);
/** Real fat files hold a handful of slices; `file` uses the same kind of bound to tell them from Java classes (also 0xcafebabe). */
export const MAX_FAT_ARCHES = 32;

/** True when the first 4 bytes are a thin Mach-O magic (either byte order, 32/64-bit). */
export function isMachoMagic(magic: number): boolean {
	return magic === N.MH_MAGIC || magic === N.MH_MAGIC_64 || magic === N.MH_CIGAM || magic === N.MH_CIGAM_64;
}

/**
 * Decodes a thin Mach-O image. loader.h: a mach_header(_64) followed by
 * `ncmds` load commands filling `sizeofcmds` bytes; each starts with
 * {cmd, cmdsize}. `base` is where the image starts in the whole file.
 */
export function readMacho(src: RandomAccessSource, base = 0): MachoFile {
	const magicBytes = readExact(src, 0, 4, "Mach-O magic");
	const magicBE = new ByteView(magicBytes, base, false).u32(0);
	const le = magicBE === N.MH_CIGAM || magicBE === N.MH_CIGAM_64;
	const is64 = magicBE === N.MH_MAGIC_64 || magicBE === N.MH_CIGAM_64;
	const hsize = is64 ? 32 : 28;
	const h = new ByteView(readExact(src, 0, hsize, "Mach-O header"), base, le);
	const ncmds = h.u32(16);
	const sizeofcmds = h.u32(20);
	if (sizeofcmds > src.size - hsize || ncmds > sizeofcmds / 8) {
		throw new BinaryFormatError(base + 16, "invalid Mach-O ncmds/sizeofcmds", `${ncmds}/${sizeofcmds}`);
	}
	const cmds = new ByteView(readExact(src, hsize, sizeofcmds, "Mach-O load commands"), base + hsize, le);
	const parsed = readLoadCommands(cmds, ncmds);
	const file = {
		base,
		is64,
		littleEndian: le,
		cpuType: h.i32(4),
		cpuSubtype: h.u32(8),
		fileType: h.u32(12),
		ncmds,
		sizeofcmds,
		flags: h.u32(24),
		...parsed,
	};
	return { ...file, tooling: machoTooling(src, file) };
}

type Parsed = Omit<MachoFile, "base" | "is64" | "littleEndian" | "cpuType" | "cpuSubtype" | "fileType" | "ncmds" | "sizeofcmds" | "flags" | "tooling">;

function readLoadCommands(v: ByteView, ncmds: number): Parsed {
	const out = {
		loadCommands: [] as { cmd: number; cmdsize: number; offset: number }[],
		segments: [] as MachoSegment[],
		dylibs: [] as MachoDylib[],
		dylinker: null as string | null,
		buildVersion: null as MachoBuildVersion | null,
		uuid: null as string | null,
		symtab: null as MachoFile["symtab"],
		dysymtab: null as MachoFile["dysymtab"],
	};
	let o = 0;
	for (let i = 0; i < ncmds; i++) {
		const cmd = v.u32(o);
		const cmdsize = v.u32(o + 4);
		if (cmdsize < 8 || cmdsize > v.length - o) {
			throw new BinaryFormatError(v.base + o, "invalid Mach-O load command size", cmdsize);
		}
		const c = v.slice(o, cmdsize, "load command");
		out.loadCommands.push({ cmd, cmdsize, offset: c.base });
		if (cmd === N.LC_SEGMENT_64 || cmd === N.LC_SEGMENT) {
			out.segments.push(readSegment(c, cmd === N.LC_SEGMENT_64));
		} else if (DYLIB_CMDS.has(cmd)) {
			out.dylibs.push({ cmd, name: lcStr(c, c.u32(8)), currentVersion: N.machoVersion(c.u32(16)), compatibilityVersion: N.machoVersion(c.u32(20)) });
		} else if (cmd === N.LC_LOAD_DYLINKER) {
			out.dylinker = lcStr(c, c.u32(8));
		} else if (cmd === N.LC_BUILD_VERSION) {
			out.buildVersion = readBuildVersion(c);
		} else if (cmd === N.LC_VERSION_MIN_MACOSX && !out.buildVersion) {
			out.buildVersion = { platform: 1, platformName: "macos", minos: N.machoVersion(c.u32(8)), sdk: N.machoVersion(c.u32(12)), tools: [] };
		} else if (cmd === N.LC_UUID) {
			out.uuid = Array.from(c.bytes.subarray(8, 24), (b) => b.toString(16).padStart(2, "0")).join("");
		} else if (cmd === N.LC_SYMTAB) {
			out.symtab = { symoff: c.u32(8), nsyms: c.u32(12), stroff: c.u32(16), strsize: c.u32(20) };
		} else if (cmd === N.LC_DYSYMTAB) {
			// dysymtab_command: ilocalsym, nlocalsym, iextdefsym, nextdefsym, iundefsym, nundefsym, ...
			out.dysymtab = { nlocalsym: c.u32(12), nextdefsym: c.u32(20), nundefsym: c.u32(28) };
		}
		o += cmdsize;
	}
	return out;
}

// union lc_str: an offset from the start of the load command to a NUL-terminated string.
function lcStr(c: ByteView, off: number): string {
	const [s, ok] = cString(c.bytes, off);
	return ok ? s : c.fixedString(Math.min(off, c.length), Math.max(0, c.length - off));
}

function readSegment(c: ByteView, is64: boolean): MachoSegment {
	// segment_command_64: 72 bytes, section_64: 80; segment_command: 56, section: 68.
	const w = is64 ? 8 : 4;
	const nsects = c.u32(is64 ? 64 : 48);
	const secSize = is64 ? 80 : 68;
	const first = is64 ? 72 : 56;
	if (nsects > (c.length - first) / secSize) {
		throw new BinaryFormatError(c.base, "too many Mach-O sections for load command", nsects);
	}
	const sections = [];
	for (let i = 0; i < nsects; i++) {
		const s = first + i * secSize;
		const a = s + 32 + 2 * w; // after sectname, segname, addr, size
		sections.push({ name: c.fixedString(s, 16), segment: c.fixedString(s + 16, 16), addr: c.word(s + 32, is64), size: c.word(s + 32 + w, is64), offset: c.u32(a), align: c.u32(a + 4), flags: c.u32(a + 16) });
	}
	const p = 24 + 4 * w; // after cmd, cmdsize, segname, vmaddr, vmsize, fileoff, filesize
	return {
		name: c.fixedString(8, 16),
		vmaddr: c.word(24, is64),
		vmsize: c.word(24 + w, is64),
		fileoff: c.word(24 + 2 * w, is64),
		filesize: c.word(24 + 3 * w, is64),
		maxprot: c.i32(p),
		initprot: c.i32(p + 4),
		flags: c.u32(p + 12),
		sections,
	};
}

function readBuildVersion(c: ByteView): MachoBuildVersion {
	// build_version_command: platform, minos, sdk, ntools, then ntools build_tool_version {tool, version}.
	const platform = c.u32(8);
	const ntools = c.u32(20);
	const tools = [];
	for (let i = 0; i < Math.min(ntools, Math.floor((c.length - 24) / 8)); i++) {
		tools.push({ tool: c.u32(24 + i * 8), version: N.machoVersion(c.u32(28 + i * 8)) });
	}
	return { platform, platformName: findName(N.platformNames, platform) ?? `platform ${platform}`, minos: N.machoVersion(c.u32(12)), sdk: N.machoVersion(c.u32(16)), tools };
}

/**
 * Decodes a universal binary (<mach-o/fat.h>): a big-endian fat_header
 * {magic, nfat_arch} and nfat_arch fat_arch {cputype, cpusubtype, offset,
 * size, align} (fat_arch_64 widens offset/size to 64 bits). Returns null when
 * the arch count is implausible (a Java class file shares the magic).
 */
export function readMachoFat(src: RandomAccessSource): MachoFat | null {
	const h = new ByteView(readExact(src, 0, 8, "fat header"), 0, false);
	const is64 = h.u32(0) === N.FAT_MAGIC_64;
	const n = h.u32(4);
	if (n === 0 || n > MAX_FAT_ARCHES) {
		return null;
	}
	const entry = is64 ? 32 : 20;
	const t = new ByteView(readExact(src, 8, n * entry, "fat_arch table"), 8, false);
	const arches = [];
	const files: MachoFile[] = [];
	for (let i = 0; i < n; i++) {
		const o = i * entry;
		const offset = toSafeOffset(is64 ? t.u64(o + 8) : t.u32(o + 8), "fat_arch offset");
		const size = toSafeOffset(is64 ? t.u64(o + 16) : t.u32(o + 12), "fat_arch size");
		const arch = { cpuType: t.i32(o), cpuSubtype: t.u32(o + 4), offset, size, align: t.u32(o + (is64 ? 24 : 16)) };
		if (offset > src.size || size > src.size - offset) {
			throw new BinaryFormatError(8 + o, "fat_arch slice outside file", `${offset}+${size}`);
		}
		arches.push(arch);
		files.push(readMacho(subSource(src, offset, size), offset));
	}
	return { arches, files };
}
