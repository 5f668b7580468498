/**
 * Adapters shared by the builtin packages ported from Go (strings, regex, glob, time, units, encoding,
 * uri, semver, uuid, bits, net): adapting plain-Java helpers that fail with Go's error text to the
 * builtin SPI, and reading collection operands.
 */
package io.dsx.policy.builtins.adapters;
