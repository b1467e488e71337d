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

    record Body(Colour colour, BigDecimal amount, LocalDate day, List<Line> lines, Code code, List<String> tags,
                java.time.Instant at) {
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

    /** As the application reads request bodies: with the platform's strict input module. */
    private static final JsonMapper MAPPER = JsonMapper.builder().addModule(io.attain.platform.web.StrictJsonInput.module()).build();

    private static List<Violation> read(String json) {
        try {
            MAPPER.readValue(json, Body.class);
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
    void aNestedArrayInAListOfStringsNamesItsElement() {
        assertThat(read("{\"tags\":[\"a\",[1]]}")).containsExactly(new Violation("tags[1]", "must be a string"));
        assertThat(read("{\"tags\":[{}]}")).containsExactly(new Violation("tags[0]", "must be a string"));
    }

    @Test
    void datesAndInstantsAreIsoTextOnly() {
        assertThat(read("{\"day\":[]}")).containsExactly(new Violation("day", "must be a date like 2017-05-31"));
        assertThat(read("{\"day\":[2017,5,10]}")).containsExactly(new Violation("day", "must be a date like 2017-05-31"));
        assertThat(read("{\"day\":17000}")).containsExactly(new Violation("day", "must be a date like 2017-05-31"));
        assertThat(read("{\"at\":1494410400}"))
                .containsExactly(new Violation("at", "must be an instant like 2017-05-31T09:30:00Z"));
        assertThat(read("{\"at\":[]}"))
                .containsExactly(new Violation("at", "must be an instant like 2017-05-31T09:30:00Z"));
        assertThat(read("{\"at\":\"2017-05-10\"}"))
                .containsExactly(new Violation("at", "must be an instant like 2017-05-31T09:30:00Z"));
    }

    @Test
    void isoTextIsRead() {
        Body body = MAPPER.readValue("{\"day\":\"2017-05-10\",\"at\":\"2017-05-10T10:00:00Z\"}", Body.class);
        assertThat(body.day()).isEqualTo(LocalDate.of(2017, 5, 10));
        assertThat(body.at()).isEqualTo(java.time.Instant.parse("2017-05-10T10:00:00Z"));
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
