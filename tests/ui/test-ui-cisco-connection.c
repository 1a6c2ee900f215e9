/* test-ui-cisco-connection.c — the Cisco connection in Preferences, under Xvfb
 *
 * Drives the real Preferences window against the Cisco test double
 * (tests/cisco/cisco-mimic.c) over loopback: the four connections and the
 * groups each shows; Test Connection's diagnoses (connected, no Smart Account
 * visible, invalid_client, 403 "Invalid Client", rate limited, no network, TLS
 * failure, an HTML error page) in English, French and Italian; the Client ID
 * and Secret saved in the real gnome-keyring and found again, then removed;
 * the Cisco and Cisco (practice) sessions; and, last, that the secret is in
 * no GSettings key, no file and no line of the debug log.
 *
 * With SA_TEST_SCREENSHOT_DIR set, it also saves Preferences as
 * preferences-cisco-{en,fr,it}.png and preferences-cisco-{en,fr,it}-end.png
 * (scrolled to the end) there, for review.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "cisco-mimic.h"
#include "cisco-test-util.h"
#include "sa-preferences-window.h"
#include "sa-ui-test-util.h"

#define CHILD(prefs, name) SA_TEST_CHILD (prefs, SA_TYPE_PREFERENCES_WINDOW, name)

static CiscoMimic *mimic;
static CiscoMimic *tls_mimic;     /* a certificate nobody trusts; NULL without openssl */
static char *xdg_root;            /* the run's XDG directories */
static char *keyring_data_home;   /* where gnome-keyring keeps its files */
static gboolean have_keyring;

/* ---- settings and windows ---- */

static void
point_settings_at (CiscoMimic *target)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID_BASE);
  g_autofree char *identity = cisco_mimic_uri (target, MIMIC_TOKEN_PATH);
  g_autofree char *licensing = cisco_mimic_uri (target, MIMIC_SAL_PATH);
  g_autofree char *order = cisco_mimic_uri (target, MIMIC_ORDER_PATH);

  g_settings_set_enum (settings, "mode", SA_CONNECTION_CISCO);
  g_settings_set_string (settings, "cisco-identity-uri", identity);
  g_settings_set_string (settings, "cisco-licensing-uri", licensing);
  g_settings_set_string (settings, "cisco-order-uri", order);
}

static SaPreferencesWindow *
open_preferences (void)
{
  SaPreferencesWindow *preferences = SA_PREFERENCES_WINDOW (sa_preferences_window_new (NULL));

  gtk_window_present (GTK_WINDOW (preferences));
  return preferences;
}

static void
type_text (SaPreferencesWindow *preferences,
           const char          *row,
           const char          *text)
{
  gtk_editable_set_text (GTK_EDITABLE (CHILD (preferences, row)), text);
}

static gboolean
test_finished (gpointer user_data)
{
  SaPreferencesWindow *preferences = user_data;

  return sa_preferences_window_get_diagnosis (preferences) >= 0 &&
         gtk_widget_is_sensitive (CHILD (preferences, "test_button"));
}

/* Clicks Test and waits for its outcome. */
static SaCiscoDiagnosis
run_test (SaPreferencesWindow *preferences)
{
  GtkWidget *result_box = CHILD (preferences, "test_result_box");

  sa_test_click (CHILD (preferences, "test_button"));
  g_assert_false (gtk_widget_get_visible (result_box));
  g_assert_true (sa_test_wait_until (test_finished, preferences, 30000));
  g_assert_true (gtk_widget_get_visible (result_box));

  return sa_preferences_window_get_diagnosis (preferences);
}

static const char *
shown_title (SaPreferencesWindow *preferences)
{
  return gtk_label_get_text (GTK_LABEL (CHILD (preferences, "test_title_label")));
}

static const char *
shown_message (SaPreferencesWindow *preferences)
{
  return gtk_label_get_text (GTK_LABEL (CHILD (preferences, "test_message_label")));
}

/* The outcome shown is @title (English msgid, compared translated) and a
 * message holding the translation of @message_msgid's first sentence. */
static void
assert_shown (SaPreferencesWindow *preferences,
              const char          *language,
              SaCiscoDiagnosis     diagnosis,
              SaCiscoDiagnosis     expected,
              const char          *title,
              const char          *message_msgid)
{
  const char *translated = g_dgettext (GETTEXT_PACKAGE, title);

  g_test_message ("%s: %s — %s", language, shown_title (preferences), shown_message (preferences));
  g_assert_cmpint (diagnosis, ==, expected);
  g_assert_cmpstr (shown_title (preferences), ==, translated);
  if (g_strcmp0 (language, "en") != 0)
    g_assert_cmpstr (shown_title (preferences), !=, title);

  if (message_msgid != NULL)
    {
      const char *message = g_dgettext (GETTEXT_PACKAGE, message_msgid);
      g_autofree char *first = g_strndup (message, strcspn (message, ".:"));

      if (strstr (shown_message (preferences), first) == NULL)
        g_error ("%s: “%s” not in “%s”", language, first, shown_message (preferences));
      if (g_strcmp0 (language, "en") != 0)
        g_assert_cmpstr (message, !=, message_msgid);
    }
}

/* ---- the four connections ---- */

static void
test_connections (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID_BASE);
  SaPreferencesWindow *preferences;
  AdwComboRow *mode_row;
  const struct {
    SaConnection connection;
    const char  *visible[4];
    const char  *hidden[4];
  } cases[] = {
    { SA_CONNECTION_TRAINING, { NULL }, { "server_group", "cisco_group", "practice_group", "test_group" } },
    { SA_CONNECTION_CLASSROOM, { "server_group", NULL }, { "cisco_group", "practice_group", "test_group", NULL } },
    { SA_CONNECTION_CISCO, { "cisco_group", "addresses_group", "test_group", NULL }, { "server_group", "practice_group", NULL } },
    { SA_CONNECTION_CISCO_PRACTICE, { "practice_group", "test_group", NULL }, { "server_group", "cisco_group", "addresses_group", NULL } },
  };

  sa_test_set_language ("en");
  g_settings_reset (settings, "mode");
  preferences = open_preferences ();
  mode_row = ADW_COMBO_ROW (CHILD (preferences, "mode_row"));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (mode_row)), ==, 4);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (mode_row)), 1), ==,
                   "Classroom server");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      /* Choosing the row sets the key (the application restarts on it). */
      adw_combo_row_set_selected (mode_row, cases[i].connection);
      g_assert_cmpint (g_settings_get_enum (settings, "mode"), ==, cases[i].connection);

      for (guint j = 0; j < G_N_ELEMENTS (cases[i].visible) && cases[i].visible[j] != NULL; j++)
        g_assert_true (gtk_widget_get_visible (CHILD (preferences, cases[i].visible[j])));
      for (guint j = 0; j < G_N_ELEMENTS (cases[i].hidden) && cases[i].hidden[j] != NULL; j++)
        g_assert_false (gtk_widget_get_visible (CHILD (preferences, cases[i].hidden[j])));
    }

  /* The saved nick of the Classroom server is still "live". */
  adw_combo_row_set_selected (mode_row, SA_CONNECTION_CLASSROOM);
  {
    g_autoptr(GVariant) value = g_settings_get_value (settings, "mode");

    g_assert_cmpstr (g_variant_get_string (value, NULL), ==, "live");
  }

  /* Cisco's real hosts by default; an address in plain HTTP elsewhere than
   * this computer is refused and not saved. */
  g_settings_reset (settings, "cisco-identity-uri");
  adw_combo_row_set_selected (mode_row, SA_CONNECTION_CISCO);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (CHILD (preferences, "identity_row"))), ==,
                   "https://id.cisco.com/oauth2/default/v1/token");
  type_text (preferences, "identity_row", "http://id.example.com/token");
  g_assert_true (gtk_widget_get_visible (CHILD (preferences, "addresses_error_label")));
  g_signal_emit_by_name (CHILD (preferences, "identity_row"), "apply");
  {
    g_autofree char *identity = g_settings_get_string (settings, "cisco-identity-uri");

    g_assert_cmpstr (identity, ==, "https://id.cisco.com/oauth2/default/v1/token");
  }
  type_text (preferences, "identity_row", "http://127.0.0.1:9/oauth2/default/v1/token");
  g_assert_false (gtk_widget_get_visible (CHILD (preferences, "addresses_error_label")));
  g_signal_emit_by_name (CHILD (preferences, "identity_row"), "apply");
  {
    g_autofree char *identity = g_settings_get_string (settings, "cisco-identity-uri");

    g_assert_cmpstr (identity, ==, "http://127.0.0.1:9/oauth2/default/v1/token");
  }
  sa_test_click (CHILD (preferences, "restore_button"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (CHILD (preferences, "identity_row"))), ==,
                   "https://id.cisco.com/oauth2/default/v1/token");

  gtk_window_destroy (GTK_WINDOW (preferences));
  g_settings_reset (settings, "mode");
}

/* ---- Test Connection's diagnoses ---- */

static void
run_diagnoses (const char *language)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID_BASE);
  SaPreferencesWindow *preferences;
  SaCiscoDiagnosis diagnosis;

  sa_test_set_language (language);
  point_settings_at (mimic);
  preferences = open_preferences ();
  g_assert_true (gtk_widget_get_visible (CHILD (preferences, "test_group")));
  g_assert_cmpint (sa_preferences_window_get_diagnosis (preferences), ==, -1);
  type_text (preferences, "client_id_row", MIMIC_CLIENT_ID);

  /* Connected. */
  type_text (preferences, "client_secret_row", MIMIC_CLIENT_SECRET);
  diagnosis = run_test (preferences);
  assert_shown (preferences, language, diagnosis, SA_CISCO_DIAGNOSIS_CONNECTED, "Connected to Cisco", NULL);
  g_assert_true (gtk_widget_has_css_class (CHILD (preferences, "test_title_label"), "success"));

  /* A wrong secret (or an application still propagating). */
  type_text (preferences, "client_secret_row", "not-the-secret");
  diagnosis = run_test (preferences);
  assert_shown (preferences, language, diagnosis, SA_CISCO_DIAGNOSIS_INVALID_CLIENT,
                "Client ID or Client Secret Not Accepted",
                "Cisco did not accept the Client ID and Client Secret. Check that both were copied from your API "
                "application without extra spaces. A newly registered application takes about 30 minutes to become "
                "active: if you have just registered it, wait, then try again.");
  g_assert_true (gtk_widget_has_css_class (CHILD (preferences, "test_title_label"), "error"));
  type_text (preferences, "client_secret_row", MIMIC_CLIENT_SECRET);

  /* A token, but API access not approved yet: 403 "Invalid Client". */
  cisco_mimic_add_fault (mimic, MIMIC_SAL_PATH, 1, 403, "application/json", "{\"message\":\"Invalid Client\"}", NULL);
  diagnosis = run_test (preferences);
  assert_shown (preferences, language, diagnosis, SA_CISCO_DIAGNOSIS_ACCESS_NOT_APPROVED,
                "API Access Not Approved Yet",
                "Cisco accepted the Client ID and Client Secret but answered “Invalid Client”: your API application "
                "has not yet been granted access to this API. Request access for it on Cisco's API portal (approval "
                "usually takes up to a day), then try again.");

  /* A token that works, but no Smart Account visible. */
  cisco_mimic_add_fault (mimic, MIMIC_SAL_PATH "/v2/accounts", 1, 200, "application/json",
                         "{\"accounts\":[],\"status\":\"SUCCESS\",\"statusMessage\":\"\"}", NULL);
  diagnosis = run_test (preferences);
  assert_shown (preferences, language, diagnosis, SA_CISCO_DIAGNOSIS_NO_SMART_ACCOUNT, "No Smart Account Visible",
                "Cisco accepted your API application, but the Cisco.com user who registered it has no role on any "
                "Smart Account, so there is nothing to read. Ask the administrator of your Smart Account to give that "
                "user a role (Smart Account User is enough), then test again.");
  g_assert_true (gtk_widget_has_css_class (CHILD (preferences, "test_title_label"), "warning"));

  /* Rate limited. */
  cisco_mimic_add_fault (mimic, MIMIC_SAL_PATH, 1, 429, "application/json", "{}", "3600");
  diagnosis = run_test (preferences);
  assert_shown (preferences, language, diagnosis, SA_CISCO_DIAGNOSIS_RATE_LIMITED, "Too Many Requests",
                "Cisco is limiting how many requests your API application may send. Wait a few minutes, then try "
                "again.");

  /* An HTML error page. */
  cisco_mimic_add_fault (mimic, MIMIC_SAL_PATH, 1, 403, "text/html",
                         "<html><body><h1>Not Authorized</h1></body></html>", NULL);
  diagnosis = run_test (preferences);
  assert_shown (preferences, language, diagnosis, SA_CISCO_DIAGNOSIS_NOT_JSON, "Web Page Instead of API Data",
                "Cisco answered with a web page instead of API data (for example “Not Authorized”). Check the Cisco "
                "API addresses in Preferences and that your API application has access to this API, then try again.");

  /* No network: nothing listens at the identity provider's address. */
  {
    g_autoptr(GSocketListener) listener = g_socket_listener_new ();
    g_autoptr(GError) error = NULL;
    g_autofree char *identity = NULL;
    guint16 port;

    port = g_socket_listener_add_any_inet_port (listener, NULL, &error);
    g_assert_no_error (error);
    g_socket_listener_close (listener);
    identity = g_strdup_printf ("http://127.0.0.1:%u/oauth2/default/v1/token", port);
    g_settings_set_string (settings, "cisco-identity-uri", identity);
    diagnosis = run_test (preferences);
    assert_shown (preferences, language, diagnosis, SA_CISCO_DIAGNOSIS_NO_NETWORK, "Cisco Cannot Be Reached",
                  "Cisco could not be reached. Check your network connection and proxy settings, then try again.");
  }

  /* TLS: a certificate nobody trusts. */
  if (tls_mimic != NULL)
    {
      point_settings_at (tls_mimic);
      diagnosis = run_test (preferences);
      assert_shown (preferences, language, diagnosis, SA_CISCO_DIAGNOSIS_TLS, "Secure Connection Failed",
                    "The secure connection to Cisco could not be verified, so nothing was sent. Check this "
                    "computer's date and time, and any network equipment that inspects HTTPS traffic, then try "
                    "again.");
      g_assert_cmpuint (cisco_mimic_count (tls_mimic, "/"), ==, 0);
    }
  else
    g_test_message ("TLS case not run: no test certificate (openssl)");

  point_settings_at (mimic);
  gtk_window_destroy (GTK_WINDOW (preferences));
  cisco_mimic_reset_log (mimic);
}

static void
test_diagnoses (void)
{
  const char *languages[] = { "en", "fr", "it" };

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    run_diagnoses (languages[i]);
  sa_test_set_language ("en");
}

/* ---- the keyring ---- */

static gboolean
stored (gpointer user_data)
{
  return gtk_widget_get_visible (CHILD (user_data, "forget_button"));
}

static gboolean
not_stored (gpointer user_data)
{
  return !stored (user_data) && gtk_widget_is_sensitive (CHILD (user_data, "forget_button"));
}

static gboolean
id_filled (gpointer user_data)
{
  return *gtk_editable_get_text (GTK_EDITABLE (CHILD (user_data, "client_id_row"))) != '\0';
}

static gboolean
lookup (const char  *identity,
        char       **client_id,
        char       **client_secret)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean found;

  sa_cisco_credentials_lookup_async (identity, NULL, sa_test_async_ready_cb, NULL);
  result = sa_test_wait_for_result ();
  found = sa_cisco_credentials_lookup_finish (result, client_id, client_secret, &error);
  if (!found)
    g_test_message ("lookup: %s", error->message);
  return found && *client_id != NULL;
}

static void
test_keyring (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID_BASE);
  g_autofree char *identity = NULL;
  SaPreferencesWindow *preferences;

  if (!have_keyring)
    {
      g_test_skip ("No unlocked keyring answers in this session");
      return;
    }

  sa_test_set_language ("en");
  point_settings_at (mimic);
  identity = g_settings_get_string (settings, "cisco-identity-uri");

  /* Save: both go to the keyring, the secret leaves the entry. */
  preferences = open_preferences ();
  g_assert_false (gtk_widget_get_visible (CHILD (preferences, "forget_button")));
  type_text (preferences, "client_id_row", "  " MIMIC_CLIENT_ID " ");
  type_text (preferences, "client_secret_row", MIMIC_CLIENT_SECRET);
  sa_test_click (CHILD (preferences, "save_button"));
  g_assert_true (sa_test_wait_until (stored, preferences, 30000));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (CHILD (preferences, "client_secret_row"))), ==, "");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (CHILD (preferences, "keyring_row"))), ==,
                   "Stored in the keyring");
  {
    g_autofree char *client_id = NULL;
    char *client_secret = NULL;

    g_assert_true (lookup (identity, &client_id, &client_secret));
    g_assert_cmpstr (client_id, ==, MIMIC_CLIENT_ID);
    g_assert_cmpstr (client_secret, ==, MIMIC_CLIENT_SECRET);
    sa_cisco_credentials_free_secret (client_secret);
  }
  gtk_window_destroy (GTK_WINDOW (preferences));

  /* Opened again: the Client ID from the keyring, never the secret; Test
   * uses the stored secret. */
  preferences = open_preferences ();
  g_assert_true (sa_test_wait_until (id_filled, preferences, 30000));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (CHILD (preferences, "client_id_row"))), ==, MIMIC_CLIENT_ID);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (CHILD (preferences, "client_secret_row"))), ==, "");
  g_assert_true (sa_test_wait_until (stored, preferences, 30000));
  g_assert_cmpint (run_test (preferences), ==, SA_CISCO_DIAGNOSIS_CONNECTED);

  /* The Cisco session signs in with what the keyring holds. */
  {
    g_autoptr(SaCiscoApi) api = cisco_mimic_new_api (mimic);
    g_autoptr(SaSession) session = NULL;
    SaClient *client;

    sa_cisco_api_set_credentials (api, NULL, NULL);
    session = sa_session_new_cisco (api, SA_CONNECTION_CISCO);
    client = sa_session_get_client (session);
    g_assert_true (SA_IS_CISCO_CLIENT (client));
    sa_session_start (session);
    g_assert_true (sa_test_wait_until ((SaTestCondition) sa_client_get_signed_in, client, 30000));
    g_assert_cmpstr (sa_client_get_username (client), ==, MIMIC_CLIENT_ID);
    g_assert_true (sa_session_get_remembered (session));
  }

  /* Remove: gone from the keyring. */
  sa_test_click (CHILD (preferences, "forget_button"));
  g_assert_true (sa_test_wait_until (not_stored, preferences, 30000));
  {
    g_autofree char *client_id = NULL;
    char *client_secret = NULL;

    g_assert_false (lookup (identity, &client_id, &client_secret));
    g_assert_null (client_secret);
  }

  /* Without anything stored, Test says what is missing. */
  type_text (preferences, "client_id_row", "");
  g_assert_cmpint (run_test (preferences), ==, SA_CISCO_DIAGNOSIS_NO_CREDENTIALS);
  gtk_window_destroy (GTK_WINDOW (preferences));
}

/* ---- the sessions ---- */

static void
on_failed (SaSession  *session,
           const char *message,
           char      **slot)
{
  g_free (*slot);
  *slot = g_strdup (message);
}

static gboolean
string_set (gpointer user_data)
{
  return *(char **) user_data != NULL;
}

static void
test_sessions (void)
{
  g_autofree char *failed = NULL;

  sa_test_set_language ("en");

  /* Cisco without credentials in the keyring: what to do, no dialog. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID_BASE);
    g_autoptr(SaCiscoApi) api = sa_cisco_api_new ("http://127.0.0.1:9/never-stored", NULL, NULL);
    g_autoptr(SaSession) session = sa_session_new_cisco (api, SA_CONNECTION_CISCO);

    g_assert_cmpint (sa_session_get_connection (session), ==, SA_CONNECTION_CISCO);
    g_signal_connect (session, "failed", G_CALLBACK (on_failed), &failed);
    sa_session_start (session);
    g_assert_true (sa_test_wait_until (string_set, &failed, 30000));
    g_test_message ("%s", failed);
    g_assert_null (sa_session_get_sign_in_dialog (session));
    g_assert_false (sa_client_get_signed_in (sa_session_get_client (session)));
    (void) settings;
  }

  /* Practice: the trainee's name and password, as Client ID and Secret (the
   * double knows neither: refused, with Cisco's sentence). */
  g_clear_pointer (&failed, g_free);
  {
    g_autoptr(SaCiscoApi) api = cisco_mimic_new_api (mimic);
    g_autoptr(SaSession) session = NULL;
    g_autofree char *body = NULL;
    g_autofree char *expected = sa_cisco_error_dup_message (SA_CISCO_ERROR_INVALID_CLIENT);

    sa_cisco_api_set_credentials (api, NULL, NULL);
    session = sa_session_new_cisco (api, SA_CONNECTION_CISCO_PRACTICE);
    g_signal_connect (session, "failed", G_CALLBACK (on_failed), &failed);
    sa_session_start (session);
    g_assert_true (sa_test_wait_until (string_set, &failed, 30000));
    g_assert_cmpstr (failed, ==, expected);
    body = cisco_mimic_last_body (mimic, MIMIC_TOKEN_PATH);
    g_assert_nonnull (strstr (body, "client_id=trainee"));
  }
}

/* ---- screenshots for review ---- */

static void
test_screenshots (void)
{
  const char *dir = g_getenv ("SA_TEST_SCREENSHOT_DIR");
  const char *languages[] = { "en", "fr", "it" };

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *name = g_strdup_printf ("preferences-cisco-%s.png", languages[i]);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      SaPreferencesWindow *preferences;

      sa_test_set_language (languages[i]);
      point_settings_at (mimic);
      preferences = open_preferences ();
      type_text (preferences, "client_id_row", MIMIC_CLIENT_ID);
      type_text (preferences, "client_secret_row", "not-the-secret");
      run_test (preferences);
      sa_test_wait_ms (300);
      /* The window shows the top of the page; then scrolled to its end. */
      g_assert_true (sa_test_save_png (GTK_WIDGET (preferences), path, NULL));
      {
        GtkWidget *scrolled = sa_test_find_widget_of_type (GTK_WIDGET (preferences), GTK_TYPE_SCROLLED_WINDOW);
        GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
        g_autofree char *bottom_name = g_strdup_printf ("preferences-cisco-%s-end.png", languages[i]);
        g_autofree char *bottom = g_build_filename (dir, bottom_name, NULL);

        gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
        sa_test_wait_ms (300);
        g_assert_true (sa_test_save_png (GTK_WIDGET (preferences), bottom, NULL));
      }
      g_test_message ("saved %s", path);
      gtk_window_destroy (GTK_WINDOW (preferences));
    }
  sa_test_set_language ("en");
}

/* ---- nothing secret anywhere (runs last: checks the whole run) ---- */

/* No Client Secret, no token in a file. */
static void
check_file (const char *path,
            const char *contents,
            gsize       length,
            gpointer    user_data)
{
  g_assert_false (core_test_contains_bytes (contents, length, MIMIC_CLIENT_SECRET));
  g_assert_false (core_test_contains_bytes (contents, length, "Bearer"));
}

static void
test_no_secrets_left (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID_BASE);
  g_autofree char *settings_text = core_test_print_settings (settings);
  g_autofree char *log_text = core_test_log_capture_take ();

  /* The run did set the Cisco addresses; nothing of the credentials. */
  g_assert_nonnull (strstr (settings_text, "cisco-identity-uri="));
  g_assert_null (strstr (settings_text, MIMIC_CLIENT_SECRET));
  g_assert_null (strstr (settings_text, MIMIC_CLIENT_ID));

  /* Files under the run's user directories, and the keyring's own files
   * (encrypted: the secret is not there in plain text either). */
  g_test_message ("files checked: %u", core_test_scan_files (xdg_root, check_file, NULL));
  if (keyring_data_home != NULL)
    {
      g_autofree char *keyrings = g_build_filename (keyring_data_home, "keyrings", NULL);

      g_test_message ("keyring files checked: %u", core_test_scan_files (keyrings, check_file, NULL));
    }

  g_assert_cmpuint (strlen (log_text), >, 0);
  g_assert_null (strstr (log_text, MIMIC_CLIENT_SECRET));
  g_assert_null (strstr (log_text, "Bearer "));
}

/* ---- set-up ---- */

static void
check_keyring (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *client_id = NULL;
  char *client_secret = NULL;

  sa_cisco_credentials_lookup_async ("https://probe.invalid/token", NULL, sa_test_async_ready_cb, NULL);
  result = sa_test_wait_for_result ();
  have_keyring = sa_cisco_credentials_lookup_finish (result, &client_id, &client_secret, &error);
  sa_cisco_credentials_free_secret (client_secret);
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
  g_autofree char *tls_dir = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  int ret;

  /* The run's own user directories (gnome-keyring keeps its files where the
   * test script said: it was started before). */
  keyring_data_home = g_strdup (g_getenv ("XDG_DATA_HOME"));
  xdg_root = core_test_use_xdg_home ("sa-cisco-connection-XXXXXX");
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  core_test_log_capture_install ();
  core_test_log_capture_start ();

  sa_test_init_gtk (&argc, &argv);

  mimic = cisco_mimic_new (NULL);
  tls_dir = g_dir_make_tmp ("sa-cisco-connection-tls-XXXXXX", NULL);
  if (g_tls_backend_supports_tls (g_tls_backend_get_default ()))
    certificate = cisco_test_make_certificate (tls_dir);
  if (certificate != NULL)
    tls_mimic = cisco_mimic_new (certificate);

  check_keyring ();

  g_test_add_func ("/cisco-connection/connections", test_connections);
  g_test_add_func ("/cisco-connection/diagnoses", test_diagnoses);
  g_test_add_func ("/cisco-connection/keyring", test_keyring);
  g_test_add_func ("/cisco-connection/sessions", test_sessions);
  /* Only on request: not a check, pictures for review. */
  if (g_getenv ("SA_TEST_SCREENSHOT_DIR") != NULL)
    g_test_add_func ("/cisco-connection/screenshots", test_screenshots);
  g_test_add_func ("/cisco-connection/no-secrets-left", test_no_secrets_left);

  ret = g_test_run ();

  if (tls_mimic != NULL)
    cisco_mimic_free (tls_mimic);
  cisco_mimic_free (mimic);
  {
    g_autofree char *key = g_build_filename (tls_dir, "key.pem", NULL);
    g_autofree char *cert = g_build_filename (tls_dir, "cert.pem", NULL);

    g_unlink (key);
    g_unlink (cert);
    g_rmdir (tls_dir);
  }
  return ret;
}
