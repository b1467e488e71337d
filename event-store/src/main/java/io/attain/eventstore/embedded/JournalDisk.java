package io.attain.eventstore.embedded;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * How the journal's writer thread reaches the disk: {@link #REAL} writes and {@code fdatasync}s the file channel;
 * another implementation may add latency or fail as a full disk does (the store's own failure tests use that).
 */
public interface JournalDisk {

    JournalDisk REAL = new JournalDisk() {
    };

    default void write(FileChannel channel, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    default void force(FileChannel channel) throws IOException {
        channel.force(false);
    }
}
