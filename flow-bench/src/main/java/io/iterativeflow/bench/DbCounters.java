package io.iterativeflow.bench;

/** Committed transactions of one database and the server's WAL position in bytes, read at one moment. */
record DbCounters(long commits, long walBytes) {

    DbCounters minus(DbCounters earlier) {
        return new DbCounters(commits - earlier.commits, walBytes - earlier.walBytes);
    }
}
