/* sa-window-training.c — the main window's training parts (issue 14)
 *
 * When the back end is a sandbox (the built-in training back office, or a
 * classroom server: it answers GET /sandbox/scenarios), or the Cisco
 * (practice) connection to the built-in sandbox (whose Desk API is then
 * signed in to as the trainee, as the practice portal does), the window
 * shows
 * - the practice date in the header bar whenever the sandbox clock's date
 *   is not today's, read again every few seconds while the window is shown,
 *   when it is focused again, and at once after this app moved the clock
 *   (win.practice-clock-changed, sa_window_training_clock_changed()); a
 *   shorter form when the header bar has no room for "Practice date: …"
 *   (a 360 px window): the date alone, its day and month, else a calendar
 *   icon, each saying the date in full in its tooltip and to a screen
 *   reader (an AdwSqueezer made here around the label of sa-window.ui);
 * - the Training Scenarios view, whose exercise in progress is read again
 *   with the clock while another view is shown, so that its completion is
 *   announced wherever the trainee works;
 * - the Class view, when the user is a trainer (GET /sandbox/class answers);
 * and, with a sandbox back end only, the training controls of the order
 * page find the sandbox client here (sa_window_get_training_client()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sa-access-requests-view.h"
#include "sa-class-view.h"
#include "sa-hand-off-private.h"
#include "sa-orders-view.h"
#include "sa-sandbox-server.h"
#include "sa-scenarios-view.h"
#include "sa-training-order-controls.h"
#include "sa-training-poll.h"
#include "sa-ui-util.h"
#include "sa-window-training.h"

#define CLOCK_POLL_SECONDS 5
#define STATE_KEY          "sa-window-training"

typedef struct
{
  SaWindow     *window;         /* owns this */
  SaClient     *window_client;  /* the window's own */
  SaDeskClient *client;         /* the sandbox's, once the probe said so */
  gboolean      controls;       /* client is the window's: training controls */
  GCancellable *cancellable;
  GCancellable *clock_cancellable;
  gulong        active_handler;
} TrainingState;

static void
state_free (gpointer data)
{
  TrainingState *state = data;

  g_cancellable_cancel (state->cancellable);
  g_clear_object (&state->cancellable);
  g_cancellable_cancel (state->clock_cancellable);
  g_clear_object (&state->clock_cancellable);
  g_clear_object (&state->client);
  g_clear_object (&state->window_client);
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

/* The narrowest window the metainfo claims (test-ui-narrow.c checks it). */
#define NARROWEST_WIDTH 360
#define SHORT_FORMS_KEY "sa-window-training-short-dates"

/* The practice date's shorter forms, after the template's label
 * ("Practice date: …"), widest first: the date alone, its day and month, a
 * calendar icon. */
enum
{
  FORM_DATE,
  FORM_DAY,
  FORM_ICON,
  N_SHORT_FORMS
};

static const char *const form_names[N_SHORT_FORMS] = {
  "practice_date_short", "practice_date_day", "practice_date_icon",
};

/* The header bar's start cannot widen the practice date beyond its
 * minimum (the view switcher in the middle comes first), so the minimum
 * chooses the form shown: the template's label is moved into an
 * AdwSqueezer with the shorter forms, and the squeezer asks for the widest
 * form with which the window still fits NARROWEST_WIDTH (set_date_width()).
 * The squeezer is shown and hidden with the label. Returns the shorter
 * forms (owned by the window). */
static GtkWidget **
ensure_short_forms (SaWindow *window)
{
  GtkWidget *label = GTK_WIDGET (child (window, "practice_date_label"));
  GtkWidget *header_bar = gtk_widget_get_ancestor (label, ADW_TYPE_HEADER_BAR);
  GtkWidget **forms = g_object_get_data (G_OBJECT (window), SHORT_FORMS_KEY);
  GtkWidget *squeezer;

  if (forms != NULL)
    return forms;
  g_return_val_if_fail (header_bar != NULL, NULL);

  g_object_ref (label);
  adw_header_bar_remove (ADW_HEADER_BAR (header_bar), label);
  squeezer = adw_squeezer_new ();
  adw_squeezer_set_transition_type (ADW_SQUEEZER (squeezer), ADW_SQUEEZER_TRANSITION_TYPE_NONE);
  adw_squeezer_set_switch_threshold_policy (ADW_SQUEEZER (squeezer), ADW_FOLD_THRESHOLD_POLICY_NATURAL);
  adw_squeezer_set_xalign (ADW_SQUEEZER (squeezer), 0);
  gtk_widget_set_valign (squeezer, GTK_ALIGN_CENTER);
  /* the long form whole or not at all */
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_NONE);
  adw_squeezer_add (ADW_SQUEEZER (squeezer), label);
  g_object_unref (label);

  forms = g_new0 (GtkWidget *, N_SHORT_FORMS);
  for (guint i = 0; i < N_SHORT_FORMS; i++)
    {
      forms[i] = i == FORM_ICON ? gtk_image_new_from_icon_name ("x-office-calendar-symbolic") : gtk_label_new (NULL);
      gtk_widget_set_name (forms[i], form_names[i]);
      gtk_widget_set_valign (forms[i], GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (forms[i], "caption-heading");
      gtk_widget_add_css_class (forms[i], "warning");
      adw_squeezer_add (ADW_SQUEEZER (squeezer), forms[i]);
    }
  g_object_set_data_full (G_OBJECT (window), SHORT_FORMS_KEY, forms, g_free);

  g_object_bind_property (label, "visible", squeezer, "visible", G_BINDING_SYNC_CREATE);
  /* where the label was: after the Training indicator */
  adw_header_bar_pack_start (ADW_HEADER_BAR (header_bar), squeezer);

  return forms;
}

/* The squeezer of the shown practice date asks for the widest form (the
 * long one, the date, the day and month; else the icon) with which the
 * header bar still fits NARROWEST_WIDTH: in a wider window the same form
 * shows, unless the header bar has room for a wider one. */
static void
set_date_width (GtkWidget *label)
{
  GtkWidget *squeezer = gtk_widget_get_parent (label);
  GtkWidget *header_bar = gtk_widget_get_ancestor (squeezer, ADW_TYPE_HEADER_BAR);
  GtkWidget *candidates[] = { label, NULL, NULL };
  GtkWidget **forms = ensure_short_forms (SA_WINDOW (gtk_widget_get_root (label)));
  int header = 0, smallest = 0, request = -1;

  candidates[1] = forms[FORM_DATE];
  candidates[2] = forms[FORM_DAY];
  gtk_widget_set_size_request (squeezer, -1, -1);
  gtk_widget_measure (header_bar, GTK_ORIENTATION_HORIZONTAL, -1, &header, NULL, NULL, NULL);
  gtk_widget_measure (squeezer, GTK_ORIENTATION_HORIZONTAL, -1, &smallest, NULL, NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      int natural = 0;

      gtk_widget_measure (candidates[i], GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      if (header - smallest + natural <= NARROWEST_WIDTH)
        {
          request = natural;
          break;
        }
    }
  gtk_widget_set_size_request (squeezer, request, -1);
}

static void
show_practice_date (SaWindow  *window,
                    GDateTime *now)
{
  GtkWidget *label = GTK_WIDGET (child (window, "practice_date_label"));
  g_autoptr(GDateTime) local = now != NULL ? g_date_time_to_local (now) : NULL;
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  gboolean differs, changed = FALSE;

  differs = local != NULL &&
            (g_date_time_get_year (local) != g_date_time_get_year (today) ||
             g_date_time_get_day_of_year (local) != g_date_time_get_day_of_year (today));
  if (differs)
    {
      GtkWidget **forms = ensure_short_forms (window);
      g_autofree char *date = sa_ui_format_date (local);
      /* Translators: in the header bar, in training, when the practice clock was moved; %s is a date */
      g_autofree char *text = g_strdup_printf (_("Practice date: %s"), date);
      g_autofree char *tooltip = g_strdup_printf ("%s\n%s", text, gtk_widget_get_tooltip_text (label));
      /* Translators: the practice date in a narrow header bar (360 px): the
       * day and the month only, as g_date_time_format() takes it ("Jan 3");
       * keep it as short, e.g. "%d/%m" */
      g_autofree char *day = g_date_time_format (local, _("%b %-d"));

      changed = !gtk_widget_get_visible (label) || g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), text) != 0;
      gtk_label_set_text (GTK_LABEL (label), text);
      /* the shorter forms say it in full in their tooltips and to a screen reader */
      gtk_label_set_text (GTK_LABEL (forms[FORM_DATE]), date);
      gtk_label_set_text (GTK_LABEL (forms[FORM_DAY]), day);
      for (guint i = 0; i < N_SHORT_FORMS; i++)
        {
          gtk_widget_set_tooltip_text (forms[i], tooltip);
          gtk_accessible_update_property (GTK_ACCESSIBLE (forms[i]), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
        }
    }
  gtk_widget_set_visible (label, differs);
  /* measured once the date is shown, again when it changes (not at every read) */
  if (changed)
    set_date_width (label);
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

/* Reads the practice clock; a read still running is dropped (it may have
 * started before a change). */
static void
read_clock (gpointer widget)
{
  TrainingState *state = get_state (SA_WINDOW (widget));

  if (state == NULL || state->client == NULL)
    return;
  g_cancellable_cancel (state->clock_cancellable);
  g_clear_object (&state->clock_cancellable);
  state->clock_cancellable = g_cancellable_new ();
  sa_desk_client_sandbox_get_clock_async (state->client, state->clock_cancellable, clock_cb, widget);
}

/* The window's poll: the practice clock, and an exercise in progress while
 * the trainee works in another view (its completion is then announced
 * wherever they are). */
static void
window_poll (gpointer widget)
{
  SaScenariosView *view = SA_SCENARIOS_VIEW (child (SA_WINDOW (widget), "scenarios_view"));

  read_clock (widget);
  if (!gtk_widget_get_mapped (GTK_WIDGET (view)) && sa_scenarios_view_get_in_progress (view))
    sa_scenarios_view_refresh (view);
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
  state->controls = SA_CLIENT (source) == state->window_client;
  adw_view_stack_page_set_visible (ADW_VIEW_STACK_PAGE (child (window, "scenarios_page")), TRUE);
  sa_scenarios_view_set_client (SA_SCENARIOS_VIEW (child (window, "scenarios_view")), state->client);
  sa_training_poll_attach (GTK_WIDGET (window), CLOCK_POLL_SECONDS, window_poll);
  sa_desk_client_sandbox_get_class_async (state->client, state->cancellable, class_probe_cb, window);
}

/* The Cisco (practice) connection: signed in to the same sandbox's Desk API
 * as the trainee, for the exercises. */
static void
practice_sign_in_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(SaClient) desk = SA_CLIENT (source);
  g_autoptr(GError) error = NULL;
  TrainingState *state;

  if (!sa_client_sign_in_finish (desk, result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("The practice sandbox's exercises not read: %s", error->message);
      return;
    }
  state = get_state (SA_WINDOW (user_data));
  sa_desk_client_sandbox_list_scenarios_async (SA_DESK_CLIENT (desk), state->cancellable, scenarios_probe_cb,
                                               user_data);
}

/* win.training-data-changed: a scenario started, or a trainer put the
 * class at one's start; the views read the practice data again, and the
 * clock, reset with it. */
static void
training_data_changed_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  SaWindow *window = SA_WINDOW (widget);
  TrainingState *state = get_state (window);

  if (state == NULL || state->client == NULL)
    return;
  sa_orders_view_set_client (sa_window_get_orders_view (window), state->window_client);
  sa_training_poll_now (widget);
}

/* win.practice-clock-changed: this app moved the practice clock. */
static void
practice_clock_changed_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  sa_window_training_clock_changed (SA_WINDOW (widget));
}

/**
 * sa_window_training_clock_changed:
 * @window: a #SaWindow
 *
 * This app moved the practice clock (the trainer's clock controls, a reset
 * of the training data): the practice date is read again at once rather
 * than at the next poll. Views inside the window activate
 * win.practice-clock-changed instead.
 */
void
sa_window_training_clock_changed (SaWindow *window)
{
  g_return_if_fail (SA_IS_WINDOW (window));

  sa_training_poll_now (GTK_WIDGET (window));
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
  gtk_widget_class_install_action (widget_class, "win.practice-clock-changed", NULL,
                                   practice_clock_changed_action);
}

/**
 * sa_window_training_set_client:
 * @window: a #SaWindow
 * @client: its new client
 * @training: whether @client is the built-in sandbox's
 *
 * Asks @client's back end whether it is a sandbox with training scenarios
 * (any Desk client with %SA_CLIENT_FEATURE_TRAINING_CONTROLS: the built-in
 * one or a classroom server; or, with the Cisco (practice) connection, the
 * built-in sandbox behind it, signed in to as the trainee); if so, shows the
 * Training Scenarios view, the practice date when it is not today's, and,
 * to a trainer, the Class view. Call from sa_window_set_client().
 */
void
sa_window_training_set_client (SaWindow *window,
                               SaClient *client,
                               gboolean  training)
{
  TrainingState *state;
  g_autofree char *practice_uri = NULL;

  sa_window_training_dispose (window);
  state = g_new0 (TrainingState, 1);
  state->window = window;
  state->window_client = client != NULL ? g_object_ref (client) : NULL;
  state->cancellable = g_cancellable_new ();
  state->clock_cancellable = g_cancellable_new ();
  g_object_set_data_full (G_OBJECT (window), STATE_KEY, state, state_free);
  state->active_handler = g_signal_connect (window, "notify::is-active", G_CALLBACK (on_active_changed), NULL);

  adw_view_stack_page_set_visible (ADW_VIEW_STACK_PAGE (child (window, "scenarios_page")), FALSE);
  adw_view_stack_page_set_visible (ADW_VIEW_STACK_PAGE (child (window, "class_page")), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (child (window, "practice_date_label")), FALSE);
  sa_scenarios_view_set_client (SA_SCENARIOS_VIEW (child (window, "scenarios_view")), NULL);
  sa_class_view_set_client (SA_CLASS_VIEW (child (window, "class_view")), NULL);

  if (client == NULL)
    return;
  if (SA_IS_DESK_CLIENT (client) && (sa_client_get_features (client) & SA_CLIENT_FEATURE_TRAINING_CONTROLS) != 0)
    {
      sa_desk_client_sandbox_list_scenarios_async (SA_DESK_CLIENT (client), state->cancellable,
                                                   scenarios_probe_cb, window);
      return;
    }
  practice_uri = sa_hand_off_dup_practice_uri (client);
  if (practice_uri != NULL)
    sa_client_sign_in_async (sa_desk_client_new (practice_uri), SA_SANDBOX_TRAINING_USERNAME,
                             SA_SANDBOX_TRAINING_PASSWORD, state->cancellable, practice_sign_in_cb, window);
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
  sa_training_poll_detach (GTK_WIDGET (window));
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
 *   sandbox (training or classroom), else %NULL (the Cisco practice
 *   connection included: its order pages show Cisco's answers)
 */
SaDeskClient *
sa_window_get_training_client (SaWindow *self)
{
  TrainingState *state;

  g_return_val_if_fail (SA_IS_WINDOW (self), NULL);

  state = get_state (self);
  return state != NULL && state->controls ? state->client : NULL;
}
