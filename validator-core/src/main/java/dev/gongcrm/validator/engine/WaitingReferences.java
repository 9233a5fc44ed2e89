package dev.gongcrm.validator.engine;

import dev.gongcrm.validator.ObjectType;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The references that wait until the files of their target type are read, kept as bytes in a
 * {@link RecordArena} per target type rather than as objects: a custom reference field to the object's
 * own type (a parent account) makes one per object, millions in a large bundle.
 */
final class WaitingReferences implements AutoCloseable {

    private final Path spillFolder;
    private final HeapAllowance allowance;
    private final FindingTarget findings;
    private final Map<ObjectType, RecordArena> byTarget = new EnumMap<>(ObjectType.class);
    /** File names, fields and target keys, which repeat: each kept once, a reference holds its number. */
    private final List<String> names = new ArrayList<>();
    private final Map<String, Integer> numbers = new HashMap<>();

    WaitingReferences(Path spillFolder, HeapAllowance allowance, FindingTarget findings) {
        this.spillFolder = spillFolder;
        this.allowance = allowance;
        this.findings = findings;
    }

    void add(ReferenceCheck check) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(number(check.file()));
            out.writeInt(number(check.field()));
            out.writeInt(number(check.targetKey()));
            RecordArena.writeNullable(out, check.objectId());
            out.write(RecordArena.encode(check.value()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byTarget.computeIfAbsent(check.target(), type -> new RecordArena(spillFolder, allowance))
                .append(bytes.toByteArray(), (long) check.line() << 32 | check.column() & 0xFFFFFFFFL);
    }

    /** Hands over the references to that type, in the order they came, and forgets them. */
    void drain(ObjectType target, Consumer<ReferenceCheck> action) throws IOException {
        RecordArena references = byTarget.remove(target);
        if (references == null) {
            return;
        }
        try (references) {
            references.forEach((lineAndColumn, bytes) -> {
                ByteBuffer in = ByteBuffer.wrap(bytes);
                String file = names.get(in.getInt());
                String field = names.get(in.getInt());
                String targetKey = names.get(in.getInt());
                String objectId = RecordArena.readNullable(in);
                String value = RecordArena.decode(bytes, in.position());
                action.accept(ReferenceCheck.of(findings, file, (int) (lineAndColumn >>> 32), (int) lineAndColumn,
                        objectId, field, value, target, targetKey));
            });
        }
    }

    @Override
    public void close() throws IOException {
        Closing.all(byTarget.values());
    }

    private int number(String name) {
        return numbers.computeIfAbsent(name, n -> {
            names.add(n);
            return names.size() - 1;
        });
    }
}
