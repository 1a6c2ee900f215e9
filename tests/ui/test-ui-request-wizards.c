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
 *  - one design for both wizards: the navigation in the same place (the
 *    bar at the bottom), "Step x of y", the saved draft offered by a banner
 *    over the first page (not a page of its own), restored on the page the
 *    user left with focus in its first field, one close button; the two
 *    request views with one header layout.
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
  g_assert_true (sa_test_wait_until (sa_test_profile_loaded, editor, 30000));
  settle ();
  opened_width = gtk_widget_get_width (GTK_WIDGET (wizard));
  g_assert_cmpint (opened_width, >, 0);

  g_signal_emit_by_name (SHELL (wizard, "next_button"), "clicked");
  assert_not_wider (GTK_WIDGET (wizard), opened_width, "domain");

  sa_access_request_wizard_set_domain (wizard, "nobody-has-this-domain-at-all-anywhere.example");
  g_signal_emit_by_name (ACCESS (wizard, "submit_button"), "clicked");
  g_assert_true (sa_test_wait_until (sa_test_access_wizard_idle, wizard, 30000));
  assert_not_wider (GTK_WIDGET (wizard), opened_width, "unknown domain");

  sa_access_request_wizard_set_domain (wizard, "not a domain");
  g_assert_true (gtk_widget_get_visible (ACCESS (wizard, "domain_error_label")));
  assert_not_wider (GTK_WIDGET (wizard), opened_width, "invalid domain");

  sa_access_request_wizard_set_domain (wizard, SHARED_DOMAIN);
  g_signal_emit_by_name (ACCESS (wizard, "submit_button"), "clicked");
  g_assert_true (sa_test_wait_until (sa_test_access_wizard_idle, wizard, 30000));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (ACCESS (wizard, "lookup_stack"))), ==, "found");
  assert_not_wider (GTK_WIDGET (wizard), opened_width, "chooser");

  g_assert_true (sa_access_request_wizard_select_candidate (wizard, sa_test_find_candidate_id (wizard, CHOSEN_NAME)));
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
  g_assert_true (sa_test_wait_until (sa_test_profile_loaded, editor, 30000));
  g_signal_emit_by_name (SHELL (access, "next_button"), "clicked");
  g_signal_emit_by_name (ACCESS (access, "submit_button"), "clicked");
  g_assert_true (sa_test_wait_until (sa_test_access_wizard_idle, access, 30000));
  g_assert_true (sa_access_request_wizard_select_candidate (access, sa_test_find_candidate_id (access, CHOSEN_NAME)));
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

  g_assert_true (sa_test_wait_until (sa_test_profile_loaded, editor, 30000));
  g_signal_emit_by_name (SHELL (wizard, "next_button"), "clicked");
  g_assert_cmpstr (sa_wizard_get_page (SA_WIZARD (wizard)), ==, "domain");

  /* Pending in the training data. */
  sa_access_request_wizard_set_domain (wizard, "atelier-meridien.example");
  g_signal_emit_by_name (ACCESS (wizard, "submit_button"), "clicked");
  g_assert_true (sa_test_wait_until (sa_test_access_wizard_idle, wizard, 30000));
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
  g_assert_true (sa_test_wait_until (sa_test_access_wizard_idle, wizard, 30000));
  sa_test_wait_ms (300);
  g_assert_true (gtk_widget_get_visible (note));
  g_assert_nonnull (strstr (gtk_label_get_text (label), "was approved"));

  /* Never asked for: no warning. */
  sa_access_request_wizard_set_domain (wizard, SHARED_DOMAIN);
  g_signal_emit_by_name (ACCESS (wizard, "submit_button"), "clicked");
  g_assert_true (sa_test_wait_until (sa_test_access_wizard_idle, wizard, 30000));
  g_assert_true (sa_access_request_wizard_select_candidate (wizard, sa_test_find_candidate_id (wizard, CHOSEN_NAME)));
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
         sa_test_access_wizard_idle (user_data);
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

/* ---- One design for both wizards (issue 11) ---- */

/* The mapped buttons under @root that close the window: the header's close
 * button (window.close), wizard.close, or a Cancel or Close button. */
static guint
count_close_buttons (GtkWidget *root)
{
  guint n = 0;

  if (GTK_IS_BUTTON (root) && gtk_widget_get_mapped (root))
    {
      const char *action = gtk_actionable_get_action_name (GTK_ACTIONABLE (root));
      g_autofree char *label = gtk_button_get_label (GTK_BUTTON (root)) ?
                               sa_test_dup_without_mnemonic (gtk_button_get_label (GTK_BUTTON (root))) : NULL;

      if (g_strcmp0 (action, "window.close") == 0 || g_strcmp0 (action, "wizard.close") == 0 ||
          g_strcmp0 (label, "Cancel") == 0 || g_strcmp0 (label, "Close") == 0)
        n++;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_close_buttons (child);

  return n;
}

/* The shell's layout, the same in both wizards: the header holds the title
 * with "Step @step of y" and no navigation; Back and Next are in the bar at
 * the bottom, below the pages; one close button. */
static void
assert_shell (GtkWidget *wizard,
              guint      step)
{
  GtkWidget *header = sa_test_find_widget_of_type (wizard, ADW_TYPE_HEADER_BAR);
  GtkWidget *bar = SHELL (wizard, "navigation_bar");
  GtkWidget *stack = SHELL (wizard, "stack");
  g_autofree char *expected = g_strdup_printf ("Step %u of ", step);
  const char *subtitle;
  graphene_rect_t bar_bounds, stack_bounds;

  settle ();
  g_assert_nonnull (header);
  g_assert_true (GTK_IS_ACTION_BAR (bar));
  g_assert_true (gtk_widget_is_ancestor (SHELL (wizard, "back_button"), bar));
  g_assert_true (gtk_widget_is_ancestor (SHELL (wizard, "next_button"), bar));
  g_assert_false (gtk_widget_is_ancestor (SHELL (wizard, "next_button"), header));
  g_assert_false (gtk_widget_is_ancestor (SHELL (wizard, "back_button"), header));
  g_assert_true (gtk_widget_compute_bounds (bar, wizard, &bar_bounds));
  g_assert_true (gtk_widget_compute_bounds (stack, wizard, &stack_bounds));
  g_assert_cmpfloat (bar_bounds.origin.y, >=, stack_bounds.origin.y + stack_bounds.size.height - 1);

  subtitle = adw_window_title_get_subtitle (ADW_WINDOW_TITLE (SHELL (wizard, "window_title")));
  g_assert_true (g_str_has_prefix (subtitle, expected));
  g_assert_true (g_regex_match_simple ("^Step [0-9]+ of [0-9]+$", subtitle, 0, 0));

  g_assert_cmpuint (count_close_buttons (wizard), ==, 1);
}

/* The draft is offered by the banner above the first page (the pages are
 * the steps and the result, none for the draft), and restored on the page
 * the user left, focus in @focus (that page's first field). */
static void
assert_draft_banner_then_restore (GtkWidget  *wizard,
                                  const char *first_page,
                                  const char *left_page,
                                  GtkWidget  *focus)
{
  GtkWidget *revealer = SHELL (wizard, "draft_revealer");

  g_assert_true (sa_test_wait_until (sa_test_draft_offered, wizard, 10000));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  g_assert_true (gtk_widget_get_next_sibling (revealer) == SHELL (wizard, "stack"));
  g_assert_cmpstr (sa_wizard_get_page (SA_WIZARD (wizard)), ==, first_page);
  assert_shell (wizard, 1);

  sa_test_click (SHELL (wizard, "restore_draft_button"));
  g_assert_false (sa_test_draft_offered (wizard));
  g_assert_cmpstr (sa_wizard_get_page (SA_WIZARD (wizard)), ==, left_page);
  g_assert_true (sa_test_has_focus_in (wizard, focus));
  assert_shell (wizard, 2);
}

static void
test_one_wizard_design (void)
{
  SaWindow *window;
  GtkWidget *account;
  SaAccessRequestWizard *access;

  sa_test_remove_draft (SA_DRAFT_ACCOUNT_REQUEST);
  sa_test_remove_draft (SA_DRAFT_ACCESS_REQUEST);
  window = sa_test_new_window (sandbox);

  /* Request a Smart Account: step 1, then left on step 2. */
  account = GTK_WIDGET (sa_account_request_wizard_new (sandbox->client, GTK_WINDOW (window)));
  gtk_window_present (GTK_WINDOW (account));
  g_assert_true (sa_test_wait_until (sa_test_draft_looked_for, account, 10000));
  assert_shell (account, 1);
  gtk_editable_set_text (GTK_EDITABLE (ACCOUNT (account, "account_name_row")), "Trattoria Da Mario");
  gtk_editable_set_text (GTK_EDITABLE (ACCOUNT (account, "customer_email_row")), "mario@trattoria-mario.example");
  gtk_editable_set_text (GTK_EDITABLE (ACCOUNT (account, "account_domain_row")), "trattoria-mario.example");
  sa_test_click (SHELL (account, "next_button"));
  g_assert_cmpstr (sa_wizard_get_page (SA_WIZARD (account)), ==, "users");
  assert_shell (account, 2);
  gtk_window_destroy (GTK_WINDOW (account));
  g_assert_true (sa_test_wait_until (sa_test_draft_saved, (gpointer) SA_DRAFT_ACCOUNT_REQUEST, 10000));

  /* Request Access: step 1, then left on step 2. */
  access = sa_window_request_access (window, NULL);
  g_assert_true (sa_test_wait_until (sa_test_profile_loaded, sa_access_request_wizard_get_profile_editor (access), 30000));
  assert_shell (GTK_WIDGET (access), 1);
  sa_test_click (SHELL (access, "next_button"));
  g_assert_cmpstr (sa_wizard_get_page (SA_WIZARD (access)), ==, "domain");
  sa_access_request_wizard_set_domain (access, "vigneti-colli.example");
  assert_shell (GTK_WIDGET (access), 2);
  gtk_window_destroy (GTK_WINDOW (access));
  g_assert_true (sa_test_wait_until (sa_test_draft_saved, (gpointer) SA_DRAFT_ACCESS_REQUEST, 10000));

  /* Opened again, each offers its draft the same way and reopens where the
   * user left it. */
  account = GTK_WIDGET (sa_account_request_wizard_new (sandbox->client, GTK_WINDOW (window)));
  gtk_window_present (GTK_WINDOW (account));
  assert_draft_banner_then_restore (account, "identify", "users", ACCOUNT (account, "user_entry_row"));
  gtk_window_destroy (GTK_WINDOW (account));

  access = sa_window_request_access (window, NULL);
  assert_draft_banner_then_restore (GTK_WIDGET (access), "profile", "domain", ACCESS (access, "domain_entry"));
  gtk_window_destroy (GTK_WINDOW (access));

  gtk_window_destroy (GTK_WINDOW (window));
  sa_test_remove_draft (SA_DRAFT_ACCOUNT_REQUEST);
  sa_test_remove_draft (SA_DRAFT_ACCESS_REQUEST);
}

/* The header of a request view: its bar's shape (type, style, margins,
 * spacing), then each child's id, type and how it shows its text. */
static char *
dup_header_layout (GtkWidget *view)
{
  GtkWidget *box = adw_bin_get_child (ADW_BIN (view));
  GtkWidget *bar = gtk_widget_get_first_child (box);
  GString *layout = g_string_new (NULL);

  g_assert_true (GTK_IS_BOX (bar));
  g_string_append_printf (layout, "%s page-bar=%d margins=%d,%d,%d,%d spacing=%d:",
                          G_OBJECT_TYPE_NAME (bar), gtk_widget_has_css_class (bar, "sa-page-bar"),
                          gtk_widget_get_margin_top (bar), gtk_widget_get_margin_bottom (bar),
                          gtk_widget_get_margin_start (bar), gtk_widget_get_margin_end (bar),
                          gtk_box_get_spacing (GTK_BOX (bar)));
  for (GtkWidget *child = gtk_widget_get_first_child (bar);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      g_string_append_printf (layout, " %s#%s", G_OBJECT_TYPE_NAME (child),
                              gtk_buildable_get_buildable_id (GTK_BUILDABLE (child)));
      if (GTK_IS_LABEL (child))
        g_string_append_printf (layout, "(heading=%d wrap=%d hexpand=%d)",
                                gtk_widget_has_css_class (child, "heading"),
                                gtk_label_get_wrap (GTK_LABEL (child)), gtk_widget_get_hexpand (child));
      else if (GTK_IS_BUTTON (child))
        {
          GtkWidget *content = gtk_button_get_child (GTK_BUTTON (child));

          g_string_append_printf (layout, "(%s wrap=%d tooltip=%d)",
                                  gtk_button_get_icon_name (GTK_BUTTON (child)) ?: G_OBJECT_TYPE_NAME (content),
                                  GTK_IS_LABEL (content) && gtk_label_get_wrap (GTK_LABEL (content)),
                                  gtk_widget_get_tooltip_text (child) != NULL);
        }
    }

  return g_string_free (layout, FALSE);
}

static void
test_one_view_header (void)
{
  SaWindow *window = sa_test_new_window (sandbox);
  g_autofree char *account = dup_header_layout (SA_TEST_CHILD (window, SA_TYPE_WINDOW, "account_requests_view"));
  g_autofree char *access = dup_header_layout (SA_TEST_CHILD (window, SA_TYPE_WINDOW, "access_requests_view"));

  g_test_message ("Smart Account requests: %s", account);
  g_test_message ("Access requests: %s", access);
  g_assert_cmpstr (account, ==, access);
  g_assert_true (g_regex_match_simple ("title_label.*new_button.*refresh_button", account, 0, 0));

  gtk_window_destroy (GTK_WINDOW (window));
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
  g_test_add_func ("/ui/request-wizards/one-wizard-design", test_one_wizard_design);
  g_test_add_func ("/ui/request-wizards/one-view-header", test_one_view_header);

  /* Moves the practice clock 91 days: after every other test. */
  g_test_add_func ("/ui/request-wizards/zz-last/request-account-again", test_request_account_again);

  status = g_test_run ();

  sa_test_sandbox_free (sandbox);
  sa_test_remove_state_dir (g_steal_pointer (&state_dir));

  return status;
}
