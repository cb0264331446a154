package dev.mojaz.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mojaz.bot.telegram.IntakePause;
import dev.mojaz.config.HealthConfig;
import dev.mojaz.config.SourceConfig;
import dev.mojaz.domain.InstanceRepository;
import dev.mojaz.domain.OutboxMessage;
import dev.mojaz.domain.OutboxRepository;
import dev.mojaz.domain.SourceState;
import dev.mojaz.domain.Storage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the bot is doing, from the store alone (so {@code status} in another process sees what {@code run} does): the
 * last successful poll per source, the last message Telegram accepted, the outbox by state, the latest failures.
 *
 * <p>Unhealthy when: enabled sources exist and none was read successfully within {@code health.max-poll-age}; or a
 * message has waited for longer than {@code health.max-send-delay} and nothing at all was sent within that time; or
 * (known only inside {@code run}, so {@code /healthz} says it and {@code status} from another process cannot) the
 * intake is holding updates back because the store keeps refusing them ({@link IntakePause}). One failing source,
 * or a dead message, is reported but is not a reason to restart the bot.
 *
 * <p>With several instances on one database it also lists the instances alive (each writes its roles with its
 * heartbeat: the update reader, the senders, the sources each is polling), and {@code /healthz} says which roles the
 * instance that answers holds.
 */
public record HealthReport(
        Instant now,
        List<String> problems,
        List<SourceHealth> sources,
        Optional<Instant> lastPoll,
        Optional<Instant> lastSent,
        Map<OutboxMessage.State, Long> queue,
        Optional<Instant> oldestWaiting,
        List<OutboxRepository.Failure> failures,
        Optional<IntakePause> intake,
        Optional<Roles> instance,
        List<InstanceRepository.InstanceInfo> instances) {

    /** The roles of the instance that answers (/healthz), by its id. */
    public record Roles(String id, String roles, List<String> polling, String updates, boolean sender) {
    }

    /** One source's health. */
    public record SourceHealth(String id, boolean enabled, Instant lastSuccess, int failures, String lastError,
                               Instant nextPoll) {
    }

    public boolean healthy() {
        return problems.isEmpty();
    }

    /** Reads the store and judges (for {@code status}, outside the running bot). */
    public static HealthReport check(Storage store, List<SourceConfig> configured, HealthConfig config, Clock clock) {
        return check(store, configured, config, clock, Optional.empty());
    }

    /** Reads the store and judges, with what the running bot's intake says. */
    public static HealthReport check(Storage store, List<SourceConfig> configured, HealthConfig config, Clock clock,
                                     Optional<IntakePause> intake) {
        return check(store, configured, config, clock, intake, Optional.empty());
    }

    /** Reads the store and judges, with what the running bot's intake says and the roles this instance holds. */
    public static HealthReport check(Storage store, List<SourceConfig> configured, HealthConfig config, Clock clock,
                                     Optional<IntakePause> intake, Optional<InstanceRoles> roles) {
        Instant now = clock.instant();
        Map<String, SourceState> states = store.sourceStates().all();
        List<SourceHealth> sources = new ArrayList<>();
        Instant lastPoll = null;
        boolean anyEnabled = false;
        for (SourceConfig source : configured) {
            SourceState state = states.getOrDefault(source.id(), SourceState.initial(source.id()));
            sources.add(new SourceHealth(source.id(), source.enabled(), state.lastSuccess(), state.consecutiveFailures(),
                    state.lastError(), state.nextPoll()));
            if (source.enabled()) {
                anyEnabled = true;
                if (state.lastSuccess() != null && (lastPoll == null || state.lastSuccess().isAfter(lastPoll))) {
                    lastPoll = state.lastSuccess();
                }
            }
        }
        OutboxRepository outbox = store.deliveries();
        Optional<Instant> lastSent = outbox.lastSent();
        Optional<Instant> oldest = outbox.oldestWaiting();
        List<String> problems = new ArrayList<>();
        intake.ifPresent(pause -> problems.add(pause.describe()));
        if (anyEnabled && (lastPoll == null || lastPoll.isBefore(now.minus(config.maxPollAge())))) {
            problems.add(lastPoll == null ? "no source has been read successfully yet"
                    : "no source read successfully for " + ago(lastPoll, now) + " (limit " + format(config.maxPollAge()) + ")");
        }
        Instant sendLimit = now.minus(config.maxSendDelay());
        if (oldest.isPresent() && oldest.get().isBefore(sendLimit)
                && (lastSent.isEmpty() || lastSent.get().isBefore(sendLimit))) {
            problems.add("messages have waited for " + ago(oldest.get(), now) + " and "
                    + (lastSent.isEmpty() ? "none was ever sent" : "nothing was sent for " + ago(lastSent.get(), now))
                    + " (limit " + format(config.maxSendDelay()) + ")");
        }
        Optional<Roles> instance = roles.map(r -> new Roles(store.instances().id(), r.describe(), r.polling(),
                r.updates().name().toLowerCase(java.util.Locale.ROOT), r.sender()));
        return new HealthReport(now, List.copyOf(problems), List.copyOf(sources), Optional.ofNullable(lastPoll),
                lastSent, outbox.counts(), oldest, outbox.recentFailures(5), intake, instance,
                store.instances().alive());
    }

    /** The report for people, as {@code status} prints it. */
    public String text() {
        StringBuilder out = new StringBuilder();
        out.append("status: ").append(healthy() ? "healthy" : "UNHEALTHY").append('\n');
        problems.forEach(p -> out.append("  problem: ").append(p).append('\n'));
        out.append("last successful poll: ").append(when(lastPoll)).append('\n');
        for (SourceHealth source : sources) {
            out.append("  ").append(source.id()).append(": ");
            if (!source.enabled()) {
                out.append("disabled");
            } else if (source.failures() > 0) {
                out.append("FAILING (").append(source.failures()).append(" in a row: ").append(source.lastError())
                        .append("), last success ").append(when(Optional.ofNullable(source.lastSuccess())));
            } else {
                out.append("ok, last success ").append(when(Optional.ofNullable(source.lastSuccess())));
            }
            out.append('\n');
        }
        instance.ifPresent(me -> out.append("this instance: ").append(me.id()).append(": ").append(me.roles())
                .append('\n'));
        out.append("instances alive: ").append(instances.size()).append('\n');
        for (InstanceRepository.InstanceInfo other : instances) {
            out.append("  ").append(other.id()).append(" (started ").append(other.started()).append(", last beat ")
                    .append(ago(other.heartbeat(), now)).append(" ago): ").append(other.roles()).append('\n');
        }
        out.append("last message sent: ").append(when(lastSent)).append('\n');
        out.append("outbox:");
        queue.forEach((state, n) -> out.append(' ').append(state.name().toLowerCase(java.util.Locale.ROOT)).append(' ').append(n));
        out.append('\n');
        oldestWaiting.ifPresent(at -> out.append("oldest waiting message due ").append(when(Optional.of(at))).append('\n'));
        for (OutboxRepository.Failure failure : failures) {
            out.append("  error: message ").append(failure.id()).append(" to chat ").append(failure.chatId())
                    .append(" (").append(failure.state().name().toLowerCase(java.util.Locale.ROOT)).append(", ")
                    .append(failure.attempts()).append(" attempts, ").append(when(Optional.ofNullable(failure.at())))
                    .append("): ").append(failure.error()).append('\n');
        }
        return out.toString();
    }

    /** The report as JSON, as {@code /healthz} serves it. */
    public String json() {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("healthy", healthy());
        root.put("now", now.toString());
        ArrayNode problemList = root.putArray("problems");
        problems.forEach(problemList::add);
        root.put("lastPoll", lastPoll.map(Instant::toString).orElse(null));
        ArrayNode sourceList = root.putArray("sources");
        for (SourceHealth source : sources) {
            ObjectNode node = sourceList.addObject();
            node.put("id", source.id());
            node.put("enabled", source.enabled());
            node.put("lastSuccess", source.lastSuccess() == null ? null : source.lastSuccess().toString());
            node.put("consecutiveFailures", source.failures());
            node.put("lastError", source.lastError());
            node.put("nextPoll", source.nextPoll() == null ? null : source.nextPoll().toString());
        }
        root.put("lastSent", lastSent.map(Instant::toString).orElse(null));
        instance.ifPresent(me -> {
            ObjectNode node = root.putObject("instance");
            node.put("id", me.id());
            node.put("updates", me.updates());
            node.put("sender", me.sender());
            ArrayNode polling = node.putArray("polling");
            me.polling().forEach(polling::add);
        });
        ArrayNode instanceList = root.putArray("instances");
        for (InstanceRepository.InstanceInfo other : instances) {
            instanceList.addObject().put("id", other.id()).put("host", other.host()).put("pid", other.pid())
                    .put("started", other.started().toString()).put("heartbeat", other.heartbeat().toString())
                    .put("roles", other.roles());
        }
        intake.ifPresent(pause -> root.putObject("intakePaused").put("since", pause.since().toString())
                .put("updates", pause.updates()).put("reason", pause.reason()));
        ObjectNode queueNode = root.putObject("outbox");
        queue.forEach((state, n) -> queueNode.put(state.name().toLowerCase(java.util.Locale.ROOT), n));
        root.put("oldestWaiting", oldestWaiting.map(Instant::toString).orElse(null));
        ArrayNode failureList = root.putArray("recentFailures");
        for (OutboxRepository.Failure failure : failures) {
            failureList.addObject().put("id", failure.id()).put("chatId", failure.chatId())
                    .put("state", failure.state().name().toLowerCase(java.util.Locale.ROOT))
                    .put("attempts", failure.attempts()).put("error", failure.error())
                    .put("at", failure.at() == null ? null : failure.at().toString());
        }
        return root.toString();
    }

    private String when(Optional<Instant> at) {
        return at.map(t -> t + " (" + ago(t, now) + (t.isAfter(now) ? " from now)" : " ago)")).orElse("never");
    }

    private static String ago(Instant then, Instant now) {
        return format(Duration.between(then, now).abs());
    }

    private static String format(Duration d) {
        long s = d.toSeconds();
        if (s < 120) {
            return s + "s";
        }
        if (s < 2 * 3600) {
            return s / 60 + "m";
        }
        if (s < 2 * 86_400) {
            return s / 3600 + "h";
        }
        return s / 86_400 + "d";
    }
}
