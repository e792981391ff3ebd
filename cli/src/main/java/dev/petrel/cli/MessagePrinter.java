/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import dev.petrel.Message;

/**
 * Prints received messages in an {@link OutputFormat}, flushing after each so output piped to another program
 * arrives as it comes. Payloads that are not valid UTF-8 are shown base64-encoded (as {@code payload_base64} in
 * JSON). Not thread safe.
 */
final class MessagePrinter
{
    private final PrintWriter out;
    private final OutputFormat format;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final JsonWriter json = new JsonWriter();

    /**
     * @param out    where to print.
     * @param format how.
     */
    MessagePrinter(final PrintWriter out, final OutputFormat format)
    {
        this.out = out;
        this.format = format;
    }

    /**
     * @param number  the message's number in this run, from 1.
     * @param message the message.
     */
    void print(final long number, final Message message)
    {
        final String text = decode(message.payload());
        switch (format)
        {
            case RAW -> out.println(null == text ? new String(message.payload(), StandardCharsets.UTF_8) : text);
            case JSON -> out.println(json(number, message, text));
            default -> printText(number, message, text);
        }
        out.flush();
    }

    private void printText(final long number, final Message message, final String text)
    {
        final String payload = null == text ?
            "(" + message.payload().length + " bytes, base64) " + base64(message.payload()) : text;
        final String subject = message.subject();
        out.println("[#" + number + "] " + (subject.isEmpty() ? "" : subject + ": ") + payload);
        for (final Map.Entry<String, String> header : message.headers().entrySet())
        {
            out.println("    " + header.getKey() + ": " + header.getValue());
        }
    }

    private String json(final long number, final Message message, final String text)
    {
        json.reset().field("seq", number).field("subject", message.subject()).beginObject("headers");
        for (final Map.Entry<String, String> header : message.headers().entrySet())
        {
            json.field(header.getKey(), header.getValue());
        }
        json.endObject();
        if (null == text)
        {
            json.field("payload_base64", base64(message.payload()));
        }
        else
        {
            json.field("payload", text);
        }
        final Instant now = Instant.now();
        return json.field("timestamp_ns", message.timestampNs())
            .field("received_ns", now.getEpochSecond() * 1_000_000_000L + now.getNano())
            .toString();
    }

    /**
     * @return the payload as text, or null when it is not valid UTF-8.
     */
    private String decode(final byte[] payload)
    {
        try
        {
            return utf8.decode(ByteBuffer.wrap(payload)).toString();
        }
        catch (final CharacterCodingException ex)
        {
            return null;
        }
    }

    private static String base64(final byte[] payload)
    {
        return Base64.getEncoder().encodeToString(payload);
    }
}
