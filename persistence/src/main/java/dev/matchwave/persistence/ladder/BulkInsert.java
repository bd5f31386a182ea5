package dev.matchwave.persistence.ladder;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Inserts many rows in one statement with one bind value per column: an array per column,
 * spread into rows by PostgreSQL's {@code unnest}. A multi-row VALUES list would bind every value
 * (a wave's 1,000 participants are 10,000 of them), which costs more to send, parse and plan,
 * and stops at PostgreSQL's 32,767 bind values per statement.
 */
final class BulkInsert {

    private BulkInsert() {
    }

    /** Inserts {@code rows} (every column of {@code table}) in one statement; returns the row count. */
    static <R extends Record> int into(DSLContext tx, Table<R> table, List<R> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        Field<?>[] columns = table.fields();
        List<Field<?>> arrays = new ArrayList<>(columns.length);
        for (Field<?> column : columns) {
            arrays.add(arrayOf(column, rows));
        }
        return tx.insertInto(table)
                .columns(columns)
                .select(DSL.select(DSL.asterisk()).from(DSL.table("unnest({0})", DSL.list(arrays))))
                .execute();
    }

    private static <T> Field<T[]> arrayOf(Field<T> column, List<? extends Record> rows) {
        @SuppressWarnings("unchecked")
        T[] values = (T[]) Array.newInstance(column.getType(), rows.size());
        for (int i = 0; i < values.length; i++) {
            values[i] = rows.get(i).get(column);
        }
        return DSL.val(values, column.getDataType().getArrayDataType());
    }
}
