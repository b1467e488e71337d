package io.attain.platform.problem;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JsonInputErrorsTest {

    enum Colour { RED, GREEN }

    record Line(String repId, BigDecimal percentage) {
    }

    record Body(Colour colour, BigDecimal amount, LocalDate day, List<Line> lines, Code code) {
    }

    /** A value object that refuses values in its factory, like the kernel's Period. */
    record Code(String value) {
        @com.fasterxml.jackson.annotation.JsonCreator(mode = com.fasterxml.jackson.annotation.JsonCreator.Mode.DELEGATING)
        static Code of(String value) {
            if (!value.matches("[A-Z]{3}")) {
                throw new IllegalArgumentException("code: \"" + value + "\" is not three capitals");
            }
            return new Code(value);
        }
    }

    private static List<Violation> read(String json) {
        try {
            JsonMapper.builder().build().readValue(json, Body.class);
            throw new AssertionError("expected a failure for " + json);
        } catch (RuntimeException e) {
            return JsonInputErrors.describe(new RuntimeException("decoding failed", e));
        }
    }

    @Test
    void namesTheFieldAndWhatItMustBe() {
        assertThat(read("{\"colour\":\"BLUE\"}")).containsExactly(new Violation("colour", "must be one of [RED, GREEN]"));
        assertThat(read("{\"amount\":\"lots\"}")).containsExactly(new Violation("amount", "must be a number"));
        assertThat(read("{\"day\":\"2017-02-30\"}")).containsExactly(new Violation("day", "must be a date like 2017-05-31"));
        assertThat(read("{\"lines\":[{\"repId\":\"a\",\"percentage\":1},{\"percentage\":\"x\"}]}"))
                .containsExactly(new Violation("lines[1].percentage", "must be a number"));
        assertThat(read("{\"code\":\"abc\"}")).containsExactly(new Violation("code", "\"abc\" is not three capitals"));
    }

    @Test
    void malformedJsonIsAboutTheBody() {
        assertThat(read("{\"colour\": ")).containsExactly(new Violation("body", "must be well-formed JSON"));
        assertThat(read("[1]")).containsExactly(new Violation("body", "must be a JSON object"));
    }

    @Test
    void otherErrorsAreNotJsonErrors() {
        assertThat(JsonInputErrors.describe(new IllegalStateException("x"))).isNull();
    }
}
