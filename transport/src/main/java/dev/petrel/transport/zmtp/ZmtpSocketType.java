package dev.petrel.transport.zmtp;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * ZeroMQ socket types as they appear in the READY command's {@code Socket-Type} property, with the valid pairs
 * from the ZMTP 3.1 specification.
 */
public enum ZmtpSocketType
{
    /** Publisher. */
    PUB,
    /** Subscriber. */
    SUB,
    /** Extended publisher. */
    XPUB,
    /** Extended subscriber. */
    XSUB,
    /** Work distributor. */
    PUSH,
    /** Work collector. */
    PULL,
    /** Asynchronous requester. */
    DEALER,
    /** Asynchronous replier with routing. */
    ROUTER,
    /** Lock-step requester. */
    REQ,
    /** Lock-step replier. */
    REP,
    /** Exclusive pair. */
    PAIR;

    /**
     * @return the peers this socket type may talk to.
     */
    public Set<ZmtpSocketType> compatiblePeers()
    {
        switch (this)
        {
            case PUB:
            case XPUB:
                return EnumSet.of(SUB, XSUB);
            case SUB:
            case XSUB:
                return EnumSet.of(PUB, XPUB);
            case PUSH:
                return EnumSet.of(PULL);
            case PULL:
                return EnumSet.of(PUSH);
            case DEALER:
            case ROUTER:
                return EnumSet.of(REQ, REP, DEALER, ROUTER);
            case REQ:
                return EnumSet.of(REP, ROUTER);
            case REP:
                return EnumSet.of(REQ, DEALER);
            default:
                return EnumSet.of(PAIR);
        }
    }

    /**
     * @param peer the peer's socket type.
     * @return true when the pair is valid.
     */
    public boolean isCompatibleWith(final ZmtpSocketType peer)
    {
        return compatiblePeers().contains(peer);
    }

    /**
     * Parses a {@code Socket-Type} property value.
     *
     * @param name the value, compared without regard to case.
     * @return the type, or null when unknown.
     */
    public static ZmtpSocketType parse(final String name)
    {
        try
        {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        }
        catch (final IllegalArgumentException ex)
        {
            return null;
        }
    }
}
