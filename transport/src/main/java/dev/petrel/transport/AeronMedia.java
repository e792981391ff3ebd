package dev.petrel.transport;

import java.io.File;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.aeron.Aeron;
import io.aeron.CommonContext;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import org.agrona.CloseHelper;
import org.agrona.ErrorHandler;
import org.agrona.IoUtil;
import org.agrona.concurrent.AgentInvoker;
import org.agrona.concurrent.NoOpIdleStrategy;

/**
 * The Aeron client of one node and, unless the node names an external driver's directory (by default the system
 * property {@code aeron.dir}), an embedded media driver in its own unique directory.
 * <p>
 * Both run without threads of their own: the embedded driver in {@link ThreadingMode#INVOKER} mode and the client
 * with its conductor invoker, both invoked from {@link #doWork()} on the node's I/O thread, which alone uses this
 * class. {@link #close()} closes the client and the driver and deletes the embedded driver's directory.
 */
final class AeronMedia implements AutoCloseable
{
    /** Names the directory of an external media driver to use instead of an embedded one. */
    static final String AERON_DIR_PROP_NAME = CommonContext.AERON_DIR_PROP_NAME;

    private static final long IMAGE_LIVENESS_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(2);
    private static final long PUBLICATION_CONNECTION_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(2);
    private static final long DRIVER_CHECK_TIMEOUT_MS = 2_000;

    private final MediaDriver driver;
    private final AgentInvoker driverInvoker;
    private final Aeron aeron;
    private final AgentInvoker clientInvoker;
    private final File embeddedDirectory;

    private AeronMedia(final MediaDriver driver, final Aeron aeron, final File embeddedDirectory)
    {
        this.driver = driver;
        this.driverInvoker = null == driver ? null : driver.sharedAgentInvoker();
        this.aeron = aeron;
        this.clientInvoker = aeron.conductorAgentInvoker();
        this.embeddedDirectory = embeddedDirectory;
    }

    /**
     * Connects to an external driver, or launches an embedded one.
     *
     * @param externalDir  the external driver's directory, or null for an embedded driver.
     * @param errorHandler receives asynchronous errors from the driver and the client.
     * @return the started media.
     * @throws TransportException when the driver cannot start, naming the JVM flag when that is the cause, or when
     *                            no driver runs in the external directory.
     */
    static AeronMedia start(final String externalDir, final ErrorHandler errorHandler)
    {
        if (null != externalDir && !externalDir.isBlank())
        {
            return connectExternal(externalDir, errorHandler);
        }
        final File directory = new File(
            CommonContext.getAeronDirectoryName() + "-petrel-" + ProcessHandle.current().pid() + "-" +
            UUID.randomUUID());
        MediaDriver driver = null;
        AeronDriverDefaults.apply();
        try
        {
            driver = MediaDriver.launch(driverContext(directory, errorHandler));
            return new AeronMedia(driver, connect(directory.getPath(), driver.sharedAgentInvoker(), errorHandler),
                directory);
        }
        catch (final LinkageError ex)
        {
            CloseHelper.quietClose(driver);
            IoUtil.delete(directory, true);
            throw UnsafeAccessCheck.missingFlag(ex);
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietClose(driver);
            IoUtil.delete(directory, true);
            throw new TransportException("cannot start the embedded Aeron media driver: " + ex.getMessage(), ex);
        }
    }

    private static AeronMedia connectExternal(final String directory, final ErrorHandler errorHandler)
    {
        try
        {
            if (!CommonContext.isDriverActive(new File(directory), DRIVER_CHECK_TIMEOUT_MS, message -> { }))
            {
                throw new TransportException("no Aeron media driver runs in " + directory + " (" +
                    AERON_DIR_PROP_NAME + "); start one there or leave " + AERON_DIR_PROP_NAME +
                    " unset for an embedded driver");
            }
            return new AeronMedia(null, connect(directory, null, errorHandler), null);
        }
        catch (final TransportException ex)
        {
            throw ex;
        }
        catch (final LinkageError ex)
        {
            throw UnsafeAccessCheck.missingFlag(ex);
        }
        catch (final RuntimeException ex)
        {
            throw new TransportException("no Aeron media driver runs in " + directory + " (" + AERON_DIR_PROP_NAME +
                "): " + ex.getMessage(), ex);
        }
    }

    private static MediaDriver.Context driverContext(final File directory, final ErrorHandler errorHandler)
    {
        return new MediaDriver.Context()
            .aeronDirectoryName(directory.getPath())
            .threadingMode(ThreadingMode.INVOKER)
            .asyncExecutorEnabled(false)
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true)
            .warnIfDirectoryExists(false)
            .termBufferSparseFile(true)
            .imageLivenessTimeoutNs(IMAGE_LIVENESS_TIMEOUT_NS)
            .publicationConnectionTimeoutNs(PUBLICATION_CONNECTION_TIMEOUT_NS)
            .errorHandler(errorHandler);
    }

    private static Aeron connect(
        final String directory, final AgentInvoker driverInvoker, final ErrorHandler errorHandler)
    {
        return Aeron.connect(new Aeron.Context()
            .aeronDirectoryName(directory)
            .useConductorAgentInvoker(true)
            .driverAgentInvoker(driverInvoker)
            .awaitingIdleStrategy(NoOpIdleStrategy.INSTANCE)
            .errorHandler(errorHandler));
    }

    /**
     * @return the Aeron client.
     */
    Aeron aeron()
    {
        return aeron;
    }

    /**
     * Runs one duty cycle of the embedded driver and of the client conductor.
     *
     * @return work done.
     */
    int doWork()
    {
        int work = null == driverInvoker ? 0 : driverInvoker.invoke();
        work += clientInvoker.invoke();
        return work;
    }

    @Override
    public void close()
    {
        CloseHelper.quietClose(aeron);
        CloseHelper.quietClose(driver);
        if (null != embeddedDirectory)
        {
            IoUtil.delete(embeddedDirectory, true);
        }
    }
}
