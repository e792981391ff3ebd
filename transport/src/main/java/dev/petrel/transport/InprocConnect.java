package dev.petrel.transport;

/**
 * A socket's wish to be linked to an inproc name: made as soon as the name is bound, and again after the bound
 * socket goes away and the name is bound anew.
 */
final class InprocConnect
{
    private final PipeHandler handler;
    private final String name;
    private InprocLink link;
    private String refused;

    InprocConnect(final PipeHandler handler, final String name)
    {
        this.handler = handler;
        this.name = name;
    }

    PipeHandler handler()
    {
        return handler;
    }

    int tryLink(final IoAgent agent)
    {
        if (null != link && !link.isClosed())
        {
            return 0;
        }
        final PipeHandler bound = agent.inprocBinding(name);
        if (null == bound)
        {
            return 0;
        }
        final String reason = InprocLink.incompatibility(handler, bound);
        if (null != reason)
        {
            if (!reason.equals(refused))
            {
                refused = reason;
                agent.reportIncompatible(name, reason);
            }
            return 0;
        }
        link = new InprocLink(agent, handler, bound, name);
        agent.addLink(link);
        return 1;
    }
}
