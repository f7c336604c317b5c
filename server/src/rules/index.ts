import { glibcTooOld } from './glibc-too-old';
import { libcMismatch } from './libc-mismatch';
import { externalLinkNoCgo } from './external-link-no-cgo';
import { cgoRequired } from './cgo-required';
import { cgoNoCompiler } from './cgo-no-compiler';
import { strippedBinary } from './stripped-binary';
import { muslTagMissing } from './musl-tag-missing';
import { goVersionMismatch } from './go-version-mismatch';
import { staticGlibcNss } from './static-glibc-nss';
import { godebugUnknown } from './godebug-unknown';
import { cgoImplicit } from './cgo-implicit';
import { cgoCrossCompile } from './cgo-cross-compile';
import { libcWorkaround } from './libc-workaround';
import type { Rule } from './rule';

/** The explicit registry of rules (actionlint's `rules := []Rule{…}`); a test checks it against the files and docs. */
export const RULES: readonly Rule[] = [libcMismatch, glibcTooOld, externalLinkNoCgo, cgoRequired, cgoNoCompiler, strippedBinary, muslTagMissing, goVersionMismatch, staticGlibcNss, godebugUnknown, cgoImplicit, cgoCrossCompile, libcWorkaround];
