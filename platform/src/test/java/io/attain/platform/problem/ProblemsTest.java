package io.attain.platform.problem;

import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemsTest {

    @Test
    void theDocumentHasTheRfc9457MembersInOrderAndAlwaysErrors() {
        ProblemDetail problem = Problems.detail(ProblemType.RULE_VIOLATION, "amount: must be positive",
                List.of(new Violation("amount", "must be positive")));
        problem.setInstance(URI.create("/api/v1/deals"));

        String json = new String(ProblemWriter.toJson(problem), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("{\"type\":\"urn:attain:problem:rule-violation\",\"title\":\"Business rule violated\","
                + "\"status\":422,\"detail\":\"amount: must be positive\",\"instance\":\"/api/v1/deals\","
                + "\"errors\":[{\"field\":\"amount\",\"rule\":\"must be positive\"}]}");
        assertThat(new String(ProblemWriter.toJson(Problems.detail(ProblemType.NOT_FOUND, "gone", List.of())),
                StandardCharsets.UTF_8)).endsWith("\"errors\":[]}");
    }

    @Test
    void splitsFieldAndRuleMessages() {
        assertThat(Violation.fromMessage("shares[1].repId: no such rep")).isEqualTo(new Violation("shares[1].repId", "no such rep"));
        assertThat(Violation.fromMessage("period: \"x\" is not a valid period")).isEqualTo(
                new Violation("period", "\"x\" is not a valid period"));
        assertThat(Violation.fromMessage("Something broke: badly")).isEqualTo(new Violation(null, "Something broke: badly"));
        assertThat(Violation.fromMessage(null)).isEqualTo(new Violation(null, "is invalid"));
    }

    @Test
    void aProblemExceptionKeepsItsStatusAndViolations() {
        ProblemException e = new ProblemException(ProblemType.DUPLICATE, "exists", List.of(new Violation("id", "taken")));
        ProblemDetail detail = e.toProblemDetail();

        assertThat(detail.getStatus()).isEqualTo(409);
        assertThat(detail.getType()).isEqualTo(URI.create("urn:attain:problem:duplicate"));
        assertThat(detail.getProperties()).containsEntry("errors", List.of(new Violation("id", "taken")));
    }
}
