package io.iterativeflow.jpa.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamedSqlTest {

    @Test
    void each_occurrence_of_a_name_becomes_a_placeholder_in_order() {
        NamedSql sql = NamedSql.parse("SELECT * FROM t WHERE a = :runId AND b = :owner OR c = :runId");

        assertThat(sql.positional()).isEqualTo("SELECT * FROM t WHERE a = ? AND b = ? OR c = ?");
        assertThat(sql.parameters()).containsExactly("runId", "owner", "runId");
    }

    @Test
    void colons_in_literals_identifiers_comments_and_casts_are_not_parameters() {
        NamedSql sql = NamedSql.parse("SELECT ':no', \"a:b\", x::text, 'it''s :no' -- :no\n"
                + " /* :no */ FROM t WHERE y = :yes");

        assertThat(sql.parameters()).containsExactly("yes");
        assertThat(sql.positional()).isEqualTo("SELECT ':no', \"a:b\", x::text, 'it''s :no' -- :no\n"
                + " /* :no */ FROM t WHERE y = ?");
    }

    @Test
    void a_list_expands_to_one_placeholder_per_element() {
        NamedSql sql = NamedSql.parse("SELECT id FROM t WHERE id IN (:ids) AND n = :n");

        assertThat(sql.expanded(name -> name.equals("ids") ? 3 : 1))
                .isEqualTo("SELECT id FROM t WHERE id IN (?, ?, ?) AND n = ?");
    }

    @Test
    void the_same_text_is_parsed_once() {
        String text = "SELECT :a" + System.nanoTime();

        assertThat(NamedSql.of(text)).isSameAs(NamedSql.of(text));
        assertThat(NamedSql.of("SELECT 1").parameters()).isEqualTo(List.of());
    }

    @Test
    void a_positional_placeholder_in_a_named_statement_is_refused() {
        assertThatThrownBy(() -> NamedSql.parse("SELECT ? FROM t WHERE a = :a"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'?'");
    }
}
