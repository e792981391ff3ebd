package dev.petrel.transport;

import org.agrona.nio.TransportPoller;

/**
 * The JVM-wide setting Petrel gives an embedded Aeron media driver unless the application set it: how many UDP
 * sockets a driver's transport poller reads one by one, each with its own receive system call, before it asks
 * epoll which ones have data instead (Agrona's {@value #ITERATION_THRESHOLD_PROP_NAME}, default 5).
 * <p>
 * Every Petrel link has a channel each way, so a node's driver polls about twice the sockets of a raw Aeron
 * stream, every duty cycle, on the node's one I/O thread; an empty receive costs about 400 ns on the 2-core build
 * machine. With the threshold at {@value #ITERATION_THRESHOLD_DEFAULT}, Aeron UDP ping-pong p50 between two Petrel
 * links in one node went from 1.36-1.64x to 1.02-1.16x raw Aeron's with the same setting (three interleaved runs
 * each), with UDP throughput unchanged within the noise. The property is read once per JVM, when the first driver
 * starts, so it applies to every driver in the process.
 */
public final class AeronDriverDefaults
{
    /** Agrona's system property for the iteration threshold. */
    public static final String ITERATION_THRESHOLD_PROP_NAME = TransportPoller.ITERATION_THRESHOLD_PROP_NAME;
    /** Petrel's value for it. */
    public static final int ITERATION_THRESHOLD_DEFAULT = 2;

    private AeronDriverDefaults()
    {
    }

    /**
     * Sets the iteration threshold for this JVM unless the application set it; call before the first media driver
     * starts.
     */
    public static void apply()
    {
        if (null == System.getProperty(ITERATION_THRESHOLD_PROP_NAME))
        {
            System.setProperty(ITERATION_THRESHOLD_PROP_NAME, Integer.toString(ITERATION_THRESHOLD_DEFAULT));
        }
    }
}
