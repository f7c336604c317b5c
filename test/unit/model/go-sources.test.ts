import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { memoryFileSystem } from '../../../server/src/model/file-system';
import { importsOf, scanGoSources } from '../../../server/src/model/go-sources';

describe('importsOf', () => {
	it('reads single and grouped imports after the package clause, skipping comments', () => {
		const src = '// Package main.\n/* import "fake" */\npackage main\n\n// #include <stdio.h>\nimport "C"\nimport (\n\t"fmt"\n\tnethttp "net/http"\n\t_ "github.com/mattn/go-sqlite3"\n)\n\nfunc main() { _ = "import \\"os/user\\"" }\n';
		assert.deepEqual(importsOf(src), ['C', 'fmt', 'net/http', 'github.com/mattn/go-sqlite3']);
	});
	it('returns nothing without a package clause', () => {
		assert.deepEqual(importsOf('import "net"'), []);
	});
});

describe('scanGoSources', () => {
	const fs = memoryFileSystem({
		'/m/go.mod': 'module example.com/m\n',
		'/m/main.go': 'package main\nimport (\n"example.com/m/internal/x"\n"crypto/tls"\n)\n',
		'/m/main_test.go': 'package main\nimport "os/user"\n',
		'/m/internal/x/x.go': 'package x\nimport "github.com/gin-gonic/gin"\n',
		'/m/vendor/v/v.go': 'package v\nimport "C"\n',
		'/m/tools/go.mod': 'module example.com/tools\n',
		'/m/tools/t.go': 'package t\nimport "os/user"\n',
	});
	const scan = scanGoSources(fs, '/m', 'example.com/m');
	it('follows the standard library import graph to net (crypto/tls imports net)', () => assert.equal(scan.importsNet, true));
	it('skips tests, vendor and nested modules', () => {
		assert.equal(scan.importsOsUser, false);
		assert.deepEqual(scan.cgoFiles, []);
		assert.equal(scan.filesScanned, 2);
	});
	it('lists third-party imports but not the module own packages', () => assert.deepEqual(scan.thirdPartyImports, ['github.com/gin-gonic/gin']));
	it('reports invisible sources', () => assert.equal(scanGoSources(memoryFileSystem({}), '/none').visible, false));
});
