package io.dsx.policy.value;

/**
 * An immutable Rego value. Implementations are the seven kinds of OPA's value model; the
 * natural order is OPA's total order of values, consistent with {@code equals}.
 */
public sealed interface Value extends Comparable<Value>
        permits NullValue, BoolValue, NumberValue, StringValue, ArrayValue, SetValue, ObjectValue {

    /** Rank of the kind in OPA's order; also the value of {@code type_name}. */
    enum Kind {
        NULL("null"),
        BOOLEAN("boolean"),
        NUMBER("number"),
        STRING("string"),
        ARRAY("array"),
        OBJECT("object"),
        SET("set");

        private final String typeName;

        Kind(String typeName) {
            this.typeName = typeName;
        }

        /** OPA's name of the type, as {@code type_name} and type errors print it. */
        public String typeName() {
            return typeName;
        }
    }

    Kind kind();

    /** OPA's type name ("string", "set", ...). */
    default String typeName() {
        return kind().typeName();
    }

    /** Rego term text of this value, as OPA prints it ({@code {"a": 1}}, {@code set()}). */
    @Override
    String toString();

    @Override
    default int compareTo(Value o) {
        return Values.compare(this, o);
    }
}
