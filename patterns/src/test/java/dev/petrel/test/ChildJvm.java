package dev.petrel.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A test's peer in a JVM of its own, on this JVM's class path, with its standard error discarded and its standard
 * output read as lines once it ends.
 */
public final class ChildJvm
{
    /** The flag Agrona inside an Aeron media driver needs on JDK 17. */
    public static final String ADD_EXPORTS = "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED";

    private ChildJvm()
    {
    }

    /**
     * @param jvmFlags flags before the class path (the heap limit is added).
     * @param main     the class to run.
     * @param args     its arguments.
     * @return the started process.
     */
    public static Process start(final List<String> jvmFlags, final Class<?> main, final String... args)
    {
        final List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmFlags);
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        try
        {
            return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * @param process a process that has ended (or will: this reads until its output closes).
     * @return its standard output, one entry per line, empty when it printed nothing.
     */
    public static List<String> output(final Process process)
    {
        try
        {
            final String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return text.isBlank() ? List.of() : List.of(text.strip().split("\\R"));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
