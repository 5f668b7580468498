/** Rego errors: a stable OPA error code, a message and a source location. */
package io.dsx.policy.error;
