package dev.mojaz.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Reads {@code mojaz.yaml} into a {@link MojazConfig}: the file is laid over the built-in defaults, bound to the
 * records with unknown keys refused, then a few settings are overridden from the environment.
 *
 * <p>Every problem becomes one {@link ConfigException} line naming the file and the key, for example
 * {@code config/mojaz.yaml: summary.sentences: must be between 1 and 20 (was 0)}.
 */
public final class ConfigLoader {
    /** Where {@code run} and friends look when no {@code --config} is given. */
    public static final Path DEFAULT_LOCATION = Path.of("config", "mojaz.yaml");
    /** Overrides {@code telegram.api-url}. */
    public static final String ENV_API_URL = "MOJAZ_TELEGRAM_API_URL";
    /** Overrides {@code store.url}: a PostgreSQL server instead of the SQLite file. */
    public static final String ENV_STORE_URL = "MOJAZ_STORE_URL";
    /** The PostgreSQL password; never read from the file. */
    public static final String ENV_STORE_PASSWORD = "MOJAZ_STORE_PASSWORD";

    private static final String DEFAULTS_RESOURCE = "defaults.yaml";
    private static final String BUILT_IN = "built-in defaults";

    private final ObjectMapper yaml;
    private final Map<String, String> environment;

    /** @param environment the process environment (tests pass their own map) */
    public ConfigLoader(Map<String, String> environment) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        // A key given twice would otherwise be settled silently by the later one (allow-private-addresses: false,
        // then true further down, opened private links): the parser refuses it instead. (YAMLFactory.builder() is
        // not used: it starts from other YAML parser defaults, and an empty "url:" would read as "" instead of null.)
        this.yaml = new ObjectMapper(new YAMLFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION))
                .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .registerModule(new SimpleModule("mojaz-config").addDeserializer(Duration.class, new DurationDeserializer()));
    }

    /** The built-in defaults alone, with the environment overrides. */
    public MojazConfig defaults() {
        return bind(defaultsTree(), BUILT_IN);
    }

    /** {@code config/mojaz.yaml} under {@code workingDirectory} when it exists, the built-in defaults otherwise. */
    public MojazConfig loadDefaultLocation(Path workingDirectory) {
        Path candidate = workingDirectory.resolve(DEFAULT_LOCATION);
        return Files.isRegularFile(candidate) ? load(candidate) : defaults();
    }

    /** Reads {@code file} over the defaults. */
    public MojazConfig load(Path file) {
        String name = file.toString();
        JsonNode tree;
        try (InputStream in = Files.newInputStream(file)) {
            tree = yaml.readTree(in);
        } catch (NoSuchFileException e) {
            throw new ConfigException(name + ": file not found");
        } catch (StreamReadException e) {
            String duplicate = duplicateKey(e);
            throw new ConfigException(name + where(e.getLocation()) + (duplicate != null
                    ? ": " + duplicate + ": duplicate key (each key may appear once)"
                    : ": not valid YAML: " + e.getOriginalMessage()));
        } catch (JacksonException e) {
            throw new ConfigException(name + where(e.getLocation()) + ": not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException(name + ": cannot read: " + e.getMessage(), e);
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            return bind(defaultsTree(), name);
        }
        if (!tree.isObject()) {
            throw new ConfigException(name + ": expected 'key: value' settings at the top level");
        }
        if (tree.path("telegram").has("token")) {
            throw new ConfigException(name + ": telegram.token: secrets are not read from the config file;"
                    + " set the environment variable MOJAZ_TELEGRAM_TOKEN instead");
        }
        if (tree.path("store").has("password")) {
            throw new ConfigException(name + ": store.password: secrets are not read from the config file;"
                    + " set the environment variable " + ENV_STORE_PASSWORD + " instead");
        }
        if (tree.path("fetch").has("allow-private-sources")) {
            throw new ConfigException(name + ": fetch.allow-private-sources: no longer exists, since it opened private"
                    + " networks to every link any feed published; set allow-private: true on each source that may"
                    + " reach its own host on a private network (sources[].allow-private)");
        }
        ObjectNode merged = defaultsTree();
        mergeInto(merged, (ObjectNode) tree);
        return bind(merged, name);
    }

    private MojazConfig bind(ObjectNode tree, String name) {
        applyEnvironment(tree);
        MojazConfig config;
        try {
            config = yaml.treeToValue(tree, MojazConfig.class);
        } catch (JsonMappingException e) {
            throw new ConfigException(name + ": " + describe(e), e);
        } catch (JacksonException e) {
            throw new ConfigException(name + ": " + e.getOriginalMessage(), e);
        }
        String password = environment.get(ENV_STORE_PASSWORD);
        return password == null || password.isEmpty() ? config
                : config.withStore(config.store().withPassword(password));
    }

    private void applyEnvironment(ObjectNode tree) {
        String apiUrl = environment.get(ENV_API_URL);
        if (apiUrl != null && !apiUrl.isBlank()) {
            URI uri;
            try {
                uri = URI.create(apiUrl.trim());
            } catch (IllegalArgumentException e) {
                throw new ConfigException("environment " + ENV_API_URL + ": must be an absolute http or https URL (was '" + apiUrl + "')");
            }
            TelegramConfig.apiUrlProblem(uri).ifPresent(problem -> {
                throw new ConfigException("environment " + ENV_API_URL + ": " + problem);
            });
            tree.withObjectProperty("telegram").set("api-url", TextNode.valueOf(apiUrl.trim()));
        }
        String storeUrl = environment.get(ENV_STORE_URL);
        if (storeUrl != null && !storeUrl.isBlank()) {
            StoreConfig.urlProblem(storeUrl.trim()).ifPresent(problem -> {
                // Not the URL itself in the message: it may carry the password this refuses.
                throw new ConfigException("environment " + ENV_STORE_URL + ": " + problem);
            });
            tree.withObjectProperty("store").set("url", TextNode.valueOf(storeUrl.trim()));
        }
    }

    private ObjectNode defaultsTree() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("built-in " + DEFAULTS_RESOURCE + " is missing from the jar");
            }
            return (ObjectNode) yaml.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Objects merge key by key; anything else (scalars, lists) in the overlay replaces the default. */
    private static void mergeInto(ObjectNode base, ObjectNode overlay) {
        for (Map.Entry<String, JsonNode> field : overlay.properties()) {
            JsonNode value = field.getValue();
            JsonNode existing = base.get(field.getKey());
            if (value == null || value.isNull()) {
                continue; // "summary:" with nothing under it keeps the defaults
            }
            if (existing instanceof ObjectNode existingObject && value instanceof ObjectNode valueObject) {
                mergeInto(existingObject, valueObject);
            } else {
                base.set(field.getKey(), value);
            }
        }
    }

    /**
     * The full key ({@code sources[1].feed}) when the parser stopped at a key given twice, else null. The parser
     * records the repeated name in its context before refusing it, so the context is that key's path.
     */
    private static String duplicateKey(StreamReadException e) {
        JsonParser parser = e.getProcessor();
        if (parser == null || !e.getOriginalMessage().startsWith("Duplicate field")) {
            return null;
        }
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext context = parser.getParsingContext(); context != null && !context.inRoot();
             context = context.getParent()) {
            parts.push(context.inArray() ? "[" + context.getCurrentIndex() + "]" : context.getCurrentName());
        }
        StringBuilder key = new StringBuilder();
        for (String part : parts) {
            key.append(key.length() > 0 && !part.startsWith("[") ? "." : "").append(part);
        }
        return key.toString();
    }

    private static String describe(JsonMappingException e) {
        String path = path(e);
        if (e instanceof UnrecognizedPropertyException unknown) {
            Collection<Object> known = unknown.getKnownPropertyIds();
            String hint = known == null || known.isEmpty() ? ""
                    : " (known keys here: " + known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")) + ")";
            return path + ": unknown key" + hint;
        }
        if (e instanceof ValueInstantiationException && rootCause(e) instanceof InvalidValueException invalid) {
            return join(path, invalid.key()) + ": " + invalid.getMessage();
        }
        if (e instanceof InvalidFormatException format) {
            return path + ": expected " + expected(format.getTargetType()) + ", got '" + format.getValue() + "'";
        }
        if (e instanceof MismatchedInputException mismatch) {
            return path + ": expected " + expected(mismatch.getTargetType());
        }
        return (path.isEmpty() ? "" : path + ": ") + e.getOriginalMessage();
    }

    private static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static Throwable rootCause(Throwable t) {
        Throwable cause = t;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "a different kind of value";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == Duration.class) {
            return "a duration such as 30s, 10m or 2h";
        }
        if (type == URI.class) {
            return "a URL";
        }
        if (type == String.class) {
            return "text";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type.isRecord()) {
            return "a section of 'key: value' settings";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(java.util.Locale.ROOT);
        }
        return "a " + type.getSimpleName();
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? "" : ": line " + location.getLineNr();
    }
}
