package dev.lockcheck.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RuleCatalogTest {
    @Test
    void catalog_listsTheStaticCoreRulesInIdOrder() {
        List<String> ids = RuleCatalog.get().all().stream().map(Rule::id).toList();
        assertTrue(ids.containsAll(List.of("LC001", "LC002", "LC003", "LC004", "LC005", "LC006")), ids.toString());
        assertEquals(ids.stream().sorted().toList(), ids, "catalog.txt keeps id order");
    }

    @Test
    void everyPage_saysWhatWhyAndShowsBadAndFixedCode() {
        for (Rule r : RuleCatalog.get().all()) {
            assertTrue(r.page().startsWith("# " + r.id() + " " + r.name()), r.id() + " page title");
            assertTrue(r.page().contains("## Bad"), r.id() + " has a bad example");
            assertTrue(r.page().contains("## Fixed"), r.id() + " has the fixed form");
            assertTrue(r.page().contains("```java"), r.id() + " shows Java code");
            assertFalse(r.summary().isBlank(), r.id() + " summary");
        }
    }

    @Test
    void severities_matchTheContract() {
        RuleCatalog c = RuleCatalog.get();
        assertEquals(Severity.ERROR, c.require("LC001").severity());
        assertEquals(Severity.WARNING, c.require("LC004").severity());
        assertEquals(Severity.WARNING, c.require("LC005").severity());
        assertEquals(Severity.ERROR, c.require("LC006").severity());
    }

    @Test
    void pageWithoutFrontMatter_isRejectedWithItsName() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> RuleCatalog.parsePage("LC900", "# no front matter"));
        assertTrue(e.getMessage().contains("LC900.md"), e.getMessage());
    }

    @Test
    void lookup_isCaseInsensitive_andUnknownIdsAreEmpty() {
        assertEquals("LC003", RuleCatalog.get().find("lc003").orElseThrow().id());
        assertTrue(RuleCatalog.get().find("LC999").isEmpty());
    }
}
