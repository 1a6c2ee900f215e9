/* sa-preferences-window.c — the Preferences window
 *
 * The procedure panel switch; the connection (Training, Classroom server,
 * Cisco, Cisco (practice)); for the Classroom server, the server address,
 * checked as it is typed (anything but a loopback host must use HTTPS) and
 * saved only when valid and applied, and, when signed in, Sign Out. For Cisco:
 * how to register an API application, its Client ID and Client Secret, saved
 * in the keyring (sa-cisco-credentials.h) and nowhere else, Cisco's three API
 * addresses (GSettings, checked like the server address), and Test
 * Connection, which tells in plain words what works and what to do next
 * (sa-cisco-diagnosis.h). Everything else is GSettings-backed: no credential
 * ever goes to GSettings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-accessible-names.h"
#include "sa-preferences-window-private.h"
#include "sa-sandbox-server.h"
#include "sa-ui-util.h"

enum {
  ADDRESS_IDENTITY,
  ADDRESS_LICENSING,
  ADDRESS_ORDER,
  N_ADDRESSES
};

/* The GSettings keys of the Cisco addresses, in ADDRESS_* order. */
static const char * const address_keys[N_ADDRESSES] = {
  "cisco-identity-uri",
  "cisco-licensing-uri",
  "cisco-order-uri",
};

struct _SaPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GSettings           *settings;
  SaSession           *session;
  GCancellable        *cancellable;
  char                *server_error;

  GtkSwitch           *procedure_switch;
  AdwComboRow         *mode_row;
  AdwPreferencesGroup *server_group;
  AdwEntryRow         *server_row;
  GtkLabel            *server_error_label;
  AdwActionRow        *account_row;
  GtkButton           *sign_out_button;

  /* Cisco */
  GCancellable        *test_cancellable;
  int                  diagnosis;       /* SaCiscoDiagnosis, -1 before a test */
  gboolean             secret_stored;
  AdwPreferencesGroup *cisco_group;
  AdwEntryRow         *client_id_row;
  AdwEntryRow         *client_secret_row;
  AdwActionRow        *keyring_row;
  GtkButton           *save_button;
  GtkButton           *forget_button;
  AdwPreferencesGroup *practice_group;
  AdwPreferencesGroup *test_group;
  GtkButton           *test_button;
  GtkSpinner          *test_spinner;
  GtkWidget           *test_result_box;
  GtkLabel            *test_title_label;
  GtkLabel            *test_message_label;
  AdwPreferencesGroup *addresses_group;
  AdwEntryRow         *address_rows[N_ADDRESSES];
  GtkLabel            *addresses_error_label;
  GtkButton           *restore_button;
};

G_DEFINE_FINAL_TYPE (SaPreferencesWindow, sa_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
update_account (SaPreferencesWindow *self)
{
  SaClient *client = self->session ? sa_session_get_client (self->session) : NULL;
  gboolean signed_in = client != NULL && sa_client_get_signed_in (client) &&
                       sa_session_get_connection (self->session) == SA_CONNECTION_CLASSROOM;

  gtk_widget_set_visible (GTK_WIDGET (self->account_row), signed_in);
  if (signed_in)
    {
      /* Translators: in Preferences; %1$s is the user name, %2$s the server address */
      g_autofree char *subtitle = g_strdup_printf (_("%1$s on %2$s"),
                                                   sa_client_get_username (client) ? sa_client_get_username (client) : "",
                                                   sa_client_get_base_uri (client));

      adw_action_row_set_subtitle (self->account_row, subtitle);
    }
}

static const char *
mode_subtitle (SaConnection connection)
{
  switch (connection)
    {
    case SA_CONNECTION_CLASSROOM:
      return _("Work on a classroom or partner server with your own user name and password");
    case SA_CONNECTION_CISCO:
      return _("Read Smart Accounts, licenses and order status from Cisco with your own API application; "
               "changes are made in Cisco’s portals");
    case SA_CONNECTION_CISCO_PRACTICE:
      return _("Learn the Cisco connection on the built-in sandbox; nothing to register, nothing reaches Cisco");
    case SA_CONNECTION_TRAINING:
    default:
      return _("Practice on the built-in sandbox back office and its training data; nothing reaches Cisco");
    }
}

static void lookup_stored_credentials (SaPreferencesWindow *self);

static void
update_mode (SaPreferencesWindow *self)
{
  SaConnection mode = g_settings_get_enum (self->settings, "mode");
  gboolean cisco = mode == SA_CONNECTION_CISCO;
  gboolean practice = mode == SA_CONNECTION_CISCO_PRACTICE;

  if (adw_combo_row_get_selected (self->mode_row) != (guint) mode)
    adw_combo_row_set_selected (self->mode_row, mode);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->mode_row), mode_subtitle (mode));
  gtk_widget_set_visible (GTK_WIDGET (self->server_group), mode == SA_CONNECTION_CLASSROOM);
  gtk_widget_set_visible (GTK_WIDGET (self->cisco_group), cisco);
  gtk_widget_set_visible (GTK_WIDGET (self->addresses_group), cisco);
  gtk_widget_set_visible (GTK_WIDGET (self->practice_group), practice);
  gtk_widget_set_visible (GTK_WIDGET (self->test_group), cisco || practice);
  update_account (self);

  if (cisco)
    lookup_stored_credentials (self);
}

static void
show_server_error (SaPreferencesWindow *self,
                   const char          *message)
{
  g_free (self->server_error);
  self->server_error = g_strdup (message);

  gtk_widget_set_visible (GTK_WIDGET (self->server_error_label), message != NULL);
  gtk_label_set_text (self->server_error_label, message ? message : "");
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->server_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->server_row), "error");
}

static gboolean
check_server (SaPreferencesWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->server_row));
  g_autoptr(GError) error = NULL;

  /* An empty entry is not an error while typing: Live mode then asks for it. */
  if (*text == '\0')
    {
      show_server_error (self, NULL);
      return FALSE;
    }

  if (!sa_validate_server_uri (text, &error))
    {
      show_server_error (self, error->message);
      return FALSE;
    }

  show_server_error (self, NULL);
  return TRUE;
}

static void
on_server_changed (GtkEditable         *editable,
                   SaPreferencesWindow *self)
{
  check_server (self);
}

static void
on_server_apply (AdwEntryRow         *row,
                 SaPreferencesWindow *self)
{
  g_autofree char *current = g_settings_get_string (self->settings, "server-url");
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  /* Saved only while valid; saving restarts the Live session. */
  if (!check_server (self) || g_strcmp0 (current, text) == 0)
    return;

  g_settings_set_string (self->settings, "server-url", text);
}

static void
on_mode_selected (AdwComboRow         *row,
                  GParamSpec          *pspec,
                  SaPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (row);
  int mode = selected <= SA_CONNECTION_CISCO_PRACTICE ? (int) selected : SA_CONNECTION_TRAINING;

  if (g_settings_get_enum (self->settings, "mode") != mode)
    g_settings_set_enum (self->settings, "mode", mode);
}

static void
on_settings_changed (GSettings           *settings,
                     const char          *key,
                     SaPreferencesWindow *self)
{
  if (g_strcmp0 (key, "mode") == 0)
    update_mode (self);
  else if (g_strcmp0 (key, "server-url") == 0)
    {
      g_autofree char *url = g_settings_get_string (settings, "server-url");

      if (g_strcmp0 (url, gtk_editable_get_text (GTK_EDITABLE (self->server_row))) != 0)
        gtk_editable_set_text (GTK_EDITABLE (self->server_row), url);
    }
  else
    {
      for (guint i = 0; i < N_ADDRESSES; i++)
        if (g_strcmp0 (key, address_keys[i]) == 0)
          {
            g_autofree char *uri = g_settings_get_string (settings, key);

            if (g_strcmp0 (uri, gtk_editable_get_text (GTK_EDITABLE (self->address_rows[i]))) != 0)
              gtk_editable_set_text (GTK_EDITABLE (self->address_rows[i]), uri);
          }
    }
}

static void
sign_out_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  SaPreferencesWindow *self;
  g_autoptr(GError) error = NULL;

  if (!sa_session_sign_out_finish (SA_SESSION (source), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = SA_PREFERENCES_WINDOW (user_data);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sign_out_button), TRUE);
  update_account (self);

  if (error != NULL)
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                      adw_toast_new (_("Signed out, but the keyring could not forget the password: "
                                                       "remove it with the Passwords and Keys application")));
  else
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                      adw_toast_new (_("Signed out; the remembered password was removed")));
}

static void
on_sign_out_clicked (GtkButton           *button,
                     SaPreferencesWindow *self)
{
  if (self->session == NULL)
    return;

  gtk_widget_set_sensitive (GTK_WIDGET (self->sign_out_button), FALSE);
  sa_session_sign_out_async (self->session, self->cancellable, sign_out_cb, self);
}

static void
on_signed_in_changed (SaClient            *client,
                      GParamSpec          *pspec,
                      SaPreferencesWindow *self)
{
  update_account (self);
}

/* ---- Cisco: the Client ID and Secret, in the keyring only ---- */

static char *
dup_identity_uri (SaPreferencesWindow *self)
{
  return g_settings_get_string (self->settings, "cisco-identity-uri");
}

static gboolean
has_cisco_session (SaPreferencesWindow *self,
                   SaConnection         connection)
{
  return self->session != NULL && sa_session_get_connection (self->session) == connection;
}

static void
add_toast (SaPreferencesWindow *self,
           const char          *text)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (text));
}

static void
update_keyring_row (SaPreferencesWindow *self)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->keyring_row),
                                 self->secret_stored ? _("Stored in the keyring")
                                                     : _("Not stored in the keyring"));
  gtk_widget_set_visible (GTK_WIDGET (self->forget_button), self->secret_stored);
}

static void
lookup_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  SaPreferencesWindow *self;
  g_autoptr(GError) error = NULL;
  g_autofree char *client_id = NULL;
  char *client_secret = NULL;
  gboolean found;

  found = sa_cisco_credentials_lookup_finish (result, &client_id, &client_secret, &error);
  /* The secret is not shown: only whether the keyring holds one. */
  sa_cisco_credentials_free_secret (client_secret);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = SA_PREFERENCES_WINDOW (user_data);
  if (!found)
    g_debug ("Cisco credentials not looked up: %s", error->message);

  self->secret_stored = found && client_id != NULL;
  if (self->secret_stored &&
      *gtk_editable_get_text (GTK_EDITABLE (self->client_id_row)) == '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->client_id_row), client_id);
  update_keyring_row (self);
}

static void
lookup_stored_credentials (SaPreferencesWindow *self)
{
  g_autofree char *identity = dup_identity_uri (self);

  sa_cisco_credentials_lookup_async (identity, self->cancellable, lookup_cb, self);
}

/* The application's Retry: starts the connection again (the window shows its
 * progress). Nothing without an application (the tests). */
static void
retry_connection (void)
{
  GApplication *application = g_application_get_default ();

  if (application != NULL && g_action_group_has_action (G_ACTION_GROUP (application), "retry"))
    g_action_group_activate_action (G_ACTION_GROUP (application), "retry", NULL);
}

static void
store_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  SaPreferencesWindow *self;
  g_autoptr(GError) error = NULL;

  if (!sa_cisco_credentials_store_finish (result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = SA_PREFERENCES_WINDOW (user_data);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), TRUE);
  if (error != NULL)
    {
      /* The keyring's sentence: unavailable, locked… */
      add_toast (self, error->message);
      return;
    }

  /* From now on the secret lives in the keyring only. */
  self->secret_stored = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->client_secret_row), "");
  update_keyring_row (self);
  add_toast (self, _("Client ID and Client Secret saved in the keyring"));

  /* Connect with them: sign in again, or start the Cisco session. */
  if (has_cisco_session (self, SA_CONNECTION_CISCO) &&
      sa_client_get_signed_in (sa_session_get_client (self->session)))
    sa_session_start (self->session);
  else if (g_settings_get_enum (self->settings, "mode") == SA_CONNECTION_CISCO)
    retry_connection ();
}

static void
on_save_clicked (GtkButton           *button,
                 SaPreferencesWindow *self)
{
  g_autofree char *client_id = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->client_id_row))));
  const char *client_secret = gtk_editable_get_text (GTK_EDITABLE (self->client_secret_row));
  g_autofree char *identity = dup_identity_uri (self);

  if (*client_id == '\0' || *client_secret == '\0')
    {
      add_toast (self, _("Enter both the Client ID and the Client Secret of your Cisco API application"));
      return;
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);
  sa_cisco_credentials_store_async (identity, client_id, client_secret, self->cancellable, store_cb, self);
}

static void
forgotten (SaPreferencesWindow *self,
           const GError        *error)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->forget_button), TRUE);
  if (error != NULL)
    {
      add_toast (self, _("The keyring could not remove the Client Secret: remove it with the Passwords and Keys application"));
      return;
    }

  self->secret_stored = FALSE;
  update_keyring_row (self);
  add_toast (self, _("Client ID and Client Secret removed from the keyring"));
}

static void
clear_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!sa_cisco_credentials_clear_finish (result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  forgotten (SA_PREFERENCES_WINDOW (user_data), error);
}

static void
session_forget_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!sa_session_sign_out_finish (SA_SESSION (source), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  forgotten (SA_PREFERENCES_WINDOW (user_data), error);
}

static void
on_forget_clicked (GtkButton           *button,
                   SaPreferencesWindow *self)
{
  g_autofree char *identity = dup_identity_uri (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->forget_button), FALSE);

  /* A Cisco session also drops its token and says it signed out. */
  if (has_cisco_session (self, SA_CONNECTION_CISCO))
    sa_session_sign_out_async (self->session, self->cancellable, session_forget_cb, self);
  else
    sa_cisco_credentials_clear_async (identity, self->cancellable, clear_cb, self);
}

/* ---- Cisco: Test Connection ---- */

static void
show_test_result (SaPreferencesWindow *self,
                  SaCiscoDiagnosis     diagnosis,
                  const char          *title,
                  const char          *message)
{
  GtkWidget *title_label = GTK_WIDGET (self->test_title_label);

  self->diagnosis = diagnosis;
  gtk_spinner_set_spinning (self->test_spinner, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->test_button), TRUE);

  gtk_label_set_text (self->test_title_label, title);
  gtk_label_set_text (self->test_message_label, message);
  gtk_widget_remove_css_class (title_label, "success");
  gtk_widget_remove_css_class (title_label, "warning");
  gtk_widget_remove_css_class (title_label, "error");
  if (diagnosis == SA_CISCO_DIAGNOSIS_CONNECTED)
    gtk_widget_add_css_class (title_label, "success");
  else if (diagnosis == SA_CISCO_DIAGNOSIS_NO_SMART_ACCOUNT)
    gtk_widget_add_css_class (title_label, "warning");
  else
    gtk_widget_add_css_class (title_label, "error");
  gtk_widget_set_visible (self->test_result_box, TRUE);
}

static void
diagnose_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  SaPreferencesWindow *self;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;
  SaCiscoDiagnosis diagnosis;

  diagnosis = sa_cisco_diagnose_finish (SA_CISCO_API (source), result, &title, &message, &error);
  if (error != NULL)
    return;   /* cancelled: the window is going away, or a new test started */

  self = SA_PREFERENCES_WINDOW (user_data);
  show_test_result (self, diagnosis, title, message);
}

/* Runs the test on @api (with its credentials, or none). */
static void
diagnose (SaPreferencesWindow *self,
          SaCiscoApi          *api)
{
  g_cancellable_cancel (self->test_cancellable);
  g_clear_object (&self->test_cancellable);
  self->test_cancellable = g_cancellable_new ();

  gtk_widget_set_visible (self->test_result_box, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->test_button), FALSE);
  gtk_spinner_set_spinning (self->test_spinner, TRUE);
  sa_cisco_diagnose_async (api, self->test_cancellable, diagnose_cb, self);
}

static SaCiscoApi *
new_settings_api (SaPreferencesWindow *self)
{
  g_autofree char *identity = g_settings_get_string (self->settings, address_keys[ADDRESS_IDENTITY]);
  g_autofree char *licensing = g_settings_get_string (self->settings, address_keys[ADDRESS_LICENSING]);
  g_autofree char *order = g_settings_get_string (self->settings, address_keys[ADDRESS_ORDER]);

  return sa_cisco_api_new (identity, licensing, order);
}

static void
test_lookup_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  SaPreferencesWindow *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(SaCiscoApi) api = NULL;
  g_autofree char *client_id = NULL;
  char *client_secret = NULL;
  const char *typed_id;

  if (!sa_cisco_credentials_lookup_finish (result, &client_id, &client_secret, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = SA_PREFERENCES_WINDOW (user_data);
  api = new_settings_api (self);
  typed_id = gtk_editable_get_text (GTK_EDITABLE (self->client_id_row));

  /* The stored secret goes with the stored Client ID only; without it the
   * test says what is missing. */
  if (client_secret != NULL && (*typed_id == '\0' || g_strcmp0 (typed_id, client_id) == 0))
    sa_cisco_api_set_credentials (api, client_id, client_secret);
  sa_cisco_credentials_free_secret (client_secret);

  diagnose (self, api);
}

static void
on_test_clicked (GtkButton           *button,
                 SaPreferencesWindow *self)
{
  g_autoptr(SaCiscoApi) api = NULL;

  /* Practice: the session's sandbox addresses, as the trainee. */
  if (g_settings_get_enum (self->settings, "mode") == SA_CONNECTION_CISCO_PRACTICE)
    {
      SaCiscoApi *practice = NULL;

      if (has_cisco_session (self, SA_CONNECTION_CISCO_PRACTICE))
        practice = sa_cisco_client_get_api (SA_CISCO_CLIENT (sa_session_get_client (self->session)));
      if (practice == NULL)
        {
          show_test_result (self, SA_CISCO_DIAGNOSIS_FAILED, _("Connection Test Failed"),
                            _("The practice connection has not started yet. Close Preferences and select "
                              "Retry in the main window, then test again."));
          return;
        }

      api = sa_cisco_api_new (sa_cisco_api_get_identity_uri (practice),
                              sa_cisco_api_get_licensing_uri (practice),
                              sa_cisco_api_get_order_uri (practice));
      sa_cisco_api_set_credentials (api, SA_SANDBOX_TRAINING_USERNAME, SA_SANDBOX_TRAINING_PASSWORD);
      diagnose (self, api);
      return;
    }

  /* Cisco: what is typed; without a typed secret, the one in the keyring. */
  if (*gtk_editable_get_text (GTK_EDITABLE (self->client_secret_row)) == '\0')
    {
      g_autofree char *identity = dup_identity_uri (self);

      gtk_widget_set_visible (self->test_result_box, FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->test_button), FALSE);
      gtk_spinner_set_spinning (self->test_spinner, TRUE);
      sa_cisco_credentials_lookup_async (identity, self->cancellable, test_lookup_cb, self);
      return;
    }

  api = new_settings_api (self);
  {
    g_autofree char *client_id = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->client_id_row))));

    sa_cisco_api_set_credentials (api, client_id,
                                  gtk_editable_get_text (GTK_EDITABLE (self->client_secret_row)));
  }
  diagnose (self, api);
}

/* ---- Cisco: the three addresses ---- */

static void
show_addresses_error (SaPreferencesWindow *self,
                      const char          *message)
{
  gtk_widget_set_visible (GTK_WIDGET (self->addresses_error_label), message != NULL);
  gtk_label_set_text (self->addresses_error_label, message ? message : "");
}

/* Whether the typed addresses can be used; says why not under the rows. */
static gboolean
check_addresses (SaPreferencesWindow *self)
{
  const char *text[N_ADDRESSES];
  g_autoptr(SaCiscoApi) api = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  for (guint i = 0; i < N_ADDRESSES; i++)
    {
      text[i] = gtk_editable_get_text (GTK_EDITABLE (self->address_rows[i]));
      /* Empty would mean Cisco's own address to SaCiscoApi: say so instead. */
      if (*text[i] == '\0')
        {
          show_addresses_error (self, _("Enter all three addresses, or restore Cisco’s."));
          return FALSE;
        }
    }

  api = sa_cisco_api_new (text[ADDRESS_IDENTITY], text[ADDRESS_LICENSING], text[ADDRESS_ORDER]);
  ok = sa_cisco_api_check_uris (api, &error);
  show_addresses_error (self, ok ? NULL : error->message);
  for (guint i = 0; i < N_ADDRESSES; i++)
    {
      if (ok)
        gtk_widget_remove_css_class (GTK_WIDGET (self->address_rows[i]), "error");
      else
        gtk_widget_add_css_class (GTK_WIDGET (self->address_rows[i]), "error");
    }

  return ok;
}

static void
on_address_changed (GtkEditable         *editable,
                    SaPreferencesWindow *self)
{
  check_addresses (self);
}

static void
on_address_apply (AdwEntryRow         *row,
                  SaPreferencesWindow *self)
{
  /* Saved only while all three are usable; saving restarts a Cisco session. */
  if (!check_addresses (self))
    return;

  for (guint i = 0; i < N_ADDRESSES; i++)
    {
      g_autofree char *current = g_settings_get_string (self->settings, address_keys[i]);
      const char *text = gtk_editable_get_text (GTK_EDITABLE (self->address_rows[i]));

      if (g_strcmp0 (current, text) != 0)
        g_settings_set_string (self->settings, address_keys[i], text);
    }
}

static void
on_restore_clicked (GtkButton           *button,
                    SaPreferencesWindow *self)
{
  for (guint i = 0; i < N_ADDRESSES; i++)
    g_settings_reset (self->settings, address_keys[i]);
}

static void
sa_preferences_window_dispose (GObject *object)
{
  SaPreferencesWindow *self = SA_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->test_cancellable);
  sa_preferences_window_set_session (self, NULL);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SA_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->test_cancellable);

  G_OBJECT_CLASS (sa_preferences_window_parent_class)->dispose (object);
}

static void
sa_preferences_window_finalize (GObject *object)
{
  SaPreferencesWindow *self = SA_PREFERENCES_WINDOW (object);

  g_free (self->server_error);

  G_OBJECT_CLASS (sa_preferences_window_parent_class)->finalize (object);
}

/* Names for libadwaita's own parts of the window, which GTK 4.8 would read
 * by their class (issue 11): the search entry and its results (search is
 * off, but they are there), and each drop-down's list of choices. */
static void
name_internal_parts (GtkWidget *widget)
{
  if (GTK_IS_SEARCH_ENTRY (widget))
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Search Preferences"), -1);
  else if (GTK_IS_LIST_BOX (widget))
    {
      GtkWidget *group = gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_GROUP);
      const char *title = group ? adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)) : NULL;

      gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      title != NULL && *title != '\0' ? title : _("Search Results"), -1);
    }
  else if (GTK_IS_LIST_VIEW (widget) && gtk_widget_get_ancestor (widget, ADW_TYPE_COMBO_ROW) != NULL)
    {
      GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_COMBO_ROW);
      g_autofree char *title = sa_accessible_names_strip_mnemonic (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));

      if (title != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    name_internal_parts (child);
}

static void
sa_preferences_window_class_init (SaPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  sa_accessible_names_install ();

  object_class->dispose = sa_preferences_window_dispose;
  object_class->finalize = sa_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               SA_RESOURCE_PATH "/session/sa-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SaPreferencesWindow, procedure_switch);
  gtk_widget_class_bind_template_child (widget_class, SaPreferencesWindow, mode_row);
  gtk_widget_class_bind_template_child (widget_class, SaPreferencesWindow, server_group);
  gtk_widget_class_bind_template_child (widget_class, SaPreferencesWindow, server_row);
  gtk_widget_class_bind_template_child (widget_class, SaPreferencesWindow, server_error_label);
  gtk_widget_class_bind_template_child (widget_class, SaPreferencesWindow, account_row);
  gtk_widget_class_bind_template_child (widget_class, SaPreferencesWindow, sign_out_button);
  gtk_widget_class_bind_template_child (widget_class, SaPreferencesWindow, cisco_group);
  gtk_widget_class_bind_template_child (widget_class, SaPreferencesWindow, client_id_row);
  gtk_widget_class_bind_template_child (widget_class, SaPreferencesWindow, client_secret_row);
  gtk_widget_class_bind_template_child (widget_class, SaPreferencesWindow, keyring_row);
  gtk_widget_class_bind_template_child (widget_class, SaPreferencesWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, SaPreferencesWindow, forget_button);
  gtk_widget_class_bind_template_child (widget_class, SaPreferencesWindow, practice_group);
  gtk_widget_class_bind_template_child (widget_class, SaPreferencesWindow, test_group);
  gtk_widget_class_bind_template_child (widget_class, SaPreferencesWindow, test_button);
  gtk_widget_class_bind_template_child (widget_class, SaPreferencesWindow, test_spinner);
  gtk_widget_class_bind_template_child (widget_class, SaPreferencesWindow, test_result_box);
  gtk_widget_class_bind_template_child (widget_class, SaPreferencesWindow, test_title_label);
  gtk_widget_class_bind_template_child (widget_class, SaPreferencesWindow, test_message_label);
  gtk_widget_class_bind_template_child (widget_class, SaPreferencesWindow, addresses_group);
  gtk_widget_class_bind_template_child (widget_class, SaPreferencesWindow, addresses_error_label);
  gtk_widget_class_bind_template_child (widget_class, SaPreferencesWindow, restore_button);
  /* The three address rows, in ADDRESS_* order. */
  gtk_widget_class_bind_template_child_full (widget_class, "identity_row", FALSE,
                                             G_STRUCT_OFFSET (SaPreferencesWindow, address_rows[ADDRESS_IDENTITY]));
  gtk_widget_class_bind_template_child_full (widget_class, "licensing_row", FALSE,
                                             G_STRUCT_OFFSET (SaPreferencesWindow, address_rows[ADDRESS_LICENSING]));
  gtk_widget_class_bind_template_child_full (widget_class, "order_row", FALSE,
                                             G_STRUCT_OFFSET (SaPreferencesWindow, address_rows[ADDRESS_ORDER]));
}

static void
sa_preferences_window_init (SaPreferencesWindow *self)
{
  g_autofree char *url = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  name_internal_parts (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = g_object_ref (sa_ui_get_settings ());
  g_settings_bind (self->settings, "show-procedure-panel",
                   self->procedure_switch, "active", G_SETTINGS_BIND_DEFAULT);

  url = g_settings_get_string (self->settings, "server-url");
  gtk_editable_set_text (GTK_EDITABLE (self->server_row), url);
  check_server (self);

  self->diagnosis = -1;
  for (guint i = 0; i < N_ADDRESSES; i++)
    {
      g_autofree char *uri = g_settings_get_string (self->settings, address_keys[i]);

      gtk_editable_set_text (GTK_EDITABLE (self->address_rows[i]), uri);
      g_signal_connect (self->address_rows[i], "changed", G_CALLBACK (on_address_changed), self);
      g_signal_connect (self->address_rows[i], "apply", G_CALLBACK (on_address_apply), self);
    }
  check_addresses (self);
  update_keyring_row (self);
  update_mode (self);

  g_signal_connect (self->settings, "changed", G_CALLBACK (on_settings_changed), self);
  g_signal_connect (self->mode_row, "notify::selected", G_CALLBACK (on_mode_selected), self);
  g_signal_connect (self->server_row, "changed", G_CALLBACK (on_server_changed), self);
  g_signal_connect (self->server_row, "apply", G_CALLBACK (on_server_apply), self);
  g_signal_connect (self->sign_out_button, "clicked", G_CALLBACK (on_sign_out_clicked), self);
  g_signal_connect (self->save_button, "clicked", G_CALLBACK (on_save_clicked), self);
  g_signal_connect (self->forget_button, "clicked", G_CALLBACK (on_forget_clicked), self);
  g_signal_connect (self->test_button, "clicked", G_CALLBACK (on_test_clicked), self);
  g_signal_connect (self->restore_button, "clicked", G_CALLBACK (on_restore_clicked), self);
}

/**
 * sa_preferences_window_new:
 * @parent: (nullable): the main window
 *
 * Creates the Preferences window: the procedure panel switch (GSettings key
 * show-procedure-panel), the connection (key mode: Training, Classroom
 * server, Cisco, Cisco (practice)); for the Classroom server the server
 * address (key server-url, HTTPS unless loopback); for Cisco the Client ID
 * and Client Secret (keyring only), the three API addresses (keys
 * cisco-identity-uri, cisco-licensing-uri, cisco-order-uri) and Test
 * Connection (issue 9, "Connection and credentials").
 *
 * Returns: (transfer none): the new window
 */
GtkWidget *
sa_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (SA_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
}

/**
 * sa_preferences_window_set_session:
 * @self: a #SaPreferencesWindow
 * @session: (nullable): the session (Classroom server, Cisco or Cisco
 *   practice), %NULL in training mode
 *
 * Shows who is signed in to the Classroom server and offers Sign Out, which
 * removes the remembered credentials and drops the token
 * (sa_session_sign_out_async()). With a Cisco session, saving new
 * credentials signs in again with them, Remove signs out, and Test
 * Connection in practice uses the session's sandbox addresses.
 */
void
sa_preferences_window_set_session (SaPreferencesWindow *self,
                                   SaSession           *session)
{
  g_return_if_fail (SA_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (session == NULL || SA_IS_SESSION (session));

  if (self->session == session)
    return;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (sa_session_get_client (self->session), self);
  g_set_object (&self->session, session);
  if (session != NULL)
    g_signal_connect (sa_session_get_client (session), "notify::signed-in",
                      G_CALLBACK (on_signed_in_changed), self);

  if (self->account_row != NULL)
    update_account (self);
}

/**
 * sa_preferences_window_get_server_error:
 * @self: a #SaPreferencesWindow
 *
 * Returns: (transfer none) (nullable): the translated message shown under the
 *   server address while it is not acceptable (for tests)
 */
const char *
sa_preferences_window_get_server_error (SaPreferencesWindow *self)
{
  g_return_val_if_fail (SA_IS_PREFERENCES_WINDOW (self), NULL);

  return self->server_error;
}


/**
 * sa_preferences_window_get_diagnosis:
 * @self: a #SaPreferencesWindow
 *
 * Returns: the #SaCiscoDiagnosis of the last Test Connection, or -1 before
 *   any (for tests)
 */
int
sa_preferences_window_get_diagnosis (SaPreferencesWindow *self)
{
  g_return_val_if_fail (SA_IS_PREFERENCES_WINDOW (self), -1);

  return self->diagnosis;
}
