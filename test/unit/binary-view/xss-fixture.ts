// A hostile binary for the inspector's XSS tests: a real Go fixture (go126-linux-amd64-nocgo-s-w, a little-endian
// ELF64 with Go ≥ 1.18 inline build info) whose section names and build info are patched to carry HTML and
// <script>. Pure byte surgery, so no Go toolchain is needed at test time:
//   1. section names: a new .shstrtab is appended at the end of the file, holding the attacker names for a few
//      sections the reader does not look up by name (.typelink, .itablink, .go.fipsinfo), the real names for the
//      rest; the .shstrtab header is pointed at it and every sh_name is rewritten;
//   2. build info: the modinfo string inside .go.buildinfo (between its two 16-byte sentinels) is replaced by text
//      of exactly the same length (so the varint length prefix stays valid): path, a dep and build settings whose
//      values are HTML, padded with one `build pad=…` line.
// The same binary can be made with the toolchain (not needed here): go build -ldflags "-X 'main.x=<script>…'" and
// `objcopy --rename-section .typelink='<img src=x onerror=alert(1)>' app`.

/** Attacker strings the patched binary contains; a safe view shows each one only as text. */
export const XSS = {
	sectionImg: '<img src=x onerror=alert(1)>',
	sectionScript: '<script>alert("sec")</script>',
	sectionQuote: '"><b id=x>&amp;</b>',
	path: 'example.com/<script>alert(2)</script>',
	dep: 'example.com/<svg/onload=alert(3)>',
	ldflags: '-X=main.x=<script>alert(4)</script>',
	settingKey: '<iframe/srcdoc>',
	settingValue: '<img src=y onerror=alert(5)>',
} as const;

const RENAMES: Record<string, string> = { '.typelink': XSS.sectionImg, '.itablink': XSS.sectionScript, '.go.fipsinfo': XSS.sectionQuote };

const MAGIC = '\xff Go buildinf:';

function u16(b: Uint8Array, o: number): number {
	return new DataView(b.buffer, b.byteOffset).getUint16(o, true);
}
function u32(b: Uint8Array, o: number): number {
	return new DataView(b.buffer, b.byteOffset).getUint32(o, true);
}
function u64(b: Uint8Array, o: number): number {
	return Number(new DataView(b.buffer, b.byteOffset).getBigUint64(o, true));
}

function cString(b: Uint8Array, at: number): string {
	let end = at;
	while (b[end] !== 0) end++;
	return Buffer.from(b.subarray(at, end)).toString('latin1');
}

function varint(b: Uint8Array, at: number): { value: number; next: number } {
	let value = 0;
	let shift = 0;
	for (let i = at; ; i++) {
		const byte = b[i] ?? 0;
		value += (byte & 0x7f) * 2 ** shift;
		shift += 7;
		if ((byte & 0x80) === 0) return { value, next: i + 1 };
	}
}

/** Section names rewritten through a new string table appended at the end of the file. */
function patchSectionNames(input: Uint8Array): Uint8Array {
	if (input[4] !== 2 || input[5] !== 1) throw new Error('xss fixture: expected a little-endian ELF64 file');
	const shoff = u64(input, 0x28);
	const shentsize = u16(input, 0x3a);
	const shnum = u16(input, 0x3c);
	const shstrndx = u16(input, 0x3e);
	const strtabOffset = u64(input, shoff + shstrndx * shentsize + 0x18);
	const names: string[] = [];
	for (let i = 0; i < shnum; i++) {
		const name = cString(input, strtabOffset + u32(input, shoff + i * shentsize));
		names.push(RENAMES[name] ?? name);
	}
	for (const wanted of Object.keys(RENAMES)) if (!names.includes(RENAMES[wanted] ?? '')) throw new Error(`xss fixture: no section ${wanted} to rename`);
	const table: number[] = [0];
	const offsets = names.map((n) => {
		if (n === '') return 0;
		const at = table.length;
		table.push(...Buffer.from(n, 'utf8'), 0);
		return at;
	});
	const out = new Uint8Array(input.length + table.length);
	out.set(input);
	out.set(table, input.length);
	const view = new DataView(out.buffer);
	offsets.forEach((at, i) => view.setUint32(shoff + i * shentsize, at, true));
	view.setBigUint64(shoff + shstrndx * shentsize + 0x18, BigInt(input.length), true);
	view.setBigUint64(shoff + shstrndx * shentsize + 0x20, BigInt(table.length), true);
	return out;
}

/** The modinfo text replaced in place by attacker text of the same length. */
function patchBuildInfo(bytes: Uint8Array): Uint8Array {
	const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
	const magic = text.indexOf(MAGIC);
	if (magic < 0 || ((bytes[magic + 15] ?? 0) & 2) === 0) throw new Error('xss fixture: no inline Go build info');
	const version = varint(bytes, magic + 32);
	const mod = varint(bytes, version.next + version.value);
	const start = mod.next + 16;
	const length = mod.value - 32;
	const lines = [
		`path\t${XSS.path}`,
		`mod\t${XSS.path}\t(devel)\t`,
		`dep\t${XSS.dep}\tv1.0.0\th1:AAAA=`,
		'build\t-buildmode=exe',
		'build\t-compiler=gc',
		`build\t-ldflags=${XSS.ldflags}`,
		`build\t${XSS.settingKey}=${JSON.stringify(XSS.settingValue)}`, // quoted: it has spaces (Go's strconv.Quote)
		'build\tCGO_ENABLED=0',
		'build\tGOARCH=amd64',
		'build\tGOOS=linux',
	];
	const body = `${lines.join('\n')}\nbuild\tpad=`;
	const padding = length - Buffer.byteLength(body) - 1;
	if (padding < 0) throw new Error(`xss fixture: modinfo has only ${length} bytes`);
	const replacement = Buffer.from(`${body}${'x'.repeat(padding)}\n`, 'utf8');
	const out = new Uint8Array(bytes);
	out.set(replacement, start);
	return out;
}

/** The hostile binary, from the bytes of go126-linux-amd64-nocgo-s-w. */
export function makeXssBinary(fixture: Uint8Array): Uint8Array {
	return patchBuildInfo(patchSectionNames(fixture));
}
