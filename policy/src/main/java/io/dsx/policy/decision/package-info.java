/**
 * Fail-closed access decisions (DESIGN.md section 3.4): the gateway asks
 * {@code data.dsx.<action>.decision}; anything other than a well-formed decision with
 * {@code allow == true} (undefined, an error, a timeout, a malformed result, a policy that did not
 * compile) becomes a deny whose reason says why.
 */
package io.dsx.policy.decision;
