import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { familiarName, formatImageRef, parseImageRef, sameRepository } from '../../../server/src/knowledge';

const DIGEST = `sha256:${'ab'.repeat(32)}`;

describe('parseImageRef', () => {
	it('defaults registry, library/ and tag', () => {
		const r = parseImageRef('golang');
		assert.ok(r);
		assert.equal(r.registry, 'docker.io');
		assert.equal(r.repository, 'library/golang');
		assert.equal(r.name, 'docker.io/library/golang');
		assert.equal(r.tag, 'latest');
		assert.equal(r.explicitTag, false);
		assert.equal(r.digest, undefined);
	});

	it('reads a tag', () => {
		const r = parseImageRef('golang:1.22-alpine3.20');
		assert.equal(r?.tag, '1.22-alpine3.20');
		assert.equal(r?.explicitTag, true);
	});

	it('treats Docker Hub aliases as the same repository', () => {
		for (const text of ['golang', 'docker.io/golang', 'docker.io/library/golang', 'index.docker.io/library/golang', 'registry-1.docker.io/library/golang:1.22']) {
			assert.equal(parseImageRef(text)?.canonicalName, 'docker.io/library/golang', text);
		}
		assert.ok(sameRepository('golang:1.21', 'index.docker.io/library/golang:1.22'));
		assert.ok(!sameRepository('golang', 'gcr.io/library/golang'));
	});

	it('keeps user repositories on Docker Hub without library/', () => {
		const r = parseImageRef('rockylinux/rockylinux:9');
		assert.equal(r?.canonicalName, 'docker.io/rockylinux/rockylinux');
		assert.equal(r?.tag, '9');
	});

	it('maps the ECR Public mirror of Docker Hub library images', () => {
		const r = parseImageRef('public.ecr.aws/docker/library/golang:1.22');
		assert.equal(r?.registry, 'public.ecr.aws');
		assert.equal(r?.name, 'public.ecr.aws/docker/library/golang');
		assert.equal(r?.canonicalName, 'docker.io/library/golang');
		assert.ok(sameRepository('public.ecr.aws/docker/library/golang', 'golang'));
	});

	it('parses other registries', () => {
		assert.equal(parseImageRef('gcr.io/distroless/static-debian12:nonroot')?.canonicalName, 'gcr.io/distroless/static-debian12');
		assert.equal(parseImageRef('cgr.dev/chainguard/static')?.tag, 'latest');
		assert.equal(parseImageRef('registry.access.redhat.com/ubi9/ubi-minimal')?.repository, 'ubi9/ubi-minimal');
		assert.equal(parseImageRef('mcr.microsoft.com/dotnet/runtime-deps:8.0')?.registry, 'mcr.microsoft.com');
	});

	it('parses a port in the registry host', () => {
		const r = parseImageRef('localhost:5000/team/app:v1');
		assert.equal(r?.registry, 'localhost:5000');
		assert.equal(r?.repository, 'team/app');
		assert.equal(r?.tag, 'v1');
		const r2 = parseImageRef('registry.example.com:8443/app');
		assert.equal(r2?.registry, 'registry.example.com:8443');
		assert.equal(r2?.tag, 'latest');
	});

	it('parses digests with and without tag', () => {
		const both = parseImageRef(`golang:1.22@${DIGEST}`);
		assert.equal(both?.tag, '1.22');
		assert.equal(both?.digest, DIGEST);
		const only = parseImageRef(`golang@${DIGEST}`);
		assert.equal(only?.tag, undefined);
		assert.equal(only?.explicitTag, false);
		assert.equal(only?.digest, DIGEST);
		assert.equal(formatImageRef(both), `docker.io/library/golang:1.22@${DIGEST}`);
	});

	it('rejects dynamic and malformed text', () => {
		for (const text of ['', '   ', 'golang:${GO_VERSION}', '$BASE', 'Golang:1.22', 'golang:', 'golang:1.22 AS build', 'golang@sha256:short', 'a//b', 'golang:-bad']) {
			assert.equal(parseImageRef(text), undefined, text);
		}
	});

	it('formats familiar names', () => {
		assert.equal(familiarName(parseImageRef('index.docker.io/library/golang:1.22')!), 'golang:1.22');
		assert.equal(familiarName(parseImageRef('rockylinux/rockylinux:9')!), 'rockylinux/rockylinux:9');
		assert.equal(familiarName(parseImageRef('gcr.io/distroless/static')!), 'gcr.io/distroless/static:latest');
	});
});
