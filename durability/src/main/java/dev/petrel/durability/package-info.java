/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Segmented, append-only side log with CRC32C framed records, fsync policies with group commit, crash recovery,
 * receiver cursors, retention, a dead-letter log, a duplicate filter for receivers and inspection tools.
 *
 * @since 0.1.0
 */
package dev.petrel.durability;
