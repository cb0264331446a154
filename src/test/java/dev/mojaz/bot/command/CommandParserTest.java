package dev.mojaz.bot.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.bot.command.ParsedCommand.Addressing;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class CommandParserTest {
    private final CommandParser parser = new CommandParser("MojazBot");

    @Test
    void aCommandWithArgumentsInArabic() {
        assertThat(parser.parse("/subscribe سوريا -رياضة \"مجلس الأمن\""))
                .contains(new ParsedCommand("subscribe", "سوريا -رياضة \"مجلس الأمن\"", Addressing.UNADDRESSED));
    }

    @Test
    void theBotsNameIsMatchedWithoutRegardToCase() {
        assertThat(parser.parse("/help@mojazbot")).contains(new ParsedCommand("help", "", Addressing.TO_US));
        assertThat(parser.parse("/Help@MojazBot  ")).contains(new ParsedCommand("help", "", Addressing.TO_US));
    }

    @Test
    void aCommandForAnotherBotIsRecognisedAsSuch() {
        assertThat(parser.parse("/start@OtherNewsBot now"))
                .contains(new ParsedCommand("start", "now", Addressing.TO_ANOTHER_BOT));
    }

    @Test
    void argumentsMaySpanLines() {
        assertThat(parser.parse("/broadcast السطر الأول\nالسطر الثاني").map(ParsedCommand::arguments))
                .contains("السطر الأول\nالسطر الثاني");
    }

    @Test
    void textThatIsNotACommand() {
        assertThat(parser.parse("سوريا")).isEmpty();
        assertThat(parser.parse("/سوريا")).as("Telegram commands are Latin letters, digits and _").isEmpty();
        assertThat(parser.parse("/ start")).isEmpty();
        assertThat(parser.parse("/start-now")).isEmpty();
        assertThat(parser.parse("https://example.com/a")).isEmpty();
        assertThat(parser.parse("")).isEmpty();
        assertThat(parser.parse(null)).isEqualTo(Optional.empty());
        assertThat(parser.parse("/" + "a".repeat(33))).isEmpty();
    }
}
