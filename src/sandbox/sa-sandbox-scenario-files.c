/* sa-sandbox-scenario-files.c — the training scenarios' files: reading one
 * (the schema check: the keys, their values, and the SQL that SQLite must
 * accept), and the list of them all
 *
 * The scenarios come with the sandbox (data/scenarios/, compiled into its
 * resources) and from the trainer's own folder, `DATA/scenarios/` beside the
 * sandbox's database: a trainer adds one there without rebuilding (a file
 * with the Id of a built-in one replaces it). See sa-sandbox-scenarios.h for
 * what a file holds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sa-sandbox-scenarios.h"

#include <string.h>

#include "sa-sandbox-private.h"
#include "sa-sandbox-resources.h"

#define GROUP        "Scenario"
#define MAX_TEXT     2000
#define MAX_SQL      8000

/* Every key a scenario may have; anything else is a mistake (a typo). */
static const char *const known_keys[] = {
  "Id", "Name", "Goal", "Praise", "Documents", "Procedure", "Position", "Connection", "Setup", "Check",
};

/* The tables a Setup may change: the trainee's data. */
static const char *const writable_tables[] = {
  "orders", "order_lines", "licenses", "smart_accounts", "virtual_accounts", "account_roles",
  "account_requests", "access_requests", "devices", "clocks",
};

/**
 * sa_sandbox_scenario_free:
 * @scenario: (transfer full) (nullable): a scenario
 *
 * Frees @scenario.
 */
void
sa_sandbox_scenario_free (SaSandboxScenario *scenario)
{
  if (scenario == NULL)
    return;
  g_free (scenario->id);
  g_free (scenario->name);
  g_free (scenario->goal);
  g_free (scenario->praise);
  g_free (scenario->documents);
  g_clear_pointer (&scenario->keyfile, g_key_file_unref);
  g_free (scenario->connection);
  g_free (scenario->setup);
  g_free (scenario->check);
  g_free (scenario->file);
  g_free (scenario);
}

static gboolean
id_is_valid (const char *id)
{
  const char *p;

  if (id == NULL || *id == '\0' || strlen (id) > 48)
    return FALSE;
  for (p = id; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;

  return TRUE;
}

/* The text of @key: required, printable, at most @max characters. */
static char *
get_text (GKeyFile    *keyfile,
          const char  *file,
          const char  *key,
          gsize        max,
          gboolean     required,
          GError     **error)
{
  g_autofree char *value = NULL;
  g_autoptr(GError) local_error = NULL;

  value = g_key_file_get_string (keyfile, GROUP, key, &local_error);
  if (value == NULL && !required &&
      g_error_matches (local_error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND))
    return NULL;
  if (value == NULL || *g_strstrip (value) == '\0' || g_utf8_strlen (value, -1) > (glong) max)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s: %s is required: 1 to %" G_GSIZE_FORMAT " characters", file, key, max);
      return NULL;
    }

  return g_steal_pointer (&value);
}

static gboolean
get_int (GKeyFile    *keyfile,
         const char  *file,
         const char  *key,
         int          min,
         int          max,
         int          fallback,
         int         *value,
         GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  int v;

  if (!g_key_file_has_key (keyfile, GROUP, key, NULL))
    {
      *value = fallback;
      return TRUE;
    }
  v = g_key_file_get_integer (keyfile, GROUP, key, &local_error);
  if (local_error != NULL || v < min || v > max)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s: %s is a whole number from %d to %d", file, key, min, max);
      return FALSE;
    }
  *value = v;

  return TRUE;
}

/* Checks the file's group and keys: one group, no unknown key. */
static gboolean
check_keys (GKeyFile    *keyfile,
            const char  *file,
            GError     **error)
{
  g_auto(GStrv) groups = g_key_file_get_groups (keyfile, NULL);
  g_auto(GStrv) keys = NULL;
  guint i, j;

  if (g_strv_length (groups) != 1 || strcmp (groups[0], GROUP) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s: a scenario file has one group, [" GROUP "]", file);
      return FALSE;
    }
  keys = g_key_file_get_keys (keyfile, GROUP, NULL, NULL);
  for (i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      g_autofree char *base = g_strdup (keys[i]);
      char *bracket = strchr (base, '[');
      gboolean known = FALSE;

      if (bracket != NULL)
        *bracket = '\0';
      for (j = 0; j < G_N_ELEMENTS (known_keys); j++)
        known = known || strcmp (base, known_keys[j]) == 0;
      /* translations only of the four texts */
      if (bracket != NULL)
        known = strcmp (base, "Name") == 0 || strcmp (base, "Goal") == 0 ||
                strcmp (base, "Praise") == 0 || strcmp (base, "Documents") == 0;
      if (!known)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "%s: unknown key “%s”", file, keys[i]);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * sa_sandbox_scenario_parse:
 * @file: the file's name, for messages
 * @bytes: its contents: a GKeyFile in UTF-8
 * @error: return location for a #GError
 *
 * Reads one scenario file and checks it against the schema (the tests'
 * check of every file): one [Scenario] group, no unknown key, an Id of
 * lower-case letters, digits and '-', the four texts present and at most
 * 2000 characters, Procedure 1 to 4, Connection "training" or
 * "cisco-practice", a Check. The SQL is checked by
 * sa_sandbox_scenario_check_sql().
 *
 * Returns: (transfer full) (nullable): the scenario; %NULL with
 *   %G_IO_ERROR_INVALID_DATA or a #GKeyFileError
 */
SaSandboxScenario *
sa_sandbox_scenario_parse (const char  *file,
                           GBytes      *bytes,
                           GError     **error)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(SaSandboxScenario) scenario = g_new0 (SaSandboxScenario, 1);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (!g_key_file_load_from_data (keyfile, data != NULL ? data : "", size, G_KEY_FILE_KEEP_TRANSLATIONS, error) ||
      !check_keys (keyfile, file, error))
    return NULL;

  scenario->file = g_strdup (file);
  scenario->id = get_text (keyfile, file, "Id", 48, TRUE, error);
  if (scenario->id == NULL)
    return NULL;
  if (!id_is_valid (scenario->id))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s: Id is 1 to 48 lower-case letters, digits and '-'", file);
      return NULL;
    }
  if ((scenario->name = get_text (keyfile, file, "Name", 200, TRUE, error)) == NULL ||
      (scenario->goal = get_text (keyfile, file, "Goal", MAX_TEXT, TRUE, error)) == NULL ||
      (scenario->praise = get_text (keyfile, file, "Praise", MAX_TEXT, TRUE, error)) == NULL ||
      (scenario->documents = get_text (keyfile, file, "Documents", MAX_TEXT, TRUE, error)) == NULL ||
      (scenario->check = get_text (keyfile, file, "Check", MAX_SQL, TRUE, error)) == NULL ||
      !get_int (keyfile, file, "Procedure", 1, 4, 1, &scenario->procedure, error) ||
      !get_int (keyfile, file, "Position", 0, 9999, 9999, &scenario->position, error))
    return NULL;

  scenario->setup = get_text (keyfile, file, "Setup", MAX_SQL, FALSE, error);
  if (scenario->setup == NULL && g_key_file_has_key (keyfile, GROUP, "Setup", NULL))
    return NULL;
  g_clear_error (error);

  scenario->connection = get_text (keyfile, file, "Connection", 20, FALSE, NULL);
  if (scenario->connection == NULL)
    scenario->connection = g_strdup ("training");
  if (strcmp (scenario->connection, "training") != 0 && strcmp (scenario->connection, "cisco-practice") != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s: Connection is training or cisco-practice", file);
      return NULL;
    }
  scenario->keyfile = g_steal_pointer (&keyfile);

  return g_steal_pointer (&scenario);
}

/**
 * sa_sandbox_scenario_get_text:
 * @scenario: a scenario
 * @key: "Name", "Goal", "Praise" or "Documents"
 * @lang: (nullable): a language ("fr"), or %NULL
 *
 * Returns: (transfer none): the file's own translation into @lang when it has
 *   one (`Name[fr]=`), else the English text, which the app translates with
 *   its catalogue (the built-in files' texts are in po/)
 */
const char *
sa_sandbox_scenario_get_text (const SaSandboxScenario *scenario,
                              const char              *key,
                              const char              *lang)
{
  if (lang != NULL && *lang != '\0' && strlen (lang) < 16)
    {
      g_autofree char *localized = g_strdup_printf ("%s[%s]", key, lang);

      if (g_key_file_has_key (scenario->keyfile, GROUP, localized, NULL))
        {
          /* kept on the key file: set once, read many times */
          g_autofree char *text = g_key_file_get_string (scenario->keyfile, GROUP, localized, NULL);
          const char *interned = g_intern_string (text);

          return interned;
        }
    }

  if (strcmp (key, "Name") == 0)
    return scenario->name;
  if (strcmp (key, "Goal") == 0)
    return scenario->goal;
  if (strcmp (key, "Praise") == 0)
    return scenario->praise;
  return scenario->documents;
}

/* The authorizer of a Setup: writes only to the trainee's data tables. */
static int
authorize_setup (void       *data,
                 int         action,
                 const char *table,
                 const char *unused1,
                 const char *database,
                 const char *unused2)
{
  guint i;

  switch (action)
    {
    case SQLITE_INSERT:
    case SQLITE_UPDATE:
    case SQLITE_DELETE:
      if (g_strcmp0 (database, "main") != 0)
        return SQLITE_DENY;
      for (i = 0; i < G_N_ELEMENTS (writable_tables); i++)
        if (g_strcmp0 (table, writable_tables[i]) == 0)
          return SQLITE_OK;
      return SQLITE_DENY;
    case SQLITE_READ:
    case SQLITE_SELECT:
    case SQLITE_FUNCTION:
    case SQLITE_RECURSIVE:
      return SQLITE_OK;
    default:
      return SQLITE_DENY;
    }
}

/* Prepares each statement of @sql in turn; runs them with ?1 = @tenant when
 * @tenant is not NULL. Every statement must have the one parameter ?1. */
static gboolean
run_setup (sqlite3     *db,
           const char  *file,
           const char  *sql,
           const char  *tenant,
           GError     **error)
{
  const char *tail = sql;
  gboolean ok = TRUE;

  sqlite3_set_authorizer (db, authorize_setup, NULL);
  while (ok && tail != NULL && *tail != '\0')
    {
      sqlite3_stmt *stmt = NULL;
      const char *next = NULL;
      int rc;

      if (sqlite3_prepare_v2 (db, tail, -1, &stmt, &next) != SQLITE_OK)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: Setup: %s", file, sqlite3_errmsg (db));
          ok = FALSE;
        }
      else if (stmt != NULL && sqlite3_bind_parameter_count (stmt) != 1)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "%s: Setup: every statement names the trainee's data with tenant = ?1", file);
          ok = FALSE;
        }
      else if (stmt != NULL && tenant != NULL)
        {
          sqlite3_bind_text (stmt, 1, tenant, -1, SQLITE_TRANSIENT);
          while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
            ;
          if (rc != SQLITE_DONE)
            ok = sa_sandbox_db_fail (db, "scenario setup", error);
        }
      sqlite3_finalize (stmt);
      tail = next;
    }
  sqlite3_set_authorizer (db, NULL, NULL);

  return ok;
}

/* The goal's statement, checked: one read-only SELECT with ?1 only. */
static sqlite3_stmt *
prepare_check (sqlite3                  *db,
               const SaSandboxScenario  *scenario,
               GError                  **error)
{
  sqlite3_stmt *stmt = NULL;
  const char *tail = NULL;

  if (sqlite3_prepare_v2 (db, scenario->check, -1, &stmt, &tail) != SQLITE_OK || stmt == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: Check: %s",
                   scenario->file, stmt == NULL ? "empty" : sqlite3_errmsg (db));
      sqlite3_finalize (stmt);
      return NULL;
    }
  while (tail != NULL && g_ascii_isspace (*tail))
    tail++;
  if ((tail != NULL && *tail != '\0' && *tail != ';') || !sqlite3_stmt_readonly (stmt) ||
      sqlite3_bind_parameter_count (stmt) != 1 || sqlite3_column_count (stmt) < 1)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s: Check is one read-only SELECT of the trainee's data (tenant = ?1)", scenario->file);
      sqlite3_finalize (stmt);
      return NULL;
    }

  return stmt;
}

/**
 * sa_sandbox_scenario_check_sql:
 * @scenario: a scenario
 * @db: a sandbox database (its schema), which is not changed
 * @error: return location for a #GError
 *
 * Checks @scenario's SQL against the database's schema: the Check is one
 * read-only SELECT whose only parameter is ?1; every statement of the Setup
 * prepares, has the one parameter ?1, and writes only the trainee's data
 * tables (orders, licenses, … — never users or progress).
 *
 * Returns: %TRUE when valid; %FALSE with %G_IO_ERROR_INVALID_DATA
 */
gboolean
sa_sandbox_scenario_check_sql (const SaSandboxScenario  *scenario,
                               sqlite3                  *db,
                               GError                  **error)
{
  g_autoptr(sqlite3_stmt) check = prepare_check (db, scenario, error);

  if (check == NULL)
    return FALSE;

  return scenario->setup == NULL || run_setup (db, scenario->file, scenario->setup, NULL, error);
}

/**
 * sa_sandbox_scenario_run_setup:
 * @db: the connection, inside a transaction
 * @scenario: a scenario
 * @tenant: the trainee's tenant, freshly loaded with the training data
 * @error: return location for a #GError
 *
 * Runs @scenario's Setup on @tenant's data (its starting state).
 *
 * Returns: %TRUE on success; %FALSE with %G_IO_ERROR_INVALID_DATA or
 *   %G_IO_ERROR_FAILED
 */
gboolean
sa_sandbox_scenario_run_setup (sqlite3                  *db,
                               const SaSandboxScenario  *scenario,
                               const char               *tenant,
                               GError                  **error)
{
  return scenario->setup == NULL || run_setup (db, scenario->file, scenario->setup, tenant, error);
}

/**
 * sa_sandbox_scenario_goal_reached:
 * @db: the connection
 * @scenario: a scenario
 * @tenant: the trainee's tenant
 * @reached: (out): whether the Check's first row has a true first column
 * @error: return location for a #GError
 *
 * Checks the goal on the server's state: the trainee's data.
 *
 * Returns: %TRUE on success; %FALSE with %G_IO_ERROR_INVALID_DATA or
 *   %G_IO_ERROR_FAILED
 */
gboolean
sa_sandbox_scenario_goal_reached (sqlite3                  *db,
                                  const SaSandboxScenario  *scenario,
                                  const char               *tenant,
                                  gboolean                 *reached,
                                  GError                  **error)
{
  g_autoptr(sqlite3_stmt) check = prepare_check (db, scenario, error);
  int rc;

  *reached = FALSE;
  if (check == NULL)
    return FALSE;
  sqlite3_bind_text (check, 1, tenant, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (check);
  if (rc == SQLITE_ROW)
    *reached = sqlite3_column_int (check, 0) != 0;
  else if (rc != SQLITE_DONE)
    return sa_sandbox_db_fail (db, "scenario check", error);

  return TRUE;
}

static int
compare_scenarios (gconstpointer a,
                   gconstpointer b)
{
  const SaSandboxScenario *x = *(SaSandboxScenario * const *) a;
  const SaSandboxScenario *y = *(SaSandboxScenario * const *) b;

  if (x->position != y->position)
    return x->position < y->position ? -1 : 1;
  return strcmp (x->id, y->id);
}

/* Adds @scenario to @list, replacing one of the same Id. */
static void
add_scenario (GPtrArray         *list,
              SaSandboxScenario *scenario)
{
  guint i;

  for (i = 0; i < list->len; i++)
    if (strcmp (((SaSandboxScenario *) list->pdata[i])->id, scenario->id) == 0)
      {
        g_ptr_array_remove_index (list, i);
        break;
      }
  g_ptr_array_add (list, scenario);
}

static gboolean
is_scenario_file (const char *name)
{
  return g_str_has_suffix (name, ".scenario.desktop.in") || g_str_has_suffix (name, ".scenario");
}

/* The trainer's own files, from @dir (a missing folder has none). */
static gboolean
load_folder (GPtrArray   *list,
             const char  *dir,
             GError     **error)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GBytes) bytes = NULL;
      gsize length;
      SaSandboxScenario *scenario;

      if (!is_scenario_file (name))
        continue;
      if (!g_file_get_contents (path, &contents, &length, error))
        return FALSE;
      bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
      scenario = sa_sandbox_scenario_parse (path, bytes, error);
      if (scenario == NULL)
        return FALSE;
      add_scenario (list, scenario);
    }

  return TRUE;
}

/**
 * sa_sandbox_scenarios_load:
 * @data_dir: (nullable): the sandbox's data folder, whose `scenarios/`
 *   folder holds the trainer's own scenario files
 * @error: return location for a #GError
 *
 * Loads the built-in scenarios and the trainer's, sorted by Position then
 * Id. A file that fails sa_sandbox_scenario_parse() fails the whole list,
 * so that a trainer sees the mistake at once.
 *
 * Returns: (transfer full) (element-type SaSandboxScenario): the scenarios;
 *   %NULL with the error of the file at fault
 */
GPtrArray *
sa_sandbox_scenarios_load (const char  *data_dir,
                           GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) sa_sandbox_scenario_free);
  g_auto(GStrv) names = NULL;
  guint i;

  names = g_resource_enumerate_children (sa_sandbox_get_resource (), SA_SANDBOX_SCENARIOS_RESOURCE,
                                         G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (names == NULL)
    return NULL;
  for (i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (SA_SANDBOX_SCENARIOS_RESOURCE "/", names[i], NULL);
      g_autoptr(GBytes) bytes = NULL;
      SaSandboxScenario *scenario;

      if (!is_scenario_file (names[i]))
        continue;
      bytes = g_resource_lookup_data (sa_sandbox_get_resource (), path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
      if (bytes == NULL || (scenario = sa_sandbox_scenario_parse (names[i], bytes, error)) == NULL)
        return NULL;
      add_scenario (list, scenario);
    }

  if (data_dir != NULL)
    {
      g_autofree char *own = g_build_filename (data_dir, "scenarios", NULL);

      if (!load_folder (list, own, error))
        return NULL;
    }

  g_ptr_array_sort (list, compare_scenarios);

  return g_steal_pointer (&list);
}

/**
 * sa_sandbox_scenarios_find:
 * @scenarios: (element-type SaSandboxScenario): the scenarios
 * @id: (nullable): an Id
 *
 * Returns: (transfer none) (nullable): the scenario of that Id, or %NULL
 */
const SaSandboxScenario *
sa_sandbox_scenarios_find (GPtrArray  *scenarios,
                           const char *id)
{
  guint i;

  for (i = 0; id != NULL && i < scenarios->len; i++)
    if (strcmp (((SaSandboxScenario *) scenarios->pdata[i])->id, id) == 0)
      return scenarios->pdata[i];

  return NULL;
}
