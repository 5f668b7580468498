/**
 * Policy bundles: a directory or {@code .tar.gz} of {@code .rego} modules and {@code data.json}
 * files (OPA's bundle layout), with a content revision {@code sha256:<hex>} over the canonical
 * contents so the same policy always has the same revision.
 */
package io.dsx.policy.bundle;
