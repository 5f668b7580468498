/**
 * Kafka is dsx's system of record (DESIGN.md §4): topic names and settings, their creation at start,
 * and reading a compacted topic from its beginning to rebuild a view. A gateway keeps no state of its own.
 */
package io.dsx.gateway.kafka;
