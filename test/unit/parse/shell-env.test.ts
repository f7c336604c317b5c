import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { initNodeParsers } from '../../../server/src/node/wasm';
import { allEnvironments, environmentAt, parseShell, unwrapCommand, type ParseShellOptions } from '../../../server/src/parse/shell';
import type { Parsers } from '../../../server/src/parse/tree-sitter';

let parsers: Parsers;
before(async () => {
	parsers = await initNodeParsers();
});

/** The environment of the first command named `name` (default: the last `go` command). */
function envOf(text: string, options: ParseShellOptions = {}, name = 'go') {
	const script = parseShell(parsers, text, options);
	const command = [...script.commands].reverse().find((c) => c.name === name);
	assert.ok(command, `no ${name} command in ${JSON.stringify(text)}`);
	return { script, command, environment: environmentAt(script, command.index), at: (s: { start: number; end: number }) => text.slice(s.start, s.end) };
}

const value = (env: ReadonlyMap<string, { value: string | undefined }>, name: string) => (env.has(name) ? env.get(name)!.value : 'ABSENT');

describe('environmentAt: POSIX variable semantics', () => {
	it('export A=B reaches later commands; the span says where', () => {
		const { environment, at } = envOf('export CGO_ENABLED=0 && go build');
		const v = environment.env.get('CGO_ENABLED')!;
		assert.equal(v.value, '0');
		assert.equal(v.origin, 'export');
		assert.equal(at(v.span!), 'CGO_ENABLED=0');
	});

	it('a plain assignment is a shell variable, not in the child env, but is expanded', () => {
		const { command, environment } = envOf('GOARCH=arm64; go build -o app-$GOARCH .');
		assert.equal(value(environment.env, 'GOARCH'), 'ABSENT');
		assert.equal(value(environment.shellVariables, 'GOARCH'), 'arm64');
		assert.equal(command.words[3].value, 'app-arm64');
	});

	it('assigning an already exported variable keeps it exported (initial env is exported)', () => {
		const { environment } = envOf('GOOS=windows; go build', { initialEnv: { GOOS: 'linux' } });
		assert.equal(value(environment.env, 'GOOS'), 'windows');
		assert.equal(environment.env.get('GOOS')!.origin, 'assignment');
	});

	it('export A after A=1 exports it; export A before A=1 too', () => {
		assert.equal(value(envOf('A=1; export A; go build').environment.env, 'A'), '1');
		assert.equal(value(envOf('export A; A=2; go build', { envComplete: true }).environment.env, 'A'), '2');
	});

	it('prefix assignments reach only that command; they see earlier prefixes', () => {
		const { script } = envOf('CGO_ENABLED=0 A=x B=$A go build; go vet');
		const envs = allEnvironments(script);
		assert.equal(value(envs[0].env, 'CGO_ENABLED'), '0');
		assert.equal(envs[0].env.get('CGO_ENABLED')!.origin, 'inline');
		assert.equal(value(envs[0].env, 'B'), 'x');
		assert.equal(value(envs[1].env, 'CGO_ENABLED'), 'ABSENT');
	});

	it('a prefix assignment is not seen by the expansions of its own command', () => {
		const { command } = envOf('V=old; V=new echo $V', {}, 'echo');
		assert.equal(command.words[1].value, 'old');
	});

	it('unset removes, and is remembered as unset', () => {
		const { environment } = envOf('unset CGO_ENABLED; go build', { initialEnv: { CGO_ENABLED: '1' } });
		assert.equal(value(environment.env, 'CGO_ENABLED'), 'ABSENT');
		assert.ok(environment.unset.has('CGO_ENABLED'));
	});

	it('set -a exports later plain assignments', () => {
		const { environment } = envOf('set -a; GOOS=linux; set +a; GOARCH=arm64; go build');
		assert.equal(value(environment.env, 'GOOS'), 'linux');
		assert.equal(value(environment.env, 'GOARCH'), 'ABSENT');
	});

	it('env / sudo wrappers add to the environment; env -i clears it', () => {
		const e1 = envOf('export GOOS=linux; env CGO_ENABLED=0 GOARCH=arm64 go build', {}, 'env').environment;
		assert.equal(value(e1.env, 'CGO_ENABLED'), '0');
		assert.equal(e1.env.get('CGO_ENABLED')!.origin, 'env-command');
		assert.equal(value(e1.env, 'GOOS'), 'linux');
		const e2 = envOf('export GOOS=linux; env -i PATH=/usr/bin go build', {}, 'env').environment;
		assert.equal(e2.cleared, true);
		assert.equal(value(e2.env, 'GOOS'), 'ABSENT');
		assert.equal(value(e2.env, 'PATH'), '/usr/bin');
		const e3 = envOf('env -u GOFLAGS go build', { initialEnv: { GOFLAGS: '-mod=mod' } }, 'env').environment;
		assert.equal(value(e3.env, 'GOFLAGS'), 'ABSENT');
	});

	it('subshell and pipeline changes do not leak; child shells see only exported variables', () => {
		const e = envOf('(export A=1); export B=2 | cat; export D=4 & C=3; sh -c "go build -o $C/x" && go vet', {}, 'go');
		assert.equal(value(e.environment.env, 'D'), 'ABSENT');
		assert.equal(value(e.environment.env, 'A'), 'ABSENT');
		assert.equal(value(e.environment.env, 'B'), 'ABSENT');
		// Inside sh -c: C is a non-exported variable of the outer shell; the outer shell expands "$C" though.
		const inner = e.script.commands.find((c) => c.within.includes('child-shell'))!;
		assert.equal(inner.words[3].value, '3/x');
		assert.equal(value(environmentAt(e.script, inner.index).shellVariables, 'C'), 'ABSENT');
	});

	it("sh -c with single quotes: the inner shell expands, with the child's (exported) variables", () => {
		const { script } = envOf("export A=1; B=2; sh -c 'echo $A $B'", { envComplete: true }, 'sh');
		const echo = script.commands.find((c) => c.name === 'echo')!;
		assert.deepEqual(echo.words.map((w) => w.value), ['echo', '1']);
	});

	it('conditional assignments make the value unknown afterwards, but known inside', () => {
		const text = 'if [ "$TARGETARCH" = arm64 ]; then export GOARCH=arm64; go build; fi; go vet';
		const script = parseShell(parsers, text, { initialEnv: { GOARCH: 'amd64' } });
		const envs = allEnvironments(script);
		const build = script.commands.find((c) => c.words[1]?.value === 'build')!;
		const vet = script.commands.find((c) => c.words[1]?.value === 'vet')!;
		assert.equal(value(envs[build.index].env, 'GOARCH'), 'arm64');
		assert.equal(envs[vet.index].env.has('GOARCH'), true);
		assert.equal(value(envs[vet.index].env, 'GOARCH'), undefined);
		const orElse = allEnvironments(parseShell(parsers, 'true || export X=1; go build'));
		assert.equal(value(orElse[2].env, 'X'), undefined);
	});

	it('${A:-default}, ${A:+alt}, ${#A} with known and unset values', () => {
		const { command } = envOf('echo ${A:-d1} ${B:-d2} ${A:+alt} ${B+alt} ${#A} ${C:-$A}', { initialEnv: { A: 'x' }, envComplete: true }, 'echo');
		assert.deepEqual(command.words.map((w) => w.value), ['echo', 'x', 'd2', 'alt', '1', 'x']);
		const unknown = envOf('echo ${B:-d2}', {}, 'echo').command;
		assert.equal(unknown.words[1].dynamic, true);
	});

	it('a variable set to an unknown value (initial env without value, $(…)) stays dynamic', () => {
		const { command } = envOf('X=$(date); go build -o $X-$ARG .', { initialEnv: { ARG: undefined } });
		assert.equal(command.words[3].dynamic, true);
		assert.deepEqual(command.words[3].parts.filter((p) => p.kind === 'expansion').map((p) => p.variable), ['X', 'ARG']);
	});

	it('cd is tracked from the initial working directory', () => {
		const { script } = envOf('cd src && go build; cd ../other; cd /abs; cd $D; go vet', { cwd: '/work' });
		const envs = allEnvironments(script);
		assert.deepEqual(envs.map((e) => e.cwd), ['/work', '/work/src', '/work/src', '/work/other', '/abs', undefined]);
	});

	it('provenance of initial variables is kept', () => {
		const { environment } = envOf('go build', { initialEnv: new Map([['GOFLAGS', { value: '-trimpath', span: { start: 100, end: 109 } }]]) });
		assert.deepEqual(environment.env.get('GOFLAGS')!.span, { start: 100, end: 109 });
		assert.equal(environment.env.get('GOFLAGS')!.origin, 'initial');
	});

	it('environmentAt rejects an index that is not a command', () => {
		const script = parseShell(parsers, 'go build');
		assert.throws(() => environmentAt(script, 5), RangeError);
	});
});

describe('unwrapCommand', () => {
	it('finds the program under env, sudo, time, nice, timeout, gosu', () => {
		const cases: [string, string][] = [
			['env -i A=1 go build', 'go'],
			['sudo -E -u root CGO_ENABLED=0 go build', 'go'],
			['time nice -n 5 go build', 'go'],
			['timeout -s KILL 300 go build', 'go'],
			['gosu app ./server', './server'],
			['exec go run .', 'go'],
			['command -v go', 'command'],
		];
		for (const [text, program] of cases) {
			const script = parseShell(parsers, text);
			assert.equal(unwrapCommand(script.commands[0].words).argv[0]?.value, program, text);
		}
		const sudo = unwrapCommand(parseShell(parsers, 'sudo CGO_ENABLED=0 go build').commands[0].words);
		assert.deepEqual(sudo.assignments.map((a) => [a.name, a.value.value]), [['CGO_ENABLED', '0']]);
	});

	it('a command named like a built-in object property is a program, not a wrapper', () => {
		for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf']) {
			const words = parseShell(parsers, `${name} -x go build`).commands[0].words;
			assert.equal(unwrapCommand(words).argv[0]?.value, name);
		}
	});
});
