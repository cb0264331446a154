package dev.mojaz.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The layout of the product code, kept true: packages follow the flow of the work, and a package uses only those
 * below it (src/site/markdown/architecture.md draws the same picture). From the bottom:
 *
 * <pre>
 *  cli                 the commands (java -jar mojaz.jar ...)
 *  app                 wiring, threads, the console, health
 *  bot.telegram        the only package that touches TelegramBots
 *  bot.conversation    the handlers over the store
 *  bot.command         parsing and routing what arrives
 *  bot.chat            the conversation model, free of Telegram types
 *  delivery.dispatch   alerts and digests
 *  delivery.outbox     the sender, rate limits, what a send came to
 *  delivery.compose    what a message is; alerts and digests written
 *  match               queries, the engine, the subscription index
 *  ingest.poll         polling, feed entry to stored article
 *  ingest.catalog      the source list, OPML
 *  ingest.summary      extractive summaries
 *  ingest.dedupe       one story, all its sources (grouping reports of one event)
 *  ingest.extract | ingest.feed   (siblings: neither uses the other)
 *  ingest.http         fetching with limits, the SSRF guard
 *  store               the domain ports over SQL: used by app and cli alone, uses nothing of ingest
 *  domain              records and repository ports
 *  i18n, config, html, text, common
 * </pre>
 *
 * Tests and the lab (src/bench) are not product code and may use any of it; nothing of the product uses the lab.
 */
@Tag("fast")
class LayersTest {
    /** Bottom first: each may use those before it, except the pairs in {@link #APART}. */
    static final List<String> ORDER = List.of(
            "common", "text", "html", "config", "i18n",
            "domain",
            "store",
            "ingest.http", "ingest.feed", "ingest.extract", "ingest.dedupe", "ingest.summary", "ingest.catalog",
            "ingest.poll",
            "match",
            "delivery.compose", "delivery.outbox", "delivery.dispatch",
            "bot.chat", "bot.command", "bot.conversation", "bot.telegram",
            "app",
            "cli");

    /** Neighbours in the order that still must not use each other. */
    static final Set<Set<String>> APART = Set.of(
            Set.of("ingest.feed", "ingest.extract"));

    /** Only the places that open the store (the composition roots) may name its classes; the rest use the ports. */
    static final Set<String> STORE_USERS = Set.of("app", "cli");

    private static final JavaClasses PRODUCT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.mojaz");

    @Test
    void eachPackageUsesOnlyThoseBelowIt() {
        layers().check(PRODUCT);
    }

    @Test
    void everyProductClassIsInALayer() {
        List<String> packages = new ArrayList<>(ORDER.stream().map(p -> "dev.mojaz." + p).toList());
        packages.add("dev.mojaz.bench..");
        classes().that().doNotHaveSimpleName("package-info")
                .should().resideInAnyPackage(packages.toArray(String[]::new))
                .because("a new package takes its place in LayersTest.ORDER and in architecture.md")
                .check(PRODUCT);
    }

    @Test
    void telegramBotsTypesStayInBotTelegram() {
        noClasses().that().resideOutsideOfPackage("dev.mojaz.bot.telegram")
                .should().dependOnClassesThat().resideInAPackage("org.telegram..")
                .check(PRODUCT);
    }

    @Test
    void theProductUsesNothingOfTheLab() {
        noClasses().that().resideOutsideOfPackage("dev.mojaz.bench..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.mojaz.bench..", "org.apache.lucene.monitor..",
                        "net.dankito.readability4j..")
                .check(PRODUCT);
    }

    static LayeredArchitecture layers() {
        LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String name : ORDER) {
            layers = layers.layer(name).definedBy("dev.mojaz." + name);
        }
        layers = layers.optionalLayer("lab").definedBy("dev.mojaz.bench..");
        for (int i = 0; i < ORDER.size(); i++) {
            String layer = ORDER.get(i);
            List<String> below = new ArrayList<>();
            for (String lower : ORDER.subList(0, i)) {
                if (!APART.contains(Set.of(layer, lower)) && (!lower.equals("store") || STORE_USERS.contains(layer))) {
                    below.add(lower);
                }
            }
            layers = below.isEmpty() ? layers.whereLayer(layer).mayNotAccessAnyLayer()
                    : layers.whereLayer(layer).mayOnlyAccessLayers(below.toArray(String[]::new));
        }
        return layers.whereLayer("lab").mayNotBeAccessedByAnyLayer();
    }
}
