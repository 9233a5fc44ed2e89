package dev.gongcrm.validator;

import dev.gongcrm.validator.bundle.BundleFile;
import dev.gongcrm.validator.bundle.FileKind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds in-memory bundles from the "--- name" text form the rule examples use, and validates them. */
public final class Bundles {

    private Bundles() {
    }

    public static List<BundleFile> parse(String text) {
        List<BundleFile> files = new ArrayList<>();
        String name = null;
        StringBuilder content = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("--- ")) {
                if (name != null) {
                    files.add(file(name, content.toString()));
                }
                name = line.substring(4).trim();
                content.setLength(0);
            } else if (name != null) {
                content.append(line).append('\n');
            }
        }
        if (name != null) {
            files.add(file(name, content.toString()));
        }
        return files;
    }

    /** A file named {@code name} holding {@code content}; a trailing lone newline is dropped. */
    public static BundleFile file(String name, String content) {
        String text = content.endsWith("\n\n") ? content.substring(0, content.length() - 1) : content;
        if (text.equals("\n")) {
            text = "";
        }
        FileKind kind = FileKind.fromFileName(name);
        String typeName = kind == FileKind.SCHEMA ? name.substring(0, name.length() - ".schema.json".length()) : name;
        return BundleFile.of(name, kind == null ? FileKind.ENTITIES : kind,
                ObjectType.fromFileName(typeName).orElse(null), text.getBytes(StandardCharsets.UTF_8));
    }

    public static ValidationResult validate(Validator validator, String bundle) {
        try {
            return validator.validateFiles(parse(bundle));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ValidationResult validate(String bundle) {
        return validate(Validator.builder().build(), bundle);
    }

    public static List<Finding> findings(String bundle, String rule) {
        return validate(bundle).findings().stream().filter(f -> f.rule().equals(rule)).toList();
    }
}
