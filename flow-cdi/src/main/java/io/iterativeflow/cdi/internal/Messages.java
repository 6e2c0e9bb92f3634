package io.iterativeflow.cdi.internal;

import static io.iterativeflow.api.FlowErrorCode.CONFIG_INVALID;
import static io.iterativeflow.api.FlowErrorCode.FLOW_INVALID;
import static io.iterativeflow.api.FlowErrorCode.SCHEMA_MISMATCH;

import io.iterativeflow.api.FlowBody;
import io.iterativeflow.cdi.FlowConfigKeys;
import java.util.List;

/** Every deployment message of the CDI integration, with its stable id. */
final class Messages {

    private Messages() {
    }

    static Problem notAFlowBody(String origin) {
        return new Problem(FLOW_INVALID, "FLOWCDI001", origin + " does not implement " + FlowBody.class.getName()
                + "<I, O>; implement it, or remove @Flow");
    }

    static Problem typesNotConcrete(String origin, String found) {
        return new Problem(FLOW_INVALID, "FLOWCDI002", origin + " implements FlowBody" + found + ", but the input"
                + " and output types must be concrete (no type variables or wildcards): declare them, as in"
                + " FlowBody<Order, Receipt>");
    }

    static Problem badName(String origin, String why) {
        return new Problem(FLOW_INVALID, "FLOWCDI003", origin + " has an invalid flow name: " + why
                + "; set a valid @Flow(name = ...)");
    }

    static Problem badVersion(String origin, int version) {
        return new Problem(FLOW_INVALID, "FLOWCDI004", origin + " declares version " + version
                + "; versions start at 1: use @Flow(version = 1) or higher");
    }

    static Problem badFlowLimit(String origin, String why) {
        return new Problem(FLOW_INVALID, "FLOWCDI012", origin + " has an invalid limit: " + why);
    }

    static Problem badScope(String origin, Class<?> scope) {
        return new Problem(FLOW_INVALID, "FLOWCDI005", origin + " is @" + scope.getSimpleName() + ", but flows run"
                + " on engine threads where no request or session exists: use @ApplicationScoped (the default of"
                + " @Flow), @Singleton or @Dependent");
    }

    static Problem duplicate(String flowId, List<String> origins) {
        return new Problem(FLOW_INVALID, "FLOWCDI006", "flow " + flowId + " is defined more than once, by "
                + String.join(" and by ", origins) + "; give each definition its own name or version");
    }

    static Problem notABean(String origin, String why) {
        return new Problem(FLOW_INVALID, "FLOWCDI007", origin + " can never be a bean because it " + why
                + "; put @Flow on a concrete top-level or static class with a no-argument or @Inject constructor");
    }

    static Problem producerFailed(String origin, Throwable cause) {
        return new Problem(FLOW_INVALID, "FLOWCDI008", origin + " failed to create its FlowDefinition: "
                + cause + "; fix the definition it builds");
    }

    static Problem producerReturnedNull(String origin) {
        return new Problem(FLOW_INVALID, "FLOWCDI009", origin + " returned null; a FlowDefinition bean must be a"
                + " definition built with FlowDefinition.builder(...)");
    }

    static Problem typedWithoutFlowBody(String origin) {
        return new Problem(FLOW_INVALID, "FLOWCDI010", origin + " restricts its bean types (@Typed) so that they"
                + " do not include FlowBody; add FlowBody to @Typed or remove @Typed");
    }

    static Problem ambiguousDataSource(String beans) {
        return new Problem(CONFIG_INVALID, "FLOWCDI011", "more than one DataSource bean is qualified"
                + " @FlowDataSource (" + beans + "); keep exactly one");
    }

    static Problem configInvalid(String detail) {
        return new Problem(CONFIG_INVALID, "FLOWCDI020", detail);
    }

    static Problem noDataSource(String jndiName, String key, Throwable cause) {
        return new Problem(CONFIG_INVALID, "FLOWCDI030", "no data source for iterativeflow: there is no"
                + " @FlowDataSource DataSource bean, and the JNDI lookup of '" + jndiName + "' (" + key
                + ") failed with " + cause + "; define that data source in the server, set " + key
                + " to the JNDI name of one, or produce a DataSource bean qualified @FlowDataSource");
    }

    static Problem schemaMismatch(String storeMessage, boolean migrate) {
        String detail = storeMessage.replaceFirst("^\\[[A-Z_]+\\] ", "");
        String hint = migrate ? "" : "; " + FlowConfigKeys.SCHEMA_MIGRATE + " is false, so the engine does not"
                + " migrate at boot: set it to true, or apply the migration before deploying";
        return new Problem(SCHEMA_MISMATCH, "FLOWCDI031", detail + hint);
    }

    static Problem cannotReplay(String runId, String flowId, String reason) {
        return new Problem(FLOW_INVALID, "FLOWCDI042", "in-flight run " + runId + " of flow " + flowId
                + " cannot replay on the deployed flows: " + reason + "; deploy " + flowId + " alongside the new"
                + " version until its runs finish, cancel the run, or set " + FlowConfigKeys.VERSIONS_CHECK
                + "=warn to deploy anyway");
    }

    static Problem moreCannotReplay(long more) {
        return new Problem(FLOW_INVALID, "FLOWCDI043", more + " more in-flight run(s) cannot replay on the"
                + " deployed flows (not listed); see the runs listed above for what to do");
    }

    static Problem noJtaDataSource(String jndiName, String key, Throwable cause) {
        return new Problem(CONFIG_INVALID, "FLOWCDI032", "no JTA data source for iterativeflow's transactional"
                + " starts: the JNDI lookup of '" + jndiName + "' (" + key + ") failed with " + cause + "; define"
                + " that data source in the server (a JTA data source on the engine's database), or remove " + key);
    }

    static Problem noManagedExecutor(String jndiName, String key, String defaultName, Throwable cause) {
        String fix = jndiName.equals(defaultName) ? "enable the server's Jakarta Concurrency feature (Open Liberty:"
                + " concurrent-3.0), or set " + key + " to the JNDI name of a managed executor"
                : "define that executor in the server (Open Liberty: a managedExecutorService or"
                + " managedScheduledExecutorService with that jndiName), or remove " + key + " to use '"
                + defaultName + "'";
        return new Problem(CONFIG_INVALID, "FLOWCDI033", "no managed executor for iterativeflow: the JNDI lookup of '"
                + jndiName + "' (" + key + ") failed with " + cause + "; " + fix);
    }
}
