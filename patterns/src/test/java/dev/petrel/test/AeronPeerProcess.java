package dev.petrel.test;

import java.time.Duration;

import dev.petrel.Message;
import dev.petrel.Node;
import dev.petrel.PetrelException;
import dev.petrel.Replier;
import dev.petrel.Subscriber;
import dev.petrel.transport.TransportException;

/**
 * A subscriber or a replier in a process of its own, for tests that span two JVMs (an external media driver is
 * named by {@code -Daeron.dir}). {@code sub <endpoint> <n>} subscribes to {@code ticks.>} and prints
 * {@code received <n>} once it has n messages; {@code reply <endpoint> <n>} echoes requests on {@code echo} and
 * prints {@code answered <n>} after n of them. Prints {@code error: <message>} and exits with status 3 when the node
 * or the endpoint cannot be used.
 */
public final class AeronPeerProcess
{
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private AeronPeerProcess()
    {
    }

    /**
     * @param args the role ({@code sub} or {@code reply}), the endpoint to connect to, and how many messages.
     */
    public static void main(final String[] args)
    {
        final int expected = Integer.parseInt(args[2]);
        try (Node node = Node.create(Tests.fastContext()))
        {
            if ("sub".equals(args[0]))
            {
                System.out.println("received " + subscribe(node, args[1], expected));
            }
            else
            {
                System.out.println("answered " + reply(node, args[1], expected));
            }
        }
        catch (final PetrelException | TransportException ex)
        {
            System.out.println("error: " + ex.getMessage());
            System.exit(3);
        }
    }

    private static int subscribe(final Node node, final String endpoint, final int expected)
    {
        final Subscriber subscriber = node.subscriber();
        subscriber.subscribe("ticks.>");
        subscriber.connect(endpoint);
        int received = 0;
        while (received < expected)
        {
            final Message message = subscriber.receive(TIMEOUT);
            if (null == message)
            {
                break;
            }
            received++;
        }
        return received;
    }

    private static int reply(final Node node, final String endpoint, final int expected)
    {
        final java.util.concurrent.atomic.AtomicInteger answered = new java.util.concurrent.atomic.AtomicInteger();
        final Replier replier = node.replier().handle("echo", request ->
        {
            answered.incrementAndGet();
            return request;
        });
        replier.connect(endpoint);
        Tests.awaitQuietly(() -> answered.get() >= expected, TIMEOUT);
        return answered.get();
    }
}
