/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Unchecked exceptions raised on the control path of the durable log.
 *
 * @since 0.1.0
 */
package dev.petrel.durability.exceptions;
