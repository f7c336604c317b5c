// The webview's HTML shell (webview-sample's _getHtmlForWebview, STYLE §5 and §7.11): a strict CSP with a fresh
// nonce from crypto.randomBytes, one bundled script loaded by URL, one stylesheet, and no file data at all: every
// string from the binary arrives later through postMessage and is rendered with textContent.
import { randomBytes } from 'node:crypto';

export interface HtmlParts {
	/** `webview.cspSource`. */
	readonly cspSource: string;
	/** `webview.asWebviewUri(media/out/binary-view.js)`. */
	readonly scriptUri: string;
	/** `webview.asWebviewUri(media/binary-view.css)`. */
	readonly styleUri: string;
	/** Title shown until the script runs (the file name; escaped here, it is the only file-derived text). */
	readonly title: string;
	readonly nonce?: string;
}

/** 128 random bits, base64: a CSP nonce must be unguessable (not Math.random, as the sample has it). */
export function makeNonce(): string {
	return randomBytes(16).toString('base64');
}

/** The Content-Security-Policy of the view: nothing but our nonce'd script, our stylesheet and our images. */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
	return `default-src 'none'; script-src 'nonce-${nonce}'; style-src ${cspSource}; img-src ${cspSource}; font-src ${cspSource}`;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** HTML-escapes text for element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** The complete document. Every interpolated value is escaped; the nonce and URIs are ours, escaped all the same. */
export function renderHtml(parts: HtmlParts): string {
	const nonce = parts.nonce ?? makeNonce();
	const csp = contentSecurityPolicy(parts.cspSource, nonce);
	return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(parts.styleUri)}">
<title>${escapeHtml(parts.title)}</title>
</head>
<body>
<main id="app" aria-live="polite"><p class="status">Reading ${escapeHtml(parts.title)}…</p></main>
<script nonce="${escapeHtml(nonce)}" src="${escapeHtml(parts.scriptUri)}"></script>
</body>
</html>`;
}
