package io.robofarm.orchestrator.task;

import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;

/** Task storage on an in-memory H2 database with the H2 migrations. */
@DataJpaTest
class TaskStorageH2Test extends TaskStorageContract {
}
