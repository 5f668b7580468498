/**
 * The {@code regex.*} builtins on RE2 semantics (re2j): Go's FindAll rules for empty matches, Go's
 * {@code Regexp.Split} and {@code Regexp.Expand} ({@code $1}, {@code ${name}}), delimiter templates
 * ({@code regex.template_match}) and glob-language intersection ({@code regex.globs_match}).
 */
package io.dsx.policy.builtins.regex;
