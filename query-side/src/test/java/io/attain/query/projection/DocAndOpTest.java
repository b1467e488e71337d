package io.attain.query.projection;

import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DocAndOpTest {

    @Test
    void aNewDocumentIsReplacedWhole() {
        Doc doc = new Doc("c", "x", null);
        doc.set("a.b", 1);
        doc.add("a.c", new BigDecimal("2.50"));
        Op op = Op.of(doc);
        assertThat(op.kind()).isEqualTo(Op.Kind.REPLACE);
        assertThat(op.replacement()).isEqualTo(new Document("_id", "x").append("a", new Document("b", 1L)
                .append("c", new Decimal128(new BigDecimal("2.5")))));
    }

    @Test
    void anExistingDocumentGetsTheFinalValuesOfTheChangedPathsOnly() {
        Doc doc = new Doc("c", "x", new Document("_id", "x").append("n", 1L)
                .append("e", new Document("p", new Document("v", 3L)).append("q", new Document("v", 4L))));
        doc.inc("n", 2);
        doc.inc("e.p.v", -3); // zero: removed, and so is the emptied parent
        doc.set("e.r.v", 5);
        doc.set("e.r.name", "R");
        Op op = Op.of(doc);
        assertThat(op.kind()).isEqualTo(Op.Kind.UPDATE);
        assertThat(op.sets()).extracting(s -> s[0]).containsExactly("e.r.name", "e.r.v", "n");
        assertThat(op.unsets()).containsExactly("e.p");
        assertThat(Op.fromBson(op.toBson())).usingRecursiveComparison().isEqualTo(op);
    }

    @Test
    void aChangedParentCoversItsChildren() {
        Doc doc = new Doc("c", "x", new Document("_id", "x").append("a", new Document("b", 1L)));
        doc.set("a.b", 2);
        doc.set("a", new Document("z", 1));
        doc.set("a-b", 3);
        doc.set("a.y", 4);
        assertThat(Op.of(doc).sets()).extracting(s -> s[0]).containsExactly("a", "a-b");
    }

    @Test
    void deleted() {
        Doc doc = new Doc("c", "x", new Document("_id", "x"));
        doc.delete();
        assertThat(Op.of(doc).kind()).isEqualTo(Op.Kind.DELETE);
        assertThat(new Doc("c", "y", null).changed()).isFalse();
    }

    @Test
    void keysEncodeWhatWouldBreakFieldNamesAndIds() {
        assertThat(Keys.field("a.b$c|d%e")).isEqualTo("a%2Eb%24c%7Cd%25e");
        assertThat(Keys.decode(Keys.field("a.b$c|d%e"))).isEqualTo("a.b$c|d%e");
        assertThat(Keys.decode(Keys.field(""))).isEmpty();
        assertThat(Keys.id("2017-05", "REVENUE", "region=Central")).isEqualTo("2017-05|REVENUE|region=Central");
        assertThat(Keys.field("plain-id_1")).isEqualTo("plain-id_1");
        assertThat(List.of(Keys.id("a|b", "c"), Keys.id("a", "b|c"))).doesNotHaveDuplicates();
    }
}
