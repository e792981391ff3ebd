package dev.petrel.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.Nats;
import io.nats.client.Options;

/**
 * Opens jnats connections for the NATS rows: default options except a quiet error listener (slow-consumer drops
 * show up as lost messages instead of log lines) and a bounded connect.
 */
final class NatsConnections
{
    private NatsConnections()
    {
    }

    /**
     * @param url     the server.
     * @param timeout how long connecting may take.
     * @return the connection.
     * @throws IllegalStateException when it cannot connect.
     */
    static Connection open(final String url, final Duration timeout)
    {
        final Options options = Options.builder()
            .server(url)
            .connectionTimeout(timeout)
            .errorListener(new ErrorListener()
            {
            })
            .build();
        try
        {
            return Nats.connect(options);
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("cannot connect to " + url + ": " + ex.getMessage(), ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted connecting to " + url, ex);
        }
    }

    /**
     * Waits until the server has processed everything sent on a connection so far.
     *
     * @param connection the connection.
     * @param timeout    how long to wait.
     * @throws IllegalStateException at the timeout or on an interrupt.
     */
    static void flush(final Connection connection, final Duration timeout)
    {
        try
        {
            connection.flush(timeout);
        }
        catch (final TimeoutException ex)
        {
            throw new IllegalStateException("NATS flush did not complete within " + timeout.toMillis() + " ms", ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted flushing a NATS connection", ex);
        }
    }

    /**
     * Closes a connection, ignoring an interrupt other than restoring the flag.
     *
     * @param connection the connection, or null.
     */
    static void close(final Connection connection)
    {
        if (null == connection)
        {
            return;
        }
        try
        {
            connection.close();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
