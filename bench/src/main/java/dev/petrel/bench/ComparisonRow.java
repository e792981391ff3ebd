package dev.petrel.bench;

/**
 * One row of the comparison: the same workload and message size measured on Petrel and on JeroMQ.
 *
 * @param workload      the pattern.
 * @param messageLength payload bytes per message.
 * @param petrel        Petrel's measured pass.
 * @param jeromq        JeroMQ's measured pass.
 */
public record ComparisonRow(Workload workload, int messageLength, Measurement petrel, Measurement jeromq)
{
    /**
     * @return Petrel's message rate divided by JeroMQ's, or NaN when JeroMQ received nothing.
     */
    public double ratio()
    {
        final double baseline = jeromq.messagesPerSecond();
        return baseline > 0 ? petrel.messagesPerSecond() / baseline : Double.NaN;
    }
}
