/**
 * The knowledge base: facts about the outside world (images, libc, Go toolchains, runners) as data
 * with sources. A leaf: no imports from other project folders, no Node built-ins, no vscode.
 * Everything is "as of" {@link KNOWLEDGE_AS_OF} (the end of the FACTS.md history read) unless a
 * source says otherwise.
 */
export * from './types';
export * from './version';
export { KNOWLEDGE_AS_OF, RETRIEVED, facts, scenarios, url } from './sources';
export * from './image-ref';
export * from './images/index';
export type { ImageFamily, ResolveContext } from './images/common';
export { DEBIAN_RELEASES, debianRelease } from './images/debian';
export type { DebianRelease } from './images/debian';
export { UBUNTU_RELEASES, ubuntuRelease } from './images/ubuntu';
export type { UbuntuRelease } from './images/ubuntu';
export { ALPINE_RELEASES, alpineRelease } from './images/alpine';
export type { AlpineRelease } from './images/alpine';
export { GOLANG_MINORS, GOLANG_LATEST_HISTORY, GOLANG_UPDATED_MINORS, golangMinor } from './images/golang-table';
export type { GolangMinor } from './images/golang-table';
export { RHEL_GLIBC } from './images/rhel';
export * from './go-releases';
export * from './godebug';
export * from './linker-flags';
export * from './cgo-modules';
export * from './std-cgo-imports';
export * from './loaders';
export * from './runners';
export * from './cross-compilers';
export * from './runtime-alternatives';
export * from './verified';
export * from './golang-image-env';
export * from './godebug-removed';
export * from './go-platforms';
export { SETUP_GO, type SetupGoFact } from './setup-go';
