package dev.petrel.bench;

import java.io.File;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import dev.petrel.transport.AeronDriverDefaults;
import io.aeron.Aeron;
import io.aeron.CommonContext;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import org.agrona.CloseHelper;
import org.agrona.IoUtil;
import org.agrona.concurrent.AgentInvoker;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.NoOpIdleStrategy;

/**
 * A raw Aeron "node" set up as a Petrel node sets up its Aeron media: an embedded media driver in
 * {@link ThreadingMode#INVOKER} mode in its own directory, with the same {@link AeronDriverDefaults}, and a client
 * with its conductor invoker, both run from one duty thread with the idle strategy the Petrel node uses. The duty
 * thread also runs the caller's extra work (the pong or the receiving poll). Publications and subscriptions are
 * added on the calling thread before the duty thread starts; afterwards the calling thread may only offer and poll.
 */
final class RawAeronNode implements AutoCloseable
{
    private static final long LINGER_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(2);

    private final File directory;
    private final MediaDriver driver;
    private final Aeron aeron;
    private final AgentInvoker driverInvoker;
    private final AgentInvoker clientInvoker;
    private final IdleStrategy idle;
    private Thread duty;
    private volatile boolean running = true;

    RawAeronNode(final String idleSetting)
    {
        directory = new File(CommonContext.getAeronDirectoryName() + "-bench-" + UUID.randomUUID());
        AeronDriverDefaults.apply();
        driver = MediaDriver.launch(new MediaDriver.Context()
            .aeronDirectoryName(directory.getPath())
            .threadingMode(ThreadingMode.INVOKER)
            .asyncExecutorEnabled(false)
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true)
            .warnIfDirectoryExists(false)
            .termBufferSparseFile(true)
            .imageLivenessTimeoutNs(LINGER_TIMEOUT_NS)
            .publicationConnectionTimeoutNs(LINGER_TIMEOUT_NS));
        driverInvoker = driver.sharedAgentInvoker();
        try
        {
            aeron = Aeron.connect(new Aeron.Context()
                .aeronDirectoryName(directory.getPath())
                .useConductorAgentInvoker(true)
                .driverAgentInvoker(driverInvoker)
                .awaitingIdleStrategy(NoOpIdleStrategy.INSTANCE));
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietClose(driver);
            IoUtil.delete(directory, true);
            throw ex;
        }
        clientInvoker = aeron.conductorAgentInvoker();
        idle = RawAeronIdle.forSetting(idleSetting);
    }

    Aeron aeron()
    {
        return aeron;
    }

    /**
     * Runs the driver and client until every publication and subscription given is connected.
     *
     * @param timeout how long that may take.
     * @param publications the publications.
     * @param subscriptions the subscriptions.
     * @throws IllegalStateException at the timeout.
     */
    void awaitConnected(final Duration timeout, final Publication[] publications, final Subscription[] subscriptions)
    {
        final long deadlineNs = System.nanoTime() + timeout.toNanos();
        while (!allConnected(publications, subscriptions))
        {
            if (System.nanoTime() - deadlineNs > 0)
            {
                throw new IllegalStateException("raw Aeron streams did not connect within " + timeout.toMillis() +
                    " ms");
            }
            if (0 == doWork())
            {
                Thread.yield();
            }
        }
    }

    private static boolean allConnected(final Publication[] publications, final Subscription[] subscriptions)
    {
        for (final Publication publication : publications)
        {
            if (!publication.isConnected())
            {
                return false;
            }
        }
        for (final Subscription subscription : subscriptions)
        {
            if (!subscription.isConnected())
            {
                return false;
            }
        }
        return true;
    }

    private int doWork()
    {
        return driverInvoker.invoke() + clientInvoker.invoke();
    }

    /**
     * Starts the duty thread.
     *
     * @param work the caller's work per duty cycle, returning how much it did.
     */
    void start(final IntSupplier work)
    {
        duty = new Thread(() ->
        {
            while (running)
            {
                idle.idle(doWork() + work.getAsInt());
            }
        }, "raw-aeron-duty");
        duty.setDaemon(true);
        duty.start();
    }

    /**
     * @return true while the duty thread has not been asked to stop.
     */
    boolean isRunning()
    {
        return running;
    }

    @Override
    public void close()
    {
        running = false;
        if (null != duty)
        {
            try
            {
                duty.join(TimeUnit.SECONDS.toMillis(5));
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
        CloseHelper.closeAll(aeron, driver);
        IoUtil.delete(directory, true);
    }
}
