/* test-desk-training-scenarios.c — issue 14 through the Desk client
 * (sa-desk-training.h): export hold, serial numbers and device
 * registration, the training scenarios (translated in French and Italian)
 * and the class as a trainer reads it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "desk-test-util.h"
#include "sa-sandbox-db.h"
#include "sa-sandbox-scenarios.h"

#define ORDER_HOLDING_ONLY "104857611"
#define N_SCENARIOS        10

static SaDeskClient *
desk (SaClient *client)
{
  return SA_DESK_CLIENT (client);
}

static GListModel *
list_scenarios (SaClient  *client,
                GError   **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_desk_client_sandbox_list_scenarios_async (desk (client), NULL, on_ready, &slot);
  result = wait_for (&slot);
  return sa_desk_client_sandbox_list_scenarios_finish (desk (client), result, error);
}

static SaTrainingScenario *
start_scenario (SaClient    *client,
                const char  *id,
                GError     **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_desk_client_sandbox_start_scenario_async (desk (client), id, NULL, on_ready, &slot);
  result = wait_for (&slot);
  return sa_desk_client_sandbox_start_scenario_finish (desk (client), result, error);
}

static SaTrainingScenario *
find_scenario (GListModel *model,
               const char *id)
{
  guint i;

  for (i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SaTrainingScenario) s = g_list_model_get_item (model, i);

      if (g_strcmp0 (sa_training_scenario_get_id (s), id) == 0)
        return s; /* the model keeps it */
    }

  return NULL;
}

static void
test_scenarios (void)
{
  g_autoptr(SaClient) client = new_signed_in_client ();
  g_autoptr(GListModel) list = NULL;
  g_autoptr(SaTrainingScenario) started = NULL;
  g_autoptr(SaOrder) order = NULL;
  g_autoptr(SaOrder) changed = NULL;
  g_autoptr(SaAssignment) slot = slot_new (DOMAIN_CUSTOMER, SA_ACCOUNT_TYPE_CUSTOMER, "DEFAULT");
  g_autoptr(GError) error = NULL;
  SaTrainingScenario *s;

  list = list_scenarios (client, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, N_SCENARIOS);
  s = find_scenario (list, "assign-new-order");
  g_assert_nonnull (s);
  g_assert_cmpstr (sa_training_scenario_get_name (s), ==, "Assign a new order to the customer's account");
  g_assert_nonnull (sa_training_scenario_get_goal (s));
  g_assert_nonnull (sa_training_scenario_get_praise (s));
  g_assert_nonnull (sa_training_scenario_get_documents (s));
  g_assert_cmpuint (sa_training_scenario_get_procedure (s), ==, 1);
  g_assert_cmpint (sa_training_scenario_get_status (s), ==, SA_SCENARIO_NOT_STARTED);
  g_assert_false (sa_training_scenario_is_cisco_practice (s));
  g_assert_true (sa_training_scenario_is_cisco_practice (find_scenario (list, "cisco-hand-off")));

  started = start_scenario (client, "assign-new-order", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sa_training_scenario_get_status (started), ==, SA_SCENARIO_STARTED);
  g_assert_true (sa_training_scenario_is_current (started));
  g_assert_cmpuint (sa_training_scenario_get_attempts (started), ==, 1);
  g_assert_nonnull (sa_training_scenario_get_started_at (started));
  g_assert_null (sa_training_scenario_get_completed_at (started));

  order = get_order (client, ORDER_UNASSIGNED, &error);
  g_assert_no_error (error);
  g_clear_object (&changed);
  changed = update_assignment (client, order, slot, NULL, TRUE, &error);
  g_assert_no_error (error);

  g_clear_object (&list);
  list = list_scenarios (client, &error);
  g_assert_no_error (error);
  s = find_scenario (list, "assign-new-order");
  g_assert_cmpint (sa_training_scenario_get_status (s), ==, SA_SCENARIO_COMPLETED);
  g_assert_nonnull (sa_training_scenario_get_completed_at (s));

  /* refusals */
  g_clear_object (&started);
  started = start_scenario (client, "no-such-scenario", &error);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  started = start_scenario (client, "../reset", &error);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT);
}

/* The scenarios' texts in French and Italian, from the app's catalogue. */
static void
test_translated (gconstpointer data)
{
  const char *lang = data;
  g_autoptr(SaClient) client = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  guint i;

  /* gettext's choice of language is made once a process: one each */
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      return;
    }

  g_setenv ("LANGUAGE", lang, TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  client = new_signed_in_client ();
  list = list_scenarios (client, &error);
  g_assert_no_error (error);

  for (i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(SaTrainingScenario) s = g_list_model_get_item (list, i);

      g_test_message ("%s: %s", lang, sa_training_scenario_get_name (s));
    }
  {
    g_autoptr(SaTrainingScenario) expiry = NULL;
    guint n = g_list_model_get_n_items (list);

    for (i = 0; i < n; i++)
      {
        g_autoptr(SaTrainingScenario) s = g_list_model_get_item (list, i);

        if (g_strcmp0 (sa_training_scenario_get_id (s), "account-request-expiry") == 0)
          expiry = g_object_ref (s);
      }
    g_assert_nonnull (expiry);
    if (g_strcmp0 (lang, "fr") == 0)
      g_assert_cmpstr (sa_training_scenario_get_name (expiry), ==, "Demander un compte Smart et le laisser expirer");
    else
      g_assert_cmpstr (sa_training_scenario_get_name (expiry), ==, "Richiedere uno Smart Account e lasciarlo scadere");
    g_assert_nonnull (strstr (sa_training_scenario_get_documents (expiry), "90"));
  }
}

static gboolean
set_export_hold (SaClient    *client,
                 const char  *number,
                 gboolean     hold,
                 GError     **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_desk_client_sandbox_set_export_hold_async (desk (client), number, hold, NULL, on_ready, &slot);
  result = wait_for (&slot);
  return sa_desk_client_sandbox_set_export_hold_finish (desk (client), result, error);
}

static void
test_export_hold (void)
{
  g_autoptr(SaClient) client = new_signed_in_client ();
  g_autoptr(SaOrder) order = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (set_export_hold (client, ORDER_UNASSIGNED, TRUE, &error));
  g_assert_no_error (error);
  order = get_order (client, ORDER_UNASSIGNED, &error);
  g_assert_true (sa_order_get_export_hold (order));
  g_assert_true (set_export_hold (client, ORDER_UNASSIGNED, FALSE, &error));
  g_clear_object (&order);
  order = get_order (client, ORDER_UNASSIGNED, &error);
  g_assert_false (sa_order_get_export_hold (order));

  g_assert_false (set_export_hold (client, ORDER_OTHER_PARTNER, TRUE, &error));
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_NOT_AUTHORIZED);
  g_clear_error (&error);
  g_assert_false (set_export_hold (client, "not-a-number", TRUE, &error));
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT);
}

static GStrv
serial_numbers (SaClient    *client,
                const char  *number,
                GError     **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_desk_client_sandbox_list_serial_numbers_async (desk (client), number, NULL, on_ready, &slot);
  result = wait_for (&slot);
  return sa_desk_client_sandbox_list_serial_numbers_finish (desk (client), result, error);
}

static gboolean
register_device (SaClient    *client,
                 const char  *serial,
                 const char  *domain,
                 gboolean    *moved,
                 GError     **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_desk_client_sandbox_register_device_async (desk (client), serial, domain, NULL, NULL, on_ready, &slot);
  result = wait_for (&slot);
  return sa_desk_client_sandbox_register_device_finish (desk (client), result, moved, error);
}

/* The device registration moves an order off the Holding account. */
static void
test_register_device (void)
{
  g_autoptr(SaClient) client = new_signed_in_client ();
  g_auto(GStrv) serials = NULL;
  g_auto(GStrv) left = NULL;
  g_autoptr(SaOrder) order = NULL;
  g_autoptr(GError) error = NULL;
  gboolean moved = FALSE;

  serials = serial_numbers (client, ORDER_HOLDING_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (serials), >, 0);

  g_assert_false (register_device (client, serials[0], DOMAIN_HOLDING_ONLY, &moved, &error));
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_WRONG_ACCOUNT_TYPE);
  g_clear_error (&error);

  g_assert_true (register_device (client, serials[0], DOMAIN_CUSTOMER, &moved, &error));
  g_assert_no_error (error);
  g_assert_true (moved);
  order = get_order (client, ORDER_HOLDING_ONLY, &error);
  g_assert_null (sa_order_get_holding (order));
  g_assert_cmpstr (sa_assignment_get_domain (sa_order_get_end_customer (order)), ==, DOMAIN_CUSTOMER);

  left = serial_numbers (client, ORDER_HOLDING_ONLY, &error);
  g_assert_cmpuint (g_strv_length (left), ==, g_strv_length (serials) - 1);
  g_assert_false (register_device (client, serials[0], DOMAIN_CUSTOMER, &moved, &error));
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_DUPLICATE_REQUEST);
}

/* The trainer's view: every user's progress; a reset of one trainee. */
static void
test_class (void)
{
  g_autoptr(SaClient) client = new_signed_in_client ();
  g_autoptr(SaTrainingScenario) started = NULL;
  g_autoptr(GListModel) class = NULL;
  g_autoptr(SaTraineeProgress) me = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  started = start_scenario (client, "japanese-virtual-account", &error);
  g_assert_no_error (error);

  sa_desk_client_sandbox_get_class_async (desk (client), NULL, on_ready, &slot);
  result = wait_for (&slot);
  class = sa_desk_client_sandbox_get_class_finish (desk (client), result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (class), ==, 1);
  me = g_list_model_get_item (class, 0);
  g_assert_cmpstr (sa_trainee_progress_get_username (me), ==, TRAINING_USER);
  g_assert_true (sa_trainee_progress_is_trainer (me));
  g_assert_cmpuint (g_list_model_get_n_items (sa_trainee_progress_get_scenarios (me)), ==, N_SCENARIOS);
  g_assert_cmpstr (sa_training_scenario_get_id (sa_trainee_progress_get_current (me)), ==,
                   "japanese-virtual-account");

  g_clear_object (&result);
  sa_desk_client_sandbox_reset_class_async (desk (client), "pending-account", TRAINING_USER, NULL, on_ready, &slot);
  result = wait_for (&slot);
  g_assert_true (sa_desk_client_sandbox_reset_class_finish (desk (client), result, &error));
  g_assert_no_error (error);

  g_clear_object (&result);
  sa_desk_client_sandbox_reset_class_async (desk (client), "nope", NULL, NULL, on_ready, &slot);
  result = wait_for (&slot);
  g_assert_false (sa_desk_client_sandbox_reset_class_finish (desk (client), result, &error));
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  sqlite3 *db = NULL;
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SA_LOCALEDIR") ? g_getenv ("SA_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/desk/training/scenarios", test_scenarios);
  g_test_add_data_func ("/desk/training/scenarios/fr", "fr", test_translated);
  g_test_add_data_func ("/desk/training/scenarios/it", "it", test_translated);
  g_test_add_func ("/desk/training/export-hold", test_export_hold);
  g_test_add_func ("/desk/training/register-device", test_register_device);
  g_test_add_func ("/desk/training/class", test_class);

  /* a sandbox whose training user is a trainer */
  dir = g_dir_make_tmp ("sa-test-desk-training-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "sandbox.sqlite", NULL);
  sa_sandbox_db_open (path, &db, &error);
  g_assert_no_error (error);
  sa_sandbox_set_trainer (db, TRAINING_USER, TRUE, &error);
  g_assert_no_error (error);
  sqlite3_close_v2 (db);

  sandbox = sa_sandbox_thread_start (dir, &error);
  g_assert_no_error (error);
  status = g_test_run ();
  sa_sandbox_thread_stop (sandbox);
  g_clear_object (&sandbox);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_remove (path);
    g_remove (wal);
    g_remove (shm);
    g_rmdir (dir);
  }

  return status;
}
