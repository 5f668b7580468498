/**
 * Encoding builtins: {@code base64*} (Go's strict decoder and its error positions), {@code hex.*},
 * {@code urlquery.*} (Go's net/url escaping), {@code json.*} (Go's encoding/json output: HTML-safe
 * escapes, {@code MarshalIndent} layout) and {@code yaml.*} (snakeyaml-engine).
 */
package io.dsx.policy.builtins.encoding;
