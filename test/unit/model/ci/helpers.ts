import assert from 'node:assert/strict';
import type { CiFileModel, CiJobModel } from '../../../../server/src/model/ci/index';
import type { GoBuild, ProjectModel } from '../../../../server/src/model/project';
import type { Span } from '../../../../server/src/parse/span';
import { analyzeWorkspace } from '../../../helpers/engine';

/** Helpers for the CI model tests: build the project of an in-memory repository rooted at `/w`. */

export type Files = Record<string, string>;

export const NET_MAIN = 'package main\n\nimport "net/http"\n\nfunc main() { _ = http.ListenAndServe(":8080", nil) }\n';
export const GO_MOD = 'module example.com/app\n\ngo 1.22\n';

export async function projectOf(files: Files, entry: string): Promise<ProjectModel> {
	const result = await analyzeWorkspace(files, { entry });
	assert.deepEqual(result.failures, []);
	return result.project;
}

export async function ciOf(files: Files, entry: string): Promise<CiFileModel> {
	const project = await projectOf(files, entry);
	const ci = project.ci?.find((c) => c.path === `/w/${entry}`);
	assert.ok(ci, `no CI model for ${entry}`);
	return ci;
}

export function jobNamed(ci: CiFileModel, label: string): CiJobModel {
	const job = ci.jobs.find((j) => j.label === label);
	assert.ok(job, `no job ${label}; have ${ci.jobs.map((j) => j.label).join(' | ')}`);
	return job;
}

/** The text under a span of a file of the workspace. */
export function slice(files: Files, file: string, span: Span): string {
	const text = files[file.replace(/^\/w\//, '')];
	assert.ok(text !== undefined, `no file ${file}`);
	return text.slice(span.start, span.end);
}

export function buildText(files: Files, build: GoBuild): string {
	return slice(files, build.file, build.span);
}

export function envOf(build: GoBuild): Record<string, string | undefined> {
	const out: Record<string, string | undefined> = {};
	for (const [name, v] of build.env) if (name !== 'GITHUB_WORKSPACE' && name !== 'CI_PROJECT_DIR') out[name] = v.value;
	return out;
}
