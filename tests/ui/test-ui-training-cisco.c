/* test-ui-training-cisco.c — the training exercises meant for the Cisco
 * (practice) connection (issue 14), with the window on that connection (the
 * built-in sandbox's Cisco-shaped paths, as test-ui-hand-off.c): the
 * Training Scenarios view is there too, an exercise is started from it and
 * done through the real widgets — the order page, the Assign Smart Account
 * dialog, "Complete in Cisco's Portal" and its practice portal; the server
 * counts it completed, the view says so; "Not Now" is not counted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "sa-cisco.h"
#include "sa-hand-off-dialog-private.h"
#include "sa-order-page.h"
#include "sa-orders-view.h"
#include "sa-sandbox-server.h"
#include "sa-session.h"
#include "sa-ui-util.h"
#include "test-ui-training-util.h"

#define WAIT_MS SA_TRAINING_WAIT_MS

static SaTestSandbox *sandbox;
static SaClient      *cisco;
static SaJournal     *journal;
static char          *journal_dir;

static void
on_launch (const char *uri,
           gpointer    user_data)
{
  /* Cisco's portal is not opened from a test */
}

/* The Cisco client of the practice connection: Cisco's paths on the sandbox,
 * the trainee as Client ID and Secret (docs/cisco.md). */
static SaClient *
new_practice_client (void)
{
  g_autofree char *base = g_strdup (sa_sandbox_thread_get_uri (sandbox->sandbox));
  g_autofree char *identity = NULL;
  g_autofree char *licensing = NULL;
  g_autofree char *order = NULL;
  g_autoptr(SaCiscoApi) api = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  SaClient *client;

  while (g_str_has_suffix (base, "/"))
    base[strlen (base) - 1] = '\0';
  identity = g_strconcat (base, "/oauth2/default/v1/token", NULL);
  licensing = g_strconcat (base, "/services/api/smart-accounts-and-licensing", NULL);
  order = g_strconcat (base, "/commerce/ORDER/v2/sync/checkOrderStatus", NULL);
  api = sa_cisco_api_new (identity, licensing, order);
  client = sa_cisco_client_new (api);

  sa_client_sign_in_async (client, SA_SANDBOX_TRAINING_USERNAME, SA_SANDBOX_TRAINING_PASSWORD,
                           NULL, sa_test_async_ready_cb, NULL);
  result = sa_test_wait_for_result ();
  g_assert_true (sa_client_sign_in_finish (client, result, &error));
  g_assert_no_error (error);

  return client;
}

static gboolean
scenarios_page_shown (gpointer window)
{
  return adw_view_stack_page_get_visible (sa_training_test_page_of (window, "scenarios_page"));
}

/* A window on the Cisco (practice) connection, its Training Scenarios view
 * there, with @id started from it. */
static SaWindow *
new_practice_window (const char *id)
{
  SaWindow *window = sa_window_new (NULL);

  sa_window_set_client (window, cisco, FALSE);
  sa_window_set_journal (window, journal, NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (sa_test_wait_until (scenarios_page_shown, window, WAIT_MS));
  /* Cisco's answers on the order page: no training controls there */
  g_assert_null (sa_window_get_training_client (window));
  sa_training_test_start_in_view (window, id);

  return window;
}

static gboolean
order_page_ready (gpointer user_data)
{
  SaOrderPage *page = sa_orders_view_get_order_page (user_data);

  return page != NULL && sa_test_order_page_loaded (page);
}

/* The order found by its Sales Order No. in the Orders view, as Cisco's
 * order search gives it. */
static SaOrderPage *
open_order (SaWindow   *window,
            const char *sales_order_number)
{
  SaOrdersView *view = sa_window_get_orders_view (window);

  sa_training_test_show_view (window, "orders");
  sa_orders_view_set_search (view, SA_ORDER_SEARCH_SALES_ORDER_NUMBER, sales_order_number);
  g_assert_true (sa_test_wait_until (order_page_ready, view, WAIT_MS));
  return sa_orders_view_get_order_page (view);
}

static gboolean
submit_dialog_closed (gpointer page)
{
  return sa_order_page_get_submit_dialog (page) == NULL;
}

/* Submit: "Complete in Cisco's Portal". */
static SaHandOffDialog *
submit (SaOrderPage *page)
{
  GtkWindow *dialog;

  sa_test_click (SA_TEST_CHILD (page, SA_TYPE_ORDER_PAGE, "submit_button"));
  dialog = sa_order_page_get_submit_dialog (page);
  g_assert_true (SA_IS_HAND_OFF_DIALOG (dialog));
  g_assert_true (sa_test_wait_until ((SaTestCondition) sa_test_widget_is_drawable, dialog, WAIT_MS));

  return SA_HAND_OFF_DIALOG (dialog);
}

/* "With the Cisco (practice) connection, hand a change off to the portal
 * and watch it land": the Assign Smart Account dialog, Submit, the hand-off
 * page; "Not Now" first (nothing applied: not counted), then the practice
 * portal. */
static void
test_cisco_hand_off (void)
{
  SaWindow *window = new_practice_window ("cisco-hand-off");
  SaOrderPage *page = open_order (window, "104857608");
  SaHandOffDialog *dialog;

  sa_training_test_choose_account (page, "hotel-belle-rive.example", NULL);

  dialog = submit (page);
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (sa_test_wait_until (submit_dialog_closed, page, WAIT_MS));
  sa_training_test_assert_not_completed (sandbox, window, "cisco-hand-off");

  sa_training_test_show_view (window, "orders");
  dialog = submit (page);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "hand-off.practice", NULL));
  g_assert_true (sa_test_wait_until (submit_dialog_closed, page, WAIT_MS));

  sa_training_test_assert_completed (sandbox, window, "cisco-hand-off");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int status;

  sa_test_init_gtk (&argc, &argv);
  sandbox = sa_test_sandbox_new ();
  cisco = new_practice_client ();
  g_settings_set_enum (sa_ui_get_settings (), "mode", SA_CONNECTION_CISCO_PRACTICE);
  journal_dir = g_dir_make_tmp ("sa-training-cisco-test-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (journal_dir, "journal.sqlite3", NULL);
  journal = sa_journal_new (path);
  sa_hand_off_dialog_set_journal (journal);
  sa_hand_off_dialog_set_launcher (on_launch, NULL);

  g_test_add_func ("/ui/training/scenario/cisco-hand-off", test_cisco_hand_off);

  status = g_test_run ();

  sa_hand_off_dialog_set_journal (NULL);
  g_clear_object (&journal);
  g_clear_object (&cisco);
  sa_test_sandbox_free (sandbox);
  g_unlink (path);
  g_rmdir (journal_dir);
  g_free (journal_dir);

  return status;
}
