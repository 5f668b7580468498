/**
 * The conformance runner: loads OPA's YAML test cases (see FORMAT.md beside the cases), runs each
 * with a time limit, judges it as OPA's harness ({@code v1/topdown/exported_test.go}) does, and
 * writes a per-folder report with the {@code RESULT conformance ...} line.
 */
package io.dsx.policy.conformance;
