package dev.petrel.test;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import dev.petrel.Message;
import dev.petrel.Node;

/**
 * A durable puller in a process of its own, for crash tests: connects to the endpoint given and appends each
 * number it processes to the output file as a line, written to the file before the message is acknowledged,
 * until it is killed. As the durable puller's contract asks, processing a message marked
 * {@link Message#redelivered() redelivered} first checks whether its line is already in the file, since the
 * previous process may have been killed after writing it and before recording it as processed.
 */
public final class DurableReceiverProcess
{
    private static final long PROCESSING_NS = TimeUnit.MILLISECONDS.toNanos(2);

    private DurableReceiverProcess()
    {
    }

    /**
     * @param args state directory, endpoint to connect to, output file.
     * @throws IOException          when the output file cannot be opened.
     * @throws InterruptedException never in practice: the process waits until it is killed.
     */
    public static void main(final String[] args) throws IOException, InterruptedException
    {
        final Path output = Path.of(args[2]);
        try (FileOutputStream out = new FileOutputStream(output.toFile(), true);
            Node node = Node.create(Tests.fastContext()))
        {
            node.puller().durable("crash-receiver", Path.of(args[0])).handler(message ->
            {
                try
                {
                    final String line = message.payloadAsString();
                    if (message.redelivered() && Files.readAllLines(output).contains(line))
                    {
                        System.out.println("redelivered " + line + " was processed before");
                        return;
                    }
                    out.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    // Processing goes on after its side effect, so that kills land between the line and the
                    // journal record that says the message was processed.
                    LockSupport.parkNanos(PROCESSING_NS);
                }
                catch (final IOException ex)
                {
                    throw new UncheckedIOException(ex);
                }
            }).connect(args[1]);
            new CountDownLatch(1).await();
        }
    }
}
