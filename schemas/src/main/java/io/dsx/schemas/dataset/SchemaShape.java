package io.dsx.schemas.dataset;

import io.dsx.schemas.dataset.DatasetSchemaException.Problem;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * Shapes a dataset schema may not have, because a record of that shape could be made to cost the
 * gateway far more than its bytes: a type that contains itself (records nested as deep as the sender
 * likes), and arrays or maps whose items encode to zero bytes (a few bytes claiming millions of
 * nulls). Medical records need neither; the record checker bounds both as well.
 */
final class SchemaShape {
    private SchemaShape() {}

    static void check(Schema root) throws DatasetSchemaException {
        walk(root, "", new ArrayDeque<>(), new HashMap<>());
    }

    private static void walk(Schema s, String path, Deque<String> open, Map<String, Boolean> zeroSize)
            throws DatasetSchemaException {
        switch (s.getType()) {
            case RECORD -> {
                if (open.contains(s.getFullName())) {
                    throw new DatasetSchemaException(
                            Problem.RECURSIVE,
                            "field '" + path + "': type " + s.getName()
                                    + " contains itself; recursive schemas are not accepted");
                }
                open.push(s.getFullName());
                for (Schema.Field f : s.getFields()) {
                    walk(f.schema(), path.isEmpty() ? f.name() : path + "." + f.name(), open, zeroSize);
                }
                open.pop();
            }
            case ARRAY, MAP -> {
                Schema item = s.getType() == Schema.Type.ARRAY ? s.getElementType() : s.getValueType();
                if (s.getType() == Schema.Type.ARRAY && encodesToNothing(item, zeroSize)) {
                    throw new DatasetSchemaException(
                            Problem.ZERO_SIZE_ITEMS,
                            "field '" + path + "': an array of "
                                    + item.getType().getName() + " items, which encode to zero bytes, is not accepted");
                }
                walk(item, path, open, zeroSize);
            }
            case UNION -> {
                for (Schema branch : s.getTypes()) {
                    walk(branch, path, open, zeroSize);
                }
            }
            default -> {}
        }
    }

    /** Whether a value of {@code s} can take zero bytes: null, fixed(0), or a record of such fields only. */
    private static boolean encodesToNothing(Schema s, Map<String, Boolean> memo) {
        return switch (s.getType()) {
            case NULL -> true;
            case FIXED -> s.getFixedSize() == 0;
            case RECORD -> {
                Boolean known = memo.get(s.getFullName());
                if (known != null) {
                    yield known;
                }
                memo.put(s.getFullName(), false); // a cycle is refused elsewhere
                boolean all = s.getFields().stream().allMatch(f -> encodesToNothing(f.schema(), memo));
                memo.put(s.getFullName(), all);
                yield all;
            }
            default -> false;
        };
    }
}
