/* sa-session.c — a session on a server: the Classroom server (Desk API) with
 * its sign-in dialog, or Cisco (and Cisco practice) with the Client ID and
 * Secret of the user's API application; the client, the keyring
 *
 * Classroom server: starting a session looks up the credentials remembered in
 * the keyring for the server and signs in with them silently; without any (or
 * when they no longer work) it opens the sign-in dialog. The client renews an expired token
 * from the keyring by itself when credentials are remembered; when it cannot,
 * it emits "sign-in-required" and the session opens the sign-in dialog over
 * the current window. The pages keep what the user was doing and repeat it
 * when the client's "signed-in" becomes TRUE again. The access token stays in
 * the client's memory; the password only passes through to the keyring.
 *
 * Cisco: the session's client is an #SaCiscoClient. Starting looks up the
 * Client ID and Secret stored in the keyring for the identity provider
 * (sa_cisco_credentials_lookup_async(); Preferences stores them) and signs in
 * with them; there is no sign-in dialog: without them, or when Cisco refuses
 * them, the session emits #SaSession::failed with the sentence that says what
 * to do (enter or correct them in Preferences). Cisco (practice) signs in to
 * the sandbox's Cisco-shaped endpoints as the trainee, with nothing stored.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-sandbox-server.h"
#include "sa-session-private.h"

struct _SaSession
{
  GObject         parent_instance;

  SaConnection    connection;
  SaClient       *client;
  GCancellable   *cancellable;
  GtkWindow      *window;   /* weak */
  SaSignInDialog *dialog;   /* weak */
  char           *username;
  guint           started : 1;
  guint           ready : 1;
  guint           remembered : 1;
};

G_DEFINE_FINAL_TYPE (SaSession, sa_session, G_TYPE_OBJECT)

enum {
  READY,
  CANCELLED,
  SIGNED_OUT,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_remembered (SaSession *self,
                gboolean   remembered)
{
  self->remembered = remembered;
  /* Renewal from the keyring only makes sense with something in it. */
  sa_client_set_renew_from_keyring (self->client, remembered);
}

static void
mark_ready (SaSession *self)
{
  g_free (self->username);
  self->username = g_strdup (sa_client_get_username (self->client));

  if (!self->ready)
    {
      self->ready = TRUE;
      g_signal_emit (self, signals[READY], 0);
    }
}

static GtkWindow *
get_parent (SaSession *self)
{
  GtkApplication *application;
  GtkWindow *active;

  if (self->window == NULL)
    return NULL;

  /* Over the window the user works in: a wizard, Preferences, or the main window. */
  application = gtk_window_get_application (self->window);
  if (application != NULL)
    {
      active = gtk_application_get_active_window (application);
      if (active != NULL && gtk_widget_get_visible (GTK_WIDGET (active)))
        return active;
    }

  return self->window;
}

static void
on_dialog_signed_in (SaSignInDialog *dialog,
                     gboolean        remembered,
                     SaSession      *self)
{
  /* A successful sign-in without "Remember me" keeps what an earlier one
   * remembered (still in the keyring for this server). */
  if (remembered)
    set_remembered (self, TRUE);

  mark_ready (self);
}

static void
on_dialog_cancelled (SaSignInDialog *dialog,
                     SaSession      *self)
{
  if (!self->ready)
    g_signal_emit (self, signals[CANCELLED], 0);
}

static void
open_dialog (SaSession  *self,
             const char *username,
             const char *message)
{
  SaSignInDialog *dialog;

  if (self->dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->dialog));
      return;
    }

  dialog = sa_sign_in_dialog_new (self->client, get_parent (self));
  if (username != NULL)
    sa_sign_in_dialog_set_username (dialog, username);
  else if (self->username != NULL)
    sa_sign_in_dialog_set_username (dialog, self->username);
  if (message != NULL)
    sa_sign_in_dialog_set_error_message (dialog, message);

  g_signal_connect_object (dialog, "signed-in", G_CALLBACK (on_dialog_signed_in), self, 0);
  g_signal_connect_object (dialog, "cancelled", G_CALLBACK (on_dialog_cancelled), self, 0);
  g_set_weak_pointer (&self->dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_sign_in_required (SaClient  *client,
                     SaSession *self)
{
  /* The token expired or was revoked and could not be renewed from the
   * keyring: ask the user, over whatever window they work in. */
  g_debug ("The server asks to sign in again");
  open_dialog (self, NULL, NULL);
}

static void
silent_sign_in_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  SaSession *self;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (sa_client_sign_in_finish (SA_CLIENT (source), result, &error))
    {
      self = SA_SESSION (user_data);
      set_remembered (self, TRUE);
      mark_ready (self);
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = SA_SESSION (user_data);

  /* The remembered password no longer works (changed on the server), or the
   * server cannot be reached: say why and let the user sign in. */
  g_debug ("Signing in with the remembered credentials failed: %s", error->message);
  set_remembered (self, FALSE);
  message = sa_error_dup_user_message (error);
  open_dialog (self, NULL, message);
}

static void
lookup_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  SaSession *self;
  g_autoptr(GError) error = NULL;
  g_autofree char *username = NULL;
  char *password = NULL;

  if (!sa_credentials_lookup_finish (result, &username, &password, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      self = SA_SESSION (user_data);
      g_debug ("No remembered credentials (keyring: %s)", error->message);
      open_dialog (self, NULL, NULL);
      return;
    }

  self = SA_SESSION (user_data);
  if (username == NULL || password == NULL)
    {
      sa_credentials_free_password (password);
      open_dialog (self, NULL, NULL);
      return;
    }

  /* Kept to fill the dialog if the remembered password no longer works. */
  g_free (self->username);
  self->username = g_steal_pointer (&username);
  sa_client_sign_in_async (self->client, self->username, password, self->cancellable,
                           silent_sign_in_cb, self);
  sa_credentials_free_password (password);
}

/* ---- Cisco ---- */

static gboolean
is_cisco (SaSession *self)
{
  return self->connection == SA_CONNECTION_CISCO ||
         self->connection == SA_CONNECTION_CISCO_PRACTICE;
}

static const char *
identity_uri (SaSession *self)
{
  return sa_cisco_api_get_identity_uri (sa_cisco_client_get_api (SA_CISCO_CLIENT (self->client)));
}

static void
emit_failed (SaSession  *self,
             const char *message)
{
  g_debug ("The Cisco connection did not start: %s", message);
  g_signal_emit (self, signals[FAILED], 0, message);
}

static void
on_cisco_sign_in_required (SaClient  *client,
                           SaSession *self)
{
  g_autofree char *message = sa_cisco_error_dup_message (SA_CISCO_ERROR_NO_CREDENTIALS);

  /* No dialog for Cisco: the Client ID and Secret are entered in Preferences. */
  set_remembered (self, FALSE);
  emit_failed (self, message);
}

static void
cisco_sign_in_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  SaSession *self;
  g_autoptr(GError) error = NULL;

  if (!sa_client_sign_in_finish (SA_CLIENT (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      self = SA_SESSION (user_data);
      /* Cisco's sentence says what to do (check the values, wait for a new
       * application, reach the network…). */
      emit_failed (self, error->message);
      return;
    }

  self = SA_SESSION (user_data);
  self->remembered = self->connection == SA_CONNECTION_CISCO;
  mark_ready (self);
}

static void
cisco_lookup_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SaSession *self;
  g_autoptr(GError) error = NULL;
  g_autofree char *client_id = NULL;
  char *client_secret = NULL;

  if (!sa_cisco_credentials_lookup_finish (result, &client_id, &client_secret, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      self = SA_SESSION (user_data);
      g_debug ("No Cisco credentials (keyring: %s)", error->message);
      emit_failed (self, error->message);
      return;
    }

  self = SA_SESSION (user_data);
  if (client_id == NULL || client_secret == NULL)
    {
      g_autofree char *message = sa_cisco_error_dup_message (SA_CISCO_ERROR_NO_CREDENTIALS);

      sa_cisco_credentials_free_secret (client_secret);
      emit_failed (self, message);
      return;
    }

  sa_client_sign_in_async (self->client, client_id, client_secret, self->cancellable,
                           cisco_sign_in_cb, self);
  sa_cisco_credentials_free_secret (client_secret);
}

static void
start_cisco (SaSession *self)
{
  self->started = TRUE;

  /* Practice: the sandbox's trainee, as Client ID and Secret. */
  if (self->connection == SA_CONNECTION_CISCO_PRACTICE)
    {
      sa_client_sign_in_async (self->client,
                               SA_SANDBOX_TRAINING_USERNAME,
                               SA_SANDBOX_TRAINING_PASSWORD,
                               self->cancellable, cisco_sign_in_cb, self);
      return;
    }

  sa_cisco_credentials_lookup_async (identity_uri (self), self->cancellable, cisco_lookup_cb, self);
}

static void
sa_session_dispose (GObject *object)
{
  SaSession *self = SA_SESSION (object);

  g_cancellable_cancel (self->cancellable);
  if (self->dialog != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->dialog, self);
      gtk_window_destroy (GTK_WINDOW (self->dialog));
    }
  g_clear_weak_pointer (&self->dialog);
  g_clear_weak_pointer (&self->window);
  if (self->client != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->client, self);
    }
  g_clear_object (&self->client);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (sa_session_parent_class)->dispose (object);
}

static void
sa_session_finalize (GObject *object)
{
  SaSession *self = SA_SESSION (object);

  g_free (self->username);

  G_OBJECT_CLASS (sa_session_parent_class)->finalize (object);
}

static void
sa_session_class_init (SaSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sa_session_dispose;
  object_class->finalize = sa_session_finalize;

  /**
   * SaSession::ready:
   * @self: the session
   *
   * Emitted once, when the client first signed in (silently with the
   * remembered credentials, or through the sign-in dialog).
   */
  signals[READY] = g_signal_new ("ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * SaSession::cancelled:
   * @self: the session
   *
   * Emitted when the user closed the sign-in dialog of the start without
   * signing in.
   */
  signals[CANCELLED] = g_signal_new ("cancelled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * SaSession::signed-out:
   * @self: the session
   *
   * Emitted after sa_session_sign_out_async() dropped the token.
   */
  signals[SIGNED_OUT] = g_signal_new ("signed-out", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * SaSession::failed:
   * @self: the session
   * @message: what went wrong and what to do, translated
   *
   * Emitted by a Cisco session that could not sign in: no Client ID and
   * Secret in the keyring, Cisco refused them, the network failed… (a
   * Classroom server session opens its sign-in dialog instead).
   */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
sa_session_init (SaSession *self)
{
  self->cancellable = g_cancellable_new ();
}

/**
 * sa_session_new:
 * @server_uri: the Live server's address (the GSettings key server-url)
 * @error: return location for a #GError
 *
 * Creates a Live-mode session and its #SaClient. The address must pass
 * sa_validate_server_uri(): plain HTTP only to a loopback host.
 *
 * Returns: (transfer full) (nullable): the session, or %NULL with
 *   %SA_CLIENT_ERROR_INSECURE_URI or %SA_CLIENT_ERROR_INVALID_INPUT
 */
SaSession *
sa_session_new (const char  *server_uri,
                GError     **error)
{
  SaSession *self;

  if (!sa_validate_server_uri (server_uri, error))
    return NULL;

  self = g_object_new (SA_TYPE_SESSION, NULL);
  self->connection = SA_CONNECTION_CLASSROOM;
  self->client = sa_desk_client_new (server_uri);
  g_signal_connect (self->client, "sign-in-required", G_CALLBACK (on_sign_in_required), self);

  return self;
}

/**
 * sa_session_new_cisco:
 * @api: the connection to Cisco's APIs (its three addresses: Cisco's hosts
 *   from GSettings, or the sandbox's for practice), without credentials
 * @connection: %SA_CONNECTION_CISCO or %SA_CONNECTION_CISCO_PRACTICE
 *
 * Creates a Cisco session and its #SaCiscoClient (issue 9, "Connection and
 * credentials"): the widgets call sa_client_*() on it as on any back end.
 * sa_session_start() signs in with the Client ID and Secret the keyring holds
 * for @api's identity provider, or, for practice, as the sandbox's trainee.
 *
 * Returns: (transfer full): the session
 */
SaSession *
sa_session_new_cisco (SaCiscoApi   *api,
                      SaConnection  connection)
{
  SaSession *self;

  g_return_val_if_fail (SA_IS_CISCO_API (api), NULL);
  g_return_val_if_fail (connection == SA_CONNECTION_CISCO ||
                        connection == SA_CONNECTION_CISCO_PRACTICE, NULL);

  self = g_object_new (SA_TYPE_SESSION, NULL);
  self->connection = connection;
  self->client = sa_cisco_client_new (api);
  g_signal_connect (self->client, "sign-in-required", G_CALLBACK (on_cisco_sign_in_required), self);

  return self;
}

/**
 * sa_session_get_connection:
 * @self: a #SaSession
 *
 * Returns: the session's connection: Classroom server, Cisco or Cisco
 *   (practice)
 */
SaConnection
sa_session_get_connection (SaSession *self)
{
  g_return_val_if_fail (SA_IS_SESSION (self), SA_CONNECTION_CLASSROOM);

  return self->connection;
}

/**
 * sa_session_get_client:
 * @self: a #SaSession
 *
 * Returns: (transfer none): the session's client (signed in once
 *   #SaSession::ready was emitted)
 */
SaClient *
sa_session_get_client (SaSession *self)
{
  g_return_val_if_fail (SA_IS_SESSION (self), NULL);

  return self->client;
}

/**
 * sa_session_get_server_uri:
 * @self: a #SaSession
 *
 * Returns: (transfer none): the server's address
 */
const char *
sa_session_get_server_uri (SaSession *self)
{
  g_return_val_if_fail (SA_IS_SESSION (self), NULL);

  return sa_client_get_base_uri (self->client);
}

/**
 * sa_session_set_window:
 * @self: a #SaSession
 * @window: (nullable): the main window
 *
 * Sets the window the sign-in dialog opens over (or over the active window of
 * its application, when it has one).
 */
void
sa_session_set_window (SaSession *self,
                       GtkWindow *window)
{
  g_return_if_fail (SA_IS_SESSION (self));
  g_return_if_fail (window == NULL || GTK_IS_WINDOW (window));

  g_set_weak_pointer (&self->window, window);
}

/**
 * sa_session_start:
 * @self: a #SaSession
 *
 * Signs in: with the credentials the keyring remembers for the server
 * (sa_credentials_lookup_async(), then sa_client_sign_in_async()), otherwise
 * through the sign-in dialog. Emits #SaSession::ready once signed in, or
 * #SaSession::cancelled if the user closes the dialog. Asynchronous; calling
 * it again while the dialog is open presents the dialog.
 *
 * A Cisco session signs in with the Client ID and Secret the keyring holds
 * (sa_cisco_credentials_lookup_async()), a practice session as the trainee;
 * it emits #SaSession::ready, or #SaSession::failed with what to do. Calling
 * it again signs in again (after the credentials changed in Preferences).
 */
void
sa_session_start (SaSession *self)
{
  g_return_if_fail (SA_IS_SESSION (self));

  if (is_cisco (self))
    {
      start_cisco (self);
      return;
    }

  if (self->dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->dialog));
      return;
    }

  self->started = TRUE;
  sa_credentials_lookup_async (sa_client_get_base_uri (self->client), self->cancellable,
                               lookup_cb, self);
}

/**
 * sa_session_get_remembered:
 * @self: a #SaSession
 *
 * Returns: %TRUE when the keyring holds credentials for this session's server
 *   (as far as this session knows: it stored or found them)
 */
gboolean
sa_session_get_remembered (SaSession *self)
{
  g_return_val_if_fail (SA_IS_SESSION (self), FALSE);

  return self->remembered;
}

/**
 * sa_session_get_sign_in_dialog:
 * @self: a #SaSession
 *
 * Returns: (transfer none) (nullable): the sign-in dialog, while it is open
 */
SaSignInDialog *
sa_session_get_sign_in_dialog (SaSession *self)
{
  g_return_val_if_fail (SA_IS_SESSION (self), NULL);

  return self->dialog;
}

static void
clear_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = G_TASK (user_data);
  SaSession *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;

  if (!(is_cisco (self) ? sa_cisco_credentials_clear_finish (result, &error)
                         : sa_credentials_clear_finish (result, &error)) &&
      !g_error_matches (error, SA_CREDENTIALS_ERROR, SA_CREDENTIALS_ERROR_UNAVAILABLE))
    {
      /* Still signed out below: the token goes whatever the keyring says. */
      g_debug ("Removing the remembered credentials failed: %s", error->message);
    }
  else
    g_clear_error (&error);

  set_remembered (self, FALSE);
  self->ready = FALSE;   /* the next sign-in is a new start */
  sa_client_sign_out (self->client);
  g_signal_emit (self, signals[SIGNED_OUT], 0);

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * sa_session_sign_out_async:
 * @self: a #SaSession
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Signs out: removes the credentials remembered for the server from the
 * keyring (sa_credentials_clear_async(); for Cisco, the Client ID and Secret
 * with sa_cisco_credentials_clear_async()), then drops the access token
 * (sa_client_sign_out()) and emits #SaSession::signed-out. A practice session
 * has nothing in the keyring and only drops its token.
 */
void
sa_session_sign_out_async (SaSession           *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (SA_IS_SESSION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sa_session_sign_out_async);
  if (self->connection == SA_CONNECTION_CISCO_PRACTICE)
    {
      set_remembered (self, FALSE);
      self->ready = FALSE;
      sa_client_sign_out (self->client);
      g_signal_emit (self, signals[SIGNED_OUT], 0);
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
    }
  else if (is_cisco (self))
    sa_cisco_credentials_clear_async (identity_uri (self), NULL, clear_cb, task);
  else
    sa_credentials_clear_async (sa_client_get_base_uri (self->client), NULL, clear_cb, task);
}

/**
 * sa_session_sign_out_finish:
 * @self: a #SaSession
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the keyring no longer holds the credentials; %FALSE with
 *   an %SA_CREDENTIALS_ERROR (e.g. locked) — the token is dropped either way
 */
gboolean
sa_session_sign_out_finish (SaSession     *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
