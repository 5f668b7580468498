package io.dsx.gateway.dataplane;

import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * A position in a dataset's accepted records: the {@code contribution}-th accepted contribution of
 * the dataset (ledger order) and the record (leaf) within it. Opaque to clients: base64url of
 * {@code 0x01 || u32 contribution || u32 leaf}. Not secret (a job may read every record its grant
 * permits); a cursor that does not parse or points past the data is refused (400 invalid_cursor).
 */
public record Cursor(int contribution, int leaf) {

    public static final Cursor START = new Cursor(0, 0);
    private static final byte VERSION = 1;

    public Cursor {
        if (contribution < 0 || leaf < 0) {
            throw new IllegalArgumentException("negative cursor");
        }
    }

    public String encode() {
        ByteBuffer b = ByteBuffer.allocate(9).put(VERSION).putInt(contribution).putInt(leaf);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
    }

    /** The cursor, or null when the text is not one. */
    public static Cursor parse(String text) {
        if (text == null || text.length() != 12) {
            return null;
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(raw);
        if (raw.length != 9 || b.get() != VERSION) {
            return null;
        }
        int contribution = b.getInt();
        int leaf = b.getInt();
        return contribution < 0 || leaf < 0 ? null : new Cursor(contribution, leaf);
    }
}
