package dev.petrel.test;

import java.util.function.IntSupplier;

import org.zeromq.ZMQ;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Connects a JeroMQ socket to a Petrel socket and makes sure the handshake happened.
 * <p>
 * JeroMQ 0.6.0 sometimes opens the TCP connection and then never sends its greeting (seen in about one connection
 * in ten here, against a silent plain {@code ServerSocket} as much as against Petrel), and that connection never
 * recovers. A test that waits on such a connection measures JeroMQ's bug, not Petrel: so when no Petrel peer
 * appears in time, this disconnects and connects again, a bounded number of times.
 */
public final class JeroMqLinks
{
    private static final int ATTEMPTS = 6;
    private static final long ATTEMPT_MS = 1_000;

    private JeroMqLinks()
    {
    }

    /**
     * @param socket      the JeroMQ socket.
     * @param endpoint    the Petrel endpoint it connects to.
     * @param petrelPeers the Petrel socket's {@code peerCount()}.
     */
    public static void connect(final ZMQ.Socket socket, final String endpoint, final IntSupplier petrelPeers)
    {
        final int before = petrelPeers.getAsInt();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++)
        {
            socket.connect(endpoint);
            final long deadline = System.currentTimeMillis() + ATTEMPT_MS;
            while (System.currentTimeMillis() < deadline)
            {
                if (petrelPeers.getAsInt() > before)
                {
                    return;
                }
                socket.getEvents();
                Thread.onSpinWait();
                Thread.yield();
            }
            socket.disconnect(endpoint);
        }
        fail("JeroMQ never completed a handshake with " + endpoint + " in " + ATTEMPTS + " attempts");
    }
}
