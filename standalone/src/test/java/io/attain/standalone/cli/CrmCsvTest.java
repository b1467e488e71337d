package io.attain.standalone.cli;

import io.attain.standalone.cli.CrmCsv.CsvFormatException;
import io.attain.standalone.cli.CrmCsv.Row;
import io.attain.standalone.cli.CrmCsv.Table;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The RFC 4180 reader. */
class CrmCsvTest {

    @Test
    void readsHeaderAndRecordsWithTheirLineNumbers() throws Exception {
        Table table = CrmCsv.parse("t.csv", "a,b,c\n1,2,3\n4,,6\n");

        assertThat(table.header()).containsExactly("a", "b", "c");
        assertThat(table.rows()).containsExactly(new Row(2, List.of("1", "2", "3")), new Row(3, List.of("4", "", "6")));
    }

    @Test
    void acceptsCrlfLoneCrAndAMissingFinalLineBreak() throws Exception {
        Table table = CrmCsv.parse("t.csv", "a,b\r\n1,2\r3,4\r\n5,6");

        assertThat(table.rows()).extracting(Row::fields)
                .containsExactly(List.of("1", "2"), List.of("3", "4"), List.of("5", "6"));
        assertThat(table.rows()).extracting(Row::line).containsExactly(2, 3, 4);
    }

    @Test
    void quotedFieldsKeepCommasDoubledQuotesAndLineBreaks() throws Exception {
        Table table = CrmCsv.parse("t.csv", "a,b\n\"Acme, Inc.\",\"say \"\"hi\"\"\"\n\"two\nlines\",x\nlast,row\n");

        assertThat(table.rows()).extracting(Row::fields).containsExactly(
                List.of("Acme, Inc.", "say \"hi\""), List.of("two\nlines", "x"), List.of("last", "row"));
        assertThat(table.rows()).extracting(Row::line).containsExactly(2, 3, 5);
    }

    @Test
    void anEmptyQuotedFieldAndTrailingEmptyFieldsAreKept() throws Exception {
        Table table = CrmCsv.parse("t.csv", "a,b,c\n\"\",x,\n");

        assertThat(table.rows().get(0).fields()).containsExactly("", "x", "");
    }

    @Test
    void skipsABomAndBlankLinesButNotWhitespace() throws Exception {
        Table table = CrmCsv.parse("t.csv", "\uFEFFa,b\n\n 1 ,2\n\n");

        assertThat(table.header()).containsExactly("a", "b");
        assertThat(table.rows()).containsExactly(new Row(3, List.of(" 1 ", "2")));
    }

    @Test
    void anUnterminatedQuoteIsAnError() {
        assertThatThrownBy(() -> CrmCsv.parse("t.csv", "a,b\n1,\"open\n2,3\n"))
                .isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("t.csv: line 2: quoted field is not closed");
    }

    @Test
    void textAfterAClosingQuoteIsAnError() {
        assertThatThrownBy(() -> CrmCsv.parse("t.csv", "a,b\n\"x\"y,2\n"))
                .isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("line 2");
    }

    @Test
    void anEmptyFileIsAnError() {
        assertThatThrownBy(() -> CrmCsv.parse("t.csv", "")).isInstanceOf(CsvFormatException.class);
    }

    @Test
    void missingColumnsAreNamed() throws Exception {
        Table table = CrmCsv.parse("t.csv", "a, b \n1,2\n");

        assertThat(table.columns("a", "b").get(table.rows().get(0), "b")).isEqualTo("2");
        assertThatThrownBy(() -> table.columns("a", "c", "d"))
                .isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("lacks the column(s) c, d");
    }
}
