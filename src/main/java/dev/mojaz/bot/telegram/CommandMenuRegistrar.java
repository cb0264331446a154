package dev.mojaz.bot.telegram;

import dev.mojaz.bot.command.CommandMenu;
import dev.mojaz.delivery.outbox.SendOutcome;
import dev.mojaz.i18n.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScope;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeChat;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeDefault;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Registers the command menus with setMyCommands: the English menu as the default (no language code, so anyone
 * whose Telegram is not in Arabic sees it), the Arabic one for {@code language_code} {@code ar}, and for each
 * admin chat both menus with the admin commands added.
 */
public final class CommandMenuRegistrar {
    private static final Logger log = LoggerFactory.getLogger(CommandMenuRegistrar.class);

    private final TelegramClient client;
    private final CommandMenu menu;

    public CommandMenuRegistrar(TelegramClient client, CommandMenu menu) {
        this.client = Objects.requireNonNull(client, "client");
        this.menu = Objects.requireNonNull(menu, "menu");
    }

    /**
     * Registers every menu; a failure is logged and reported, never thrown, because the bot works without a
     * menu.
     *
     * @return one outcome per setMyCommands call, in order
     */
    public List<SendOutcome> register(List<Long> adminChatIds) {
        List<SendOutcome> outcomes = new ArrayList<>();
        BotCommandScope everyone = BotCommandScopeDefault.builder().build();
        outcomes.add(set(everyone, null, menu.forEveryone(Language.EN), 0));
        outcomes.add(set(everyone, Language.AR.code(), menu.forEveryone(Language.AR), 0));
        for (long admin : adminChatIds) {
            BotCommandScope chat = BotCommandScopeChat.builder().chatId(admin).build();
            outcomes.add(set(chat, null, menu.forAdmins(Language.EN), admin));
            outcomes.add(set(chat, Language.AR.code(), menu.forAdmins(Language.AR), admin));
        }
        return outcomes;
    }

    private SendOutcome set(BotCommandScope scope, String languageCode, List<CommandMenu.Entry> entries, long chatId) {
        List<BotCommand> commands = entries.stream().map(e -> new BotCommand(e.command(), e.description())).toList();
        SetMyCommands request = new SetMyCommands(commands, scope, languageCode);
        try {
            client.execute(request);
            return new SendOutcome.Sent(chatId, 0);
        } catch (TelegramApiException | RuntimeException e) {
            SendOutcome outcome = FailureClassifier.classify(e, chatId, false);
            log.warn("could not register the {} command menu{}: {}", languageCode == null ? "default" : languageCode,
                    chatId == 0 ? "" : " for chat " + chatId, outcome);
            return outcome;
        }
    }
}
