/**
 * Strict Avro binary. Owns {@link io.dsx.schemas.wire.StrictBinaryDecoder} (a decoder over a byte
 * array that refuses anything Avro's own decoder would tolerate: non-minimal varints, lengths past
 * the end, invalid UTF-8, booleans other than 0/1), {@link io.dsx.schemas.wire.AvroBinary} (encode;
 * decode a whole buffer with no trailing bytes, or a prefix) and {@link io.dsx.schemas.wire.Leb128}
 * (the unsigned varint of the record framing). Promise: a decode either returns the one value the
 * bytes encode, or throws {@link io.dsx.schemas.wire.WireFormatException}; never a partial value,
 * and because encodings are canonical, re-encoding a decoded value gives back the same bytes.
 */
package io.dsx.schemas.wire;
