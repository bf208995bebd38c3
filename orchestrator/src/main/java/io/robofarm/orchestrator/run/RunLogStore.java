package io.robofarm.orchestrator.run;

import io.robofarm.orchestrator.live.RunLogLine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The {@code run_logs} table through plain JDBC: log lines are many and small, so they are inserted
 * in JDBC batches and read in pages by {@code (run_id, seq)}, without an entity per line.
 */
@Repository
public class RunLogStore {
    private final JdbcTemplate jdbc;

    public RunLogStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts {@code lines} in one JDBC batch. */
    public void insert(List<RunLogLine> lines) {
        jdbc.batchUpdate("INSERT INTO run_logs (run_id, seq, logged_at, level, line) VALUES (?, ?, ?, ?, ?)",
                lines, lines.size(), RunLogStore::bind);
    }

    private static void bind(PreparedStatement ps, RunLogLine line) throws SQLException {
        ps.setLong(1, line.runId());
        ps.setLong(2, line.seq());
        ps.setObject(3, OffsetDateTime.ofInstant(line.at(), ZoneOffset.UTC));
        ps.setString(4, line.level());
        ps.setString(5, line.line());
    }

    /** Up to {@code limit} lines of run {@code runId} with a sequence number above {@code afterSeq}, in order. */
    public List<RunLogLine> after(long runId, long afterSeq, int limit) {
        return jdbc.query("SELECT run_id, seq, logged_at, level, line FROM run_logs"
                        + " WHERE run_id = ? AND seq > ? ORDER BY seq LIMIT ?",
                (rs, i) -> new RunLogLine(rs.getLong(1), rs.getLong(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4), rs.getString(5)),
                runId, afterSeq, limit);
    }

    /** The highest sequence number stored for run {@code runId}, 0 when it has no lines. */
    public long lastSeq(long runId) {
        Long max = jdbc.queryForObject("SELECT MAX(seq) FROM run_logs WHERE run_id = ?", Long.class, runId);
        return max == null ? 0 : max;
    }
}
