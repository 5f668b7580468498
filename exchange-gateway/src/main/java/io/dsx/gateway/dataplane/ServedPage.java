package io.dsx.gateway.dataplane;

import java.util.List;

/**
 * One page of a data-plane response, told to the audit before its bytes leave the gateway.
 *
 * @param records   how many records the page holds
 * @param from      the cursor where the page begins
 * @param to        the cursor just after its last record
 * @param subjects  the subject key ({@code dsx.key} field) of each record served, in order: plain
 *                  values, held in memory only so the audit can record their keyed hashes; never logged
 */
public record ServedPage(long records, Cursor from, Cursor to, List<String> subjects) {

    @Override
    public String toString() {
        return "ServedPage[records=" + records + ", from=" + from.encode() + ", to=" + to.encode() + ", subjects=***]";
    }
}
