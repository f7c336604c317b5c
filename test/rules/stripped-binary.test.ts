import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, findingsOf, fixTitled, onlyFinding, PLAIN_MAIN, project, textAt } from './helpers';

const ID = 'stripped-binary';

function dockerfile(build: string, builder = 'golang:1.22', prefix = ''): string {
	return `FROM ${builder} AS build\nWORKDIR /src\nCOPY . .\n${prefix}RUN ${build}\n\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app\nENTRYPOINT ["/app"]\n`;
}

function files(build: string, builder?: string, prefix?: string): Record<string, string> {
	return project(dockerfile(build, builder, prefix), { 'main.go': PLAIN_MAIN });
}

const KEEPS = 'Go panic traces, pprof profiles and profilers that read .gopclntab keep function names';
const NO_DWARF = 'Delve refuses to start ("could not open debug info"), gdb loses source-level debugging';
const NO_SYMTAB = 'nm, perf and profilers that read only the ELF symbol table show no function names';

describe(ID, () => {
	it('explains -s -w (Go 1.22): what breaks, what keeps working, and three fixes', async () => {
		const ws = files('CGO_ENABLED=0 go build -ldflags="-s -w" -o /out/app .');
		const f = await onlyFinding(ws, ID);
		assert.equal(f.severity, 'info');
		assert.equal(textAt(ws, f), '-s -w');
		assert.equal(f.message, `"-s -w" strips the symbol table and DWARF: ${NO_DWARF}, and ${NO_SYMTAB}; ${KEEPS}`);
		assert.doesNotMatch(f.message, /pprof[^;]*(break|lose|hex)/);
		assert.deepEqual(f.related, []);
		assert.deepEqual(
			f.fixes.map((x) => [x.title, x.isPreferred === true]),
			[
				['Keep DWARF for Delve and gdb: "-s -w" → "-s -w=0"', false],
				['Remove -s (the symbol table stays for nm and perf; -w still drops DWARF)', false],
				['Remove -s and -w (keep the symbol table and DWARF)', false],
			],
		);
	});

	it('-s -w → -s -w=0 keeps DWARF; re-analysis reports only the symbol table and does not offer it again', async () => {
		const ws = files('CGO_ENABLED=0 go build -ldflags="-s -w" -o /out/app .');
		const fixed = applyFix(ws, fixTitled(await onlyFinding(ws, ID), 'Keep DWARF'));
		assert.equal(fixed.Dockerfile, dockerfile('CGO_ENABLED=0 go build -ldflags="-s -w=0" -o /out/app .'));
		const again = await onlyFinding(fixed, ID);
		assert.equal(textAt(fixed, again), '-s -w=0');
		assert.equal(again.message, `"-s -w=0" strips the symbol table: ${NO_SYMTAB}; ${KEEPS}, and DWARF stays for Delve and gdb`);
		assert.deepEqual(again.fixes.map((x) => x.title), ['Remove -s (keep the symbol table and DWARF)']);
	});

	it('removing -s leaves -w, which is reported for DWARF only; removing both leaves nothing to report', async () => {
		const ws = files('CGO_ENABLED=0 go build -ldflags="-s -w" -o /out/app .');
		const f = await onlyFinding(ws, ID);
		const noS = applyFix(ws, fixTitled(f, 'Remove -s ('));
		assert.equal(noS.Dockerfile, dockerfile('CGO_ENABLED=0 go build -ldflags="-w" -o /out/app .'));
		const wOnly = await onlyFinding(noS, ID);
		assert.equal(wOnly.message, `"-w" strips DWARF: Delve refuses to start ("could not open debug info") and gdb loses source-level debugging; ${KEEPS}`);
		assert.deepEqual(wOnly.fixes.map((x) => x.title), ['Remove -w (keep DWARF for Delve and gdb)']);
		const none = applyFix(noS, wOnly.fixes[0]);
		assert.equal(none.Dockerfile, dockerfile('CGO_ENABLED=0 go build -o /out/app .'));
		assert.deepEqual(await findingsOf(none, ID), []);
		const both = applyFix(ws, fixTitled(f, 'Remove -s and -w'));
		assert.equal(both.Dockerfile, none.Dockerfile);
	});

	it('-s alone implies -w; the fix adds -w=0 and keeps the other linker flags', async () => {
		const ws = files('CGO_ENABLED=0 go build -ldflags "-s -X main.version=1.2.3" -o /out/app .');
		const f = await onlyFinding(ws, ID);
		assert.equal(textAt(ws, f), '-s');
		assert.equal(f.message, `"-s" strips the symbol table and, with it, DWARF: ${NO_DWARF}, and ${NO_SYMTAB}; ${KEEPS}`);
		const fixed = applyFix(ws, fixTitled(f, 'Keep DWARF for Delve and gdb: "-s" → "-s -w=0"'));
		assert.equal(fixed.Dockerfile, dockerfile('CGO_ENABLED=0 go build -ldflags "-s -w=0 -X main.version=1.2.3" -o /out/app .'));
		const removed = applyFix(ws, fixTitled(f, 'Remove -s'));
		assert.equal(removed.Dockerfile, dockerfile('CGO_ENABLED=0 go build -ldflags "-X main.version=1.2.3" -o /out/app .'));
		assert.deepEqual(await findingsOf(removed, ID), []);
	});

	it('offers no -w=0 before Go 1.22, and says -w=0 does not keep DWARF there', async () => {
		const f = await onlyFinding(files('CGO_ENABLED=0 go build -ldflags "-s -w" -o /out/app .', 'golang:1.21'), ID);
		assert.equal(f.fixes.some((x) => x.title.startsWith('Keep DWARF')), false);
		const old = await onlyFinding(files('CGO_ENABLED=0 go build -ldflags "-s -w=0" -o /out/app .', 'golang:1.21'), ID);
		assert.equal(old.message, `"-s -w=0" strips the symbol table and, with it, DWARF (-w=0 keeps it only from Go 1.22): ${NO_DWARF}, and ${NO_SYMTAB}; ${KEEPS}`);
	});

	it('names the unknown when the builder\'s Go version is not known', async () => {
		const f = await onlyFinding(files('CGO_ENABLED=0 go build -ldflags "-s -w=0" -o /out/app .', 'registry.example.com/go-builder:1'), ID);
		assert.equal(f.message, `"-s -w=0" strips the symbol table: ${NO_SYMTAB}; ${KEEPS}; DWARF stays only if the builder runs Go 1.22 or later, which is not known`);
	});

	it('points at -trimpath, which hides -ldflags from the build info', async () => {
		const ws = files('CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/app .');
		const f = await onlyFinding(ws, ID);
		assert.deepEqual(
			f.related.map((r) => [textAt(ws, r), r.message]),
			[['-trimpath', '-trimpath keeps -ldflags out of the build info: "go version -m" will not show that this binary is stripped; check for .symtab and .debug_* sections instead']],
		);
	});

	it('reports -ldflags from GOFLAGS without offering edits there', async () => {
		const ws = files('CGO_ENABLED=0 go build -o /out/app .', 'golang:1.22', 'ENV GOFLAGS=-ldflags=-w\n');
		const f = await onlyFinding(ws, ID);
		assert.match(f.message, /^"-w" strips DWARF:/);
		assert.deepEqual(f.fixes, []);
	});

	describe('stays silent', () => {
		for (const build of [
			'CGO_ENABLED=0 go build -o /out/app .',
			'CGO_ENABLED=0 go build -ldflags "-X main.version=1.2.3" -o /out/app .',
			'CGO_ENABLED=0 go build -ldflags "-s=false -w=false" -o /out/app .',
			'CGO_ENABLED=0 go build -ldflags "-w=0" -o /out/app .',
		]) {
			it(build, async () => {
				assert.deepEqual(await findingsOf(files(build), ID), []);
			});
		}
	});
});
