import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { describe, it } from 'node:test';
import { viaOf } from '../../../../server/src/model/ci/index';
import type { GoBuild } from '../../../../server/src/model/project';
import { ciOf, envOf, GO_MOD, NET_MAIN, projectOf, slice, type Files } from './helpers';

const WF = '.github/workflows/ci.yml';

function workflow(run: string, workingDirectory?: string): string {
	return `on: push\njobs:\n  build:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: actions/checkout@v4\n${workingDirectory ? `      - working-directory: ${workingDirectory}\n        run: ${run}\n` : `      - run: ${run}\n`}`;
}

function repo(makefile: string, run = 'make build', extra: Files = {}): Files {
	return { 'go.mod': GO_MOD, 'main.go': NET_MAIN, Makefile: makefile, [WF]: workflow(run), ...extra };
}

async function buildsOf(files: Files): Promise<readonly GoBuild[]> {
	return (await ciOf(files, WF)).jobs[0].builds;
}

const MAKEFILE = `# Build settings
GO ?= go
BIN := dist/server
LDFLAGS = -X main.version=$(VERSION)
VERSION ?= dev
export CGO_ENABLED = 0
GOFLAGS_EXTRA += -trimpath

.PHONY: all build gen
all: build

build: gen
\t@echo "building $(BIN)"
\t$(GO) build $(GOFLAGS_EXTRA) -ldflags "$(LDFLAGS)" \\
\t\t-o $(BIN) ./cmd/server

gen:
\tgo generate ./...
`;

describe('make: following targets from a CI step', () => {
	it('recipes that run $(MAKE) on the next target of a long chain: each make is followed once, then a bound (was out of memory)', async () => {
		const chain = (n: number) => `all: t0\n${Array.from({ length: n }, (_, i) => `t${i}: t${i + 1}\n\tCGO_ENABLED=1 go build -o bin/app${i} .\n\t$(MAKE) t${i + 1}\n`).join('')}t${n}:\n\techo done\n`;
		// 20 targets: every build is found, through the first path that reaches it.
		const short = await buildsOf(repo(chain(20), 'make all'));
		assert.deepEqual(new Set(short.map((b) => b.outputPath)), new Set(Array.from({ length: 20 }, (_, i) => `/w/bin/app${i}`)));
		// 500 targets: bounded work, the rest is said to be opaque.
		const started = performance.now();
		const ci = await ciOf(repo(chain(500), 'make all'), WF);
		const ms = performance.now() - started;
		assert.ok(ms < 10_000, `${ms.toFixed(0)} ms`);
		assert.ok(ci.jobs[0].builds.length > 0);
		assert.match(ci.jobs[0].opaqueSteps.map((o) => o.description).join('\n'), /more than 1000 recipe lines and scripts/);
	});

	it('resolves the target through its prerequisites and expands variables; the build sits on the calling line', async () => {
		const files = repo(MAKEFILE);
		const [build] = await buildsOf(files);
		assert.ok(build);
		assert.equal(slice(files, build.file, build.span), 'make build');
		assert.equal(build.outputPath, '/w/dist/server');
		assert.equal(build.command.ldflags!.flag.value, '-X main.version=dev');
		assert.ok(build.command.trimpath);
		assert.equal(build.cgo.state, 'off');
		assert.equal(slice(files, build.cgo.setAt!.file!, build.cgo.setAt!.span!), 'export CGO_ENABLED = 0');
		const via = viaOf(build)!;
		assert.equal(via.file, '/w/Makefile');
		assert.equal(slice(files, via.file, via.span), '$(GO) build $(GOFLAGS_EXTRA) -ldflags "$(LDFLAGS)" \\\n\t\t-o $(BIN) ./cmd/server');
		assert.deepEqual(via.chain.map((c) => c.description), ['target "build" of Makefile']);
	});
	it('the default target is the first rule; command-line VAR=value overrides the Makefile', async () => {
		const files = repo(MAKEFILE, 'make VERSION=1.2.3 BIN=out/srv CGO_ENABLED=1');
		const [build] = await buildsOf(files);
		assert.equal(build.outputPath, '/w/out/srv');
		assert.equal(build.command.ldflags!.flag.value, '-X main.version=1.2.3');
		assert.equal(build.cgo.state, 'on');
		assert.equal(slice(files, build.cgo.setAt!.file!, build.cgo.setAt!.span!), 'CGO_ENABLED=1');
	});
	it('the caller\'s environment reaches the recipe; ?= keeps an environment value, = overrides it', async () => {
		const files = repo('BIN ?= bin/app\nGOOS = linux\nbuild:\n\tgo build -o $(BIN) .\n', 'GOARCH=arm64 BIN=from-env GOOS=windows make build');
		const [build] = await buildsOf(files);
		assert.deepEqual(envOf(build), { GOARCH: 'arm64', BIN: 'from-env', GOOS: 'linux' });
		assert.equal(build.outputPath, '/w/from-env');
	});
	it('$(MAKE) -C dir recurses into another Makefile, relative to its directory', async () => {
		const files = repo('build:\n\t$(MAKE) -C services/api build\n', 'make', {
			'services/api/Makefile': 'build:\n\tcd cmd && go build -o ../../../dist/api .\n',
		});
		const [build] = await buildsOf(files);
		assert.equal(build.outputPath, '/w/dist/api');
		assert.deepEqual(viaOf(build)!.chain.map((c) => c.description), ['target "build" of Makefile', 'target "build" of Makefile']);
		assert.equal(viaOf(build)!.file, '/w/services/api/Makefile');
	});
	it('a target-specific variable applies to that target', async () => {
		const files = repo('release: CGO_ENABLED=0\nrelease: export GOOS=linux\nrelease:\n\tgo build -o app .\n', 'make release');
		const [build] = await buildsOf(files);
		assert.equal(build.env.get('GOOS')?.value, 'linux');
	});
	it('what cannot be resolved stays opaque and says why: $(shell …) assignments, missing includes, no Makefile', async () => {
		const shell = repo('GIT := $(shell git describe)\nTAGS != cat tags.txt\ninclude generated.mk\nbuild:\n\tgo build -tags "$(TAGS)" -o app .\n');
		const job = (await ciOf(shell, WF)).jobs[0];
		assert.equal(job.builds.length, 1);
		assert.match(job.opaqueSteps[0].description, /"TAGS != …" in the Makefile runs a shell command/);
		assert.match(job.opaqueSteps[0].description, /includes "generated\.mk", which is not in the workspace/);
		const none: Files = { 'go.mod': GO_MOD, 'main.go': NET_MAIN, [WF]: workflow('make build') };
		const missing = (await ciOf(none, WF)).jobs[0];
		assert.deepEqual(missing.builds, []);
		assert.match(missing.opaqueSteps[0].description, /"make build": no Makefile found in \/w, so what it builds is not known/);
	});
	it('conditionals make the variables they set unknown, not guessed', async () => {
		const files = repo('ifeq ($(OS),Windows_NT)\n  BIN := app.exe\nelse\n  BIN := app\nendif\nbuild:\n\tgo build -o $(BIN) .\n');
		const [build] = await buildsOf(files);
		assert.equal(build.outputPath, undefined);
	});
	it('make -n runs nothing', async () => {
		assert.deepEqual(await buildsOf(repo(MAKEFILE, 'make -n build')), []);
	});
	it('doubling variables (X := $(X)$(X), X += $(X), X = $(Y)$(Y) chains, X = $(X)$(X)) give an unknown value in linear time', async () => {
		const lines = (line: (i: number) => string) => Array.from({ length: 2_000 }, (_, i) => line(i)).join('\n');
		const makefiles = {
			simple: `X := x\n${lines(() => 'X := $(X)$(X)')}\n`,
			append: `X := x\n${lines(() => 'X += $(X)')}\n`,
			chain: `X0 = ${'x'.repeat(1_000)}\n${Array.from({ length: 19 }, (_, i) => `X${i + 1} = $(X${i})$(X${i})`).join('\n')}\nX = $(X19)\n`,
			'deep chain': `X0 = x\n${lines((i) => `X${i + 1} = $(X${i})$(X${i})`)}\nX = $(X2000)\n`,
			recursive: 'X = $(X)$(X)\nexport X\n',
		};
		for (const [name, variables] of Object.entries(makefiles)) {
			const started = performance.now();
			const [build] = await buildsOf(repo(`${variables}build:\n\tgo build -o bin/app$(X) .\n`));
			const ms = performance.now() - started;
			assert.ok(ms < 5_000, `${name}: ${ms.toFixed(0)} ms`);
			assert.equal(build?.outputPath, undefined, name);
		}
		// Short enough: still expanded.
		const [short] = await buildsOf(repo('X := x\nX := $(X)$(X)\nX := $(X)$(X)\nbuild:\n\tgo build -o bin/app$(X) .\n'));
		assert.equal(short?.outputPath, '/w/bin/appxxxx');
	});
	it('expansion work is bounded per make call: past a million characters, values are unknown and the step says so', async () => {
		const makefile = `X0 = ${'x'.repeat(1_000)}\n${Array.from({ length: 12 }, (_, i) => `export X${i + 1} = $(X${i})$(X${i})`).join('\n')}\n${Array.from({ length: 100 }, (_, i) => `t${i}: t${i + 1}\n\tgo build -o bin/t${i}$(X12) .`).join('\n')}\nbuild: t0\n`;
		const started = performance.now();
		const job = (await ciOf(repo(makefile), WF)).jobs[0];
		assert.ok(performance.now() - started < 5_000);
		assert.ok(job.opaqueSteps.some((o) => /the Makefile's variables expand to too much text to follow/.test(o.description)), JSON.stringify(job.opaqueSteps));
	});
});

describe('scripts: following ./build.sh and bash x.sh', () => {
	const script = '#!/usr/bin/env bash\nset -euo pipefail\nexport CGO_ENABLED=0\nbuild() {\n  GOOS=linux go build -o "dist/$1" "./cmd/$1"\n}\nbuild server\ngo build -o dist/tool ./cmd/tool\n';
	it('parses the script with the caller\'s env and working directory; builds sit on the calling line', async () => {
		const files: Files = { 'go.mod': GO_MOD, 'main.go': NET_MAIN, 'scripts/build.sh': script, [WF]: workflow('./scripts/build.sh') };
		const builds = await buildsOf(files);
		assert.equal(builds.length, 2);
		for (const b of builds) {
			assert.equal(slice(files, b.file, b.span), './scripts/build.sh');
			assert.equal(b.cgo.state, 'off');
			assert.equal(slice(files, b.cgo.setAt!.file!, b.cgo.setAt!.span!), 'CGO_ENABLED=0');
		}
		assert.equal(builds[1].outputPath, '/w/dist/tool');
		assert.equal(slice(files, viaOf(builds[1])!.file, viaOf(builds[1])!.span), 'go build -o dist/tool ./cmd/tool');
	});
	it('bash x.sh from a working directory; a missing script or a non-shell script is opaque', async () => {
		const files: Files = { 'go.mod': GO_MOD, 'tools/gen.py': '#!/usr/bin/env python3\nprint(1)\n', 'app/build.sh': 'go build -o ../bin/app .\n', [WF]: `on: push\njobs:\n  b:\n    runs-on: ubuntu-24.04\n    steps:\n      - working-directory: app\n        run: bash build.sh\n      - run: ./tools/gen.py\n      - run: sh ./missing.sh\n` };
		const job = (await ciOf(files, WF)).jobs[0];
		assert.deepEqual(job.builds.map((b) => b.outputPath), ['/w/bin/app']);
		assert.deepEqual(job.opaqueSteps.map((o) => o.description), [
			'"./tools/gen.py" is not a shell script, so what it builds is not known',
			'"./missing.sh" is not a file in the workspace (generated at build time, or copied from elsewhere), so what it builds is not known',
		]);
	});
});

describe('make and scripts from a Dockerfile RUN', () => {
	it('RUN make build follows the Makefile copied into the image; the output path is the container path', async () => {
		const files: Files = {
			'go.mod': GO_MOD,
			'main.go': NET_MAIN,
			Makefile: 'BIN := /out/server\nbuild:\n\tgo build -o $(BIN) .\n',
			Dockerfile: 'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY go.mod ./\nCOPY . .\nRUN make build\n\nFROM alpine:3.20\nCOPY --from=build /out/server /server\n',
		};
		const project = await projectOf(files, 'Dockerfile');
		const build = project.builds[0];
		assert.equal(slice(files, build.file, build.span), 'make build');
		assert.equal(build.outputPath, '/out/server');
		assert.equal(build.stage?.syntax.name, 'build');
		assert.equal(viaOf(build)?.file, '/w/Makefile');
		assert.equal(project.deliveries.length, 1);
	});
	it('a script copied alone (COPY scripts/ /usr/local/scripts/) is found through that copy', async () => {
		const files: Files = {
			'go.mod': GO_MOD,
			'scripts/build.sh': 'CGO_ENABLED=0 go build -o /bin/app "$SRC"\n',
			Dockerfile: 'FROM golang:1.23\nCOPY scripts/ /usr/local/scripts/\nRUN /usr/local/scripts/build.sh\n',
		};
		const build = (await projectOf(files, 'Dockerfile')).builds[0];
		assert.equal(build.cgo.state, 'off');
		assert.equal(viaOf(build)?.file, '/w/scripts/build.sh');
	});
	it('a Makefile that is not copied into the image stays opaque', async () => {
		const files: Files = { 'go.mod': GO_MOD, Makefile: 'build:\n\tgo build .\n', Dockerfile: 'FROM golang:1.23\nWORKDIR /src\nRUN make build\n' };
		const project = await projectOf(files, 'Dockerfile');
		assert.deepEqual(project.builds, []);
		assert.match(project.dockerfiles[0].stages[0].opaqueSteps[0].description, /no Makefile found in \/src/);
	});
});
