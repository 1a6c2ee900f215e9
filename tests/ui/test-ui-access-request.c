/* test-ui-access-request.c — Request Access to an Existing Smart Account on real widgets
 *
 * Starts the real sandbox back office, builds the real main window and drives
 * the procedure: the profile (with an update), an Account Domain Identifier
 * nobody has, then one shared by several Smart Accounts → the chooser → one
 * picked → the Reason for request (counter, Next state) → Send Request → the
 * confirmation; the request then in Your Access Requests and on the server;
 * a second request for the same account (DUPLICATE_REQUEST); no reminder
 * offered in the first minutes after sending, then offered when the time
 * comes (one timer, no reload) or once the practice clock has passed it;
 * the reminder button before and after a reminder; the notification when the
 * administrator decides; the draft, offered back in a banner, reopening the
 * page the user left; the French and Italian labels.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "sa-access-request-monitor-private.h"
#include "sa-access-request-wizard-private.h"
#include "sa-access-requests-view-private.h"
#include "sa-profile-editor.h"
#include "sa-ui-test-util.h"
#include "sa-ui-util.h"
#include "sa-window.h"

#define SHARED_DOMAIN "groupe-hexagone.example"
#define CHOSEN_NAME   "Groupe Hexagone France"

static SaTestSandbox *sandbox;
static char *state_dir;
/* The request the wizard test sends, for the tests after it. */
static char *sent_id;

#define WIZ(wizard, name) SA_TEST_CHILD (wizard, SA_TYPE_ACCESS_REQUEST_WIZARD, name)
/* The shell's widgets: Back, Next (Send Request, Done), the draft banner. */
#define SHELL(wizard, name) SA_TEST_CHILD (wizard, SA_TYPE_WIZARD, name)

static gboolean
view_loaded (gpointer user_data)
{
  SaAccessRequestsView *view = user_data;

  return !sa_access_requests_view_get_loading (view) &&
         g_list_model_get_n_items (sa_access_requests_view_get_requests (view)) > 0;
}

typedef struct
{
  SaAccessRequestsView *view;
  const char           *id;
} RowQuery;

static gboolean
row_shown (gpointer user_data)
{
  RowQuery *query = user_data;

  return sa_access_requests_view_get_row (query->view, query->id) != NULL;
}

static gboolean
reminder_text_shown (gpointer user_data)
{
  RowQuery *query = user_data;

  return sa_access_requests_view_get_reminder_text (query->view, query->id) != NULL &&
         sa_access_requests_view_get_reminder_button (query->view, query->id) == NULL;
}

static gboolean
reminder_button_shown (gpointer user_data)
{
  RowQuery *query = user_data;

  return sa_access_requests_view_get_reminder_button (query->view, query->id) != NULL;
}

/* The row of a request just sent: no "Send a reminder" yet, but from when. */
static void
assert_reminder_later (SaAccessRequestsView *view,
                       const char           *id)
{
  const char *text = sa_access_requests_view_get_reminder_text (view, id);

  g_assert_null (sa_access_requests_view_get_reminder_button (view, id));
  g_assert_nonnull (text);
  g_assert_true (g_str_has_prefix (text, "You can send a reminder from "));
  /* A time, "14:35" */
  g_assert_cmpuint (strlen (text), ==, strlen ("You can send a reminder from 14:35"));
}

static gboolean
page_is (SaAccessRequestWizard *wizard,
         const char            *page)
{
  return g_strcmp0 (sa_wizard_get_page (SA_WIZARD (wizard)), page) == 0;
}

static gboolean
wizard_sent (gpointer user_data)
{
  return page_is (SA_ACCESS_REQUEST_WIZARD (user_data), "sent");
}

static gboolean
send_error_shown (gpointer user_data)
{
  SaAccessRequestWizard *wizard = user_data;

  return sa_test_access_wizard_idle (wizard) &&
         gtk_widget_get_visible (WIZ (wizard, "send_error_note"));
}

static SaProfile *
get_server_profile (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  SaProfile *profile;

  sa_client_get_profile_async (sandbox->client, NULL, sa_test_async_ready_cb, NULL);
  result = sa_test_wait_for_result ();
  profile = sa_client_get_profile_finish (sandbox->client, result, &error);
  g_assert_no_error (error);
  return profile;
}

/* Steps 6: submit @domain and wait for the lookup. */
static void
submit_domain (SaAccessRequestWizard *wizard,
               const char            *domain)
{
  sa_access_request_wizard_set_domain (wizard, domain);
  g_assert_true (gtk_widget_is_sensitive (WIZ (wizard, "submit_button")));
  g_signal_emit_by_name (WIZ (wizard, "submit_button"), "clicked");
  g_assert_true (sa_test_wait_until (sa_test_access_wizard_idle, wizard, 30000));
}

static void
click_next (SaAccessRequestWizard *wizard)
{
  GtkWidget *next = SHELL (wizard, "next_button");

  g_assert_true (gtk_widget_is_sensitive (next));
  g_signal_emit_by_name (next, "clicked");
}

static void
test_wizard_chooser (void)
{
  SaWindow *window = sa_test_new_window (sandbox);
  SaAccessRequestWizard *wizard;
  SaProfileEditor *editor;
  g_autoptr(SaProfile) server_profile = NULL;
  g_autoptr(GListModel) requests = NULL;
  g_autoptr(SaAccessRequest) on_server = NULL;
  g_autofree char *long_reason = NULL;
  GtkWidget *next;
  GtkWidget *counter;
  GtkListBox *list;
  const char *chosen_id;
  const char *company = "Northwind Networks France SAS";
  RowQuery query;

  wizard = sa_window_request_access (window, NULL);
  g_assert_nonnull (wizard);
  next = SHELL (wizard, "next_button");
  g_assert_true (page_is (wizard, "profile"));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (wizard)), ==, "Request Access to an Existing Smart Account");

  /* Step 5: the profile as the server has it, then "Update your profile". */
  editor = sa_access_request_wizard_get_profile_editor (wizard);
  g_assert_true (sa_test_wait_until (sa_test_profile_loaded, editor, 30000));
  g_assert_true (gtk_widget_is_sensitive (next));

  g_signal_emit_by_name (SA_TEST_CHILD (editor, SA_TYPE_PROFILE_EDITOR, "update_button"), "clicked");
  g_assert_true (sa_profile_editor_get_editing (editor));
  g_assert_false (gtk_widget_is_sensitive (next));

  /* Checked as typed: a bad e-mail keeps Save off. */
  gtk_editable_set_text (GTK_EDITABLE (SA_TEST_CHILD (editor, SA_TYPE_PROFILE_EDITOR, "email_entry")), "not-an-address");
  g_assert_false (sa_profile_editor_get_valid (editor));
  g_assert_false (gtk_widget_is_sensitive (SA_TEST_CHILD (editor, SA_TYPE_PROFILE_EDITOR, "save_button")));
  g_assert_true (gtk_widget_has_css_class (SA_TEST_CHILD (editor, SA_TYPE_PROFILE_EDITOR, "email_entry"), "error"));
  gtk_editable_set_text (GTK_EDITABLE (SA_TEST_CHILD (editor, SA_TYPE_PROFILE_EDITOR, "email_entry")),
                         "camille.martin@northwind-networks.example");
  gtk_editable_set_text (GTK_EDITABLE (SA_TEST_CHILD (editor, SA_TYPE_PROFILE_EDITOR, "company_entry")), company);
  g_assert_true (sa_profile_editor_get_valid (editor));
  g_signal_emit_by_name (SA_TEST_CHILD (editor, SA_TYPE_PROFILE_EDITOR, "save_button"), "clicked");
  g_assert_true (sa_test_wait_until (sa_test_profile_loaded, editor, 30000));
  g_assert_false (sa_profile_editor_get_editing (editor));
  g_assert_cmpstr (sa_profile_get_company (sa_profile_editor_get_profile (editor)), ==, company);
  server_profile = get_server_profile ();
  g_assert_cmpstr (sa_profile_get_company (server_profile), ==, company);

  click_next (wizard);
  g_assert_true (page_is (wizard, "domain"));
  g_assert_false (gtk_widget_is_sensitive (next));

  /* Step 6: a domain no Smart Account has: a clear message, the entry kept. */
  submit_domain (wizard, "nobody-has-this.example");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (WIZ (wizard, "lookup_stack"))),
                   ==, "none");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (WIZ (wizard, "none_label"))),
                            "nobody-has-this.example"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (WIZ (wizard, "domain_entry"))),
                   ==, "nobody-has-this.example");
  g_assert_false (gtk_widget_is_sensitive (next));

  /* An invalid domain is refused as typed. */
  sa_access_request_wizard_set_domain (wizard, "not a domain");
  g_assert_true (gtk_widget_get_visible (WIZ (wizard, "domain_error_label")));
  g_assert_false (gtk_widget_is_sensitive (WIZ (wizard, "submit_button")));

  /* A domain several Smart Accounts share: the chooser, nothing picked yet. */
  submit_domain (wizard, SHARED_DOMAIN);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (WIZ (wizard, "lookup_stack"))),
                   ==, "found");
  g_assert_cmpuint (g_list_model_get_n_items (sa_access_request_wizard_get_candidates (wizard)), >=, 2);
  list = GTK_LIST_BOX (WIZ (wizard, "candidates_list"));
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, 1));
  g_assert_null (sa_access_request_wizard_get_selected_account (wizard));
  g_assert_false (gtk_widget_is_sensitive (next));

  chosen_id = sa_test_find_candidate_id (wizard, CHOSEN_NAME);
  g_assert_true (sa_access_request_wizard_select_candidate (wizard, chosen_id));
  g_assert_cmpstr (sa_smart_account_get_id (sa_access_request_wizard_get_selected_account (wizard)), ==, chosen_id);
  g_assert_true (gtk_widget_is_sensitive (next));
  click_next (wizard);

  /* Step 7: the reason is required, counted as typed, limited to 500. */
  g_assert_true (page_is (wizard, "reason"));
  counter = WIZ (wizard, "counter_label");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (counter)), ==, "0 / 500");
  g_assert_false (gtk_widget_is_sensitive (next));
  sa_access_request_wizard_set_reason (wizard, "We run the Wi-Fi refresh of the Lyon sites.");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (counter)), ==, "43 / 500");
  g_assert_true (gtk_widget_is_sensitive (next));
  long_reason = g_strnfill (501, 'x');
  sa_access_request_wizard_set_reason (wizard, long_reason);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (counter)), ==, "501 / 500");
  g_assert_false (gtk_widget_is_sensitive (next));
  sa_access_request_wizard_set_reason (wizard, "We run the Wi-Fi refresh of the Lyon sites.");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (next)), ==, "_Send Request");

  /* Send Request → step 8, the confirmation. */
  click_next (wizard);
  g_assert_true (sa_test_wait_until (wizard_sent, wizard, 30000));
  g_assert_nonnull (sa_access_request_wizard_get_sent_request (wizard));
  sent_id = g_strdup (sa_access_request_get_id (sa_access_request_wizard_get_sent_request (wizard)));
  g_assert_cmpint (sa_access_request_get_status (sa_access_request_wizard_get_sent_request (wizard)), ==,
                   SA_ACCESS_REQUEST_STATUS_PENDING);
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (WIZ (wizard, "sent_page"))),
                            CHOSEN_NAME));

  /* On the server, for the chosen account. */
  requests = sa_test_list_access_requests (sandbox->client);
  on_server = sa_test_find_access_request (requests, sent_id);
  g_assert_nonnull (on_server);
  g_assert_cmpstr (sa_smart_account_get_id (sa_access_request_get_smart_account (on_server)), ==, chosen_id);
  g_assert_cmpint (sa_access_request_get_status (on_server), ==, SA_ACCESS_REQUEST_STATUS_PENDING);

  /* "Your Access Requests" from the confirmation: the request is listed. */
  g_signal_emit_by_name (WIZ (wizard, "show_requests_button"), "clicked");
  query.view = sa_window_get_access_requests_view (window);
  query.id = sent_id;
  g_assert_true (sa_test_wait_until (row_shown, &query, 30000));
  /* Just sent: no reminder offered yet (issue 11), the row says from when. */
  assert_reminder_later (query.view, sent_id);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A second request for the same account: DUPLICATE_REQUEST, explained. */
static void
test_wizard_duplicate (void)
{
  SaWindow *window = sa_test_new_window (sandbox);
  SaAccessRequestWizard *wizard = sa_window_request_access (window, SHARED_DOMAIN);
  SaProfileEditor *editor = sa_access_request_wizard_get_profile_editor (wizard);

  g_assert_nonnull (sent_id);
  g_assert_true (sa_test_wait_until (sa_test_profile_loaded, editor, 30000));
  click_next (wizard);
  /* The domain came prefilled (as from the "Request a Smart Account" wizard). */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (WIZ (wizard, "domain_entry"))),
                   ==, SHARED_DOMAIN);
  submit_domain (wizard, SHARED_DOMAIN);
  g_assert_true (sa_access_request_wizard_select_candidate (wizard, sa_test_find_candidate_id (wizard, CHOSEN_NAME)));
  click_next (wizard);
  sa_access_request_wizard_set_reason (wizard, "Once more.");
  click_next (wizard);
  g_assert_true (sa_test_wait_until (send_error_shown, wizard, 30000));
  g_assert_true (page_is (wizard, "reason"));
  g_assert_true (gtk_widget_get_visible (WIZ (wizard, "duplicate_button")));
  /* Everything kept. */
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (WIZ (wizard, "reason_view")));
    GtkTextIter start, end;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (text, ==, "Once more.");
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* With SA_TEST_SCREENSHOT_DIR set, saves @window as drawn to NAME.png
 * there, for a person to look at. */
static void
save_screenshot (GtkWidget  *window,
                 const char *name)
{
  const char *dir = g_getenv ("SA_TEST_SCREENSHOT_DIR");
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (dir == NULL || *dir == '\0')
    return;

  /* Let the transitions (the list replacing "Loading…") end. */
  sa_test_wait_ms (1500);
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  g_mkdir_with_parents (dir, 0755);
  sa_test_save_png (window, path, &error);
  g_assert_no_error (error);
}

/* The row of the request just sent says from when a reminder is possible in
 * French and Italian too (saved with SA_TEST_SCREENSHOT_DIR). */
static void
check_reminder_later_words (const char *language,
                            const char *words)
{
  SaWindow *window;
  SaAccessRequestsView *view;
  RowQuery query;
  g_autofree char *name = g_strdup_printf ("access-requests-just-sent-%s", language);

  sa_test_set_language (language);
  window = sa_test_new_window (sandbox);
  view = sa_window_get_access_requests_view (window);
  query.view = view;
  query.id = sent_id;
  sa_window_show_access_requests (window);
  g_assert_true (sa_test_wait_until (view_loaded, view, 30000));
  g_assert_true (sa_test_wait_until (row_shown, &query, 30000));
  g_assert_null (sa_access_requests_view_get_reminder_button (view, sent_id));
  g_assert_true (g_str_has_prefix (sa_access_requests_view_get_reminder_text (view, sent_id), words));
  save_screenshot (GTK_WIDGET (window), name);
  gtk_window_destroy (GTK_WINDOW (window));
  sa_test_set_language ("en");
}

typedef struct
{
  GtkWidget *row;
  guint      rebuilt;
} RowWatch;

static void
on_rows_changed (GListModel *requests,
                 guint       position,
                 guint       removed,
                 guint       added,
                 RowWatch   *watch)
{
  watch->rebuilt++;
}

/* A request just sent offers no reminder in its first minutes; when they
 * are over, the same row offers it, without a reload (the one timer). The
 * grace period is made to end a few seconds from now. */
static void
test_reminder_grace (void)
{
  SaWindow *window = sa_test_new_window (sandbox);
  SaAccessRequestsView *view = sa_window_get_access_requests_view (window);
  RowQuery query = { view, sent_id };
  RowWatch watch = { NULL, 0 };
  g_autoptr(GListModel) requests = NULL;
  g_autoptr(SaAccessRequest) on_server = NULL;
  g_autoptr(GDateTime) now = NULL;
  GTimeSpan elapsed;

  g_assert_nonnull (sent_id);
  check_reminder_later_words ("fr", "Vous pourrez envoyer un rappel à partir de ");
  check_reminder_later_words ("it", "Potrai inviare un promemoria dalle ");
  sa_window_show_access_requests (window);
  g_assert_true (sa_test_wait_until (view_loaded, view, 30000));
  g_assert_true (sa_test_wait_until (row_shown, &query, 30000));
  assert_reminder_later (view, sent_id);
  save_screenshot (GTK_WIDGET (window), "access-requests-just-sent-en");

  /* No check of the server from now on: only the timer may change the row. */
  sa_access_request_monitor_set_interval (sa_access_requests_view_get_monitor (view), 3600 * 1000);
  sa_test_wait_ms (300);
  watch.row = sa_access_requests_view_get_row (view, sent_id);
  g_signal_connect (sa_access_requests_view_get_requests (view), "items-changed",
                    G_CALLBACK (on_rows_changed), &watch);

  requests = sa_test_list_access_requests (sandbox->client);
  on_server = sa_test_find_access_request (requests, sent_id);
  now = g_date_time_new_now_utc ();
  elapsed = g_date_time_difference (now, sa_access_request_get_created_date (on_server));
  sa_access_requests_view_set_reminder_grace (view, elapsed + 3 * G_TIME_SPAN_SECOND);
  assert_reminder_later (view, sent_id);

  g_assert_true (sa_test_wait_until (reminder_button_shown, &query, 20000));
  g_assert_null (sa_access_requests_view_get_reminder_text (view, sent_id));
  /* The same row, not rebuilt: the timer, not a reload, brought the button. */
  g_assert_true (sa_access_requests_view_get_row (view, sent_id) == watch.row);
  g_assert_cmpuint (watch.rebuilt, ==, 0);
  save_screenshot (GTK_WIDGET (window), "access-requests-reminder-offered-en");

  g_signal_handlers_disconnect_by_data (sa_access_requests_view_get_requests (view), &watch);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The button before and after a reminder; REMINDER_TOO_SOON keeps the date.
 * The request was sent minutes ago: no reminder offered until the practice
 * clock has passed the grace period (moved one day on). */
static void
test_reminder (void)
{
  SaWindow *window = sa_test_new_window (sandbox);
  SaAccessRequestsView *view = sa_window_get_access_requests_view (window);
  GtkWidget *button;
  RowQuery query = { view, sent_id };
  g_autoptr(GListModel) requests = NULL;
  g_autoptr(SaAccessRequest) on_server = NULL;

  g_assert_nonnull (sent_id);
  g_assert_true (sa_test_wait_until (view_loaded, view, 30000));
  g_assert_true (sa_test_wait_until (row_shown, &query, 30000));
  assert_reminder_later (view, sent_id);

  /* The practice clock one day on: the view, refreshed, reads it. */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GDateTime) moved = NULL;
    g_autoptr(GError) error = NULL;

    sa_desk_client_sandbox_advance_clock_async (SA_DESK_CLIENT (sandbox->client), 1, NULL,
                                                sa_test_async_ready_cb, NULL);
    result = sa_test_wait_for_result ();
    moved = sa_desk_client_sandbox_advance_clock_finish (SA_DESK_CLIENT (sandbox->client), result, &error);
    g_assert_no_error (error);
  }
  sa_access_requests_view_refresh (view);
  g_assert_true (sa_test_wait_until (reminder_button_shown, &query, 30000));

  button = sa_access_requests_view_get_reminder_button (view, sent_id);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_null (sa_access_requests_view_get_reminder_text (view, sent_id));

  g_signal_emit_by_name (button, "clicked");
  g_assert_true (sa_test_wait_until (reminder_text_shown, &query, 30000));
  g_assert_true (g_str_has_prefix (sa_access_requests_view_get_reminder_text (view, sent_id),
                                   "Next reminder possible on "));

  requests = sa_test_list_access_requests (sandbox->client);
  on_server = sa_test_find_access_request (requests, sent_id);
  g_assert_nonnull (sa_access_request_get_last_reminder_date (on_server));

  /* Asking again anyway: the server refuses, the row still says when. */
  sa_access_requests_view_send_reminder (view, sent_id);
  sa_test_wait_ms (300);
  g_assert_true (sa_test_wait_until (reminder_text_shown, &query, 30000));

  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  SaAccessRequest *request;
  GNotification   *notification;
} Decision;

static void
on_decision (SaAccessRequestMonitor *monitor,
             SaAccessRequest        *request,
             GNotification          *notification,
             Decision               *decision)
{
  g_set_object (&decision->request, request);
  g_set_object (&decision->notification, notification);
}

static gboolean
decision_arrived (gpointer user_data)
{
  return ((Decision *) user_data)->request != NULL;
}

/* The administrator approves (sandbox call): the monitor's next check sees
 * it, emits "decision" with the notification, and the row updates. */
static void
test_notification (void)
{
  SaWindow *window = sa_test_new_window (sandbox);
  SaAccessRequestsView *view = sa_window_get_access_requests_view (window);
  SaAccessRequestMonitor *monitor;
  Decision decision = { NULL, NULL };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(SaAccessRequest) decided = NULL;
  g_autoptr(GError) error = NULL;
  RowQuery query = { view, sent_id };

  g_assert_nonnull (sent_id);
  g_assert_true (sa_test_wait_until (view_loaded, view, 30000));
  {
    g_autoptr(SaSmartAccount) before = sa_test_search_account (sandbox->client, SHARED_DOMAIN, CHOSEN_NAME);

    g_assert_null (before);
  }

  monitor = sa_access_requests_view_get_monitor (view);
  g_assert_nonnull (monitor);
  {
    gboolean paused = TRUE;

    g_object_get (monitor, "paused", &paused, NULL);
    g_assert_false (paused);
  }
  g_assert_cmpuint (sa_access_request_monitor_get_n_pending (monitor), >=, 1);
  sa_access_request_monitor_set_interval (monitor, 50);
  g_signal_connect (monitor, "decision", G_CALLBACK (on_decision), &decision);

  sa_desk_client_sandbox_decide_access_request_async (SA_DESK_CLIENT (sandbox->client), sent_id, TRUE, NULL, sa_test_async_ready_cb, NULL);
  result = sa_test_wait_for_result ();
  decided = sa_desk_client_sandbox_decide_access_request_finish (SA_DESK_CLIENT (sandbox->client), result, &error);
  g_assert_no_error (error);

  g_assert_true (sa_test_wait_until (decision_arrived, &decision, 30000));
  g_assert_cmpstr (sa_access_request_get_id (decision.request), ==, sent_id);
  g_assert_cmpint (sa_access_request_get_status (decision.request), ==, SA_ACCESS_REQUEST_STATUS_APPROVED);
  g_assert_true (G_IS_NOTIFICATION (decision.notification));

  /* The row no longer offers a reminder; the account is now found. */
  g_assert_true (sa_test_wait_until (row_shown, &query, 30000));
  g_assert_null (sa_access_requests_view_get_reminder_button (view, sent_id));
  {
    g_autoptr(SaSmartAccount) after = sa_test_search_account (sandbox->client, SHARED_DOMAIN, CHOSEN_NAME);

    g_assert_nonnull (after);
  }

  g_signal_handlers_disconnect_by_data (monitor, &decision);
  g_clear_object (&decision.request);
  g_clear_object (&decision.notification);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The draft on disk is whole and records the Reason for request page (the
 * save made as the window went has landed). */
static gboolean
draft_left_on_reason (gpointer user_data)
{
  g_autoptr(GVariant) draft = sa_test_try_load_draft (SA_DRAFT_ACCESS_REQUEST);
  const char *page = NULL;

  return draft != NULL && g_variant_lookup (draft, "page", "&s", &page) && g_str_equal (page, "reason");
}

/* What is typed is kept as a draft, offered back on reopening. */
static void
test_draft (void)
{
  SaWindow *window = sa_test_new_window (sandbox);
  SaAccessRequestWizard *wizard = sa_window_request_access (window, NULL);
  g_autoptr(GFile) file = sa_draft_get_file (SA_DRAFT_ACCESS_REQUEST);

  /* Start from no draft (the earlier tests left theirs): removed after any
   * save still under way, the drafts' writes being one queue. */
  sa_test_remove_draft (SA_DRAFT_ACCESS_REQUEST);
  g_assert_false (g_file_query_exists (file, NULL));

  sa_access_request_wizard_set_domain (wizard, "vigneti-colli.example");
  sa_access_request_wizard_set_reason (wizard, "Draft reason");
  gtk_window_close (GTK_WINDOW (wizard));
  g_assert_true (sa_test_wait_until (sa_test_draft_saved, (gpointer) SA_DRAFT_ACCESS_REQUEST, 10000));

  wizard = sa_window_request_access (window, NULL);
  g_assert_true (sa_test_wait_until (sa_test_draft_offered, wizard, 10000));
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.restore-draft", NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (WIZ (wizard, "domain_entry"))),
                   ==, "vigneti-colli.example");
  g_assert_true (sa_test_wait_until (sa_test_access_wizard_idle, wizard, 30000));
  /* The only Smart Account with that domain is selected at once. */
  g_assert_nonnull (sa_access_request_wizard_get_selected_account (wizard));

  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.discard-draft", NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  /* Gone once every write the wizard asked for has landed. */
  sa_test_remove_draft (SA_DRAFT_ACCESS_REQUEST);
}

static char *
dup_reason (SaAccessRequestWizard *wizard)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (WIZ (wizard, "reason_view")));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Restored, the draft reopens on the page the user left (it records it),
 * focus in its first field, the Smart Account chosen looked up again. */
static void
test_draft_page (void)
{
  SaWindow *window = sa_test_new_window (sandbox);
  SaAccessRequestWizard *wizard = sa_window_request_access (window, NULL);
  g_autoptr(GVariant) draft = NULL;
  g_autofree char *reason = NULL;
  const char *page = NULL;

  g_assert_true (sa_test_wait_until (sa_test_draft_looked_for, wizard, 10000));
  g_assert_false (sa_test_draft_offered (wizard));
  g_assert_true (sa_test_wait_until (sa_test_profile_loaded, sa_access_request_wizard_get_profile_editor (wizard), 30000));
  click_next (wizard);
  submit_domain (wizard, "vigneti-colli.example");
  g_assert_nonnull (sa_access_request_wizard_get_selected_account (wizard));
  click_next (wizard);
  g_assert_true (page_is (wizard, "reason"));
  sa_access_request_wizard_set_reason (wizard, "Left on the reason page");

  /* Destroyed at once: the change waiting for its save is written. */
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_true (sa_test_wait_until (draft_left_on_reason, NULL, 10000));
  draft = sa_test_load_draft (SA_DRAFT_ACCESS_REQUEST);
  g_assert_nonnull (draft);
  g_assert_true (g_variant_lookup (draft, "page", "&s", &page));
  g_assert_cmpstr (page, ==, "reason");

  /* The banner offers it over the first page; Restore goes to the reason. */
  window = sa_test_new_window (sandbox);
  wizard = sa_window_request_access (window, NULL);
  g_assert_true (sa_test_wait_until (sa_test_draft_offered, wizard, 10000));
  g_assert_true (page_is (wizard, "profile"));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (SHELL (wizard, "draft_revealer"))));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (SHELL (wizard, "draft_label"))), "vigneti-colli.example"));
  sa_test_click (SHELL (wizard, "restore_draft_button"));
  g_assert_false (sa_test_draft_offered (wizard));
  g_assert_true (page_is (wizard, "reason"));
  g_assert_true (sa_test_has_focus_in (GTK_WIDGET (wizard), WIZ (wizard, "reason_view")));
  reason = dup_reason (wizard);
  g_assert_cmpstr (reason, ==, "Left on the reason page");

  /* Once the domain is looked up again, the account is chosen, Send ready. */
  g_assert_true (sa_test_wait_until (sa_test_access_wizard_idle, wizard, 30000));
  g_assert_true (page_is (wizard, "reason"));
  g_assert_nonnull (sa_access_request_wizard_get_selected_account (wizard));
  g_assert_true (gtk_widget_is_sensitive (SHELL (wizard, "next_button")));

  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.close", NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  sa_test_remove_draft (SA_DRAFT_ACCESS_REQUEST);
}

static void
check_label (GtkWidget  *label_or_button,
             const char *expected)
{
  g_autofree char *text = NULL;

  if (GTK_IS_BUTTON (label_or_button))
    text = sa_test_dup_without_mnemonic (gtk_button_get_label (GTK_BUTTON (label_or_button)));
  else
    text = sa_test_dup_without_mnemonic (gtk_label_get_label (GTK_LABEL (label_or_button)));
  g_assert_cmpstr (text, ==, expected);
}

static void
check_language (const char *language,
                const char *title,
                const char *update,
                const char *reason,
                const char *requests,
                const char *remind)
{
  SaWindow *window;
  SaAccessRequestWizard *wizard;
  SaAccessRequestsView *view;
  GListModel *model;
  const char *pending_id = NULL;

  /* A missing translation fails this test case without stopping the others. */
  g_test_set_nonfatal_assertions ();
  sa_test_set_language (language);
  window = sa_test_new_window (sandbox);
  wizard = sa_window_request_access (window, NULL);
  view = sa_window_get_access_requests_view (window);

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (wizard)), ==, title);
  check_label (SA_TEST_CHILD (sa_access_request_wizard_get_profile_editor (wizard), SA_TYPE_PROFILE_EDITOR, "update_button"), update);
  check_label (WIZ (wizard, "reason_label"), reason);
  g_assert_nonnull (sa_test_find_label (GTK_WIDGET (view), requests));

  g_assert_true (sa_test_wait_until (view_loaded, view, 30000));
  model = sa_access_requests_view_get_requests (view);
  for (guint i = 0; i < g_list_model_get_n_items (model) && pending_id == NULL; i++)
    {
      g_autoptr(SaAccessRequest) request = g_list_model_get_item (model, i);

      if (sa_access_requests_view_get_reminder_button (view, sa_access_request_get_id (request)) != NULL)
        pending_id = sa_access_request_get_id (request);
    }
  g_assert_nonnull (pending_id);
  check_label (sa_access_requests_view_get_reminder_button (view, pending_id), remind);

  gtk_window_destroy (GTK_WINDOW (window));
  sa_test_set_language ("en");
}

static void
test_french (void)
{
  check_language ("fr",
                  "Demander l'accès à un compte Smart existant",
                  "Mettre à jour votre profil",
                  "Motif de la demande",
                  "Vos demandes d'accès",
                  "Envoyer un rappel");
}

static void
test_italian (void)
{
  check_language ("it",
                  "Richiedi l'accesso a uno Smart Account esistente",
                  "Aggiorna il profilo",
                  "Motivo della richiesta",
                  "Le tue richieste di accesso",
                  "Invia un promemoria");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Drafts go to a directory of our own. */
  state_dir = sa_test_use_state_dir ("sa-ui-access-XXXXXX");

  sa_test_init_gtk (&argc, &argv);
  sa_test_set_language ("en");
  sandbox = sa_test_sandbox_new ();

  g_test_add_func ("/ui/access-request/wizard-chooser", test_wizard_chooser);
  g_test_add_func ("/ui/access-request/wizard-duplicate", test_wizard_duplicate);
  g_test_add_func ("/ui/access-request/reminder-grace", test_reminder_grace);
  g_test_add_func ("/ui/access-request/reminder", test_reminder);
  g_test_add_func ("/ui/access-request/notification", test_notification);
  g_test_add_func ("/ui/access-request/draft", test_draft);
  g_test_add_func ("/ui/access-request/draft-page", test_draft_page);
  g_test_add_func ("/ui/access-request/french", test_french);
  g_test_add_func ("/ui/access-request/italian", test_italian);

  status = g_test_run ();

  sa_test_sandbox_free (sandbox);
  g_free (sent_id);
  sa_test_remove_state_dir (g_steal_pointer (&state_dir));

  return status;
}
