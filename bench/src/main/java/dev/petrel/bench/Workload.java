package dev.petrel.bench;

/**
 * What a row of the comparison measures: which messaging pattern carries the messages.
 */
public enum Workload
{
    /** One pusher to one puller over TCP: every message must arrive. */
    PUSH_PULL("push/pull"),
    /** One publisher to one subscriber over TCP: a subscriber that falls behind loses messages. */
    PUB_SUB("pub/sub");

    private final String label;

    Workload(final String label)
    {
        this.label = label;
    }

    /**
     * @return the name printed in the table.
     */
    public String label()
    {
        return label;
    }
}
