package dev.gongcrm.validator.engine;

import dev.gongcrm.validator.rules.FirstHolder;
import dev.gongcrm.validator.schema.TypeSpec;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The values of the unique fields ({@code x-gong-unique}: a stage's internalName, a user's
 * emailAddress) that objects hold: the first object of the bundle to give each, across its files, and
 * the live objects Gong holds from earlier pushes. The same value under two ids is what Gong resolves
 * to one of them, or refuses.
 *
 * <p>Kept as the id index keeps ids: each value in an {@link IdMap} per type and field, its holder (file,
 * line, objectId, the value as written) as bytes in a {@link RecordArena}, made an object again only when
 * a later object gives the same value.
 */
final class UniqueValues implements AutoCloseable {

    private static final int EARLIER_PUSH = -1;

    private final Path spillFolder;
    private final HeapAllowance allowance;
    /** Per type and field, each value (lower-cased where the field ignores case) to the address of its holder. */
    private final Map<String, IdMap> inBundle = new HashMap<>();
    private final Map<String, IdMap> earlier = new HashMap<>();
    private final RecordArena holders;
    private final List<String> files = new ArrayList<>();
    private final Map<String, Integer> fileNumbers = new HashMap<>();

    UniqueValues(Path spillFolder, HeapAllowance allowance) {
        this.spillFolder = spillFolder;
        this.allowance = allowance;
        this.holders = new RecordArena(spillFolder, allowance);
    }

    /** A value a live object holds in Gong from an earlier push. */
    void heldEarlier(TypeSpec spec, String field, String value, String objectId) {
        IdMap values = values(earlier, spec, field);
        String key = key(spec, field, value);
        if (values.get(key) == IdMap.ABSENT) {
            values.put(key, holders.append(holder(EARLIER_PUSH, objectId, value), 0));
        }
    }

    /**
     * Records the object as the holder of its value unless an earlier object of the bundle holds it, and
     * returns the holder with another id: that object of the bundle, else, for the first of the bundle to
     * give the value, an object of an earlier push that holds it (which the bundle may still send again
     * with another value, or delete); null when there is none.
     */
    FirstHolder claim(TypeSpec spec, String field, String value, String file, int line, String objectId) {
        IdMap values = values(inBundle, spec, field);
        String key = key(spec, field, value);
        long first = values.get(key);
        if (first == IdMap.ABSENT) {
            values.put(key, holders.append(holder(fileNumber(file), objectId, value), line));
            IdMap held = earlier.get(mapKey(spec, field));
            first = held == null ? IdMap.ABSENT : held.get(key);
        }
        if (first == IdMap.ABSENT) {
            return null;
        }
        FirstHolder holder = holderAt(first);
        return Objects.equals(holder.objectId(), objectId) ? null : holder;
    }

    @Override
    public void close() throws IOException {
        List<AutoCloseable> all = new ArrayList<>(inBundle.values());
        all.addAll(earlier.values());
        all.add(holders);
        Closing.all(all);
    }

    private IdMap values(Map<String, IdMap> maps, TypeSpec spec, String field) {
        return maps.computeIfAbsent(mapKey(spec, field), k -> new IdMap(spillFolder, allowance));
    }

    private static String mapKey(TypeSpec spec, String field) {
        return spec.type() + "/" + field;
    }

    private static String key(TypeSpec spec, String field, String value) {
        return spec.field(field).format().ignoresCase() ? value.toLowerCase(Locale.ROOT) : value;
    }

    private int fileNumber(String file) {
        return fileNumbers.computeIfAbsent(file, f -> {
            files.add(f);
            return files.size() - 1;
        });
    }

    /** A holder's record: its file's number, its objectId (may be null), the value. */
    private static byte[] holder(int file, String objectId, String value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(file);
            RecordArena.writeNullable(out, objectId);
            out.write(RecordArena.encode(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private FirstHolder holderAt(long address) {
        byte[] record = holders.key(address);
        ByteBuffer in = ByteBuffer.wrap(record);
        int file = in.getInt();
        String objectId = RecordArena.readNullable(in);
        String value = RecordArena.decode(record, in.position());
        return file == EARLIER_PUSH ? FirstHolder.earlierPush(value, objectId)
                : new FirstHolder(value, files.get(file), (int) holders.value(address), objectId);
    }
}
