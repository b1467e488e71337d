package io.attain.standalone.cli;

import io.attain.standalone.cli.CrmCsv.CsvFormatException;
import io.attain.standalone.cli.CrmCsv.Table;
import io.attain.standalone.cli.CrmPlan.Command;
import io.attain.standalone.cli.CrmPlan.Item;
import io.attain.standalone.cli.CrmPlan.Ref;
import io.attain.standalone.cli.ImportReport.Kind;
import io.attain.standalone.cli.ImportReport.Result;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code java -jar attain.jar import crm <dir> --server <url>}: imports a CRM opportunities export through the
 * HTTP command API of a running Attain, with the bearer token from {@code ATTAIN_TOKEN}. A plain command-line
 * program: no Spring context. Progress goes to stderr; the report (every failed, normalised or noted row, then a
 * summary) to stdout.
 *
 * <p>Order: regions and product lines, then teams, then reps, then (with {@code --plan}) the plan, its assignments
 * and targets, then deals; within a phase up to
 * {@code --concurrency} requests (default 16) are in flight, and each deal's requests (open, then close) are sent
 * one after the other. Every request carries an {@code Idempotency-Key} derived from the row, so a second run
 * appends nothing. Exit status: 0 everything imported (possibly after normalisation), 1 some rows not imported,
 * 2 usage, file or connection error (or the token was refused).
 */
public final class CrmImport {

    public static final int OK = 0;
    public static final int SOME_FAILED = 1;
    public static final int USAGE_OR_CONNECTION = 2;
    static final String TOKEN_ENV = "ATTAIN_TOKEN";
    static final int DEFAULT_CONCURRENCY = 16;
    static final int PROGRESS_EVERY = 500;

    private static final String USAGE = """
            usage: java -jar attain.jar import crm <dir> --server <url> [--plan <file>] [--concurrency <n>]
                                                 [--timeout <seconds>]

              <dir>           the CRM export: sales_teams.csv, products.csv, sales_pipeline.csv (accounts.csv optional)
              --server <url>  root URL of a running Attain, e.g. http://localhost:8080
              --plan <file>   a compensation plan (JSON, see docs/plans/sample-plan.json): created, published and
                              assigned to every imported rep; its quarterlyTarget assigned for every quarter
              --concurrency   requests in flight (default 16)
              --timeout       seconds to wait for one answer (default 60)

            The bearer token is read from the environment variable ATTAIN_TOKEN.
            Exit status: 0 all rows imported (some perhaps normalised), 1 some rows not imported,
            2 usage, file or connection error.
            See docs/import.md.""";

    private final PrintStream out;
    private final PrintStream err;
    private final ImportReport report = new ImportReport();
    private final Map<Ref, Boolean> imported = new ConcurrentHashMap<>();
    private final AtomicReference<String> aborted = new AtomicReference<>();
    private CommandApi api;

    private CrmImport(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** The command line: exits with the import's status. */
    public static void main(String[] args) {
        int status = run(args, System.getenv(), System.out, System.err);
        System.out.flush();
        System.err.flush();
        System.exit(status);
    }

    /**
     * Runs {@code import} with the arguments after it ({@code crm <dir> --server <url> …}).
     *
     * @return the exit status
     */
    public static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("attain import: " + e.getMessage());
            err.println(USAGE);
            return USAGE_OR_CONNECTION;
        }
        if (options == null) {
            out.println(USAGE);
            return OK;
        }
        String token = environment.get(TOKEN_ENV);
        if (token == null || token.isBlank()) {
            err.println("attain import: set the environment variable " + TOKEN_ENV + " to a bearer token of the server "
                    + "(e.g. its bootstrap admin token)");
            return USAGE_OR_CONNECTION;
        }
        return new CrmImport(out, err).importCrm(options, token.strip());
    }

    /** The parsed command line. */
    record Options(Path dir, String server, int concurrency, Duration timeout, Path plan) {

        /** @return {@code null} for {@code --help} */
        static Options parse(String[] args) {
            List<String> positional = new ArrayList<>();
            String server = null;
            int concurrency = DEFAULT_CONCURRENCY;
            Duration timeout = Duration.ofSeconds(60);
            Path plan = null;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String name = arg;
                String value = null;
                if (arg.startsWith("--") && arg.contains("=")) {
                    name = arg.substring(0, arg.indexOf('='));
                    value = arg.substring(arg.indexOf('=') + 1);
                }
                switch (name) {
                    case "-h", "--help" -> {
                        return null;
                    }
                    case "--server", "--concurrency", "--timeout", "--plan" -> {
                        if (value == null) {
                            if (i + 1 >= args.length) {
                                throw new IllegalArgumentException(name + " needs a value");
                            }
                            value = args[++i];
                        }
                        switch (name) {
                            case "--server" -> server = value;
                            case "--plan" -> plan = Path.of(value);
                            case "--concurrency" -> concurrency = positiveInt(name, value, 256);
                            default -> timeout = Duration.ofSeconds(positiveInt(name, value, 3600));
                        }
                    }
                    default -> {
                        if (arg.startsWith("-")) {
                            throw new IllegalArgumentException("unknown option " + arg);
                        }
                        positional.add(arg);
                    }
                }
            }
            if (positional.isEmpty() || !positional.get(0).equals("crm")) {
                throw new IllegalArgumentException(positional.isEmpty() ? "what to import? (only \"crm\" is supported)"
                        : "unknown import \"" + positional.get(0) + "\" (only \"crm\" is supported)");
            }
            if (positional.size() != 2) {
                throw new IllegalArgumentException(positional.size() < 2 ? "the export directory is missing"
                        : "unexpected argument " + positional.get(2));
            }
            if (server == null) {
                throw new IllegalArgumentException("--server <url> is required");
            }
            return new Options(Path.of(positional.get(1)), serverUrl(server), concurrency, timeout, plan);
        }

        private static int positiveInt(String name, String value, int max) {
            try {
                int n = Integer.parseInt(value);
                if (n >= 1 && n <= max) {
                    return n;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new IllegalArgumentException(name + " must be a whole number from 1 to " + max + ", was " + value);
        }

        /** {@code http(s)://host[:port][/base]} without a trailing slash. */
        static String serverUrl(String value) {
            URI uri;
            try {
                uri = new URI(value.strip());
            } catch (java.net.URISyntaxException e) {
                throw new IllegalArgumentException("--server is not a URL: " + value);
            }
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null) {
                throw new IllegalArgumentException("--server must be an http:// or https:// URL such as "
                        + "http://localhost:8080, was " + value);
            }
            String text = uri.toString();
            while (text.endsWith("/")) {
                text = text.substring(0, text.length() - 1);
            }
            return text;
        }
    }

    // ------------------------------------------------------------------------------------------------------ run

    private int importCrm(Options options, String token) {
        long started = System.nanoTime();
        CrmPlan plan;
        try {
            plan = plan(options.dir());
        } catch (NoSuchFileException e) {
            err.println("attain import: no such file: " + e.getFile());
            return USAGE_OR_CONNECTION;
        } catch (IOException e) {
            err.println("attain import: cannot read the export in " + options.dir() + ": " + e);
            return USAGE_OR_CONNECTION;
        } catch (CsvFormatException e) {
            err.println("attain import: " + e.getMessage());
            return USAGE_OR_CONNECTION;
        }
        PlanFile planFile = null;
        if (options.plan() != null) {
            try {
                planFile = PlanFile.read(options.plan());
            } catch (NoSuchFileException e) {
                err.println("attain import: no such file: " + e.getFile());
                return USAGE_OR_CONNECTION;
            } catch (IOException e) {
                err.println("attain import: cannot read the plan file " + options.plan() + ": " + e);
                return USAGE_OR_CONNECTION;
            } catch (PlanFile.PlanFileException e) {
                err.println("attain import: " + e.getMessage());
                return USAGE_OR_CONNECTION;
            }
        }
        progress("read %s: %d sales agents in %d teams and %d regions, %d product lines, %d opportunities "
                        + "(%d importable); %d rows not importable, %d values normalised",
                options.dir(), plan.reps().size(), plan.teams().size(), plan.regions().size(),
                plan.productLines().size(), plan.pipelineRows(), plan.deals().size(),
                report.entries(ImportReport.Outcome.FAILED), report.entries(ImportReport.Outcome.NORMALISED));

        api = new CommandApi(options.server(), token, options.timeout());
        ExecutorService workers = Executors.newFixedThreadPool(options.concurrency(), new java.util.concurrent.ThreadFactory() {
            private final AtomicInteger n = new AtomicInteger();

            @Override
            public Thread newThread(Runnable runnable) {
                Thread thread = new Thread(runnable, "crm-import-" + n.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            }
        });
        try {
            String unusable = api.probe();
            if (unusable != null) {
                err.println("attain import: " + unusable);
                return USAGE_OR_CONNECTION;
            }
            progress("importing into %s with %d requests in flight", options.server(), options.concurrency());
            List<Item> first = new ArrayList<>(plan.regions());
            first.addAll(plan.productLines());
            phase("regions and product lines", first, workers);
            phase("teams", plan.teams(), workers);
            phase("reps", plan.reps(), workers);
            if (planFile != null) {
                List<String> repIds = plan.reps().stream().map(Item::id).toList();
                phase("plan " + planFile.planId(), List.of(planFile.planItem(plan.hireDate())), workers);
                List<Item> planned = new ArrayList<>(planFile.assignmentItems(repIds, plan.hireDate()));
                planned.addAll(planFile.targetItems(repIds, plan.hireDate(), plan.lastDate()));
                phase("plan assignments and targets", planned, workers);
            }
            deals(plan.deals(), workers, options.concurrency(), new Progress(plan.deals().size(), System.nanoTime()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            aborted.compareAndSet(null, "interrupted");
        } catch (RuntimeException e) {
            aborted.compareAndSet(null, "internal error: " + e);
            e.printStackTrace(err);
        } finally {
            workers.shutdownNow();
            api.close();
        }

        double seconds = (System.nanoTime() - started) / 1e9;
        printReport(options, seconds);
        long failed = report.total(Result.FAILED);
        String reason = aborted.get();
        int status = reason != null ? USAGE_OR_CONNECTION : failed > 0 ? SOME_FAILED : OK;
        err.printf("attain import: %s in %.1f s: %d created, %d already present, %d normalised, %d failed%s; exit %d%n",
                reason != null ? "aborted (" + reason + ")" : "finished", seconds, report.total(Result.CREATED),
                report.total(Result.ALREADY_PRESENT), report.totalNormalisedRows(), failed,
                report.total(Result.NOT_ATTEMPTED) > 0 ? ", " + report.total(Result.NOT_ATTEMPTED) + " not attempted" : "",
                status);
        return status;
    }

    private CrmPlan plan(Path dir) throws IOException, CsvFormatException {
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString());
        }
        Table teams = CrmCsv.read(dir, CrmPlan.TEAMS_FILE);
        Table products = CrmCsv.read(dir, CrmPlan.PRODUCTS_FILE);
        Table pipeline = CrmCsv.read(dir, CrmPlan.PIPELINE_FILE);
        Table accounts = null;
        if (Files.exists(dir.resolve(CrmPlan.ACCOUNTS_FILE))) {
            accounts = CrmCsv.read(dir, CrmPlan.ACCOUNTS_FILE);
        } else {
            progress("%s not found: deal accounts are not checked against it", CrmPlan.ACCOUNTS_FILE);
        }
        return CrmPlan.build(teams, products, accounts, pipeline, report);
    }

    /** Deals done, for the progress lines. */
    private final class Progress {
        final int total;
        final long started;
        final AtomicInteger done = new AtomicInteger();

        Progress(int total, long started) {
            this.total = total;
            this.started = started;
        }

        void oneDone() {
            int n = done.incrementAndGet();
            if (n % PROGRESS_EVERY == 0 || n == total) {
                double seconds = (System.nanoTime() - started) / 1e9;
                progress("deals %d/%d (%.0f%%), %.0f/s: created %d, already present %d, failed %d",
                        n, total, 100.0 * n / total, n / Math.max(seconds, 1e-3), report.get(Kind.DEAL, Result.CREATED),
                        report.get(Kind.DEAL, Result.ALREADY_PRESENT), report.get(Kind.DEAL, Result.FAILED));
            }
        }
    }

    private void phase(String name, List<Item> items, ExecutorService workers) throws InterruptedException {
        if (items.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>(items.size());
        for (Item item : items) {
            futures.add(workers.submit(() -> {
                execute(item, null);
                return null;
            }));
        }
        awaitAll(futures);
        progress("%s: %d done in %.1f s", name, items.size(), (System.nanoTime() - started) / 1e9);
    }

    private static void awaitAll(List<Future<?>> futures) throws InterruptedException {
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("import task failed", e.getCause());
            }
        }
    }

    /**
     * Sends the deals with up to {@code concurrency} in flight, but never two openings for the same owner rep at
     * once: the server locks the owner rep while it opens a deal (it checks that the rep is active), so a second
     * opening for that rep would only wait for the lock while holding a slot. A deal's close does not involve the
     * rep and runs as soon as its opening is answered. The rep with the most deals left is served first, so the
     * busiest rep's openings run from the start instead of piling up at the end.
     */
    private void deals(List<Item> deals, ExecutorService workers, int concurrency, Progress progress)
            throws InterruptedException {
        Map<String, ArrayDeque<Item>> byRep = new LinkedHashMap<>();
        for (Item deal : deals) {
            byRep.computeIfAbsent(ownerRep(deal), rep -> new ArrayDeque<>()).add(deal);
        }
        ReentrantLock lock = new ReentrantLock();
        Condition changed = lock.newCondition();
        Set<String> opening = new HashSet<>();
        int[] inFlight = {0};
        List<Future<?>> futures = new ArrayList<>(deals.size());
        int left = deals.size();
        lock.lock();
        try {
            while (left > 0) {
                String next = null;
                if (inFlight[0] < concurrency) {
                    int most = 0;
                    for (Map.Entry<String, ArrayDeque<Item>> rep : byRep.entrySet()) {
                        if (rep.getValue().size() > most && !opening.contains(rep.getKey())) {
                            most = rep.getValue().size();
                            next = rep.getKey();
                        }
                    }
                }
                if (next == null) {
                    changed.await();
                    continue;
                }
                Item deal = byRep.get(next).poll();
                left--;
                opening.add(next);
                inFlight[0]++;
                String rep = next;
                AtomicBoolean freed = new AtomicBoolean();
                Runnable repFree = () -> {
                    if (freed.compareAndSet(false, true)) {
                        lock.lock();
                        try {
                            opening.remove(rep);
                            changed.signalAll();
                        } finally {
                            lock.unlock();
                        }
                    }
                };
                futures.add(workers.submit(() -> {
                    try {
                        execute(deal, repFree);
                    } finally {
                        repFree.run();
                        lock.lock();
                        try {
                            inFlight[0]--;
                            changed.signalAll();
                        } finally {
                            lock.unlock();
                        }
                        progress.oneDone();
                    }
                    return null;
                }));
            }
        } finally {
            lock.unlock();
        }
        awaitAll(futures);
    }

    private static String ownerRep(Item deal) {
        return deal.needs().stream().filter(ref -> ref.kind() == Kind.REP).map(Ref::id).findFirst().orElse("");
    }

    /**
     * Sends the item's commands in order and counts what became of it.
     *
     * @param afterFirst run once the first command is answered (or was not sent), may be {@code null}
     */
    void execute(Item item, Runnable afterFirst) throws InterruptedException {
        try {
            send(item, afterFirst);
        } finally {
            if (afterFirst != null) {
                afterFirst.run();
            }
        }
    }

    private void send(Item item, Runnable afterFirst) throws InterruptedException {
        if (aborted.get() != null) {
            report.count(item.kind(), Result.NOT_ATTEMPTED);
            return;
        }
        for (Ref need : item.needs()) {
            if (!Boolean.TRUE.equals(imported.get(need))) {
                String[] field = dependencyField(need);
                report.failed(item.file(), item.line(), item.id(), field[0], need.id(),
                        "not imported: the " + field[1] + " " + need.id() + " could not be imported");
                report.count(item.kind(), Result.FAILED);
                return;
            }
        }
        boolean created = false;
        for (int i = 0; i < item.commands().size(); i++) {
            Command command = item.commands().get(i);
            if (aborted.get() != null) {
                if (i == 0) {
                    report.count(item.kind(), Result.NOT_ATTEMPTED);
                } else {
                    report.failed(item.file(), item.line(), item.id(), "-", null,
                            "opened but not closed: the import was aborted (" + aborted.get() + "); run it again");
                    report.count(item.kind(), Result.FAILED);
                }
                return;
            }
            CommandApi.Answer answer = api.post(command.path(), command.idempotencyKey(), command.body());
            if (i == 0 && afterFirst != null) {
                afterFirst.run();
            }
            switch (answer.status()) {
                case CREATED -> {
                    report.commandAppended();
                    created = true;
                }
                case REPLAYED -> report.commandReplayed();
                case DUPLICATE -> report.commandDuplicate();
                case REJECTED -> {
                    if (i > 0 && !created && alreadyClosed(answer)) {
                        // Opened by an earlier import whose idempotency records this principal does not see.
                        report.commandDuplicate();
                        report.note(item.file(), item.line(), item.id(), "deal_stage", null,
                                "the deal exists and is closed already; close not repeated (outcome not compared)");
                        continue;
                    }
                    rejected(item, command, answer, i);
                    report.count(item.kind(), Result.FAILED);
                    return;
                }
                case UNAUTHORIZED, UNREACHABLE -> {
                    String reason = answer.status() == CommandApi.Status.UNAUTHORIZED
                            ? "the server refused the token: " + answer.describe()
                            : answer.describe();
                    if (aborted.compareAndSet(null, reason)) {
                        err.println("attain import: " + reason + "; stopping");
                    }
                    if (i == 0) {
                        report.count(item.kind(), Result.NOT_ATTEMPTED);
                    } else {
                        report.failed(item.file(), item.line(), item.id(), "-", null,
                                "opened but not closed: " + reason + "; run the import again");
                        report.count(item.kind(), Result.FAILED);
                    }
                    return;
                }
                default -> throw new IllegalStateException(answer.status().toString());
            }
        }
        imported.put(new Ref(item.kind(), item.id()), Boolean.TRUE);
        report.count(item.kind(), created ? Result.CREATED : Result.ALREADY_PRESENT);
    }

    private static boolean alreadyClosed(CommandApi.Answer answer) {
        return answer.httpStatus() == 409 && "illegal-transition".equals(answer.problemType())
                && answer.errors().stream().anyMatch(v -> "dealId".equals(v.field()));
    }

    private void rejected(Item item, Command command, CommandApi.Answer answer, int index) {
        String apiField = answer.errors().isEmpty() ? null : answer.errors().get(0).field();
        String[] origin = apiField == null ? null : command.origin().get(apiField);
        String field = origin != null ? origin[0] + (origin[0].equals(apiField) ? "" : " (" + apiField + ")")
                : apiField != null ? apiField : "-";
        String original = origin != null ? origin[1] : null;
        String consequence = index == 0 ? "not imported" : "opened, but not closed";
        report.failed(item.file(), item.line(), item.id(), field, original,
                "refused by the server (" + answer.describe() + "); " + consequence);
    }

    private static String[] dependencyField(Ref need) {
        return switch (need.kind()) {
            case REGION -> new String[]{"regional_office", "region"};
            case TEAM -> new String[]{"manager", "team"};
            case REP -> new String[]{"sales_agent", "rep"};
            case PRODUCT_LINE -> new String[]{"product", "product line"};
            case DEAL -> new String[]{"opportunity_id", "deal"};
            case PLAN -> new String[]{"planId", "plan"};
            case PLAN_ASSIGNMENT, TARGET -> new String[]{"-", need.kind().label};
        };
    }

    private void printReport(Options options, double seconds) {
        out.println("# Attain CRM import of " + options.dir().toAbsolutePath().normalize() + " into " + options.server());
        out.println("# Rows not imported (FAILED), imported after a change (NORMALISED), imported with a remark (NOTE).");
        out.println("# line = line of the file the row starts on (the header is line 1); - = the import as a whole.");
        report.printEntries(out);
        out.println();
        out.println("# The same, grouped (rows per field, original value and action):");
        report.printGroups(out);
        out.println();
        out.printf("# Summary (%.1f s)%n", seconds);
        report.printSummary(out);
        if (aborted.get() != null) {
            out.println("ABORTED: " + aborted.get());
        }
        out.flush();
    }

    private void progress(String format, Object... args) {
        err.println("[crm import] " + String.format(format, args));
    }
}
