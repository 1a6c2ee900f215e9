/* sa-sandbox-class.c — the class as its trainer sees it: every user's
 * progress through the training scenarios, and a reset of one trainee or of
 * the whole class to a scenario's start; over the API for trainer accounts
 * (GET /sandbox/class, POST /sandbox/class/reset) and for the trainer's
 * commands (trainee add --trainer, trainee progress: sa-sandbox-main.c)
 *
 * A trainer is a user listed in table trainers: a trainer works on a copy of
 * the data of their own, as any user, and may also read and reset the class.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sa-sandbox-scenarios.h"

#include "sa-sandbox-cisco-private.h"

/**
 * sa_sandbox_user_is_trainer:
 * @db: the connection
 * @username: a user name
 * @is_trainer: (out): whether @username is a trainer
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success; %FALSE with %G_IO_ERROR_FAILED
 */
gboolean
sa_sandbox_user_is_trainer (sqlite3     *db,
                            const char  *username,
                            gboolean    *is_trainer,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) row = NULL;

  if (!sa_sandbox_db_query_row (db, &row, error, "SELECT 1 FROM trainers WHERE username = ?1", "t", username))
    return FALSE;
  *is_trainer = row != NULL;

  return TRUE;
}

/* The users (name, tenant, is a trainer), sorted by name. */
static sqlite3_stmt *
prepare_users (sqlite3     *db,
               const char  *only,
               GError     **error)
{
  return sa_sandbox_db_prepare (db, error,
                                "SELECT u.username, u.tenant, t.username IS NOT NULL FROM users u"
                                " LEFT JOIN trainers t ON t.username = u.username"
                                " WHERE ?1 IS NULL OR u.username = ?1 ORDER BY u.username",
                                "t", only);
}

/* {"trainees": [{"username", "trainer", "completed", "scenarios": […]}…],
 * "totalRecords": N}, every user's current goal checked first. */
static gboolean
build_progress (JsonBuilder *builder,
                sqlite3     *db,
                GPtrArray   *scenarios,
                const char  *lang,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) users = prepare_users (db, NULL, error);
  g_autoptr(GError) local_error = NULL;
  guint n = 0;

  if (users == NULL)
    return FALSE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "trainees");
  json_builder_begin_array (builder);
  while (sa_sandbox_db_next (users, &local_error))
    {
      const char *name = sa_sandbox_db_text (users, 0);
      g_autoptr(sqlite3_stmt) done = NULL;

      if (!sa_sandbox_scenarios_settle (db, scenarios, name, sa_sandbox_db_text (users, 1), error) ||
          !sa_sandbox_db_query_row (db, &done, error,
                                    "SELECT count(*) FROM scenario_progress"
                                    " WHERE username = ?1 AND completed_at IS NOT NULL", "t", name))
        return FALSE;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "username");
      json_builder_add_string_value (builder, name);
      json_builder_set_member_name (builder, "trainer");
      json_builder_add_boolean_value (builder, sqlite3_column_int (users, 2) != 0);
      json_builder_set_member_name (builder, "completed");
      json_builder_add_int_value (builder, done != NULL ? sqlite3_column_int64 (done, 0) : 0);
      json_builder_set_member_name (builder, "scenarios");
      sa_sandbox_scenarios_add_progress (builder, db, scenarios, name, lang, FALSE);
      json_builder_end_object (builder);
      n++;
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "totalRecords");
  json_builder_add_int_value (builder, n);
  json_builder_end_object (builder);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/**
 * sa_sandbox_class_progress:
 * @db: the connection
 * @data_dir: (nullable): the sandbox's data folder (for the trainer's own
 *   scenario files)
 * @error: return location for a #GError
 *
 * The class's progress, as `GET /sandbox/class` answers it and
 * `trainee progress --json` prints it: each user with whether they are a
 * trainer, how many scenarios they completed, and each scenario's status,
 * attempts, start and completion (real time, UTC). Each user's current
 * goal is checked on their data first.
 *
 * Returns: (transfer full) (nullable): the object; %NULL with
 *   %G_IO_ERROR_INVALID_DATA (a bad scenario file) or %G_IO_ERROR_FAILED
 */
JsonNode *
sa_sandbox_class_progress (sqlite3     *db,
                           const char  *data_dir,
                           GError     **error)
{
  g_autoptr(GPtrArray) scenarios = sa_sandbox_scenarios_load (data_dir, error);
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  if (scenarios == NULL || !build_progress (builder, db, scenarios, NULL, error))
    return NULL;

  return json_builder_get_root (builder);
}

/**
 * sa_sandbox_class_reset:
 * @db: the connection, outside any transaction
 * @data_dir: (nullable): the sandbox's data folder
 * @scenario_id: the scenario whose start to reset to
 * @username: (nullable): one user; %NULL: every user who is not a trainer
 * @error: return location for a #GError
 *
 * Puts one trainee, or the whole class, at the start of a scenario, as if
 * each had started it (sa_sandbox_scenario_start(): one more attempt).
 *
 * Returns: %TRUE on success; %FALSE with %G_IO_ERROR_NOT_FOUND (no such
 *   scenario or user), %G_IO_ERROR_INVALID_DATA or %G_IO_ERROR_FAILED
 */
gboolean
sa_sandbox_class_reset (sqlite3     *db,
                        const char  *data_dir,
                        const char  *scenario_id,
                        const char  *username,
                        GError     **error)
{
  g_autoptr(GPtrArray) scenarios = sa_sandbox_scenarios_load (data_dir, error);
  g_autoptr(sqlite3_stmt) users = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) tenants = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  const SaSandboxScenario *scenario;
  guint i;

  if (scenarios == NULL)
    return FALSE;
  scenario = sa_sandbox_scenarios_find (scenarios, scenario_id);
  if (scenario == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "No training scenario has the id “%s”", scenario_id);
      return FALSE;
    }

  users = prepare_users (db, username, error);
  if (users == NULL)
    return FALSE;
  while (sa_sandbox_db_next (users, &local_error))
    if (username != NULL || sqlite3_column_int (users, 2) == 0)
      {
        g_ptr_array_add (names, g_strdup (sa_sandbox_db_text (users, 0)));
        g_ptr_array_add (tenants, g_strdup (sa_sandbox_db_text (users, 1)));
      }
  g_clear_pointer (&users, sqlite3_finalize);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (username != NULL && names->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "No trainee is named “%s”", username);
      return FALSE;
    }

  for (i = 0; i < names->len; i++)
    if (!sa_sandbox_scenario_start (db, scenario, names->pdata[i], tenants->pdata[i], error))
      return FALSE;

  return TRUE;
}

/**
 * sa_sandbox_set_trainer:
 * @db: the connection
 * @username: an existing user
 * @is_trainer: whether @username sees the class
 * @error: return location for a #GError
 *
 * Makes @username a trainer (`trainee add --trainer NAME`), or not.
 *
 * Returns: %TRUE on success; %FALSE with %G_IO_ERROR_FAILED
 */
gboolean
sa_sandbox_set_trainer (sqlite3     *db,
                        const char  *username,
                        gboolean     is_trainer,
                        GError     **error)
{
  if (is_trainer)
    return sa_sandbox_db_run (db, error, "INSERT OR IGNORE INTO trainers (username) VALUES (?1)", "t", username);

  return sa_sandbox_db_run (db, error, "DELETE FROM trainers WHERE username = ?1", "t", username);
}

/* FALSE (and 403 sent) unless the caller is a trainer. */
static gboolean
check_trainer (SaSandboxRequest *request)
{
  g_autoptr(GError) error = NULL;
  gboolean trainer = FALSE;

  if (!sa_sandbox_user_is_trainer (request->db, request->caller->username, &trainer, &error))
    {
      sa_sandbox_respond_gerror (request->msg, error);
      return FALSE;
    }
  if (!trainer)
    sa_sandbox_respond_error (request->msg, SA_CLIENT_ERROR_NOT_AUTHORIZED,
                              "Only a trainer sees and resets the class");

  return trainer;
}

/* GET /sandbox/class[?lang=] (trainers) */
static void
get_class (SaSandboxRequest *request)
{
  g_autoptr(GPtrArray) scenarios = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) error = NULL;

  if (!check_trainer (request))
    return;
  scenarios = sa_sandbox_scenarios_load (request->server->data_dir, &error);
  if (scenarios == NULL ||
      !build_progress (builder, request->db, scenarios, g_hash_table_lookup (request->query, "lang"), &error))
    {
      sa_sandbox_respond_gerror (request->msg, error);
      return;
    }

  sa_sandbox_respond_builder (request->msg, SOUP_STATUS_OK, builder, NULL);
}

/* POST /sandbox/class/reset {"scenario": id, "trainee": name?} (trainers) */
static void
reset_class (SaSandboxRequest *request)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  const char *scenario = NULL, *trainee = NULL;

  if (!check_trainer (request) || (root = sa_sandbox_parse_body_object (request->msg)) == NULL ||
      !sa_sandbox_get_string_member (request->msg, json_node_get_object (root), "scenario", &scenario) ||
      !sa_sandbox_get_string_member (request->msg, json_node_get_object (root), "trainee", &trainee))
    return;
  if (scenario == NULL)
    {
      sa_sandbox_respond_invalid (request->msg, "scenario", "Give the scenario whose start to reset to");
      return;
    }

  if (!sa_sandbox_class_reset (request->db, request->server->data_dir, scenario, trainee, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        sa_sandbox_respond_error (request->msg, SA_CLIENT_ERROR_NOT_FOUND, error->message);
      else
        sa_sandbox_respond_gerror (request->msg, error);
      return;
    }

  sa_sandbox_respond_ok (request->msg);
}

static const SaSandboxRoute routes[] = {
  { "GET", "/sandbox/class", get_class, SA_SANDBOX_SIGNED_IN },
  { "POST", "/sandbox/class/reset", reset_class, SA_SANDBOX_SIGNED_IN },
};

const SaSandboxRouteTable sa_sandbox_class_routes = SA_SANDBOX_ROUTE_TABLE (routes);
