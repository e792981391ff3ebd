package dev.petrel;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * The producer ID of a durable pusher: a random non-zero 64-bit number kept in {@value #FILE_NAME} in the log
 * directory, so it survives restarts and receivers keep dropping what they already processed.
 */
final class ProducerIdFile
{
    static final String FILE_NAME = "producer.id";

    private ProducerIdFile()
    {
    }

    static long loadOrCreate(final Path logDir)
    {
        final Path file = logDir.resolve(FILE_NAME);
        try
        {
            if (Files.exists(file))
            {
                final byte[] bytes = Files.readAllBytes(file);
                if (Long.BYTES == bytes.length)
                {
                    return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
                }
            }
            return create(logDir, file);
        }
        catch (final IOException ex)
        {
            throw new PetrelException("cannot keep the producer ID in " + file, ex);
        }
    }

    private static long create(final Path logDir, final Path file) throws IOException
    {
        final SecureRandom random = new SecureRandom();
        long id;
        do
        {
            id = random.nextLong();
        }
        while (0 == id);
        final Path temp = logDir.resolve(FILE_NAME + ".tmp");
        try (FileChannel channel = FileChannel.open(
            temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE))
        {
            final ByteBuffer buffer = ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).putLong(0, id);
            while (buffer.hasRemaining())
            {
                channel.write(buffer);
            }
            channel.force(true);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel dir = FileChannel.open(logDir, StandardOpenOption.READ))
        {
            dir.force(true);
        }
        return id;
    }
}
