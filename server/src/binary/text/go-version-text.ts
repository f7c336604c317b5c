import { GoBuildInfo } from "../buildinfo/buildinfo";
import { goQuote, needsQuoteKey, needsQuoteValue } from "../buildinfo/go-quote";
import { GoModule } from "../buildinfo/modinfo";

/**
 * `go version -m` layout: "<file>: <go version>" then the module info lines
 * (runtime/debug BuildInfo.String), each indented by a tab.
 */
export function formatGoVersion(fileName: string, g: GoBuildInfo): string {
	const lines: string[] = [];
	if (g.path) {
		lines.push(`path\t${g.path}`);
	}
	const mod = (word: string, m: GoModule): void => {
		if (m.replace) {
			lines.push(`${word}\t${m.path}\t${m.version}`);
			mod("=>", m.replace);
			lines.push(""); // BuildInfo.String ends a replaced module with an extra newline
		} else {
			lines.push(`${word}\t${m.path}\t${m.version}\t${m.sum}`);
		}
	};
	if (g.main && (g.main.path || g.main.version || g.main.sum || g.main.replace)) {
		mod("mod", g.main);
	}
	for (const d of g.deps) {
		mod("dep", d);
	}
	for (const s of g.settings) {
		const key = needsQuoteKey(s.key) ? goQuote(s.key) : s.key;
		const value = needsQuoteValue(s.value) ? goQuote(s.value) : s.value;
		lines.push(`build\t${key}=${value}`);
	}
	return `${fileName}: ${g.goVersion}\n` + lines.map((l) => `\t${l}\n`).join("");
}
