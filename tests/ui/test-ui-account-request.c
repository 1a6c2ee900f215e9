/* test-ui-account-request.c — "Request a Smart Account" on real widgets
 *
 * Starts the real sandbox back office, builds the real main window and drives
 * the wizard from the primary menu's action to the result page: typing into
 * the fields (a bad e-mail keeps Next off and is explained at the field),
 * users pasted as a list (a duplicate refused), the review page and its edit
 * buttons, Send Request. Then asks the server: the request is Pending, with
 * its users and domain, and account search finds the Pending Smart Account.
 * Also: the draft survives the window being destroyed half-way; a taken
 * domain is answered at the field with the offer to request access; a server
 * that cannot be reached is explained on the review page, nothing lost; the path
 * from the Assign Smart Account dialog back to the new Pending account, then
 * assigned; French and Italian labels. (The "Smart Account requests" view
 * has its own test, test-ui-account-requests-view.c.)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "sa-account-request-wizard-private.h"
#include "sa-assign-dialog.h"
#include "sa-order-page.h"
#include "sa-orders-view.h"
#include "sa-status-pill.h"
#include "sa-ui-test-util.h"
#include "sa-ui-util.h"
#include "sa-window.h"

static SaTestSandbox *sandbox;
static char *state_dir;

#define WIZ(wizard, name) SA_TEST_CHILD (wizard, SA_TYPE_ACCOUNT_REQUEST_WIZARD, name)
/* The shell's widgets: Back, Next (Send Request, Done), the draft banner. */
#define SHELL(wizard, name) SA_TEST_CHILD (wizard, SA_TYPE_WIZARD, name)

/* ---- Helpers ---- */

static SaAccountRequestWizard *
find_wizard (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  SaAccountRequestWizard *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (SA_IS_ACCOUNT_REQUEST_WIZARD (toplevel))
        found = SA_ACCOUNT_REQUEST_WIZARD (toplevel);
    }

  return found;
}

static gboolean
no_wizard (gpointer user_data)
{
  return find_wizard () == NULL;
}

static gboolean
draft_checked (gpointer user_data)
{
  return sa_account_request_wizard_get_draft_checked (user_data);
}

static void
wait_for_draft_offer (SaAccountRequestWizard *wizard)
{
  if (!sa_test_wait_until (sa_test_draft_offered, wizard, 30000))
    g_error ("The wizard does not offer the saved draft");
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (SHELL (wizard, "draft_revealer"))));
}

typedef struct
{
  SaAccountRequestWizard *wizard;
  const char             *page;
} PageShown;

static gboolean
page_shown (gpointer user_data)
{
  PageShown *data = user_data;

  return g_strcmp0 (sa_account_request_wizard_get_page (data->wizard), data->page) == 0;
}

static void
wait_for_page (SaAccountRequestWizard *wizard,
               const char             *page)
{
  PageShown data = { wizard, page };

  if (!sa_test_wait_until (page_shown, &data, 30000))
    g_error ("The wizard shows “%s”, not “%s”", sa_account_request_wizard_get_page (wizard), page);
}

static gboolean
draft_file_exists (gpointer user_data)
{
  g_autoptr(GFile) file = sa_draft_get_file (SA_DRAFT_ACCOUNT_REQUEST);

  return g_file_query_exists (file, NULL) == GPOINTER_TO_INT (user_data);
}

/* The draft says the user was on the first page. */
static gboolean
draft_on_identify (gpointer user_data)
{
  g_autoptr(GVariant) draft = sa_test_try_load_draft (SA_DRAFT_ACCOUNT_REQUEST);
  const char *page = NULL;

  return draft != NULL && g_variant_lookup (draft, "page", "&s", &page) && g_str_equal (page, "identify");
}

/* Opens the wizard the way the primary menu does (win.request-account). */
static SaAccountRequestWizard *
open_wizard_from_menu (SaWindow *window)
{
  SaAccountRequestWizard *wizard;

  g_assert_null (find_wizard ());
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.request-account", NULL));
  wizard = find_wizard ();
  g_assert_nonnull (wizard);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (wizard)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (wizard)) == GTK_WINDOW (window));
  g_assert_true (sa_test_wait_until (sa_test_draft_looked_for, wizard, 10000));

  return wizard;
}

static void
type_text (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

static const char *
message_of (SaAccountRequestWizard *wizard,
            const char             *name)
{
  return gtk_label_get_text (GTK_LABEL (WIZ (wizard, name)));
}

static gboolean
message_is_error (SaAccountRequestWizard *wizard,
                  const char             *name)
{
  return gtk_widget_has_css_class (WIZ (wizard, name), "error");
}

static gboolean
next_enabled (SaAccountRequestWizard *wizard)
{
  return gtk_widget_is_sensitive (SHELL (wizard, "next_button"));
}

/* Next's label as shown, without its mnemonic: "Next", "Send Request", "Done". */
static char *
dup_next_label (SaAccountRequestWizard *wizard)
{
  return sa_test_dup_without_mnemonic (gtk_button_get_label (GTK_BUTTON (SHELL (wizard, "next_button"))));
}

/* Fills step 3 a with valid values. */
static void
fill_identify (SaAccountRequestWizard *wizard,
               const char             *name,
               const char             *email,
               const char             *domain)
{
  type_text (WIZ (wizard, "account_name_row"), name);
  type_text (WIZ (wizard, "customer_email_row"), email);
  type_text (WIZ (wizard, "account_domain_row"), domain);
}

static gboolean
not_sending (gpointer user_data)
{
  return !sa_account_request_wizard_get_sending (user_data);
}

static SaAccountRequest *
find_request_on_server (const char *domain)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) requests = NULL;

  sa_client_list_account_requests_async (sandbox->client, NULL, sa_test_async_ready_cb, NULL);
  result = sa_test_wait_for_result ();
  requests = sa_client_list_account_requests_finish (sandbox->client, result, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (requests); i++)
    {
      g_autoptr(SaAccountRequest) request = g_list_model_get_item (requests, i);

      if (g_strcmp0 (sa_account_request_get_account_domain (request), domain) == 0)
        return g_steal_pointer (&request);
    }

  return NULL;
}

/* ---- The wizard from the menu to the result page ---- */

static void
test_wizard_to_result (void)
{
  const char *domain = "trattoria-mario.example";
  g_autoptr(GError) email_error = NULL;
  g_autoptr(SaAccountRequest) on_server = NULL;
  g_autoptr(SaSmartAccount) account = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *expected_date = NULL;
  SaAccountRequestWizard *wizard;
  SaAccountRequest *request;
  SaWindow *window;
  GListModel *users;
  GtkListBoxRow *row;
  const char * const *server_users;

  sa_test_remove_draft (SA_DRAFT_ACCOUNT_REQUEST);
  window = sa_test_new_window (sandbox);
  wizard = open_wizard_from_menu (window);

  /* Step 3 a: nothing typed yet, Next off, no message shouted yet. */
  g_assert_cmpstr (sa_account_request_wizard_get_page (wizard), ==, "identify");
  g_assert_false (next_enabled (wizard));
  g_assert_false (message_is_error (wizard, "account_name_message"));
  g_assert_true (sa_test_has_focus_in (GTK_WIDGET (wizard), WIZ (wizard, "account_name_row")));

  type_text (WIZ (wizard, "account_name_row"), "Trattoria Da Mario");
  type_text (WIZ (wizard, "account_domain_row"), domain);

  /* A bad e-mail: the core's translated message, at the field; Next off. */
  type_text (WIZ (wizard, "customer_email_row"), "mario@");
  g_assert_false (sa_validate_email ("mario@", &email_error));
  g_assert_true (message_is_error (wizard, "customer_email_message"));
  g_assert_cmpstr (message_of (wizard, "customer_email_message"), ==, email_error->message);
  g_assert_false (next_enabled (wizard));

  /* A bad domain too, then both fixed. */
  type_text (WIZ (wizard, "account_domain_row"), "not a domain");
  g_assert_true (message_is_error (wizard, "account_domain_message"));
  type_text (WIZ (wizard, "account_domain_row"), domain);
  g_assert_false (message_is_error (wizard, "account_domain_message"));

  type_text (WIZ (wizard, "customer_email_row"), "mario@trattoria-mario.example");
  g_assert_false (message_is_error (wizard, "customer_email_message"));
  type_text (WIZ (wizard, "note_to_customer_view"), "Buongiorno Mario, ecco la richiesta.");

  /* An empty required field after typing: explained, Next off again. */
  type_text (WIZ (wizard, "account_name_row"), "");
  g_assert_true (message_is_error (wizard, "account_name_message"));
  g_assert_false (next_enabled (wizard));
  type_text (WIZ (wizard, "account_name_row"), "Trattoria Da Mario");
  g_assert_true (next_enabled (wizard));

  /* Step 3 b. */
  sa_test_click (SHELL (wizard, "next_button"));
  g_assert_cmpstr (sa_account_request_wizard_get_page (wizard), ==, "users");
  g_assert_true (sa_test_has_focus_in (GTK_WIDGET (wizard), WIZ (wizard, "user_entry_row")));
  g_assert_true (next_enabled (wizard));   /* users are optional */

  /* A pasted list with a duplicate: refused as typed … */
  type_text (WIZ (wizard, "user_entry_row"),
             "anna@northwind-networks.example, luca@northwind-networks.example;\n"
             "ANNA@northwind-networks.example");
  g_assert_true (message_is_error (wizard, "user_entry_message"));
  g_assert_nonnull (strstr (message_of (wizard, "user_entry_message"), "ANNA@northwind-networks.example"));
  g_assert_false (next_enabled (wizard));

  /* … and on Add the good ones go in, the duplicate stays with the reason. */
  sa_test_click (WIZ (wizard, "add_user_button"));
  users = sa_account_request_wizard_get_users (wizard);
  g_assert_cmpuint (g_list_model_get_n_items (users), ==, 2);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (users), 0), ==, "anna@northwind-networks.example");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (users), 1), ==, "luca@northwind-networks.example");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (WIZ (wizard, "user_entry_row"))), ==,
                   "ANNA@northwind-networks.example");
  g_assert_true (message_is_error (wizard, "user_entry_message"));
  g_assert_false (next_enabled (wizard));
  type_text (WIZ (wizard, "user_entry_row"), "");
  g_assert_true (next_enabled (wizard));

  /* Add one more by Enter, remove it with its button. */
  type_text (WIZ (wizard, "user_entry_row"), "extra@northwind-networks.example");
  g_signal_emit_by_name (WIZ (wizard, "user_entry_row"), "entry-activated");
  g_assert_cmpuint (g_list_model_get_n_items (users), ==, 3);
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (WIZ (wizard, "users_list")), 2);
  g_assert_nonnull (row);
  sa_test_click (sa_test_find_widget_of_type (GTK_WIDGET (row), GTK_TYPE_BUTTON));
  g_assert_cmpuint (g_list_model_get_n_items (users), ==, 2);

  type_text (WIZ (wizard, "note_to_users_view"), "Benvenuti nel nuovo Smart Account.");

  /* Review Request: everything on one page. */
  sa_test_click (SHELL (wizard, "next_button"));
  g_assert_cmpstr (sa_account_request_wizard_get_page (wizard), ==, "review");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (WIZ (wizard, "review_account_name_row"))), ==,
                   "Trattoria Da Mario");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (WIZ (wizard, "review_account_domain_row"))), ==,
                   domain);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (WIZ (wizard, "review_users_row"))), ==,
                   "anna@northwind-networks.example, luca@northwind-networks.example");
  /* Next has become Send Request; Back is there. */
  {
    g_autofree char *label = dup_next_label (wizard);

    g_assert_cmpstr (label, ==, "Send Request");
    g_assert_true (gtk_widget_get_visible (SHELL (wizard, "back_button")));
  }

  /* The pencil goes back to its field, focused. */
  sa_test_click (WIZ (wizard, "edit_account_domain_button"));
  g_assert_cmpstr (sa_account_request_wizard_get_page (wizard), ==, "identify");
  g_assert_true (sa_test_has_focus_in (GTK_WIDGET (wizard), WIZ (wizard, "account_domain_row")));
  sa_test_click (SHELL (wizard, "next_button"));
  sa_test_click (SHELL (wizard, "next_button"));
  g_assert_cmpstr (sa_account_request_wizard_get_page (wizard), ==, "review");

  /* Send Request, with its spinner. */
  sa_test_click (SHELL (wizard, "next_button"));
  g_assert_true (sa_account_request_wizard_get_sending (wizard));
  g_assert_true (gtk_widget_get_visible (SHELL (wizard, "busy_spinner")));
  g_assert_false (gtk_widget_is_sensitive (SHELL (wizard, "next_button")));
  wait_for_page (wizard, "result");

  /* The result: Pending customer acceptance, the expiry date in the locale's format. */
  request = sa_account_request_wizard_get_request (wizard);
  g_assert_nonnull (request);
  g_assert_cmpint (sa_account_request_get_status (request), ==, SA_ACCOUNT_STATUS_PENDING);
  g_assert_cmpstr (sa_status_pill_get_label (SA_STATUS_PILL (WIZ (wizard, "result_status_pill"))), ==,
                   "Pending customer acceptance");
  local = g_date_time_to_local (sa_account_request_get_expires_date (request));
  expected_date = g_date_time_format (local, g_dgettext (GETTEXT_PACKAGE, "%Y-%m-%d"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (WIZ (wizard, "result_expires_row"))), ==,
                   expected_date);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (WIZ (wizard, "result_next_label"))),
                            "mario@trattoria-mario.example"));
  g_assert_false (gtk_widget_get_visible (WIZ (wizard, "assign_button")));

  /* On the server. */
  on_server = find_request_on_server (domain);
  g_assert_nonnull (on_server);
  g_assert_cmpint (sa_account_request_get_status (on_server), ==, SA_ACCOUNT_STATUS_PENDING);
  g_assert_cmpstr (sa_account_request_get_account_name (on_server), ==, "Trattoria Da Mario");
  g_assert_cmpstr (sa_account_request_get_customer_email (on_server), ==, "mario@trattoria-mario.example");
  g_assert_cmpstr (sa_account_request_get_note_to_customer (on_server), ==, "Buongiorno Mario, ecco la richiesta.");
  g_assert_cmpstr (sa_account_request_get_note_to_users (on_server), ==, "Benvenuti nel nuovo Smart Account.");
  server_users = sa_account_request_get_users (on_server);
  g_assert_nonnull (server_users);
  g_assert_cmpuint (g_strv_length ((char **) server_users), ==, 2);
  g_assert_cmpstr (server_users[0], ==, "anna@northwind-networks.example");
  g_assert_cmpstr (server_users[1], ==, "luca@northwind-networks.example");
  g_assert_cmpuint (sa_account_request_get_days_left (on_server), ==, 90);

  /* Account search finds the provisional Smart Account, Pending. */
  account = sa_test_search_account (sandbox->client, domain, NULL);
  g_assert_nonnull (account);
  g_assert_cmpint (sa_smart_account_get_status (account), ==, SA_ACCOUNT_STATUS_PENDING);
  g_assert_cmpint (sa_smart_account_get_account_type (account), ==, SA_ACCOUNT_TYPE_CUSTOMER);

  /* The draft is gone once sent. */
  g_assert_true (sa_test_wait_until (draft_file_exists, GINT_TO_POINTER (FALSE), 10000));

  /* Next has become Done, and closes. */
  {
    g_autofree char *label = dup_next_label (wizard);

    g_assert_cmpstr (label, ==, "Done");
    g_assert_false (gtk_widget_get_visible (SHELL (wizard, "back_button")));
  }
  sa_test_click (SHELL (wizard, "next_button"));
  g_assert_true (sa_test_wait_until (no_wizard, NULL, 5000));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- The draft ---- */

static void
test_draft_restored (void)
{
  g_autoptr(GVariant) draft = NULL;
  SaAccountRequestWizard *wizard;
  SaWindow *window;
  GListModel *users;
  const char *name = NULL;

  sa_test_remove_draft (SA_DRAFT_ACCOUNT_REQUEST);
  window = sa_test_new_window (sandbox);
  wizard = open_wizard_from_menu (window);

  fill_identify (wizard, "Osteria del Porto", "chiara@osteria-porto.example", "osteria-porto.example");
  sa_test_click (SHELL (wizard, "next_button"));
  type_text (WIZ (wizard, "user_entry_row"), "bea@osteria-porto.example");
  sa_test_click (WIZ (wizard, "add_user_button"));
  type_text (WIZ (wizard, "note_to_users_view"), "A presto");

  /* Destroyed half-way, within the delay before the save: nothing lost. */
  gtk_window_destroy (GTK_WINDOW (wizard));
  g_assert_null (find_wizard ());
  g_assert_true (sa_test_wait_until (sa_test_draft_saved, (gpointer) SA_DRAFT_ACCOUNT_REQUEST, 10000));
  draft = sa_test_load_draft (SA_DRAFT_ACCOUNT_REQUEST);
  g_assert_nonnull (draft);
  g_assert_true (g_variant_lookup (draft, "account-name", "&s", &name));
  g_assert_cmpstr (name, ==, "Osteria del Porto");

  /* Opened again: the banner offers it back over the empty first page … */
  wizard = open_wizard_from_menu (window);
  wait_for_draft_offer (wizard);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (SHELL (wizard, "draft_label"))), "Osteria del Porto"));
  g_assert_cmpstr (sa_account_request_wizard_get_page (wizard), ==, "identify");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (WIZ (wizard, "account_name_row"))), ==, "");
  sa_test_click (SHELL (wizard, "restore_draft_button"));

  /* … Restore brings back every field, on the page where the user was,
   * focus in its first field; the banner is gone. */
  g_assert_cmpstr (sa_account_request_wizard_get_page (wizard), ==, "users");
  g_assert_true (sa_test_has_focus_in (GTK_WIDGET (wizard), WIZ (wizard, "user_entry_row")));
  g_assert_false (sa_test_draft_offered (wizard));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (SHELL (wizard, "draft_revealer"))));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (WIZ (wizard, "account_name_row"))), ==, "Osteria del Porto");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (WIZ (wizard, "customer_email_row"))), ==,
                   "chiara@osteria-porto.example");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (WIZ (wizard, "account_domain_row"))), ==,
                   "osteria-porto.example");
  users = sa_account_request_wizard_get_users (wizard);
  g_assert_cmpuint (g_list_model_get_n_items (users), ==, 1);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (users), 0), ==, "bea@osteria-porto.example");
  g_assert_true (next_enabled (wizard));

  /* Closed again (Escape), then "Discard" leaves the form empty and
   * removes the draft. */
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.close", NULL);
  g_assert_true (sa_test_wait_until (no_wizard, NULL, 5000));
  wizard = open_wizard_from_menu (window);
  wait_for_draft_offer (wizard);
  sa_test_click (SHELL (wizard, "discard_draft_button"));
  g_assert_false (sa_test_draft_offered (wizard));
  g_assert_cmpstr (sa_account_request_wizard_get_page (wizard), ==, "identify");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (WIZ (wizard, "account_name_row"))), ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (sa_account_request_wizard_get_users (wizard)), ==, 0);
  g_assert_true (sa_test_wait_until (draft_file_exists, GINT_TO_POINTER (FALSE), 10000));

  gtk_window_destroy (GTK_WINDOW (wizard));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- A domain that already has a Smart Account ---- */

static void
on_request_access (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  char **domain = user_data;

  g_free (*domain);
  *domain = g_variant_dup_string (param, NULL);
}

static void
test_domain_taken (void)
{
  g_autoptr(GListModel) accounts = NULL;
  g_autoptr(SaSmartAccount) existing = NULL;
  g_autoptr(GSimpleActionGroup) app_group = NULL;
  g_autoptr(GSimpleAction) request_access = NULL;
  g_autofree char *handed_domain = NULL;
  SaAccountRequestWizard *wizard;
  SaWindow *window;
  const char *domain;

  accounts = sa_test_search_accounts (sandbox->client, ".", SA_ACCOUNT_TYPE_CUSTOMER);
  g_assert_cmpuint (g_list_model_get_n_items (accounts), >, 0);
  existing = g_list_model_get_item (accounts, 0);
  domain = sa_smart_account_get_domain (existing);

  sa_test_remove_draft (SA_DRAFT_ACCOUNT_REQUEST);
  window = sa_test_new_window (sandbox);
  wizard = open_wizard_from_menu (window);

  /* Stands in for the application's app.request-access (UI-4's, "s"). */
  app_group = g_simple_action_group_new ();
  request_access = g_simple_action_new ("request-access", G_VARIANT_TYPE_STRING);
  g_signal_connect (request_access, "activate", G_CALLBACK (on_request_access), &handed_domain);
  g_action_map_add_action (G_ACTION_MAP (app_group), G_ACTION (request_access));
  gtk_widget_insert_action_group (GTK_WIDGET (wizard), "app", G_ACTION_GROUP (app_group));

  fill_identify (wizard, "Second Account", "someone@example.com", domain);
  g_assert_false (gtk_widget_get_visible (WIZ (wizard, "domain_taken_box")));
  sa_test_click (SHELL (wizard, "next_button"));
  sa_test_click (SHELL (wizard, "next_button"));
  sa_test_click (SHELL (wizard, "next_button"));
  g_assert_true (sa_test_wait_until (not_sending, wizard, 30000));

  /* Back at the domain field, with the reason and the offer. */
  g_assert_cmpstr (sa_account_request_wizard_get_page (wizard), ==, "identify");
  g_assert_true (sa_test_has_focus_in (GTK_WIDGET (wizard), WIZ (wizard, "account_domain_row")));
  g_assert_true (message_is_error (wizard, "account_domain_message"));
  g_assert_cmpstr (message_of (wizard, "account_domain_message"), ==,
                   "A Smart Account already exists for this Account Domain.");
  g_assert_true (gtk_widget_get_visible (WIZ (wizard, "domain_taken_box")));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (WIZ (wizard, "request_access_button"))), ==,
                   "Request Access to an Existing Smart Account");
  g_assert_false (next_enabled (wizard));
  /* Nothing was lost. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (WIZ (wizard, "account_name_row"))), ==, "Second Account");

  /* The offer hands the domain over to "Request access" and closes. */
  sa_test_click (WIZ (wizard, "request_access_button"));
  g_assert_cmpstr (handed_domain, ==, domain);
  g_assert_true (sa_test_wait_until (no_wizard, NULL, 5000));

  /* Another domain makes the page valid again (in a new wizard, from the
   * draft, once the save made on closing has landed). */
  g_assert_true (sa_test_wait_until (draft_on_identify, NULL, 10000));
  wizard = open_wizard_from_menu (window);
  wait_for_draft_offer (wizard);
  sa_test_click (SHELL (wizard, "restore_draft_button"));
  g_assert_cmpstr (sa_account_request_wizard_get_page (wizard), ==, "identify");
  g_assert_true (sa_test_has_focus_in (GTK_WIDGET (wizard), WIZ (wizard, "account_name_row")));
  type_text (WIZ (wizard, "account_domain_row"), "second-account.example");
  g_assert_false (message_is_error (wizard, "account_domain_message"));
  g_assert_true (next_enabled (wizard));

  gtk_window_destroy (GTK_WINDOW (wizard));
  sa_test_remove_draft (SA_DRAFT_ACCOUNT_REQUEST);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- The server cannot be reached ---- */

static void
test_network_error (void)
{
  g_autoptr(SaClient) dead = sa_desk_client_new ("http://127.0.0.1:9/");
  g_autoptr(GVariant) draft = NULL;
  SaAccountRequestWizard *wizard;
  const char *name = NULL;

  sa_test_remove_draft (SA_DRAFT_ACCOUNT_REQUEST);
  wizard = sa_account_request_wizard_new (dead, NULL);
  gtk_window_present (GTK_WINDOW (wizard));
  g_assert_true (sa_test_wait_until (draft_checked, wizard, 10000));

  fill_identify (wizard, "Enoteca Bianchi", "paolo@enoteca-bianchi.example", "enoteca-bianchi.example");
  sa_test_click (SHELL (wizard, "next_button"));
  sa_test_click (SHELL (wizard, "next_button"));
  sa_test_click (SHELL (wizard, "next_button"));
  g_assert_true (sa_test_wait_until (not_sending, wizard, 30000));

  /* Said on the review page; everything kept, Send Request available again. */
  g_assert_cmpstr (sa_account_request_wizard_get_page (wizard), ==, "review");
  g_assert_true (gtk_widget_get_visible (WIZ (wizard, "send_error_box")));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (WIZ (wizard, "send_error_label"))), !=, "");
  g_assert_true (gtk_widget_is_sensitive (SHELL (wizard, "next_button")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (WIZ (wizard, "account_name_row"))), ==, "Enoteca Bianchi");

  /* And the draft holds it (saved before sending). */
  g_assert_true (sa_test_wait_until (sa_test_draft_saved, (gpointer) SA_DRAFT_ACCOUNT_REQUEST, 10000));
  draft = sa_test_load_draft (SA_DRAFT_ACCOUNT_REQUEST);
  g_assert_nonnull (draft);
  g_assert_true (g_variant_lookup (draft, "account-name", "&s", &name));
  g_assert_cmpstr (name, ==, "Enoteca Bianchi");

  gtk_window_destroy (GTK_WINDOW (wizard));
  sa_test_remove_draft (SA_DRAFT_ACCOUNT_REQUEST);
}

/* ---- From the Assign Smart Account dialog and back ---- */

typedef struct
{
  SaAssignDialog *dialog;
  const char     *domain;
} Selected;

static gboolean
new_account_selected (gpointer user_data)
{
  Selected *data = user_data;
  SaSmartAccount *account = sa_assign_dialog_get_selected_account (data->dialog);
  GtkDropDown *va = GTK_DROP_DOWN (SA_TEST_CHILD (data->dialog, SA_TYPE_ASSIGN_DIALOG, "va_dropdown"));

  return account != NULL &&
         g_strcmp0 (sa_smart_account_get_domain (account), data->domain) == 0 &&
         gtk_widget_get_sensitive (GTK_WIDGET (va)) &&
         gtk_drop_down_get_selected_item (va) != NULL;
}

static void
test_assign_path (void)
{
  const char *domain = "pasticceria-rossi.example";
  g_autoptr(SaOrder) order = NULL;
  g_autoptr(SaOrder) after = NULL;
  SaAccountRequestWizard *wizard;
  SaAssignDialog *dialog;
  SaOrderPage *page;
  SaWindow *window;
  SaSmartAccount *selected;
  AdwMessageDialog *confirm;
  SaAssignment *end_customer;
  Selected wait = { NULL, domain };

  sa_test_remove_draft (SA_DRAFT_ACCOUNT_REQUEST);
  order = sa_test_find_order (sandbox->client, sa_test_order_is_changeable_without_end_customer, NULL);
  g_assert_nonnull (order);

  window = sa_test_new_window (sandbox);
  page = sa_orders_view_open_order (sa_window_get_orders_view (window), sa_order_get_sales_order_number (order));
  g_assert_true (sa_test_wait_until (sa_test_order_page_loaded, page, 30000));
  sa_test_click (SA_TEST_CHILD (page, SA_TYPE_ORDER_PAGE, "banner_button"));

  /* Not offered for the Holding slot: a requested account is a customer's. */
  sa_test_click (SA_TEST_CHILD (page, SA_TYPE_ORDER_PAGE, "holding_edit_button"));
  dialog = sa_order_page_get_assign_dialog (page);
  g_assert_nonnull (dialog);
  g_assert_false (gtk_widget_get_visible (SA_TEST_CHILD (dialog, SA_TYPE_ASSIGN_DIALOG, "request_account_row")));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.request-account", NULL);
  g_assert_null (find_wizard ());
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The End Customer pencil: "Request a Smart Account" beside the options. */
  sa_test_click (SA_TEST_CHILD (page, SA_TYPE_ORDER_PAGE, "end_customer_edit_button"));
  dialog = sa_order_page_get_assign_dialog (page);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (SA_TEST_CHILD (dialog, SA_TYPE_ASSIGN_DIALOG, "request_account_row")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.request-account", NULL));
  wizard = find_wizard ();
  g_assert_nonnull (wizard);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (wizard)) == GTK_WINDOW (dialog));
  g_assert_true (sa_test_wait_until (draft_checked, wizard, 10000));

  fill_identify (wizard, "Pasticceria Rossi", "giulia@pasticceria-rossi.example", domain);
  sa_test_click (SHELL (wizard, "next_button"));
  sa_test_click (SHELL (wizard, "next_button"));
  sa_test_click (SHELL (wizard, "next_button"));
  wait_for_page (wizard, "result");

  /* "Assign This Account" closes the wizard … */
  g_assert_true (gtk_widget_get_visible (WIZ (wizard, "assign_button")));
  sa_test_click (WIZ (wizard, "assign_button"));
  g_assert_true (sa_test_wait_until (no_wizard, NULL, 5000));

  /* … over the dialog, the new Pending account selected with its DEFAULT VA. */
  wait.dialog = dialog;
  g_assert_true (sa_test_wait_until (new_account_selected, &wait, 30000));
  selected = sa_assign_dialog_get_selected_account (dialog);
  g_assert_cmpint (sa_smart_account_get_status (selected), ==, SA_ACCOUNT_STATUS_PENDING);
  g_assert_true (gtk_widget_get_visible (SA_TEST_CHILD (dialog, SA_TYPE_ASSIGN_DIALOG, "pending_note")));
  g_assert_true (sa_virtual_account_get_is_default (
                   gtk_drop_down_get_selected_item (GTK_DROP_DOWN (SA_TEST_CHILD (dialog, SA_TYPE_ASSIGN_DIALOG, "va_dropdown")))));

  /* Assign, the terms, Submit, Yes: the order is on the Pending account. */
  sa_test_click (SA_TEST_CHILD (dialog, SA_TYPE_ASSIGN_DIALOG, "assign_button"));
  g_assert_null (sa_order_page_get_assign_dialog (page));
  g_assert_cmpstr (sa_assignment_get_domain (sa_order_page_get_pending (page, SA_ACCOUNT_TYPE_CUSTOMER)), ==, domain);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (SA_TEST_CHILD (page, SA_TYPE_ORDER_PAGE, "terms_check")), TRUE);
  sa_test_click (SA_TEST_CHILD (page, SA_TYPE_ORDER_PAGE, "submit_button"));
  confirm = ADW_MESSAGE_DIALOG (sa_order_page_get_submit_dialog (page));
  g_assert_nonnull (confirm);
  adw_message_dialog_response (confirm, "yes");
  g_assert_true (sa_test_wait_until (sa_test_order_page_idle, page, 30000));
  g_assert_null (sa_order_page_get_error_message (page));

  after = sa_test_get_order (sandbox->client, sa_order_get_sales_order_number (order));
  end_customer = sa_order_get_end_customer (after);
  g_assert_nonnull (end_customer);
  g_assert_cmpstr (sa_assignment_get_domain (end_customer), ==, domain);
  g_assert_cmpint (sa_assignment_get_status (end_customer), ==, SA_ACCOUNT_STATUS_PENDING);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- French and Italian ---- */

typedef struct
{
  const char *language;
  const char *identify;         /* Identify Account Name and Customer */
  const char *account_name;     /* Account Name */
  const char *customer_email;   /* Customer Email */
  const char *account_domain;   /* Account Domain */
  const char *note_to_customer; /* Note to Customer */
  const char *send_request;     /* Send Request */
  const char *review_request;   /* Review Request */
} Glossary;

static const Glossary french = {
  .language = "fr",
  .identify = "Identifier le nom du compte et le client",
  .account_name = "Nom du compte",
  .customer_email = "E-mail du client",
  .account_domain = "Domaine du compte",
  .note_to_customer = "Note au client",
  .send_request = "Envoyer la demande",
  .review_request = "Vérifier la demande",
};

static const Glossary italian = {
  .language = "it",
  .identify = "Identificare il nome dell'account e il cliente",
  .account_name = "Nome account",
  .customer_email = "E-mail del cliente",
  .account_domain = "Dominio account",
  .note_to_customer = "Nota per il cliente",
  .send_request = "Invia richiesta",
  .review_request = "Rivedi richiesta",
};

/* These need the lead's fr.po/it.po entries for the new strings. Until they
 * land the test reports itself incomplete (TAP "TODO"); with
 * SA_TEST_REQUIRE_TRANSLATIONS=1 it runs regardless. */
static gboolean
translations_landed (const Glossary *glossary)
{
  const char *translated;

  sa_test_set_language (glossary->language);
  translated = g_dgettext (GETTEXT_PACKAGE, "Identify Account Name and Customer");
  if (g_strcmp0 (translated, "Identify Account Name and Customer") != 0 ||
      g_strcmp0 (g_getenv ("SA_TEST_REQUIRE_TRANSLATIONS"), "1") == 0)
    return TRUE;

  sa_test_set_language ("en");
  g_test_incomplete ("The Smart Account request strings are not translated yet");
  return FALSE;
}

/* Run once per language, with its Glossary as the test's data. */
static void
check_language (gconstpointer data)
{
  const Glossary *glossary = data;
  SaAccountRequestWizard *wizard;

  if (!translations_landed (glossary))
    return;

  wizard = sa_account_request_wizard_new (sandbox->client, NULL);
  gtk_window_present (GTK_WINDOW (wizard));

  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (WIZ (wizard, "identify_title"))), ==, glossary->identify);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (WIZ (wizard, "account_name_row"))), ==,
                   glossary->account_name);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (WIZ (wizard, "customer_email_row"))), ==,
                   glossary->customer_email);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (WIZ (wizard, "account_domain_row"))), ==,
                   glossary->account_domain);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (WIZ (wizard, "note_to_customer_label"))), ==,
                   glossary->note_to_customer);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (WIZ (wizard, "review_title"))), ==, glossary->review_request);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (WIZ (wizard, "review_account_name_row"))), ==,
                   glossary->account_name);

  /* On the review page, Next reads Send Request. */
  g_assert_true (sa_test_wait_until (sa_test_draft_looked_for, wizard, 10000));
  fill_identify (wizard, "Trattoria Da Mario", "mario@trattoria-mario.example", "trattoria-mario.example");
  sa_test_click (SHELL (wizard, "next_button"));
  sa_test_click (SHELL (wizard, "next_button"));
  g_assert_cmpstr (sa_account_request_wizard_get_page (wizard), ==, "review");
  {
    g_autofree char *label = dup_next_label (wizard);

    g_assert_cmpstr (label, ==, glossary->send_request);
  }

  gtk_window_destroy (GTK_WINDOW (wizard));
  sa_test_remove_draft (SA_DRAFT_ACCOUNT_REQUEST);
  sa_test_set_language ("en");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  /* Drafts go to a directory of our own. */
  state_dir = sa_test_use_state_dir ("sa-ui-account-request-state-XXXXXX");

  sa_test_init_gtk (&argc, &argv);
  sandbox = sa_test_sandbox_new ();

  g_test_add_func ("/ui/account-request/wizard-to-result", test_wizard_to_result);
  g_test_add_func ("/ui/account-request/draft-restored", test_draft_restored);
  g_test_add_func ("/ui/account-request/domain-taken", test_domain_taken);
  g_test_add_func ("/ui/account-request/network-error", test_network_error);
  g_test_add_func ("/ui/account-request/assign-path", test_assign_path);
  g_test_add_data_func ("/ui/account-request/l10n/french", &french, check_language);
  g_test_add_data_func ("/ui/account-request/l10n/italian", &italian, check_language);

  ret = g_test_run ();

  sa_test_sandbox_free (sandbox);
  sa_test_remove_draft (SA_DRAFT_ACCOUNT_REQUEST);
  sa_test_remove_state_dir (g_steal_pointer (&state_dir));

  return ret;
}
