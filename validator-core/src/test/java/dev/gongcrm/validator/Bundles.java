package dev.gongcrm.validator;

import dev.gongcrm.validator.bundle.BundleFile;
import dev.gongcrm.validator.bundle.BundleScanner;
import dev.gongcrm.validator.bundle.FileKind;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Builds in-memory bundles from the "--- name" text form the rule examples use, and validates them. */
public final class Bundles {

    /** The folder prefix of example files that stand for earlier uploads (the ledger), not the bundle. */
    public static final String UPLOADED = "uploaded/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Bundles() {
    }

    /** The files of the bundle, without those under {@value #UPLOADED}, which stand for earlier uploads. */
    public static List<BundleFile> parse(String text) {
        return allFiles(text).stream().filter(f -> !f.name().startsWith(UPLOADED)).toList();
    }

    /**
     * The earlier uploads an example names: its files under {@value #UPLOADED} (a schema file is the
     * last uploaded schema of its type; an entity file's objects are held by Gong).
     */
    public static PriorUploads priorUploads(String text) {
        Map<ObjectType, List<PriorUploads.KnownObject>> objects = new EnumMap<>(ObjectType.class);
        Map<ObjectType, PriorUploads.UploadedSchema> schemas = new EnumMap<>(ObjectType.class);
        for (BundleFile file : allFiles(text)) {
            if (!file.name().startsWith(UPLOADED)) {
                continue;
            }
            try (InputStream in = file.opener().open()) {
                if (file.kind() == FileKind.SCHEMA) {
                    List<String> names = new ArrayList<>();
                    String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    for (JsonNode field : JSON.readTree(json)) {
                        if (!field.path("isDeleted").asBoolean(false)) {
                            names.add(field.path("uniqueName").asString());
                        }
                    }
                    schemas.put(file.type(), new PriorUploads.UploadedSchema(names, "2024-06-01T00:00:00Z", json));
                } else {
                    List<PriorUploads.KnownObject> known = objects.computeIfAbsent(file.type(), t -> new ArrayList<>());
                    for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                        JsonNode object = JSON.readTree(line);
                        Map<String, String> values = new HashMap<>();
                        for (String unique : List.of("internalName", "emailAddress")) {
                            if (object.path(unique).isString()) {
                                values.put(unique, object.path(unique).asString());
                            }
                        }
                        known.add(new PriorUploads.KnownObject(object.path("objectId").asString(),
                                object.path("internalName").asString(null), object.path("isDeleted").asBoolean(false),
                                !object.path("isActive").asBoolean(true), values));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return PriorUploads.of(objects, schemas);
    }

    private static List<BundleFile> allFiles(String text) {
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
        FileKind kind = Objects.requireNonNullElse(FileKind.fromFileName(name), FileKind.ENTITIES);
        return BundleFile.of(name, kind, BundleScanner.typeFromName(name.substring(name.lastIndexOf('/') + 1), kind)
                .orElse(null), text.getBytes(StandardCharsets.UTF_8));
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
