/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A payload text with optional placeholders: {@code {{seq}}} becomes the message's number from 1 and
 * {@code {{time}}} the ISO-8601 instant it is sent. Text without placeholders is encoded once.
 */
final class PayloadTemplate
{
    /** Replaced by the 1-based message number. */
    static final String SEQ = "{{seq}}";

    /** Replaced by the current instant. */
    static final String TIME = "{{time}}";

    private final String text;
    private final byte[] constant;

    /**
     * @param text the payload text.
     */
    PayloadTemplate(final String text)
    {
        this.text = text;
        this.constant = text.contains(SEQ) || text.contains(TIME) ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param sequence the message number, from 1.
     * @return the payload for that message (shared when the text has no placeholders).
     */
    byte[] render(final long sequence)
    {
        if (null != constant)
        {
            return constant;
        }
        return text.replace(SEQ, Long.toString(sequence)).replace(TIME, Instant.now().toString())
            .getBytes(StandardCharsets.UTF_8);
    }
}
