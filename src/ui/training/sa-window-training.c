/* sa-window-training.c — the main window's training parts (issue 14)
 *
 * When the back end is a sandbox (the built-in training back office, or a
 * classroom server: it answers GET /sandbox/scenarios), the window shows
 * - the practice date in the header bar whenever the sandbox clock's date
 *   is not today's, read again every few seconds and when the window is
 *   focused again;
 * - the Training Scenarios view;
 * - the Class view, when the user is a trainer (GET /sandbox/class answers);
 * and the training controls of the order page find the sandbox client here
 * (sa_window_get_training_client()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sa-access-requests-view.h"
#include "sa-class-view.h"
#include "sa-orders-view.h"
#include "sa-scenarios-view.h"
#include "sa-training-order-controls.h"
#include "sa-ui-util.h"
#include "sa-window-training.h"

#define CLOCK_POLL_SECONDS 5
#define STATE_KEY          "sa-window-training"

typedef struct
{
  SaWindow     *window;   /* owns this */
  SaDeskClient *client;   /* the sandbox's, once the probe said so */
  GCancellable *cancellable;
  guint         clock_poll_id;
  gulong        active_handler;
} TrainingState;

static void
state_free (gpointer data)
{
  TrainingState *state = data;

  g_cancellable_cancel (state->cancellable);
  g_clear_object (&state->cancellable);
  g_clear_handle_id (&state->clock_poll_id, g_source_remove);
  g_clear_object (&state->client);
  g_free (state);
}

static TrainingState *
get_state (SaWindow *window)
{
  return g_object_get_data (G_OBJECT (window), STATE_KEY);
}

static GObject *
child (SaWindow   *window,
       const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (window), SA_TYPE_WINDOW, name);
}

/* ---- The practice date ---- */

static void
show_practice_date (SaWindow  *window,
                    GDateTime *now)
{
  GtkWidget *label = GTK_WIDGET (child (window, "practice_date_label"));
  g_autoptr(GDateTime) local = now != NULL ? g_date_time_to_local (now) : NULL;
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  gboolean differs;

  differs = local != NULL &&
            (g_date_time_get_year (local) != g_date_time_get_year (today) ||
             g_date_time_get_day_of_year (local) != g_date_time_get_day_of_year (today));
  if (differs)
    {
      g_autofree char *date = sa_ui_format_date (local);
      /* Translators: in the header bar, in training, when the practice clock was moved; %s is a date */
      g_autofree char *text = g_strdup_printf (_("Practice date: %s"), date);

      gtk_label_set_text (GTK_LABEL (label), text);
    }
  gtk_widget_set_visible (label, differs);
}

static void
clock_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = sa_desk_client_sandbox_get_clock_finish (SA_DESK_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  show_practice_date (SA_WINDOW (user_data), now);
}

static void
read_clock (SaWindow *window)
{
  TrainingState *state = get_state (window);

  if (state != NULL && state->client != NULL)
    sa_desk_client_sandbox_get_clock_async (state->client, state->cancellable, clock_cb, window);
}

static gboolean
clock_poll_cb (gpointer user_data)
{
  read_clock (user_data);
  return G_SOURCE_CONTINUE;
}

static void
on_active_changed (SaWindow *window)
{
  if (gtk_window_is_active (GTK_WINDOW (window)))
    read_clock (window);
}

/* ---- The probe: is the back end a sandbox, is the user a trainer? ---- */

static void
class_probe_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) trainees = sa_desk_client_sandbox_get_class_finish (SA_DESK_CLIENT (source), result,
                                                                            &error);
  SaWindow *window;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  window = SA_WINDOW (user_data);
  /* a trainer only: the others get NOT_AUTHORIZED */
  adw_view_stack_page_set_visible (ADW_VIEW_STACK_PAGE (child (window, "class_page")), trainees != NULL);
  if (trainees != NULL)
    sa_class_view_set_client (SA_CLASS_VIEW (child (window, "class_view")), SA_DESK_CLIENT (source));
}

static void
scenarios_probe_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) scenarios = sa_desk_client_sandbox_list_scenarios_finish (SA_DESK_CLIENT (source),
                                                                                  result, &error);
  TrainingState *state;
  SaWindow *window;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  window = SA_WINDOW (user_data);
  state = get_state (window);
  if (scenarios == NULL)
    {
      g_debug ("Not a sandbox, or no training scenarios: %s", error->message);
      return;
    }

  g_set_object (&state->client, SA_DESK_CLIENT (source));
  adw_view_stack_page_set_visible (ADW_VIEW_STACK_PAGE (child (window, "scenarios_page")), TRUE);
  sa_scenarios_view_set_client (SA_SCENARIOS_VIEW (child (window, "scenarios_view")), state->client);
  read_clock (window);
  if (state->clock_poll_id == 0)
    state->clock_poll_id = g_timeout_add_seconds (CLOCK_POLL_SECONDS, clock_poll_cb, window);
  sa_desk_client_sandbox_get_class_async (state->client, state->cancellable, class_probe_cb, window);
}

/* win.training-data-changed: a scenario started; the views read the
 * practice data again. */
static void
training_data_changed_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  SaWindow *window = SA_WINDOW (widget);
  TrainingState *state = get_state (window);

  if (state == NULL || state->client == NULL)
    return;
  sa_orders_view_set_client (sa_window_get_orders_view (window), SA_CLIENT (state->client));
  read_clock (window);
}

/**
 * sa_window_training_class_init:
 * @widget_class: #SaWindow's class
 *
 * Binds the training widgets of sa-window.ui (by id) and installs
 * win.training-data-changed. Call from sa_window_class_init().
 */
void
sa_window_training_class_init (GtkWidgetClass *widget_class)
{
  static const char *const ids[] = {
    "practice_date_label", "scenarios_page", "scenarios_view", "class_page", "class_view",
  };
  guint i;

  g_type_ensure (SA_TYPE_SCENARIOS_VIEW);
  g_type_ensure (SA_TYPE_CLASS_VIEW);
  g_type_ensure (SA_TYPE_TRAINING_ORDER_CONTROLS);
  for (i = 0; i < G_N_ELEMENTS (ids); i++)
    gtk_widget_class_bind_template_child_full (widget_class, ids[i], FALSE, 0);
  gtk_widget_class_install_action (widget_class, "win.training-data-changed", NULL, training_data_changed_action);
}

/**
 * sa_window_training_set_client:
 * @window: a #SaWindow
 * @client: its new client
 * @training: whether @client is the built-in sandbox's
 *
 * Asks @client's back end whether it is a sandbox with training scenarios
 * (any Desk client with %SA_CLIENT_FEATURE_TRAINING_CONTROLS: the built-in
 * one or a classroom server); if so, shows the Training Scenarios view, the
 * practice date when it is not today's, and, to a trainer, the Class view.
 * Call from sa_window_set_client().
 */
void
sa_window_training_set_client (SaWindow *window,
                               SaClient *client,
                               gboolean  training)
{
  TrainingState *state;

  sa_window_training_dispose (window);
  state = g_new0 (TrainingState, 1);
  state->window = window;
  state->cancellable = g_cancellable_new ();
  g_object_set_data_full (G_OBJECT (window), STATE_KEY, state, state_free);
  state->active_handler = g_signal_connect (window, "notify::is-active", G_CALLBACK (on_active_changed), NULL);

  adw_view_stack_page_set_visible (ADW_VIEW_STACK_PAGE (child (window, "scenarios_page")), FALSE);
  adw_view_stack_page_set_visible (ADW_VIEW_STACK_PAGE (child (window, "class_page")), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (child (window, "practice_date_label")), FALSE);
  sa_scenarios_view_set_client (SA_SCENARIOS_VIEW (child (window, "scenarios_view")), NULL);
  sa_class_view_set_client (SA_CLASS_VIEW (child (window, "class_view")), NULL);

  if (!SA_IS_DESK_CLIENT (client) ||
      (sa_client_get_features (client) & SA_CLIENT_FEATURE_TRAINING_CONTROLS) == 0)
    return;
  sa_desk_client_sandbox_list_scenarios_async (SA_DESK_CLIENT (client), state->cancellable,
                                               scenarios_probe_cb, window);
}

/**
 * sa_window_training_dispose:
 * @window: a #SaWindow
 *
 * Stops the polls and calls. Call from sa_window_dispose().
 */
void
sa_window_training_dispose (SaWindow *window)
{
  TrainingState *state = get_state (window);

  if (state != NULL)
    g_signal_handler_disconnect (window, state->active_handler);
  g_object_set_data (G_OBJECT (window), STATE_KEY, NULL);
}

/**
 * sa_window_get_training_client:
 * @self: a #SaWindow
 *
 * The training controls (issue 14) use it: they show only when it is not
 * %NULL.
 *
 * Returns: (transfer none) (nullable): the client when the back end is a
 *   sandbox (training or classroom), else %NULL
 */
SaDeskClient *
sa_window_get_training_client (SaWindow *self)
{
  TrainingState *state;

  g_return_val_if_fail (SA_IS_WINDOW (self), NULL);

  state = get_state (self);
  return state != NULL ? state->client : NULL;
}
