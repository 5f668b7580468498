/**
 * The participants' side of dsx: the contributor library ({@code contributor}), the source readers
 * that turn CSV and NDJSON files into dataset records ({@code source}) and the {@code dsx} command
 * line ({@code cli}). Plain Java: no Spring, no Kafka; the gateway is reached over HTTP only.
 */
package io.dsx.connectors;
