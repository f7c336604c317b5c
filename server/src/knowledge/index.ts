/**
 * The knowledge base: facts about the outside world (images, libc, Go toolchains, runners) as data
 * with sources. A leaf: no imports from other project folders, no Node built-ins, no vscode.
 */
export * from './types';
export * from './version';
export { KNOWLEDGE_AS_OF, RETRIEVED, facts, url } from './sources';
export * from './image-ref';
export * from './images/index';
export { DEBIAN_RELEASES, debianRelease } from './images/debian';
export { UBUNTU_RELEASES, ubuntuRelease } from './images/ubuntu';
export { ALPINE_RELEASES, alpineRelease } from './images/alpine';
export { GOLANG_MINORS, GOLANG_LATEST_HISTORY, GOLANG_UPDATED_MINORS, golangMinor } from './images/golang-table';
export { RHEL_GLIBC } from './images/rhel';
export * from './go-releases';
export * from './cgo-modules';
export * from './std-cgo-imports';
export * from './runtime-alternatives';
