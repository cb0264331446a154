package dev.mojaz.store;

import dev.mojaz.domain.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.StringJoiner;

/**
 * Parameterised statements on one connection, for the repositories. Every value goes through a {@code ?}; none is
 * ever pasted into SQL text. {@link Instant}s are bound as epoch milliseconds.
 */
final class Sql {
    /** Reads one row into a value. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(Row row) throws SQLException;
    }

    private final Connection connection;

    Sql(Connection connection) {
        this.connection = connection;
    }

    /** Runs an INSERT, UPDATE or DELETE; returns the number of rows it changed. */
    int update(String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = prepare(sql, params)) {
            return statement.executeUpdate();
        }
    }

    /** Runs an {@code INSERT ... RETURNING id}; returns the new id. */
    long insert(String sql, Object... params) throws SQLException {
        return insertIfAbsent(sql, params).orElseThrow(() -> new StoreException("insert returned no id: " + sql));
    }

    /** Runs an {@code INSERT ... ON CONFLICT DO NOTHING RETURNING id}; empty when nothing was inserted. */
    OptionalLong insertIfAbsent(String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = prepare(sql, params); ResultSet rs = statement.executeQuery()) {
            return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
        }
    }

    <T> List<T> list(String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        try (PreparedStatement statement = prepare(sql, params); ResultSet rs = statement.executeQuery()) {
            List<T> rows = new ArrayList<>();
            Row row = new Row(rs);
            while (rs.next()) {
                rows.add(mapper.map(row));
            }
            return rows;
        }
    }

    <T> Optional<T> first(String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        try (PreparedStatement statement = prepare(sql, params); ResultSet rs = statement.executeQuery()) {
            return rs.next() ? Optional.ofNullable(mapper.map(new Row(rs))) : Optional.empty();
        }
    }

    /** The first column of the first row as a number; 0 when there is no row. */
    long number(String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = prepare(sql, params); ResultSet rs = statement.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** {@code "?, ?, ?"} for an IN list of {@code count} values. */
    static String placeholders(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("an IN list needs at least one value");
        }
        StringJoiner joiner = new StringJoiner(", ");
        for (int i = 0; i < count; i++) {
            joiner.add("?");
        }
        return joiner.toString();
    }

    /** The parameters for an IN list: {@code before}, then every value, then {@code after}. */
    static Object[] params(Collection<?> values, Object... before) {
        List<Object> all = new ArrayList<>(List.of(before));
        all.addAll(values);
        return all.toArray();
    }

    private PreparedStatement prepare(String sql, Object[] params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < params.length; i++) {
                bind(statement, i + 1, params[i]);
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof String s) {
            statement.setString(index, s);
        } else if (value instanceof Long l) {
            statement.setLong(index, l);
        } else if (value instanceof Integer i) {
            statement.setInt(index, i);
        } else if (value instanceof Boolean b) {
            statement.setBoolean(index, b);
        } else if (value instanceof Instant t) {
            statement.setLong(index, t.toEpochMilli());
        } else {
            throw new IllegalArgumentException("cannot bind a " + value.getClass().getName() + " (parameter " + index + ")");
        }
    }
}
