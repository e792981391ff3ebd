package dev.petrel.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The top of the comparison report: where and how the run happened (machine, JVM, GC, cores, Petrel's idle
 * strategy and threading, load average before and after, mode and sections).
 */
final class ReportHeader
{
    private ReportHeader()
    {
    }

    /**
     * @param options    what ran.
     * @param loadBefore one-minute load average at the start.
     * @param loadAfter  one-minute load average at the end.
     * @return the title and its bullet lines.
     */
    static String render(final RunnerOptions options, final double loadBefore, final double loadAfter)
    {
        final MachineInfo machine = MachineInfo.detect();
        final StringJoiner sections = new StringJoiner(", ");
        options.sections().forEach(section -> sections.add(section.label()));
        return "# Petrel comparison\n\n" +
            "- machine: " + machine.cores() + " cores (" + machine.cpu() + "), " + machine.os() + "\n" +
            "- JVM: " + machine.jvm() + ", max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB\n" +
            "- GC: " + garbageCollectors() + "\n" +
            "- Petrel: idle strategy " + options.idleStrategy() + "; one I/O thread per node (TCP selector, Aeron " +
            "polls and the embedded media driver in INVOKER mode, all on that thread); receive in the I/O-thread " +
            "callback (" + options.petrelReceive().settingName() + ")\n" +
            String.format(Locale.ROOT, "- load average (1 min): %.2f before, %.2f after%n", loadBefore, loadAfter) +
            "- mode: " + (options.quick() ? "quick" : "default") + "; sections: " + sections + "; " +
            String.format(Locale.ROOT, "%,d", options.roundTrips()) + " round trips per latency row, time cap " +
            options.rowTimeCap().toSeconds() + " s per measured pass outside the throughput section; every row " +
            "repeats its warm-up pass until at least " + options.minWarmUpNs() / 1_000_000 + " ms have passed (the " +
            "durable streams warm up as their section says)\n";
    }

    private static String garbageCollectors()
    {
        final List<GarbageCollectorMXBean> beans = ManagementFactory.getGarbageCollectorMXBeans();
        final StringJoiner names = new StringJoiner(", ");
        beans.forEach(bean -> names.add(bean.getName()));
        return names.toString();
    }
}
