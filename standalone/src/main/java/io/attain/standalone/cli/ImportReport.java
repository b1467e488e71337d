package io.attain.standalone.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What an import did: one {@link Entry} per row it could not import, per value it normalised and per
 * remark worth knowing, and counts per kind of thing imported. Thread-safe.
 *
 * <p>Printed as tab-separated lines (header {@code outcome file line id field original action}), failures
 * first, then normalisations and notes, each in file and line order; then a summary table.
 */
public final class ImportReport {

    /** What became of a row or value. */
    public enum Outcome {
        /** The row was not imported (or only partly: the action says which commands went through). */
        FAILED,
        /** The row was imported after a value was changed or defaulted. */
        NORMALISED,
        /** The row was imported as written; something about it is worth knowing. */
        NOTE
    }

    /** The kinds of thing an import creates, in the order they are created. */
    public enum Kind {
        REGION("regions"), TEAM("teams"), REP("reps"), PRODUCT_LINE("product lines"), DEAL("deals"),
        /** {@code --plan}: the plan, its assignments and REVENUE targets (listed only when there are any). */
        PLAN("plan", true), PLAN_ASSIGNMENT("assignments", true), TARGET("targets", true);

        final String label;
        final boolean optional;

        Kind(String label) {
            this(label, false);
        }

        Kind(String label, boolean optional) {
            this.label = label;
            this.optional = optional;
        }
    }

    /** How one thing (a region, a rep, a deal …) ended. */
    public enum Result { CREATED, ALREADY_PRESENT, FAILED, NOT_ATTEMPTED }

    /**
     * One line of the report.
     *
     * @param file     the CSV file, or "-" for the import as a whole
     * @param line     the line of the file the row starts on (header = line 1), 0 for the import as a whole
     * @param id       the row's id (opportunity id, agent or product name), or "-"
     * @param field    the column (or API field) concerned
     * @param original the value as written in the file
     * @param action   what the importer did
     */
    public record Entry(Outcome outcome, String file, int line, String id, String field, String original,
                        String action) {
    }

    /** Failures first; within an outcome, what concerns the whole import (line 0) first, then by file and line. */
    private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::outcome)
            .thenComparing(e -> e.line() != 0)
            .thenComparing(Entry::file)
            .thenComparingInt(Entry::line)
            .thenComparing(Entry::field);

    private final List<Entry> entries = new ArrayList<>();
    private final Map<Kind, Map<Result, AtomicLong>> counts = new EnumMap<>(Kind.class);
    private final Map<Kind, AtomicLong> normalisedRows = new EnumMap<>(Kind.class);
    private final AtomicLong commandsAppended = new AtomicLong();
    private final AtomicLong commandsReplayed = new AtomicLong();
    private final AtomicLong commandsDuplicate = new AtomicLong();

    public ImportReport() {
        for (Kind kind : Kind.values()) {
            Map<Result, AtomicLong> byResult = new EnumMap<>(Result.class);
            for (Result result : Result.values()) {
                byResult.put(result, new AtomicLong());
            }
            counts.put(kind, byResult);
            normalisedRows.put(kind, new AtomicLong());
        }
    }

    public synchronized void add(Entry entry) {
        entries.add(entry);
    }

    public void failed(String file, int line, String id, String field, String original, String action) {
        add(new Entry(Outcome.FAILED, file, line, id, field, original, action));
    }

    public void normalised(String file, int line, String id, String field, String original, String action) {
        add(new Entry(Outcome.NORMALISED, file, line, id, field, original, action));
    }

    public void note(String file, int line, String id, String field, String original, String action) {
        add(new Entry(Outcome.NOTE, file, line, id, field, original, action));
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    public void count(Kind kind, Result result) {
        counts.get(kind).get(result).incrementAndGet();
    }

    /** A row of this kind that was imported after at least one normalisation. */
    public void countNormalisedRow(Kind kind) {
        normalisedRows.get(kind).incrementAndGet();
    }

    public long get(Kind kind, Result result) {
        return counts.get(kind).get(result).get();
    }

    public long normalisedRows(Kind kind) {
        return normalisedRows.get(kind).get();
    }

    public void commandAppended() {
        commandsAppended.incrementAndGet();
    }

    public void commandReplayed() {
        commandsReplayed.incrementAndGet();
    }

    public void commandDuplicate() {
        commandsDuplicate.incrementAndGet();
    }

    public long commandsAppended() {
        return commandsAppended.get();
    }

    public long commandsReplayed() {
        return commandsReplayed.get();
    }

    public long commandsDuplicate() {
        return commandsDuplicate.get();
    }

    public long total(Result result) {
        long sum = 0;
        for (Kind kind : Kind.values()) {
            sum += get(kind, result);
        }
        return sum;
    }

    public long totalNormalisedRows() {
        return normalisedRows.values().stream().mapToLong(AtomicLong::get).sum();
    }

    public synchronized long entries(Outcome outcome) {
        return entries.stream().filter(e -> e.outcome() == outcome).count();
    }

    /** The entries as tab-separated lines with a header line. */
    public void printEntries(PrintStream out) {
        out.println("outcome\tfile\tline\tid\tfield\toriginal\taction");
        List<Entry> sorted = new ArrayList<>(entries());
        sorted.sort(ORDER);
        for (Entry e : sorted) {
            out.println(String.join("\t", e.outcome().name(), cell(e.file()), e.line() == 0 ? "-" : String.valueOf(e.line()),
                    cell(e.id()), cell(e.field()), quoted(e.original()), cell(e.action())));
        }
    }

    /** Normalisations and notes grouped by field, original value and action, with how many rows each. */
    public void printGroups(PrintStream out) {
        Map<String, Long> groups = new LinkedHashMap<>();
        List<Entry> sorted = new ArrayList<>(entries());
        sorted.sort(ORDER);
        for (Entry e : sorted) {
            String key = e.outcome() + "  " + e.file() + "  " + e.field() + " " + quoted(e.original()) + ": " + e.action();
            groups.merge(key, 1L, Long::sum);
        }
        groups.forEach((key, n) -> out.printf("%8d x %s%n", n, key));
    }

    /** The summary table. */
    public void printSummary(PrintStream out) {
        out.printf("%-14s %8s %16s %8s %14s %11s%n", "", "created", "already present", "failed", "not attempted",
                "normalised");
        for (Kind kind : Kind.values()) {
            if (kind.optional && java.util.Arrays.stream(Result.values()).allMatch(r -> get(kind, r) == 0)) {
                continue;
            }
            out.printf("%-14s %8d %16d %8d %14d %11d%n", kind.label, get(kind, Result.CREATED),
                    get(kind, Result.ALREADY_PRESENT), get(kind, Result.FAILED), get(kind, Result.NOT_ATTEMPTED),
                    normalisedRows(kind));
        }
        out.printf("%-14s %8d %16d %8d %14d %11d%n", "total", total(Result.CREATED), total(Result.ALREADY_PRESENT),
                total(Result.FAILED), total(Result.NOT_ATTEMPTED), totalNormalisedRows());
        out.printf("commands: %d appended events, %d answered from the idempotency store (replayed), "
                        + "%d refused as duplicates (already imported)%n",
                commandsAppended(), commandsReplayed(), commandsDuplicate());
    }

    private static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "-";
        }
        return value.replace('\t', ' ').replace('\r', ' ').replace('\n', ' ');
    }

    /** The original value in double quotes (so that empty and blank values are visible), escaped. */
    static String quoted(String value) {
        if (value == null) {
            return "(missing)";
        }
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\t", "\\t")
                .replace("\r", "\\r").replace("\n", "\\n") + "\"";
    }
}
