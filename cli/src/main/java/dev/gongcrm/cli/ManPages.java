package dev.gongcrm.cli;

import dev.gongcrm.validator.Version;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The man pages of gongcrm, section 1, in troff's man macros: one page for gongcrm and one per command
 * ({@code gongcrm-validate(1)}, {@code gongcrm-ledger-show(1)}), written from the same picocli model as
 * {@code --help}, so that they cannot drift from it. picocli-codegen writes AsciiDoc, which takes Asciidoctor
 * (JRuby) to become troff; the man macros need no more than this class.
 */
final class ManPages {

    private ManPages() {
    }

    /** Each page by its file name, e.g. {@code gongcrm-validate.1}, for every command but help. */
    static Map<String, String> of(CommandLine root) {
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        add(root, pages);
        return pages;
    }

    private static void add(CommandLine command, Map<String, String> pages) {
        CommandSpec spec = command.getCommandSpec();
        pages.put(pageName(spec) + ".1", page(spec));
        command.getSubcommands().values().stream().distinct()
                .filter(sub -> !(sub.getCommand() instanceof CommandLine.HelpCommand))
                .forEach(sub -> add(sub, pages));
    }

    /** {@code gongcrm validate} as {@code gongcrm-validate}. */
    static String pageName(CommandSpec spec) {
        return spec.qualifiedName("-");
    }

    static String page(CommandSpec spec) {
        StringBuilder page = new StringBuilder();
        String name = pageName(spec);
        page.append(".TH ").append(quoted(name.toUpperCase(Locale.ROOT))).append(" 1 \"\" ")
                .append(quoted("gongcrm " + Version.get())).append(" \"gongcrm manual\"\n");
        page.append(".SH NAME\n").append(text(name)).append(" \\- ").append(text(firstSentence(spec))).append('\n');

        page.append(".SH SYNOPSIS\n.nf\n");
        String synopsis = new CommandLine.Help(spec, CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF))
                .synopsis(0).stripTrailing();
        synopsis.lines().forEach(line -> page.append(text(line)).append('\n'));
        page.append(".fi\n");

        page.append(".SH DESCRIPTION\n");
        paragraphs(spec.usageMessage().description(), page);

        List<CommandSpec> commands = spec.subcommands().values().stream().map(CommandLine::getCommandSpec).distinct()
                .filter(sub -> !(sub.userObject() instanceof CommandLine.HelpCommand)).toList();
        if (!commands.isEmpty()) {
            page.append(".SH COMMANDS\n");
            for (CommandSpec command : commands) {
                page.append(".TP\n\\fB").append(text(command.name())).append("\\fR\n")
                        .append(text(firstSentence(command))).append(" See \\fB").append(text(pageName(command)))
                        .append("\\fR(1).\n");
            }
        }

        List<PositionalParamSpec> parameters = spec.positionalParameters().stream()
                .filter(parameter -> !parameter.hidden()).toList();
        List<OptionSpec> options = spec.options().stream().filter(option -> !option.hidden()).toList();
        if (!parameters.isEmpty() || !options.isEmpty()) {
            page.append(".SH OPTIONS\n");
            for (PositionalParamSpec parameter : parameters) {
                page.append(".TP\n\\fI").append(text(parameter.paramLabel())).append("\\fR\n");
                paragraphs(rendered(parameter), page, ".IP");
            }
            for (OptionSpec option : options) {
                page.append(".TP\n").append(optionNames(option)).append('\n');
                paragraphs(rendered(option), page, ".IP");
            }
        }

        String[] footer = spec.usageMessage().footer();
        if (footer.length > 0) {
            page.append(".SH NOTES\n");
            paragraphs(footer, page);
        }

        List<String> related = new ArrayList<>();
        if (spec.parent() != null) {
            related.add(pageName(spec.parent()));
        }
        commands.forEach(sub -> related.add(pageName(sub)));
        if (!related.isEmpty()) {
            page.append(".SH SEE ALSO\n").append(related.stream().map(other -> "\\fB" + text(other) + "\\fR(1)")
                    .collect(Collectors.joining(",\n"))).append('\n');
        }
        return page.toString();
    }

    /** The description with the variables --help fills in: the default value and the completion candidates. */
    private static String[] rendered(CommandLine.Model.ArgSpec argument) {
        String candidates = argument.completionCandidates() == null ? ""
                : String.join(", ", (Iterable<String>) argument.completionCandidates());
        String defaultValue = String.valueOf(argument.defaultValueString());
        return java.util.Arrays.stream(argument.description())
                .map(line -> line.replace("${DEFAULT-VALUE}", defaultValue).replace("${COMPLETION-CANDIDATES}", candidates))
                .toArray(String[]::new);
    }

    private static String firstSentence(CommandSpec spec) {
        String[] description = spec.usageMessage().description();
        if (description.length == 0) {
            return spec.name();
        }
        String first = description[0];
        int end = first.indexOf(". ");
        return (end < 0 ? first : first.substring(0, end + 1)).replaceAll("\\.$", "");
    }

    private static String optionNames(OptionSpec option) {
        String names = java.util.Arrays.stream(option.names()).map(name -> "\\fB" + text(name) + "\\fR")
                .collect(Collectors.joining(", "));
        return option.typeInfo().isBoolean() && option.arity().max == 0 ? names
                : names + "=\\fI" + text(option.paramLabel()) + "\\fR";
    }

    private static void paragraphs(String[] lines, StringBuilder page) {
        paragraphs(lines, page, ".PP");
    }

    /**
     * Description lines as paragraphs, picocli's {@code %n} line breaks kept; {@code .IP} keeps an option's
     * later paragraphs under its name, as {@code .PP} would not.
     */
    private static void paragraphs(String[] lines, StringBuilder page, String macro) {
        boolean first = true;
        for (String line : lines) {
            if (!first) {
                page.append(macro).append('\n');
            }
            first = false;
            for (String part : line.split("%n|\n", -1)) {
                if (!part.isBlank()) {
                    page.append(text(part.strip())).append('\n');
                }
            }
        }
    }

    private static String quoted(String value) {
        return '"' + text(value).replace("\"", "\\(dq") + '"';
    }

    /**
     * Text as troff reads it literally: backslashes escaped, hyphens as minus signs (so options can be
     * copied), and a line that would start with a control character ({@code .} or {@code '}) protected.
     */
    static String text(String value) {
        String escaped = value.replace("\\", "\\e").replace("-", "\\-");
        return escaped.startsWith(".") || escaped.startsWith("'") ? "\\&" + escaped : escaped;
    }
}
