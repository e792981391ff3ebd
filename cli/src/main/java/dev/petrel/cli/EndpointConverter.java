/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import dev.petrel.transport.Endpoint;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Checks an endpoint given on the command line: {@code tcp://} and {@code aeron:} pass through to the library;
 * {@code inproc://} is refused, since it only reaches sockets inside one process.
 */
final class EndpointConverter implements ITypeConverter<String>
{
    @Override
    public String convert(final String value)
    {
        final Endpoint endpoint;
        try
        {
            endpoint = Endpoint.parse(value);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new TypeConversionException(ex.getMessage());
        }
        if (Endpoint.Kind.INPROC == endpoint.kind())
        {
            throw new TypeConversionException("'" + value + "': inproc:// only reaches sockets in the same " +
                "process, so it cannot work between petrel commands; use tcp://host:port");
        }
        return endpoint.uri();
    }
}
