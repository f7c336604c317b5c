// Public API of the binary reader. A leaf: no project imports, no Node built-ins.
export { BinaryFormatError, isBinaryFormatError } from "./errors";
export { RandomAccessSource, CountingSource, memorySource, countingSource, subSource, MAX_READ } from "./source";
export { IntName, nameOf, findName, flagNames } from "./name-table";
export { inspectBinary } from "./inspect";
export { BinaryInfo, InspectResult, SectionSummary, SegmentSummary, VersionNeedSummary } from "./binary-info";
export { toBinaryDto, ldflagsStatus, BinaryDto, GoBuildInfoDto, GoModuleDto, LdflagsDto } from "./dto";
export { formatBinaryText } from "./text/format-binary";
export { formatGoVersion } from "./text/go-version-text";
export { readElf } from "./elf/elf-file";
export { ElfFile, ElfHeader, ElfSection, ElfSegment, ElfDynamicEntry, ElfVersionNeeds, ElfVersionedSymbol, ElfNote, ElfNoteGroup, ToolingFacts } from "./elf/elf-types";
export { readMacho, readMachoFat } from "./macho/macho-file";
export { MachoFile, MachoFat } from "./macho/macho-types";
export { readPe } from "./pe/pe-file";
export { PeFile } from "./pe/pe-types";
export { readGoBuildInfo, GoBuildInfo, GoBuildInfoResult, NotGoReason } from "./buildinfo/buildinfo";
export { GoExe, elfGoExe, machoGoExe, peGoExe } from "./buildinfo/go-exe";
export { GoModule, GoModInfo, parseModInfo } from "./buildinfo/modinfo";
export { classifyElfLinkage, compareVersions, parseGlibcVersion, Linkage, Libc, LinkageFacts } from "./linkage";
