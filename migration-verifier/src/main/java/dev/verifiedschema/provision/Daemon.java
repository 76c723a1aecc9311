package dev.verifiedschema.provision;

/** The provider's background work (a server start, a template copy): a named daemon thread each. */
final class Daemon {
    private Daemon() {
    }

    /** Runs the task on a new daemon thread of that name. */
    static void start(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }
}
