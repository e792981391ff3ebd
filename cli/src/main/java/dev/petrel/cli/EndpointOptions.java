/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import dev.petrel.transport.Endpoint;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code --bind} and {@code --connect} options every messaging command shares; at least one is required, and
 * both may be given, several times each.
 */
final class EndpointOptions
{
    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    @Option(names = "--bind", paramLabel = "ENDPOINT", converter = EndpointConverter.class,
        description = "Listen on this endpoint (tcp://host:port, port 0 picks a free one and prints it; aeron:...).")
    private List<String> binds = new ArrayList<>();

    @Option(names = "--connect", paramLabel = "ENDPOINT", converter = EndpointConverter.class,
        description = "Connect to this endpoint; retried in the background until the peer is up.")
    private List<String> connects = new ArrayList<>();

    /**
     * @return the endpoints to bind to.
     */
    List<String> binds()
    {
        return binds;
    }

    /**
     * @return the endpoints to connect to.
     */
    List<String> connects()
    {
        return connects;
    }

    /**
     * Checks that at least one endpoint was given; call it before creating a node.
     *
     * @throws ParameterException when neither option was given.
     */
    void check()
    {
        if (binds.isEmpty() && connects.isEmpty())
        {
            throw new ParameterException(mixee.commandLine(), "missing endpoint: give --bind or --connect");
        }
    }

    /**
     * Binds and connects a socket. A bind to port 0 prints the endpoint actually bound on stderr.
     *
     * @param bind    binds the socket, returning the endpoint bound.
     * @param connect connects the socket.
     * @param verbose whether to report every endpoint on stderr.
     * @throws ParameterException when neither option was given.
     */
    void attach(final UnaryOperator<String> bind, final Consumer<String> connect, final boolean verbose)
    {
        check();
        final PrintWriter err = mixee.commandLine().getErr();
        for (final String endpoint : binds)
        {
            final String bound = bind.apply(endpoint);
            if (verbose || 0 == Endpoint.parse(endpoint).port() && !endpoint.startsWith("aeron:"))
            {
                err.println("petrel: bound " + bound);
                err.flush();
            }
        }
        for (final String endpoint : connects)
        {
            connect.accept(endpoint);
            if (verbose)
            {
                err.println("petrel: connecting to " + endpoint);
                err.flush();
            }
        }
    }
}
