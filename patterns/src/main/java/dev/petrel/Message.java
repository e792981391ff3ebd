package dev.petrel;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A message: subject, payload, headers, correlation ID, sequence number and publish timestamp. Immutable; the
 * payload array is shared, not copied, so do not change it after handing it over.
 * <p>
 * Messages from plain ZeroMQ peers with more than two frames keep every frame in {@link #frames()}.
 */
public final class Message
{
    private static final byte[] EMPTY = new byte[0];

    private final String subject;
    private final byte[] payload;
    private final Map<String, String> headers;
    private final long correlationId;
    private final long sequence;
    private final long timestampNs;
    private final List<byte[]> frames;
    /** Set on messages of a durable stream until they are acknowledged. */
    Receipt receipt;
    /** Set on a durable message this receiver's application may have seen before. */
    boolean redelivered;

    private Message(final Builder builder)
    {
        this.subject = builder.subject;
        this.payload = builder.payload;
        this.headers = builder.headers.isEmpty() ? Collections.emptyMap() :
            Collections.unmodifiableMap(new LinkedHashMap<>(builder.headers));
        this.correlationId = builder.correlationId;
        this.sequence = builder.sequence;
        this.timestampNs = builder.timestampNs;
        this.frames = null == builder.frames ? List.of() : List.copyOf(builder.frames);
    }

    Message(
        final String subject,
        final byte[] payload,
        final Map<String, String> headers,
        final long correlationId,
        final long sequence,
        final long timestampNs)
    {
        this.subject = subject;
        this.payload = payload;
        this.headers = headers;
        this.correlationId = correlationId;
        this.sequence = sequence;
        this.timestampNs = timestampNs;
        this.frames = List.of();
    }

    /**
     * @param subject the subject.
     * @param payload the payload (shared, not copied).
     * @return a message.
     */
    public static Message of(final String subject, final byte[] payload)
    {
        return builder().subject(subject).payload(payload).build();
    }

    /**
     * @param subject the subject.
     * @param payload the payload as UTF-8 text.
     * @return a message.
     */
    public static Message of(final String subject, final String payload)
    {
        return of(subject, payload.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @return a new builder.
     */
    public static Builder builder()
    {
        return new Builder();
    }

    /**
     * @return a builder starting from this message.
     */
    public Builder toBuilder()
    {
        final Builder builder = new Builder().subject(subject).payload(payload).correlationId(correlationId)
            .sequence(sequence).timestampNs(timestampNs);
        builder.headers.putAll(headers);
        return builder;
    }

    /**
     * @return the subject ("" when none).
     */
    public String subject()
    {
        return subject;
    }

    /**
     * @return the payload (shared: do not modify).
     */
    public byte[] payload()
    {
        return payload;
    }

    /**
     * @return the payload decoded as UTF-8.
     */
    public String payloadAsString()
    {
        return new String(payload, StandardCharsets.UTF_8);
    }

    /**
     * @return the headers (unmodifiable, possibly empty).
     */
    public Map<String, String> headers()
    {
        return headers;
    }

    /**
     * @param name a header name.
     * @return its value, or null.
     */
    public String header(final String name)
    {
        return headers.get(name);
    }

    /**
     * @return the correlation ID, or 0 when none.
     */
    public long correlationId()
    {
        return correlationId;
    }

    /**
     * @return the sequence number on durable streams, or 0.
     */
    public long sequence()
    {
        return sequence;
    }

    /**
     * @return when the message was published, epoch nanoseconds (0 when the sender did not say).
     */
    public long timestampNs()
    {
        return timestampNs;
    }

    /**
     * Whether this message of a durable stream may have been handed to this receiver's application before: its
     * handler threw, or the receiving process crashed after handing it over and before recording it as processed.
     * A durable puller hands every other message over once, so an application whose processing of a redelivered
     * message checks whether its effect is already there (or is idempotent) processes each message once.
     *
     * @return true for a possible redelivery; false for a first delivery and for messages that are not durable.
     * @since 0.1.0
     */
    public boolean redelivered()
    {
        return redelivered;
    }

    /**
     * @return every frame as received from a plain ZeroMQ peer with more than two frames; empty otherwise.
     */
    public List<byte[]> frames()
    {
        return frames;
    }

    @Override
    public String toString()
    {
        return "Message{subject=" + subject + ", payload=" + payload.length + " bytes" +
            (headers.isEmpty() ? "" : ", headers=" + headers) + "}";
    }

    /**
     * Builds a {@link Message}.
     */
    public static final class Builder
    {
        private String subject = "";
        private byte[] payload = EMPTY;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private long correlationId;
        private long sequence;
        private long timestampNs;
        private List<byte[]> frames;

        private Builder()
        {
        }

        /**
         * @param subject the subject.
         * @return this.
         */
        public Builder subject(final String subject)
        {
            this.subject = Objects.requireNonNull(subject, "subject");
            return this;
        }

        /**
         * @param payload the payload (shared, not copied).
         * @return this.
         */
        public Builder payload(final byte[] payload)
        {
            this.payload = Objects.requireNonNull(payload, "payload");
            return this;
        }

        /**
         * @param payload the payload as UTF-8 text.
         * @return this.
         */
        public Builder payload(final String payload)
        {
            return payload(payload.getBytes(StandardCharsets.UTF_8));
        }

        /**
         * @param name  header name.
         * @param value header value.
         * @return this.
         */
        public Builder header(final String name, final String value)
        {
            headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * @param headers headers to add.
         * @return this.
         */
        public Builder headers(final Map<String, String> headers)
        {
            headers.forEach(this::header);
            return this;
        }

        /**
         * @param correlationId the correlation ID.
         * @return this.
         */
        public Builder correlationId(final long correlationId)
        {
            this.correlationId = correlationId;
            return this;
        }

        /**
         * @param sequence the sequence number.
         * @return this.
         */
        public Builder sequence(final long sequence)
        {
            this.sequence = sequence;
            return this;
        }

        /**
         * @param timestampNs publish time, epoch nanoseconds.
         * @return this.
         */
        public Builder timestampNs(final long timestampNs)
        {
            this.timestampNs = timestampNs;
            return this;
        }

        /**
         * @param frames raw frames from a plain ZeroMQ peer.
         * @return this.
         */
        public Builder frames(final List<byte[]> frames)
        {
            this.frames = frames;
            return this;
        }

        /**
         * @return the message.
         */
        public Message build()
        {
            return new Message(this);
        }
    }
}
