/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.bench.load;

import java.time.Duration;
import java.util.Objects;

/**
 * Everything that shapes one workload run; immutable, made by {@link #builder(LoadPattern, LoadTransport)}.
 * A run ends after {@code count} messages in total, or after {@code duration}, whichever comes first, and never
 * later than {@code timeCap} after the measured phase starts.
 *
 * @param pattern       what is measured.
 * @param transport     over what.
 * @param idleStrategy  the nodes' idle strategy: {@code backoff}, {@code busy-spin} or {@code sleeping}.
 * @param messageLength payload length in bytes, at least {@link #MIN_MESSAGE_LENGTH}.
 * @param count         messages sent in total across senders, or 0 for no count limit.
 * @param duration      how long the measured phase sends, or {@link Duration#ZERO} for no time limit.
 * @param ratePerSec    messages per second in total across senders, or 0 to send as fast as accepted.
 * @param senders       publishers, pushers or requesters.
 * @param receivers     subscribers or pullers (request/reply always has one replier).
 * @param inFlight      requests each requester keeps in flight.
 * @param warmup        length of the discarded warm-up phase, or {@link Duration#ZERO} for none.
 * @param timeCap       hard limit on the measured phase, sending and draining included.
 */
public record LoadSettings(
    LoadPattern pattern,
    LoadTransport transport,
    String idleStrategy,
    int messageLength,
    long count,
    Duration duration,
    long ratePerSec,
    int senders,
    int receivers,
    int inFlight,
    Duration warmup,
    Duration timeCap)
{
    /** The shortest payload: it carries the send time stamp. */
    public static final int MIN_MESSAGE_LENGTH = StampDescriptor.LENGTH;

    /** Messages sent when neither a count nor a duration is given. */
    public static final long COUNT_DEFAULT = 100_000;

    /** The hard cap on a measured phase bounded by count only. */
    public static final Duration TIME_CAP_DEFAULT = Duration.ofSeconds(60);

    /** Extra time allowed beyond a duration before the hard cap ends the phase. */
    public static final Duration DRAIN_ALLOWANCE = Duration.ofSeconds(10);

    /**
     * Checks the settings.
     */
    public LoadSettings
    {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(idleStrategy, "idleStrategy");
        require(messageLength >= MIN_MESSAGE_LENGTH && messageLength <= 64 << 20,
            "message size must be from " + MIN_MESSAGE_LENGTH + " bytes to 64m");
        require(count >= 0 && ratePerSec >= 0, "count and rate must not be negative");
        require(count > 0 || duration.toNanos() > 0, "a run needs a count or a duration");
        require(senders >= 1 && senders <= 64 && receivers >= 1 && receivers <= 64,
            "publishers and subscribers must be from 1 to 64");
        require(inFlight >= 1 && inFlight <= 65_536, "in-flight must be from 1 to 65536");
        require(!warmup.isNegative() && timeCap.toNanos() > 0, "warm-up must not be negative, time cap positive");
    }

    /**
     * @param pattern   what to measure.
     * @param transport over what.
     * @return a builder starting from the defaults (64 B, 100,000 messages, one sender and receiver, unpaced).
     */
    public static Builder builder(final LoadPattern pattern, final LoadTransport transport)
    {
        return new Builder(pattern, transport);
    }

    /**
     * @param rate messages per second in total, or 0 for unpaced.
     * @return these settings at another rate.
     */
    public LoadSettings withRate(final long rate)
    {
        return new LoadSettings(pattern, transport, idleStrategy, messageLength, count, duration, rate, senders,
            receivers, inFlight, warmup, timeCap);
    }

    /**
     * @return whether sending is paced, so latency is measured from each message's intended send time.
     */
    public boolean paced()
    {
        return ratePerSec > 0;
    }

    /**
     * @return how many receivers see each message: every subscriber for pub/sub, one otherwise.
     */
    public int copiesPerMessage()
    {
        return LoadPattern.PUBSUB == pattern ? receivers : 1;
    }

    private static void require(final boolean condition, final String message)
    {
        if (!condition)
        {
            throw new IllegalArgumentException(message);
        }
    }

    /**
     * Collects settings; not thread safe.
     */
    public static final class Builder
    {
        private final LoadPattern pattern;
        private final LoadTransport transport;
        private String idleStrategy = "backoff";
        private int messageLength = 64;
        private long count;
        private Duration duration = Duration.ZERO;
        private long ratePerSec;
        private int senders = 1;
        private int receivers = 1;
        private int inFlight = 1;
        private Duration warmup = Duration.ZERO;
        private Duration timeCap;

        private Builder(final LoadPattern pattern, final LoadTransport transport)
        {
            this.pattern = pattern;
            this.transport = transport;
        }

        /**
         * @param name {@code backoff}, {@code busy-spin} or {@code sleeping}.
         * @return this.
         */
        public Builder idleStrategy(final String name)
        {
            this.idleStrategy = name;
            return this;
        }

        /**
         * @param length payload length in bytes.
         * @return this.
         */
        public Builder messageLength(final int length)
        {
            this.messageLength = length;
            return this;
        }

        /**
         * @param messages messages in total, 0 for none.
         * @return this.
         */
        public Builder count(final long messages)
        {
            this.count = messages;
            return this;
        }

        /**
         * @param sending how long the measured phase sends.
         * @return this.
         */
        public Builder duration(final Duration sending)
        {
            this.duration = sending;
            return this;
        }

        /**
         * @param perSecond total send rate, 0 for unpaced.
         * @return this.
         */
        public Builder ratePerSec(final long perSecond)
        {
            this.ratePerSec = perSecond;
            return this;
        }

        /**
         * @param number publishers, pushers or requesters.
         * @return this.
         */
        public Builder senders(final int number)
        {
            this.senders = number;
            return this;
        }

        /**
         * @param number subscribers or pullers.
         * @return this.
         */
        public Builder receivers(final int number)
        {
            this.receivers = number;
            return this;
        }

        /**
         * @param requests requests per requester in flight at once.
         * @return this.
         */
        public Builder inFlight(final int requests)
        {
            this.inFlight = requests;
            return this;
        }

        /**
         * @param phase length of the discarded warm-up phase.
         * @return this.
         */
        public Builder warmup(final Duration phase)
        {
            this.warmup = phase;
            return this;
        }

        /**
         * @param cap hard limit on the measured phase (default 60 s, or the duration plus 10 s).
         * @return this.
         */
        public Builder timeCap(final Duration cap)
        {
            this.timeCap = cap;
            return this;
        }

        /**
         * @return the settings.
         * @throws IllegalArgumentException when they are inconsistent.
         */
        public LoadSettings build()
        {
            final long messages = 0 == count && duration.isZero() ? COUNT_DEFAULT : count;
            final Duration cap = null != timeCap ? timeCap :
                duration.isZero() ? TIME_CAP_DEFAULT : duration.plus(DRAIN_ALLOWANCE);
            return new LoadSettings(pattern, transport, idleStrategy, messageLength, messages, duration, ratePerSec,
                senders, receivers, inFlight, warmup, cap);
        }
    }
}
