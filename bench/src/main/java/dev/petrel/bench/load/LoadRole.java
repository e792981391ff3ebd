/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.bench.load;

import java.util.Locale;

/**
 * One side of a two-process workload. Receiving roles (sub, puller, replier) bind the endpoint; sending roles
 * (pub, pusher, requester) connect to it.
 */
public enum LoadRole
{
    /** Publishes, connecting to subscribers. */
    PUB("pub", LoadPattern.PUBSUB, true),

    /** Subscribes, bound, and records one-way latency. */
    SUB("sub", LoadPattern.PUBSUB, false),

    /** Pushes, connecting to a puller. */
    PUSHER("pusher", LoadPattern.PUSHPULL, true),

    /** Pulls, bound, and records one-way latency. */
    PULLER("puller", LoadPattern.PUSHPULL, false),

    /** Sends requests to a replier and records round trips. */
    REQUESTER("requester", LoadPattern.REQREP, true),

    /** Echoes requests, bound, and records their one-way latency. */
    REPLIER("replier", LoadPattern.REQREP, false);

    private final String label;
    private final LoadPattern pattern;
    private final boolean sending;

    LoadRole(final String label, final LoadPattern pattern, final boolean sending)
    {
        this.label = label;
        this.pattern = pattern;
        this.sending = sending;
    }

    /**
     * @return the name used on the command line.
     */
    public String label()
    {
        return label;
    }

    /**
     * @return the pattern this role takes part in.
     */
    public LoadPattern pattern()
    {
        return pattern;
    }

    /**
     * @return whether this role sends (and connects) rather than receives (and binds).
     */
    public boolean sending()
    {
        return sending;
    }

    /**
     * @param name a label such as {@code sub}, in any case.
     * @return the role.
     * @throws IllegalArgumentException when no role has that label.
     */
    public static LoadRole fromLabel(final String name)
    {
        final String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (final LoadRole role : values())
        {
            if (role.label.equals(wanted))
            {
                return role;
            }
        }
        throw new IllegalArgumentException(
            "unknown role '" + name + "' (pub, sub, pusher, puller, requester, replier)");
    }
}
