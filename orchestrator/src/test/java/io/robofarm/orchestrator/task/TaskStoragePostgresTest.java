package io.robofarm.orchestrator.task;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Task storage on PostgreSQL with the PostgreSQL migrations, in a schema of its own that is dropped
 * afterwards. Needs the PostgreSQL server of the project's machines (127.0.0.1:5432, database
 * {@code test}, user {@code postgres}, trust authentication; see the stack notes); on a machine
 * without it the test is reported as skipped.
 */
@EnabledIf("serverRunning")
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class TaskStoragePostgresTest extends TaskStorageContract {
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String SCHEMA = "task_storage_" + UUID.randomUUID().toString().replace("-", "");

    static boolean serverRunning() {
        DriverManager.setLoginTimeout(2);
        try (var connection = DriverManager.getConnection(SERVER, "postgres", "")) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> SERVER + "?currentSchema=" + SCHEMA);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.flyway.schemas", () -> SCHEMA);
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        try (var connection = DriverManager.getConnection(SERVER, "postgres", "");
             var statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }
}
