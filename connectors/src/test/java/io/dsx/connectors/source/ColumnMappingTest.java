package io.dsx.connectors.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnMappingTest {

    @Test
    void mappedColumnsFeedTheirFieldAndOthersKeepTheirName() {
        ColumnMapping m = ColumnMapping.parse(List.of("PatientID=subject", " Age = age "));
        assertThat(m.field("PatientID")).isEqualTo("subject");
        assertThat(m.field("Age")).isEqualTo("age");
        assertThat(m.field("diagnosis")).isEqualTo("diagnosis");
        assertThat(m.columns()).containsExactly("PatientID", "Age");
    }

    @Test
    void malformedEntriesAreRefused() {
        for (String bad : List.of("noequals", "=field", "column=")) {
            assertThatThrownBy(() -> ColumnMapping.parse(List.of(bad)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("column=field");
        }
    }

    @Test
    void aColumnOrAFieldNamedTwiceIsRefused() {
        assertThatThrownBy(() -> ColumnMapping.parse(List.of("a=x", "a=y"))).hasMessageContaining("column 'a' twice");
        assertThatThrownBy(() -> ColumnMapping.parse(List.of("a=x", "b=x"))).hasMessageContaining("same field");
    }
}
