package dev.mojaz.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** One result row with typed, null-aware getters by column name, so mappers read like the schema. */
final class Row {
    private final ResultSet rs;

    Row(ResultSet rs) {
        this.rs = rs;
    }

    String string(String column) throws SQLException {
        return rs.getString(column);
    }

    long longValue(String column) throws SQLException {
        return rs.getLong(column);
    }

    /** The value, or null for SQL NULL. */
    Long nullableLong(String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    int intValue(String column) throws SQLException {
        return rs.getInt(column);
    }

    Integer nullableInt(String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    boolean bool(String column) throws SQLException {
        return rs.getBoolean(column);
    }

    /** An epoch-millisecond column as an instant, or null. */
    Instant instant(String column) throws SQLException {
        Long millis = nullableLong(column);
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
