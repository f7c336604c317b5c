import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertFixResolves, covered, findingsFor, goMod, PLAIN_MAIN, single, type Files } from './build-rule-support';

const RULE = 'godebug-unknown';

/** FACTS §1.1: the non-existent clock_gettime64 setting, copied into a runtime image. */
const DOCKERFILE = `FROM golang:1.22-bookworm AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /out/app .

FROM gcr.io/distroless/static-debian12
ENV GODEBUG=clock_gettime64=1
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]
`;

function project(dockerfile: string, extra: Files = {}): Files {
	return { Dockerfile: dockerfile, 'go.mod': goMod('1.22'), 'main.go': PLAIN_MAIN, ...extra };
}

describe('godebug-unknown', () => {
	it('ENV GODEBUG=clock_gettime64=1: a warning on the key, the fix deletes the ENV line', async () => {
		const files = project(DOCKERFILE);
		const finding = await single(files, RULE);
		assert.equal(finding.severity, 'warning');
		assert.equal(covered(files, finding), 'clock_gettime64=1');
		assert.equal(finding.message, '"clock_gettime64" is not a GODEBUG setting in any Go release (a widely copied false claim): the runtime ignores unknown GODEBUG keys in the environment, so it does nothing');
		assert.deepEqual(finding.fixes.map((f) => [f.title, f.isPreferred]), [['Remove "clock_gettime64=1" from GODEBUG', true]]);
		await assertFixResolves(files, finding, 'Remove', 'Dockerfile', DOCKERFILE.replace('ENV GODEBUG=clock_gettime64=1\n', ''), RULE);
	});

	it('removes one entry of a quoted list, with its comma', async () => {
		const dockerfile = DOCKERFILE.replace('ENV GODEBUG=clock_gettime64=1', 'ENV GODEBUG="netdns=go,clock_gettime64=1,gctrace=1" TZ=UTC');
		const files = project(dockerfile);
		const finding = await single(files, RULE);
		await assertFixResolves(files, finding, 'Remove', 'Dockerfile', dockerfile.replace('netdns=go,clock_gettime64=1,gctrace=1', 'netdns=go,gctrace=1'), RULE);
		const last = project(DOCKERFILE.replace('ENV GODEBUG=clock_gettime64=1', 'ENV GODEBUG="netdns=go,clock_gettime64=1"'));
		await assertFixResolves(last, await single(last, RULE), 'Remove', 'Dockerfile', DOCKERFILE.replace('ENV GODEBUG=clock_gettime64=1', 'ENV GODEBUG="netdns=go"'), RULE);
	});

	it('an inline GODEBUG=… on go build: the fix drops the assignment', async () => {
		const dockerfile = DOCKERFILE.replace('ENV GODEBUG=clock_gettime64=1\n', '').replace('RUN CGO_ENABLED=0 go build', 'RUN GODEBUG=clock_gettime64=1 CGO_ENABLED=0 go build');
		const files = project(dockerfile);
		const finding = await single(files, RULE);
		assert.equal(finding.severity, 'warning');
		await assertFixResolves(files, finding, 'Remove', 'Dockerfile', dockerfile.replace('GODEBUG=clock_gettime64=1 ', ''), RULE);
	});

	it('a key added after the builder\'s Go: ignored by that runtime', async () => {
		const files = project(DOCKERFILE.replace('golang:1.22-bookworm', 'golang:1.24-bookworm').replace('clock_gettime64=1', 'decoratemappings=0'));
		const finding = await single(files, RULE);
		assert.equal(finding.message, '"decoratemappings" is not known to Go 1.24 (it was added in Go 1.25): the runtime ignores unknown GODEBUG keys in the environment, so it does nothing');
	});

	it('Go 1.27: a removed key set to its old value in the environment stops the program (and the go command) at start', async () => {
		const runtime = project(DOCKERFILE.replace('golang:1.22-bookworm', 'golang:1.27-bookworm').replace('clock_gettime64=1', 'x509sha1=1'));
		const finding = await single(runtime, RULE);
		assert.equal(finding.severity, 'error');
		assert.equal(finding.message, '"x509sha1=1" sets a GODEBUG setting removed in Go 1.24 to its old value: Go 1.27 programs stop at start with "fatal error: removed GODEBUG "x509sha1" set to old value "1" in environment"');
		const builder = project(DOCKERFILE.replace('golang:1.22-bookworm AS build', 'golang:1.27-bookworm AS build\nENV GODEBUG=asynctimerchan=1').replace('ENV GODEBUG=clock_gettime64=1\n', ''));
		assert.match((await single(builder, RULE)).message, /: Go 1\.27 programs, the go command included, stop at start with "fatal error: removed GODEBUG "asynctimerchan" set to old value "1" in environment"$/);
		const finalValue = project(DOCKERFILE.replace('golang:1.22-bookworm', 'golang:1.27-bookworm').replace('clock_gettime64=1', 'x509sha1=0'));
		assert.deepEqual(await findingsFor(finalValue, RULE), []);
	});

	it('before Go 1.27 a removed key in the environment is only ignored', async () => {
		const files = project(DOCKERFILE.replace('golang:1.22-bookworm', 'golang:1.24-bookworm').replace('clock_gettime64=1', 'x509sha1=1'));
		const finding = await single(files, RULE);
		assert.equal(finding.severity, 'warning');
		assert.match(finding.message, /^"x509sha1=1" sets a GODEBUG setting removed in Go 1\.24 to its old value: the runtime ignores/);
	});

	it('go.mod godebug with clock_gettime64: an error quoting the toolchain, the fix deletes the line', async () => {
		const mod = 'module example.com/app\n\ngo 1.23\n\ngodebug (\n\tclock_gettime64=1\n\tpanicnil=1\n\tdefault=go1.21\n)\n';
		const files = project(DOCKERFILE.replace('ENV GODEBUG=clock_gettime64=1\n', ''), { 'go.mod': mod });
		const finding = await single(files, RULE, 'go.mod');
		assert.equal(finding.file, '/w/go.mod');
		assert.equal(finding.severity, 'error');
		assert.equal(covered(files, finding), 'clock_gettime64=1');
		assert.equal(finding.message, '"clock_gettime64" is not a GODEBUG setting in any Go release (a widely copied false claim): a go.mod godebug line with it is an error, so the build fails with "unknown godebug "clock_gettime64""');
		await assertFixResolves(files, finding, 'Remove "clock_gettime64=1"', 'go.mod', mod.replace('\tclock_gettime64=1\n', ''), RULE, 'go.mod');
	});

	it('go.mod godebug with a removed key: the old value fails from Go 1.27, the final value is accepted', async () => {
		const old = project(DOCKERFILE.replace('ENV GODEBUG=clock_gettime64=1\n', ''), { 'go.mod': goMod('1.27', [], '\ngodebug asynctimerchan=1\n') });
		const finding = await single(old, RULE, 'go.mod');
		assert.equal(finding.severity, 'error');
		assert.match(finding.message, /so the build fails with "removed GODEBUG "asynctimerchan" set to old value "1" \(https:\/\/go\.dev\/doc\/godebug#go-127\)"$/);
		const final = project(DOCKERFILE.replace('ENV GODEBUG=clock_gettime64=1\n', ''), { 'go.mod': goMod('1.27', [], '\ngodebug asynctimerchan=0\n') });
		assert.deepEqual(await findingsFor(final, RULE, 'go.mod'), []);
		const before = project(DOCKERFILE.replace('ENV GODEBUG=clock_gettime64=1\n', ''), { 'go.mod': goMod('1.25', [], '\ngodebug x509sha1=0\n') });
		const warning = await single(before, RULE, 'go.mod');
		assert.equal(warning.severity, 'warning');
		assert.equal(warning.message, '"x509sha1" was removed in Go 1.24: toolchains before Go 1.27 reject a godebug line with it whatever the value, Go 1.27 and later accept its final value');
	});

	it('//go:debug in a main package: an error, the fix deletes the directive; other packages are left to go vet', async () => {
		const main = '//go:debug clock_gettime64=1\n//go:debug panicnil=1\npackage main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hello") }\n';
		const files = project(DOCKERFILE.replace('ENV GODEBUG=clock_gettime64=1\n', ''), { 'main.go': main, 'internal/clock/clock.go': '//go:debug clock_gettime64=1\npackage clock\n' });
		const finding = await single(files, RULE);
		assert.equal(finding.file, '/w/main.go');
		assert.equal(finding.severity, 'error');
		assert.equal(finding.message, '"clock_gettime64" is not a GODEBUG setting in any Go release (a widely copied false claim): a //go:debug directive with it is an error, so the build fails with "invalid //go:debug: unknown //go:debug setting "clock_gettime64""');
		await assertFixResolves(files, finding, 'Remove', 'main.go', main.replace('//go:debug clock_gettime64=1\n', ''), RULE);
	});

	it('silent for known keys: netdns, runtime variables, cpu.*, panicnil in go.mod, default=', async () => {
		const files = project(DOCKERFILE.replace('clock_gettime64=1', '"netdns=go+1,gctrace=1,cpu.avx=off,madvdontneed=1"'), { 'go.mod': goMod('1.23', [], '\ngodebug (\n\tdefault=go1.21\n\tpanicnil=1\n)\n') });
		assert.deepEqual(await findingsFor(files, RULE), []);
	});

	it('a runtime image whose binary comes from outside: only version-independent claims are made', async () => {
		const prebuilt = 'FROM alpine:3.20\nENV GODEBUG=decoratemappings=0,clock_gettime64=1\nCOPY dist/app /app\n';
		const finding = await single(project(prebuilt), RULE);
		assert.match(finding.message, /^"clock_gettime64" is not a GODEBUG setting in any Go release/);
	});
});
