package dev.petrel;

/**
 * How a {@link Requester} picks a replier for each request.
 */
public enum LoadBalancing
{
    /** Each replier in turn, skipping ones at their high-water mark. */
    ROUND_ROBIN,
    /** The replier with the fewest requests in flight from this requester. */
    LEAST_OUTSTANDING
}
