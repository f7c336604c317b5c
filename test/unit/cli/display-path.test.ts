import assert from 'node:assert/strict';
import { relative } from 'node:path';
import { describe, it } from 'node:test';
import { displayPath } from '../../../server/src/cli/parallel';
import { seededRandom } from '../../helpers/seeded-random';

/** What the CLI printed before its shortcut: path.relative with `/` separators, `.` for the folder itself. */
const reference = (cwd: string, file: string) => relative(cwd, file).replace(/\\/g, '/') || '.';

describe('displayPath', () => {
	it('prints what path.relative gives, for files under, beside and above the working directory', () => {
		const cases: [string, string][] = [
			['/work/repo', '/work/repo/Dockerfile'],
			['/work/repo', '/work/repo/svc/a/Dockerfile'],
			['/work/repo', '/work/repo'],
			['/work/repo', '/work/other/Dockerfile'],
			['/work/repo', '/tmp/corpus/svc-0001/go.mod'],
			['/work/repo', '/work/Dockerfile'],
			['/', '/etc/app/Dockerfile'],
			['/work/repo/', '/work/repo/Dockerfile'],
			['/work/repo', '/work/repo/./a/../Dockerfile'],
			['/work/repo', '/tmp//corpus/go.mod'],
			['/work/repo', '/work/repo-other/go.mod'],
			['/work/repo', '/work'],
		];
		for (const [cwd, file] of cases) assert.equal(displayPath(cwd, file), reference(cwd, file), `${cwd} → ${file}`);
	});
	it('agrees with path.relative on 5,000 generated pairs of paths', () => {
		const random = seededRandom(20261124);
		const segments = ['a', 'b', 'ab', 'a b', '.', '..', '', 'go.mod', 'Dockerfile'];
		const path = () => `/${Array.from({ length: 1 + Math.floor(random() * 4) }, () => segments[Math.floor(random() * segments.length)]).join('/')}`;
		for (let i = 0; i < 5000; i++) {
			const cwd = random() < 0.5 ? '/a/b' : path();
			const file = random() < 0.3 ? `${cwd}/${path().slice(1)}` : path();
			assert.equal(displayPath(cwd, file), reference(cwd, file), `${cwd} → ${file}`);
		}
	});
});
