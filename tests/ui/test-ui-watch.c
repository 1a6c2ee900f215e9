/* test-ui-watch.c — the watch in the app under Xvfb: journal entries in the
 * views, notifications, "Move Licenses…", CSV export (issue 10)
 *
 * The Cisco (practice) connection on the embedded sandbox: an SaCiscoClient
 * on the sandbox's Cisco-shaped endpoints, signed in as the trainee; the
 * sandbox's training controls (through the Desk client) play the portal:
 * assign an order, ship it. The real SaWindow gets the journal (a file of
 * the test's own) and an SaWatch; SaWatchNotifier's "notified" captures the
 * notifications.
 *
 * - an order handed off to DEFAULT for the double-byte Virtual Account
 *   東京オフィス: watched (a first watch stopped, a new one resumes: a
 *   restart in the middle of a watch) until the licenses are in DEFAULT,
 *   the "transfer ready" notification sent, the order page's entry offering
 *   "Move Licenses…", the confirmation naming licenses, quantities and both
 *   Virtual Accounts; the transfer accepted, the licenses read back in
 *   東京オフィス through the licenses API, the entry confirmed and "Licenses
 *   Arrived" sent;
 * - entries listed (Smart Account requests view), exported (CSV read back),
 *   removed (after the confirmation);
 * - French and Italian: the list's heading and a notification.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sa-account-requests-view.h"
#include "sa-cisco.h"
#include "sa-journal-list.h"
#include "sa-order-entries.h"
#include "sa-sandbox-server.h"
#include "sa-status-pill.h"
#include "sa-transfer-dialog.h"
#include "sa-ui-test-util.h"
#include "sa-watch-notifier.h"

#define SAKURA_DOMAIN   "sakura-trading.example"
#define SAKURA_NAME     "Sakura Trading Europe"
#define TOKYO_VA        "東京オフィス"
#define VERONA_ORDER    "104857632"   /* BOOKED, no Smart Account yet */

static SaTestSandbox *sandbox;
static SaClient *cisco;
static char *journal_dir;

typedef struct
{
  GPtrArray *titles;
  GPtrArray *ids;
} Captured;

static void
on_notified (SaWatchNotifier *notifier,
             SaHandOff       *hand_off,
             const char      *id,
             const char      *title,
             const char      *body,
             GNotification   *notification,
             Captured        *captured)
{
  g_test_message ("notified %s: %s — %s", id, title, body);
  g_ptr_array_add (captured->titles, g_strdup (title));
  g_ptr_array_add (captured->ids, g_strdup (id));
}

static SaWindow *
new_window (SaJournal *journal,
            SaWatch   *watch)
{
  SaWindow *window = sa_window_new (NULL);

  sa_window_set_client (window, cisco, FALSE);
  sa_window_set_journal (window, journal, watch);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

typedef struct
{
  SaJournalList *list;
  gint64         id;
  gboolean       present;
} RowQuery;

static gboolean
row_listed (gpointer user_data)
{
  RowQuery *query = user_data;

  return !sa_journal_list_get_loading (query->list) &&
         (sa_journal_list_find_row (query->list, query->id) != NULL) == query->present;
}

static gboolean
captured_title (gpointer user_data)
{
  gpointer *args = user_data;
  Captured *captured = args[0];

  for (guint i = 0; i < captured->titles->len; i++)
    if (g_strcmp0 (captured->titles->pdata[i], args[1]) == 0)
      return TRUE;
  return FALSE;
}

static AdwMessageDialog *
find_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) &&
          gtk_widget_get_visible (GTK_WIDGET (window)) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0)
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static gboolean
dialog_shown (gpointer heading)
{
  return find_dialog (heading) != NULL;
}

static void
respond (const char *heading,
         const char *response)
{
  AdwMessageDialog *dialog;

  g_assert_true (sa_test_wait_until (dialog_shown, (gpointer) heading, 30000));
  dialog = find_dialog (heading);
  /* The dialog closes itself after its response. */
  adw_message_dialog_response (dialog, response);
}

/* The Desk client plays the portal: VERONA_ORDER's End Customer Smart
 * Account becomes Sakura's, Virtual Account DEFAULT. */
static void
assign_in_practice_portal (void)
{
  g_autoptr(SaOrder) order = sa_test_get_order (sandbox->client, VERONA_ORDER);
  g_autoptr(SaAssignment) end_customer = sa_assignment_new (SAKURA_DOMAIN, SAKURA_NAME, SA_ACCOUNT_TYPE_CUSTOMER,
                                                            SA_ACCOUNT_STATUS_ACTIVE, "DEFAULT");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(SaOrder) updated = NULL;
  g_autoptr(GError) error = NULL;

  sa_client_update_assignment_async (sandbox->client, order, end_customer, NULL, TRUE, NULL,
                                     sa_test_async_ready_cb, NULL);
  result = sa_test_wait_for_result ();
  updated = sa_client_update_assignment_finish (sandbox->client, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (updated);
}

static GListModel *
licenses_of (const char *order_number)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *licenses;

  sa_client_find_licenses_by_order_async (cisco, order_number, NULL, sa_test_async_ready_cb, NULL);
  result = sa_test_wait_for_result ();
  licenses = sa_client_find_licenses_by_order_finish (cisco, result, &error);
  g_assert_no_error (error);
  return licenses;
}

/* The double-byte path, end to end, with a restart in the middle. */
static void
test_transfer (void)
{
  g_autoptr(SaJournal) journal = sa_test_open_journal (journal_dir, "transfer.sqlite3");
  g_autoptr(SaHandOff) hand_off = sa_hand_off_new (SA_HAND_OFF_ASSIGN_ORDER, VERONA_ORDER);
  g_autoptr(SaWatch) first = NULL;
  g_autoptr(SaWatch) watch = NULL;
  g_autoptr(SaWatchNotifier) notifier = NULL;
  g_autoptr(SaHandOff) done = NULL;
  g_autoptr(GListModel) licenses = NULL;
  Captured captured = { g_ptr_array_new_with_free_func (g_free), g_ptr_array_new_with_free_func (g_free) };
  gpointer wanted[2] = { &captured, (gpointer) "Licenses Ready to Move" };
  SaOrderEntries *entries;
  SaOrderPage *page;
  SaHandOffRow *row;
  SaWindow *window;
  RowQuery query = { NULL, 0, TRUE };
  SaTestHandOffState state = { journal, 0, SA_HAND_OFF_STATE_CONFIRMED };

  sa_hand_off_set_slot (hand_off, SA_HAND_OFF_SLOT_END_CUSTOMER);
  sa_hand_off_set_field (hand_off, SA_HAND_OFF_FIELD_DOMAIN, SAKURA_DOMAIN);
  sa_hand_off_set_field (hand_off, SA_HAND_OFF_FIELD_ACCOUNT_NAME, SAKURA_NAME);
  sa_hand_off_set_field (hand_off, SA_HAND_OFF_FIELD_VIRTUAL_ACCOUNT, "DEFAULT");
  sa_hand_off_set_field (hand_off, SA_HAND_OFF_FIELD_INTENDED_VIRTUAL_ACCOUNT, TOKYO_VA);
  sa_hand_off_set_state (hand_off, SA_HAND_OFF_STATE_HANDED_OFF);
  g_assert_true (sa_hand_off_needs_transfer (hand_off));
  sa_test_add_hand_off (journal, hand_off);

  /* A first watch sees the order not shipped yet, then the app "quits". */
  first = sa_watch_new (cisco, journal, NULL);
  sa_watch_set_interval (first, 200);
  sa_watch_start (first);
  sa_test_wait_ms (1500);
  sa_watch_stop (first);

  assign_in_practice_portal ();
  sa_test_ship_order (sandbox->client, VERONA_ORDER);

  /* A new instance resumes the open entry. */
  watch = sa_watch_new (cisco, journal, NULL);
  sa_watch_set_interval (watch, 200);
  notifier = sa_watch_notifier_new (NULL, watch);
  g_signal_connect (notifier, "notified", G_CALLBACK (on_notified), &captured);
  window = new_window (journal, watch);
  sa_watch_start (watch);
  g_assert_true (sa_test_wait_until (captured_title, wanted, 60000));
  {
    g_autofree char *id = sa_watch_notifier_dup_id (hand_off);

    g_assert_cmpstr (captured.ids->pdata[captured.ids->len - 1], ==, id);
  }

  /* The order page lists its entry, which offers the transfer. */
  page = sa_orders_view_open_order (sa_window_get_orders_view (window), VERONA_ORDER);
  g_assert_true (sa_test_wait_until (sa_test_order_page_loaded, page, 30000));
  entries = SA_ORDER_ENTRIES (sa_test_find_widget_of_type (GTK_WIDGET (page), SA_TYPE_ORDER_ENTRIES));
  g_assert_nonnull (entries);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (entries)));
  query.list = sa_order_entries_get_list (entries);
  query.id = sa_hand_off_get_id (hand_off);
  g_assert_true (sa_test_wait_until (row_listed, &query, 30000));
  row = sa_journal_list_find_row (query.list, query.id);
  g_assert_nonnull (sa_hand_off_row_get_transfer_button (row));

  /* The confirmation names licenses, quantities and both Virtual Accounts. */
  gtk_widget_activate_action (GTK_WIDGET (query.list), "journal.transfer", "x", query.id);
  g_assert_true (sa_test_wait_until (dialog_shown, (gpointer) "Move Licenses?", 30000));
  {
    const char *body = adw_message_dialog_get_body (find_dialog ("Move Licenses?"));

    g_test_message ("confirmation: %s", body);
    g_assert_nonnull (strstr (body, "DEFAULT"));
    g_assert_nonnull (strstr (body, TOKYO_VA));
    g_assert_nonnull (strstr (body, SAKURA_NAME));
    g_assert_nonnull (strstr (body, "• "));
  }
  respond ("Move Licenses?", "move");

  /* Cisco accepts; the watch confirms once the licenses read back in the
   * intended Virtual Account, and says so. */
  respond ("Licenses Moved", "close");
  state.id = query.id;
  g_assert_true (sa_test_wait_until (sa_test_hand_off_state_reached, &state, 60000));
  wanted[1] = (gpointer) "Licenses Arrived";
  g_assert_true (sa_test_wait_until (captured_title, wanted, 30000));
  done = sa_test_find_hand_off (journal, query.id);
  g_assert_nonnull (sa_hand_off_find_observation (done, SA_OBSERVATION_TRANSFER_DONE));
  g_assert_nonnull (sa_hand_off_find_observation (done, SA_OBSERVATION_LICENSES_IN_DEFAULT));

  /* Read back through the licenses API: in 東京オフィス now. */
  licenses = licenses_of (VERONA_ORDER);
  g_assert_cmpuint (g_list_model_get_n_items (licenses), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (licenses); i++)
    {
      g_autoptr(SaLicense) license = g_list_model_get_item (licenses, i);

      g_assert_cmpstr (sa_license_get_smart_account_domain (license), ==, SAKURA_DOMAIN);
      g_assert_cmpstr (sa_license_get_virtual_account (license), ==, TOKYO_VA);
    }

  sa_watch_stop (watch);
  gtk_window_destroy (GTK_WINDOW (window));
  g_ptr_array_unref (captured.titles);
  g_ptr_array_unref (captured.ids);
}

static gboolean
file_has_text (gpointer user_data)
{
  const char *path = user_data;
  g_autofree char *text = NULL;

  return g_file_get_contents (path, &text, NULL, NULL) && strstr (text, "\r\n") != NULL;
}

/* A Smart Account request listed in its view, exported, removed. */
static void
test_entries (void)
{
  g_autoptr(SaJournal) journal = sa_test_open_journal (journal_dir, "entries.sqlite3");
  g_autoptr(SaHandOff) hand_off = sa_hand_off_new (SA_HAND_OFF_REQUEST_SMART_ACCOUNT, "verona-watch.example");
  g_autofree char *csv_path = g_build_filename (journal_dir, "export.csv", NULL);
  g_autoptr(GFile) csv = g_file_new_for_path (csv_path);
  g_autofree char *text = NULL;
  SaAccountRequestsView *view;
  SaHandOffRow *row;
  SaWindow *window;
  RowQuery query = { NULL, 0, TRUE };
  const char *pill;

  sa_hand_off_set_field (hand_off, SA_HAND_OFF_FIELD_ACCOUNT_NAME, "Comune di Verona, Ufficio \"Nord\"");
  sa_hand_off_set_field (hand_off, SA_HAND_OFF_FIELD_CUSTOMER_EMAIL, "it@verona-watch.example");
  sa_hand_off_set_state (hand_off, SA_HAND_OFF_STATE_HANDED_OFF);

  window = new_window (journal, NULL);
  view = SA_ACCOUNT_REQUESTS_VIEW (sa_test_find_widget_of_type (GTK_WIDGET (window), SA_TYPE_ACCOUNT_REQUESTS_VIEW));
  query.list = sa_account_requests_view_get_journal_list (view);
  sa_test_add_hand_off (journal, hand_off);
  query.id = sa_hand_off_get_id (hand_off);
  g_assert_true (sa_test_wait_until (row_listed, &query, 30000));

  row = sa_journal_list_find_row (query.list, query.id);
  pill = sa_status_pill_get_label (SA_STATUS_PILL (sa_hand_off_row_get_pill (row)));
  g_assert_cmpstr (pill, ==, sa_hand_off_state_get_label (SA_HAND_OFF_STATE_HANDED_OFF));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "90 days left"));
  g_assert_null (sa_hand_off_row_get_transfer_button (row));

  /* Export: written off the UI thread, read back. */
  sa_journal_list_export (query.list, csv);
  g_assert_true (sa_test_wait_until (file_has_text, csv_path, 30000));
  sa_test_wait_ms (200);
  g_assert_true (g_file_get_contents (csv_path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "\"Comune di Verona, Ufficio \"\"Nord\"\"\""));
  g_assert_nonnull (strstr (text, "verona-watch.example"));

  /* Remove, after the confirmation. */
  gtk_widget_activate_action (GTK_WIDGET (query.list), "journal.remove", "x", query.id);
  respond ("Remove This Entry?", "remove");
  query.present = FALSE;
  g_assert_true (sa_test_wait_until (row_listed, &query, 30000));
  {
    g_autoptr(SaHandOff) gone = sa_test_find_hand_off (journal, query.id);

    g_assert_null (gone);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* French and Italian: the list's heading and a notification's title. */
static void
test_languages (void)
{
  static const struct { const char *lang, *heading, *expired; } cases[] = {
    { "fr", "Confié au portail Cisco", "Demande de compte Smart expirée" },
    { "it", "Affidato al portale Cisco", "Richiesta di Smart Account scaduta" },
  };
  g_autoptr(SaJournal) journal = sa_test_open_journal (journal_dir, "languages.sqlite3");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SaWatch) watch = sa_watch_new (cisco, journal, NULL);
      g_autoptr(SaWatchNotifier) notifier = sa_watch_notifier_new (NULL, watch);
      g_autoptr(SaHandOff) hand_off = sa_hand_off_new (SA_HAND_OFF_REQUEST_SMART_ACCOUNT, "x.example");
      Captured captured = { g_ptr_array_new_with_free_func (g_free), g_ptr_array_new_with_free_func (g_free) };
      GtkWidget *list;

      sa_test_set_language (cases[i].lang);
      list = g_object_ref_sink (sa_journal_list_new_for_procedure (SA_HAND_OFF_REQUEST_SMART_ACCOUNT));
      g_assert_nonnull (sa_test_find_label (list, cases[i].heading));
      g_object_unref (list);

      sa_hand_off_set_field (hand_off, SA_HAND_OFF_FIELD_ACCOUNT_NAME, "X");
      g_signal_connect (notifier, "notified", G_CALLBACK (on_notified), &captured);
      g_signal_emit_by_name (watch, "expired", hand_off);
      g_assert_cmpuint (captured.titles->len, ==, 1);
      g_assert_cmpstr (captured.titles->pdata[0], ==, cases[i].expired);
      g_ptr_array_unref (captured.titles);
      g_ptr_array_unref (captured.ids);
    }
  sa_test_set_language ("en");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  sa_test_init_gtk (&argc, &argv);
  sandbox = sa_test_sandbox_new ();
  cisco = sa_test_new_practice_client (sandbox);
  journal_dir = g_dir_make_tmp ("sa-watch-test-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/ui/watch/entries", test_entries);
  g_test_add_func ("/ui/watch/transfer", test_transfer);
  g_test_add_func ("/ui/watch/languages", test_languages);

  ret = g_test_run ();

  g_clear_object (&cisco);
  sa_test_sandbox_free (sandbox);

  return ret;
}
