package dev.gigafactory.messaging;

import dev.gigafactory.contracts.codec.InvalidEventException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RetriableException;

/** Sorts a processing failure into a {@link FailureKind} by looking through its whole cause chain. */
public final class Failures {

    private static final int MAX_DEPTH = 16;

    private Failures() {
    }

    public static FailureKind classify(Throwable failure) {
        FailureKind found = FailureKind.DEFECT;
        int depth = 0;
        for (Throwable t = failure; t != null && depth < MAX_DEPTH; t = t.getCause(), depth++) {
            FailureKind kind = kindOf(t);
            if (kind == FailureKind.POISON || kind == FailureKind.OUTAGE) {
                return kind; // the first decisive cause wins; a poison wrapped in anything is still poison
            }
            if (kind == FailureKind.CONFLICT) {
                found = kind;
            }
        }
        return found;
    }

    private static FailureKind kindOf(Throwable t) {
        if (t instanceof InvalidEventException || t instanceof PoisonRecord) {
            return FailureKind.POISON;
        }
        if (t instanceof Outage || isUnreachable(t)) {
            return FailureKind.OUTAGE;
        }
        String sqlState = sqlState(t);
        return sqlState == null ? FailureKind.DEFECT : bySqlState(sqlState);
    }

    private static boolean isUnreachable(Throwable t) {
        return t instanceof ConnectException || t instanceof SocketException || t instanceof ClosedChannelException
                || t instanceof TimeoutException || t instanceof RetriableException
                || t instanceof SQLTransientException || t instanceof SQLRecoverableException
                || (t instanceof IOException && mentionsClosedConnection(t))
                || isVertxConnectionLoss(t);
    }

    // Vert.x reports a connection lost mid-query as a bare VertxException or ClosedConnectionException.
    private static boolean isVertxConnectionLoss(Throwable t) {
        String type = t.getClass().getName();
        return type.equals("io.vertx.sqlclient.ClosedConnectionException")
                || type.equals("io.vertx.core.impl.NoStackTraceTimeoutException")
                || (type.startsWith("io.vertx.") && mentionsClosedConnection(t))
                || (type.startsWith("io.netty.") && mentionsClosedConnection(t));
    }

    private static boolean mentionsClosedConnection(Throwable t) {
        String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
        return message.contains("connection") && (message.contains("closed") || message.contains("refused")
                || message.contains("reset") || message.contains("not active"));
    }

    private static String sqlState(Throwable t) {
        if (t instanceof SQLException sql) {
            return sql.getSQLState();
        }
        if (t.getClass().getName().equals("io.vertx.pgclient.PgException")
                || t.getClass().getName().equals("io.vertx.sqlclient.DatabaseException")) {
            return VertxSqlState.of(t);
        }
        return null;
    }

    /** SQLSTATE classes: 08 connection, 57P0x shutdown/restart, 53 resources; 40 and 23505 are lost races. */
    static FailureKind bySqlState(String state) {
        if (state.startsWith("08") || state.startsWith("57P") || state.startsWith("53")) {
            return FailureKind.OUTAGE;
        }
        if (state.startsWith("40") || state.equals("23505")) {
            return FailureKind.CONFLICT;
        }
        return FailureKind.DEFECT;
    }

    /** Loaded only when a Vert.x SQL exception is in hand, so services without the SQL client never need it. */
    private static final class VertxSqlState {
        static String of(Throwable t) {
            return t instanceof io.vertx.sqlclient.DatabaseException db ? db.getSqlState() : null;
        }
    }
}
