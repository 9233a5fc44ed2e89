package dev.gongcrm.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every relative link of the README and the docs/ pages leads somewhere: {@code [text](path)} to a file or
 * folder of the repository, {@code [text](path#anchor)} and {@code [text](#anchor)} to a heading of that
 * Markdown file, named by GitHub's heading slugs. Links in code (fenced blocks, {@code `spans`}) are text, not
 * links; http(s) and other absolute URLs are not followed.
 */
class DocsLinksTest {

    private static final Path ROOT = Path.of("..");

    /** An inline link or image, its target optionally in angle brackets and followed by a title. */
    private static final Pattern LINK = Pattern.compile("!?\\[([^\\]]*)\\]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    /** A reference definition: {@code [name]: target}. */
    private static final Pattern DEFINITION = Pattern.compile("(?m)^ {0,3}\\[[^\\]]+\\]:\\s*<?([^\\s>]+)>?");
    private static final Pattern ATX_HEADING = Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$");
    private static final Pattern SETEXT_UNDERLINE = Pattern.compile("^ {0,3}(=+|-+)[ \\t]*$");
    private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:name|id)=\"([^\"]+)\"");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    /** GitHub's anchor of a heading: its text without markup, lower case, punctuation but '-' and '_' dropped, spaces to '-'. */
    static String slug(String heading) {
        String text = heading
                .replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1")   // a link or image: its text
                .replaceAll("<[^>]+>", "")                            // HTML tags
                .replace("`", "");
        return text.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{M}\\p{N}\\p{Pc} -]", "").replace(' ', '-');
    }

    /** The text with fenced code blocks blanked, their lines kept so that line numbers stay. */
    private static List<String> outsideFences(String markdown) {
        List<String> lines = new ArrayList<>();
        String fence = null;
        for (String line : markdown.split("\n", -1)) {
            String trimmed = line.stripLeading();
            boolean indentedLittle = line.length() - trimmed.length() <= 3;
            if (fence == null && indentedLittle && (trimmed.startsWith("```") || trimmed.startsWith("~~~"))) {
                char mark = trimmed.charAt(0);
                int length = 0;
                while (length < trimmed.length() && trimmed.charAt(length) == mark) {
                    length++;
                }
                fence = String.valueOf(mark).repeat(length);
                lines.add("");
            } else if (fence != null) {
                char mark = fence.charAt(0);
                if (indentedLittle && trimmed.startsWith(fence) && trimmed.strip().chars().allMatch(c -> c == mark)) {
                    fence = null;
                }
                lines.add("");
            } else {
                lines.add(line);
            }
        }
        return lines;
    }

    /** The anchors of a Markdown text: its headings' slugs (a repeated one numbered -1, -2...) and HTML anchors. */
    static Set<String> anchors(String markdown) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        List<String> lines = outsideFences(markdown);
        for (int i = 0; i < lines.size(); i++) {
            String heading = null;
            Matcher atx = ATX_HEADING.matcher(lines.get(i));
            if (atx.matches()) {
                heading = atx.group(2) == null ? "" : atx.group(2);
            } else if (i + 1 < lines.size() && !lines.get(i).isBlank() && SETEXT_UNDERLINE.matcher(lines.get(i + 1)).matches()
                    && (i == 0 || lines.get(i - 1).isBlank()) && !lines.get(i).strip().startsWith("|")) {
                heading = lines.get(i).strip();
            }
            if (heading != null) {
                String slug = slug(heading);
                int count = seen.merge(slug, 1, Integer::sum);
                anchors.add(count == 1 ? slug : slug + "-" + (count - 1));
            }
            Matcher html = HTML_ANCHOR.matcher(lines.get(i));
            while (html.find()) {
                anchors.add(html.group(1));
            }
        }
        return anchors;
    }

    /** The text outside code: fenced blocks and code spans blanked, line breaks kept. */
    private static String prose(String markdown) {
        String text = String.join("\n", outsideFences(markdown));
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) != '`') {
                out.append(text.charAt(i++));
                continue;
            }
            int run = 0;
            while (i + run < text.length() && text.charAt(i + run) == '`') {
                run++;
            }
            int close = closingRun(text, i + run, run);
            if (close < 0) {
                out.append("`".repeat(run));
                i += run;
                continue;
            }
            text.substring(i, close + run).chars().filter(c -> c == '\n').forEach(c -> out.append('\n'));
            i = close + run;
        }
        return out.toString();
    }

    /** Where the next run of exactly {@code run} backticks starts, from {@code from}, or -1. */
    private static int closingRun(String text, int from, int run) {
        int i = from;
        while (i < text.length()) {
            if (text.charAt(i) != '`') {
                i++;
                continue;
            }
            int length = 0;
            while (i + length < text.length() && text.charAt(i + length) == '`') {
                length++;
            }
            if (length == run) {
                return i;
            }
            i += length;
        }
        return -1;
    }

    private static String name(Path root, Path file) {
        return root.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString()
                .replace('\\', '/');
    }

    /** The relative link targets of a Markdown text, each with the offset where its link starts. */
    private static Map<Integer, String> relativeLinks(String text) {
        Map<Integer, String> links = new TreeMap<>();
        Matcher link = LINK.matcher(text);
        while (link.find()) {
            links.put(link.start(), link.group(2));
        }
        Matcher definition = DEFINITION.matcher(text);
        while (definition.find()) {
            links.put(definition.start(), definition.group(1));
        }
        links.values().removeIf(target -> SCHEME.matcher(target).find());   // http(s), mailto...: not followed
        return links;
    }

    /** The links of {@code page} (a file under {@code root}) that lead nowhere, each as "page:line: target: why". */
    static List<String> brokenLinks(Path root, Path page) throws IOException {
        String text = prose(Files.readString(page));
        Path top = root.toAbsolutePath().normalize();
        List<String> broken = new ArrayList<>();
        for (Map.Entry<Integer, String> link : relativeLinks(text).entrySet()) {
            String target = link.getValue();
            int line = 1 + (int) text.substring(0, link.getKey()).chars().filter(c -> c == '\n').count();
            String where = name(root, page) + ":" + line + ": " + target + ": ";
            int hash = target.indexOf('#');
            String path = URLDecoder.decode(hash < 0 ? target : target.substring(0, hash), StandardCharsets.UTF_8);
            String anchor = hash < 0 ? null : URLDecoder.decode(target.substring(hash + 1), StandardCharsets.UTF_8);
            if (path.isEmpty() && anchor == null) {
                broken.add(where + "an empty link");
                continue;
            }
            Path file = path.isEmpty() ? page : page.toAbsolutePath().getParent().resolve(path).normalize();
            if (!file.toAbsolutePath().normalize().startsWith(top)) {
                broken.add(where + "outside the repository");
            } else if (!Files.exists(file)) {
                broken.add(where + "no such file");
            } else if (anchor != null && !file.getFileName().toString().endsWith(".md")) {
                broken.add(where + "an anchor into a file that is not Markdown");
            } else if (anchor != null && !anchors(Files.readString(file)).contains(anchor)) {
                broken.add(where + "no heading of " + name(root, file) + " has the anchor '" + anchor + "'");
            }
        }
        return broken;
    }

    /** The README and every page of docs/. */
    private static List<Path> pages(Path root) throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(root.resolve("README.md"));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(file -> file.getFileName().toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    @Test
    void everyRelativeLinkOfTheDocsLeadsToAFileAndHeadingThatExist() throws IOException {
        List<String> broken = new ArrayList<>();
        int links = 0;
        for (Path page : pages(ROOT)) {
            links += relativeLinks(prose(Files.readString(page))).size();
            broken.addAll(brokenLinks(ROOT, page));
        }
        assertEquals(List.of(), broken);
        assertTrue(links > 50, "the README's and the docs pages' links are read (" + links + ")");
    }

    @Test
    void theReadmeLinksEveryPageOfTheDocs() throws IOException {
        String readme = prose(Files.readString(ROOT.resolve("README.md")));
        Set<String> linked = LINK.matcher(readme).results().map(link -> link.group(2).split("#", 2)[0])
                .collect(Collectors.toSet());
        List<String> unlinked = pages(ROOT).stream().skip(1).map(page -> "docs/" + page.getFileName())
                .filter(page -> !linked.contains(page)).toList();
        assertEquals(List.of(), unlinked, "the README's Read on links every page");
    }

    @Test
    void headingsTakeGitHubsSlugs() {
        assertEquals("install-without-a-checkout-java-17-only", slug("Install without a checkout (Java 17+ only)"));
        assertEquals("one-configuration-for-the-command-line-and-the-maven-plugin-gongcrmjson",
                slug("One configuration for the command line and the Maven plugin: `gongcrm.json`"));
        assertEquals("in-the-projects-site-gongcrmreport", slug("In the project's site: `gongcrm:report`"));
        assertEquals("snake_case---and-links", slug("snake_case - and [links](elsewhere.md)"));
        assertEquals(Set.of("faults", "faults-1", "setext", "by-hand"),
                anchors("# Faults\n\n```\n# not a heading\n```\n## Faults\n\nSetext\n------\n\n<a id=\"by-hand\"></a>\n"));
    }

    @Test
    void aBrokenLinkOrAnchorIsCaught(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("README.md"), String.join("\n",
                "# Tool",
                "",
                "## Install (Java 17+ only)",
                "",
                "See [install](#install-java-17-only), [the page](docs/page.md#its-own-heading), [docs](docs),",
                "[gone](docs/gone.md), [no such heading](docs/page.md#nowhere) and [here](#nothing-here);",
                "[web](https://example.com/gone#nowhere), `[in code](docs/also-gone.md)` and",
                "```text",
                "[in a block](docs/gone-too.md)",
                "```",
                "a [link over",
                "two lines](#tool-1) and [a reference][ref].",
                "",
                "[ref]: docs/missing.md",
                ""));
        Files.writeString(root.resolve("docs/page.md"), String.join("\n",
                "# Page",
                "",
                "## Its own `heading`",
                "",
                "Back to [the top](../README.md#tool), [out](../../outside.md), [the file](page.md#its-own-heading).",
                ""));
        assertEquals(List.of(
                "README.md:6: docs/gone.md: no such file",
                "README.md:6: docs/page.md#nowhere: no heading of docs/page.md has the anchor 'nowhere'",
                "README.md:6: #nothing-here: no heading of README.md has the anchor 'nothing-here'",
                "README.md:11: #tool-1: no heading of README.md has the anchor 'tool-1'",
                "README.md:14: docs/missing.md: no such file"), brokenLinks(root, root.resolve("README.md")));
        assertEquals(List.of("docs/page.md:5: ../../outside.md: outside the repository"),
                brokenLinks(root, root.resolve("docs/page.md")));
    }
}
