package io.dsx.schemas.dataset;

import java.util.Arrays;
import java.util.Optional;

/** The {@code dsx.sensitivity} classes of a dataset field, most to least protected. */
public enum Sensitivity {
    /** Names the person on its own (name, national id, e-mail). */
    DIRECT_IDENTIFIER("direct_identifier"),
    /** Identifies in combination with other fields (birth date, postcode, sex). */
    QUASI_IDENTIFIER("quasi_identifier"),
    /** Special-category data about the person (diagnosis, genotype). */
    SENSITIVE("sensitive"),
    /** Neither identifying nor special-category. */
    NON_SENSITIVE("non_sensitive");

    private final String wireName;

    Sensitivity(String wireName) {
        this.wireName = wireName;
    }

    /** The value written in schemas and in policy input. */
    public String wireName() {
        return wireName;
    }

    public static Optional<Sensitivity> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
    }
}
