#!/usr/bin/env bash
# Builds the real-toolchain binaries used by test/binary/ and stores each one
# as <name>.br.base64 (brotli, quality 11, window 2^24, through node's zlib;
# then base64 in 76 columns) in test/binary/fixtures/,
# then regenerates test/binary/fixtures/README.md with the exact toolchain,
# environment and command of every fixture.
#
# Usage: scripts/build-binary-fixtures.sh [--out DIR] [--raw DIR] [--only NAME]...
#   --out DIR   where the .br.base64 files and README.md go (default test/binary/fixtures)
#   --raw DIR   also keep the raw binaries there (default: a temp dir, deleted)
#   --only NAME build only this fixture (repeatable); README.md is not rewritten
#
# Needs: go (1.26 here), the Go module proxy for GOTOOLCHAIN=go1.21.13 /
# go1.22.12 / go1.17.13 and github.com/mattn/go-sqlite3, Debian's golang-1.19
# (/usr/lib/go-1.19/bin/go), gcc, musl-gcc (musl-tools), aarch64-linux-gnu-gcc,
# python3 (writes the fat Mach-O header), node (brotli), file.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
src="$repo/test/binary/fixtures/src"
out="$repo/test/binary/fixtures"
raw=""
only=()
while [ $# -gt 0 ]; do
	case "$1" in
	--out) out="$2"; shift 2 ;;
	--raw) raw="$2"; shift 2 ;;
	--only) only+=("$2"); shift 2 ;;
	*) echo "unknown argument: $1" >&2; exit 2 ;;
	esac
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
[ -n "$raw" ] || raw="$work/raw"
mkdir -p "$out" "$raw"
manifest="$work/manifest.md"
: >"$manifest"

# Deterministic settings shared by every Go build: no VCS stamping (the
# fixtures live in a git repo and the stamp would change on every commit).
export GOFLAGS=-buildvcs=false
export GOPROXY="${GOPROXY:-https://proxy.golang.org,direct}"
go119=/usr/lib/go-1.19/bin/go

wanted() {
	[ ${#only[@]} -eq 0 ] && return 0
	local n
	for n in "${only[@]}"; do [ "$n" = "$1" ] && return 0; done
	return 1
}

# store NAME TOOL_DESC ENV_DESC CMD_DESC: brotli+base64 the raw binary and
# append a README entry.
store() {
	local name="$1" tool="$2" envdesc="$3" cmd="$4"
	local bin="$raw/$name"
	node -e '
const fs = require("fs"), z = require("zlib");
const data = fs.readFileSync(process.argv[1]);
const packed = z.brotliCompressSync(data, { params: {
	[z.constants.BROTLI_PARAM_QUALITY]: 11,
	[z.constants.BROTLI_PARAM_LGWIN]: 24,
	[z.constants.BROTLI_PARAM_SIZE_HINT]: data.length } });
fs.writeFileSync(process.argv[2], packed.toString("base64").replace(/.{1,76}/g, "$&\n"));
' "$bin" "$out/$name.br.base64"
	{
		echo "### $name"
		echo
		echo "- toolchain: $tool"
		echo "- env: \`${envdesc:-(none)}\`"
		echo "- command: \`$cmd\`"
		echo "- size: $(stat -c %s "$bin") bytes; \`file\`: $(file -b "$bin" | sed 's/BuildID\[[^]]*\]=[0-9a-f]*, //; s/Go BuildID=[^,]*, //')"
		echo
	} >>"$manifest"
	echo "built $name ($(stat -c %s "$bin") bytes)" >&2
}

# gofx NAME GOCMD DIR "ENV..." ARGS...: go build in DIR with ENV, output NAME.
gofx() {
	local name="$1" gocmd="$2" dir="$3" envs="$4"
	shift 4
	wanted "$name" || return 0
	local tool
	# shellcheck disable=SC2086
	tool="$(cd "$src/$dir" && env $envs $gocmd version)"
	(cd "$src/$dir" && env $envs $gocmd build -o "$raw/$name" "$@" .)
	local shown=()
	local a
	for a in "$@"; do
		case "$a" in *' '*) shown+=("'$a'") ;; *) shown+=("$a") ;; esac
	done
	store "$name" "$tool" "GOFLAGS=$GOFLAGS $envs" "cd test/binary/fixtures/src/$dir && $gocmd build -o $name ${shown[*]} ."
}

ext_static='-linkmode external -extldflags "-static"'
ext_static_pie='-linkmode external -extldflags "-static-pie"'

# --- linux/amd64, Go 1.26 (the machine's go) -------------------------------
gofx go126-linux-amd64-cgo-net go cgonet ""
gofx go126-linux-amd64-nocgo go hello "CGO_ENABLED=0"
gofx go126-linux-amd64-nocgo-s-w go hello "CGO_ENABLED=0" -ldflags=-s\ -w
gofx go126-linux-amd64-nocgo-w go hello "CGO_ENABLED=0" -ldflags=-w
gofx go126-linux-amd64-netgo-osusergo go cgonet "CGO_ENABLED=1" -tags netgo,osusergo -ldflags=-s\ -w
gofx go126-linux-amd64-musl-dynamic go cgonet "CGO_ENABLED=1 CC=musl-gcc" -ldflags=-s\ -w
gofx go126-linux-amd64-musl-static go cgonet "CGO_ENABLED=1 CC=musl-gcc" -ldflags="-s -w $ext_static"
gofx go126-linux-amd64-glibc-static go cgonet "CGO_ENABLED=1" -ldflags="-s -w $ext_static"
gofx go126-linux-amd64-static-pie go cgonet "CGO_ENABLED=1" -buildmode=pie -ldflags="-s -w $ext_static_pie"
gofx go126-linux-amd64-pie-nocgo go hello "CGO_ENABLED=0" -buildmode=pie -ldflags=-w
gofx go126-linux-amd64-trimpath go hello "CGO_ENABLED=0" -trimpath -ldflags=-s\ -w
gofx go126-linux-amd64-sqlite go cgosqlite "CGO_ENABLED=1" -ldflags=-s\ -w

# --- other architectures (Go 1.26) -----------------------------------------
gofx go126-linux-arm64-nocgo go hello "CGO_ENABLED=0 GOOS=linux GOARCH=arm64" -ldflags=-w
gofx go126-linux-arm64-cgo go cgonet "CGO_ENABLED=1 GOOS=linux GOARCH=arm64 CC=aarch64-linux-gnu-gcc" -ldflags=-s\ -w
gofx go126-linux-s390x go hello "CGO_ENABLED=0 GOOS=linux GOARCH=s390x" -ldflags=-w
# ELF32 big-endian: MIPS (stripped to keep the committed set small).
gofx go126-linux-mips go hello "CGO_ENABLED=0 GOOS=linux GOARCH=mips GOMIPS=softfloat" -ldflags=-s\ -w
gofx go126-linux-386 go hello "CGO_ENABLED=0 GOOS=linux GOARCH=386" -ldflags=-w
gofx go126-linux-arm go hello "CGO_ENABLED=0 GOOS=linux GOARCH=arm GOARM=7" -ldflags=-w

# --- older toolchains --------------------------------------------------------
gofx go122-linux-amd64-nocgo-s go hello "CGO_ENABLED=0 GOTOOLCHAIN=go1.22.12" -ldflags=-s
gofx go121-linux-amd64-nocgo-s go hello "CGO_ENABLED=0 GOTOOLCHAIN=go1.21.13" -ldflags=-s
gofx go121-linux-amd64-nocgo-w go hello "CGO_ENABLED=0 GOTOOLCHAIN=go1.21.13" -ldflags=-w
gofx go119-linux-amd64-cgo-net "$go119" cgonet "CGO_ENABLED=1" -ldflags=-w
# go1.17 predates -buildvcs, so the machine's go env file (GOFLAGS=-buildvcs=false)
# must be ignored: GOENV=off.
gofx go117-linux-amd64-nocgo go hello "GOENV=off GOFLAGS= CGO_ENABLED=0 GOTOOLCHAIN=go1.17.13"

# --- darwin (Mach-O) and windows (PE) ----------------------------------------
gofx go126-darwin-amd64 go hello "GOOS=darwin GOARCH=amd64" -ldflags=-w
gofx go126-darwin-arm64 go hello "GOOS=darwin GOARCH=arm64" -ldflags=-w
gofx go126-darwin-arm64-s go hello "GOOS=darwin GOARCH=arm64" -ldflags=-s
gofx go121-darwin-arm64-s go hello "GOOS=darwin GOARCH=arm64 GOTOOLCHAIN=go1.21.13" -ldflags=-s
gofx go126-windows-amd64 go hello "GOOS=windows GOARCH=amd64" -ldflags=-w
gofx go126-windows-386 go hello "GOOS=windows GOARCH=386" -ldflags=-w

# A universal (fat) Mach-O made from the two thin darwin slices. There is no
# lipo here, so python3 writes the fat header (mach-o/fat.h: FAT_MAGIC
# 0xcafebabe, big-endian fat_arch {cputype, cpusubtype, offset, size, align})
# with each slice aligned to 2^14, as lipo does for arm64.
if wanted go126-darwin-universal; then
	for arch in amd64 arm64; do
		(cd "$src/hello" && GOOS=darwin GOARCH=$arch go build -o "$work/darwin-$arch-s-w" -ldflags="-s -w" .)
	done
	python3 - "$work/darwin-amd64-s-w" "$work/darwin-arm64-s-w" "$raw/go126-darwin-universal" <<'PY'
import struct, sys
slices = []
for path in sys.argv[1:3]:
    data = open(path, "rb").read()
    cputype, cpusubtype = struct.unpack_from("<iI", data, 4)
    slices.append((cputype, cpusubtype & 0x00ffffff, data))
align = 14
out = bytearray(struct.pack(">II", 0xCAFEBABE, len(slices)))
offset = 1 << align
entries = []
for cputype, sub, data in slices:
    entries.append((cputype, sub, offset, len(data), align))
    offset = (offset + len(data) + (1 << align) - 1) & ~((1 << align) - 1)
for e in entries:
    out += struct.pack(">iIIII", *e)
for (cputype, sub, off, size, _), (_, _, data) in zip(entries, slices):
    out += b"\0" * (off - len(out))
    out += data
open(sys.argv[3], "wb").write(out)
PY
	store go126-darwin-universal "$(go version) + python3" "GOFLAGS=$GOFLAGS GOOS=darwin GOARCH=amd64|arm64" \
		"cd test/binary/fixtures/src/hello && go build -ldflags='-s -w' . for each arch, then the python3 snippet in scripts/build-binary-fixtures.sh writes FAT_MAGIC + 2 fat_arch entries (align 2^14) and the two slices"
fi

# --- not Go --------------------------------------------------------------------
if wanted c-linux-amd64-gcc; then
	gcc -O2 -o "$raw/c-linux-amd64-gcc" "$src/ctest/hello.c"
	store c-linux-amd64-gcc "$(gcc --version | head -1)" "" "gcc -O2 -o c-linux-amd64-gcc test/binary/fixtures/src/ctest/hello.c"
fi

# DT_RPATH (old tags) on an executable, DT_SONAME + DT_RUNPATH on a shared library.
if wanted c-linux-amd64-gcc-rpath; then
	gcc -O2 -Wl,--disable-new-dtags -Wl,-rpath,/opt/shipcheck/lib -o "$raw/c-linux-amd64-gcc-rpath" "$src/ctest/hello.c"
	store c-linux-amd64-gcc-rpath "$(gcc --version | head -1)" "" "gcc -O2 -Wl,--disable-new-dtags -Wl,-rpath,/opt/shipcheck/lib -o c-linux-amd64-gcc-rpath test/binary/fixtures/src/ctest/hello.c"
fi
if wanted c-linux-amd64-gcc-shared; then
	gcc -O2 -shared -fPIC -Wl,-soname,libshipcheck.so.1 -Wl,--enable-new-dtags -Wl,-rpath,'$ORIGIN/../lib' -o "$raw/c-linux-amd64-gcc-shared" "$src/ctest/lib.c"
	store c-linux-amd64-gcc-shared "$(gcc --version | head -1)" "" "gcc -O2 -shared -fPIC -Wl,-soname,libshipcheck.so.1 -Wl,--enable-new-dtags -Wl,-rpath,'\$ORIGIN/../lib' -o c-linux-amd64-gcc-shared test/binary/fixtures/src/ctest/lib.c"
fi

if [ ${#only[@]} -eq 0 ]; then
	{
		echo "# Binary fixtures"
		echo
		echo "Generated by \`scripts/build-binary-fixtures.sh\` on $(uname -sm), $(ldd --version 2>&1 | head -1)."
		echo "Do not edit by hand: rerun the script. Each \`<name>.br.base64\` is the binary compressed with brotli"
		echo "(quality 11, window 2^24, node's zlib; about 17% smaller than gzip -9) then base64 in 76 columns. Decode with"
		echo "\`node -e 'process.stdout.write(require(\"zlib\").brotliDecompressSync(Buffer.from(require(\"fs\").readFileSync(0, \"utf8\"), \"base64\")))' < <name>.br.base64 > <name>\`"
		echo "(test/binary/fixtures.ts does the same)."
		echo "Sources are in \`src/\`. Every Go build ran with \`GOFLAGS=-buildvcs=false\` unless stated;"
		echo "cross builds leave CGO_ENABLED at its default (0) unless the env says otherwise."
		echo "gcc: $(gcc --version | head -1); musl-gcc wraps musl $(dpkg-query -W -f='${Version}' musl-tools 2>/dev/null || echo '?');"
		echo "aarch64-linux-gnu-gcc: $(aarch64-linux-gnu-gcc --version | head -1)."
		echo
		cat "$manifest"
	} >"$out/README.md"
fi
du -ch "$out"/*.br.base64 | tail -1 >&2
