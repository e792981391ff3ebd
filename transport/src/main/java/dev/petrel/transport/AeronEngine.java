package dev.petrel.transport;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.aeron.Subscription;
import io.aeron.status.ChannelEndpointStatus;

/**
 * The Aeron side of a node's I/O thread: starts the {@link AeronMedia} the first time an Aeron endpoint is used,
 * and runs every bound channel ({@link AeronAcceptor}), outgoing connection ({@link AeronConnector}) and either end
 * of a multi-destination channel ({@link AeronFanOut}, {@link AeronFanIn}) in the I/O duty cycle. Every method
 * runs on the I/O thread.
 */
final class AeronEngine implements AutoCloseable
{
    private static final long BIND_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(10);

    private final IoAgent agent;
    private final String externalDirectory;
    private final List<AeronAcceptor> acceptors = new ArrayList<>();
    private final List<AeronEndpointAgent> endpointAgents = new ArrayList<>();
    private final Set<String> boundChannels = new HashSet<>();
    private AeronMedia media;

    /**
     * @param externalDirectory the directory of an external media driver, or null for an embedded one.
     */
    AeronEngine(final IoAgent agent, final String externalDirectory)
    {
        this.agent = agent;
        this.externalDirectory = externalDirectory;
    }

    /**
     * @return true once Aeron has been started in this node.
     */
    boolean isStarted()
    {
        return null != media;
    }

    /**
     * @return the media, starting it on first use.
     */
    AeronMedia media()
    {
        if (null == media)
        {
            media = AeronMedia.start(externalDirectory, agent::onError);
        }
        return media;
    }

    /**
     * Binds a socket to an Aeron channel, waiting (bounded) until the channel is open so that errors such as an
     * address in use are thrown here.
     *
     * @param handler  the socket.
     * @param endpoint the channel.
     * @return the bound endpoint, with the real port when port 0 was asked for.
     */
    Endpoint bind(final PipeHandler handler, final Endpoint endpoint)
    {
        final AeronChannel channel = AeronChannel.parse(endpoint);
        final boolean multiDestination = channel.isMultiDestination();
        if (multiDestination)
        {
            channel.checkMultiDestination(true);
        }
        final boolean fanOut = multiDestination && AeronChannel.fansOut(handler.socketType(), true);
        final AeronChannel served = multiDestination && !fanOut ? channel.pointToPoint() : channel;
        if (!served.hasWildcardPort() && boundChannels.contains(served.key()))
        {
            throw new TransportException(endpoint + " is already bound in this node");
        }
        if (fanOut)
        {
            return bindFanOut(handler, channel);
        }
        final String bound = bindAcceptor(handler, served);
        return Endpoint.parse(served == channel ? bound : channel.boundControlEndpointOf(bound));
    }

    private String bindAcceptor(final PipeHandler handler, final AeronChannel channel)
    {
        final AeronAcceptor acceptor = new AeronAcceptor(agent, media().aeron(), handler, channel);
        try
        {
            final String bound = awaitBound(acceptor.subscription(), channel);
            acceptors.add(acceptor);
            if (!channel.hasWildcardPort())
            {
                boundChannels.add(acceptor.boundKey());
            }
            return bound;
        }
        catch (final RuntimeException ex)
        {
            acceptor.close();
            throw ex;
        }
    }

    private Endpoint bindFanOut(final PipeHandler handler, final AeronChannel channel)
    {
        final AeronFanOut fanOut;
        try
        {
            fanOut = new AeronFanOut(agent, media().aeron(), handler, channel);
        }
        catch (final RuntimeException ex)
        {
            throw new TransportException("cannot bind " + channel + ": " + ex.getMessage(), ex);
        }
        endpointAgents.add(fanOut);
        if (!channel.hasWildcardPort())
        {
            boundChannels.add(channel.key());
        }
        fanOut.attach();
        return Endpoint.parse(fanOut.boundEndpoint());
    }

    private String awaitBound(final Subscription subscription, final AeronChannel channel)
    {
        final long deadlineNs = System.nanoTime() + BIND_TIMEOUT_NS;
        while (System.nanoTime() - deadlineNs < 0)
        {
            final long status = subscription.channelStatus();
            if (ChannelEndpointStatus.ERRORED == status)
            {
                throw new TransportException("cannot bind " + channel + ": address in use or not local");
            }
            if (ChannelEndpointStatus.ACTIVE == status)
            {
                if (!channel.hasWildcardPort())
                {
                    return channel.boundEndpoint(channel.subscriptionChannel());
                }
                final String resolved = subscription.tryResolveChannelEndpointPort();
                if (null != resolved)
                {
                    return channel.boundEndpoint(resolved);
                }
            }
            if (0 == media.doWork())
            {
                Thread.onSpinWait();
            }
        }
        throw new TransportException("timed out binding " + channel);
    }

    /**
     * Starts connecting a socket to an Aeron channel; the connection is made and remade in the duty cycle.
     *
     * @param handler  the socket.
     * @param endpoint the channel.
     * @param nowNs    the current time.
     */
    void connect(final PipeHandler handler, final Endpoint endpoint, final long nowNs)
    {
        final AeronChannel channel = AeronChannel.parse(endpoint);
        if (!channel.isMultiDestination())
        {
            endpointAgents.add(new AeronConnector(agent, media().aeron(), handler, endpoint, channel, nowNs));
            return;
        }
        channel.checkMultiDestination(false);
        if (AeronChannel.fansOut(handler.socketType(), false))
        {
            endpointAgents.add(new AeronFanIn(agent, media().aeron(), handler, endpoint, channel));
            return;
        }
        endpointAgents.add(
            new AeronConnector(agent, media().aeron(), handler, endpoint, channel.pointToPoint(), nowNs));
    }

    int doWork(final long nowNs)
    {
        if (null == media)
        {
            return 0;
        }
        final int work = media.doWork();
        int linkWork = 0;
        for (int i = 0; i < acceptors.size(); i++)
        {
            linkWork += acceptors.get(i).doWork(nowNs);
        }
        for (int i = 0; i < endpointAgents.size(); i++)
        {
            linkWork += endpointAgents.get(i).doWork(nowNs);
        }
        return work + (0 == linkWork ? 0 : linkWork + pollAgain());
    }

    /**
     * A message taken in this cycle may have been answered straight into a publication whose image another link
     * of this node polled earlier in the cycle (a reply, an echo over IPC); looking once more delivers it now
     * instead of after the driver's next duty cycle.
     */
    private int pollAgain()
    {
        int work = 0;
        for (int i = 0, n = acceptors.size(); i < n; i++)
        {
            work += acceptors.get(i).pollAgain();
        }
        for (int i = 0, n = endpointAgents.size(); i < n; i++)
        {
            work += endpointAgents.get(i).pollAgain();
        }
        return work;
    }

    boolean hasQueued()
    {
        for (int i = 0, n = acceptors.size(); i < n; i++)
        {
            if (acceptors.get(i).hasQueued())
            {
                return true;
            }
        }
        for (int i = 0, n = endpointAgents.size(); i < n; i++)
        {
            if (endpointAgents.get(i).hasQueued())
            {
                return true;
            }
        }
        return false;
    }

    /**
     * A socket starts closing: no new peers, no reconnects; attached pipes keep draining while it lingers.
     *
     * @param handler the socket.
     */
    void stop(final PipeHandler handler)
    {
        for (final AeronAcceptor acceptor : acceptors)
        {
            if (acceptor.handler() == handler)
            {
                acceptor.stopAccepting();
            }
        }
        for (final AeronEndpointAgent connector : endpointAgents)
        {
            if (connector.handler() == handler)
            {
                connector.stop();
            }
        }
    }

    /**
     * Finishes a lingering socket once its pipes are drained or its linger time is up.
     *
     * @param handler the socket.
     * @param expired true when the linger time is up.
     * @return true while the socket still has messages to hand to Aeron.
     */
    boolean isLingering(final PipeHandler handler, final boolean expired)
    {
        if (!expired)
        {
            for (final AeronAcceptor acceptor : acceptors)
            {
                if (acceptor.handler() == handler && acceptor.hasQueued())
                {
                    return true;
                }
            }
            for (final AeronEndpointAgent connector : endpointAgents)
            {
                if (connector.handler() == handler && connector.hasQueued())
                {
                    return true;
                }
            }
        }
        for (final AeronAcceptor acceptor : acceptors)
        {
            if (acceptor.handler() == handler)
            {
                acceptor.close();
                boundChannels.remove(acceptor.boundKey());
            }
        }
        acceptors.removeIf(acceptor -> acceptor.handler() == handler);
        for (final AeronEndpointAgent connector : endpointAgents)
        {
            if (connector.handler() == handler)
            {
                connector.close();
                boundChannels.remove(connector.boundKey());
            }
        }
        endpointAgents.removeIf(connector -> connector.handler() == handler);
        return false;
    }

    /**
     * Closes every connection, subscription and publication, then the client and the embedded driver.
     */
    @Override
    public void close()
    {
        acceptors.forEach(AeronAcceptor::close);
        acceptors.clear();
        endpointAgents.forEach(AeronEndpointAgent::close);
        endpointAgents.clear();
        boundChannels.clear();
        if (null != media)
        {
            media.close();
            media = null;
        }
    }
}
