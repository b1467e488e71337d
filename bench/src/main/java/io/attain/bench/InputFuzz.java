package io.attain.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Bad inputs for every write operation of an OpenAPI document: the generator behind the input-contract fuzz sweep
 * ({@code InputContractFuzzIntegrationTest} in the standalone module) and {@code bench/run fuzz}.
 *
 * <p>For each {@code POST}, {@code PUT} and {@code PATCH} operation it builds a body that passes the shape checks
 * (a valid value per schema type: ids, currencies, periods, dates, numbers, enum constants) and then breaks one
 * thing at a time, per field type: wrong JSON types, missing required fields, numbers over the maximum or with too
 * many decimals, dates and instants outside the business years or not dates at all, identifiers with each forbidden
 * character class, strings over their {@code maxLength} and oversized, control characters, unknown enum constants,
 * bad path ids, a body that is not JSON, none at all, and one over the body limit. Each {@link Case} names the field
 * the answer must name ({@code errors[].field}): the body field's JSON path, the path variable, or {@code body}.
 *
 * <p>Plain Java on a parsed document (maps, lists, strings, numbers, booleans), so that each driver parses JSON
 * with the library it has; seeded, so a sweep is reproducible.
 */
public final class InputFuzz {

    /** The identifier pattern of the input contract; a path variable or field with it is an identifier. */
    static final String ID_MARK = "\\p{L}";
    /** Larger than any body limit the app is configured with by default (256 KiB). */
    static final int OVERSIZED_BODY = 300 * 1024;

    /**
     * One bad request. {@code body} is JSON text, or {@code null} for none. {@code field} is what
     * {@code errors[].field} must name; {@code alternative}, when not {@code null}, is an acceptable name too:
     * {@code body} for a number that overflows an integer (the JSON parser refuses it and knows no field),
     * {@code path} for a path the security firewall refuses before routing (an encoded {@code %}, NUL or line
     * break: it does not know the path variable). {@code expectStatus} is the status required, or 0 for any 4xx.
     */
    public record Case(String operation, String method, String path, String body, String field, String kind,
                       String alternative, int expectStatus) {

        /** {@code true} if an answer naming these fields names the case's field. */
        public boolean named(java.util.Collection<String> fields) {
            return fields.contains(field) || (alternative != null && fields.contains(alternative));
        }

        @Override
        public String toString() {
            String shown = body == null ? "<no body>" : body.length() > 300 ? body.substring(0, 300) + "…(" + body.length() + " chars)" : body;
            return kind + " " + method + " " + path + " field=" + field + " body=" + shown;
        }
    }

    /** A write operation: method, path template, its path parameters and the body schema (or {@code null}). */
    public record Operation(String method, String path, List<Map<String, Object>> pathParameters,
                            Map<String, Object> body, boolean bodyRequired) {

        String name() {
            return method + " " + path;
        }
    }

    private final Map<String, Object> doc;
    private final Random random;
    private int counter;

    public InputFuzz(Map<String, Object> openApi, long seed) {
        this.doc = openApi;
        this.random = new Random(seed);
    }

    /** Every POST, PUT and PATCH operation of the document, in document order. */
    @SuppressWarnings("unchecked")
    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        Map<String, Object> paths = (Map<String, Object>) doc.getOrDefault("paths", Map.of());
        for (var path : paths.entrySet()) {
            Map<String, Object> item = (Map<String, Object>) path.getValue();
            for (String method : List.of("post", "put", "patch")) {
                Map<String, Object> op = (Map<String, Object>) item.get(method);
                if (op == null) {
                    continue;
                }
                List<Map<String, Object>> params = new ArrayList<>();
                for (Object p : (List<Object>) op.getOrDefault("parameters", List.of())) {
                    Map<String, Object> param = resolve((Map<String, Object>) p);
                    if ("path".equals(param.get("in"))) {
                        params.add(param);
                    }
                }
                Map<String, Object> body = null;
                boolean required = false;
                Map<String, Object> requestBody = (Map<String, Object>) op.get("requestBody");
                if (requestBody != null) {
                    requestBody = resolve(requestBody);
                    required = Boolean.TRUE.equals(requestBody.get("required"));
                    Map<String, Object> content = (Map<String, Object>) requestBody.getOrDefault("content", Map.of());
                    Map<String, Object> json = (Map<String, Object>) content.get("application/json");
                    if (json != null && json.get("schema") != null) {
                        body = resolve((Map<String, Object>) json.get("schema"));
                    }
                }
                operations.add(new Operation(method.toUpperCase(Locale.ROOT), path.getKey(), params, body, required));
            }
        }
        return operations;
    }

    /** All the bad requests of one operation: every mutation of every field, path variable and the body. */
    public List<Case> cases(Operation op) {
        List<Case> cases = new ArrayList<>();
        Map<String, String> pathValues = new LinkedHashMap<>();
        for (Map<String, Object> param : op.pathParameters()) {
            pathValues.put((String) param.get("name"), validPathValue((String) param.get("name")));
        }
        String validPath = path(op.path(), pathValues);
        Object base = op.body() == null ? null : valid(op.body(), "", 0);

        // path variables
        for (Map<String, Object> param : op.pathParameters()) {
            String name = (String) param.get("name");
            for (String bad : badPathValues(name, schemaOf(param))) {
                Map<String, String> values = new LinkedHashMap<>(pathValues);
                values.put(name, bad);
                cases.add(new Case(op.name(), op.method(), path(op.path(), values), base == null ? null : Json.write(base),
                        name, "path:" + name, "path", 0));
            }
        }
        if (op.body() == null) {
            return cases;
        }
        // the body as a whole
        cases.add(new Case(op.name(), op.method(), validPath, "{\"x\": ", "body", "body:not-json", null, 400));
        if (op.bodyRequired()) {
            cases.add(new Case(op.name(), op.method(), validPath, null, "body", "body:none", null, 400));
        }
        cases.add(new Case(op.name(), op.method(), validPath, oversized(), "body", "body:oversized", null, 413));
        // each field
        mutateFields(op, validPath, base, op.body(), "", new ArrayList<>(), cases);
        return cases;
    }

    /** Every case of every operation. */
    public List<Case> all() {
        List<Case> all = new ArrayList<>();
        for (Operation op : operations()) {
            all.addAll(cases(op));
        }
        return all;
    }

    /** A random selection of at most {@code perOperation} cases of each operation (all where it has fewer). */
    public List<Case> sample(int perOperation) {
        List<Case> chosen = new ArrayList<>();
        for (Operation op : operations()) {
            List<Case> cases = cases(op);
            if (cases.size() <= perOperation) {
                chosen.addAll(cases);
                continue;
            }
            // always the body cases and the missing fields; the rest drawn by the seed
            List<Case> rest = new ArrayList<>();
            for (Case c : cases) {
                if (c.kind().startsWith("body:") || c.kind().startsWith("missing")) {
                    chosen.add(c);
                } else {
                    rest.add(c);
                }
            }
            java.util.Collections.shuffle(rest, random);
            chosen.addAll(rest.subList(0, Math.min(rest.size(), Math.max(0, perOperation))));
        }
        return chosen;
    }

    // --- mutations

    @SuppressWarnings("unchecked")
    private void mutateFields(Operation op, String path, Object base, Map<String, Object> schema, String prefix,
                              List<Object> at, List<Case> cases) {
        Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
        List<Object> required = (List<Object>) schema.getOrDefault("required", List.of());
        for (var property : properties.entrySet()) {
            String name = property.getKey();
            String field = prefix.isEmpty() ? name : prefix + "." + name;
            Map<String, Object> fieldSchema = resolve((Map<String, Object>) property.getValue());
            List<Object> here = new ArrayList<>(at);
            here.add(name);
            if (required.contains(name)) {
                cases.add(mutated(op, path, base, here, REMOVE, field, "missing", null, 0));
            }
            for (Bad bad : badValues(name, fieldSchema, required.contains(name))) {
                cases.add(mutated(op, path, base, here, bad.value(), field, bad.kind(), bad.alternative(), 0));
            }
            String type = type(fieldSchema);
            if ("object".equals(type) && !specialName(name)) {
                mutateFields(op, path, base, fieldSchema, field, here, cases);
            } else if ("array".equals(type)) {
                Map<String, Object> items = resolve((Map<String, Object>) fieldSchema.getOrDefault("items", Map.of()));
                List<Object> first = new ArrayList<>(here);
                first.add(0);
                String itemField = field + "[0]";
                if ("object".equals(type(items))) {
                    mutateFields(op, path, base, items, itemField, first, cases);
                } else {
                    for (Bad bad : badValues(name, items, true)) {
                        cases.add(mutated(op, path, base, first, bad.value(), itemField, bad.kind(), bad.alternative(), 0));
                    }
                }
            }
        }
    }

    private static final Object REMOVE = new Object();

    private Case mutated(Operation op, String path, Object base, List<Object> at, Object value, String field,
                         String kind, String alternative, int status) {
        Object body = Json.copy(base);
        Json.set(body, at, value, REMOVE);
        return new Case(op.name(), op.method(), path, Json.write(body), field, kind + ":" + field, alternative, status);
    }

    record Bad(String kind, Object value, String alternative) {
        Bad(String kind, Object value) {
            this(kind, value, null);
        }
    }

    /** The bad values for a field of this schema (and name). */
    private List<Bad> badValues(String name, Map<String, Object> schema, boolean required) {
        List<Bad> bad = new ArrayList<>();
        String type = type(schema);
        if (isPeriod(name) && schema.get("enum") == null) {
            bad.add(new Bad("period-format", "2017-13"));
            bad.add(new Bad("period-year", "1899-Q4"));
            bad.add(new Bad("period-year", "2201"));
            bad.add(new Bad("wrong-type", Map.of()));
            return bad;
        }
        if (schema.get("enum") != null) {
            bad.add(new Bad("unknown-enum", "NOT_A_CONSTANT"));
            bad.add(new Bad("wrong-type", List.of()));
            return bad;
        }
        switch (type == null ? "" : type) {
            case "string" -> {
                String format = (String) schema.get("format");
                if ("date".equals(format)) {
                    bad.add(new Bad("date-format", "2017-02-30"));
                    bad.add(new Bad("date-format", "31.05.2017"));
                    bad.add(new Bad("date-year", "1899-12-31"));
                    bad.add(new Bad("date-year", "2201-01-01"));
                    bad.add(new Bad("wrong-type", List.of()));
                } else if ("date-time".equals(format)) {
                    bad.add(new Bad("instant-format", "2017-05-10"));
                    bad.add(new Bad("instant-year", "1899-12-31T23:59:59Z"));
                    bad.add(new Bad("instant-year", "2201-01-01T00:00:00Z"));
                    bad.add(new Bad("instant-year", "+99999-01-01T00:00:00Z"));
                    bad.add(new Bad("wrong-type", Map.of()));
                } else {
                    bad.addAll(badStrings(name, schema, required));
                }
            }
            case "number" -> {
                bad.add(new Bad("number-huge", new Json.Raw("1e300")));
                bad.add(new Bad("number-huge", new Json.Raw("-1e300")));
                bad.add(new Bad("number-over-max", new Json.Raw("1000000000000.000001")));
                bad.add(new Bad("number-under-min", new Json.Raw("-1000000000001")));
                bad.add(new Bad("number-scale", new Json.Raw("0.0000000000001")));
                bad.add(new Bad("number-scale", new Json.Raw("1e-300")));
                bad.add(new Bad("wrong-type", "ten"));
                bad.add(new Bad("wrong-type", true));
                bad.add(new Bad("wrong-type", Map.of()));
            }
            case "integer" -> {
                bad.add(new Bad("integer-overflow", new Json.Raw("99999999999999999999"), "body"));
                bad.add(new Bad("wrong-type", "one"));
                bad.add(new Bad("wrong-type", Map.of()));
            }
            case "boolean" -> {
                bad.add(new Bad("wrong-type", "maybe"));
                bad.add(new Bad("wrong-type", Map.of()));
            }
            case "array" -> {
                bad.add(new Bad("wrong-type", "not an array"));
                bad.add(new Bad("wrong-type", Map.of()));
            }
            case "object" -> {
                bad.add(new Bad("wrong-type", "not an object"));
                bad.add(new Bad("wrong-type", List.of()));
            }
            default -> {
            }
        }
        return bad;
    }

    private List<Bad> badStrings(String name, Map<String, Object> schema, boolean required) {
        List<Bad> bad = new ArrayList<>();
        String pattern = (String) schema.get("pattern");
        Number maxLength = (Number) schema.get("maxLength");
        boolean identifier = pattern != null && pattern.contains(ID_MARK);
        if (identifier) {
            for (String forbidden : List.of("a/b", "a:b", "a%2Fb", "a\u0000b", "ディール\u0000", "a\nb", "a\tb",
                    "a\u007fb", " leading", "trailing ", "a#b", "a?b", "a\\b", "a+b", "a<b>", "a\"b", "a;b", "")) {
                bad.add(new Bad("id-char", forbidden));
            }
        }
        if (maxLength != null) {
            bad.add(new Bad("too-long", "a".repeat(maxLength.intValue() + 1)));
            bad.add(new Bad("too-long", "ä".repeat(10_000)));
        }
        if (pattern != null && !identifier && pattern.contains("Cc")) {
            bad.add(new Bad("control-char", "text\u0001"));
            bad.add(new Bad("control-char", "line\nbreak"));
        }
        if (isCurrency(name)) {
            bad.add(new Bad("currency", "EURO"));
            bad.add(new Bad("currency", "eur"));
        }
        if (required && !identifier) {
            bad.add(new Bad("blank", " "));
        }
        bad.add(new Bad("wrong-type", Map.of()));
        bad.add(new Bad("wrong-type", List.of(1)));
        // one of the forbidden classes at random as well, so larger budgets see more of them
        if (identifier) {
            String[] classes = {"/", ":", "%", "\u0001", "\u0085", "\u2028x"};
            bad.add(new Bad("id-char", "x" + classes[random.nextInt(classes.length)] + counter++));
        }
        return bad;
    }

    private List<String> badPathValues(String name, Map<String, Object> schema) {
        List<String> bad = new ArrayList<>();
        if (isPeriod(name)) {
            bad.add("2017-13");
            bad.add("1899-Q1");
            bad.add("x");
            return bad;
        }
        String pattern = schema == null ? null : (String) schema.get("pattern");
        Number maxLength = schema == null ? null : (Number) schema.get("maxLength");
        if (pattern != null && pattern.contains(ID_MARK)) {
            bad.addAll(List.of("a%3Ab", "a%25b", "a%00b", "a%20", "%20a", "a%0Ab", "a%23b", "a%3Fb"));
        }
        if (maxLength != null) {
            bad.add("a".repeat(maxLength.intValue() + 1));
        }
        if (pattern != null && pattern.contains("Cc")) {
            bad.add("a%01b");
        }
        return bad;
    }

    // --- valid values

    @SuppressWarnings("unchecked")
    private Object valid(Map<String, Object> schema, String name, int depth) {
        if (schema.get("enum") != null) {
            return ((List<Object>) schema.get("enum")).get(0);
        }
        if (isPeriod(name)) {
            return "2017-Q2";
        }
        String type = type(schema);
        if (type == null) {
            return "x";
        }
        return switch (type) {
            case "object" -> {
                Map<String, Object> object = new LinkedHashMap<>();
                Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
                List<Object> required = (List<Object>) schema.getOrDefault("required", List.of());
                for (var p : properties.entrySet()) {
                    if (EXCLUSIVE.containsKey(p.getKey()) && properties.containsKey(EXCLUSIVE.get(p.getKey()))
                            && !required.contains(p.getKey())) {
                        continue; // the other of an exactly-one-of pair is given
                    }
                    object.put(p.getKey(), valid(resolve((Map<String, Object>) p.getValue()), p.getKey(), depth + 1));
                }
                yield object;
            }
            case "array" -> {
                List<Object> list = new ArrayList<>();
                list.add(valid(resolve((Map<String, Object>) schema.getOrDefault("items", Map.of())), name, depth + 1));
                yield list;
            }
            case "number" -> new Json.Raw("10");
            case "integer" -> 1;
            case "boolean" -> true;
            default -> validString(schema, name);
        };
    }

    /** Optional fields of which at most one is given (the first is left out when the second exists). */
    private static final Map<String, String> EXCLUSIVE = Map.of("role", "repId", "teamId", "repId");

    private String validString(Map<String, Object> schema, String name) {
        String format = (String) schema.get("format");
        if ("date".equals(format)) {
            return "2017-05-10";
        }
        if ("date-time".equals(format)) {
            return "2017-05-10T10:00:00Z";
        }
        if (isCurrency(name)) {
            return "EUR";
        }
        return "fz-" + name + "-" + (counter++);
    }

    private static String validPathValue(String name) {
        return isPeriod(name) ? "2017-Q2" : name.equals("conflictId") ? "conflict:1:fz" : "fz-" + name;
    }

    private static boolean isPeriod(String name) {
        return "period".equals(name);
    }

    private static boolean isCurrency(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith("currency");
    }

    private static boolean specialName(String name) {
        return isPeriod(name);
    }

    private static String path(String template, Map<String, String> values) {
        String path = template;
        for (var v : values.entrySet()) {
            path = path.replace("{" + v.getKey() + "}", v.getValue());
        }
        return path;
    }

    private static String oversized() {
        return "{\"padding\":\"" + "x".repeat(OVERSIZED_BODY) + "\"}";
    }

    // --- schema helpers

    @SuppressWarnings("unchecked")
    private Map<String, Object> schemaOf(Map<String, Object> param) {
        Object schema = param.get("schema");
        return schema == null ? null : resolve((Map<String, Object>) schema);
    }

    /** The schema, request body or parameter behind a {@code $ref} (and a single-element {@code allOf}). */
    @SuppressWarnings("unchecked")
    Map<String, Object> resolve(Map<String, Object> node) {
        Map<String, Object> current = node;
        for (int i = 0; i < 10 && current != null; i++) {
            Object ref = current.get("$ref");
            if (ref instanceof String r && r.startsWith("#/")) {
                Object target = doc;
                for (String part : r.substring(2).split("/")) {
                    target = ((Map<String, Object>) target).get(part);
                }
                current = (Map<String, Object>) target;
                continue;
            }
            Object allOf = current.get("allOf");
            if (allOf instanceof List<?> list && list.size() == 1 && current.get("properties") == null) {
                current = (Map<String, Object>) list.get(0);
                continue;
            }
            break;
        }
        return current == null ? Map.of() : current;
    }

    /** The schema's type; OpenAPI 3.1 may give a list such as {@code ["string", "null"]}. */
    static String type(Map<String, Object> schema) {
        Object type = schema.get("type");
        if (type instanceof String s) {
            return s;
        }
        if (type instanceof List<?> list) {
            for (Object t : list) {
                if (!"null".equals(t)) {
                    return (String) t;
                }
            }
        }
        if (schema.get("properties") != null) {
            return "object";
        }
        return null;
    }

    /** JSON text without a library: maps, lists, strings, numbers, booleans, null and raw number tokens. */
    static final class Json {

        /** A number token written as given, e.g. {@code 1e300} or {@code 1000000000000.000001}. */
        record Raw(String token) {
        }

        private Json() {
        }

        static String write(Object value) {
            StringBuilder out = new StringBuilder();
            write(value, out);
            return out.toString();
        }

        @SuppressWarnings("unchecked")
        private static void write(Object value, StringBuilder out) {
            if (value == null) {
                out.append("null");
            } else if (value instanceof Raw raw) {
                out.append(raw.token());
            } else if (value instanceof String s) {
                quote(s, out);
            } else if (value instanceof Number || value instanceof Boolean) {
                out.append(value);
            } else if (value instanceof Map<?, ?> map) {
                out.append('{');
                boolean first = true;
                for (var e : ((Map<String, Object>) map).entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    quote(e.getKey(), out);
                    out.append(':');
                    write(e.getValue(), out);
                }
                out.append('}');
            } else if (value instanceof List<?> list) {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(list.get(i), out);
                }
                out.append(']');
            } else {
                quote(value.toString(), out);
            }
        }

        private static void quote(String s, StringBuilder out) {
            out.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        }

        /** A deep copy of maps and lists. */
        @SuppressWarnings("unchecked")
        static Object copy(Object value) {
            if (value instanceof Map<?, ?> map) {
                Map<String, Object> copy = new LinkedHashMap<>();
                ((Map<String, Object>) map).forEach((k, v) -> copy.put(k, copy(v)));
                return copy;
            }
            if (value instanceof List<?> list) {
                List<Object> copy = new ArrayList<>();
                list.forEach(v -> copy.add(copy(v)));
                return copy;
            }
            return value;
        }

        /** Sets (or with {@code remove}, removes) the value at a path of names and indexes. */
        @SuppressWarnings("unchecked")
        static void set(Object root, List<Object> path, Object value, Object remove) {
            Object node = root;
            for (int i = 0; i < path.size() - 1; i++) {
                Object key = path.get(i);
                node = key instanceof Integer index ? ((List<Object>) node).get(index) : ((Map<String, Object>) node).get(key);
            }
            Object last = path.get(path.size() - 1);
            if (last instanceof Integer index) {
                List<Object> list = (List<Object>) node;
                if (value == remove) {
                    list.remove((int) index);
                } else {
                    list.set(index, value);
                }
            } else if (value == remove) {
                ((Map<String, Object>) node).remove(last);
            } else {
                ((Map<String, Object>) node).put((String) last, value);
            }
        }
    }
}
