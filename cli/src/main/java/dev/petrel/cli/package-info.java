/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The {@code petrel} command line: publish, subscribe, push, pull, inspect durable logs and run a local demo,
 * built on picocli. {@link dev.petrel.cli.Main} is the entry point; each subcommand is its own class.
 */
package dev.petrel.cli;
