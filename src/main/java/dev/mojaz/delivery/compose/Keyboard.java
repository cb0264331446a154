package dev.mojaz.delivery.compose;

import java.util.ArrayList;
import java.util.List;

/** An inline keyboard: rows of buttons under a message. {@link #NONE} when the message has none. */
public record Keyboard(List<List<Button>> rows) {
    public static final Keyboard NONE = new Keyboard(List.of());

    public Keyboard {
        rows = rows.stream().filter(row -> !row.isEmpty()).map(List::copyOf).toList();
    }

    public static Keyboard of(List<List<Button>> rows) {
        return new Keyboard(rows);
    }

    /** One button per row. */
    public static Keyboard column(List<Button> buttons) {
        return new Keyboard(buttons.stream().map(List::of).toList());
    }

    /** Buttons laid out {@code perRow} to a row. */
    public static Keyboard grid(List<Button> buttons, int perRow) {
        if (perRow < 1) {
            throw new IllegalArgumentException("perRow must be at least 1");
        }
        List<List<Button>> rows = new ArrayList<>();
        for (int i = 0; i < buttons.size(); i += perRow) {
            rows.add(buttons.subList(i, Math.min(buttons.size(), i + perRow)));
        }
        return new Keyboard(rows);
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** This keyboard with {@code row} added at the bottom. */
    public Keyboard withRow(List<Button> row) {
        List<List<Button>> all = new ArrayList<>(rows);
        all.add(row);
        return new Keyboard(all);
    }
}
