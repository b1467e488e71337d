package io.attain.standalone.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small RFC 4180 reader for the CRM export: comma-separated fields, records ended by CRLF (LF or a lone CR
 * are accepted too), fields optionally enclosed in double quotes, a double quote inside a quoted field written
 * as two. A quoted field may span lines. A UTF-8 byte order mark is skipped; the file must be valid UTF-8.
 * The first record is the header. Blank lines are skipped. Nothing is trimmed or otherwise changed here: the
 * importer decides (and reports) what it normalises.
 */
public final class CrmCsv {

    private CrmCsv() {
    }

    /** A file that is not CSV as RFC 4180 describes it (e.g. an unterminated quoted field). */
    public static final class CsvFormatException extends Exception {
        public CsvFormatException(String message) {
            super(message);
        }
    }

    /**
     * One record.
     *
     * @param line   the line of the file the record starts on (the header is line 1)
     * @param fields the fields as written
     */
    public record Row(int line, List<String> fields) {
    }

    /** A parsed file: its name (for reports), the header and the data records. */
    public record Table(String name, List<String> header, List<Row> rows) {

        /** The index of a column (header names compared after trimming), if the header has it. */
        public Optional<Integer> column(String name) {
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).strip().equals(name)) {
                    return Optional.of(i);
                }
            }
            return Optional.empty();
        }

        /** Reads fields by column name; fails (as a usage error) when a required column is missing. */
        public Columns columns(String... required) throws CsvFormatException {
            Map<String, Integer> indexes = new HashMap<>();
            List<String> missing = new ArrayList<>();
            for (String name : required) {
                Optional<Integer> index = column(name);
                if (index.isPresent()) {
                    indexes.put(name, index.get());
                } else {
                    missing.add(name);
                }
            }
            if (!missing.isEmpty()) {
                throw new CsvFormatException(name + ": the header lacks the column(s) " + String.join(", ", missing)
                        + " (header: " + String.join(",", header) + ")");
            }
            return new Columns(indexes);
        }
    }

    /** Column access by name for the rows of one table. */
    public record Columns(Map<String, Integer> indexes) {
        /** The field as written, or {@code null} if the row is too short to have it. */
        public String get(Row row, String column) {
            int index = indexes.get(column);
            return index < row.fields().size() ? row.fields().get(index) : null;
        }
    }

    /** Reads {@code dir/fileName} as UTF-8. */
    public static Table read(Path dir, String fileName) throws IOException, CsvFormatException {
        Path file = dir.resolve(fileName);
        byte[] bytes = Files.readAllBytes(file);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new CsvFormatException(fileName + ": not valid UTF-8 text");
        }
        return parse(fileName, text);
    }

    public static Table parse(String name, String text) throws CsvFormatException {
        try {
            return parse(name, new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
    }

    public static Table parse(String name, Reader reader) throws IOException, CsvFormatException {
        List<Row> records = new ArrayList<>();
        int line = 1;
        int c = reader.read();
        if (c == '\uFEFF') {
            c = reader.read();
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int recordLine = 1;
        boolean inQuotes = false;
        boolean quotedField = false;   // the current field started with a quote
        boolean afterQuote = false;    // a quoted field's closing quote was read
        boolean recordHasContent = false;
        int quoteStartLine = 0;
        while (c != -1) {
            if (inQuotes) {
                if (c == '"') {
                    int next = reader.read();
                    if (next == '"') {
                        field.append('"');
                        c = reader.read();
                    } else {
                        inQuotes = false;
                        afterQuote = true;
                        c = next;
                    }
                    continue;
                }
                if (c == '\r' || c == '\n') {
                    if (c == '\r') {
                        int next = reader.read();
                        field.append('\n');
                        line++;
                        c = next == '\n' ? reader.read() : next;
                        continue;
                    }
                    line++;
                }
                field.append((char) c);
                c = reader.read();
                continue;
            }
            if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                quotedField = false;
                afterQuote = false;
                recordHasContent = true;
                c = reader.read();
                continue;
            }
            if (c == '\r' || c == '\n') {
                int next = reader.read();
                if (c == '\r' && next == '\n') {
                    next = reader.read();
                }
                if (recordHasContent || field.length() > 0 || quotedField) {
                    fields.add(field.toString());
                    records.add(new Row(recordLine, List.copyOf(fields)));
                }
                fields.clear();
                field.setLength(0);
                quotedField = false;
                afterQuote = false;
                recordHasContent = false;
                line++;
                recordLine = line;
                c = next;
                continue;
            }
            if (c == '"' && field.length() == 0 && !quotedField) {
                inQuotes = true;
                quotedField = true;
                quoteStartLine = line;
                c = reader.read();
                continue;
            }
            if (afterQuote) {
                throw new CsvFormatException(name + ": line " + line
                        + ": text after the closing quote of a quoted field (a quote inside a field must be doubled)");
            }
            // A quote inside an unquoted field is not RFC 4180; it is kept as written (lenient, like most readers).
            field.append((char) c);
            c = reader.read();
        }
        if (inQuotes) {
            throw new CsvFormatException(name + ": line " + quoteStartLine + ": quoted field is not closed");
        }
        if (recordHasContent || field.length() > 0 || quotedField) {
            fields.add(field.toString());
            records.add(new Row(recordLine, List.copyOf(fields)));
        }
        if (records.isEmpty()) {
            throw new CsvFormatException(name + ": empty file (no header)");
        }
        Row header = records.get(0);
        return new Table(name, header.fields(), List.copyOf(records.subList(1, records.size())));
    }
}
