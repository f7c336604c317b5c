import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { recognizeFileLinks } from '../../../server/src/model/file-links';
import { parseShell } from '../../../server/src/parse/shell';
import { testParsers } from '../../helpers/engine';

async function links(script: string, cwd?: string) {
	const parsed = parseShell(await testParsers(), script);
	return parsed.commands.flatMap((c) => recognizeFileLinks(c, 'Dockerfile', cwd)).map((l) => [l.target, l.path, l.symbolic, script.slice(l.span.start, l.span.end)]);
}

describe('recognizeFileLinks', () => {
	it('reads ln -s TARGET LINK, with option clusters and --', async () => {
		assert.deepEqual(await links('mkdir -p /lib64 && ln -s /lib/libc.musl-x86_64.so.1 /lib64/ld-linux-x86-64.so.2'), [
			['/lib/libc.musl-x86_64.so.1', '/lib64/ld-linux-x86-64.so.2', true, 'ln -s /lib/libc.musl-x86_64.so.1 /lib64/ld-linux-x86-64.so.2'],
		]);
		assert.deepEqual(await links('ln -sfv -- /a /b'), [['/a', '/b', true, 'ln -sfv -- /a /b']]);
		assert.deepEqual(await links('ln --symbolic /a /b'), [['/a', '/b', true, 'ln --symbolic /a /b']]);
		assert.deepEqual(await links('ln /a /b'), [['/a', '/b', false, 'ln /a /b']]);
	});
	it('puts links into a directory operand (trailing slash, or several targets)', async () => {
		assert.deepEqual(await links('ln -s /lib/ld-musl-x86_64.so.1 /lib64/'), [['/lib/ld-musl-x86_64.so.1', '/lib64/ld-musl-x86_64.so.1', true, 'ln -s /lib/ld-musl-x86_64.so.1 /lib64/']]);
		assert.deepEqual((await links('ln -s /x/a /x/b /dir')).map((l) => l[1]), ['/dir/a', '/dir/b']);
	});
	it('resolves a relative link path against the working directory', async () => {
		assert.deepEqual((await links('ln -s ../lib/ld-musl-x86_64.so.1 ld-linux-x86-64.so.2', '/lib64')).map((l) => l[1]), ['/lib64/ld-linux-x86-64.so.2']);
	});
	it('leaves out what it cannot know: -t, one operand, unknown words, other commands', async () => {
		assert.deepEqual(await links('ln -s -t /dir /a'), []);
		assert.deepEqual(await links('ln -s /a'), []);
		assert.deepEqual(await links('ln -s "$TARGET" /b'), []);
		assert.deepEqual(await links('cp /a /b'), []);
	});
});
