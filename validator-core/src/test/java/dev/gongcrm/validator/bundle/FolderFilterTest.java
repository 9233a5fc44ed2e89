package dev.gongcrm.validator.bundle;

import dev.gongcrm.validator.ValidationResult;
import dev.gongcrm.validator.Validator;
import dev.gongcrm.validator.report.ReportFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which files of a bundle folder a run takes: subfolders only when recursive, narrowed by include and exclude globs. */
class FolderFilterTest {

    @TempDir
    Path folder;

    private List<String> names(FolderFilter filter) throws Exception {
        return new BundleScanner(Map.of(), filter).scan(List.of(folder)).stream().map(BundleFile::name)
                .map(name -> folder.relativize(Path.of(name)).toString().replace('\\', '/')).toList();
    }

    @Test
    void subfoldersCountOnlyWhenRecursiveAndGlobsNarrowTheFiles() throws Exception {
        Files.writeString(folder.resolve("accounts.ldjson"), "{}\n");
        Files.writeString(folder.resolve("deal.schema.json"), "[]");
        Files.writeString(folder.resolve("README.md"), "notes");
        Files.createDirectories(folder.resolve("2024"));
        Files.writeString(folder.resolve("2024/deals.ldjson"), "{}\n");
        Files.writeString(folder.resolve("2024/leads.ldjson"), "{}\n");

        assertEquals(List.of("accounts.ldjson", "deal.schema.json"), names(FolderFilter.DEFAULT));
        assertEquals(List.of("2024/deals.ldjson", "2024/leads.ldjson", "accounts.ldjson", "deal.schema.json"),
                names(new FolderFilter(List.of(), List.of(), true)));
        assertEquals(List.of("2024/deals.ldjson", "accounts.ldjson"),
                names(new FolderFilter(List.of("**/deals.ldjson", "accounts.*"), List.of(), true)));
        assertEquals(List.of("2024/deals.ldjson", "accounts.ldjson", "deal.schema.json"),
                names(new FolderFilter(List.of(), List.of("**/leads*"), true)));
        assertEquals(List.of("accounts.ldjson"),
                names(new FolderFilter(List.of("*.ldjson"), List.of(), false)));
    }

    @Test
    void onlyAFilterWithoutGlobsOrSubfoldersIsTheDefault() {
        assertTrue(FolderFilter.DEFAULT.isDefault());
        assertTrue(new FolderFilter(List.of(), List.of(), false).isDefault());
        assertFalse(new FolderFilter(List.of(), List.of(), true).isDefault());
        assertFalse(new FolderFilter(List.of("*.ldjson"), List.of(), false).isDefault());
        assertFalse(new FolderFilter(List.of(), List.of("old/*"), false).isDefault());
    }

    @Test
    void filesThatAreNoBundleFileAreNamedOnceInTheSummaryUnlessNobodyExpectsThemChecked() throws Exception {
        Files.writeString(folder.resolve("accounts.ldjson"), "{\"objectId\": \"a\"}\n");
        Files.writeString(folder.resolve("export.csv"), "objectId\n");
        Files.writeString(folder.resolve("README.md"), "notes");
        Files.writeString(folder.resolve(".DS_Store"), "");
        Files.writeString(folder.resolve("gongcrm.json"), "{}");
        Files.createDirectories(folder.resolve(".gongcrm"));
        Files.writeString(folder.resolve(".gongcrm/ledger.db"), "");
        Files.createDirectories(folder.resolve("old"));
        Files.writeString(folder.resolve("old/notes.txt"), "");

        BundleScanner flat = new BundleScanner(Map.of());
        flat.scan(List.of(folder));
        assertEquals(List.of(folder.resolve("README.md"), folder.resolve("export.csv")), flat.skipped());

        BundleScanner recursive = new BundleScanner(Map.of(), new FolderFilter(List.of(), List.of("*.md"), true));
        recursive.scan(List.of(folder));
        assertEquals(List.of(folder.resolve("export.csv"), folder.resolve("old/notes.txt")), recursive.skipped(),
                "what the user excluded is not 'skipped'; hidden folders are not looked into");

        ValidationResult result = Validator.builder().build().validate(List.of(folder));
        assertTrue(ReportFormat.summary(result).endsWith(" 2 files skipped, not LDJSON (.ldjson, .jsonl, .ndjson) or "
                + ".schema.json: " + folder.resolve("README.md") + ", " + folder.resolve("export.csv") + "."),
                ReportFormat.summary(result));
        java.io.StringWriter json = new java.io.StringWriter();
        ReportFormat.JSON.writer().write(result, json);
        assertTrue(json.toString().contains("\"skipped\":[\"" + folder.resolve("README.md") + "\""), json.toString());
    }
}
