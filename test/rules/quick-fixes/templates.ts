/**
 * Every fix title template in the source (server/src/rules/** and the LSP layer's lsp/code-actions.ts), for
 * the coverage guard in quick-fixes.test.ts. `literal` is the start of the title's string literal as written
 * in `source`; `pattern` must match the title of at least one applied case. Several templates can share a
 * literal when a conditional in it makes distinct titles (`… from GODEBUG` or not, `tag` or `tags`).
 *
 * Not listed: "Fix all … problems in file" and "Fix all Go Ship Check problems in file" (lsp/fix-all.ts),
 * which apply other fixes and are tested in test/unit/rules/fix-all.test.ts and
 * test/protocol/dependents-and-fix-all.test.ts.
 */
export interface TitleTemplate {
	readonly source: string;
	readonly literal: string;
	readonly pattern: RegExp;
	/** A command (no edit): covered by its own test instead of a round trip. */
	readonly command?: true;
}

const FIXES = 'server/src/rules/fixes.ts';
const CODE_ACTIONS = 'server/src/lsp/code-actions.ts';

export const TITLE_TEMPLATES: readonly TitleTemplate[] = [
	{ source: FIXES, literal: 'Set CGO_ENABLED=0 where it is set to 1', pattern: /^Set CGO_ENABLED=0 where it is set to 1$/ },
	{ source: FIXES, literal: 'Set CGO_ENABLED=0 for this go build (inline before "go ${', pattern: /^Set CGO_ENABLED=0 for this go build \(inline before "go build"\)$/ },
	// ci-findings.ts retitles it when the prefix goes before the `make …` / `./build.sh` line that runs go.
	{ source: FIXES, literal: 'Set CGO_ENABLED=0 for this go build (inline before "go ${', pattern: /^Set CGO_ENABLED=0 for this go build \(inline before "(?!go )[^"]+"\)$/ },
	{ source: FIXES, literal: 'Switch the runtime image to "${image}" (same C library as the builder)', pattern: /^Switch the runtime image to "[^"]+" \(same C library as the builder\)$/ },
	{ source: 'server/src/rules/godebug-fix.ts', literal: 'Insert GODEBUG=clock_gettime64=0 (has no effect: no Go release recognises this key)', pattern: /^Insert GODEBUG=clock_gettime64=0 \(has no effect: no Go release recognises this key\)$/ },
	{ source: 'server/src/rules/godebug-unknown.ts', literal: 'Remove "${entry.key}=${entry.value}"${', pattern: /^Remove "[^"=]+=[^"]*" from GODEBUG$/ },
	{ source: 'server/src/rules/godebug-unknown.ts', literal: 'Remove "${entry.key}=${entry.value}"${', pattern: /^Remove "[^"=]+=[^"]*"$/ },
	{ source: 'server/src/rules/cgo-required.ts', literal: 'Set CGO_ENABLED=1 where it is set to 0 (a C compiler is present)', pattern: /^Set CGO_ENABLED=1 where it is set to 0 \(a C compiler is present\)$/ },
	{ source: 'server/src/rules/cgo-required.ts', literal: 'Set CGO_ENABLED=1 and install ${install.packages} before this RUN', pattern: /^Set CGO_ENABLED=1 and install gcc musl-dev before this RUN$/ },
	{ source: 'server/src/rules/cgo-required.ts', literal: 'Install ${install.packages} before this RUN (cgo then defaults to on)', pattern: /^Install gcc musl-dev before this RUN \(cgo then defaults to on\)$/ },
	{ source: 'server/src/rules/cgo-no-compiler.ts', literal: 'Install ${install.packages} before this RUN', pattern: /^Install gcc musl-dev before this RUN$/ },
	{ source: 'server/src/rules/cgo-no-compiler.ts', literal: 'Install ${install.packages} before this RUN', pattern: /^Install gcc libc6-dev before this RUN$/ },
	{ source: 'server/src/rules/cross-build.ts', literal: 'Install ${pkg.name} and build with CC=${cc}', pattern: /^Install \S+ and build with CC=\S+$/ },
	{ source: 'server/src/rules/cross-build.ts', literal: 'Take GOARCH from $TARGETARCH (declared with ARG TARGETARCH)', pattern: /^Take GOARCH from \$TARGETARCH \(declared with ARG TARGETARCH\)$/ },
	{ source: 'server/src/rules/glibc-fixes.ts', literal: 'Build on "${candidate}" (glibc ${release.glibc}; the runtime has ${runtimeGlibc})', pattern: /^Build on "[^"]+" \(glibc [\d.]+; the runtime has [\d.]+\)$/ },
	{ source: 'server/src/rules/go-toolchain.ts', literal: 'Use "${familiarName({ ...ref, tag: newTag })}" (Go ${minor}) for the builder', pattern: /^Use "golang:[^"]+" \(Go \d+\.\d+\) for the builder$/ },
	{ source: 'server/src/rules/musl-tag-missing.ts', literal: 'Add "musl" to -tags', pattern: /^Add "musl" to -tags$/ },
	{ source: 'server/src/rules/musl-tag-missing.ts', literal: 'Add -tags musl to this go build', pattern: /^Add -tags musl to this go build$/ },
	{ source: 'server/src/rules/static-glibc-nss.ts', literal: 'Add the build tag${', pattern: /^Add the build tag "(netgo|osusergo)" \(pure-Go (resolver|user lookup)\)$/ },
	{ source: 'server/src/rules/static-glibc-nss.ts', literal: 'Add the build tag${', pattern: /^Add the build tags "netgo,osusergo" \(pure-Go resolver and user lookup\)$/ },
	{ source: 'server/src/rules/external-link-no-cgo.ts', literal: 'Remove "${removedText}" from -ldflags${', pattern: /^Remove "[^"]+" from -ldflags \(with cgo off the Go linker already links statically\)$/ },
	{ source: 'server/src/rules/external-link-no-cgo.ts', literal: 'Remove "${removedText}" from -ldflags${', pattern: /^Remove "[^"]+" from -ldflags$/ },
	{ source: 'server/src/rules/external-link-no-cgo.ts', literal: 'Remove "-race" (a race-detector build is for testing, not for shipping)', pattern: /^Remove "-race" \(a race-detector build is for testing, not for shipping\)$/ },
	{ source: 'server/src/rules/external-link-no-cgo.ts', literal: 'Set CGO_ENABLED=1 where it is set to 0', pattern: /^Set CGO_ENABLED=1 where it is set to 0$/ },
	{ source: 'server/src/rules/stripped-binary.ts', literal: 'Keep DWARF for Delve and gdb: "${', pattern: /^Keep DWARF for Delve and gdb: "-s -w" → "-s -w=0"$/ },
	{ source: 'server/src/rules/stripped-binary.ts', literal: 'Keep DWARF for Delve and gdb: "${', pattern: /^Keep DWARF for Delve and gdb: "-s" → "-s -w=0"$/ },
	{ source: 'server/src/rules/stripped-binary.ts', literal: 'Remove -s (the symbol table stays for nm and perf; -w still drops DWARF)', pattern: /^Remove -s \(the symbol table stays for nm and perf; -w still drops DWARF\)$/ },
	{ source: 'server/src/rules/stripped-binary.ts', literal: 'Remove -s and -w (keep the symbol table and DWARF)', pattern: /^Remove -s and -w \(keep the symbol table and DWARF\)$/ },
	{ source: 'server/src/rules/stripped-binary.ts', literal: 'Remove -s (keep the symbol table and DWARF)', pattern: /^Remove -s \(keep the symbol table and DWARF\)$/ },
	{ source: 'server/src/rules/stripped-binary.ts', literal: 'Remove -w (keep DWARF for Delve and gdb)', pattern: /^Remove -w \(keep DWARF for Delve and gdb\)$/ },
	{ source: CODE_ACTIONS, literal: 'Ignore ${id} for this instruction', pattern: /^Ignore [a-z-]+ for this instruction$/ },
	{ source: CODE_ACTIONS, literal: 'Ignore ${id} for this file', pattern: /^Ignore [a-z-]+ for this file$/ },
	{ source: CODE_ACTIONS, literal: 'Show documentation for ${id}', pattern: /^Show documentation for [a-z-]+$/, command: true },
];

/** Words a fix title starts with: every string literal starting with one of them is taken for a title. */
export const TITLE_VERBS = [
	'Add', 'Build', 'Change', 'Declare', 'Delete', 'Disable', 'Drop', 'Enable', 'Fix', 'Ignore', 'Insert', 'Install', 'Keep', 'Move', 'Pin', 'Remove', 'Replace', 'Set',
	'Show', 'Switch', 'Take', 'Turn', 'Update', 'Use',
];

/**
 * Lines that mention `title` but make no title of their own (they pass one on, compare or rewrite one); any
 * other such line in the scanned sources must contain a template literal.
 */
export const NON_TEMPLATE_TITLE_LINES: readonly { readonly source: string; readonly line: RegExp; readonly why: string }[] = [
	{ source: 'server/src/rules/types.ts', line: /readonly title: string;/, why: 'the Fix type' },
	{ source: 'server/src/rules/godebug-fix.ts', line: /title: string\): Fix \| undefined/, why: 'insertGodebugFix takes the title from clockGettime64Fix' },
	{ source: 'server/src/rules/godebug-fix.ts', line: /return \{ title, edits:/, why: 'the title passed in' },
	{ source: 'server/src/rules/stripped-binary.ts', line: /const edit = \(title: string/, why: 'the helper the four titles go through' },
	{ source: 'server/src/rules/fix-all.ts', line: /f\.fix\.title === candidate\.fix\.title/, why: 'Fix all compares titles' },
	{ source: 'server/src/rules/ci-findings.ts', line: /\.test\(fix\.title\)/, why: 'retitles "inline before …" for a make/script caller' },
	{ source: 'server/src/rules/ci-findings.ts', line: /title: fix\.title\.replace\(/, why: 'retitles "inline before …" for a make/script caller' },
	{ source: 'server/src/lsp/code-actions.ts', line: /title: fix\.title,/, why: 'a rule fix mapped to a CodeAction' },
];
