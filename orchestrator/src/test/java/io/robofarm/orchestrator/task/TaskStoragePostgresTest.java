package io.robofarm.orchestrator.task;

import io.robofarm.orchestrator.PostgresTestSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.sql.SQLException;

/** Task storage on PostgreSQL with the PostgreSQL migrations, in a schema of its own; skipped where no server runs. */
@EnabledIf("io.robofarm.orchestrator.PostgresTestSchema#serverRunning")
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class TaskStoragePostgresTest extends TaskStorageContract {
    private static final PostgresTestSchema SCHEMA = new PostgresTestSchema("task_storage");

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        SCHEMA.register(registry);
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        SCHEMA.drop();
    }
}
