// Names that must match package.json (contributes, settings) and the build layout. Kept free of `vscode`
// imports so test/unit/package-manifest.test.ts can check them against the manifest.
import { SETTINGS_SECTION } from '../../server/src/protocol/settings';

/** Client id: also the prefix of the `goShipcheck.trace.server` setting that vscode-languageclient reads. */
export const CLIENT_ID = 'goShipcheck';
export const CLIENT_NAME = 'Go Ship Check';
/** The settings section the server reads with `workspace/configuration` (scoped per resource): the protocol's. */
export const CONFIGURATION_SECTION = SETTINGS_SECTION;
/** The bundled server, relative to the extension root (scripts/build.mjs writes it, .vscodeignore ships it). */
export const SERVER_MODULE = 'server/out/server.js';

export const SHOW_OUTPUT_COMMAND = 'goShipcheck.showOutput';
export const RESTART_SERVER_COMMAND = 'goShipcheck.restartServer';
export const INSPECT_BINARY_COMMAND = 'goShipcheck.inspectBinary';
export const SHOW_EFFECTIVE_BUILD_COMMAND = 'goShipcheck.showEffectiveBuild';
/** Every command the client registers; each must be contributed with a title and category. */
export const COMMANDS: readonly string[] = [SHOW_OUTPUT_COMMAND, RESTART_SERVER_COMMAND, INSPECT_BINARY_COMMAND, SHOW_EFFECTIVE_BUILD_COMMAND];
/** The read-only custom editor ("Open With… Go Binary Inspector"), contributed in package.json customEditors. */
export const BINARY_INSPECTOR_VIEW_TYPE = 'goShipcheck.binaryInspector';
/** The webview panel the inspect command opens; restored after a reload by its serializer (onWebviewPanel event). */
export const BINARY_INSPECTOR_PANEL_VIEW_TYPE = 'goShipcheck.binaryInspectorPanel';
