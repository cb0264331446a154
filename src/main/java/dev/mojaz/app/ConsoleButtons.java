package dev.mojaz.app;

import dev.mojaz.delivery.compose.Button;
import dev.mojaz.delivery.compose.Keyboard;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The buttons a person can press in the console: those of the last message shown with a keyboard (sent or edited),
 * numbered from 1 in reading order. A line that is one of those numbers, or exactly one of their labels, presses
 * that button; the console then hands the bot a button press, as Telegram would. Thread-safe.
 */
public final class ConsoleButtons {
    /**
     * A press the person typed.
     *
     * @param messageId the bot's message the button belongs to
     * @param data      the button's callback data
     */
    public record Press(int messageId, String data) {
    }

    private int messageId;
    private List<Button> pressable = List.of();

    /**
     * Called for every message the console shows; returns the number each of its buttons is shown with, in the
     * keyboard's order (0 for a button that is not pressed here: a link).
     */
    public synchronized List<Integer> shown(int message, Keyboard keyboard) {
        if (keyboard.isEmpty()) {
            if (message == messageId) {
                pressable = List.of(); // the keyboard was taken away by an edit
            }
            return List.of();
        }
        List<Button> buttons = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        for (List<Button> row : keyboard.rows()) {
            for (Button button : row) {
                if (button.callbackData().isEmpty()) {
                    numbers.add(0);
                } else {
                    buttons.add(button);
                    numbers.add(buttons.size());
                }
            }
        }
        messageId = message;
        pressable = List.copyOf(buttons);
        return numbers;
    }

    /** The press {@code typed} stands for: a button's number or its exact label; empty for anything else. */
    public synchronized Optional<Press> press(String typed) {
        String text = typed.strip();
        String digits = asciiDigits(text);
        if (digits.matches("[0-9]{1,3}")) {
            int number = Integer.parseInt(digits);
            return number >= 1 && number <= pressable.size()
                    ? Optional.of(new Press(messageId, pressable.get(number - 1).callbackData())) : Optional.empty();
        }
        return pressable.stream().filter(b -> b.label().equals(text)).findFirst()
                .map(b -> new Press(messageId, b.callbackData()));
    }

    /** Arabic-Indic digits (as an Arabic keyboard types them) as ASCII digits. */
    private static String asciiDigits(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c >= '\u0660' && c <= '\u0669') {
                out.append((char) ('0' + c - '\u0660'));
            } else if (c >= '\u06F0' && c <= '\u06F9') {
                out.append((char) ('0' + c - '\u06F0'));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
