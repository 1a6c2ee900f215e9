/* test-ui-sign-in.c — Live mode: sign-in dialog, keyring, sign-out, renewal
 *
 * Drives the real sign-in dialog, Preferences and order page against a
 * sandbox back office over loopback (run in this thread: every client call is
 * asynchronous), with the real gnome-keyring of the private D-Bus session that
 * ./build-aux/test starts. Built twice: test-ui-sign-in (with the keyring) and
 * test-ui-sign-in-no-keyring (SA_TEST_NO_KEYRING: the session bus points
 * nowhere, so "Remember me" must explain and still sign in).
 *
 * The whole run uses its own XDG directories,
 * and captures the complete debug log, so that the last test case can check
 * that no password and no token went to GSettings, files or the log.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "sa-order-page.h"
#include "sa-preferences-window.h"
#include "sa-sandbox-server.h"
#include "sa-session.h"
#include "core-test-util.h"
#include "sa-sign-in-dialog.h"
#include "sa-ui-test-util.h"
#include "sa-window.h"

/* A trainee of its own, with a password that appears nowhere else, so that
 * finding it in a file or in the log means it leaked. */
#define USERNAME "ui5-signin"
#define PASSWORD "Ui5-pw-Qx7Lm2Vb9"

static SaSandboxServer *server;
static char *server_dir;
static char *server_uri;
static SaClient *helper;          /* the test's own client, signed in */
static char *xdg_root;            /* the run's XDG directories */
static char *keyring_data_home;   /* where gnome-keyring keeps its files */
static gboolean have_keyring;

/* ---- waiting ---- */

static gboolean
dialog_open (gpointer user_data)
{
  return sa_session_get_sign_in_dialog (SA_SESSION (user_data)) != NULL;
}

static gboolean
dialog_idle (gpointer user_data)
{
  return !sa_sign_in_dialog_get_busy (SA_SIGN_IN_DIALOG (user_data));
}

static gboolean
flag_set (gpointer user_data)
{
  return *(gboolean *) user_data;
}

static gboolean
nothing_pending (gpointer user_data)
{
  SaOrderPage *page = user_data;

  return !sa_order_page_get_submitting (page) &&
         sa_order_page_get_pending (page, SA_ACCOUNT_TYPE_CUSTOMER) == NULL;
}

static gboolean
signed_out (gpointer user_data)
{
  return !sa_client_get_signed_in (SA_CLIENT (user_data));
}

static gboolean
widget_sensitive (gpointer user_data)
{
  return gtk_widget_get_sensitive (GTK_WIDGET (user_data));
}

static gboolean
time_reached (gpointer user_data)
{
  return g_get_monotonic_time () >= *(gint64 *) user_data;
}

/* ---- keyring, through the app's own calls ---- */

static G_GNUC_UNUSED void
lookup (char **username,
        char **password)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  sa_credentials_lookup_async (server_uri, NULL, sa_test_async_ready_cb, NULL);
  result = sa_test_wait_for_result ();
  g_assert_true (sa_credentials_lookup_finish (result, username, password, &error));
  g_assert_no_error (error);
}

static void
forget (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  sa_credentials_clear_async (server_uri, NULL, sa_test_async_ready_cb, NULL);
  result = sa_test_wait_for_result ();
  if (!sa_credentials_clear_finish (result, &error))
    g_assert_error (error, SA_CREDENTIALS_ERROR, SA_CREDENTIALS_ERROR_UNAVAILABLE);
}

static G_GNUC_UNUSED gboolean
require_keyring (void)
{
  if (!have_keyring)
    {
      g_test_skip ("No unlocked keyring on the session bus (run under ./build-aux/test for a real gnome-keyring)");
      return FALSE;
    }
  return TRUE;
}

/* ---- a window with a Live session ---- */

typedef struct
{
  SaWindow  *window;
  SaSession *session;
  gboolean   ready;
  gboolean   cancelled;
} Live;

static void
on_ready (SaSession *session,
          Live      *live)
{
  live->ready = TRUE;
  sa_window_set_client (live->window, sa_session_get_client (session), FALSE);
}

static void
on_cancelled (SaSession *session,
              Live      *live)
{
  live->cancelled = TRUE;
}

static Live *
live_start (void)
{
  Live *live = g_new0 (Live, 1);
  g_autoptr(GError) error = NULL;

  live->window = sa_window_new (NULL);
  gtk_window_present (GTK_WINDOW (live->window));
  live->session = sa_session_new (server_uri, &error);
  g_assert_no_error (error);
  sa_session_set_window (live->session, GTK_WINDOW (live->window));
  g_signal_connect (live->session, "ready", G_CALLBACK (on_ready), live);
  g_signal_connect (live->session, "cancelled", G_CALLBACK (on_cancelled), live);
  sa_window_show_connecting (live->window, server_uri);
  sa_session_start (live->session);

  return live;
}

static void
live_free (Live *live)
{
  g_signal_handlers_disconnect_by_data (live->session, live);
  g_clear_object (&live->session);
  gtk_window_destroy (GTK_WINDOW (live->window));
  g_free (live);
}

/* Types into the dialog and clicks Sign In, as the user does. */
static void
type_and_sign_in (SaSignInDialog *dialog,
                  const char     *username,
                  const char     *password,
                  gboolean        remember)
{
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  if (username != NULL)
    gtk_editable_set_text (GTK_EDITABLE (SA_TEST_CHILD (dialog, SA_TYPE_SIGN_IN_DIALOG, "username_entry")), username);
  gtk_editable_set_text (GTK_EDITABLE (SA_TEST_CHILD (dialog, SA_TYPE_SIGN_IN_DIALOG, "password_entry")), password);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (SA_TEST_CHILD (dialog, SA_TYPE_SIGN_IN_DIALOG, "remember_check")), remember);
  sa_test_click (SA_TEST_CHILD (dialog, SA_TYPE_SIGN_IN_DIALOG, "sign_in_button"));
}

static SaSignInDialog *
wait_for_dialog (Live *live)
{
  SaSignInDialog *dialog;

  g_assert_true (sa_test_wait_until (dialog_open, live->session, 30000));
  dialog = sa_session_get_sign_in_dialog (live->session);
  /* Modal over the window the user works in. */
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (live->window));
  return dialog;
}

static void
set_token_lifetime (guint seconds)
{
  sa_sandbox_server_set_token_lifetime (server, seconds);
}

/* Signs the session's client in again, now with a token that lives 1 s,
 * and waits until it expired. */
static void
expire_token_soon (SaClient *client)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 expired;

  set_token_lifetime (1);
  sa_client_sign_in_async (client, USERNAME, PASSWORD, NULL, sa_test_async_ready_cb, NULL);
  result = sa_test_wait_for_result ();
  g_assert_true (sa_client_sign_in_finish (client, result, &error));
  g_assert_no_error (error);

  expired = g_get_monotonic_time () + 1200 * 1000;
  g_assert_true (sa_test_wait_until (time_reached, &expired, 5000));
}

/* Opens an order that can change, with a pending End Customer change and the
 * terms accepted: what the user was working on. */
static SaOrderPage *
prepare_change (Live  *live,
                char **number_out,
                char **domain_out)
{
  g_autoptr(SaOrder) order = NULL;
  g_autoptr(SaAssignment) assignment = NULL;
  g_autofree char *domain = NULL;
  g_autofree char *virtual_account = NULL;
  SaOrderPage *page;

  order = sa_test_find_order (helper, sa_test_order_is_unassigned, NULL);
  if (order == NULL)
    order = sa_test_find_order (helper, sa_test_order_is_holding_only, NULL);
  g_assert_nonnull (order);
  g_assert_true (sa_test_find_japanese_virtual_account (helper, &domain, &virtual_account));

  page = sa_orders_view_open_order (sa_window_get_orders_view (live->window),
                                    sa_order_get_sales_order_number (order));
  g_assert_true (sa_test_wait_until (sa_test_order_page_loaded, page, 30000));

  assignment = sa_assignment_new (domain, "Test", SA_ACCOUNT_TYPE_CUSTOMER, SA_ACCOUNT_STATUS_ACTIVE,
                                  virtual_account);
  sa_order_page_set_pending (page, SA_ACCOUNT_TYPE_CUSTOMER, assignment);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (SA_TEST_CHILD (page, SA_TYPE_ORDER_PAGE, "terms_check")), TRUE);

  *number_out = g_strdup (sa_order_get_sales_order_number (order));
  *domain_out = g_steal_pointer (&domain);
  return page;
}

/* Signs in through the dialog (remembered or not), prepares a change on an
 * order, and lets the sign-in expire under it: the user comes back to
 * submit what they were working on. */
static SaOrderPage *
prepare_change_while_token_expires (Live      *live,
                                    gboolean   remember,
                                    char     **number_out,
                                    char     **domain_out)
{
  SaClient *client;
  SaOrderPage *page;

  type_and_sign_in (wait_for_dialog (live), USERNAME, PASSWORD, remember);
  g_assert_true (sa_test_wait_until (flag_set, &live->ready, 30000));
  client = sa_session_get_client (live->session);
  if (remember)
    g_assert_true (sa_client_get_renew_from_keyring (client));
  else
    g_assert_false (sa_client_get_renew_from_keyring (client));

  page = prepare_change (live, number_out, domain_out);
  expire_token_soon (client);
  set_token_lifetime (3600);

  return page;
}

static void
submit_change (SaOrderPage *page)
{
  AdwMessageDialog *confirm;

  sa_test_click (SA_TEST_CHILD (page, SA_TYPE_ORDER_PAGE, "submit_button"));
  confirm = ADW_MESSAGE_DIALOG (sa_order_page_get_submit_dialog (page));
  g_assert_nonnull (confirm);
  adw_message_dialog_response (confirm, "yes");
}

static void
assert_saved (const char *number,
              const char *domain)
{
  g_autoptr(SaOrder) after = sa_test_get_order (helper, number);

  g_assert_nonnull (sa_order_get_end_customer (after));
  g_assert_cmpstr (sa_assignment_get_domain (sa_order_get_end_customer (after)), ==, domain);
}

/* ---- test cases ---- */

static G_GNUC_UNUSED void
test_sign_in_remember_sign_out (void)
{
  g_autofree char *username = NULL;
  char *password = NULL;
  SaSignInDialog *dialog;
  SaPreferencesWindow *preferences;
  SaClient *client;
  Live *live;

  if (!require_keyring ())
    return;
  forget ();

  /* Nothing remembered: Live mode starts with the dialog. */
  live = live_start ();
  dialog = wait_for_dialog (live);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (SA_TEST_CHILD (dialog, SA_TYPE_SIGN_IN_DIALOG, "server_label"))),
                            server_uri));
  g_assert_true (gtk_password_entry_get_show_peek_icon (GTK_PASSWORD_ENTRY (SA_TEST_CHILD (dialog, SA_TYPE_SIGN_IN_DIALOG, "password_entry"))));
  g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (dialog)) ==
                 SA_TEST_CHILD (dialog, SA_TYPE_SIGN_IN_DIALOG, "sign_in_button"));

  type_and_sign_in (dialog, USERNAME, PASSWORD, TRUE);
  g_assert_true (sa_test_wait_until (flag_set, &live->ready, 30000));
  client = sa_session_get_client (live->session);
  g_assert_true (sa_client_get_signed_in (client));
  g_assert_cmpstr (sa_client_get_username (client), ==, USERNAME);
  g_assert_true (sa_session_get_remembered (live->session));
  g_assert_true (sa_client_get_renew_from_keyring (client));
  g_assert_null (sa_session_get_sign_in_dialog (live->session));

  /* In the real keyring, found again for this server. */
  lookup (&username, &password);
  g_assert_cmpstr (username, ==, USERNAME);
  g_assert_cmpstr (password, ==, PASSWORD);
  sa_credentials_free_password (password);
  g_clear_pointer (&username, g_free);

  /* Preferences: Sign Out is offered while signed in; it forgets both. */
  preferences = SA_PREFERENCES_WINDOW (sa_preferences_window_new (GTK_WINDOW (live->window)));
  sa_preferences_window_set_session (preferences, live->session);
  gtk_window_present (GTK_WINDOW (preferences));
  g_assert_true (gtk_widget_get_visible (SA_TEST_CHILD (preferences, SA_TYPE_PREFERENCES_WINDOW, "account_row")));
  sa_test_click (SA_TEST_CHILD (preferences, SA_TYPE_PREFERENCES_WINDOW, "sign_out_button"));
  g_assert_true (sa_test_wait_until (signed_out, client, 30000));
  /* The keyring answered before the token went: wait for the button again. */
  g_assert_true (sa_test_wait_until (widget_sensitive, SA_TEST_CHILD (preferences, SA_TYPE_PREFERENCES_WINDOW, "sign_out_button"), 30000));
  g_assert_false (sa_client_get_signed_in (client));
  g_assert_false (sa_session_get_remembered (live->session));
  g_assert_false (gtk_widget_get_visible (SA_TEST_CHILD (preferences, SA_TYPE_PREFERENCES_WINDOW, "account_row")));

  lookup (&username, &password);
  g_assert_null (username);
  g_assert_null (password);

  gtk_window_destroy (GTK_WINDOW (preferences));
  live_free (live);
}

static void
test_wrong_password (void)
{
  SaSignInDialog *dialog;
  Live *live;

  forget ();
  live = live_start ();
  dialog = wait_for_dialog (live);

  type_and_sign_in (dialog, USERNAME, "not-the-password", FALSE);
  g_assert_true (sa_test_wait_until (dialog_idle, dialog, 30000));

  /* A clear message in the dialog; still there, the user name kept, the
   * password selected for typing again. */
  g_assert_true (sa_session_get_sign_in_dialog (live->session) == dialog);
  g_assert_nonnull (sa_sign_in_dialog_get_error_message (dialog));
  g_assert_nonnull (strstr (sa_sign_in_dialog_get_error_message (dialog), "not correct"));
  g_assert_true (gtk_widget_get_visible (SA_TEST_CHILD (dialog, SA_TYPE_SIGN_IN_DIALOG, "error_label")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (SA_TEST_CHILD (dialog, SA_TYPE_SIGN_IN_DIALOG, "username_entry"))), ==, USERNAME);
  g_assert_false (sa_client_get_signed_in (sa_session_get_client (live->session)));
  g_assert_false (live->ready);

  /* The right one now. */
  type_and_sign_in (dialog, NULL, PASSWORD, FALSE);
  g_assert_true (sa_test_wait_until (flag_set, &live->ready, 30000));
  g_assert_true (sa_client_get_signed_in (sa_session_get_client (live->session)));
  g_assert_false (sa_session_get_remembered (live->session));

  live_free (live);
}

static void
test_cancel (void)
{
  SaSignInDialog *dialog;
  Live *live;

  forget ();
  live = live_start ();
  dialog = wait_for_dialog (live);
  /* Escape closes it; the app then explains it is not signed in. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  g_assert_true (sa_test_wait_until (flag_set, &live->cancelled, 5000));
  g_assert_null (sa_session_get_sign_in_dialog (live->session));
  g_assert_false (live->ready);

  live_free (live);
}

#ifdef SA_TEST_NO_KEYRING
static void
test_no_keyring_remember (void)
{
  g_autofree char *message = NULL;
  SaSignInDialog *dialog;
  Live *live;

  live = live_start ();
  dialog = wait_for_dialog (live);
  type_and_sign_in (dialog, USERNAME, PASSWORD, TRUE);
  g_assert_true (sa_test_wait_until (flag_set, &live->ready, 30000));

  /* Signed in for the session, with the reason the password was not kept. */
  g_assert_true (sa_client_get_signed_in (sa_session_get_client (live->session)));
  g_assert_false (sa_session_get_remembered (live->session));
  g_assert_true (sa_session_get_sign_in_dialog (live->session) == dialog);
  g_assert_nonnull (sa_sign_in_dialog_get_keyring_message (dialog));
  g_assert_nonnull (strstr (sa_sign_in_dialog_get_keyring_message (dialog), "for this session only"));
  g_assert_nonnull (strstr (sa_sign_in_dialog_get_keyring_message (dialog), "not remembered because"));
  g_assert_true (gtk_widget_get_visible (SA_TEST_CHILD (dialog, SA_TYPE_SIGN_IN_DIALOG, "keyring_label")));

  /* Continue closes it. */
  sa_test_click (SA_TEST_CHILD (dialog, SA_TYPE_SIGN_IN_DIALOG, "sign_in_button"));
  g_assert_null (sa_session_get_sign_in_dialog (live->session));
  g_assert_false (live->cancelled);

  live_free (live);
}
#endif

static G_GNUC_UNUSED void
test_expiry_renewed_from_keyring (void)
{
  g_autofree char *number = NULL;
  g_autofree char *domain = NULL;
  SaOrderPage *page;
  gboolean dialog_seen = FALSE;
  Live *live;

  if (!require_keyring ())
    return;
  forget ();

  /* Signed in and remembered; the token expires while the user is on the
   * page… */
  live = live_start ();
  page = prepare_change_while_token_expires (live, TRUE, &number, &domain);

  /* …and Submit goes through, renewed from the keyring, nothing typed. */
  submit_change (page);
  while (!nothing_pending (page) || sa_order_page_get_submitting (page))
    {
      dialog_seen |= sa_session_get_sign_in_dialog (live->session) != NULL;
      if (!sa_test_wait_until (nothing_pending, page, 30000))
        break;
    }
  g_assert_false (dialog_seen);
  g_assert_null (sa_session_get_sign_in_dialog (live->session));
  g_assert_null (sa_order_page_get_error_message (page));
  g_assert_null (sa_order_page_get_pending (page, SA_ACCOUNT_TYPE_CUSTOMER));
  assert_saved (number, domain);

  forget ();
  live_free (live);
}

static void
test_expiry_sign_in_dialog (void)
{
  g_autofree char *number = NULL;
  g_autofree char *domain = NULL;
  SaSignInDialog *dialog;
  SaOrderPage *page;
  Live *live;

  forget ();
  live = live_start ();
  page = prepare_change_while_token_expires (live, FALSE, &number, &domain);

  /* Submit: 401, nothing to renew from → the dialog opens over the window. */
  submit_change (page);
  dialog = wait_for_dialog (live);
  g_assert_true (sa_test_wait_until (sa_test_order_page_idle, page, 30000));
  /* The user's work is kept meanwhile. */
  g_assert_nonnull (sa_order_page_get_pending (page, SA_ACCOUNT_TYPE_CUSTOMER));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (SA_TEST_CHILD (page, SA_TYPE_ORDER_PAGE, "terms_check"))));
  g_assert_nonnull (sa_order_page_get_error_message (page));
  /* The user name is already there; only the password is typed. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (SA_TEST_CHILD (dialog, SA_TYPE_SIGN_IN_DIALOG, "username_entry"))), ==, USERNAME);

  type_and_sign_in (dialog, NULL, PASSWORD, FALSE);

  /* The pending change goes through by itself once signed in. */
  g_assert_true (sa_test_wait_until (nothing_pending, page, 30000));
  g_assert_null (sa_order_page_get_error_message (page));
  g_assert_null (sa_session_get_sign_in_dialog (live->session));
  assert_saved (number, domain);

  live_free (live);
}

static void
test_plain_http_refused (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID_BASE);
  g_autoptr(SaClient) client = NULL;
  g_autoptr(SaSession) session = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SaOrder) order = NULL;
  g_autofree char *saved = NULL;
  SaPreferencesWindow *preferences;
  AdwEntryRow *row;

  g_settings_set_enum (settings, "mode", 1);
  g_settings_set_string (settings, "server-url", "https://desk.example.com/");

  preferences = SA_PREFERENCES_WINDOW (sa_preferences_window_new (NULL));
  gtk_window_present (GTK_WINDOW (preferences));
  row = ADW_ENTRY_ROW (SA_TEST_CHILD (preferences, SA_TYPE_PREFERENCES_WINDOW, "server_row"));
  g_assert_true (gtk_widget_get_visible (SA_TEST_CHILD (preferences, SA_TYPE_PREFERENCES_WINDOW, "server_group")));

  /* Typed: refused at once, saying why; not saved even when applied. */
  gtk_editable_set_text (GTK_EDITABLE (row), "http://desk.example.com/");
  g_assert_nonnull (sa_preferences_window_get_server_error (preferences));
  g_assert_nonnull (strstr (sa_preferences_window_get_server_error (preferences), "https://"));
  g_assert_true (gtk_widget_get_visible (SA_TEST_CHILD (preferences, SA_TYPE_PREFERENCES_WINDOW, "server_error_label")));
  g_signal_emit_by_name (row, "apply");
  saved = g_settings_get_string (settings, "server-url");
  g_assert_cmpstr (saved, ==, "https://desk.example.com/");
  g_clear_pointer (&saved, g_free);

  /* Loopback may use plain HTTP; HTTPS anywhere; applying saves. */
  gtk_editable_set_text (GTK_EDITABLE (row), "http://127.0.0.1:8080/");
  g_assert_null (sa_preferences_window_get_server_error (preferences));
  gtk_editable_set_text (GTK_EDITABLE (row), "https://desk2.example.com/");
  g_assert_null (sa_preferences_window_get_server_error (preferences));
  g_signal_emit_by_name (row, "apply");
  saved = g_settings_get_string (settings, "server-url");
  g_assert_cmpstr (saved, ==, "https://desk2.example.com/");

  gtk_window_destroy (GTK_WINDOW (preferences));
  g_settings_reset (settings, "server-url");
  g_settings_reset (settings, "mode");

  /* The session refuses it, and so does the client itself. */
  session = sa_session_new ("http://desk.example.com/", &error);
  g_assert_null (session);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INSECURE_URI);
  g_clear_error (&error);

  client = sa_desk_client_new ("http://desk.example.com/");
  sa_client_sign_in_async (client, USERNAME, PASSWORD, NULL, sa_test_async_ready_cb, NULL);
  result = sa_test_wait_for_result ();
  g_assert_false (sa_client_sign_in_finish (client, result, &error));
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INSECURE_URI);
}

/* ---- nothing secret anywhere (runs last: checks the whole run) ---- */

/* No password, no token in a file. */
static void
check_file (const char *path,
            const char *contents,
            gsize       length,
            gpointer    user_data)
{
  g_test_message ("checked %s (%" G_GSIZE_FORMAT " bytes)", path, length);
  g_assert_false (core_test_contains_bytes (contents, length, PASSWORD));
  g_assert_false (core_test_contains_bytes (contents, length, "Bearer"));
  g_assert_false (core_test_has_token_shape (contents, length));
}

static void
test_no_secrets_left (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID_BASE);
  g_autofree char *settings_text = NULL;
  g_autofree char *log_text = core_test_log_capture_take ();

  /* GSettings: every key of the application's schema as the run left it
   * (the backend this process wrote to), and nothing about credentials. */
  settings_text = core_test_print_settings (settings);
  /* The run did change settings (Live mode and its server address). */
  g_assert_nonnull (strstr (settings_text, "server-url="));
  g_assert_null (strstr (settings_text, PASSWORD));
  g_assert_null (strstr (settings_text, "assword"));
  g_assert_false (core_test_has_token_shape (settings_text, strlen (settings_text)));

  /* Files under the user's directories (XDG data, config, state, cache) and
   * the keyring's own files (encrypted: no plain password either). */
  core_test_scan_files (xdg_root, check_file, NULL);
  if (keyring_data_home != NULL)
    {
      g_autofree char *keyrings = g_build_filename (keyring_data_home, "keyrings", NULL);

      g_test_message ("keyring files checked: %u", core_test_scan_files (keyrings, check_file, NULL));
    }

  /* The debug log of the whole run. */
  g_assert_cmpuint (strlen (log_text), >, 0);
  g_assert_null (strstr (log_text, PASSWORD));
  g_assert_null (strstr (log_text, "Bearer "));
  g_assert_false (core_test_has_token_shape (log_text, strlen (log_text)));
}

/* ---- set-up ---- */

static void
check_keyring (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *username = NULL;
  char *password = NULL;

  sa_credentials_lookup_async ("https://probe.invalid/", NULL, sa_test_async_ready_cb, NULL);
  result = sa_test_wait_for_result ();
  have_keyring = sa_credentials_lookup_finish (result, &username, &password, &error);
  sa_credentials_free_password (password);
  /* A keyring that answers but cannot store (none unlocked) is none. */
  if (have_keyring)
    have_keyring = sa_test_keyring_unlocked (&error);
  if (!have_keyring)
    g_test_message ("keyring: %s", error->message);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int ret;

  /* Before anything reads them: the run's own user directories. gnome-keyring
   * (another process) keeps its files where the test script said. */
  keyring_data_home = g_strdup (g_getenv ("XDG_DATA_HOME"));
  xdg_root = core_test_use_xdg_home ("sa-sign-in-XXXXXX");
#ifdef SA_TEST_NO_KEYRING
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/sa-test-bus", TRUE);
#endif
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  core_test_log_capture_install ();
  core_test_log_capture_start ();

  sa_test_init_gtk (&argc, &argv);

  server_dir = g_dir_make_tmp ("sa-sign-in-sandbox-XXXXXX", &error);
  g_assert_no_error (error);
  server = sa_sandbox_server_new (server_dir, &error);
  g_assert_no_error (error);
  g_assert_true (sa_sandbox_server_listen (server, "127.0.0.1", 0, &error));
  g_assert_no_error (error);
  server_uri = sa_sandbox_server_dup_uri (server);
  g_assert_true (sa_sandbox_server_add_trainee (server, USERNAME, PASSWORD, &error));
  g_assert_no_error (error);

  helper = sa_desk_client_new (server_uri);
  sa_client_sign_in_async (helper, USERNAME, PASSWORD, NULL, sa_test_async_ready_cb, NULL);
  {
    g_autoptr(GAsyncResult) result = sa_test_wait_for_result ();
    g_assert_true (sa_client_sign_in_finish (helper, result, &error));
    g_assert_no_error (error);
  }

  check_keyring ();

  g_test_add_func ("/sign-in/wrong-password", test_wrong_password);
  g_test_add_func ("/sign-in/cancel", test_cancel);
  g_test_add_func ("/sign-in/plain-http-refused", test_plain_http_refused);
#ifdef SA_TEST_NO_KEYRING
  g_test_add_func ("/sign-in/no-keyring-remember", test_no_keyring_remember);
#else
  g_test_add_func ("/sign-in/remember-and-sign-out", test_sign_in_remember_sign_out);
  g_test_add_func ("/sign-in/expiry-renewed-from-keyring", test_expiry_renewed_from_keyring);
#endif
  g_test_add_func ("/sign-in/expiry-sign-in-dialog", test_expiry_sign_in_dialog);
  g_test_add_func ("/sign-in/no-secrets-left", test_no_secrets_left);

  ret = g_test_run ();

  g_clear_object (&helper);
  g_clear_object (&server);
  g_free (server_uri);
  return ret;
}
