package dev.petrel.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The machine a comparison ran on, as printed above the table.
 *
 * @param cores processors available to the JVM.
 * @param cpu   the CPU model, or "unknown".
 * @param os    operating system name, version and architecture.
 * @param jvm   JVM name and runtime version.
 */
public record MachineInfo(int cores, String cpu, String os, String jvm)
{
    /**
     * @return this machine.
     */
    public static MachineInfo detect()
    {
        return new MachineInfo(
            Runtime.getRuntime().availableProcessors(),
            cpuModel(),
            System.getProperty("os.name") + " " + System.getProperty("os.version") + " " +
                System.getProperty("os.arch"),
            System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    }

    /**
     * @return the one-minute system load average, or a negative number where the platform has none.
     */
    public static double loadAverage()
    {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String cpuModel()
    {
        final Path cpuInfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuInfo))
        {
            return "unknown";
        }
        try (Stream<String> lines = Files.lines(cpuInfo))
        {
            return lines.filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim())
                .findFirst()
                .orElse("unknown");
        }
        catch (final IOException | RuntimeException ex)
        {
            return "unknown";
        }
    }

    @Override
    public String toString()
    {
        return cores + " cores (" + cpu + "), " + os + ", " + jvm;
    }
}
