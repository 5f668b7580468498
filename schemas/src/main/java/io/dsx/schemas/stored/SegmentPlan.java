package io.dsx.schemas.stored;

import io.dsx.schemas.record.RecordFrames;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a contribution's records into runs of consecutive records, one stored segment each: records
 * are added to a run while its framed bytes stay within the target; a record larger than the target
 * gets a run of its own (the caller refuses it if even that is more than the topic takes).
 */
public final class SegmentPlan {

    /** Records {@code [firstLeaf, firstLeaf + count)}, {@code bytes} framed bytes from {@code offset}. */
    public record Run(int firstLeaf, int count, int offset, int bytes) {}

    private SegmentPlan() {}

    public static List<Run> of(RecordFrames frames, int targetBytes) {
        if (targetBytes < 1) {
            throw new IllegalArgumentException("target must be positive");
        }
        List<Run> runs = new ArrayList<>();
        int first = 0;
        while (first < frames.count()) {
            int n = 1;
            while (first + n < frames.count() && frames.framedLength(first, n + 1) <= targetBytes) {
                n++;
            }
            runs.add(new Run(first, n, frames.frameStart(first), frames.framedLength(first, n)));
            first += n;
        }
        return runs;
    }
}
