package dev.gongcrm.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.gongcrm.cli.Run.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A new user's first hour: a deals export of a CRM Gong has no connector for (prefixed headers, datetimes
 * without a zone, US numbers, a status column, custom columns), beside a bundle of accounts, users and
 * stages, becomes a bundle that validates with no error by 'convert csv' without a mapping, 'schema infer
 * --write', and 'convert csv' again (the schema file now types the custom columns).
 */
class FromAnExportTest {

    @TempDir
    Path folder;

    @Test
    void aCrmExportBecomesABundleThatValidatesWithoutAMappingOrASchemaWrittenByHand() throws Exception {
        for (String name : List.of("accounts.ldjson", "users.ldjson", "stages.ldjson")) {
            Files.copy(Path.of("..", "examples", "valid-bundle", name), folder.resolve(name));
        }
        StringBuilder csv = new StringBuilder("\"Deal - ID\",\"Deal - Title\",\"Deal - Value\",\"Deal - Organization ID\","
                + "\"Deal - Owner ID\",\"Deal - Stage\",\"Deal - Status\",\"Deal - Expected close date\","
                + "\"Deal - Deal created\",\"Deal - Update time\",\"Deal - Probability\",\"Deal - Label\"\n");
        String[] statuses = {"open", "won", "lost", "Open"};
        String[] labels = {"Hot", "Cold", "Hot", "Warm"};
        for (int i = 0; i < 8; i++) {
            csv.append(i + 1).append(",Deal ").append(i).append(",\"1").append(i).append(",000.50\",5ybyh6n6n65,")
                    .append("user1_Id_In_The_CRM,").append(stage()).append(',').append(statuses[i % 4])
                    .append(",2024-10-0").append(i + 1).append(",2024-01-02 09:00:00,2024-03-0").append(i + 1)
                    .append(" 10:30:00,").append(i * 10).append(',').append(labels[i % 4]).append('\n');
        }
        Path export = Files.writeString(folder.resolve("deals.csv"), csv);

        Run first = run("convert", "csv", export.toString(), "--type", "DEAL", "--zone", "Europe/Berlin");
        assertTrue(first.err().contains("column 'Deal - Update time' -> modifiedDate (a name exports use for it), "
                + "datetimes as yyyy-MM-dd HH:mm:ss, taken in Europe/Berlin"), first.err());
        assertTrue(first.err().contains("column 'Deal - Status' -> a deal's status (open, won or lost), written as isOpen and isWon"), first.err());

        Run inferred = run("schema", "infer", folder.toString(), "--write");
        assertEquals(0, inferred.exit(), inferred.err());
        assertTrue(inferred.out().contains("probability              PERCENT"), inferred.out());
        assertTrue(inferred.out().contains("label                    PICKLIST"), inferred.out());
        String schema = Files.readString(folder.resolve("deal.schema.json"));
        assertTrue(schema.contains("\"orderedValueList\": [\"Hot\", \"Cold\", \"Warm\"]"), schema);

        Run again = run("convert", "csv", export.toString(), "--type", "DEAL", "--zone", "Europe/Berlin");
        String deals = Files.readString(folder.resolve("deals.ldjson"));
        assertTrue(deals.contains("\"amount\":10000.5") && deals.contains("\"isOpen\":false,\"isWon\":true")
                && deals.contains("\"modifiedDate\":\"2024-03-01T10:30:00+01:00\"") && deals.contains("\"probability\":0"),
                deals);
        Run validate = run("validate", folder.toString());
        assertEquals(0, validate.exit(), again.err() + validate.out());
        assertTrue(validate.out().startsWith("No problems found"), validate.out());
    }

    private static String stage() throws java.io.IOException {
        String first = Files.readAllLines(Path.of("..", "examples", "valid-bundle", "stages.ldjson")).get(0);
        return first.replaceAll(".*\"internalName\": \"([^\"]+)\".*", "$1");
    }
}
