/**
 * {@code glob.match} and {@code glob.quote_meta} with gobwas/glob semantics: {@code *} stops at
 * delimiters, {@code **} does not, {@code ?}, {@code [a-c]}, {@code [!abc]}, {@code {a,b}} and {@code \}
 * escapes. Globs are translated once into anchored RE2 (re2j) patterns, so matching stays linear in the
 * input whatever the glob, and cached.
 */
package io.dsx.policy.builtins.glob;
