package io.attain.standalone.cli;

import io.attain.standalone.cli.CrmCsv.Columns;
import io.attain.standalone.cli.CrmCsv.CsvFormatException;
import io.attain.standalone.cli.CrmCsv.Row;
import io.attain.standalone.cli.CrmCsv.Table;
import io.attain.standalone.cli.ImportReport.Kind;
import io.attain.kernel.common.InputContract;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Maps the CRM export onto command API requests, row by row, and reports every row it cannot import and
 * every value it had to normalise (see {@code docs/import.md} for the rules). Pure: no I/O.
 *
 * <ul>
 *     <li>{@code sales_teams.csv}: each regional office becomes a region, each manager a team in that region,
 *     each agent a SALES_REP in the manager's team.</li>
 *     <li>{@code products.csv}: each product a product line (list price in USD).</li>
 *     <li>{@code accounts.csv} (optional): only used to note deal accounts it does not list.</li>
 *     <li>{@code sales_pipeline.csv}: each opportunity a DIRECT deal in USD; Won and Lost deals are opened at the
 *     engage date and closed at the close date; Engaging deals are opened QUALIFIED at the engage date; Prospecting
 *     deals are opened as LEAD at the server's time.</li>
 * </ul>
 */
public final class CrmPlan {

    public static final String TEAMS_FILE = "sales_teams.csv";
    public static final String PRODUCTS_FILE = "products.csv";
    public static final String ACCOUNTS_FILE = "accounts.csv";
    public static final String PIPELINE_FILE = "sales_pipeline.csv";

    public static final String CURRENCY = "USD";
    public static final String CHANNEL = "DIRECT";
    public static final String ROLE = "SALES_REP";
    public static final String LOST_REASON = "Lost in CRM";
    public static final String UNKNOWN_ACCOUNT = "(unknown account)";
    /** The export names no regional managers; the API requires one per region. */
    public static final String REGION_MANAGER = "unassigned";
    /** Hire date when the pipeline has no valid engage date at all (then only Prospecting deals, opened "now"). */
    public static final LocalDate FALLBACK_HIRE_DATE = LocalDate.of(2016, 10, 19);

    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final Pattern ISO_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    /** A character an identifier never contains (see {@link InputContract#ID_PATTERN}). */
    private static final Pattern ID_FORBIDDEN = Pattern.compile("[^\\p{L}\\p{M}\\p{Nd} _.@'-]+");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");
    private static final Set<String> STAGES = Set.of("Prospecting", "Engaging", "Won", "Lost");

    /**
     * One request of the import.
     *
     * @param path           the request path, encoded
     * @param idempotencyKey stable across runs, visible ASCII only
     * @param origin         for the report: API field → {CSV column, value as written}
     */
    public record Command(String path, String idempotencyKey, Map<String, Object> body,
                          Map<String, String[]> origin) {
    }

    /** A reference to something another item needs imported first. */
    public record Ref(Kind kind, String id) {
    }

    /**
     * One thing to import (a region, team, rep, product line or deal) with its requests, in order.
     *
     * @param normalised whether a value of its row was normalised (counted in the summary)
     * @param needs      what must have been imported (created or present) before it
     */
    public record Item(Kind kind, String id, String file, int line, List<Command> commands, boolean normalised,
                       List<Ref> needs) {
    }

    private final ImportReport report;
    private final List<Item> regions = new ArrayList<>();
    private final List<Item> teams = new ArrayList<>();
    private final List<Item> reps = new ArrayList<>();
    private final List<Item> productLines = new ArrayList<>();
    private final List<Item> deals = new ArrayList<>();
    private LocalDate hireDate;
    private LocalDate lastDate;
    private int pipelineRows;
    /** Names once normalised, by column, value and suffix: each is reported once. */
    private final Map<String, String> names = new HashMap<>();
    private final IdSpace dealIds = new IdSpace("opportunity");
    private final IdSpace repIds = new IdSpace("sales agent");
    private final IdSpace teamIds = new IdSpace("manager");
    private final IdSpace regionIds = new IdSpace("regional office");
    private final IdSpace productIds = new IdSpace("product");

    private CrmPlan(ImportReport report) {
        this.report = report;
    }

    public List<Item> regions() {
        return regions;
    }

    public List<Item> teams() {
        return teams;
    }

    public List<Item> reps() {
        return reps;
    }

    public List<Item> productLines() {
        return productLines;
    }

    public List<Item> deals() {
        return deals;
    }

    public LocalDate hireDate() {
        return hireDate;
    }

    /** The latest valid engage or close date of the pipeline (the hire date when there is none). */
    public LocalDate lastDate() {
        return lastDate;
    }

    /** The number of data rows of {@code sales_pipeline.csv}. */
    public int pipelineRows() {
        return pipelineRows;
    }

    /**
     * Plans the import; rows that cannot be imported are reported as FAILED (and counted), values that
     * were normalised as NORMALISED.
     *
     * @param accounts {@code accounts.csv}, or {@code null} when the export has none
     * @throws CsvFormatException a file lacks a required column
     */
    public static CrmPlan build(Table salesTeams, Table products, Table accounts, Table pipeline, ImportReport report)
            throws CsvFormatException {
        CrmPlan plan = new CrmPlan(report);
        Columns pipelineColumns = pipeline.columns("opportunity_id", "sales_agent", "product", "account",
                "deal_stage", "engage_date", "close_date", "close_value");
        plan.hireDate = plan.hireDate(pipeline, pipelineColumns);
        Columns teamColumns = salesTeams.columns("sales_agent", "manager", "regional_office");
        plan.repIds.reserve(salesTeams, teamColumns, "sales_agent");
        plan.teamIds.reserve(salesTeams, teamColumns, "manager");
        plan.regionIds.reserve(salesTeams, teamColumns, "regional_office");
        plan.productIds.reserve(products, products.columns("product", "series", "sales_price"), "product");
        plan.dealIds.reserve(pipeline, pipelineColumns, "opportunity_id");
        Map<String, Agent> agents = plan.organisation(salesTeams);
        Map<String, Product> productsByName = plan.products(products);
        Set<String> accountNames = accounts == null ? null : plan.accounts(accounts);
        plan.deals(pipeline, pipelineColumns, agents, productsByName, accountNames);
        return plan;
    }

    // ---------------------------------------------------------------------------------------------- organisation

    /** An agent of sales_teams.csv: onboarded ({@code failure == null}) or not, and why. */
    private record Agent(String name, String manager, String office, int line, String failure, String id,
                         String teamId, String regionId) {
        Agent(String name, String manager, String office, int line, String failure) {
            this(name, manager, office, line, failure, null, null, null);
        }
    }

    /** The day before the earliest valid engage date: every rep is active on every imported deal's dates. */
    private LocalDate hireDate(Table pipeline, Columns columns) {
        LocalDate earliest = null;
        LocalDate latest = null;
        for (Row row : pipeline.rows()) {
            String value = columns.get(row, "engage_date");
            LocalDate date = value == null ? null : date(value.strip());
            date = date == null || !inContract(date) ? null : date;
            if (date != null && (earliest == null || date.isBefore(earliest))) {
                earliest = date;
            }
            String close = columns.get(row, "close_date");
            LocalDate closeDate = close == null ? null : date(close.strip());
            closeDate = closeDate == null || !inContract(closeDate) ? null : closeDate;
            for (LocalDate d : new LocalDate[]{date, closeDate}) {
                if (d != null && (latest == null || d.isAfter(latest))) {
                    latest = d;
                }
            }
        }
        LocalDate hire = earliest == null ? FALLBACK_HIRE_DATE : earliest.minusDays(1);
        lastDate = latest == null || latest.isBefore(hire) ? hire : latest;
        report.normalised(TEAMS_FILE, 0, "-", "hireDate", "(not in the export)",
                "every rep is onboarded with hireDate " + hire + (earliest == null
                        ? " (fixed default: the pipeline has no valid engage_date)"
                        : " (the day before the earliest engage_date, " + earliest + ")"));
        return hire;
    }

    private Map<String, Agent> organisation(Table table) throws CsvFormatException {
        Columns columns = table.columns("sales_agent", "manager", "regional_office");
        Map<String, Agent> agents = new LinkedHashMap<>();
        Map<String, String> officeOfManager = new HashMap<>();
        Map<String, Integer> managerLine = new HashMap<>();
        Map<String, Integer> officeLine = new LinkedHashMap<>();
        Map<String, String> teamOffice = new LinkedHashMap<>();
        List<Agent> onboard = new ArrayList<>();
        Map<String, String> regionOfOffice = new HashMap<>();
        Map<String, String> teamOfManager = new HashMap<>();
        Map<String, String> displayNames = new HashMap<>();
        Map<String, String> repNames = new HashMap<>();
        for (Row row : table.rows()) {
            String rawAgent = columns.get(row, "sales_agent");
            String id = rawAgent == null || rawAgent.isBlank() ? "-" : rawAgent.strip();
            if (!fieldCount(table, row, id, "sales agent not onboarded")) {
                if (!id.equals("-") && !agents.containsKey(id)) {
                    agents.put(id, new Agent(id, null, null, row.line(), "its row (" + TEAMS_FILE + " line "
                            + row.line() + ") could not be read"));
                }
                report.count(Kind.REP, ImportReport.Result.FAILED);
                continue;
            }
            RowValues values = new RowValues(table.name(), row, id, columns);
            String agent = values.required("sales_agent", "sales agent not onboarded");
            String manager = values.required("manager", "sales agent not onboarded");
            String office = values.required("regional_office", "sales agent not onboarded");
            boolean missing = values.failed;
            Agent earlierRow = agent == null ? null : agents.get(agent);
            String repId = agent == null || missing || earlierRow != null ? null
                    : repIds.id(values, "sales_agent", agent, "sales agent not onboarded");
            String teamId = manager == null || missing || earlierRow != null ? null
                    : teamIds.id(values, "manager", manager, "sales agent not onboarded");
            String regionId = office == null || missing || earlierRow != null ? null
                    : regionIds.id(values, "regional_office", office, "sales agent not onboarded");
            if (values.failed) {
                if (agent != null && !agents.containsKey(agent)) {
                    agents.put(agent, new Agent(agent, manager, office, row.line(), "its row (" + TEAMS_FILE
                            + " line " + row.line() + ") " + (missing ? "lacks a required value" : "was not imported")));
                }
                report.count(Kind.REP, ImportReport.Result.FAILED);
                continue;
            }
            Agent earlier = agents.get(agent);
            if (earlier != null) {
                if (earlier.failure() == null && manager.equals(earlier.manager()) && office.equals(earlier.office())) {
                    report.note(table.name(), row.line(), agent, "sales_agent", agent,
                            "repeats line " + earlier.line() + "; ignored");
                } else {
                    report.failed(table.name(), row.line(), agent, "sales_agent", agent, earlier.failure() != null
                            ? "listed again (first at line " + earlier.line() + ", which was not imported); "
                            + "this row not imported either"
                            : "listed again (first at line " + earlier.line() + ") with another manager or office; "
                            + "this row not imported, line " + earlier.line() + " kept");
                    report.count(Kind.REP, ImportReport.Result.FAILED);
                }
                continue;
            }
            String managersOffice = officeOfManager.get(manager);
            if (managersOffice != null && !managersOffice.equals(office)) {
                report.failed(table.name(), row.line(), agent, "regional_office", office,
                        "manager " + manager + "'s team is in office " + managersOffice + " (line "
                                + managerLine.get(manager) + "); a team belongs to one region; sales agent not onboarded");
                report.count(Kind.REP, ImportReport.Result.FAILED);
                agents.put(agent, new Agent(agent, manager, office, row.line(),
                        "its row (" + TEAMS_FILE + " line " + row.line() + ") was not imported"));
                continue;
            }
            officeOfManager.putIfAbsent(manager, office);
            managerLine.putIfAbsent(manager, row.line());
            officeLine.putIfAbsent(office, row.line());
            teamOffice.putIfAbsent(manager, office);
            regionOfOffice.putIfAbsent(office, regionId);
            teamOfManager.putIfAbsent(manager, teamId);
            displayNames.putIfAbsent("regional_office\0" + office, name(values, "regional_office", office, ""));
            displayNames.putIfAbsent("manager\0" + manager, name(values, "manager", manager, " team"));
            String repName = name(values, "sales_agent", agent, "");
            Agent accepted = new Agent(agent, manager, office, row.line(), null, repId, teamId, regionId);
            agents.put(agent, accepted);
            onboard.add(accepted);
            repNames.put(agent, repName);
            if (values.normalised) {
                report.countNormalisedRow(Kind.REP);
            }
        }
        if (!officeLine.isEmpty()) {
            report.normalised(TEAMS_FILE, 0, "-", "managerId (region)", "(not in the export)",
                    "every region is created with managerId \"" + REGION_MANAGER
                            + "\" (the export names no regional managers; the API requires one)");
        }
        officeLine.forEach((office, line) -> {
            String regionId = regionOfOffice.get(office);
            regions.add(new Item(Kind.REGION, regionId, TEAMS_FILE, line,
                    List.of(new Command("/api/v1/regions", key("region", regionId),
                            Json.object("regionId", regionId, "name", displayNames.get("regional_office\0" + office),
                                    "managerId", REGION_MANAGER),
                            Map.of("regionId", new String[]{"regional_office", office}))),
                    false, List.of()));
        });
        teamOffice.forEach((manager, office) -> {
            String teamId = teamOfManager.get(manager);
            String regionId = regionOfOffice.get(office);
            teams.add(new Item(Kind.TEAM, teamId, TEAMS_FILE, managerLine.get(manager),
                    List.of(new Command("/api/v1/teams", key("team", teamId),
                            Json.object("teamId", teamId, "name", displayNames.get("manager\0" + manager),
                                    "regionId", regionId, "managerId", teamId),
                            Map.of("teamId", new String[]{"manager", manager}, "managerId", new String[]{"manager", manager},
                                    "regionId", new String[]{"regional_office", office}))),
                    false, List.of(new Ref(Kind.REGION, regionId))));
        });
        for (Agent agent : onboard) {
            reps.add(new Item(Kind.REP, agent.id(), TEAMS_FILE, agent.line(),
                    List.of(new Command("/api/v1/reps", key("rep", agent.id()),
                            Json.object("repId", agent.id(), "name", repNames.get(agent.name()), "role", ROLE,
                                    "teamId", agent.teamId(), "managerId", agent.teamId(),
                                    "hireDate", hireDate.toString()),
                            Map.of("repId", new String[]{"sales_agent", agent.name()},
                                    "teamId", new String[]{"manager", agent.manager()},
                                    "managerId", new String[]{"manager", agent.manager()}))),
                    false, List.of(new Ref(Kind.TEAM, agent.teamId()))));
        }
        return agents;
    }

    // -------------------------------------------------------------------------------------------------- products

    /** A product of products.csv: registered ({@code failure == null}) or not. */
    private record Product(String name, String series, BigDecimal listPrice, int line, String failure, String id) {
        Product(String name, String series, BigDecimal listPrice, int line, String failure) {
            this(name, series, listPrice, line, failure, null);
        }
    }

    private Map<String, Product> products(Table table) throws CsvFormatException {
        Columns columns = table.columns("product", "series", "sales_price");
        Map<String, Product> products = new LinkedHashMap<>();
        for (Row row : table.rows()) {
            String rawName = columns.get(row, "product");
            String id = rawName == null || rawName.isBlank() ? "-" : rawName.strip();
            if (!fieldCount(table, row, id, "product line not registered")) {
                if (!id.equals("-")) {
                    products.putIfAbsent(id, new Product(id, null, null, row.line(),
                            "its row (" + PRODUCTS_FILE + " line " + row.line() + ") could not be read"));
                }
                report.count(Kind.PRODUCT_LINE, ImportReport.Result.FAILED);
                continue;
            }
            RowValues values = new RowValues(table.name(), row, id, columns);
            String name = values.required("product", "product line not registered");
            String series = values.required("series", "product line not registered");
            String price = values.required("sales_price", "product line not registered");
            BigDecimal listPrice = null;
            String productId = name == null || values.failed || products.containsKey(name) ? null
                    : productIds.id(values, "product", name, "product line not registered");
            if (series != null) {
                series = name(values, "series", series, "");
            }
            if (price != null) {
                if (!NUMBER.matcher(price).matches()) {
                    values.fail("sales_price", price, "not a number; product line not registered");
                } else {
                    listPrice = new BigDecimal(price);
                    if (listPrice.signum() <= 0) {
                        values.fail("sales_price", price, "must be positive (it is every deal's amount); "
                                + "product line not registered");
                    } else {
                        withinContract(values, "sales_price", price, listPrice, "product line not registered");
                    }
                }
            }
            if (values.failed) {
                if (name != null) {
                    products.putIfAbsent(name, new Product(name, null, null, row.line(),
                            "its row (" + PRODUCTS_FILE + " line " + row.line() + ") was not imported"));
                }
                report.count(Kind.PRODUCT_LINE, ImportReport.Result.FAILED);
                continue;
            }
            Product earlier = products.get(name);
            if (earlier != null) {
                if (earlier.failure() == null && earlier.listPrice().compareTo(listPrice) == 0
                        && earlier.series().equals(series)) {
                    report.note(table.name(), row.line(), name, "product", name,
                            "repeats line " + earlier.line() + "; ignored");
                } else {
                    report.failed(table.name(), row.line(), name, "product", name, earlier.failure() != null
                            ? "listed again (first at line " + earlier.line() + ", which was not imported); "
                            + "this row not imported either"
                            : "listed again (first at line " + earlier.line() + ") with other values; "
                            + "this row not imported, line " + earlier.line() + " kept");
                    report.count(Kind.PRODUCT_LINE, ImportReport.Result.FAILED);
                }
                continue;
            }
            products.put(name, new Product(name, series, listPrice, row.line(), null, productId));
            if (values.normalised) {
                report.countNormalisedRow(Kind.PRODUCT_LINE);
            }
            productLines.add(new Item(Kind.PRODUCT_LINE, productId, PRODUCTS_FILE, row.line(),
                    List.of(new Command("/api/v1/product-lines", key("product", productId),
                            Json.object("productLineId", productId, "series", series,
                                    "listPrice", Json.object("amount", listPrice, "currency", CURRENCY)),
                            Map.of("productLineId", new String[]{"product", name},
                                    "series", new String[]{"series", series},
                                    "listPrice.amount", new String[]{"sales_price", price}))),
                    values.normalised, List.of()));
        }
        return products;
    }

    private Set<String> accounts(Table table) throws CsvFormatException {
        Columns columns = table.columns("account");
        Set<String> names = new HashSet<>();
        for (Row row : table.rows()) {
            String name = columns.get(row, "account");
            if (name != null && !name.isBlank()) {
                names.add(name.strip());
            }
        }
        return names;
    }

    // ----------------------------------------------------------------------------------------------------- deals

    private void deals(Table table, Columns columns, Map<String, Agent> agents, Map<String, Product> products,
                       Set<String> accounts) {
        Map<String, List<String>> productsByLooseName = new HashMap<>();
        products.keySet().forEach(name -> productsByLooseName.computeIfAbsent(loose(name), k -> new ArrayList<>()).add(name));
        Map<String, Integer> seen = new HashMap<>();
        pipelineRows = table.rows().size();
        for (Row row : table.rows()) {
            String rawId = columns.get(row, "opportunity_id");
            String id = rawId == null || rawId.isBlank() ? "-" : rawId.strip();
            if (!fieldCount(table, row, id, "deal not imported")) {
                report.count(Kind.DEAL, ImportReport.Result.FAILED);
                continue;
            }
            RowValues values = new RowValues(table.name(), row, id, columns);
            String dealId = values.required("opportunity_id", "deal not imported");
            if (dealId != null) {
                Integer first = seen.putIfAbsent(dealId, row.line());
                if (first != null) {
                    values.fail("opportunity_id", rawId, "appears again (first at line " + first
                            + "); this row not imported");
                } else {
                    dealId = dealIds.id(values, "opportunity_id", dealId, "deal not imported");
                }
            }

            String agentName = values.required("sales_agent", "deal not imported");
            String repId = null;
            if (agentName != null) {
                Agent agent = agents.get(agentName);
                repId = agent == null ? null : agent.id();
                if (agent == null) {
                    values.fail("sales_agent", columns.get(row, "sales_agent"),
                            "unknown sales agent (not in " + TEAMS_FILE + "); deal not imported");
                } else if (agent.failure() != null) {
                    values.fail("sales_agent", columns.get(row, "sales_agent"),
                            "the sales agent was not onboarded: " + agent.failure() + "; deal not imported");
                }
            }

            String productName = values.required("product", "deal not imported");
            Product product = null;
            if (productName != null) {
                String raw = columns.get(row, "product");
                Product exact = products.get(productName);
                if (exact != null) {
                    product = exact;
                } else {
                    List<String> candidates = productsByLooseName.getOrDefault(loose(productName), List.of());
                    if (candidates.size() == 1) {
                        product = products.get(candidates.get(0));
                        values.normalise("product", raw, "imported as \"" + product.name()
                                + "\" (the only product in " + PRODUCTS_FILE + " with that name ignoring case and spaces)");
                    } else if (candidates.size() > 1) {
                        values.fail("product", raw, "matches several products ignoring case and spaces ("
                                + String.join(", ", candidates) + "); deal not imported");
                    } else {
                        values.fail("product", raw, "unknown product (not in " + PRODUCTS_FILE + "); deal not imported");
                    }
                }
                if (product != null && product.failure() != null) {
                    values.fail("product", raw, "the product line was not registered: " + product.failure()
                            + "; deal not imported");
                    product = null;
                }
            }

            String customer = values.optional("account");
            if (customer == null) {
                values.normalise("account", columns.get(row, "account"),
                        "missing; imported with customer \"" + UNKNOWN_ACCOUNT + "\"");
                customer = UNKNOWN_ACCOUNT;
            } else {
                String written = customer;
                customer = name(values, "account", customer, "");
                if (accounts != null && !accounts.contains(written)) {
                    report.note(table.name(), row.line(), id, "account", written,
                            "not in " + ACCOUNTS_FILE + "; imported as written");
                }
            }

            String stage = values.required("deal_stage", "deal not imported");
            if (stage != null && !STAGES.contains(stage)) {
                String written = stage;
                String known = STAGES.stream().filter(s -> s.equalsIgnoreCase(written)).findFirst().orElse(null);
                if (known != null) {
                    values.normalise("deal_stage", columns.get(row, "deal_stage"), "read as \"" + known + "\"");
                } else {
                    values.fail("deal_stage", columns.get(row, "deal_stage"),
                            "unknown stage (expected Prospecting, Engaging, Won or Lost); deal not imported");
                }
                stage = known;
            }

            String engage = values.optional("engage_date");
            String close = values.optional("close_date");
            String value = values.optional("close_value");
            LocalDate engageDate = null;
            LocalDate closeDate = null;
            BigDecimal closeValue = null;
            if (stage != null) {
                switch (stage) {
                    case "Prospecting" -> {
                        ignore(values, "engage_date", engage, "a Prospecting deal is opened as LEAD without dates");
                        ignore(values, "close_date", close, "a Prospecting deal is opened as LEAD without dates");
                        ignore(values, "close_value", value, "a Prospecting deal has no close value");
                    }
                    case "Engaging" -> {
                        engageDate = requiredDate(values, "engage_date", engage, stage);
                        ignore(values, "close_date", close, "an Engaging deal is still open");
                        ignore(values, "close_value", value, "an Engaging deal is still open");
                    }
                    case "Won", "Lost" -> {
                        engageDate = requiredDate(values, "engage_date", engage, stage);
                        closeDate = requiredDate(values, "close_date", close, stage);
                        if (engageDate != null && closeDate != null && closeDate.isBefore(engageDate)) {
                            values.fail("close_date", close, "before engage_date " + engage + "; deal not imported");
                        }
                        if (stage.equals("Won")) {
                            closeValue = wonValue(values, value);
                        } else if (value != null && !(NUMBER.matcher(value).matches()
                                && new BigDecimal(value).signum() == 0)) {
                            ignore(values, "close_value", value, "a Lost deal has no final amount");
                        }
                    }
                    default -> throw new IllegalStateException(stage);
                }
            }

            if (values.failed) {
                report.count(Kind.DEAL, ImportReport.Result.FAILED);
                continue;
            }
            if (values.normalised) {
                report.countNormalisedRow(Kind.DEAL);
            }
            deals.add(deal(dealId, repId, product, customer, stage, engageDate, closeDate, closeValue, row,
                    columns, values.normalised));
        }
    }

    private Item deal(String dealId, String agent, Product product, String customer, String stage,
                      LocalDate engageDate, LocalDate closeDate, BigDecimal closeValue, Row row, Columns columns,
                      boolean normalised) {
        Map<String, String[]> openOrigin = new HashMap<>();
        openOrigin.put("dealId", new String[]{"opportunity_id", columns.get(row, "opportunity_id")});
        openOrigin.put("ownerRepId", new String[]{"sales_agent", columns.get(row, "sales_agent")});
        openOrigin.put("productLine", new String[]{"product", columns.get(row, "product")});
        openOrigin.put("customer", new String[]{"account", columns.get(row, "account")});
        openOrigin.put("amount", new String[]{"product", columns.get(row, "product")});
        openOrigin.put("stage", new String[]{"deal_stage", columns.get(row, "deal_stage")});
        openOrigin.put("occurredAt", new String[]{"engage_date", columns.get(row, "engage_date")});
        boolean prospecting = stage.equals("Prospecting");
        List<Command> commands = new ArrayList<>(2);
        commands.add(new Command("/api/v1/deals", key(dealId, "open"),
                Json.object("dealId", dealId, "ownerRepId", agent, "customer", customer,
                        "productLine", product.id(), "channel", CHANNEL, "amount", product.listPrice(),
                        "currency", CURRENCY, "stage", prospecting ? "LEAD" : "QUALIFIED",
                        "occurredAt", engageDate == null ? null : engageDate + "T00:00:00Z"),
                openOrigin));
        if (closeDate != null) {
            Map<String, String[]> closeOrigin = new HashMap<>();
            closeOrigin.put("stage", new String[]{"deal_stage", columns.get(row, "deal_stage")});
            closeOrigin.put("occurredAt", new String[]{"close_date", columns.get(row, "close_date")});
            closeOrigin.put("finalAmount", new String[]{"close_value", columns.get(row, "close_value")});
            closeOrigin.put("finalAmount.amount", new String[]{"close_value", columns.get(row, "close_value")});
            String path = "/api/v1/deals/" + pathSegment(dealId) + "/stage";
            Map<String, Object> body = stage.equals("Won")
                    ? Json.object("stage", "WON", "finalAmount", Json.object("amount", closeValue, "currency", CURRENCY),
                    "occurredAt", closeDate + "T00:00:00Z")
                    : Json.object("stage", "LOST", "reason", LOST_REASON, "occurredAt", closeDate + "T00:00:00Z");
            commands.add(new Command(path, key(dealId, "close"), body, closeOrigin));
        }
        return new Item(Kind.DEAL, dealId, PIPELINE_FILE, row.line(), List.copyOf(commands), normalised,
                List.of(new Ref(Kind.REP, agent), new Ref(Kind.PRODUCT_LINE, product.id())));
    }

    private LocalDate requiredDate(RowValues values, String column, String value, String stage) {
        if (value == null) {
            values.fail(column, values.raw(column), "required for a " + stage + " deal; deal not imported");
            return null;
        }
        LocalDate date = date(value);
        if (date == null) {
            values.fail(column, value, "not a date (expected YYYY-MM-DD); deal not imported");
        } else if (!inContract(date)) {
            values.fail(column, value, InputContract.YEAR_RULE + " (the input contract); deal not imported");
            return null;
        }
        return date;
    }

    private BigDecimal wonValue(RowValues values, String value) {
        if (value == null) {
            values.fail("close_value", values.raw("close_value"), "required for a Won deal; deal not imported");
            return null;
        }
        if (!NUMBER.matcher(value).matches()) {
            values.fail("close_value", value, "not a number; deal not imported");
            return null;
        }
        BigDecimal amount = new BigDecimal(value);
        if (amount.signum() <= 0) {
            values.fail("close_value", value, "a Won deal needs a positive close value (the final amount); "
                    + "deal not imported");
            return null;
        }
        return withinContract(values, "close_value", value, amount, "deal not imported") ? amount : null;
    }

    private static void ignore(RowValues values, String column, String value, String why) {
        if (value != null) {
            values.normalise(column, value, "ignored: " + why);
        }
    }

    /** The date of an ISO {@code YYYY-MM-DD} text, or {@code null}. */
    static LocalDate date(String text) {
        if (!ISO_DATE.matcher(text).matches()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Whether a date is within the input contract's years. */
    static boolean inContract(LocalDate date) {
        return date.getYear() >= InputContract.YEAR_MIN && date.getYear() <= InputContract.YEAR_MAX;
    }

    /** An amount within the input contract, or the row fails with the contract's rule (nothing is rounded). */
    private static boolean withinContract(RowValues values, String column, String written, BigDecimal amount,
                                          String consequence) {
        try {
            InputContract.amount(amount, column);
            return true;
        } catch (IllegalArgumentException e) {
            values.fail(column, written, e.getMessage().substring(column.length() + 2) + " (the input contract); "
                    + consequence);
            return false;
        }
    }

    /**
     * The identifier a value that is not one is imported as: each run of characters an identifier cannot
     * contain becomes {@code -}, spaces and dashes at either end are removed and the result is cut to
     * {@value InputContract#ID_MAX_LENGTH} characters; empty when nothing is left. A valid identifier is
     * returned unchanged.
     */
    static String normaliseId(String value) {
        if (InputContract.isIdentifier(value)) {
            return value;
        }
        String id = ID_FORBIDDEN.matcher(value).replaceAll("-");
        id = trimIdEnds(id);
        if (id.length() > InputContract.ID_MAX_LENGTH) {
            int end = InputContract.ID_MAX_LENGTH;
            if (Character.isHighSurrogate(id.charAt(end - 1))) {
                end--;
            }
            id = trimIdEnds(id.substring(0, end));
        }
        return InputContract.isIdentifier(id) ? id : "";
    }

    private static String trimIdEnds(String id) {
        int start = 0;
        int end = id.length();
        while (start < end && (id.charAt(start) == ' ' || id.charAt(start) == '-')) {
            start++;
        }
        while (end > start && (id.charAt(end - 1) == ' ' || id.charAt(end - 1) == '-')) {
            end--;
        }
        return id.substring(start, end);
    }

    /**
     * A name or text value within the input contract: control characters become spaces and a value longer than
     * {@value InputContract#NAME_MAX_LENGTH} characters (with {@code suffix}, e.g. a team's " team") is cut;
     * both reported once per value. {@code null} (and a failure) when nothing is left.
     */
    private String name(RowValues values, String column, String value, String suffix) {
        String memoKey = column + '\0' + value + '\0' + suffix;
        String known = names.get(memoKey);
        if (known != null) {
            return known;
        }
        String name = value;
        List<String> actions = new ArrayList<>(2);
        if (CONTROL.matcher(name).find()) {
            name = CONTROL.matcher(name).replaceAll(" ").strip();
            actions.add("control characters replaced by spaces");
        }
        int max = InputContract.NAME_MAX_LENGTH - suffix.length();
        if (name.length() > max) {
            int end = Character.isHighSurrogate(name.charAt(max - 1)) ? max - 1 : max;
            name = name.substring(0, end).strip();
            actions.add("cut to " + InputContract.NAME_MAX_LENGTH + " characters"
                    + (suffix.isEmpty() ? "" : " (with \"" + suffix + "\")"));
        }
        if (name.isEmpty()) {
            values.fail(column, value, "nothing is left once control characters are removed; "
                    + "this row not imported");
            return null;
        }
        name = name + suffix;
        if (!actions.isEmpty()) {
            values.normalise(column, value, String.join(", ", actions) + ": imported as \"" + name + "\"");
        }
        names.put(memoKey, name);
        return name;
    }

    /** A name compared ignoring case and whitespace: "GTXPro" and "GTX Pro" are the same. */
    static String loose(String name) {
        return name.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    // ------------------------------------------------------------------------------------------------- helpers

    /** A row whose field count differs from the header's is not read at all (a shifted comma would misplace values). */
    private boolean fieldCount(Table table, Row row, String id, String consequence) {
        if (row.fields().size() == table.header().size()) {
            return true;
        }
        report.failed(table.name(), row.line(), id, "(row)", String.join(",", row.fields()),
                "has " + row.fields().size() + " fields, the header " + table.header().size() + "; " + consequence);
        return false;
    }

    /**
     * One kind of identifier taken from the export (deal, rep, team, region, product line): the identifier each
     * value (trimmed) is imported as, the same wherever the value is referenced. A value that is not an
     * identifier is normalised ({@link #normaliseId}) and reported once; one that normalises to nothing, or to
     * the identifier of another value, fails its rows (two different deals or reps are never merged).
     */
    private final class IdSpace {
        private final String what;
        private final Map<String, String> idOfValue = new HashMap<>();
        private final Map<String, String> valueOfId = new HashMap<>();
        private final Map<String, String> failureOfValue = new HashMap<>();

        IdSpace(String what) {
            this.what = what;
        }

        /** Keeps every value of the column that already is an identifier: a normalised value never takes it. */
        void reserve(Table table, Columns columns, String column) {
            for (Row row : table.rows()) {
                String value = columns.get(row, column);
                String stripped = value == null ? null : value.strip();
                if (InputContract.isIdentifier(stripped)) {
                    idOfValue.putIfAbsent(stripped, stripped);
                    valueOfId.putIfAbsent(stripped, stripped);
                }
            }
        }

        /** The identifier of a (trimmed) value, or {@code null} and the row failed. */
        String id(RowValues values, String column, String value, String consequence) {
            String known = idOfValue.get(value);
            if (known != null) {
                return known;
            }
            String failure = failureOfValue.get(value);
            if (failure == null) {
                String id = normaliseId(value);
                String other = id.isEmpty() ? null : valueOfId.get(id);
                if (id.isEmpty()) {
                    failure = "not an identifier, and nothing is left once the characters an identifier cannot "
                            + "contain are removed (" + InputContract.ID_RULE + ")";
                } else if (other != null) {
                    failure = "not an identifier; normalised it would be \"" + id + "\", the id of the " + what
                            + " \"" + other + "\" (two different values are not merged)";
                } else {
                    idOfValue.put(value, id);
                    valueOfId.put(id, value);
                    values.normalise(column, value, "not an identifier (" + InputContract.ID_RULE
                            + "): imported as \"" + id + "\" wherever it is referenced");
                    return id;
                }
                failureOfValue.put(value, failure);
            }
            values.fail(column, value, failure + "; " + consequence);
            return null;
        }
    }

    /** Reads one row's values, trimming them (reported) and collecting failures. */
    private final class RowValues {
        private final String file;
        private final Row row;
        private final String id;
        private final Columns columns;
        boolean failed;
        boolean normalised;

        RowValues(String file, Row row, String id, Columns columns) {
            this.file = file;
            this.row = row;
            this.id = id;
            this.columns = columns;
        }

        /** The value trimmed, or {@code null} (and a failure) when blank. */
        String required(String column, String consequence) {
            String value = optional(column);
            if (value == null) {
                fail(column, raw(column), "missing; " + consequence);
            }
            return value;
        }

        /** The value trimmed, or {@code null} when blank. Surrounding whitespace is removed and reported. */
        String optional(String column) {
            String raw = raw(column);
            if (raw == null || raw.isBlank()) {
                return null;
            }
            String stripped = raw.strip();
            if (!stripped.equals(raw)) {
                normalise(column, raw, "surrounding whitespace removed");
            }
            return stripped;
        }

        /** The value as written. */
        String raw(String column) {
            return columns.get(row, column);
        }

        void fail(String column, String original, String action) {
            failed = true;
            report.failed(file, row.line(), id, column, original, action);
        }

        void normalise(String column, String original, String action) {
            normalised = true;
            report.normalised(file, row.line(), id, column, original, action);
        }
    }

    /** An idempotency key: "crm:" and the parts joined by ':', non-visible-ASCII bytes and '%' percent-encoded. */
    static String key(String... parts) {
        StringBuilder key = new StringBuilder("crm");
        for (String part : parts) {
            key.append(':');
            for (byte b : part.getBytes(StandardCharsets.UTF_8)) {
                int c = b & 0xff;
                if (c > 0x20 && c < 0x7f && c != '%') {
                    key.append((char) c);
                } else {
                    key.append('%').append(String.format("%02X", c));
                }
            }
        }
        return key.toString();
    }

    /** A path segment, percent-encoded (spaces as %20). */
    static String pathSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
