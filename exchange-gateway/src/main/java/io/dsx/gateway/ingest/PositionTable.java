package io.dsx.gateway.ingest;

import java.util.UUID;

/**
 * Contribution id to ledger position, in primitive arrays: an open-addressing hash table of
 * (UUID high, UUID low, packed position) triples, 24 bytes per slot at a load factor of at most 1/2,
 * so about 48 bytes per accepted contribution (a {@code HashMap<String, LedgerEntry>} held several
 * kilobytes). Positions pack the partition into the top 16 bits and the offset into the low 48.
 * Thread-safe by its monitor: lookups are a few array reads.
 */
final class PositionTable {
    private static final long EMPTY = -1L;

    private long[] hi;
    private long[] lo;
    private long[] pos;
    private int size;

    PositionTable(int initialCapacity) {
        int cap = Integer.highestOneBit(Math.max(16, initialCapacity * 2 - 1)) << 1;
        allocate(cap);
    }

    static long pack(int partition, long offset) {
        if (partition < 0 || partition > 0xFFFF || offset < 0 || offset >= (1L << 48)) {
            throw new IllegalArgumentException("position out of range");
        }
        return ((long) partition << 48) | offset;
    }

    static int partition(long packed) {
        return (int) (packed >>> 48);
    }

    static long offset(long packed) {
        return packed & ((1L << 48) - 1);
    }

    /** The packed position of {@code id}, or -1. */
    synchronized long get(UUID id) {
        int i = slot(id.getMostSignificantBits(), id.getLeastSignificantBits());
        return pos[i];
    }

    /**
     * Keeps the earlier of the held and the offered position (within one partition; the ledger has
     * one) and returns the one kept.
     */
    synchronized long putEarliest(UUID id, long packed) {
        long h = id.getMostSignificantBits();
        long l = id.getLeastSignificantBits();
        int i = slot(h, l);
        if (pos[i] != EMPTY) {
            if (packed < pos[i]) {
                pos[i] = packed;
            }
            return pos[i];
        }
        hi[i] = h;
        lo[i] = l;
        pos[i] = packed;
        if (++size * 2 > pos.length) {
            grow();
        }
        return packed;
    }

    synchronized int size() {
        return size;
    }

    /** Bytes held by the table's arrays. */
    synchronized long bytes() {
        return 24L * pos.length;
    }

    private int slot(long h, long l) {
        int mask = pos.length - 1;
        long x = h * 0x9E3779B97F4A7C15L ^ l;
        int i = (int) (x ^ (x >>> 32)) & mask;
        while (pos[i] != EMPTY && (hi[i] != h || lo[i] != l)) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void allocate(int cap) {
        hi = new long[cap];
        lo = new long[cap];
        pos = new long[cap];
        java.util.Arrays.fill(pos, EMPTY);
    }

    private void grow() {
        long[] oh = hi;
        long[] ol = lo;
        long[] op = pos;
        allocate(op.length * 2);
        for (int k = 0; k < op.length; k++) {
            if (op[k] != EMPTY) {
                int i = slot(oh[k], ol[k]);
                hi[i] = oh[k];
                lo[i] = ol[k];
                pos[i] = op[k];
            }
        }
    }
}
