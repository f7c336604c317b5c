/**
 * Characters of known values substituted into one value or word, at most, in every expander: Dockerfile
 * `$VAR`s, shell words, Makefile and GitLab variables. Past it the result is unknown, as a value the analysis
 * cannot see would be. Why a limit: `A=$A$A` (or `X := $(X)$(X)`, `A2: $A1$A1`) repeated doubles the value each
 * time, and 2,000 repetitions are far past the longest string V8 can hold (found by test/fuzz). Real values
 * (GOFLAGS, -ldflags, PATH) stay under a few kilobytes. Literal text is not counted: the file itself bounds it.
 */
export const MAX_SUBSTITUTED_CHARS = 16 * 1024;
