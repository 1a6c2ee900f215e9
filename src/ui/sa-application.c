/* sa-application.c — the Smart Account Desk application
 *
 * The GSettings key mode chooses the connection (SaConnection). Training: the
 * application starts the sandbox back office in a thread of its own, creates
 * the client for its loopback address and signs in with the training user,
 * all asynchronously, then shows the Orders view. Classroom server (the nick
 * "live"): an SaSession signs in to the server of the key server-url, with the
 * credentials remembered in the keyring or through the sign-in dialog. Cisco:
 * an SaSession with an SaCiscoClient on the addresses of the keys
 * cisco-identity-uri, cisco-licensing-uri and cisco-order-uri, signed in with
 * the Client ID and Secret in the keyring. Cisco (practice): the same on the
 * sandbox's Cisco-shaped endpoints, as the trainee. Changing the mode, or the
 * address the current connection uses, restarts the session.
 *
 * The application owns the hand-off journal (docs/journal.md), opened at
 * start-up off the UI thread: a damaged or newer-version file kept aside is
 * reported once, in the main window. With a back end whose procedures are
 * completed in Cisco's portal (SA_CLIENT_FEATURE_PORTAL_HAND_OFF), one SaWatch
 * follows the journal's open entries from the session's start (it resumes
 * what the journal holds) until the session ends or the application quits;
 * it pauses itself offline. Its news become notifications (SaWatchNotifier)
 * whose action, app.show-hand-off, opens the entry.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sa-access-request-action.h"
#include "sa-application.h"
#include "sa-preferences-window.h"
#include "sa-sandbox-server.h"
#include "sa-sandbox-thread.h"
#include "sa-session.h"
#include "sa-ui-util.h"
#include "sa-watch-notifier.h"
#include "sa-window.h"

struct _SaApplication
{
  AdwApplication   parent_instance;

  SaSandboxThread *sandbox;
  SaClient        *client;
  GCancellable    *cancellable;
  gboolean         starting;

  /* Classroom server and Cisco sessions */
  GSettings       *settings;
  SaSession       *session;

  /* The hand-off journal (issue 10); the message of a file kept aside at
   * opening, until a window shows it */
  SaJournal       *journal;
  char            *journal_problem;
  gboolean         journal_kept_aside;
  /* With PORTAL_HAND_OFF only */
  SaWatch         *watch;
  SaWatchNotifier *notifier;
};

G_DEFINE_FINAL_TYPE (SaApplication, sa_application, ADW_TYPE_APPLICATION)

static void start_training (SaApplication *self);
static void start_session (SaApplication *self);
static void start_cisco (SaApplication *self);
static void stop_watch (SaApplication *self);
static void give_window_client (SaApplication *self,
                                SaWindow      *window,
                                gboolean       training);

static SaWindow *
get_window (SaApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (SA_IS_WINDOW (window))
    return SA_WINDOW (window);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (SA_IS_WINDOW (l->data))
      return SA_WINDOW (l->data);

  return NULL;
}

static void
show_start_error (SaApplication *self,
                  const GError  *error)
{
  g_autofree char *message = sa_error_dup_user_message (error);
  SaWindow *window = get_window (self);

  g_warning ("Training mode could not start: %s", error->message);
  self->starting = FALSE;
  if (window != NULL)
    sa_window_show_error (window, _("The Training Back Office Could Not Start"), message);
}

/* ---- The journal ---- */

/* Shows the journal's opening problem once, when there is a window. */
static void
report_journal_problem (SaApplication *self)
{
  SaWindow *window = get_window (self);
  AdwMessageDialog *dialog;

  if (self->journal_problem == NULL || window == NULL)
    return;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (window),
                                                       self->journal_kept_aside
                                                       ? _("A New Journal Was Started")
                                                       : _("The Journal Is Unavailable"),
                                                       self->journal_problem));
  adw_message_dialog_add_response (dialog, "close", _("Close"));
  gtk_window_present (GTK_WINDOW (dialog));
  g_clear_pointer (&self->journal_problem, g_free);
}

static void
journal_opened_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(SaApplication) self = SA_APPLICATION (user_data);
  g_autoptr(GError) error = NULL;

  if (sa_journal_open_finish (SA_JOURNAL (source), result, &error))
    return;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* CORRUPT and TOO_NEW: the journal is usable, the message names the kept
   * file. Any other error: the journal's calls will say so again. */
  g_warning ("The journal: %s", error->message);
  g_free (self->journal_problem);
  self->journal_problem = g_strdup (error->message);
  self->journal_kept_aside = g_error_matches (error, SA_JOURNAL_ERROR, SA_JOURNAL_ERROR_CORRUPT) ||
                             g_error_matches (error, SA_JOURNAL_ERROR, SA_JOURNAL_ERROR_TOO_NEW);
  report_journal_problem (self);
}

static void
sign_in_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(SaApplication) self = SA_APPLICATION (user_data);
  g_autoptr(GError) error = NULL;
  SaWindow *window;

  if (!sa_client_sign_in_finish (SA_CLIENT (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_start_error (self, error);
      return;
    }

  self->starting = FALSE;
  stop_watch (self);
  window = get_window (self);
  if (window != NULL)
    give_window_client (self, window, TRUE);
}

static void
sandbox_started_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(SaApplication) self = SA_APPLICATION (user_data);
  g_autoptr(SaSandboxThread) sandbox = NULL;
  g_autoptr(GError) error = NULL;

  sandbox = sa_sandbox_thread_start_finish (result, &error);
  if (sandbox == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_start_error (self, error);
      return;
    }

  g_set_object (&self->sandbox, sandbox);
  if (g_settings_get_enum (self->settings, "mode") == SA_CONNECTION_CISCO_PRACTICE)
    {
      /* Practice: the sandbox was started for the Cisco connection. */
      self->starting = FALSE;
      start_cisco (self);
      return;
    }

  g_clear_object (&self->client);
  self->client = sa_desk_client_new (sa_sandbox_thread_get_uri (sandbox));
  sa_client_sign_in_async (self->client,
                           SA_SANDBOX_TRAINING_USERNAME,
                           SA_SANDBOX_TRAINING_PASSWORD,
                           self->cancellable,
                           sign_in_cb,
                           g_object_ref (self));
}

static void
start_training (SaApplication *self)
{
  g_autofree char *data_dir = NULL;
  SaWindow *window;

  if (self->starting)
    return;

  self->starting = TRUE;
  window = get_window (self);
  if (window != NULL)
    sa_window_show_starting (window);

  /* The sandbox already runs (a failed sign-in, or back from another connection):
   * just sign in again. */
  if (self->sandbox != NULL)
    {
      if (self->client == NULL)
        self->client = sa_desk_client_new (sa_sandbox_thread_get_uri (self->sandbox));
      sa_client_sign_in_async (self->client,
                               SA_SANDBOX_TRAINING_USERNAME,
                               SA_SANDBOX_TRAINING_PASSWORD,
                               self->cancellable,
                               sign_in_cb,
                               g_object_ref (self));
      return;
    }

  data_dir = g_build_filename (g_get_user_data_dir (), "smart-account-desk", "sandbox", NULL);
  sa_sandbox_thread_start_async (data_dir, self->cancellable, sandbox_started_cb, g_object_ref (self));
}

/* ---- The watch ---- */

static void
stop_watch (SaApplication *self)
{
  if (self->watch != NULL)
    sa_watch_stop (self->watch);
  g_clear_object (&self->notifier);
  g_clear_object (&self->watch);
}

/* A new signed-in client: with PORTAL_HAND_OFF the watch starts on it (and
 * resumes the journal's open entries); with other back ends none runs. */
static void
start_watch (SaApplication *self)
{
  stop_watch (self);
  if (self->client == NULL || self->journal == NULL ||
      (sa_client_get_features (self->client) & SA_CLIENT_FEATURE_PORTAL_HAND_OFF) == 0)
    return;

  self->watch = sa_watch_new (self->client, self->journal, NULL);
  if (self->session != NULL && sa_session_get_connection (self->session) == SA_CONNECTION_CISCO_PRACTICE)
    sa_watch_set_interval (self->watch, SA_WATCH_PRACTICE_INTERVAL_MS);
  self->notifier = sa_watch_notifier_new (G_APPLICATION (self), self->watch);
  sa_watch_start (self->watch);
}

static void
give_window_client (SaApplication *self,
                    SaWindow      *window,
                    gboolean       training)
{
  sa_window_set_client (window, self->client, training);
  sa_window_set_journal (window, self->journal, self->watch);
}

/* ---- Classroom server (the nick "live") ---- */

static void
on_session_ready (SaSession     *session,
                  SaApplication *self)
{
  SaWindow *window = get_window (self);

  self->starting = FALSE;
  g_set_object (&self->client, sa_session_get_client (session));
  start_watch (self);
  if (window != NULL)
    give_window_client (self, window, FALSE);
}

static void
on_session_cancelled (SaSession     *session,
                      SaApplication *self)
{
  SaWindow *window = get_window (self);
  g_autofree char *message = NULL;

  self->starting = FALSE;
  /* Translators: %s is the server address */
  message = g_strdup_printf (_("The Classroom server connection works on the server %s once you sign in. "
                               "Select Retry to sign in, or switch to Training in Preferences."),
                             sa_session_get_server_uri (session));
  if (window != NULL)
    sa_window_show_error (window, _("Not Signed In"), message);
}

static void
on_session_signed_out (SaSession     *session,
                       SaApplication *self)
{
  SaWindow *window = get_window (self);

  if (window == NULL)
    return;

  if (sa_session_get_connection (session) == SA_CONNECTION_CISCO)
    sa_window_show_error (window, _("Signed Out"),
                          _("You signed out, and the Client ID and Client Secret stored for Cisco were removed "
                            "from the keyring. Enter them again in Preferences, then select Retry."));
  else
    sa_window_show_error (window, _("Signed Out"),
                          _("You signed out, and the password remembered for this server was removed. "
                            "Select Retry to sign in again."));
}

static void
start_live (SaApplication *self)
{
  g_autofree char *server = g_settings_get_string (self->settings, "server-url");
  g_autoptr(GError) error = NULL;
  SaWindow *window = get_window (self);

  if (self->session != NULL)
    {
      /* Retry after a cancelled or signed-out session: same server. */
      self->starting = TRUE;
      if (window != NULL)
        sa_window_show_connecting (window, sa_session_get_server_uri (self->session));
      sa_session_start (self->session);
      return;
    }

  self->session = sa_session_new (server, &error);
  if (self->session == NULL)
    {
      g_autofree char *message = NULL;

      if (*server == '\0')
        message = g_strdup (_("The Classroom server connection needs the address of your classroom or partner server. "
                              "Enter it in Preferences, or switch back to Training."));
      else
        /* Translators: %s explains what is wrong with the server address */
        message = g_strdup_printf (_("%s Change it in Preferences."), error->message);
      if (window != NULL)
        sa_window_show_error (window, _("No Usable Server Address"), message);
      return;
    }

  sa_session_set_window (self->session, window ? GTK_WINDOW (window) : NULL);
  g_signal_connect (self->session, "ready", G_CALLBACK (on_session_ready), self);
  g_signal_connect (self->session, "cancelled", G_CALLBACK (on_session_cancelled), self);
  g_signal_connect (self->session, "signed-out", G_CALLBACK (on_session_signed_out), self);

  self->starting = TRUE;
  if (window != NULL)
    sa_window_show_connecting (window, server);
  sa_session_start (self->session);
}

static void
drop_session (SaApplication *self)
{
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
}

/* ---- Cisco and Cisco (practice) ---- */

static void
on_cisco_failed (SaSession     *session,
                 const char    *message,
                 SaApplication *self)
{
  SaWindow *window = get_window (self);
  g_autofree char *text = NULL;

  self->starting = FALSE;
  if (sa_session_get_connection (session) == SA_CONNECTION_CISCO_PRACTICE)
    text = g_strdup_printf (_("%s The practice connection uses the built-in sandbox: select Retry, "
                              "or switch to Training in Preferences."), message);
  else
    /* Cisco's sentence already says what to do, and where. */
    text = g_strdup (message);
  if (window != NULL)
    sa_window_show_error (window, _("Not Connected to Cisco"), text);
}

static SaCiscoApi *
new_cisco_api (SaApplication *self)
{
  g_autofree char *identity = g_settings_get_string (self->settings, "cisco-identity-uri");
  g_autofree char *licensing = g_settings_get_string (self->settings, "cisco-licensing-uri");
  g_autofree char *order = g_settings_get_string (self->settings, "cisco-order-uri");

  return sa_cisco_api_new (identity, licensing, order);
}

static void
start_cisco (SaApplication *self)
{
  gboolean practice = g_settings_get_enum (self->settings, "mode") == SA_CONNECTION_CISCO_PRACTICE;
  SaWindow *window = get_window (self);
  g_autoptr(SaCiscoApi) api = NULL;
  g_autoptr(GError) error = NULL;

  if (self->session == NULL && practice && self->sandbox == NULL)
    {
      /* The sandbox first; sandbox_started_cb() comes back here. */
      start_training (self);
      return;
    }

  if (self->session == NULL)
    {
      api = practice ? sa_cisco_api_new_for_practice (sa_sandbox_thread_get_uri (self->sandbox)) : new_cisco_api (self);
      if (!sa_cisco_api_check_uris (api, &error))
        {
          if (window != NULL)
            sa_window_show_error (window, _("No Usable Cisco Address"), error->message);
          return;
        }

      self->session = sa_session_new_cisco (api, practice ? SA_CONNECTION_CISCO_PRACTICE
                                                          : SA_CONNECTION_CISCO);
      sa_session_set_window (self->session, window ? GTK_WINDOW (window) : NULL);
      g_signal_connect (self->session, "ready", G_CALLBACK (on_session_ready), self);
      g_signal_connect (self->session, "failed", G_CALLBACK (on_cisco_failed), self);
      g_signal_connect (self->session, "signed-out", G_CALLBACK (on_session_signed_out), self);
    }

  self->starting = TRUE;
  if (window != NULL)
    sa_window_show_connecting (window, sa_session_get_server_uri (self->session));
  sa_session_start (self->session);
}

/* The connection of the GSettings key mode. */
static void
start_session (SaApplication *self)
{
  switch (g_settings_get_enum (self->settings, "mode"))
    {
    case SA_CONNECTION_CLASSROOM:
      start_live (self);
      break;
    case SA_CONNECTION_CISCO:
    case SA_CONNECTION_CISCO_PRACTICE:
      start_cisco (self);
      break;
    case SA_CONNECTION_TRAINING:
    default:
      start_training (self);
      break;
    }
}

/* Whether changing @key restarts the session of @mode. */
static gboolean
restarts_session (int         mode,
                  const char *key)
{
  if (g_strcmp0 (key, "mode") == 0)
    return TRUE;
  if (mode == SA_CONNECTION_CLASSROOM)
    return g_strcmp0 (key, "server-url") == 0;
  if (mode == SA_CONNECTION_CISCO)
    return g_str_has_prefix (key, "cisco-") && g_str_has_suffix (key, "-uri");

  return FALSE;
}

static void
on_settings_changed (GSettings     *settings,
                     const char    *key,
                     SaApplication *self)
{
  if (!restarts_session (g_settings_get_enum (settings, "mode"), key))
    return;

  /* A new session: what ran before stops (the sandbox thread keeps running
   * so that going back to Training is quick). */
  sa_ui_renew_cancellable (&self->cancellable);
  self->starting = FALSE;
  stop_watch (self);
  drop_session (self);
  g_clear_object (&self->client);

  if (get_window (self) != NULL)
    start_session (self);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  SaApplication *self = SA_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Close (rather than destroy) so windows save their state. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }

  /* A window with a change waiting to be submitted asks first and may stay
   * open: then the application stays too (hidden windows, such as a closed
   * shortcuts window, do not count). */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (gtk_widget_get_visible (l->data))
      return;
  g_application_quit (G_APPLICATION (self));
}

static void
retry_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  start_session (SA_APPLICATION (user_data));
}

/* What the About window's Troubleshooting page shows, for bug reports:
 * versions, the build profile, the connection chosen, the system. Never a
 * server's credentials, a user name, a token or an address. */
static char *
dup_debug_info (SaApplication *self)
{
  GString *info = g_string_new (NULL);
  g_autofree char *os = g_get_os_info (G_OS_INFO_KEY_PRETTY_NAME);
  const char *desktop = g_getenv ("XDG_CURRENT_DESKTOP");
  const char *session = g_getenv ("XDG_SESSION_TYPE");
  g_autofree char *mode = NULL;

  if (self->settings != NULL)
    mode = g_settings_get_string (self->settings, "mode");

  g_string_append_printf (info, "Smart Account Desk %s (%s)\n", PACKAGE_VERSION, APPLICATION_ID);
  g_string_append_printf (info, "Profile: %s\n", *PROFILE != '\0' ? PROFILE : "default");
  g_string_append_printf (info, "Connection: %s\n", mode != NULL ? mode : "unknown");
  g_string_append (info, "\n");
  g_string_append_printf (info, "GLib %u.%u.%u\n", glib_major_version, glib_minor_version, glib_micro_version);
  g_string_append_printf (info, "GTK %u.%u.%u\n", gtk_get_major_version (), gtk_get_minor_version (),
                          gtk_get_micro_version ());
  g_string_append_printf (info, "libadwaita %u.%u.%u\n", adw_get_major_version (), adw_get_minor_version (),
                          adw_get_micro_version ());
  g_string_append (info, "\n");
  g_string_append_printf (info, "System: %s\n", os != NULL ? os : "unknown");
  g_string_append_printf (info, "Desktop: %s (%s)\n", desktop != NULL ? desktop : "unknown",
                          session != NULL ? session : "unknown");
  g_string_append_printf (info, "GDK backend: %s\n", G_OBJECT_TYPE_NAME (gdk_display_get_default ()));
  g_string_append_printf (info, "Language: %s\n", g_get_language_names ()[0]);

  return g_string_free (info, FALSE);
}

/* app.about: the About window — the application ID's icon (the Devel profile
 * has its own), credits, licence, where to report a problem, and the debug
 * information to attach to the report. */
static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  SaApplication *self = SA_APPLICATION (user_data);
  g_autofree char *debug_info = dup_debug_info (self);
  GtkWidget *about = sa_ui_about_window_new (debug_info);

  gtk_window_set_transient_for (GTK_WINDOW (about),
                                gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_present (GTK_WINDOW (about));
}

static void
shortcuts_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  SaApplication *self = SA_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWindow *window;

  builder = gtk_builder_new_from_resource (SA_RESOURCE_PATH "/gtk/help-overlay.ui");
  window = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
  gtk_window_set_transient_for (window, parent);
  gtk_window_present (window);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  SaApplication *self = SA_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *preferences = sa_preferences_window_new (parent);

  sa_preferences_window_set_session (SA_PREFERENCES_WINDOW (preferences), self->session);
  gtk_window_present (GTK_WINDOW (preferences));
}

/* app.request-access: with a domain (from the "Request a Smart Account"
 * wizard when the domain is taken) or without (see sa-access-request-action.c). */
static void
request_access (const char *domain,
                gpointer    user_data)
{
  SaApplication *self = SA_APPLICATION (user_data);
  SaWindow *window = get_window (self);

  if (window == NULL)
    return;

  gtk_window_present (GTK_WINDOW (window));
  sa_window_request_access (window, domain);
}

/* app.show-access-requests: the default action of the decision notification. */
static void
show_access_requests_action (GSimpleAction *action,
                             GVariant      *param,
                             gpointer       user_data)
{
  SaApplication *self = SA_APPLICATION (user_data);
  SaWindow *window = get_window (self);

  if (window == NULL)
    {
      g_application_activate (G_APPLICATION (self));
      window = get_window (self);
    }
  if (window == NULL)
    return;

  gtk_window_present (GTK_WINDOW (window));
  sa_window_show_access_requests (window);
}

/* app.show-hand-off (int64 id): the action of the watch's notifications. */
static void
show_hand_off_action (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  SaApplication *self = SA_APPLICATION (user_data);
  SaWindow *window = get_window (self);

  if (window == NULL)
    {
      g_application_activate (G_APPLICATION (self));
      window = get_window (self);
    }
  if (window == NULL)
    return;

  gtk_window_present (GTK_WINDOW (window));
  sa_window_show_hand_off (window, g_variant_get_int64 (param));
}

/* app.open-portal (string URI): a portal page from a notification. */
static void
open_portal_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  SaApplication *self = SA_APPLICATION (user_data);
  const char *uri = g_variant_get_string (param, NULL);

  if (!g_str_has_prefix (uri, "https://"))
    return;
  gtk_show_uri (gtk_application_get_active_window (GTK_APPLICATION (self)), uri, GDK_CURRENT_TIME);
}

static const GActionEntry app_actions[] = {
  { .name = "show-hand-off", .activate = show_hand_off_action, .parameter_type = "x" },
  { .name = "open-portal", .activate = open_portal_action, .parameter_type = "s" },
  { .name = "show-access-requests", .activate = show_access_requests_action },
  { .name = "quit", .activate = quit_action },
  { .name = "about", .activate = about_action },
  { .name = "shortcuts", .activate = shortcuts_action },
  { .name = "preferences", .activate = preferences_action },
  { .name = "retry", .activate = retry_action },
};

static void
sa_application_startup (GApplication *application)
{
  SaApplication *self = SA_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *no_accels[] = { NULL };

  /* Issue 12: before any database is opened (the journal's below, the
   * training back office's later): SQLite's memory stays small and flat. */
  sa_sandbox_thread_limit_memory ();

  G_APPLICATION_CLASS (sa_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  {
    g_autoptr(GAction) request_access_action = sa_access_request_action_new ("request-access", request_access, self);

    g_action_map_add_action (G_ACTION_MAP (self), request_access_action);
  }
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.shortcuts", shortcuts_accels);
  /* GtkApplication found gtk/help-overlay.ui and bound Ctrl+? to its
   * win.show-help-overlay too: Ctrl+? is bound once, to app.shortcuts,
   * which works in the wizards and dialogs as well (issue 11). */
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay", no_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);

  gtk_window_set_default_icon_name (APPLICATION_ID);

  self->settings = g_object_ref (sa_ui_get_settings ());
  g_signal_connect (self->settings, "changed", G_CALLBACK (on_settings_changed), self);

  /* The journal opens in its worker thread; its first call would open it too. */
  self->journal = sa_journal_new (NULL);
  sa_journal_open_async (self->journal, NULL, journal_opened_cb, g_object_ref (self));
}

static void
sa_application_activate (GApplication *application)
{
  SaApplication *self = SA_APPLICATION (application);
  SaWindow *window = get_window (self);
  gboolean start = FALSE;

  if (window == NULL)
    {
      window = sa_window_new (GTK_APPLICATION (self));
      if (self->client != NULL && sa_client_get_signed_in (self->client))
        give_window_client (self, window, self->session == NULL);
      else
        start = TRUE;
    }

  /* Issue 12: the window is mapped first, then the session (the training
   * back office's thread) starts, so that its start-up does not compete
   * with the window's for the processor. */
  gtk_window_present (GTK_WINDOW (window));
  if (start)
    start_session (self);
  report_journal_problem (self);
}

static void
sa_application_shutdown (GApplication *application)
{
  SaApplication *self = SA_APPLICATION (application);

  g_cancellable_cancel (self->cancellable);
  stop_watch (self);
  drop_session (self);
  g_clear_object (&self->client);
  /* Stops the server and joins its thread. */
  g_clear_object (&self->sandbox);

  G_APPLICATION_CLASS (sa_application_parent_class)->shutdown (application);
}

static void
sa_application_dispose (GObject *object)
{
  SaApplication *self = SA_APPLICATION (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  stop_watch (self);
  drop_session (self);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  g_clear_object (&self->client);
  g_clear_object (&self->sandbox);
  g_clear_object (&self->journal);
  g_clear_pointer (&self->journal_problem, g_free);

  G_OBJECT_CLASS (sa_application_parent_class)->dispose (object);
}

/* --version answers in the launching process, without a window or the
 * primary instance. */
static int
sa_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("smart-account-desk %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  return G_APPLICATION_CLASS (sa_application_parent_class)->handle_local_options (application, options);
}

static void
sa_application_class_init (SaApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = sa_application_dispose;
  app_class->startup = sa_application_startup;
  app_class->activate = sa_application_activate;
  app_class->shutdown = sa_application_shutdown;
  app_class->handle_local_options = sa_application_handle_local_options;
}

/* The command line: --help lists these, with GApplication's own. */
static const GOptionEntry option_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
  { NULL }
};

static void
sa_application_init (SaApplication *self)
{
  self->cancellable = g_cancellable_new ();
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
}

/**
 * sa_application_new:
 *
 * Creates the application (ID APPLICATION_ID). Activating it opens the main
 * window and starts training mode: the embedded sandbox back office, then the
 * sign-in of the training user.
 *
 * Returns: (transfer full): the new application
 */
SaApplication *
sa_application_new (void)
{
  return g_object_new (SA_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", SA_RESOURCE_PATH,
                       NULL);
}


/**
 * sa_application_get_journal:
 * @self: a #SaApplication
 *
 * The application's hand-off journal (docs/journal.md): where "Done in the
 * Portal" and "Not Now" keep a hand-off (issue 10, "The journal"). It is
 * created and opened (off the UI thread) when the application starts up; a
 * damaged or newer-version file found then was kept aside and is reported to
 * the user once. Its calls are all asynchronous.
 *
 * Returns: (transfer none) (nullable): the journal, or %NULL before
 *   start-up
 */
SaJournal *
sa_application_get_journal (SaApplication *self)
{
  g_return_val_if_fail (SA_IS_APPLICATION (self), NULL);

  return self->journal;
}

/**
 * sa_application_get_watch:
 * @self: a #SaApplication
 *
 * The watch following the journal's open entries (issue 10, "Watching"):
 * it runs only while the session's back end completes the procedures in
 * Cisco's portal (%SA_CLIENT_FEATURE_PORTAL_HAND_OFF).
 *
 * Returns: (transfer none) (nullable): the watch, or %NULL when none runs
 */
SaWatch *
sa_application_get_watch (SaApplication *self)
{
  g_return_val_if_fail (SA_IS_APPLICATION (self), NULL);

  return self->watch;
}
