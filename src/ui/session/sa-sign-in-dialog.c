/* sa-sign-in-dialog.c — the Live-mode sign-in dialog
 *
 * A modal window over the current one: the server, the user name, the password
 * (with a peek icon) and "Remember me". Sign In runs the password grant with
 * sa_client_sign_in_async(); wrong credentials keep the dialog open with the
 * user name kept and the password selected. With "Remember me", the
 * credentials go to the desktop keyring (sa_credentials_store_async()) once
 * the server accepted them, and nowhere else; when the keyring is locked or
 * missing the dialog says so and the user stays signed in for this session.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-accessible-names.h"
#include "sa-sign-in-dialog-private.h"
#include "sa-ui-util.h"

struct _SaSignInDialog
{
  AdwWindow        parent_instance;

  SaClient        *client;
  GCancellable    *cancellable;
  char            *error_message;
  char            *keyring_message;
  char            *stored_username;   /* what is being stored in the keyring */
  char            *stored_password;   /* wiped with sa_credentials_free_password() */
  guint            busy : 1;
  guint            signed_in : 1;

  GtkLabel        *server_label;
  GtkEntry        *username_entry;
  GtkPasswordEntry *password_entry;
  GtkCheckButton  *remember_check;
  GtkButton       *sign_in_button;
  GtkButton       *cancel_button;
  GtkSpinner      *spinner;
  GtkLabel        *error_label;
  GtkLabel        *keyring_label;
};

G_DEFINE_FINAL_TYPE (SaSignInDialog, sa_sign_in_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNED_IN,
  CANCELLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_state (SaSignInDialog *self)
{
  const char *username = gtk_editable_get_text (GTK_EDITABLE (self->username_entry));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_entry));
  gboolean editable = !self->busy && !self->signed_in;

  /* Read-only rather than insensitive while busy: the focus stays where the
   * user typed (GTK 4.8 warns when a focused text turns insensitive). */
  gtk_editable_set_editable (GTK_EDITABLE (self->username_entry), editable);
  gtk_editable_set_editable (GTK_EDITABLE (self->password_entry), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->remember_check), editable);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->busy);
  gtk_spinner_set_spinning (self->spinner, self->busy);

  /* Once signed in (the keyring could not remember), the only way on is
   * Continue, which closes the dialog. */
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), !self->signed_in);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign-in.sign-in",
                                 self->signed_in ||
                                 (!self->busy && *username != '\0' && *password != '\0'));

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), self->error_message != NULL);
  gtk_label_set_text (self->error_label, self->error_message ? self->error_message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->keyring_label), self->keyring_message != NULL);
  gtk_label_set_text (self->keyring_label, self->keyring_message ? self->keyring_message : "");
}

static void
clear_stored (SaSignInDialog *self)
{
  g_clear_pointer (&self->stored_username, g_free);
  g_clear_pointer (&self->stored_password, sa_credentials_free_password);
}

static void
finish_signed_in (SaSignInDialog *self,
                  gboolean        remembered)
{
  self->busy = FALSE;
  self->signed_in = TRUE;
  clear_stored (self);
  update_state (self);

  g_signal_emit (self, signals[SIGNED_IN], 0, remembered);

  if (self->keyring_message == NULL)
    gtk_window_destroy (GTK_WINDOW (self));
  else
    {
      gtk_button_set_label (self->sign_in_button, _("_Continue"));
      gtk_widget_grab_focus (GTK_WIDGET (self->sign_in_button));
    }
}

static void
store_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  SaSignInDialog *self;
  g_autoptr(GError) error = NULL;

  if (sa_credentials_store_finish (result, &error))
    {
      self = SA_SIGN_IN_DIALOG (user_data);
      finish_signed_in (self, TRUE);
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = SA_SIGN_IN_DIALOG (user_data);
  g_debug ("The keyring did not store the credentials: %s", error->message);

  g_free (self->keyring_message);
  if (g_error_matches (error, SA_CREDENTIALS_ERROR, SA_CREDENTIALS_ERROR_LOCKED))
    self->keyring_message = g_strdup (_("You are signed in for this session only. Your password was not remembered "
                                        "because the desktop keyring is locked. Unlock it (for example by signing in "
                                        "to your desktop again) to let the app remember you."));
  else if (g_error_matches (error, SA_CREDENTIALS_ERROR, SA_CREDENTIALS_ERROR_UNAVAILABLE))
    self->keyring_message = g_strdup (_("You are signed in for this session only. Your password was not remembered "
                                        "because no desktop keyring is available (such as GNOME Keyring). "
                                        "You will be asked to sign in again next time."));
  else
    self->keyring_message = g_strdup (_("You are signed in for this session only. Your password was not remembered "
                                        "because the desktop keyring refused to store it."));

  finish_signed_in (self, FALSE);
}

static void
sign_in_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  SaSignInDialog *self;
  g_autoptr(GError) error = NULL;

  if (!sa_client_sign_in_finish (SA_CLIENT (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      self = SA_SIGN_IN_DIALOG (user_data);
      clear_stored (self);
      self->busy = FALSE;
      g_free (self->error_message);
      self->error_message = sa_error_dup_user_message (error);
      g_debug ("Signing in failed: %s", error->message);
      update_state (self);

      /* The user name stays; the password is selected, ready to be typed again. */
      gtk_widget_grab_focus (GTK_WIDGET (self->password_entry));
      gtk_editable_select_region (GTK_EDITABLE (self->password_entry), 0, -1);
      return;
    }

  self = SA_SIGN_IN_DIALOG (user_data);
  gtk_editable_set_text (GTK_EDITABLE (self->password_entry), "");

  if (self->stored_password == NULL)
    {
      finish_signed_in (self, FALSE);
      return;
    }

  sa_credentials_store_async (sa_client_get_base_uri (self->client),
                              self->stored_username, self->stored_password,
                              self->cancellable, store_cb, self);
}

static void
sign_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  SaSignInDialog *self = SA_SIGN_IN_DIALOG (widget);
  const char *username;
  const char *password;

  if (self->signed_in)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  if (self->busy)
    return;

  username = gtk_editable_get_text (GTK_EDITABLE (self->username_entry));
  password = gtk_editable_get_text (GTK_EDITABLE (self->password_entry));
  if (*username == '\0' || *password == '\0')
    return;

  clear_stored (self);
  if (gtk_check_button_get_active (self->remember_check))
    {
      self->stored_username = g_strdup (username);
      self->stored_password = g_strdup (password);
    }

  self->busy = TRUE;
  g_clear_pointer (&self->error_message, g_free);
  g_clear_pointer (&self->keyring_message, g_free);
  update_state (self);

  sa_client_sign_in_async (self->client, username, password,
                           self->cancellable, sign_in_cb, self);
}

static void
on_text_changed (GtkEditable    *editable,
                 GParamSpec     *pspec,
                 SaSignInDialog *self)
{
  update_state (self);
}

static gboolean
sa_sign_in_dialog_close_request (GtkWindow *window)
{
  SaSignInDialog *self = SA_SIGN_IN_DIALOG (window);

  g_cancellable_cancel (self->cancellable);
  if (!self->signed_in)
    g_signal_emit (self, signals[CANCELLED], 0);

  return GTK_WINDOW_CLASS (sa_sign_in_dialog_parent_class)->close_request (window);
}

static void
sa_sign_in_dialog_dispose (GObject *object)
{
  SaSignInDialog *self = SA_SIGN_IN_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SA_TYPE_SIGN_IN_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (sa_sign_in_dialog_parent_class)->dispose (object);
}

static void
sa_sign_in_dialog_finalize (GObject *object)
{
  SaSignInDialog *self = SA_SIGN_IN_DIALOG (object);

  clear_stored (self);
  g_free (self->error_message);
  g_free (self->keyring_message);

  G_OBJECT_CLASS (sa_sign_in_dialog_parent_class)->finalize (object);
}

static void
sa_sign_in_dialog_class_init (SaSignInDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  sa_accessible_names_install ();

  object_class->dispose = sa_sign_in_dialog_dispose;
  object_class->finalize = sa_sign_in_dialog_finalize;
  window_class->close_request = sa_sign_in_dialog_close_request;

  /**
   * SaSignInDialog::signed-in:
   * @self: the dialog
   * @remembered: %TRUE when the keyring now holds the credentials
   *
   * Emitted once the server accepted the credentials (and, with "Remember
   * me", once the keyring answered).
   */
  signals[SIGNED_IN] = g_signal_new ("signed-in",
                                     G_TYPE_FROM_CLASS (klass),
                                     G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL,
                                     G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
  /**
   * SaSignInDialog::cancelled:
   * @self: the dialog
   *
   * Emitted when the dialog closes without the user having signed in.
   */
  signals[CANCELLED] = g_signal_new ("cancelled",
                                     G_TYPE_FROM_CLASS (klass),
                                     G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL,
                                     G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               SA_RESOURCE_PATH "/session/sa-sign-in-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SaSignInDialog, server_label);
  gtk_widget_class_bind_template_child (widget_class, SaSignInDialog, username_entry);
  gtk_widget_class_bind_template_child (widget_class, SaSignInDialog, password_entry);
  gtk_widget_class_bind_template_child (widget_class, SaSignInDialog, remember_check);
  gtk_widget_class_bind_template_child (widget_class, SaSignInDialog, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, SaSignInDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SaSignInDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, SaSignInDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, SaSignInDialog, keyring_label);

  gtk_widget_class_install_action (widget_class, "sign-in.sign-in", NULL, sign_in_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sa_sign_in_dialog_init (SaSignInDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  g_signal_connect (self->username_entry, "notify::text", G_CALLBACK (on_text_changed), self);
  g_signal_connect (self->password_entry, "notify::text", G_CALLBACK (on_text_changed), self);
}

/**
 * sa_sign_in_dialog_new:
 * @client: the #SaClient of the Live server to sign in to
 * @parent: (nullable): the window the dialog is modal over
 *
 * Creates the sign-in dialog for the server of @client (step 1 of every
 * documented procedure: sign in to the portal). Present it with
 * gtk_window_present(); it emits #SaSignInDialog::signed-in once signed in and
 * #SaSignInDialog::cancelled when closed without signing in.
 *
 * Returns: (transfer none): the new dialog, owned by GTK's toplevel list
 */
SaSignInDialog *
sa_sign_in_dialog_new (SaClient  *client,
                       GtkWindow *parent)
{
  SaSignInDialog *self;
  g_autofree char *server = NULL;

  g_return_val_if_fail (SA_IS_CLIENT (client), NULL);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (SA_TYPE_SIGN_IN_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->client = g_object_ref (client);

  /* Translators: in the sign-in dialog; %s is the server address (https://…) */
  server = g_strdup_printf (_("Sign in to the server %s with your partner user name and password."),
                            sa_client_get_base_uri (client));
  gtk_label_set_text (self->server_label, server);

  if (sa_client_get_username (client) != NULL)
    sa_sign_in_dialog_set_username (self, sa_client_get_username (client));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->username_entry));

  update_state (self);

  return self;
}

/**
 * sa_sign_in_dialog_set_username:
 * @self: a #SaSignInDialog
 * @username: (nullable): the user name to fill in (e.g. the remembered one)
 *
 * Fills the user name and moves the focus to the password.
 */
void
sa_sign_in_dialog_set_username (SaSignInDialog *self,
                                const char     *username)
{
  g_return_if_fail (SA_IS_SIGN_IN_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->username_entry), username ? username : "");
  if (username != NULL && *username != '\0')
    gtk_widget_grab_focus (GTK_WIDGET (self->password_entry));
}

/**
 * sa_sign_in_dialog_set_error_message:
 * @self: a #SaSignInDialog
 * @message: (nullable): a translated message, e.g. why the silent sign-in with
 *   the remembered credentials failed
 *
 * Shows @message in the dialog.
 */
void
sa_sign_in_dialog_set_error_message (SaSignInDialog *self,
                                     const char     *message)
{
  g_return_if_fail (SA_IS_SIGN_IN_DIALOG (self));

  g_free (self->error_message);
  self->error_message = g_strdup (message);
  update_state (self);
}

/**
 * sa_sign_in_dialog_get_error_message:
 * @self: a #SaSignInDialog
 *
 * Returns: (transfer none) (nullable): the translated error shown (wrong
 *   credentials, network, TLS), or %NULL
 */
const char *
sa_sign_in_dialog_get_error_message (SaSignInDialog *self)
{
  g_return_val_if_fail (SA_IS_SIGN_IN_DIALOG (self), NULL);

  return self->error_message;
}

/**
 * sa_sign_in_dialog_get_keyring_message:
 * @self: a #SaSignInDialog
 *
 * Returns: (transfer none) (nullable): the translated explanation shown when
 *   "Remember me" was ticked but the keyring could not store the credentials
 */
const char *
sa_sign_in_dialog_get_keyring_message (SaSignInDialog *self)
{
  g_return_val_if_fail (SA_IS_SIGN_IN_DIALOG (self), NULL);

  return self->keyring_message;
}

/**
 * sa_sign_in_dialog_get_busy:
 * @self: a #SaSignInDialog
 *
 * Returns: %TRUE while signing in or storing the credentials
 */
gboolean
sa_sign_in_dialog_get_busy (SaSignInDialog *self)
{
  g_return_val_if_fail (SA_IS_SIGN_IN_DIALOG (self), FALSE);

  return self->busy;
}

