package dev.gongcrm.validator.read;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Arbitrary bytes read as an LDJSON file with the flat scanner and with Jackson alone: the records
 * and problems must be the same, field by field. In {@code mvn verify} it runs on its regression
 * inputs ({@code src/test/resources/dev/gongcrm/validator/read/FlatObjectScannerFuzzTestInputs/});
 * to fuzz it, see {@code dev.gongcrm.validator.fuzz.Fuzzing}, with {@code -Dtest='FlatObjectScannerFuzzTest'}.
 */
class FlatObjectScannerFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void readsWhatJacksonReads(byte[] input) throws Exception {
        FlatObjectScannerTest.assertSameAsJackson(input);
    }
}
