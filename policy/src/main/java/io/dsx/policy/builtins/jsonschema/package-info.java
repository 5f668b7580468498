/**
 * {@code json.verify_schema} and {@code json.match_schema}: a JSON Schema (draft 4 to 7 keywords)
 * compiler and validator whose error records match OPA's gojsonschema output
 * ({@code error}, {@code type}, {@code field}, {@code desc}). Only local {@code $ref}s
 * ({@code #/...}) resolve: a policy's schema never makes the engine fetch anything.
 */
package io.dsx.policy.builtins.jsonschema;
