/* sa-sandbox-scenarios.c — a trainee's training scenarios: starting one
 * (their data in its starting state), the goal checked on their data, and
 * their progress kept on the server (GET /sandbox/scenarios, GET
 * /sandbox/scenarios/{id}, POST /sandbox/scenarios/{id}/start)
 *
 * Progress is per user name (table scenario_progress), in real time, and
 * outlives resets of the data: started, completed, when, how many attempts.
 * A user works on one scenario at a time, the current one; its goal is
 * checked whenever progress is read (the app polls), and once reached the
 * scenario stays completed until it is started again. The goal is a SELECT
 * over the trainee's data, so only the state counts, never the buttons
 * pressed: an order assigned to the wrong account does not complete it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sa-sandbox-scenarios.h"

#include "sa-sandbox-cisco-private.h"

static const char tables_sql[] =
  "CREATE TABLE IF NOT EXISTS devices ("        /* sa-sandbox-devices.c */
  "  tenant TEXT NOT NULL,"
  "  serial_number TEXT NOT NULL,"
  "  sales_order_number TEXT NOT NULL,"
  "  account_id TEXT NOT NULL,"
  "  virtual_account TEXT NOT NULL,"
  "  registered_at INTEGER NOT NULL,"          /* sandbox clock */
  "  PRIMARY KEY (tenant, serial_number));"
  "CREATE TABLE IF NOT EXISTS trainers ("       /* users who see the class */
  "  username TEXT PRIMARY KEY);"
  "CREATE TABLE IF NOT EXISTS scenario_progress ("
  "  username TEXT NOT NULL,"
  "  scenario TEXT NOT NULL,"
  "  started_at INTEGER NOT NULL,"             /* real time, seconds */
  "  completed_at INTEGER,"
  "  attempts INTEGER NOT NULL,"
  "  is_current INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (username, scenario));";

/**
 * sa_sandbox_scenarios_create_tables:
 * @db: the connection
 * @error: return location for a #GError
 *
 * Creates the tables of training (schema version 4): devices (part of each
 * trainee's data), trainers and scenario_progress (per user name), unless
 * they are there. Called by the schema's set-up (sa-sandbox-db.c).
 *
 * Returns: %TRUE on success; %FALSE with %G_IO_ERROR_FAILED
 */
gboolean
sa_sandbox_scenarios_create_tables (sqlite3  *db,
                                    GError  **error)
{
  return sa_sandbox_db_exec (db, tables_sql, error);
}

static gint64
real_now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

typedef struct
{
  const SaSandboxScenario *scenario;
  const char              *username;
  const char              *tenant;
} SaStart;

static gboolean
start_tx (sqlite3   *db,
          gpointer   data,
          GError   **error)
{
  SaStart *start = data;
  gint64 now;

  return sa_sandbox_scenario_run_setup (db, start->scenario, start->tenant, error) &&
         sa_sandbox_db_clock_now (db, start->tenant, &now, error) &&
         sa_sandbox_licenses_settle (db, start->tenant, now, error) &&
         sa_sandbox_db_run (db, error, "UPDATE scenario_progress SET is_current = 0 WHERE username = ?1",
                            "t", start->username) &&
         sa_sandbox_db_run (db, error,
                            "INSERT INTO scenario_progress (username, scenario, started_at, completed_at,"
                            " attempts, is_current) VALUES (?1, ?2, ?3, NULL, 1, 1)"
                            " ON CONFLICT (username, scenario) DO UPDATE SET started_at = excluded.started_at,"
                            " completed_at = NULL, attempts = attempts + 1, is_current = 1",
                            "tti", start->username, start->scenario->id, real_now ());
}

/**
 * sa_sandbox_scenario_start:
 * @db: the connection, outside any transaction
 * @scenario: the scenario
 * @username: the trainee
 * @tenant: the trainee's copy of the data
 * @error: return location for a #GError
 *
 * Starts (or restarts) @scenario for @username: their data becomes the
 * training data again, then the scenario's Setup runs on it (its starting
 * state; licenses settle by the license model), and their progress records
 * one more attempt, started now, not completed, current.
 *
 * Returns: %TRUE on success; %FALSE with %G_IO_ERROR_INVALID_DATA (a bad
 *   Setup) or %G_IO_ERROR_FAILED
 */
gboolean
sa_sandbox_scenario_start (sqlite3                  *db,
                           const SaSandboxScenario  *scenario,
                           const char               *username,
                           const char               *tenant,
                           GError                  **error)
{
  SaStart start = { scenario, username, tenant };

  return sa_sandbox_db_load_training_data (db, tenant, NULL, NULL, NULL, error) &&
         sa_sandbox_db_transaction (db, start_tx, &start, error);
}

/**
 * sa_sandbox_scenarios_settle:
 * @db: the connection
 * @scenarios: (element-type SaSandboxScenario): the scenarios
 * @username: a user
 * @tenant: their copy of the data
 * @error: return location for a #GError
 *
 * Checks the goal of @username's current scenario, unless already completed,
 * on their data; when reached, records it completed now.
 *
 * Returns: %TRUE on success; %FALSE with %G_IO_ERROR_FAILED
 */
gboolean
sa_sandbox_scenarios_settle (sqlite3      *db,
                             GPtrArray    *scenarios,
                             const char   *username,
                             const char   *tenant,
                             GError      **error)
{
  g_autoptr(sqlite3_stmt) row = NULL;
  const SaSandboxScenario *scenario;
  gboolean reached = FALSE;

  if (!sa_sandbox_db_query_row (db, &row, error,
                                "SELECT scenario FROM scenario_progress"
                                " WHERE username = ?1 AND is_current = 1 AND completed_at IS NULL",
                                "t", username))
    return FALSE;
  if (row == NULL)
    return TRUE;
  scenario = sa_sandbox_scenarios_find (scenarios, sa_sandbox_db_text (row, 0));
  if (scenario == NULL)
    return TRUE; /* its file was removed */

  if (!sa_sandbox_scenario_goal_reached (db, scenario, tenant, &reached, error))
    return FALSE;
  if (!reached)
    return TRUE;

  g_debug ("%s reached the goal of %s", username, scenario->id);
  return sa_sandbox_db_run (db, error,
                            "UPDATE scenario_progress SET completed_at = ?3"
                            " WHERE username = ?1 AND scenario = ?2 AND completed_at IS NULL",
                            "tti", username, scenario->id, real_now ());
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

/* One Scenario of the Desk API; @row: (nullable) the progress row
 * (started_at, completed_at, attempts, is_current) */
static void
add_scenario (JsonBuilder             *builder,
              const SaSandboxScenario *scenario,
              sqlite3_stmt            *row,
              const char              *lang,
              gboolean                 full)
{
  const char *status = "NOT_STARTED";

  if (row != NULL)
    status = sqlite3_column_type (row, 1) == SQLITE_NULL ? "STARTED" : "COMPLETED";

  json_builder_begin_object (builder);
  add_string (builder, "id", scenario->id);
  add_string (builder, "name", sa_sandbox_scenario_get_text (scenario, "Name", lang));
  if (full)
    {
      add_string (builder, "goal", sa_sandbox_scenario_get_text (scenario, "Goal", lang));
      add_string (builder, "praise", sa_sandbox_scenario_get_text (scenario, "Praise", lang));
      add_string (builder, "documents", sa_sandbox_scenario_get_text (scenario, "Documents", lang));
      add_string (builder, "connection", scenario->connection);
      json_builder_set_member_name (builder, "procedure");
      json_builder_add_int_value (builder, scenario->procedure);
    }
  add_string (builder, "status", status);
  json_builder_set_member_name (builder, "current");
  json_builder_add_boolean_value (builder, row != NULL && sqlite3_column_int (row, 3) != 0);
  json_builder_set_member_name (builder, "attempts");
  json_builder_add_int_value (builder, row != NULL ? sqlite3_column_int64 (row, 2) : 0);
  sa_sandbox_json_add_date (builder, "startedAt", row == NULL, row != NULL ? sqlite3_column_int64 (row, 0) : 0);
  sa_sandbox_json_add_date (builder, "completedAt",
                            row == NULL || sqlite3_column_type (row, 1) == SQLITE_NULL,
                            row != NULL ? sqlite3_column_int64 (row, 1) : 0);
  json_builder_end_object (builder);
}

/* One scenario with @username's progress. */
static void
add_one (JsonBuilder             *builder,
         sqlite3                 *db,
         const SaSandboxScenario *scenario,
         const char              *username,
         const char              *lang,
         gboolean                 full)
{
  g_autoptr(sqlite3_stmt) row = NULL;
  g_autoptr(GError) error = NULL;

  if (!sa_sandbox_db_query_row (db, &row, &error,
                                "SELECT started_at, completed_at, attempts, is_current FROM scenario_progress"
                                " WHERE username = ?1 AND scenario = ?2",
                                "tt", username, scenario->id))
    g_message ("progress of %s not read: %s", username, error->message);
  add_scenario (builder, scenario, row, lang, full);
}

/**
 * sa_sandbox_scenarios_add_progress:
 * @builder: a builder where a value is expected
 * @db: the connection
 * @scenarios: (element-type SaSandboxScenario): the scenarios
 * @username: a user
 * @lang: (nullable): the language of the texts (see
 *   sa_sandbox_scenario_get_text())
 * @full: with the texts (goal, praise, documents) and procedure
 *
 * Adds the array of @username's scenarios, each with their progress
 * (docs/desk-api.md, "Training scenarios"). A database failure is logged,
 * and the scenarios show as not started.
 */
void
sa_sandbox_scenarios_add_progress (JsonBuilder *builder,
                                   sqlite3     *db,
                                   GPtrArray   *scenarios,
                                   const char  *username,
                                   const char  *lang,
                                   gboolean     full)
{
  guint i;

  json_builder_begin_array (builder);
  for (i = 0; i < scenarios->len; i++)
    add_one (builder, db, scenarios->pdata[i], username, lang, full);
  json_builder_end_array (builder);
}

/* The scenarios, loaded for one request; NULL with 500 sent. */
static GPtrArray *
load_for (SaSandboxRequest *request)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *scenarios = sa_sandbox_scenarios_load (request->server->data_dir, &error);

  if (scenarios == NULL)
    {
      g_message ("scenarios: %s", error->message);
      sa_sandbox_respond_gerror (request->msg, error);
    }

  return scenarios;
}

static const char *
request_lang (SaSandboxRequest *request)
{
  return g_hash_table_lookup (request->query, "lang");
}

/* Answers the caller's scenario @id (all of them when NULL). */
static void
respond_scenarios (SaSandboxRequest *request,
                   GPtrArray        *scenarios,
                   const char       *id,
                   guint             status)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) error = NULL;

  if (!sa_sandbox_scenarios_settle (request->db, scenarios, request->caller->username,
                                    request->caller->tenant, &error))
    {
      sa_sandbox_respond_gerror (request->msg, error);
      return;
    }

  if (id == NULL)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "scenarios");
      sa_sandbox_scenarios_add_progress (builder, request->db, scenarios, request->caller->username,
                                         request_lang (request), TRUE);
      json_builder_set_member_name (builder, "totalRecords");
      json_builder_add_int_value (builder, scenarios->len);
      json_builder_end_object (builder);
      sa_sandbox_respond_builder (request->msg, status, builder, NULL);
      return;
    }

  add_one (builder, request->db, sa_sandbox_scenarios_find (scenarios, id), request->caller->username,
           request_lang (request), TRUE);
  sa_sandbox_respond_builder (request->msg, status, builder, NULL);
}

/* GET /sandbox/scenarios[?lang=] */
static void
list_scenarios (SaSandboxRequest *request)
{
  g_autoptr(GPtrArray) scenarios = load_for (request);

  if (scenarios != NULL)
    respond_scenarios (request, scenarios, NULL, SOUP_STATUS_OK);
}

/* The scenario of the path's {id}; NULL with 404 sent. */
static const SaSandboxScenario *
find_for (SaSandboxRequest *request,
          GPtrArray        *scenarios)
{
  const SaSandboxScenario *scenario = sa_sandbox_scenarios_find (scenarios,
                                                                 sa_sandbox_request_get_param (request, "id"));

  if (scenario == NULL)
    sa_sandbox_respond_error (request->msg, SA_CLIENT_ERROR_NOT_FOUND, "No training scenario has this id");

  return scenario;
}

/* GET /sandbox/scenarios/{id}[?lang=] */
static void
get_scenario (SaSandboxRequest *request)
{
  g_autoptr(GPtrArray) scenarios = load_for (request);

  if (scenarios != NULL && find_for (request, scenarios) != NULL)
    respond_scenarios (request, scenarios, sa_sandbox_request_get_param (request, "id"), SOUP_STATUS_OK);
}

/* POST /sandbox/scenarios/{id}/start[?lang=]: starts or restarts it. */
static void
start_scenario (SaSandboxRequest *request)
{
  g_autoptr(GPtrArray) scenarios = load_for (request);
  g_autoptr(GError) error = NULL;
  const SaSandboxScenario *scenario;

  if (scenarios == NULL || (scenario = find_for (request, scenarios)) == NULL)
    return;

  if (!sa_sandbox_scenario_start (request->db, scenario, request->caller->username,
                                  request->caller->tenant, &error))
    {
      g_message ("scenario %s: %s", scenario->id, error->message);
      sa_sandbox_respond_gerror (request->msg, error);
      return;
    }
  sa_sandbox_cisco_clear_faults (request->server, request->caller->username);

  respond_scenarios (request, scenarios, scenario->id, SOUP_STATUS_OK);
}

static const SaSandboxRoute routes[] = {
  { "GET", "/sandbox/scenarios", list_scenarios, SA_SANDBOX_SIGNED_IN },
  { "GET", "/sandbox/scenarios/{id}", get_scenario, SA_SANDBOX_SIGNED_IN },
  { "POST", "/sandbox/scenarios/{id}/start", start_scenario, SA_SANDBOX_SIGNED_IN },
};

const SaSandboxRouteTable sa_sandbox_scenarios_routes = SA_SANDBOX_ROUTE_TABLE (routes);
