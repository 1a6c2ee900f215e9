/* sa-preferences-window.c — the Preferences window
 *
 * The procedure panel switch; the mode (Training or Live); for Live, the
 * server address, checked as it is typed (anything but a loopback host must
 * use HTTPS) and saved only when valid and applied; and, when signed in to a
 * Live server, Sign Out. Everything here is GSettings-backed except the
 * sign-in itself: no credential ever goes to GSettings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-preferences-window-private.h"
#include "sa-ui-util.h"

enum {
  MODE_TRAINING,
  MODE_LIVE,
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
};

G_DEFINE_FINAL_TYPE (SaPreferencesWindow, sa_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
update_account (SaPreferencesWindow *self)
{
  SaClient *client = self->session ? sa_session_get_client (self->session) : NULL;
  gboolean signed_in = client != NULL && sa_client_get_signed_in (client);

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

static void
update_mode (SaPreferencesWindow *self)
{
  gboolean live = g_settings_get_enum (self->settings, "mode") == MODE_LIVE;

  if (adw_combo_row_get_selected (self->mode_row) != (live ? MODE_LIVE : MODE_TRAINING))
    adw_combo_row_set_selected (self->mode_row, live ? MODE_LIVE : MODE_TRAINING);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->mode_row),
                               live ? _("Work on a partner server with your own user name and password")
                                    : _("Practice on the built-in sandbox back office and its training data; nothing reaches Cisco"));
  gtk_widget_set_visible (GTK_WIDGET (self->server_group), live);
  update_account (self);
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
  int mode = adw_combo_row_get_selected (row) == MODE_LIVE ? MODE_LIVE : MODE_TRAINING;

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

static void
sa_preferences_window_dispose (GObject *object)
{
  SaPreferencesWindow *self = SA_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  sa_preferences_window_set_session (self, NULL);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SA_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (sa_preferences_window_parent_class)->dispose (object);
}

static void
sa_preferences_window_finalize (GObject *object)
{
  SaPreferencesWindow *self = SA_PREFERENCES_WINDOW (object);

  g_free (self->server_error);

  G_OBJECT_CLASS (sa_preferences_window_parent_class)->finalize (object);
}

static void
sa_preferences_window_class_init (SaPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

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
}

static void
sa_preferences_window_init (SaPreferencesWindow *self)
{
  g_autofree char *url = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = g_object_ref (sa_ui_get_settings ());
  g_settings_bind (self->settings, "show-procedure-panel",
                   self->procedure_switch, "active", G_SETTINGS_BIND_DEFAULT);

  url = g_settings_get_string (self->settings, "server-url");
  gtk_editable_set_text (GTK_EDITABLE (self->server_row), url);
  check_server (self);
  update_mode (self);

  g_signal_connect (self->settings, "changed", G_CALLBACK (on_settings_changed), self);
  g_signal_connect (self->mode_row, "notify::selected", G_CALLBACK (on_mode_selected), self);
  g_signal_connect (self->server_row, "changed", G_CALLBACK (on_server_changed), self);
  g_signal_connect (self->server_row, "apply", G_CALLBACK (on_server_apply), self);
  g_signal_connect (self->sign_out_button, "clicked", G_CALLBACK (on_sign_out_clicked), self);
}

/**
 * sa_preferences_window_new:
 * @parent: (nullable): the main window
 *
 * Creates the Preferences window: the procedure panel switch (GSettings key
 * show-procedure-panel), the mode (key mode: Training or Live) and, for Live,
 * the server address (key server-url, HTTPS unless loopback).
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
 * @session: (nullable): the Live session, %NULL in training mode
 *
 * Shows who is signed in to the Live server and offers Sign Out, which
 * removes the remembered credentials and drops the token
 * (sa_session_sign_out_async()).
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

