package dev.petrel.test;

import java.time.Duration;

import dev.petrel.Message;
import dev.petrel.Node;
import dev.petrel.PetrelException;
import dev.petrel.Puller;
import dev.petrel.transport.TransportException;

/**
 * A puller in a process of its own, for tests that span two JVMs: connects to the endpoint given, prints
 * {@code received <n>} once it has the number of messages given, and exits. Prints {@code error: <message>} and
 * exits with status 3 when the node or the endpoint cannot be used.
 */
public final class AeronPullerProcess
{
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private AeronPullerProcess()
    {
    }

    /**
     * @param args the endpoint to connect to, and how many messages to wait for.
     */
    public static void main(final String[] args)
    {
        final int expected = Integer.parseInt(args[1]);
        try (Node node = Node.create(Tests.fastContext()))
        {
            final Puller puller = node.puller();
            puller.connect(args[0]);
            int received = 0;
            while (received < expected)
            {
                final Message message = puller.receive(TIMEOUT);
                if (null == message)
                {
                    break;
                }
                received++;
            }
            System.out.println("received " + received);
        }
        catch (final PetrelException | TransportException ex)
        {
            System.out.println("error: " + ex.getMessage());
            System.exit(3);
        }
    }
}
