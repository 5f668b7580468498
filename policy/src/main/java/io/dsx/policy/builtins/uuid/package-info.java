/**
 * {@code uuid.rfc4122} (version 4 from the evaluation's injected random source, memoised per operand
 * within a query) and {@code uuid.parse} (google/uuid's accepted forms and the fields OPA decodes).
 */
package io.dsx.policy.builtins.uuid;
