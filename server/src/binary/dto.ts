import { BinaryInfo } from "./binary-info";
import { GoBuildInfo } from "./buildinfo/buildinfo";
import { GoModule } from "./buildinfo/modinfo";
import { hex } from "./byte-view";

/** JSON shape of a Go module line. */
export interface GoModuleDto {
	path: string;
	version: string;
	sum: string;
	replace: GoModuleDto | null;
}

/** Whether `-ldflags` can be known from build info (FACTS §8: -trimpath omits it). */
export type LdflagsDto = { status: "recorded"; value: string } | { status: "not recorded"; why: string } | { status: "absent" };

/** JSON shape of Go build info. */
export interface GoBuildInfoDto {
	version: string;
	path: string;
	main: GoModuleDto | null;
	deps: GoModuleDto[];
	settings: Record<string, string>;
	ldflags: LdflagsDto;
}

/**
 * The wire contract for one binary: addresses as hex strings, sizes and
 * offsets as numbers, no bigint. A knowledge-base layer may add `runsOn`
 * (`{ ...toBinaryDto(info), runsOn }`); this function does not need it.
 */
export interface BinaryDto {
	format: "elf" | "macho" | "pe";
	class: 32 | 64;
	machine: string;
	type: string;
	linkage: "static" | "static-pie" | "dynamic";
	interpreter: string | null;
	libc: "glibc" | "musl" | "none" | "unknown";
	glibcMin: string | null;
	needed: string[];
	versionNeeds: { file: string; versions: string[] }[];
	sections: { name: string; type: string; address: string; offset: number; size: number; flags: string }[];
	segments: { type: string; name: string; offset: number; address: string; fileSize: number; memSize: number; flags: string; align: number }[];
	symtab: boolean;
	dwarf: boolean;
	gopclntab: boolean;
	go: GoBuildInfoDto | null;
}

function num(v: bigint): number {
	return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v);
}

/** Converts a BinaryInfo to the JSON-safe DTO. Pure; no knowledge-base lookups. */
export function toBinaryDto(info: BinaryInfo): BinaryDto {
	return {
		format: info.format,
		class: info.class,
		machine: info.machine,
		type: info.type,
		linkage: info.linkage,
		interpreter: info.interpreter,
		libc: info.libc,
		glibcMin: info.glibcMin,
		needed: [...info.needed],
		versionNeeds: info.versionNeeds.map((v) => ({ file: v.file, versions: [...v.versions] })),
		sections: info.sections.map((s) => ({ name: s.name, type: s.type, address: hex(s.address), offset: s.offset, size: num(s.size), flags: s.flags })),
		segments: info.segments.map((p) => ({ type: p.type, name: p.name, offset: p.offset, address: hex(p.address), fileSize: num(p.fileSize), memSize: num(p.memSize), flags: p.flags, align: num(p.align) })),
		symtab: info.tooling.symtab,
		dwarf: info.tooling.dwarf,
		gopclntab: info.tooling.gopclntab,
		go: info.go ? goDto(info.go) : null,
	};
}

function moduleDto(m: GoModule): GoModuleDto {
	return { path: m.path, version: m.version, sum: m.sum, replace: m.replace ? moduleDto(m.replace) : null };
}

function goDto(g: GoBuildInfo): GoBuildInfoDto {
	const settings: Record<string, string> = {};
	for (const s of g.settings) {
		settings[s.key] = s.value;
	}
	return { version: g.goVersion, path: g.path, main: g.main ? moduleDto(g.main) : null, deps: g.deps.map(moduleDto), settings, ldflags: ldflagsStatus(g) };
}

/**
 * "-ldflags" from build info. cmd/go omits it (and CGO_*FLAGS) under -trimpath
 * (go.dev/issue/52372), and Go before 1.18 recorded no build settings at all:
 * in both cases it is "not recorded", which is different from "absent".
 */
export function ldflagsStatus(g: GoBuildInfo): LdflagsDto {
	const ld = g.settings.find((s) => s.key === "-ldflags");
	if (ld) {
		return { status: "recorded", value: ld.value };
	}
	if (g.settings.length === 0) {
		return { status: "not recorded", why: "no build settings in build info (Go before 1.18)" };
	}
	if (g.settings.some((s) => s.key === "-trimpath" && s.value === "true")) {
		return { status: "not recorded", why: "-trimpath omits -ldflags from build info" };
	}
	return { status: "absent" };
}
