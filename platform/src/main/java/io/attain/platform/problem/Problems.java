package io.attain.platform.problem;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds {@link ProblemDetail}s in Attain's shape and turns them into the JSON members, in order. */
public final class Problems {

    /** The extension member that lists the {@link Violation}s. */
    public static final String ERRORS = "errors";

    private Problems() {
    }

    public static ProblemDetail detail(ProblemType type, HttpStatusCode status, String detail, List<Violation> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type.type());
        problem.setTitle(type.title());
        problem.setProperty(ERRORS, List.copyOf(errors));
        return problem;
    }

    public static ProblemDetail detail(ProblemType type, String detail, List<Violation> errors) {
        return detail(type, type.status(), detail, errors);
    }

    /**
     * The members of the problem document: {@code type, title, status, detail, instance} (when set),
     * then the extension members, {@code errors} always present (an empty list if there are none).
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> members(ProblemDetail problem) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("type", problem.getType().toString());
        members.put("title", problem.getTitle());
        members.put("status", problem.getStatus());
        members.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            members.put("instance", problem.getInstance().toString());
        }
        Map<String, Object> properties = problem.getProperties() == null ? Map.of() : problem.getProperties();
        properties.forEach((name, value) -> {
            if (!ERRORS.equals(name)) {
                members.put(name, value);
            }
        });
        Object errors = properties.getOrDefault(ERRORS, List.of());
        members.put(ERRORS, ((List<Object>) errors).stream()
                .map(e -> e instanceof Violation v ? violation(v) : e)
                .toList());
        return members;
    }

    private static Map<String, Object> violation(Violation violation) {
        Map<String, Object> member = new LinkedHashMap<>();
        member.put("field", violation.field());
        member.put("rule", violation.rule());
        return member;
    }
}
