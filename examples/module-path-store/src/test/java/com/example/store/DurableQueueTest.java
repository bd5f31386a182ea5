package com.example.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.matchwave.matchmaking.queue.QueueService;
import dev.matchwave.persistence.Database;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableQueueTest {

    @TempDir
    Path data;

    @Test
    void matchwaveRunsAsNamedModulesThatHideTheirInternals() {
        Module store = Database.class.getModule();
        assertTrue(DurableQueueTest.class.getModule().isNamed(), "this test runs on the module path");
        assertEquals("dev.matchwave.persistence", store.getName());
        assertEquals("dev.matchwave.matchmaking", QueueService.class.getModule().getName());
        assertTrue(store.isExported("dev.matchwave.persistence.queue"));
        assertFalse(store.isExported("dev.matchwave.persistence.internal"));
    }

    @Test
    void theQueueComesBackAfterARestart() {
        try (DurableQueue queue = new DurableQueue(data)) {
            assertEquals(List.of(), queue.restored());
            queue.join(1, 1500);
            queue.join(2, 1520);
            queue.join(3, 1490);
            assertEquals(3, queue.size());
        }
        try (DurableQueue queue = new DurableQueue(data)) {
            assertEquals(List.of(1L, 2L, 3L), queue.restored());
            assertEquals(3, queue.size());
        }
    }
}
