package dev.jtc.runtime.cli;

import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns what picocli could not parse into one line and a hint: a mistyped command or option gets
 * the close names ("did you mean 'work'?"), anything else the command's {@code --help}.
 */
final class UsageErrors {

    /** The {@code error:} line and the {@code hint:} line. */
    record Explained(String message, String hint) {}

    private UsageErrors() {}

    static Explained explain(ParameterException error) {
        CommandLine where = error.getCommandLine();
        if (error instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String typed = unmatched.getUnmatched().get(0);
            if (unmatched.isUnknownOption()) {
                return unknownOption(where, typed);
            }
            if (isGroup(where)) {
                return unknownCommand(where, typed);
            }
        }
        return new Explained(error.getMessage(), seeHelp(where, "the options"));
    }

    private static Explained unknownOption(CommandLine where, String typed) {
        int equals = typed.indexOf('=');
        String option = equals > 0 ? typed.substring(0, equals) : typed;
        List<String> close = Suggestions.closeTo(option, where.getCommandSpec().optionsMap().keySet());
        String message = "unknown option '" + option + "' for " + where.getCommandSpec().qualifiedName();
        return new Explained(message, close.isEmpty() ? seeHelp(where, "the options")
                : "did you mean " + Suggestions.quoted(close) + "? (" + seeHelp(where, "the options") + ")");
    }

    private static Explained unknownCommand(CommandLine where, String typed) {
        String prefix = commandPath(where);
        Set<String> commands = where.getSubcommands().keySet();
        List<String> close = Suggestions.closeTo(typed, commands).stream().map(name -> prefix + name).toList();
        String message = "unknown command '" + prefix + typed + "'";
        if (!close.isEmpty()) {
            return new Explained(message, "did you mean " + Suggestions.quoted(close) + "? (" + seeHelp(where, "the commands") + ")");
        }
        return new Explained(message, "the commands are " + String.join(", ", commands.stream().map(name -> prefix + name).toList())
                + "; " + seeHelp(where, "what they do"));
    }

    /** {@code "failed "} for the group {@code failed}, {@code ""} for the top command. */
    private static String commandPath(CommandLine where) {
        StringBuilder path = new StringBuilder();
        for (CommandLine command = where; command.getParent() != null; command = command.getParent()) {
            path.insert(0, command.getCommandName() + " ");
        }
        return path.toString();
    }

    /** {@code run 'ShopApp enqueue --help' for the options}. */
    static String seeHelp(CommandLine where, String what) {
        return "run '" + where.getCommandSpec().qualifiedName() + " --help' for " + what;
    }

    /** Whether {@code command} only groups others ({@code failed}, {@code make}, the top command). */
    static boolean isGroup(CommandLine command) {
        return !command.getSubcommands().isEmpty();
    }
}
