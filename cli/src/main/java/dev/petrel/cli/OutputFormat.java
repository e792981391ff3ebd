/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

/**
 * How {@code sub} and {@code pull} print each message.
 */
enum OutputFormat
{
    /** {@code [#N] SUBJECT: PAYLOAD}, with headers indented below. */
    TEXT,

    /** The payload alone, one per line. */
    RAW,

    /** One JSON object per line. */
    JSON
}
