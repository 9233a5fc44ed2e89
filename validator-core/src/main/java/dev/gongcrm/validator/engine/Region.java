package dev.gongcrm.validator.engine;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The bytes of one region of a {@link RecordArena}, big-endian, wherever they are: on the heap, or mapped from
 * the arena's temporary file.
 */
abstract class Region {
    abstract int capacity();

    abstract byte get(int at);

    abstract void put(int at, byte value);

    abstract void put(int at, byte[] bytes);

    abstract void get(int at, byte[] into);

    abstract int getInt(int at);

    abstract void putInt(int at, int value);

    abstract long getLong(int at);

    abstract void putLong(int at, long value);

    /** Whether the bytes from {@code at} are {@code key[from, from + length)}. */
    abstract boolean holds(int at, byte[] key, int from, int length);

    static final class OnHeap extends Region {
        private final byte[] bytes;

        OnHeap(int size) {
            bytes = new byte[size];
        }

        @Override
        int capacity() {
            return bytes.length;
        }

        @Override
        byte get(int at) {
            return bytes[at];
        }

        @Override
        void put(int at, byte value) {
            bytes[at] = value;
        }

        @Override
        void put(int at, byte[] source) {
            System.arraycopy(source, 0, bytes, at, source.length);
        }

        @Override
        void get(int at, byte[] into) {
            System.arraycopy(bytes, at, into, 0, into.length);
        }

        @Override
        int getInt(int at) {
            return (int) read(at, Integer.BYTES);
        }

        @Override
        void putInt(int at, int value) {
            write(at, value, Integer.BYTES);
        }

        @Override
        long getLong(int at) {
            return read(at, Long.BYTES);
        }

        @Override
        void putLong(int at, long value) {
            write(at, value, Long.BYTES);
        }

        @Override
        boolean holds(int at, byte[] key, int from, int length) {
            return Arrays.equals(bytes, at, at + length, key, from, from + length);
        }

        private long read(int at, int width) {
            long value = 0;
            for (int i = 0; i < width; i++) {
                value = value << 8 | bytes[at + i] & 0xFF;
            }
            return value;
        }

        private void write(int at, long value, int width) {
            for (int i = width - 1; i >= 0; i--) {
                bytes[at + i] = (byte) value;
                value >>>= 8;
            }
        }
    }

    static final class Mapped extends Region {
        private final ByteBuffer buffer;

        Mapped(ByteBuffer buffer) {
            this.buffer = buffer;
        }

        @Override
        int capacity() {
            return buffer.capacity();
        }

        @Override
        byte get(int at) {
            return buffer.get(at);
        }

        @Override
        void put(int at, byte value) {
            buffer.put(at, value);
        }

        @Override
        void put(int at, byte[] source) {
            buffer.put(at, source);
        }

        @Override
        void get(int at, byte[] into) {
            buffer.get(at, into);
        }

        @Override
        int getInt(int at) {
            return buffer.getInt(at);
        }

        @Override
        void putInt(int at, int value) {
            buffer.putInt(at, value);
        }

        @Override
        long getLong(int at) {
            return buffer.getLong(at);
        }

        @Override
        void putLong(int at, long value) {
            buffer.putLong(at, value);
        }

        /** In small steps: keys of one length that differ early (ids of one hash, in a test) are told apart at once. */
        @Override
        boolean holds(int at, byte[] key, int from, int length) {
            byte[] step = new byte[Math.min(length, 64)];
            for (int done = 0; done < length; done += step.length) {
                int n = Math.min(step.length, length - done);
                buffer.get(at + done, step, 0, n);
                if (!Arrays.equals(step, 0, n, key, from + done, from + done + n)) {
                    return false;
                }
            }
            return true;
        }

        /** Unmaps the buffer now: its file's space is freed at once. Nothing may read it after. */
        void unmap() {
            Unmapping.unmap(buffer);
        }
    }

    /**
     * Unmapping a buffer at once, through the JDK's {@code sun.misc.Unsafe.invokeCleaner}; where a runtime
     * lacks it (a trimmed image) or warns of it (Java 24 and later), the buffer is unmapped when it is collected,
     * as any other. Loaded only by a run that mapped a file.
     */
    private static final class Unmapping {
        private static final java.lang.invoke.MethodHandle INVOKE_CLEANER = invokeCleaner();

        static void unmap(ByteBuffer mapped) {
            if (INVOKE_CLEANER == null) {
                return;
            }
            try {
                INVOKE_CLEANER.invokeExact(mapped);
            } catch (Throwable e) {
                // the buffer stays mapped until it is collected: its space is freed then
            }
        }

        /** Java 24 and later warn on standard error at its first call (JEP 498): there, regions wait for the collector. */
        private static final int LAST_RUNTIME_WITHOUT_WARNING = 23;

        private static java.lang.invoke.MethodHandle invokeCleaner() {
            if (Runtime.version().feature() > LAST_RUNTIME_WITHOUT_WARNING) {
                return null;
            }
            try {
                Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
                java.lang.reflect.Field theUnsafe = unsafeClass.getDeclaredField("theUnsafe");
                theUnsafe.setAccessible(true);
                return java.lang.invoke.MethodHandles.lookup().findVirtual(unsafeClass, "invokeCleaner",
                        java.lang.invoke.MethodType.methodType(void.class, ByteBuffer.class)).bindTo(theUnsafe.get(null));
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }
    }
}
