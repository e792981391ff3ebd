/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

/**
 * Renders one {@link PayloadTemplate} a fixed number of times.
 */
final class RepeatedPayloads implements PayloadSource
{
    private final PayloadTemplate template;
    private final long count;
    private long sequence;

    RepeatedPayloads(final PayloadTemplate template, final long count)
    {
        this.template = template;
        this.count = count;
    }

    @Override
    public byte[] next()
    {
        return sequence < count ? template.render(++sequence) : null;
    }
}
