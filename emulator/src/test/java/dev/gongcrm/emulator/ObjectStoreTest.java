package dev.gongcrm.emulator;

import dev.gongcrm.validator.ObjectType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The on-disk store of objects: upserts, deletes, and batches of two requests that overlap. */
class ObjectStoreTest {

    @TempDir
    Path folder;

    @Test
    void overlappingBatchesShareOneTransactionAndLoseNothing() {
        try (ObjectStore store = new ObjectStore(folder.resolve("objects.db"))) {
            ObjectStore.Batch upload = store.batch();
            upload.put(ObjectType.DEAL, "d0", "{\"objectId\": \"d0\"}");
            try (ObjectStore.Batch stages = store.batch()) {
                stages.put(ObjectType.STAGE, "won", "{\"internalName\": \"won\"}");
            }
            for (int i = 1; i < 5_000; i++) {
                upload.put(ObjectType.DEAL, "d" + i, "{\"objectId\": \"d" + i + "\"}");
            }
            upload.delete(ObjectType.DEAL, "d7");
            upload.put(ObjectType.DEAL, "d8", "{\"objectId\": \"d8\", \"name\": \"again\"}");
            upload.close();

            assertEquals("d4999", store.get(ObjectType.DEAL, "d4999").path("objectId").asString());
            assertEquals("won", store.get(ObjectType.STAGE, "won").path("internalName").asString());
            assertNull(store.get(ObjectType.DEAL, "d7"));
            assertNull(store.get(ObjectType.ACCOUNT, "d1"), "types are apart");
            assertEquals("again", store.get(ObjectType.DEAL, "d8").path("name").asString());
            store.clear();
            assertNull(store.get(ObjectType.DEAL, "d1"));
        }
    }
}
