/**
 * Dataset schemas (DESIGN 3.3): an institution's Avro record schema whose fields carry dsx tags.
 * Owns {@link io.dsx.schemas.dataset.DatasetSchema#parse(String)} (size and depth limits, tag
 * checks), the {@link io.dsx.schemas.dataset.Sensitivity} classes and
 * {@link io.dsx.schemas.dataset.Compatibility} (a new version must read data written with the
 * previous one). Decision: every top-level field must carry {@code dsx.sensitivity}; an untagged
 * field is refused rather than given a default, so no field is ever classified by guess.
 */
package io.dsx.schemas.dataset;
