/* sa-sandbox-trainees.c — a training class on one sandbox: the trainer's
 * commands (trainee add [--trainer], remove, reset, list, progress, start)
 *
 * Each user of the sandbox works on a copy of the training data of their own
 * (their tenant, named after them); these functions of the public API
 * (sa-sandbox-server.h) make, reload and remove those copies. They work on the
 * database file, so also while another process serves it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sa-sandbox-cisco-private.h"

#include <string.h>

#include "sa-sandbox-auth.h"
#include "sa-sandbox-scenarios.h"

/**
 * sa_sandbox_trainee_name_is_valid:
 * @name: (nullable): a user name
 *
 * Trainee names are 1 to 32 characters: a lower-case ASCII letter, then
 * lower-case letters, digits, '.', '_' or '-'. They name the trainee's copy
 * of the data (its tenant) and make up an e-mail address.
 *
 * Returns: %TRUE when @name is acceptable
 */
gboolean
sa_sandbox_trainee_name_is_valid (const char *name)
{
  const char *p;

  if (name == NULL || !g_ascii_islower (name[0]) || strlen (name) > 32)
    return FALSE;
  for (p = name; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && strchr ("._-", *p) == NULL)
      return FALSE;

  return TRUE;
}

/* The tenant of user @name, or NULL with G_IO_ERROR_NOT_FOUND. */
static char *
dup_user_tenant (sqlite3     *db,
                 const char  *name,
                 GError     **error)
{
  g_auto(SaSandboxCaller) caller = { 0 };

  if (!sa_sandbox_lookup_user (db, name, &caller, NULL, error))
    return NULL;
  if (caller.username == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "No trainee is named “%s”", name);
      return NULL;
    }

  return g_steal_pointer (&caller.tenant);
}

/**
 * sa_sandbox_server_add_trainee:
 * @self: a #SaSandboxServer
 * @name: the trainee's user name (see sa_sandbox_trainee_name_is_valid())
 * @password: the password, 8 to 1024 bytes of UTF-8; stored as a yescrypt hash
 * @error: return location for a #GError
 *
 * Creates a sandbox user working on a fresh copy of the training data of
 * their own (tenant = @name): the trainer's "trainee add" command.
 *
 * Returns: %TRUE on success; %FALSE with %G_IO_ERROR_INVALID_ARGUMENT (bad
 *   name or password), %G_IO_ERROR_EXISTS (taken) or %G_IO_ERROR_FAILED.
 */
gboolean
sa_sandbox_server_add_trainee (SaSandboxServer  *self,
                               const char       *name,
                               const char       *password,
                               GError          **error)
{
  g_autofree char *hash = NULL;
  g_autofree char *email = NULL;
  g_auto(SaSandboxCaller) existing = { 0 };

  g_return_val_if_fail (SA_IS_SANDBOX_SERVER (self), FALSE);

  if (!sa_sandbox_trainee_name_is_valid (name))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           "A trainee name is 1 to 32 characters: a lower-case letter, then "
                           "lower-case letters, digits, '.', '_' or '-'");
      return FALSE;
    }
  if (password == NULL || strlen (password) < 8 || strlen (password) > 1024 ||
      !g_utf8_validate (password, -1, NULL))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           "A password has 8 to 1024 bytes of UTF-8 text");
      return FALSE;
    }

  if (!sa_sandbox_lookup_user (self->db, name, &existing, NULL, error))
    return FALSE;
  if (existing.username != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "A trainee is already named “%s”", name);
      return FALSE;
    }

  hash = sa_sandbox_hash_password (password, error);
  if (hash == NULL)
    return FALSE;
  email = g_strconcat (name, "@northwind-networks.example", NULL);

  /* A user row appearing meanwhile (another process) fails the insert. */
  return sa_sandbox_db_load_training_data (self->db, name, name, hash, email, error);
}

/* Deletes user @data, and their copy of the data when nobody else works on it. */
static gboolean
remove_trainee_tx (sqlite3   *db,
                   gpointer   data,
                   GError   **error)
{
  const char *name = data;
  g_autofree char *tenant = NULL;
  g_autoptr(sqlite3_stmt) others = NULL;

  tenant = dup_user_tenant (db, name, error);
  if (tenant == NULL ||
      !sa_sandbox_db_run (db, error, "DELETE FROM users WHERE username = ?1", "t", name) ||
      !sa_sandbox_db_run (db, error, "DELETE FROM trainers WHERE username = ?1", "t", name) ||
      !sa_sandbox_db_run (db, error, "DELETE FROM scenario_progress WHERE username = ?1", "t", name) ||
      !sa_sandbox_db_query_row (db, &others, error,
                                "SELECT 1 FROM users WHERE tenant = ?1", "t", tenant))
    return FALSE;

  if (others != NULL)
    return TRUE; /* another user works on the same data */

  return sa_sandbox_db_delete_tenant (db, tenant, error);
}

/**
 * sa_sandbox_server_remove_trainee:
 * @self: a #SaSandboxServer
 * @name: the trainee's user name
 * @error: return location for a #GError
 *
 * Removes the user and their copy of the data (when no other user works on
 * it): the trainer's "trainee remove" command. Their tokens stop working at
 * once (the user is looked up on every request).
 *
 * Returns: %TRUE on success; %FALSE with %G_IO_ERROR_NOT_FOUND or
 *   %G_IO_ERROR_FAILED.
 */
gboolean
sa_sandbox_server_remove_trainee (SaSandboxServer  *self,
                                  const char       *name,
                                  GError          **error)
{
  g_return_val_if_fail (SA_IS_SANDBOX_SERVER (self), FALSE);

  if (!sa_sandbox_db_transaction (self->db, remove_trainee_tx, (gpointer) name, error))
    return FALSE;

  sa_sandbox_revoke_tokens (self, name);
  sa_sandbox_cisco_forget_user (self, name);

  return TRUE;
}

/**
 * sa_sandbox_server_reset_trainee:
 * @self: a #SaSandboxServer
 * @name: a user name
 * @error: return location for a #GError
 *
 * Reloads the training data of @name's copy (orders, accounts, requests,
 * clock), as POST /sandbox/reset does when @name calls it: the trainer's
 * "trainee reset" command.
 *
 * Returns: %TRUE on success; %FALSE with %G_IO_ERROR_NOT_FOUND or
 *   %G_IO_ERROR_FAILED.
 */
gboolean
sa_sandbox_server_reset_trainee (SaSandboxServer  *self,
                                 const char       *name,
                                 GError          **error)
{
  g_autofree char *tenant = NULL;

  g_return_val_if_fail (SA_IS_SANDBOX_SERVER (self), FALSE);

  tenant = dup_user_tenant (self->db, name, error);

  return tenant != NULL &&
         sa_sandbox_db_load_training_data (self->db, tenant, NULL, NULL, NULL, error);
}

/**
 * sa_sandbox_server_list_trainees:
 * @self: a #SaSandboxServer
 * @error: return location for a #GError
 *
 * The trainer's "trainee list" command.
 *
 * Returns: (transfer full): the user names of the sandbox, sorted, or %NULL
 *   with %G_IO_ERROR_FAILED. Free with g_strfreev().
 */
GStrv
sa_sandbox_server_list_trainees (SaSandboxServer  *self,
                                 GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (SA_IS_SANDBOX_SERVER (self), NULL);

  stmt = sa_sandbox_db_prepare (self->db, error, "SELECT username FROM users ORDER BY username", NULL);
  if (stmt == NULL)
    return NULL;
  while (sa_sandbox_db_next (stmt, &local_error))
    g_strv_builder_add (builder, sa_sandbox_db_text (stmt, 0));
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_strv_builder_end (builder);
}

/**
 * sa_sandbox_server_set_trainer:
 * @self: a #SaSandboxServer
 * @name: an existing user's name
 * @error: return location for a #GError
 *
 * Makes @name a trainer, who sees the class's progress and resets the class
 * (GET /sandbox/class, POST /sandbox/class/reset): the trainer's "trainee
 * add --trainer" command.
 *
 * Returns: %TRUE on success; %FALSE with %G_IO_ERROR_NOT_FOUND or
 *   %G_IO_ERROR_FAILED.
 */
gboolean
sa_sandbox_server_set_trainer (SaSandboxServer  *self,
                               const char       *name,
                               GError          **error)
{
  g_autofree char *tenant = NULL;

  g_return_val_if_fail (SA_IS_SANDBOX_SERVER (self), FALSE);

  tenant = dup_user_tenant (self->db, name, error);

  return tenant != NULL && sa_sandbox_set_trainer (self->db, name, TRUE, error);
}

/**
 * sa_sandbox_server_dup_progress:
 * @self: a #SaSandboxServer
 * @error: return location for a #GError
 *
 * The class's progress through the training scenarios, as GET
 * /sandbox/class answers it (sa_sandbox_class_progress()): the trainer's
 * "trainee progress" command.
 *
 * Returns: (transfer full) (nullable): the object; %NULL with
 *   %G_IO_ERROR_INVALID_DATA (a bad scenario file) or %G_IO_ERROR_FAILED
 */
JsonNode *
sa_sandbox_server_dup_progress (SaSandboxServer  *self,
                                GError          **error)
{
  g_return_val_if_fail (SA_IS_SANDBOX_SERVER (self), NULL);

  return sa_sandbox_class_progress (self->db, self->data_dir, error);
}

/**
 * sa_sandbox_server_start_scenario:
 * @self: a #SaSandboxServer
 * @scenario_id: a training scenario's id
 * @name: (nullable): a user; %NULL: every user who is not a trainer
 * @error: return location for a #GError
 *
 * Puts one trainee, or the whole class, at the start of a scenario
 * (sa_sandbox_class_reset()): the trainer's "trainee start" command.
 *
 * Returns: %TRUE on success; %FALSE with %G_IO_ERROR_NOT_FOUND,
 *   %G_IO_ERROR_INVALID_DATA or %G_IO_ERROR_FAILED.
 */
gboolean
sa_sandbox_server_start_scenario (SaSandboxServer  *self,
                                  const char       *scenario_id,
                                  const char       *name,
                                  GError          **error)
{
  g_return_val_if_fail (SA_IS_SANDBOX_SERVER (self), FALSE);

  return sa_sandbox_class_reset (self->db, self->data_dir, scenario_id, name, error);
}
