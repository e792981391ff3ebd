package dev.petrel.transport;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import dev.petrel.transport.zmtp.ZmtpSocketType;
import io.aeron.Aeron;
import io.aeron.Image;
import io.aeron.Subscription;
import org.agrona.CloseHelper;

/**
 * A subscriber connected to a multi-destination channel ({@code control=host:port}, with {@code endpoint=} naming
 * its own address, else an ephemeral port on the local address that routes to the control address). The media
 * driver asks the publication at the control address to send here; every image that arrives is a receive-only
 * {@link Pipe} from a Petrel publisher, with no handshake. What the socket queues on such a pipe (its subscriptions)
 * is discarded: the publisher sends everything and the socket filters by subject. Owned by the I/O thread.
 */
final class AeronFanIn extends AeronEndpointAgent
{
    private final IoAgent agent;
    private final PipeHandler handler;
    private final String endpoint;
    private final Subscription subscription;
    private final ArrayDeque<Image> newImages = new ArrayDeque<>();
    private final List<AeronLink> links = new ArrayList<>();
    private boolean stopped;

    AeronFanIn(
        final IoAgent agent, final Aeron aeron, final PipeHandler handler, final Endpoint endpoint,
        final AeronChannel channel)
    {
        this.agent = agent;
        this.handler = handler;
        this.endpoint = endpoint.uri();
        this.subscription = aeron.addSubscription(
            channel.fanInSubscriptionChannel(), channel.streamId(), newImages::add, image -> { });
    }

    @Override
    PipeHandler handler()
    {
        return handler;
    }

    @Override
    int doWork(final long nowNs)
    {
        int work = 0;
        Image image;
        while (null != (image = newImages.poll()))
        {
            if (!stopped)
            {
                attach(image);
            }
            work++;
        }
        for (int i = 0; i < links.size(); i++)
        {
            final AeronLink link = links.get(i);
            work += link.poll() + link.flush();
            final String failure = link.failure();
            if (null != failure)
            {
                link.fail(failure);
                work++;
            }
        }
        links.removeIf(AeronLink::isClosed);
        return work;
    }

    @Override
    int pollAgain()
    {
        int work = 0;
        for (int i = 0, n = links.size(); i < n; i++)
        {
            work += links.get(i).pollActive();
        }
        return work;
    }

    private void attach(final Image image)
    {
        final AeronLink link = new AeronLink(
            agent, handler, "aeron:" + image.sourceIdentity() + "#" + image.sessionId(), endpoint);
        link.image(image);
        link.joinMidStream();
        link.activate(AeronHello.impliedHandshake(ZmtpSocketType.PUB));
        links.add(link);
    }

    @Override
    boolean hasQueued()
    {
        return false;
    }

    @Override
    void stop()
    {
        stopped = true;
    }

    @Override
    void close()
    {
        stopped = true;
        for (final AeronLink link : links)
        {
            link.close("socket closed", false);
        }
        links.clear();
        CloseHelper.quietClose(subscription);
    }
}
