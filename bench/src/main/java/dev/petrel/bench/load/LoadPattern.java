/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.bench.load;

import java.util.Locale;

/**
 * The messaging pattern a workload exercises, and what its latency means.
 */
public enum LoadPattern
{
    /** Publishers fan out to every subscriber; latency is one-way, publish to arrival. */
    PUBSUB("pubsub", "one-way", "publisher", "subscriber"),

    /** Pushers share work across pullers; latency is one-way, send to arrival. */
    PUSHPULL("pushpull", "one-way", "pusher", "puller"),

    /** Requesters keep requests in flight against one echoing replier; latency is the round trip. */
    REQREP("reqrep", "round-trip", "requester", "requester (replies)");

    private final String label;
    private final String latencyKind;
    private final String senderName;
    private final String receiverName;

    LoadPattern(final String label, final String latencyKind, final String senderName, final String receiverName)
    {
        this.label = label;
        this.latencyKind = latencyKind;
        this.senderName = senderName;
        this.receiverName = receiverName;
    }

    /**
     * @return what a sender is called in this pattern, e.g. {@code publisher}.
     */
    public String senderName()
    {
        return senderName;
    }

    /**
     * @return what a receiver is called in this pattern, e.g. {@code subscriber}.
     */
    public String receiverName()
    {
        return receiverName;
    }

    /**
     * @return the name used on the command line and in reports.
     */
    public String label()
    {
        return label;
    }

    /**
     * @return {@code one-way} or {@code round-trip}.
     */
    public String latencyKind()
    {
        return latencyKind;
    }

    /**
     * @param name a label such as {@code pubsub}, in any case.
     * @return the pattern.
     * @throws IllegalArgumentException when no pattern has that label.
     */
    public static LoadPattern fromLabel(final String name)
    {
        final String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (final LoadPattern pattern : values())
        {
            if (pattern.label.equals(wanted))
            {
                return pattern;
            }
        }
        throw new IllegalArgumentException("unknown pattern '" + name + "' (pubsub, pushpull, reqrep)");
    }
}
