/**
 * The string builtins ({@code concat}, {@code sprintf}, {@code trim*}, {@code strings.*}, ...) with Go's
 * semantics: rune (code point) indexing, Go's {@code fmt} verbs for {@code sprintf}, Go's
 * {@code strings.Replacer} order for {@code strings.replace_n}, and a Go text/template subset for
 * {@code strings.render_template}.
 */
package io.dsx.policy.builtins.strings;
