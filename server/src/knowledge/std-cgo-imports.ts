/**
 * Standard-library packages that bring in `net` or `os/user`, the two standard packages that use
 * cgo on Linux (FACTS §3.2). Importing any of these makes a default cgo build link the C resolver
 * or user lookup unless `-tags netgo` / `osusergo` is given (FACTS §3.3).
 *
 * Computed with Go 1.26.8 on linux/amd64 (read 2026-11-23):
 *   go list -f '{{.ImportPath}} {{join .Deps " "}}' std
 * keeping every non-internal, non-vendor package whose dependencies include `net` (or `os/user`).
 * Other Go versions and platforms may differ slightly.
 */
import { facts } from './sources';
import type { Source } from './types';

/** Standard packages whose import implies `net` (including `net` itself). */
export const STD_PACKAGES_USING_NET: ReadonlySet<string> = new Set([
	'crypto/tls',
	'crypto/x509',
	'expvar',
	'log/syslog',
	'mime/multipart',
	'net',
	'net/http',
	'net/http/cgi',
	'net/http/cookiejar',
	'net/http/fcgi',
	'net/http/httptest',
	'net/http/httptrace',
	'net/http/httputil',
	'net/http/pprof',
	'net/mail',
	'net/rpc',
	'net/rpc/jsonrpc',
	'net/smtp',
	'net/textproto',
]);

/** Standard packages whose import implies `os/user` (including `os/user` itself). */
export const STD_PACKAGES_USING_OS_USER: ReadonlySet<string> = new Set(['archive/tar', 'os/user']);

/** Where the two sets come from. */
export const STD_CGO_IMPORTS_SOURCES: readonly Source[] = [
	facts('3.2', '"The packages in the standard library that use cgo are net, os/user, and plugin"'),
	{ ref: 'go list -deps std (go1.26.8 linux/amd64)', asOf: '2026-11-23', note: 'transitive importers of net and os/user' },
];
