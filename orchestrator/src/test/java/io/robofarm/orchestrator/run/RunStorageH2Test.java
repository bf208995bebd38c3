package io.robofarm.orchestrator.run;

import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;

/** Run storage on an in-memory H2 database with the H2 migrations. */
@DataJpaTest
class RunStorageH2Test extends RunStorageContract {
}
