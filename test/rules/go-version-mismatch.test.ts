import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertFixResolves, covered, findingsFor, goMod, PLAIN_MAIN, relatedOf, type Files } from './build-rule-support';

const RULE = 'go-version-mismatch';

/** SCENARIOS 9: go.mod moved to 1.24, the Dockerfile still builds on golang:1.23-alpine. */
const DOCKERFILE = `FROM golang:1.23-alpine AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -o /out/app .

FROM gcr.io/distroless/static-debian12
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]
`;

function project(dockerfile: string, goModText = goMod('1.24')): Files {
	return { Dockerfile: dockerfile, 'go.mod': goModText, 'go.sum': '', 'main.go': PLAIN_MAIN };
}

describe('go-version-mismatch', () => {
	it('go 1.24 on golang:1.23-alpine (GOTOOLCHAIN=local from the image): error on the tag and on the go line', async () => {
		const files = project(DOCKERFILE);
		const [onFrom, onGoMod] = await findingsFor(files, RULE);
		assert.ok(onFrom && onGoMod);
		assert.equal(onFrom.file, '/w/Dockerfile');
		assert.equal(covered(files, onFrom), 'golang:1.23-alpine');
		assert.equal(onFrom.severity, 'error');
		assert.equal(
			onFrom.message,
			'"golang:1.23-alpine" has Go 1.23 but go.mod says "go 1.24": GOTOOLCHAIN=local is set by the official golang image, so the build fails with "go: go.mod requires go >= 1.24 (running go 1.23.x; GOTOOLCHAIN=local)"',
		);
		assert.deepEqual(relatedOf(files, onFrom), ['go.mod: "go 1.24": go.mod asks for Go 1.24 here']);
		assert.equal(onGoMod.file, '/w/go.mod');
		assert.equal(covered(files, onGoMod), 'go 1.24');
		assert.equal(onGoMod.severity, 'error');
		assert.match(onGoMod.message, /^"go 1\.24" needs a newer Go than "golang:1\.23-alpine" \(Go 1\.23\) in Dockerfile: GOTOOLCHAIN=local/);
		assert.deepEqual(relatedOf(files, onGoMod), ['Dockerfile: "golang:1.23-alpine": the builder image: Go 1.23']);
		assert.deepEqual(onFrom.fixes.map((f) => [f.title, f.isPreferred]), [['Use "golang:1.24-alpine" (Go 1.24) for the builder', true]]);
		assert.deepEqual(onGoMod.fixes, onFrom.fixes);
		await assertFixResolves(files, onFrom, 'Use "golang:1.24-alpine"', 'Dockerfile', DOCKERFILE.replace('golang:1.23-alpine', 'golang:1.24-alpine'), RULE);
	});

	it('also shows in go.mod when go.mod is the document being edited', async () => {
		const findings = await findingsFor(project(DOCKERFILE), RULE, 'go.mod');
		assert.deepEqual(findings.map((f) => f.file), ['/w/Dockerfile', '/w/go.mod']);
	});

	it('a patch go line: the minor tag is enough, a patch tag older than it is not', async () => {
		assert.deepEqual(await findingsFor(project(DOCKERFILE, goMod('1.23.5')), RULE), []);
		const patchTag = DOCKERFILE.replace('golang:1.23-alpine', 'golang:1.23.4-alpine');
		const [finding] = await findingsFor(project(patchTag, goMod('1.23.5')), RULE);
		assert.ok(finding);
		assert.match(finding.message, /"go: go\.mod requires go >= 1\.23\.5 \(running go 1\.23\.4; GOTOOLCHAIN=local\)"$/);
		await assertFixResolves(project(patchTag, goMod('1.23.5')), finding, 'Use "golang:1.23-alpine"', 'Dockerfile', DOCKERFILE, RULE);
	});

	it('ENV GOTOOLCHAIN=auto: a warning that a toolchain is downloaded at build time, pointing at the ENV', async () => {
		const dockerfile = DOCKERFILE.replace('WORKDIR /src', 'ENV GOTOOLCHAIN=auto\nWORKDIR /src');
		const files = project(dockerfile);
		const [finding] = await findingsFor(files, RULE);
		assert.ok(finding);
		assert.equal(finding.severity, 'warning');
		assert.equal(finding.message, '"golang:1.23-alpine" has Go 1.23 but go.mod says "go 1.24": GOTOOLCHAIN=auto is set, so the go command downloads go1.24 at build time (fails offline or where the module proxy is blocked)');
		assert.deepEqual(relatedOf(files, finding), ['go.mod: "go 1.24": go.mod asks for Go 1.24 here', 'Dockerfile: "GOTOOLCHAIN=auto": GOTOOLCHAIN=auto is set']);
	});

	it('a newer toolchain line: ignored under GOTOOLCHAIN=local, downloaded under auto', async () => {
		const withToolchain = goMod('1.23', [], '\ntoolchain go1.24.3\n');
		assert.deepEqual(await findingsFor(project(DOCKERFILE, withToolchain), RULE), []);
		const auto = project(DOCKERFILE.replace('RUN CGO_ENABLED=0', 'RUN GOTOOLCHAIN=auto CGO_ENABLED=0'), withToolchain);
		const [finding] = await findingsFor(auto, RULE);
		assert.ok(finding);
		assert.equal(finding.severity, 'warning');
		assert.match(finding.message, /go\.mod says "toolchain go1\.24\.3": GOTOOLCHAIN=auto is set, so the go command downloads go1\.24\.3 at build time/);
		assert.equal(covered(auto, finding.related[0]), 'toolchain go1.24.3');
	});

	it('a builder before Go 1.21: a warning, the go line is advisory there', async () => {
		const files = project(DOCKERFILE.replace('golang:1.23-alpine', 'golang:1.20-alpine'), goMod('1.21'));
		const [finding] = await findingsFor(files, RULE);
		assert.ok(finding);
		assert.equal(finding.severity, 'warning');
		assert.equal(finding.message, '"golang:1.20-alpine" has Go 1.20 but go.mod says "go 1.21": before Go 1.21 the go line is advisory, so Go 1.20 builds it anyway and fails later if the code uses newer features');
	});

	it('an image whose GOTOOLCHAIN default is not known (golang:1.21.0) is a warning', async () => {
		const [finding] = await findingsFor(project(DOCKERFILE.replace('golang:1.23-alpine', 'golang:1.21.0-alpine'), goMod('1.22')), RULE);
		assert.ok(finding);
		assert.equal(finding.severity, 'warning');
		assert.match(finding.message, /depends on GOTOOLCHAIN \(the golang:1\.21\.0 image was last built before the official images set GOTOOLCHAIN=local \(2023-09-23\)\)$/);
	});

	it('keeps the variant, and offers no tag that does not exist', async () => {
		const bookworm = project(DOCKERFILE.replace('golang:1.23-alpine', 'golang:1.22-bookworm'));
		const [finding] = await findingsFor(bookworm, RULE);
		assert.ok(finding);
		assert.deepEqual(finding.fixes.map((f) => f.edits[0].newText), ['golang:1.24-bookworm']);
		const oldAlpine = project(DOCKERFILE.replace('golang:1.23-alpine', 'golang:1.23-alpine3.19'), goMod('1.25'));
		const [noFix] = await findingsFor(oldAlpine, RULE);
		assert.ok(noFix);
		assert.deepEqual(noFix.fixes, []);
	});

	it('one finding per builder even when later stages build FROM it', async () => {
		const chained = DOCKERFILE.replace('FROM gcr.io', 'FROM build AS test\nRUN go build -o /out/app2 .\n\nFROM gcr.io');
		assert.equal((await findingsFor(project(chained), RULE)).length, 2);
	});

	it('TRAP: a stage that only runs go install pkg@version stays silent', async () => {
		const tools = 'FROM golang:1.22-alpine AS tools\nRUN go install github.com/go-delve/delve/cmd/dlv@v1.23.0\n\nFROM alpine:3.20\nCOPY --from=tools /go/bin/dlv /usr/local/bin/dlv\n';
		assert.deepEqual(await findingsFor(project(tools, goMod('1.24')), RULE), []);
	});

	it('silent when the builder is new enough, or GOTOOLCHAIN names a new enough toolchain', async () => {
		assert.deepEqual(await findingsFor(project(DOCKERFILE.replace('golang:1.23-alpine', 'golang:1.24-alpine')), RULE), []);
		assert.deepEqual(await findingsFor(project(DOCKERFILE.replace('WORKDIR /src', 'ENV GOTOOLCHAIN=go1.24.2\nWORKDIR /src')), RULE), []);
	});
});
