package io.attain.standalone.cli;

import io.attain.standalone.cli.CrmPlan.Command;
import io.attain.standalone.cli.CrmPlan.Item;
import io.attain.standalone.cli.CrmPlan.Ref;
import io.attain.standalone.cli.ImportReport.Kind;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The compensation plan of {@code import crm … --plan <file>} (format: {@code docs/import.md}, sample:
 * {@code docs/plans/sample-plan.json}):
 *
 * <pre>{@code
 * {"planId": "crm-field-sales", "name": "CRM field sales",
 *  "terms": { … the body of POST /api/v1/plans/{planId}/versions "terms"; effectiveFrom defaults to the reps'
 *             hire date … },
 *  "quarterlyTarget": {"amount": 150000, "currency": "USD"}}   // optional
 * }</pre>
 *
 * The import creates the plan, publishes the terms as a version and assigns the plan to every imported rep from
 * their hire date (the day before the earliest engage date); with {@code quarterlyTarget} it also assigns that
 * REVENUE target to every rep for every quarter of the data. The terms are passed to the server as written (its plan
 * aggregate checks every rule). Pure apart from {@link #read}.
 */
public record PlanFile(String file, String planId, String name, Map<String, Object> terms, boolean retroactive,
                       BigDecimal targetAmount, String targetCurrency) {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final Set<String> MEMBERS = Set.of("planId", "name", "terms", "retroactive", "quarterlyTarget");

    /** The file could not be read as a plan file; the message names the member and the rule. */
    public static final class PlanFileException extends Exception {
        PlanFileException(String message) {
            super(message);
        }
    }

    public static PlanFile read(Path file) throws IOException, PlanFileException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString());
    }

    @SuppressWarnings("unchecked")
    public static PlanFile parse(String json, String file) throws PlanFileException {
        Object root;
        try {
            root = JSON.readValue(json, Object.class);
        } catch (JacksonException e) {
            throw new PlanFileException(file + ": not JSON: " + e.getOriginalMessage());
        }
        if (!(root instanceof Map<?, ?> object)) {
            throw new PlanFileException(file + ": must be a JSON object");
        }
        for (Object member : object.keySet()) {
            if (!MEMBERS.contains(member)) {
                throw new PlanFileException(file + ": unknown member \"" + member + "\" (expected " + MEMBERS + ")");
            }
        }
        String planId = text(object, "planId", file, true);
        String name = text(object, "name", file, false);
        if (!(object.get("terms") instanceof Map<?, ?> terms)) {
            throw new PlanFileException(file + ": terms: is required (an object: the terms of the plan's version)");
        }
        Object retroactive = object.get("retroactive");
        if (retroactive != null && !(retroactive instanceof Boolean)) {
            throw new PlanFileException(file + ": retroactive: must be true or false");
        }
        BigDecimal amount = null;
        String currency = null;
        Object target = object.get("quarterlyTarget");
        if (target != null) {
            if (!(target instanceof Map<?, ?> money) || !(money.get("amount") instanceof Number number)
                    || !(money.get("currency") instanceof String code) || code.isBlank()) {
                throw new PlanFileException(file + ": quarterlyTarget: must be {\"amount\": <number>, \"currency\": <code>}");
            }
            amount = new BigDecimal(number.toString());
            if (amount.signum() <= 0) {
                throw new PlanFileException(file + ": quarterlyTarget.amount: must be positive");
            }
            currency = code.strip();
        }
        return new PlanFile(file, planId, name == null ? planId : name,
                new LinkedHashMap<>((Map<String, Object>) terms), Boolean.TRUE.equals(retroactive), amount, currency);
    }

    private static String text(Map<?, ?> object, String member, String file, boolean required) throws PlanFileException {
        Object value = object.get(member);
        if (value == null && !required) {
            return null;
        }
        if (!(value instanceof String text) || text.isBlank()) {
            throw new PlanFileException(file + ": " + member + ": " + (value == null ? "is required" : "must be a non-blank text"));
        }
        return text.strip();
    }

    /** The version's terms as sent: {@code effectiveFrom} defaults to the hire date. */
    Map<String, Object> termsFrom(LocalDate hireDate) {
        Map<String, Object> body = new LinkedHashMap<>(terms);
        body.putIfAbsent("effectiveFrom", hireDate.toString());
        return body;
    }

    /** The plan: created, then its version published (idempotent by key: the same terms publish once). */
    Item planItem(LocalDate hireDate) {
        Map<String, Object> terms = termsFrom(hireDate);
        Map<String, Object> version = Json.object("terms", terms, "retroactive", retroactive ? Boolean.TRUE : null);
        String path = "/api/v1/plans/" + CrmPlan.pathSegment(planId);
        return new Item(Kind.PLAN, planId, file, 0, List.of(
                new Command("/api/v1/plans", CrmPlan.key("plan", planId),
                        Json.object("planId", planId, "name", name), Map.of("planId", new String[]{"planId", planId})),
                new Command(path + "/versions", CrmPlan.key("plan", planId, "version", digest(Json.write(version))),
                        version, Map.of())),
                false, List.of());
    }

    /** Every rep gets the plan from the hire date. */
    List<Item> assignmentItems(List<String> repIds, LocalDate hireDate) {
        List<Item> items = new ArrayList<>();
        String path = "/api/v1/plans/" + CrmPlan.pathSegment(planId) + "/assignments";
        for (String rep : repIds) {
            items.add(new Item(Kind.PLAN_ASSIGNMENT, rep, file, 0, List.of(new Command(path,
                    CrmPlan.key("plan", planId, "assign", rep, hireDate.toString()),
                    Json.object("repId", rep, "effectiveFrom", hireDate.toString()),
                    Map.of("repId", new String[]{"sales_agent", rep}))),
                    false, List.of(new Ref(Kind.REP, rep), new Ref(Kind.PLAN, planId))));
        }
        return items;
    }

    /** With a quarterly target: a REVENUE target for every rep and every quarter from {@code from} to {@code to}. */
    List<Item> targetItems(List<String> repIds, LocalDate from, LocalDate to) {
        List<Item> items = new ArrayList<>();
        if (targetAmount == null) {
            return items;
        }
        for (String quarter : quarters(from, to)) {
            for (String rep : repIds) {
                String targetId = targetId(planId, rep, quarter);
                items.add(new Item(Kind.TARGET, rep + " " + quarter, file, 0, List.of(new Command("/api/v1/targets",
                        CrmPlan.key("target", rep, quarter),
                        Json.object("targetId", targetId, "repId", rep, "period", quarter, "metric", "REVENUE",
                                "amount", targetAmount, "currency", targetCurrency),
                        Map.of("repId", new String[]{"sales_agent", rep}))),
                        false, List.of(new Ref(Kind.REP, rep))));
            }
        }
        return items;
    }

    /**
     * The id of a rep's quarterly target, an identifier of the input contract (no {@code :}):
     * {@code crm.<planId>.<rep>.<quarter>}, or, when that is not one (longer than 128 characters),
     * {@code crm.} and a hash of the three.
     */
    static String targetId(String planId, String rep, String quarter) {
        String id = "crm." + planId + "." + rep + "." + quarter;
        if (io.attain.kernel.common.InputContract.isIdentifier(id)) {
            return id;
        }
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(
                    (planId + ":" + rep + ":" + quarter).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "crm." + java.util.HexFormat.of().formatHex(hash, 0, 20);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The quarters ({@code 2016-Q4}) from the one of {@code from} to the one of {@code to}, both included. */
    static List<String> quarters(LocalDate from, LocalDate to) {
        List<String> quarters = new ArrayList<>();
        LocalDate start = LocalDate.of(from.getYear(), (from.getMonthValue() - 1) / 3 * 3 + 1, 1);
        for (LocalDate q = start; !q.isAfter(to); q = q.plusMonths(3)) {
            quarters.add(q.getYear() + "-Q" + ((q.getMonthValue() - 1) / 3 + 1));
        }
        return quarters;
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
