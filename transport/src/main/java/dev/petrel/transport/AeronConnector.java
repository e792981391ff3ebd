package dev.petrel.transport;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.aeron.Aeron;
import io.aeron.ExclusivePublication;
import io.aeron.Subscription;
import org.agrona.CloseHelper;

/**
 * Keeps one outgoing Petrel connection over Aeron alive. Each attempt opens a reply subscription of its own (an
 * ephemeral UDP port, or an IPC stream with a random id) and an exclusive publication to the target; once the
 * publication is connected it sends a {@link AeronHello} naming the reply channel, and attaches a pipe when the
 * binder's HELLO comes back with the same session number. When the peer goes away (a closed node, a restarted
 * process) the attempt is torn down and retried with exponential backoff and jitter. Owned by the I/O thread.
 */
final class AeronConnector extends AeronEndpointAgent
{
    private final IoAgent agent;
    private final Aeron aeron;
    private final PipeHandler handler;
    private final Endpoint endpoint;
    private final AeronChannel channel;
    private long nextDelayNs;
    private long nextAttemptNs;
    private Subscription replySubscription;
    private int replyStreamId;
    private String session;
    private AeronLink link;
    private long helloSentNs;
    private boolean stopped;

    AeronConnector(
        final IoAgent agent, final Aeron aeron, final PipeHandler handler, final Endpoint endpoint,
        final AeronChannel channel, final long nowNs)
    {
        this.agent = agent;
        this.aeron = aeron;
        this.handler = handler;
        this.endpoint = endpoint;
        this.channel = channel;
        this.nextDelayNs = handler.settings().reconnectIntervalNs();
        this.nextAttemptNs = nowNs;
    }

    @Override
    PipeHandler handler()
    {
        return handler;
    }

    @Override
    boolean hasQueued()
    {
        return null != link && link.hasQueued();
    }

    @Override
    int doWork(final long nowNs)
    {
        if (stopped)
        {
            return null == link ? 0 : link.flush();
        }
        if (null == link)
        {
            return nowNs - nextAttemptNs >= 0 ? start(nowNs) : 0;
        }
        int work = link.poll();
        if (link.isClosed())
        {
            fail("closed by the socket", false, nowNs);
            return work + 1;
        }
        final String failure = link.failure();
        if (null != failure)
        {
            link.fail(failure);
            fail(failure, false, nowNs);
            return work + 1;
        }
        if (link.isActive())
        {
            return work + link.flush();
        }
        work += handshake(nowNs);
        return work;
    }

    @Override
    int pollAgain()
    {
        return stopped || null == link ? 0 : link.pollActive();
    }

    private int start(final long nowNs)
    {
        session = Long.toHexString(ThreadLocalRandom.current().nextLong());
        replyStreamId = AeronChannel.randomReplyStreamId();
        try
        {
            replySubscription = aeron.addSubscription(channel.replySubscriptionChannel(), replyStreamId);
            final ExclusivePublication publication =
                aeron.addExclusivePublication(channel.publicationChannel(), channel.streamId());
            link = new AeronLink(agent, handler, endpoint.uri(), endpoint.uri());
            link.publication(publication);
        }
        catch (final RuntimeException ex)
        {
            agent.onError(new TransportException("cannot connect to " + endpoint + ": " + ex.getMessage(), ex));
            CloseHelper.quietClose(replySubscription);
            replySubscription = null;
            scheduleRetry(nowNs);
        }
        return 1;
    }

    private int handshake(final long nowNs)
    {
        if (!link.isHelloSent() && !link.hasHelloToSend() && null == helloToSend())
        {
            return 0;
        }
        int work = link.sendHello();
        if (work > 0)
        {
            helloSentNs = nowNs;
        }
        if (!link.hasImage() && replySubscription.imageCount() > 0)
        {
            link.image(replySubscription.imageAtIndex(0));
            work++;
        }
        final Map<String, String> hello = link.peerHello();
        if (null != hello)
        {
            accept(hello, nowNs);
            return work + 1;
        }
        if (link.isHelloSent() && nowNs - helloSentNs > handler.settings().handshakeTimeoutNs())
        {
            fail("handshake timed out", false, nowNs);
            return work + 1;
        }
        return work;
    }

    private byte[] helloToSend()
    {
        final String resolved = channel.isUdp() ? replySubscription.tryResolveChannelEndpointPort() : "aeron:ipc";
        if (null == resolved)
        {
            return null;
        }
        final byte[] hello = AeronHello.encode(handler, Map.of(
            AeronHello.PROPERTY_REPLY_CHANNEL, channel.replyPublicationChannel(resolved),
            AeronHello.PROPERTY_REPLY_STREAM, Integer.toString(replyStreamId),
            AeronHello.PROPERTY_SESSION, session));
        link.helloToSend(hello);
        return hello;
    }

    private void accept(final Map<String, String> hello, final long nowNs)
    {
        if (!session.equals(hello.get(AeronHello.PROPERTY_SESSION)))
        {
            fail("stale handshake", false, nowNs);
            return;
        }
        try
        {
            link.activate(AeronHello.handshake(handler, hello));
            nextDelayNs = handler.settings().reconnectIntervalNs();
        }
        catch (final TransportException ex)
        {
            fail("handshake refused: " + ex.getMessage(), true, nowNs);
        }
    }

    private void fail(final String reason, final boolean report, final long nowNs)
    {
        link.close(reason, report);
        link = null;
        CloseHelper.quietClose(replySubscription);
        replySubscription = null;
        scheduleRetry(nowNs);
    }

    private void scheduleRetry(final long nowNs)
    {
        final long jitter = (long)(nextDelayNs * 0.2 * (ThreadLocalRandom.current().nextDouble() * 2 - 1));
        nextAttemptNs = nowNs + nextDelayNs + jitter;
        nextDelayNs = Math.min(nextDelayNs * 2, handler.settings().reconnectIntervalMaxNs());
    }

    /**
     * Stops reconnecting; an attached pipe keeps draining until {@link #close()}, one still handshaking is dropped.
     */
    @Override
    void stop()
    {
        stopped = true;
        if (null != link && !link.isActive())
        {
            link.close("socket closed", false);
            link = null;
            CloseHelper.quietClose(replySubscription);
            replySubscription = null;
        }
    }

    @Override
    void close()
    {
        stopped = true;
        if (null != link)
        {
            link.close("socket closed", false);
            link = null;
        }
        CloseHelper.quietClose(replySubscription);
        replySubscription = null;
    }
}
