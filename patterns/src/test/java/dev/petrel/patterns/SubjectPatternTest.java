package dev.petrel.patterns;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class SubjectPatternTest
{
    @Test
    void shouldMatchByNatsTokenRules()
    {
        final SubjectPattern star = SubjectPattern.compile("orders.*.new");
        assertTrue(star.matches("orders.eu.new"));
        assertFalse(star.matches("orders.eu.old"));
        assertFalse(star.matches("orders.new"));
        assertFalse(star.matches("orders.eu.west.new"));
        assertFalse(star.matches("orders..new"));
        final SubjectPattern tail = SubjectPattern.compile("orders.>");
        assertTrue(tail.matches("orders.eu"));
        assertTrue(tail.matches("orders.eu.new.x"));
        assertFalse(tail.matches("orders"));
        assertFalse(tail.matches("ordersx.eu"));
        assertTrue(SubjectPattern.compile(">").matches("a"));
        assertTrue(SubjectPattern.compile("a.b").matches("a.b"));
        assertFalse(SubjectPattern.compile("a.b").matches("a.bc"));
        assertFalse(SubjectPattern.compile("a.b").matches("a.b.c"));
    }

    @Test
    void shouldRefuseMalformedPatterns()
    {
        assertThrows(IllegalArgumentException.class, () -> SubjectPattern.compile("a..b"));
        assertThrows(IllegalArgumentException.class, () -> SubjectPattern.compile("a.>.b"));
        assertThrows(IllegalArgumentException.class, () -> SubjectPattern.compile("a."));
    }

    @Test
    void shouldGiveTheLiteralPrefixForPlainPublishers()
    {
        assertEquals("orders.", new String(SubjectPattern.compile("orders.*.new").literalPrefix()));
        assertEquals("orders.", new String(SubjectPattern.compile("orders.>").literalPrefix()));
        assertEquals("", new String(SubjectPattern.compile(">").literalPrefix()));
        assertEquals("orders", new String(SubjectPattern.compile("orders").literalPrefix()));
    }

    @Test
    void shouldMatchByBytePrefixLikeZeroMqWithoutWildcards()
    {
        assertTrue(SubjectPattern.compile("orders").matchesLikeZeroMq("orders.eu"));
        assertTrue(SubjectPattern.compile("").matchesLikeZeroMq("anything"));
        assertFalse(SubjectPattern.compile("orders.*.new").matchesLikeZeroMq("orders.eu.old"));
    }
}
