/* test-ui-request-wizards.c — issue 11 in the request wizards, on real widgets
 *
 * Starts the real sandbox back office and the real main window, then:
 *  - no page of "Request Access" widens its window: an unknown domain looked
 *    up, then an invalid one typed, then the chooser, leaves the wizard as
 *    wide as it opened; the same for every page of "Request a Smart Account",
 *    errors shown (in English and French or Italian);
 *  - the notes of "Request a Smart Account" count their characters as the
 *    reason of "Request Access" does, the limit written one way;
 *  - Request Access warns, before the reason, when the account chosen is
 *    already asked for or already reachable; a denied access request and
 *    an expired Smart Account request offer "Request Again", filled in;
 *  - French: statuses in lower case inside sentences, the reason page's
 *    wording, the Smart Account requests tab that fits;
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-access-request-wizard-private.h"
#include "sa-access-requests-view.h"
#include "sa-account-request-wizard-private.h"
#include "sa-account-requests-view.h"
#include "sa-profile-editor.h"
#include "sa-ui-test-util.h"
#include "sa-ui-util.h"
#include "sa-window.h"

static SaTestSandbox *sandbox;
static char *state_dir;

#define ACCESS(wizard, name) SA_TEST_CHILD (wizard, SA_TYPE_ACCESS_REQUEST_WIZARD, name)
#define SHELL(wizard, name) SA_TEST_CHILD (wizard, SA_TYPE_WIZARD, name)
#define ACCOUNT(wizard, name) SA_TEST_CHILD (wizard, SA_TYPE_ACCOUNT_REQUEST_WIZARD, name)

#define SHARED_DOMAIN "groupe-hexagone.example"
#define CHOSEN_NAME   "Groupe Hexagone France"

static gboolean
access_idle (gpointer user_data)
{
  return !sa_access_request_wizard_get_busy (SA_ACCESS_REQUEST_WIZARD (user_data));
}

static gboolean
profile_loaded (gpointer user_data)
{
  SaProfileEditor *editor = user_data;

  return sa_profile_editor_get_profile (editor) != NULL && !sa_profile_editor_get_busy (editor);
}

static const char *
find_candidate_id (SaAccessRequestWizard *wizard,
                   const char            *name)
{
  GListModel *candidates = sa_access_request_wizard_get_candidates (wizard);

  g_assert_nonnull (candidates);
  for (guint i = 0; i < g_list_model_get_n_items (candidates); i++)
    {
      g_autoptr(SaSmartAccount) account = g_list_model_get_item (candidates, i);

      if (g_strcmp0 (sa_smart_account_get_name (account), name) == 0)
        return sa_smart_account_get_id (account);
    }

  g_assert_not_reached ();
}

/* Lets the window lay out and draw what changed. */
static void
settle (void)
{
  sa_test_wait_ms (300);
}

/* Neither the wizard nor what it asks for is wider than when it opened. */
static void
assert_not_wider (GtkWidget  *wizard,
                  int         opened_width,
                  const char *where)
{
  int minimum = 0;

  settle ();
  gtk_widget_measure (wizard, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  if (minimum > opened_width || gtk_widget_get_width (wizard) > opened_width)
    g_error ("%s: the wizard needs %d px and is %d px wide, opened at %d px",
             where, minimum, gtk_widget_get_width (wizard), opened_width);
}

/* Major 3: the domain page after an unknown domain, then an invalid one,
 * then the chooser; the reason page with its errors. */
static void
check_access_width (const char *language)
{
  SaWindow *window;
  SaAccessRequestWizard *wizard;
  SaProfileEditor *editor;
  g_autofree char *long_reason = g_strnfill (600, 'x');
  int opened_width;

  sa_test_set_language (language);
  window = sa_test_new_window (sandbox);
  wizard = sa_window_request_access (window, NULL);
  editor = sa_access_request_wizard_get_profile_editor (wizard);
  g_assert_true (sa_test_wait_until (profile_loaded, editor, 30000));
  settle ();
  opened_width = gtk_widget_get_width (GTK_WIDGET (wizard));
  g_assert_cmpint (opened_width, >, 0);

  g_signal_emit_by_name (SHELL (wizard, "next_button"), "clicked");
  assert_not_wider (GTK_WIDGET (wizard), opened_width, "domain");

  sa_access_request_wizard_set_domain (wizard, "nobody-has-this-domain-at-all-anywhere.example");
  g_signal_emit_by_name (ACCESS (wizard, "submit_button"), "clicked");
  g_assert_true (sa_test_wait_until (access_idle, wizard, 30000));
  assert_not_wider (GTK_WIDGET (wizard), opened_width, "unknown domain");

  sa_access_request_wizard_set_domain (wizard, "not a domain");
  g_assert_true (gtk_widget_get_visible (ACCESS (wizard, "domain_error_label")));
  assert_not_wider (GTK_WIDGET (wizard), opened_width, "invalid domain");

  sa_access_request_wizard_set_domain (wizard, SHARED_DOMAIN);
  g_signal_emit_by_name (ACCESS (wizard, "submit_button"), "clicked");
  g_assert_true (sa_test_wait_until (access_idle, wizard, 30000));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (ACCESS (wizard, "lookup_stack"))), ==, "found");
  assert_not_wider (GTK_WIDGET (wizard), opened_width, "chooser");

  g_assert_true (sa_access_request_wizard_select_candidate (wizard, find_candidate_id (wizard, CHOSEN_NAME)));
  g_signal_emit_by_name (SHELL (wizard, "next_button"), "clicked");
  sa_access_request_wizard_set_reason (wizard, long_reason);
  assert_not_wider (GTK_WIDGET (wizard), opened_width, "reason");

  gtk_window_destroy (GTK_WINDOW (window));
  sa_test_remove_draft (SA_DRAFT_ACCESS_REQUEST);
}

static void
test_access_width (gconstpointer language)
{
  check_access_width (language);
}

/* The same for every page of "Request a Smart Account", errors shown. */
static void
check_account_width (const char *language)
{
  SaWindow *window;
  GtkWidget *wizard;
  g_autofree char *long_note = g_strnfill (1200, 'y');
  int opened_width;

  sa_test_set_language (language);
  sa_test_remove_draft (SA_DRAFT_ACCOUNT_REQUEST);
  window = sa_test_new_window (sandbox);
  wizard = GTK_WIDGET (sa_account_request_wizard_new (sandbox->client, GTK_WINDOW (window)));
  gtk_window_present (GTK_WINDOW (wizard));
  g_assert_true (sa_test_wait_until (sa_test_draft_looked_for, wizard, 10000));
  settle ();
  opened_width = gtk_widget_get_width (wizard);

  gtk_editable_set_text (GTK_EDITABLE (ACCOUNT (wizard, "account_name_row")), "Trattoria Da Mario");
  gtk_editable_set_text (GTK_EDITABLE (ACCOUNT (wizard, "customer_email_row")), "not an address at all, really not");
  gtk_editable_set_text (GTK_EDITABLE (ACCOUNT (wizard, "account_domain_row")), "not a domain");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (ACCOUNT (wizard, "note_to_customer_view"))),
                            long_note, -1);
  assert_not_wider (wizard, opened_width, "identify, invalid");

  gtk_editable_set_text (GTK_EDITABLE (ACCOUNT (wizard, "customer_email_row")), "mario@trattoria-mario.example");
  gtk_editable_set_text (GTK_EDITABLE (ACCOUNT (wizard, "account_domain_row")), "trattoria-mario.example");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (ACCOUNT (wizard, "note_to_customer_view"))),
                            "", -1);
  gtk_widget_activate_action (wizard, "wizard.next", NULL);
  g_assert_cmpstr (sa_wizard_get_page (SA_WIZARD (wizard)), ==, "users");
  gtk_editable_set_text (GTK_EDITABLE (ACCOUNT (wizard, "user_entry_row")),
                         "anna@northwind-networks.example, not-an-address-but-a-very-long-word-without-spaces");
  gtk_widget_activate_action (wizard, "wizard.add-users", NULL);
  assert_not_wider (wizard, opened_width, "users, invalid");
  gtk_editable_set_text (GTK_EDITABLE (ACCOUNT (wizard, "user_entry_row")), "");
  gtk_widget_activate_action (wizard, "wizard.next", NULL);
  g_assert_cmpstr (sa_wizard_get_page (SA_WIZARD (wizard)), ==, "review");
  assert_not_wider (wizard, opened_width, "review");

  gtk_window_destroy (GTK_WINDOW (wizard));
  gtk_window_destroy (GTK_WINDOW (window));
  sa_test_remove_draft (SA_DRAFT_ACCOUNT_REQUEST);
}

static void
test_account_width (gconstpointer language)
{
  check_account_width (language);
}

/* The first label under @root (included) whose text holds @part. */
static GtkWidget *
find_label_with (GtkWidget  *root,
                 const char *part)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), part) != NULL)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_with (child, part);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
assert_shows (GtkWidget  *root,
              const char *part)
{
  if (find_label_with (root, part) == NULL)
    g_error ("No label shows “%s”", part);
}

static void
assert_does_not_show (GtkWidget  *root,
                      const char *part)
{
  GtkWidget *label = find_label_with (root, part);

  if (label != NULL)
    g_error ("A label still shows “%s”: %s", part, gtk_label_get_text (GTK_LABEL (label)));
}

/* Languages: French statuses in lower case inside sentences, the reason
 * page's wording, the Smart Account requests tab that fits; Italian
 * statuses in lower case. */
static void
test_french_wording (void)
{
  SaWindow *window;
  SaAccessRequestWizard *access;
  SaProfileEditor *editor;
  GtkWidget *account;
  GtkWidget *squeezer;
  GtkWidget *switcher;

  sa_test_set_language ("fr");
  window = sa_test_new_window (sandbox);
  settle ();

  /* The tab label fits its tab: shown whole, not cut short, in whichever
   * form the switcher takes at the window's usual width (with the training
   * views there are four or five tabs). */
  squeezer = sa_test_find_widget_of_type (SA_TEST_CHILD (window, SA_TYPE_WINDOW, "switcher_title"), ADW_TYPE_SQUEEZER);
  g_assert_nonnull (squeezer);
  switcher = adw_squeezer_get_visible_child (ADW_SQUEEZER (squeezer));
  g_assert_true (ADW_IS_VIEW_SWITCHER (switcher));
  {
    GtkWidget *tab = sa_test_find_label (switcher, "Demandes de comptes");

    g_assert_nonnull (tab);
    g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (tab))));
  }

  /* The reason page. */
  access = sa_window_request_access (window, SHARED_DOMAIN);
  editor = sa_access_request_wizard_get_profile_editor (access);
  g_assert_true (sa_test_wait_until (profile_loaded, editor, 30000));
  g_signal_emit_by_name (SHELL (access, "next_button"), "clicked");
  g_signal_emit_by_name (ACCESS (access, "submit_button"), "clicked");
  g_assert_true (sa_test_wait_until (access_idle, access, 30000));
  g_assert_true (sa_access_request_wizard_select_candidate (access, find_candidate_id (access, CHOSEN_NAME)));
  g_signal_emit_by_name (SHELL (access, "next_button"), "clicked");
  g_assert_cmpstr (sa_wizard_get_page (SA_WIZARD (access)), ==, "reason");
  assert_shows (GTK_WIDGET (access), "de quel client vous gérez les commandes ou les licences");
  assert_does_not_show (GTK_WIDGET (access), "vous gérez commandes");
  assert_shows (GTK_WIDGET (access), "(les administrateurs décident sur cette base), puis");
  assert_does_not_show (GTK_WIDGET (access), "base —,");
  gtk_window_destroy (GTK_WINDOW (access));
  sa_test_remove_draft (SA_DRAFT_ACCESS_REQUEST);

  /* "Request a Smart Account": the review page's note. */
  sa_test_remove_draft (SA_DRAFT_ACCOUNT_REQUEST);
  account = GTK_WIDGET (sa_account_request_wizard_new (sandbox->client, GTK_WINDOW (window)));
  gtk_window_present (GTK_WINDOW (account));
  g_assert_true (sa_test_wait_until (sa_test_draft_looked_for, account, 10000));
  assert_shows (account, "provisoire, en attente d'acceptation");
  assert_does_not_show (account, "En attente d'acceptation par le client,");

  gtk_window_destroy (GTK_WINDOW (account));
  gtk_window_destroy (GTK_WINDOW (window));
  sa_test_remove_draft (SA_DRAFT_ACCOUNT_REQUEST);
  sa_test_set_language ("en");
}

/* Notes show a character counter like the reason field, and their limit
 * is written one way ("1000", in the counter and in the message). */
static void
check_note_counter (GtkWidget  *wizard,
                    const char *view,
                    const char *counter,
                    const char *message)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (ACCOUNT (wizard, view)));
  GtkLabel *counter_label = GTK_LABEL (ACCOUNT (wizard, counter));
  GtkLabel *message_label = GTK_LABEL (ACCOUNT (wizard, message));
  g_autofree char *too_long = g_strnfill (1001, 'z');

  g_assert_cmpstr (gtk_label_get_text (counter_label), ==, "0 / 1000");
  g_assert_cmpstr (gtk_label_get_text (message_label), ==, "Optional.");
  gtk_text_buffer_set_text (buffer, "Bonjour à tous", -1);
  g_assert_cmpstr (gtk_label_get_text (counter_label), ==, "14 / 1000");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (counter_label), "error"));
  gtk_text_buffer_set_text (buffer, too_long, -1);
  g_assert_cmpstr (gtk_label_get_text (counter_label), ==, "1001 / 1000");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (counter_label), "error"));
  g_assert_nonnull (strstr (gtk_label_get_text (message_label), "1000"));
  g_assert_null (strstr (gtk_label_get_text (message_label), "1,000"));
  gtk_text_buffer_set_text (buffer, "", -1);
  g_assert_cmpstr (gtk_label_get_text (counter_label), ==, "0 / 1000");
}

static void
test_note_counters (void)
{
  GtkWidget *wizard;

  sa_test_remove_draft (SA_DRAFT_ACCOUNT_REQUEST);
  wizard = GTK_WIDGET (sa_account_request_wizard_new (sandbox->client, NULL));
  gtk_window_present (GTK_WINDOW (wizard));
  g_assert_true (sa_test_wait_until (sa_test_draft_looked_for, wizard, 10000));

  check_note_counter (wizard, "note_to_customer_view", "note_to_customer_counter", "note_to_customer_message");
  check_note_counter (wizard, "note_to_users_view", "note_to_users_counter", "note_to_users_message");

  gtk_window_destroy (GTK_WINDOW (wizard));
  sa_test_remove_draft (SA_DRAFT_ACCOUNT_REQUEST);
}

/* Access requests: before the reason is typed, a warning when the user
 * already asked for the account (pending) or can already reach it
 * (approved); none for an account never asked for. */
static void
test_known_warning (void)
{
  SaWindow *window = sa_test_new_window (sandbox);
  SaAccessRequestWizard *wizard = sa_window_request_access (window, NULL);
  SaProfileEditor *editor = sa_access_request_wizard_get_profile_editor (wizard);
  GtkWidget *note = ACCESS (wizard, "known_note");
  GtkLabel *label = GTK_LABEL (ACCESS (wizard, "known_label"));

  g_assert_true (sa_test_wait_until (profile_loaded, editor, 30000));
  g_signal_emit_by_name (SHELL (wizard, "next_button"), "clicked");
  g_assert_cmpstr (sa_wizard_get_page (SA_WIZARD (wizard)), ==, "domain");

  /* Pending in the training data. */
  sa_access_request_wizard_set_domain (wizard, "atelier-meridien.example");
  g_signal_emit_by_name (ACCESS (wizard, "submit_button"), "clicked");
  g_assert_true (sa_test_wait_until (access_idle, wizard, 30000));
  sa_test_wait_ms (300);
  g_assert_nonnull (sa_access_request_wizard_get_selected_account (wizard));
  g_assert_true (gtk_widget_get_visible (note));
  g_assert_nonnull (strstr (gtk_label_get_text (label), "Atelier Méridien"));
  g_assert_nonnull (strstr (gtk_label_get_text (label), "have not answered yet"));
  /* Said on the domain page: the reason is not typed yet. */
  g_assert_cmpstr (sa_wizard_get_page (SA_WIZARD (wizard)), ==, "domain");

  /* Approved: the user can already reach it. */
  sa_access_request_wizard_set_domain (wizard, "lagune-shipping.example");
  g_signal_emit_by_name (ACCESS (wizard, "submit_button"), "clicked");
  g_assert_true (sa_test_wait_until (access_idle, wizard, 30000));
  sa_test_wait_ms (300);
  g_assert_true (gtk_widget_get_visible (note));
  g_assert_nonnull (strstr (gtk_label_get_text (label), "was approved"));

  /* Never asked for: no warning. */
  sa_access_request_wizard_set_domain (wizard, SHARED_DOMAIN);
  g_signal_emit_by_name (ACCESS (wizard, "submit_button"), "clicked");
  g_assert_true (sa_test_wait_until (access_idle, wizard, 30000));
  g_assert_true (sa_access_request_wizard_select_candidate (wizard, find_candidate_id (wizard, CHOSEN_NAME)));
  g_assert_false (gtk_widget_get_visible (note));

  gtk_window_destroy (GTK_WINDOW (window));
  sa_test_remove_draft (SA_DRAFT_ACCESS_REQUEST);
}

/* The visible button with @action_name under @root, or NULL. */
static GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action_name)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_get_visible (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action_name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
access_view_loaded (gpointer user_data)
{
  SaAccessRequestsView *view = user_data;

  return !sa_access_requests_view_get_loading (view) &&
         sa_access_requests_view_get_requests (view) != NULL &&
         g_list_model_get_n_items (sa_access_requests_view_get_requests (view)) > 0;
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type))
        return toplevel;
    }

  return NULL;
}

static gboolean
candidate_selected (gpointer user_data)
{
  return sa_access_request_wizard_get_selected_account (SA_ACCESS_REQUEST_WIZARD (user_data)) != NULL &&
         access_idle (user_data);
}

/* A denied access request offers "Request Again", the form filled in. */
static void
test_request_access_again (void)
{
  SaWindow *window = sa_test_new_window (sandbox);
  SaAccessRequestsView *view = sa_window_get_access_requests_view (window);
  SaAccessRequestWizard *wizard;
  GtkWidget *button;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *reason = NULL;

  sa_window_show_access_requests (window);
  g_assert_true (sa_test_wait_until (access_view_loaded, view, 30000));
  sa_test_wait_ms (300);
  button = find_action_button (GTK_WIDGET (view), "access.request-again");
  g_assert_nonnull (button);
  /* On the denied request's row only. */
  g_assert_nonnull (gtk_widget_get_ancestor (button, ADW_TYPE_ACTION_ROW));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_widget_get_ancestor (button, ADW_TYPE_ACTION_ROW))),
                   ==, "Nordlicht Energie GmbH");
  sa_test_click (button);

  wizard = SA_ACCESS_REQUEST_WIZARD (find_toplevel (SA_TYPE_ACCESS_REQUEST_WIZARD));
  g_assert_nonnull (wizard);
  g_assert_true (sa_test_wait_until (candidate_selected, wizard, 30000));
  g_assert_cmpstr (sa_smart_account_get_name (sa_access_request_wizard_get_selected_account (wizard)),
                   ==, "Nordlicht Energie GmbH");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ACCESS (wizard, "domain_entry"))), ==,
                   sa_smart_account_get_domain (sa_access_request_wizard_get_selected_account (wizard)));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (ACCESS (wizard, "reason_view")));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  reason = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (reason, !=, "");

  gtk_window_destroy (GTK_WINDOW (window));
  sa_test_remove_draft (SA_DRAFT_ACCESS_REQUEST);
}

static gboolean
account_view_has_expired (gpointer user_data)
{
  SaAccountRequestsView *view = user_data;
  GListModel *requests = sa_account_requests_view_get_requests (view);

  if (sa_account_requests_view_get_loading (view) || requests == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (requests); i++)
    {
      g_autoptr(SaAccountRequest) request = g_list_model_get_item (requests, i);

      if (sa_account_request_get_status (request) == SA_ACCOUNT_STATUS_EXPIRED)
        return TRUE;
    }

  return FALSE;
}

/* An expired Smart Account request offers "Request Again": the wizard on
 * its review page, the form filled in. Moves the practice clock: last. */
static void
test_request_account_again (void)
{
  SaWindow *window = sa_test_new_window (sandbox);
  SaAccountRequestsView *view = SA_ACCOUNT_REQUESTS_VIEW (SA_TEST_CHILD (window, SA_TYPE_WINDOW, "account_requests_view"));
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *button;
  GtkWidget *row;
  GtkWidget *wizard;

  sa_test_remove_draft (SA_DRAFT_ACCOUNT_REQUEST);
  sa_desk_client_sandbox_advance_clock_async (SA_DESK_CLIENT (sandbox->client), 91, NULL, sa_test_async_ready_cb, NULL);
  result = sa_test_wait_for_result ();
  {
    g_autoptr(GDateTime) now = sa_desk_client_sandbox_advance_clock_finish (SA_DESK_CLIENT (sandbox->client), result, &error);

    g_assert_no_error (error);
    g_assert_nonnull (now);
  }

  sa_account_requests_view_refresh (view);
  g_assert_true (sa_test_wait_until (account_view_has_expired, view, 30000));
  sa_test_wait_ms (300);
  button = find_action_button (GTK_WIDGET (view), "requests.request-again");
  g_assert_nonnull (button);
  row = gtk_widget_get_ancestor (button, ADW_TYPE_ACTION_ROW);
  g_assert_nonnull (row);
  sa_test_click (button);

  wizard = GTK_WIDGET (find_toplevel (SA_TYPE_ACCOUNT_REQUEST_WIZARD));
  g_assert_nonnull (wizard);
  g_assert_cmpstr (sa_wizard_get_page (SA_WIZARD (wizard)), ==, "review");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ACCOUNT (wizard, "account_name_row"))), ==,
                   adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ACCOUNT (wizard, "customer_email_row"))), !=, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ACCOUNT (wizard, "account_domain_row"))), !=, "");

  gtk_window_destroy (GTK_WINDOW (wizard));
  gtk_window_destroy (GTK_WINDOW (window));
  sa_test_remove_draft (SA_DRAFT_ACCOUNT_REQUEST);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  state_dir = sa_test_use_state_dir ("sa-ui-request-wizards-XXXXXX");

  sa_test_init_gtk (&argc, &argv);
  sa_test_set_language ("en");
  sandbox = sa_test_sandbox_new ();

  g_test_add_data_func ("/ui/request-wizards/access-width/en", "en", test_access_width);
  g_test_add_data_func ("/ui/request-wizards/access-width/fr", "fr", test_access_width);
  g_test_add_data_func ("/ui/request-wizards/account-width/en", "en", test_account_width);
  g_test_add_data_func ("/ui/request-wizards/account-width/it", "it", test_account_width);
  g_test_add_func ("/ui/request-wizards/french-wording", test_french_wording);
  g_test_add_func ("/ui/request-wizards/note-counters", test_note_counters);
  g_test_add_func ("/ui/request-wizards/known-warning", test_known_warning);
  g_test_add_func ("/ui/request-wizards/request-access-again", test_request_access_again);

  /* Moves the practice clock 91 days: after every other test. */
  g_test_add_func ("/ui/request-wizards/zz-last/request-account-again", test_request_account_again);

  status = g_test_run ();

  sa_test_sandbox_free (sandbox);
  sa_test_remove_state_dir (g_steal_pointer (&state_dir));

  return status;
}
