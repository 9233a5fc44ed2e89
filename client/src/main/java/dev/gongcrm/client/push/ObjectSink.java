package dev.gongcrm.client.push;

import dev.gongcrm.validator.ObjectType;

import java.nio.file.Path;

/** Told of each object as a push plans it: what {@code --results} reports one row for. */
interface ObjectSink {

    /** An object of the bundle, at its file and line, with what the ledger says of it. */
    void object(ObjectType type, String objectId, Path file, int line, ObjectIndex.Decision decision, long valueHash);

    /** An object Gong holds that the bundle no longer has, sent with isDeleted; {@code valueHash}: the deletion's. */
    void deleted(ObjectType type, String objectId, long valueHash);
}
