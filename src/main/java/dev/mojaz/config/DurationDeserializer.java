package dev.mojaz.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import dev.mojaz.common.Durations;
import java.io.IOException;
import java.time.Duration;

/** Reads durations in a config file the one way Mojaz reads them ({@link Durations}). */
final class DurationDeserializer extends StdScalarDeserializer<Duration> {
    private static final long serialVersionUID = 1L;

    DurationDeserializer() {
        super(Duration.class);
    }

    @Override
    public Duration deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            return (Duration) context.handleUnexpectedToken(Duration.class, parser);
        }
        String text = parser.getText().trim();
        Duration parsed = parse(text);
        if (parsed == null) {
            return (Duration) context.handleWeirdStringValue(Duration.class, text,
                    "expected a duration such as 250ms, 30s, 10m, 2h or 7d");
        }
        return parsed;
    }

    /** What {@link Durations#parse} reads, or null. */
    static Duration parse(String text) {
        return Durations.parse(text).orElse(null);
    }
}
