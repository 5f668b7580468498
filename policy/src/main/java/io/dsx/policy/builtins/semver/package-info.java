/** {@code semver.is_valid} and {@code semver.compare}: Semantic Versioning 2.0.0 parsing and precedence. */
package io.dsx.policy.builtins.semver;
