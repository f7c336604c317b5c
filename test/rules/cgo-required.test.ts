import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertFixResolves, covered, findingsFor, goMod, KAFKA_MAIN, NET_MAIN, relatedOf, single, SQLITE_MAIN, type Files } from './build-rule-support';

const RULE = 'cgo-required';
const SQLITE = 'github.com/mattn/go-sqlite3 v1.14.22';
const KAFKA = 'github.com/confluentinc/confluent-kafka-go/v2 v2.5.0';

/** SCENARIOS 6: sqlite added to a project whose Dockerfile already had CGO_ENABLED=0 for a scratch image. */
const SCRATCH_DOCKERFILE = `FROM golang:1.22-alpine AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ENV CGO_ENABLED=0
RUN go build -trimpath -o /out/server ./cmd/server

FROM scratch
COPY --from=build /out/server /server
ENTRYPOINT ["/server"]
`;

function sqliteProject(dockerfile = SCRATCH_DOCKERFILE, main = SQLITE_MAIN): Files {
	return { Dockerfile: dockerfile, 'go.mod': goMod('1.22', [SQLITE]), 'go.sum': '', 'cmd/server/main.go': main };
}

describe('cgo-required', () => {
	it('go-sqlite3 with ENV CGO_ENABLED=0: error on the assignment, the stub error quoted, the chain related', async () => {
		const files = sqliteProject();
		const finding = await single(files, RULE);
		assert.equal(finding.severity, 'error');
		assert.equal(covered(files, finding), 'CGO_ENABLED=0');
		assert.equal(
			finding.message,
			`"github.com/mattn/go-sqlite3" needs cgo but cgo is off for this build (CGO_ENABLED=0 is set): it compiles, then fails at run time with "Binary was compiled with 'CGO_ENABLED=0', go-sqlite3 requires cgo to work. This is a stub"`,
		);
		assert.deepEqual(relatedOf(files, finding), [
			`go.mod: "require github.com/mattn/go-sqlite3 v1.14.22": "github.com/mattn/go-sqlite3" is required here; a pure-Go alternative: modernc.org/sqlite`,
			`cmd/server/main.go: "\\"github.com/mattn/go-sqlite3\\"": imported here`,
			`Dockerfile: "FROM golang:1.22-alpine AS build": built in stage "build": "golang:1.22-alpine" (now golang:1.22-alpine3.21 since 2024-12-05) (Alpine 3.21, musl 1.2.5, no C compiler)`,
		]);
		assert.deepEqual(finding.fixes.map((f) => f.title), ['Set CGO_ENABLED=1 and install gcc musl-dev before this RUN']);
		await assertFixResolves(files, finding, 'Set CGO_ENABLED=1', 'Dockerfile', SCRATCH_DOCKERFILE.replace('ENV CGO_ENABLED=0\nRUN go build', 'ENV CGO_ENABLED=1\nRUN apk add --no-cache gcc musl-dev\nRUN go build'), RULE);
	});

	it('confluent-kafka-go with an inline CGO_ENABLED=0 on a Debian builder: the compile error that never mentions cgo', async () => {
		const dockerfile = 'FROM golang:1.22-bookworm AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/consumer .\n\nFROM gcr.io/distroless/base-debian12\nCOPY --from=build /out/consumer /consumer\nENTRYPOINT ["/consumer"]\n';
		const files = { Dockerfile: dockerfile, 'go.mod': goMod('1.22', [KAFKA]), 'main.go': KAFKA_MAIN };
		const finding = await single(files, RULE);
		assert.equal(finding.severity, 'error');
		assert.equal(covered(files, finding), 'CGO_ENABLED=0');
		assert.equal(
			finding.message,
			'"github.com/confluentinc/confluent-kafka-go/v2" needs cgo but cgo is off for this build (CGO_ENABLED=0 is set): the build fails with errors such as "undefined: kafka.NewProducer" that never mention cgo',
		);
		assert.match(relatedOf(files, finding)[0], /^go\.mod: "require github\.com\/confluentinc\/confluent-kafka-go\/v2 v2\.5\.0": .*a pure-Go alternative: github\.com\/segmentio\/kafka-go$/);
		await assertFixResolves(files, finding, 'Set CGO_ENABLED=1 where it is set to 0', 'Dockerfile', dockerfile.replace('CGO_ENABLED=0 go build', 'CGO_ENABLED=1 go build'), RULE);
	});

	it('cgo off by default (alpine builder, Go 1.20+, no gcc): the finding sits on "go build" and the fix installs gcc musl-dev', async () => {
		const dockerfile = 'FROM golang:1.23-alpine AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /out/server ./cmd/server\n\nFROM alpine:3.20\nCOPY --from=build /out/server /usr/local/bin/server\n';
		const files = sqliteProject(dockerfile);
		const finding = await single(files, RULE);
		assert.equal(covered(files, finding), 'go build');
		assert.equal(finding.severity, 'error');
		assert.match(finding.message, /cgo is off for this build \(CGO_ENABLED is unset and golang:1\.23-alpine has no C compiler; since Go 1\.20 cgo then defaults to off\)/);
		await assertFixResolves(files, finding, 'Install gcc musl-dev before this RUN', 'Dockerfile', dockerfile.replace('RUN go build', 'RUN apk add --no-cache gcc musl-dev\nRUN go build'), RULE);
	});

	it('keeps the indentation of an indented RUN when it inserts the install line', async () => {
		const dockerfile = 'FROM golang:1.23-alpine AS build\nWORKDIR /src\nCOPY . .\nENV CGO_ENABLED=0\n  RUN go build -o /out/server ./cmd/server\n';
		const files = sqliteProject(dockerfile);
		const finding = await single(files, RULE);
		await assertFixResolves(files, finding, 'Set CGO_ENABLED=1', 'Dockerfile', 'FROM golang:1.23-alpine AS build\nWORKDIR /src\nCOPY . .\nENV CGO_ENABLED=1\n  RUN apk add --no-cache gcc musl-dev\n  RUN go build -o /out/server ./cmd/server\n', RULE);
	});

	it('TRAP: a cgo driver behind //go:build cgo and a pure-Go driver behind !cgo stays silent', async () => {
		const files: Files = {
			Dockerfile: SCRATCH_DOCKERFILE,
			'go.mod': goMod('1.22', [SQLITE, 'modernc.org/sqlite v1.29.0']),
			'go.sum': '',
			'cmd/server/main.go': 'package main\n\nimport "database/sql"\n\nfunc main() { db, _ := sql.Open(driverName, "/data/app.db"); _ = db.Ping() }\n',
			'cmd/server/db_cgo.go': '//go:build cgo\n\npackage main\n\nimport _ "github.com/mattn/go-sqlite3"\n\nconst driverName = "sqlite3"\n',
			'cmd/server/db_nocgo.go': '//go:build !cgo\n\npackage main\n\nimport _ "modernc.org/sqlite"\n\nconst driverName = "sqlite"\n',
		};
		assert.deepEqual(await findingsFor(files, RULE), []);
	});

	it('TRAP: an old-style "// +build cgo" line excludes the importer too', async () => {
		const files = { ...sqliteProject(), 'cmd/server/main.go': NET_MAIN, 'cmd/server/db.go': '// +build cgo\n\npackage main\n\nimport _ "github.com/mattn/go-sqlite3"\n' };
		assert.deepEqual(await findingsFor(files, RULE), []);
	});

	it('a custom tag decides: "//go:build !nosqlite" is built without -tags nosqlite and excluded with it', async () => {
		const importer = '//go:build !nosqlite\n\npackage main\n\nimport _ "github.com/mattn/go-sqlite3"\n';
		const files = { ...sqliteProject(), 'cmd/server/main.go': NET_MAIN, 'cmd/server/db.go': importer };
		assert.equal((await single(files, RULE)).severity, 'error');
		const tagged = { ...files, Dockerfile: SCRATCH_DOCKERFILE.replace('go build -trimpath', 'go build -tags nosqlite -trimpath') };
		assert.deepEqual(await findingsFor(tagged, RULE), []);
	});

	it('a constraint on a tag list only known at build time is a warning that says so', async () => {
		const files = {
			...sqliteProject(SCRATCH_DOCKERFILE.replace('ENV CGO_ENABLED=0', 'ARG TAGS\nENV CGO_ENABLED=0').replace('go build -trimpath', 'go build -tags "$TAGS" -trimpath')),
			'cmd/server/main.go': NET_MAIN,
			'cmd/server/db.go': '//go:build sqlite\n\npackage main\n\nimport _ "github.com/mattn/go-sqlite3"\n',
		};
		const finding = await single(files, RULE);
		assert.equal(finding.severity, 'warning');
		assert.match(finding.message, /\(if cmd\/server\/db\.go is built: its constraint "\/\/go:build sqlite" depends on values not known here\)$/);
	});

	it('an indirect requirement with no visible importer is a warning naming the unknown', async () => {
		const files = { ...sqliteProject(), 'go.mod': goMod('1.22', [`${SQLITE} // indirect`]), 'cmd/server/main.go': NET_MAIN };
		const finding = await single(files, RULE);
		assert.equal(finding.severity, 'warning');
		assert.match(finding.message, /\(if the build uses it: it is an indirect requirement and no visible source imports it\)$/);
	});

	it('no Go sources visible: a warning', async () => {
		const files = { Dockerfile: SCRATCH_DOCKERFILE, 'go.mod': goMod('1.22', [SQLITE]) };
		const finding = await single(files, RULE);
		assert.equal(finding.severity, 'warning');
		assert.match(finding.message, /\(if the build uses it: no Go sources are visible\)$/);
	});

	it('gopacket: silent unless the pcap package is imported', async () => {
		const base = { Dockerfile: SCRATCH_DOCKERFILE, 'go.mod': goMod('1.22', ['github.com/google/gopacket v1.1.19']), 'go.sum': '' };
		const layers = 'package main\n\nimport "github.com/google/gopacket/layers"\n\nfunc main() { _ = layers.LayerTypeIPv4 }\n';
		assert.deepEqual(await findingsFor({ ...base, 'cmd/server/main.go': layers }, RULE), []);
		const pcap = 'package main\n\nimport "github.com/google/gopacket/pcap"\n\nfunc main() { _, _ = pcap.OpenLive("eth0", 1600, true, pcap.BlockForever) }\n';
		const finding = await single({ ...base, 'cmd/server/main.go': pcap }, RULE);
		assert.equal(finding.severity, 'error');
		assert.match(finding.message, /^"github\.com\/google\/gopacket\/pcap" needs cgo but cgo is off for this build \(CGO_ENABLED=0 is set\): the build fails because the package's cgo code is left out$/);
	});

	it('a binding whose source FACTS did not re-read (gocv) is a warning that says so', async () => {
		const files = { Dockerfile: SCRATCH_DOCKERFILE, 'go.mod': goMod('1.22', ['gocv.io/x/gocv v0.36.1']), 'go.sum': '', 'cmd/server/main.go': 'package main\n\nimport "gocv.io/x/gocv"\n\nfunc main() { _ = gocv.NewMat() }\n' };
		const finding = await single(files, RULE);
		assert.equal(finding.severity, 'warning');
		assert.match(finding.message, /\(not verified: "gocv\.io\/x\/gocv" wraps OpenCV by design, but its source was not checked for import "C"\)$/);
	});

	it('a GoReleaser build with env CGO_ENABLED=0 (SCENARIOS 6): error on the env entry, no Dockerfile fix', async () => {
		const goreleaser = 'version: 2\nbuilds:\n  - main: ./cmd/server\n    env:\n      - CGO_ENABLED=0\n    goos: [linux]\n    goarch: [amd64]\n';
		const files: Files = { '.goreleaser.yaml': goreleaser, 'go.mod': goMod('1.22', [SQLITE]), 'cmd/server/main.go': SQLITE_MAIN };
		const finding = await single(files, RULE, '.goreleaser.yaml');
		assert.equal(finding.file, '/w/.goreleaser.yaml');
		assert.equal(covered(files, finding), 'CGO_ENABLED=0');
		assert.equal(finding.severity, 'error');
		assert.deepEqual(finding.fixes, []);
	});

	it('follows the packages one go build compiles: silent for a binary that does not reach the sqlite importer', async () => {
		const db = 'package db\n\nimport (\n\t"database/sql"\n\n\t_ "github.com/mattn/go-sqlite3"\n)\n\nfunc Open() (*sql.DB, error) { return sql.Open("sqlite3", "/data/app.db") }\n';
		const server = 'package main\n\nimport "example.com/app/internal/db"\n\nfunc main() { _, _ = db.Open() }\n';
		const build = (target: string) => SCRATCH_DOCKERFILE.replace('./cmd/server', target);
		const files = (target: string): Files => ({ ...sqliteProject(build(target)), 'cmd/server/main.go': server, 'cmd/healthcheck/main.go': NET_MAIN, 'internal/db/db.go': db });
		assert.deepEqual(await findingsFor(files('./cmd/healthcheck'), RULE), []);
		const finding = await single(files('./cmd/server'), RULE);
		assert.equal(finding.severity, 'error');
		assert.match(relatedOf(files('./cmd/server'), finding)[1], /^internal\/db\/db\.go: "\\"github\.com\/mattn\/go-sqlite3\\"": imported here$/);
		assert.equal((await single(files('./...'), RULE)).severity, 'error');
		assert.equal((await single(files('example.com/app/cmd/server'), RULE)).severity, 'error');
		const nested = 'FROM golang:1.22-alpine AS build\nCOPY . /src\nWORKDIR /src/cmd/healthcheck\nENV CGO_ENABLED=0\nRUN go build -o /out/hc .\n';
		assert.deepEqual(await findingsFor({ ...files('.'), Dockerfile: nested }, RULE), []);
		const nestedServer = nested.replace('cmd/healthcheck', 'cmd/server');
		assert.equal((await single({ ...files('.'), Dockerfile: nestedServer }, RULE)).severity, 'error');
	});

	it('silent when cgo is on (Debian builder, gcc present) and for go install pkg@version', async () => {
		const on = 'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /out/server ./cmd/server\n\nFROM debian:bookworm-slim\nCOPY --from=build /out/server /server\n';
		assert.deepEqual(await findingsFor(sqliteProject(on), RULE), []);
		const tool = 'FROM golang:1.22-alpine AS tools\nENV CGO_ENABLED=0\nRUN go install github.com/pressly/goose/v3/cmd/goose@v3.20.0\n';
		assert.deepEqual(await findingsFor(sqliteProject(tool), RULE), []);
	});
});
