/**
 * Command-line tools behind {@code dsx policy eval} and {@code dsx policy test}: plain classes
 * taking arguments and streams and returning an exit code, so any CLI framework can wire them.
 */
package io.dsx.policy.tool;
